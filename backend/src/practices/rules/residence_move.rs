//! From an approved declaration to the registry's move: who goes where, and how each
//! mover is related to the head of the family they belong to afterwards.

use chrono::NaiveDate;

use super::declaration::{Citizenship, DeclaredPerson, ResidenceDeclaration};
use crate::registry::moves::{Address, Destination, Move, MovingPerson, Newcomer, Who};
use crate::registry::rules::vocabulary::{Relationship, ITALIAN_CITIZENSHIP};
use crate::registry::PersonId;

/// What the registry says about the declaration's places.
pub struct Situation {
    /// The family the applicant (or the resident movers) belong to today.
    pub from_family: Option<String>,
    /// How many members that family has today.
    pub from_family_size: usize,
    /// The family of the person already living at the address, when the declaration
    /// names one with a bond.
    pub join_family: Option<String>,
    pub postcode: String,
}

/// `member`'s relationship to the head of a family in which the applicant is `applicant`,
/// from `member`'s relationship to the applicant.
pub fn through_applicant(applicant: Relationship, member: Relationship) -> Relationship {
    use Relationship::*;
    match (applicant, member) {
        (Head, other) => other,
        (Spouse | CivilPartner, Child) => Child,
        (Spouse | CivilPartner, Spouse | CivilPartner) => Head,
        (Child, Spouse) => ChildInLaw,
        (Child, Child) => Grandchild,
        (Child, Parent) => Head,
        (Parent, Child) => Head,
        (Parent, Spouse | CivilPartner) => Parent,
        (Sibling, Sibling | Parent) => member,
        (_, NotRelated) | (_, Cohabitant) => NotRelated,
        _ => OtherRelative,
    }
}

/// The registry citizenship of a newcomer: `IT`, or the state of birth for a foreigner
/// born abroad; a foreigner born in Italy gets the code of the unknown state (`Z999`),
/// which the office completes.
pub fn newcomer_citizenship(person: &DeclaredPerson) -> String {
    match person.citizenship {
        Some(Citizenship::It) | None => ITALIAN_CITIZENSHIP.to_owned(),
        _ if person.birth_place_code.starts_with('Z') => person.birth_place_code.clone(),
        _ => "Z999".to_owned(),
    }
}

