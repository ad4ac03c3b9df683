//! Checks of what a person declared (art. 43 and 71 D.P.R. 445/2000) against the
//! registry, as yes/no answers: the administration that asks learns whether the
//! declaration is true, nothing more.

use std::collections::BTreeSet;

use super::vocabulary::CivilStatus;

/// What the declaration says; only the facts given are checked.
#[derive(Debug, Clone, Default)]
pub struct Declared {
    pub resident: Option<bool>,
    pub address: Option<(String, String)>,
    /// The codici fiscali of the other members of the family.
    pub family_members: Option<Vec<String>>,
    pub civil_status: Option<CivilStatus>,
}

/// The registry's facts about the person today.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub resident: bool,
    /// Street and house number of the family's address.
    pub address: Option<(String, String)>,
    pub other_members: Vec<String>,
    pub civil_status: Option<CivilStatus>,
}

/// One answer per fact declared; `None` for a fact not declared.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome {
    pub resident: Option<bool>,
    pub address: Option<bool>,
    pub family_members: Option<bool>,
    pub civil_status: Option<bool>,
}

impl Outcome {
    pub fn all_confirmed(&self) -> bool {
        [
            self.resident,
            self.address,
            self.family_members,
            self.civil_status,
        ]
        .into_iter()
        .flatten()
        .all(|confirmed| confirmed)
    }

    /// The names of the facts checked, for the audit log.
    pub fn checked(&self) -> Vec<&'static str> {
        [
            ("resident", self.resident),
            ("address", self.address),
            ("family_members", self.family_members),
            ("civil_status", self.civil_status),
        ]
        .into_iter()
        .filter_map(|(name, answer)| answer.map(|_| name))
        .collect()
    }
}

/// Compares; a person the registry does not know confirms nothing.
pub fn compare(declared: &Declared, recorded: Option<&Recorded>) -> Outcome {
    let Some(recorded) = recorded else {
        return Outcome {
            resident: declared.resident.map(|said| !said),
            address: declared.address.as_ref().map(|_| false),
            family_members: declared.family_members.as_ref().map(|_| false),
            civil_status: declared.civil_status.map(|_| false),
        };
    };
    let same_text = |a: &str, b: &str| normalise(a) == normalise(b);
    Outcome {
        resident: declared.resident.map(|said| said == recorded.resident),
        address: declared.address.as_ref().map(|(street, number)| {
            recorded.resident
                && recorded
                    .address
                    .as_ref()
                    .is_some_and(|(s, n)| same_text(s, street) && same_text(n, number))
        }),
        family_members: declared.family_members.as_ref().map(|codes| {
            let said: BTreeSet<String> = codes
                .iter()
                .map(|c| c.trim().to_ascii_uppercase())
                .collect();
            let known: BTreeSet<String> = recorded.other_members.iter().cloned().collect();
            recorded.resident && said == known
        }),
        civil_status: declared
            .civil_status
            .map(|said| recorded.civil_status == Some(said)),
    }
}

/// Case, accents, punctuation and repeated spaces do not make addresses differ.
fn normalise(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            'à' | 'á' | 'À' | 'Á' => 'a',
            'è' | 'é' | 'È' | 'É' => 'e',
            'ì' | 'í' | 'Ì' | 'Í' => 'i',
            'ò' | 'ó' | 'Ò' | 'Ó' => 'o',
            'ù' | 'ú' | 'Ù' | 'Ú' => 'u',
            c if c.is_alphanumeric() => c.to_ascii_lowercase(),
            _ => ' ',
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recorded() -> Recorded {
        Recorded {
            resident: true,
            address: Some(("Via Giuseppe Garibaldi".into(), "12/A".into())),
            other_members: vec!["BBBBBB80A41H501X".into(), "CCCCCC10A01H501Y".into()],
            civil_status: Some(CivilStatus::Married),
        }
    }

    #[test]
    fn true_declarations_are_confirmed_whatever_the_spelling() {
        let declared = Declared {
            resident: Some(true),
            address: Some(("via giuseppe  GARIBALDI".into(), "12 a".into())),
            family_members: Some(vec!["cccccc10a01h501y".into(), "BBBBBB80A41H501X".into()]),
            civil_status: Some(CivilStatus::Married),
        };
        let outcome = compare(&declared, Some(&recorded()));
        assert!(outcome.all_confirmed());
        assert_eq!(
            outcome.checked(),
            ["resident", "address", "family_members", "civil_status"]
        );
    }

    #[test]
    fn each_false_fact_is_refused_alone() {
        let declared = Declared {
            resident: None,
            address: Some(("Via Roma".into(), "12/A".into())),
            family_members: Some(vec!["BBBBBB80A41H501X".into()]),
            civil_status: Some(CivilStatus::Unmarried),
        };
        let outcome = compare(&declared, Some(&recorded()));
        assert_eq!(
            outcome,
            Outcome {
                resident: None,
                address: Some(false),
                family_members: Some(false),
                civil_status: Some(false)
            }
        );
        assert!(!outcome.all_confirmed());
    }

    #[test]
    fn an_unknown_person_confirms_only_not_being_resident() {
        let declared = Declared {
            resident: Some(false),
            civil_status: Some(CivilStatus::Married),
            ..Declared::default()
        };
        let outcome = compare(&declared, None);
        assert_eq!(outcome.resident, Some(true));
        assert_eq!(outcome.civil_status, Some(false));
    }
}
