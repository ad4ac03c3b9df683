//! What the registry knows about the subject of a certificate, as plain values. The
//! persistence layer fills it for the situation date; eligibility and wording read it.
//! Names and places come already formatted in capitals, as the registry prints them.

pub mod read;

use chrono::NaiveDate;

use crate::registry::rules::sex::Sex;
use crate::registry::rules::vocabulary::{CivilStatus, Relationship, ITALIAN_CITIZENSHIP};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectFacts {
    pub fiscal_code: String,
    pub surname: String,
    pub name: String,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    /// `MANTOVA (MN)` for an Italian municipality, `FRANCIA` for a foreign state.
    pub birth_place: String,
    /// `IT` for Italian citizens, otherwise the Belfiore code (`Z110`) of the state.
    pub citizenship_code: String,
    /// Registered in this municipality's electoral lists (liste elettorali).
    pub is_elector: bool,
    /// The polling section (sezione elettorale) of an elector, when known.
    pub electoral_section: Option<i32>,
    /// False once the registry records the death.
    pub alive: bool,
    /// Currently registered as resident in this municipality (not deregistered).
    pub resident: bool,
    pub deceased_on: Option<NaiveDate>,
    /// The civil status on the situation date; `None` when the registry has none.
    pub civil_status: Option<CivilStatus>,
    /// The day the current civil status began (marriage, divorce, widowhood…).
    pub civil_status_since: Option<NaiveDate>,
    /// The most recent marriage on record, also when it has since ended (the
    /// anagrafico di matrimonio certifies that it was contracted).
    pub marriage: Option<UnionFacts>,
    /// The most recent civil union on record (L. 76/2016), also when dissolved.
    pub civil_union: Option<UnionFacts>,
    /// The street line of the family's address without the municipality, e.g.
    /// `CORSO GARIBALDI, 107` or `VIA ROMA, 3 INT. 5`; `None` if not resident.
    pub address: Option<String>,
    /// The subject's family on the situation date, the subject included: the head
    /// of the family first, then by birth date (the order the family record uses).
    pub family: Vec<FamilyMemberFacts>,
    /// The name of the issuing municipality in capitals, e.g. `MANTOVA`.
    pub municipality_name: String,
}

/// A marriage or civil union: with whom, when and where it was celebrated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnionFacts {
    pub partner: PersonName,
    pub date: NaiveDate,
    /// Formatted like a birth place; `None` when the registry does not record it.
    pub place: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    pub surname: String,
    pub name: String,
}

impl PersonName {
    /// `ROSSI MARIO`: surname first, as registry documents list persons.
    pub fn full(&self) -> String {
        format!("{} {}", self.surname, self.name)
    }
}

/// One member of the family as a family certificate lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilyMemberFacts {
    pub surname: String,
    pub name: String,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    pub birth_place: String,
    pub fiscal_code: String,
    /// Relationship to the head of the family (intestatario scheda).
    pub relationship: Relationship,
    pub civil_status: Option<CivilStatus>,
}

impl SubjectFacts {
    pub fn is_italian(&self) -> bool {
        self.citizenship_code == ITALIAN_CITIZENSHIP
    }

    pub fn person_name(&self) -> PersonName {
        PersonName {
            surname: self.surname.clone(),
            name: self.name.clone(),
        }
    }

    /// The head of the family (intestatario scheda), if the family names one.
    pub fn head_of_family(&self) -> Option<&FamilyMemberFacts> {
        self.family
            .iter()
            .find(|m| m.relationship == Relationship::Head)
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! A family of Mantova used by the tests of this module's siblings.
    use super::*;

    pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn member(
        surname: &str,
        name: &str,
        sex: Sex,
        birth: NaiveDate,
        fiscal_code: &str,
        relationship: Relationship,
        civil_status: CivilStatus,
    ) -> FamilyMemberFacts {
        FamilyMemberFacts {
            surname: surname.into(),
            name: name.into(),
            sex,
            birth_date: birth,
            birth_place: "MANTOVA (MN)".into(),
            fiscal_code: fiscal_code.into(),
            relationship,
            civil_status: Some(civil_status),
        }
    }

    /// Mario Rossi, married to Giulia Bianchi, with their daughter Anna.
    pub fn mario() -> SubjectFacts {
        SubjectFacts {
            fiscal_code: "RSSMRA80C12E897X".into(),
            surname: "ROSSI".into(),
            name: "MARIO".into(),
            sex: Sex::M,
            birth_date: date(1980, 3, 12),
            birth_place: "MANTOVA (MN)".into(),
            citizenship_code: "IT".into(),
            is_elector: true,
            electoral_section: Some(12),
            alive: true,
            resident: true,
            deceased_on: None,
            civil_status: Some(CivilStatus::Married),
            civil_status_since: Some(date(2008, 6, 14)),
            marriage: Some(UnionFacts {
                partner: PersonName {
                    surname: "BIANCHI".into(),
                    name: "GIULIA".into(),
                },
                date: date(2008, 6, 14),
                place: Some("VERONA (VR)".into()),
            }),
            civil_union: None,
            address: Some("CORSO GARIBALDI, 107".into()),
            family: vec![
                member(
                    "ROSSI",
                    "MARIO",
                    Sex::M,
                    date(1980, 3, 12),
                    "RSSMRA80C12E897X",
                    Relationship::Head,
                    CivilStatus::Married,
                ),
                member(
                    "BIANCHI",
                    "GIULIA",
                    Sex::F,
                    date(1982, 7, 1),
                    "BNCGLI82L41E897Q",
                    Relationship::Spouse,
                    CivilStatus::Married,
                ),
                member(
                    "ROSSI",
                    "ANNA",
                    Sex::F,
                    date(2010, 9, 5),
                    "RSSNNA10P45E897T",
                    Relationship::Child,
                    CivilStatus::Unmarried,
                ),
            ],
            municipality_name: "MANTOVA".into(),
        }
    }

    /// Anna Rossi, Mario's unmarried daughter.
    pub fn anna() -> SubjectFacts {
        let family = mario().family;
        SubjectFacts {
            fiscal_code: "RSSNNA10P45E897T".into(),
            name: "ANNA".into(),
            sex: Sex::F,
            birth_date: date(2010, 9, 5),
            is_elector: false,
            electoral_section: None,
            civil_status: Some(CivilStatus::Unmarried),
            civil_status_since: None,
            marriage: None,
            family,
            ..mario()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;

    #[test]
    fn citizenship_and_head_of_family() {
        let mut mario = mario();
        assert!(mario.is_italian());
        assert_eq!(
            mario.head_of_family().map(|h| h.name.as_str()),
            Some("MARIO")
        );
        mario.citizenship_code = "Z110".into();
        assert!(!mario.is_italian());
        assert_eq!(mario.person_name().full(), "ROSSI MARIO");
    }
}