pub fn plan(declaration: &ResidenceDeclaration, situation: &Situation, on: NaiveDate) -> Move {
    let movers: Vec<&DeclaredPerson> = declaration.movers().collect();
    let resident_movers = movers
        .iter()
        .filter(|p| p.registry_person_id.is_some())
        .count();
    let whole_family_moves = situation.from_family.is_some()
        && resident_movers == situation.from_family_size
        && resident_movers == movers.len();
    let bond = declaration.existing_resident.as_ref().and_then(|r| r.bond);
    let destination = match (&situation.join_family, bond) {
        (Some(family), Some(_)) => Destination::JoinFamily(family.clone()),
        _ if whole_family_moves => Destination::SameFamily,
        _ => Destination::NewFamily,
    };
    // Relationships to the applicant become relationships to the head afterwards.
    let applicant_moves = movers.iter().any(|p| p.applicant);
    let head_relation = match (&destination, bond) {
        (Destination::JoinFamily(_), Some(bond)) => bond,
        _ => Relationship::Head,
    };
    let new_head = (!applicant_moves && destination == Destination::NewFamily)
        .then(|| movers.first().map(|p| p.fiscal_code.clone()))
        .flatten();
    let new_head_relation = movers
        .first()
        .and_then(|p| p.relationship)
        .unwrap_or(Relationship::OtherRelative);
    let moving = movers
        .iter()
        .map(|person| {
            let to_applicant = if person.applicant {
                Relationship::Head
            } else {
                person.relationship.unwrap_or(Relationship::OtherRelative)
            };
            let relationship = match &new_head {
                _ if person.applicant => head_relation,
                Some(head) if *head == person.fiscal_code => Relationship::Head,
                Some(_) => {
                    if new_head_relation == Relationship::Child
                        && to_applicant == Relationship::Child
                    {
                        Relationship::Sibling
                    } else {
                        Relationship::OtherRelative
                    }
                }
                None => through_applicant(head_relation, to_applicant),
            };
            MovingPerson {
                who: match &person.registry_person_id {
                    Some(id) => Who::Resident(PersonId::new(id.clone())),
                    None => Who::Newcomer(Newcomer {
                        fiscal_code: person.fiscal_code.trim().to_uppercase(),
                        surname: person.surname.trim().to_uppercase(),
                        name: person.name.trim().to_uppercase(),
                        sex: person.sex.map(|s| s.as_str()).unwrap_or("M").to_owned(),
                        birth_date: person.birth_date.unwrap_or(on),
                        birth_place_code: person.birth_place_code.trim().to_owned(),
                        citizenship: newcomer_citizenship(person),
                    }),
                },
                relationship,
            }
        })
        .collect();
    let address = &declaration.address;
    let optional = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
    // The registry keeps the flat number ("int." is printed before it); staircase and
    // floor follow it. Without a flat number they stay in the declaration only.
    let interior = optional(&address.interior)
        .map(|flat| {
            [
                Some(flat),
                optional(&address.staircase).map(|s| format!("scala {s}")),
                optional(&address.floor).map(|f| format!("piano {f}")),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
        })
        .unwrap_or_default();
    Move {
        on,
        address: Address {
            street: address.street.trim().to_owned(),
            house_number: address.house_number.trim().to_uppercase(),
            interior: Some(interior).filter(|i| !i.is_empty()),
            postcode: situation.postcode.clone(),
        },
        from_family: situation.from_family.clone(),
        destination,
        movers: moving,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practices::rules::declaration::{ExistingResident, NewAddress};

    fn person(
        id: Option<&str>,
        applicant: bool,
        moves: bool,
        relationship: Option<Relationship>,
    ) -> DeclaredPerson {
        DeclaredPerson {
            registry_person_id: id.map(str::to_owned),
            applicant,
            moves,
            fiscal_code: id.unwrap_or("NEW").to_owned(),
            relationship,
            ..DeclaredPerson::default()
        }
    }

    fn situation(size: usize, join: Option<&str>) -> Situation {
        Situation {
            from_family: Some("F1".into()),
            from_family_size: size,
            join_family: join.map(str::to_owned),
            postcode: "00099".into(),
        }
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap_or_default()
    }

    #[test]
    fn the_whole_family_moving_only_changes_its_address() {
        let declaration = ResidenceDeclaration {
            persons: vec![
                person(Some("a"), true, true, None),
                person(Some("b"), false, true, Some(Relationship::Spouse)),
            ],
            address: NewAddress {
                street: "Via Roma".into(),
                house_number: "3b".into(),
                floor: "2".into(),
                ..NewAddress::default()
            },
            ..ResidenceDeclaration::default()
        };
        let change = plan(&declaration, &situation(2, None), day());
        assert_eq!(change.destination, Destination::SameFamily);
        assert_eq!(change.address.house_number, "3B");
        assert_eq!(
            change.address.interior, None,
            "a floor without a flat number"
        );
        let mut with_flat = declaration.clone();
        with_flat.address.interior = "5".into();
        with_flat.address.staircase = "B".into();
        let change = plan(&with_flat, &situation(2, None), day());
        assert_eq!(
            change.address.interior.as_deref(),
            Some("5, scala B, piano 2")
        );
    }

    #[test]
    fn part_of_the_family_founds_a_new_one_headed_by_the_applicant() {
        let declaration = ResidenceDeclaration {
            persons: vec![
                person(Some("a"), true, true, None),
                person(Some("b"), false, true, Some(Relationship::Child)),
                person(Some("c"), false, false, Some(Relationship::Parent)),
            ],
            ..ResidenceDeclaration::default()
        };
        let change = plan(&declaration, &situation(3, None), day());
        assert_eq!(change.destination, Destination::NewFamily);
        let relationships: Vec<Relationship> =
            change.movers.iter().map(|m| m.relationship).collect();
        assert_eq!(relationships, vec![Relationship::Head, Relationship::Child]);
    }

    #[test]
    fn children_moving_without_the_applicant_are_headed_by_the_first() {
        let declaration = ResidenceDeclaration {
            persons: vec![
                person(Some("a"), true, false, None),
                person(Some("b"), false, true, Some(Relationship::Child)),
                person(Some("c"), false, true, Some(Relationship::Child)),
            ],
            ..ResidenceDeclaration::default()
        };
        let change = plan(&declaration, &situation(3, None), day());
        let relationships: Vec<Relationship> =
            change.movers.iter().map(|m| m.relationship).collect();
        assert_eq!(
            relationships,
            vec![Relationship::Head, Relationship::Sibling]
        );
    }

    #[test]
    fn joining_a_family_relates_movers_through_the_bond() {
        let declaration = ResidenceDeclaration {
            persons: vec![
                person(Some("a"), true, true, None),
                person(Some("b"), false, true, Some(Relationship::Spouse)),
            ],
            existing_resident: Some(ExistingResident {
                bond: Some(Relationship::Child),
                ..ExistingResident::default()
            }),
            ..ResidenceDeclaration::default()
        };
        let change = plan(&declaration, &situation(2, Some("F2")), day());
        assert_eq!(change.destination, Destination::JoinFamily("F2".into()));
        let relationships: Vec<Relationship> =
            change.movers.iter().map(|m| m.relationship).collect();
        assert_eq!(
            relationships,
            vec![Relationship::Child, Relationship::ChildInLaw]
        );
    }

    #[test]
    fn newcomers_enter_with_their_declared_particulars() {
        let mut newcomer = person(None, true, true, None);
        newcomer.citizenship = Some(Citizenship::NonEu);
        newcomer.birth_place_code = "Z100".into();
        let declaration = ResidenceDeclaration {
            persons: vec![newcomer],
            ..ResidenceDeclaration::default()
        };
        let change = plan(
            &declaration,
            &Situation {
                from_family: None,
                from_family_size: 0,
                join_family: None,
                postcode: "00099".into(),
            },
            day(),
        );
        assert_eq!(change.destination, Destination::NewFamily);
        let Who::Newcomer(entered) = &change.movers[0].who else {
            panic!("a newcomer")
        };
        assert_eq!(entered.citizenship, "Z100");
    }
}
