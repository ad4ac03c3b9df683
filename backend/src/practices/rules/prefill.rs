//! The declaration as it starts: the applicant and the applicant's family from the
//! registry (their particulars locked: the registry is authoritative), or an empty
//! applicant for a newcomer with what the account knows.

use chrono::NaiveDate;

use super::declaration::{Citizenship, Contacts, DeclaredPerson, MoveKind, ResidenceDeclaration};
use crate::registry::rules::sex::Sex;
use crate::registry::rules::vocabulary::{Relationship, ITALIAN_CITIZENSHIP};

/// A member of the applicant's family as the registry has them today.
#[derive(Debug, Clone)]
pub struct RegistryMember {
    pub person_id: String,
    pub surname: String,
    pub name: String,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    pub birth_place_code: String,
    pub fiscal_code: String,
    /// Registry citizenship code (`IT` or a state's Belfiore code).
    pub citizenship: String,
    /// To the head of the family.
    pub relationship: Relationship,
}

/// What the account knows of a person the registry does not list.
#[derive(Debug, Clone, Default)]
pub struct AccountData {
    pub surname: String,
    pub name: String,
    pub fiscal_code: String,
    pub email: Option<String>,
}

/// EU member states by Belfiore code (the registry records a foreigner's citizenship so).
const EU_STATES: [&str; 26] = [
    "Z102", "Z103", "Z104", "Z105", "Z107", "Z109", "Z110", "Z112", "Z115", "Z116", "Z144", "Z145",
    "Z146", "Z120", "Z121", "Z126", "Z127", "Z128", "Z129", "Z149", "Z150", "Z155", "Z156", "Z131",
    "Z132", "Z134",
];

pub fn citizenship_of(code: &str) -> Citizenship {
    if code == ITALIAN_CITIZENSHIP {
        Citizenship::It
    } else if EU_STATES.contains(&code) {
        Citizenship::Eu
    } else {
        Citizenship::NonEu
    }
}

/// How `member` is related to the applicant, from both relationships to the head. Where
/// the registry's two relationships do not say it, `OtherRelative` (the citizen corrects
/// it in the form).
pub fn relative_to_applicant(applicant: Relationship, member: Relationship) -> Relationship {
    use Relationship::*;
    match (applicant, member) {
        (Head, other) => other,
        (_, Cohabitant) | (Cohabitant, _) | (_, NotRelated) | (NotRelated, _) => NotRelated,
        (Spouse | CivilPartner, Head) => applicant,
        (Spouse | CivilPartner, Child) => Child,
        (Spouse | CivilPartner, Parent) => ParentInLaw,
        (Child, Head | Spouse | CivilPartner) => Parent,
        (Child, Child) => Sibling,
        (Child, Grandchild) => OtherRelative,
        (Child, Parent) => OtherRelative,
        (Parent, Head) => Child,
        (Parent, Child) => Grandchild,
        (Sibling, Head | Sibling) => Sibling,
        _ => OtherRelative,
    }
}

/// The paths of the fields the registry decides for a prefilled person.
pub fn locked_paths(index: usize) -> Vec<String> {
    [
        "surname",
        "name",
        "sex",
        "birth_date",
        "birth_place_code",
        "fiscal_code",
        "citizenship",
    ]
    .iter()
    .map(|field| format!("persons[{index}].{field}"))
    .collect()
}

/// The starting declaration and its locked fields. `family` holds the applicant (whose
/// person id is `applicant_id`) and the other members; empty for a newcomer.
pub fn start(
    family: &[RegistryMember],
    applicant_id: Option<&str>,
    account: &AccountData,
) -> (ResidenceDeclaration, Vec<String>) {
    let applicant = applicant_id.and_then(|id| family.iter().find(|m| m.person_id == id));
    let mut declaration = ResidenceDeclaration {
        contacts: Contacts {
            email: account.email.clone().unwrap_or_default(),
            ..Contacts::default()
        },
        ..ResidenceDeclaration::default()
    };
    let mut locked = Vec::new();
    let Some(applicant) = applicant else {
        // Not in this municipality's registry: arriving from elsewhere.
        declaration.kind = Some(MoveKind::FromOtherMunicipality);
        declaration.persons.push(DeclaredPerson {
            applicant: true,
            moves: true,
            surname: account.surname.clone(),
            name: account.name.clone(),
            fiscal_code: account.fiscal_code.clone(),
            ..DeclaredPerson::default()
        });
        locked.push("persons[0].fiscal_code".to_owned());
        return (declaration, locked);
    };
    declaration.kind = Some(MoveKind::WithinMunicipality);
    let others = family.iter().filter(|m| m.person_id != applicant.person_id);
    for (index, member) in std::iter::once(applicant).chain(others).enumerate() {
        let is_applicant = member.person_id == applicant.person_id;
        declaration.persons.push(DeclaredPerson {
            registry_person_id: Some(member.person_id.clone()),
            applicant: is_applicant,
            moves: is_applicant,
            surname: member.surname.clone(),
            name: member.name.clone(),
            sex: Some(member.sex),
            birth_date: Some(member.birth_date),
            birth_place_code: member.birth_place_code.clone(),
            fiscal_code: member.fiscal_code.clone(),
            citizenship: Some(citizenship_of(&member.citizenship)),
            relationship: (!is_applicant)
                .then(|| relative_to_applicant(applicant.relationship, member.relationship)),
            ..DeclaredPerson::default()
        });
        locked.extend(locked_paths(index));
    }
    (declaration, locked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: &str, relationship: Relationship) -> RegistryMember {
        RegistryMember {
            person_id: id.to_owned(),
            surname: "ROSSI".into(),
            name: id.to_uppercase(),
            sex: Sex::M,
            birth_date: NaiveDate::from_ymd_opt(1980, 1, 1).unwrap_or_default(),
            birth_place_code: "H501".into(),
            fiscal_code: format!("CF{id}"),
            citizenship: "IT".into(),
            relationship,
        }
    }

    #[test]
    fn the_applicant_comes_first_and_the_family_is_related_to_them() {
        let family = [
            member("mario", Relationship::Head),
            member("anna", Relationship::Spouse),
            member("luca", Relationship::Child),
        ];
        let (declaration, locked) = start(&family, Some("luca"), &AccountData::default());
        assert_eq!(declaration.persons[0].name, "LUCA");
        assert!(declaration.persons[0].applicant && declaration.persons[0].moves);
        assert_eq!(
            declaration.persons[1].relationship,
            Some(Relationship::Parent)
        );
        assert_eq!(
            declaration.persons[2].relationship,
            Some(Relationship::Parent)
        );
        assert!(!declaration.persons[1].moves);
        assert!(locked.contains(&"persons[2].fiscal_code".to_owned()));
        assert_eq!(declaration.kind, Some(MoveKind::WithinMunicipality));
    }

    #[test]
    fn a_newcomer_starts_from_the_account() {
        let account = AccountData {
            surname: "BIANCHI".into(),
            name: "ELSA".into(),
            fiscal_code: "BNCLSE80A41H501X".into(),
            email: Some("elsa@example.org".into()),
        };
        let (declaration, locked) = start(&[], None, &account);
        assert_eq!(declaration.kind, Some(MoveKind::FromOtherMunicipality));
        assert_eq!(declaration.persons.len(), 1);
        assert_eq!(declaration.contacts.email, "elsa@example.org");
        assert_eq!(locked, vec!["persons[0].fiscal_code".to_owned()]);
    }

    #[test]
    fn citizenships_are_grouped_as_the_form_asks() {
        assert_eq!(citizenship_of("IT"), Citizenship::It);
        assert_eq!(citizenship_of("Z129"), Citizenship::Eu);
        assert_eq!(citizenship_of("Z100"), Citizenship::NonEu);
    }
}
