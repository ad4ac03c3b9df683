//! The registry's vocabulary: relationship to the head of family and civil status,
//! with the wording the certificates use (it depends on the person's sex).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::sex::Sex;
use crate::platform::i18n::Lang;

/// Relationship to the head of the family (intestatario scheda), as ANPR records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    Head,
    Spouse,
    CivilPartner,
    Child,
    ChildInLaw,
    Grandchild,
    Parent,
    ParentInLaw,
    Sibling,
    Cohabitant,
    OtherRelative,
    NotRelated,
}

impl Relationship {
    pub const ALL: [Relationship; 12] = [
        Relationship::Head,
        Relationship::Spouse,
        Relationship::CivilPartner,
        Relationship::Child,
        Relationship::ChildInLaw,
        Relationship::Grandchild,
        Relationship::Parent,
        Relationship::ParentInLaw,
        Relationship::Sibling,
        Relationship::Cohabitant,
        Relationship::OtherRelative,
        Relationship::NotRelated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relationship::Head => "head",
            Relationship::Spouse => "spouse",
            Relationship::CivilPartner => "civil_partner",
            Relationship::Child => "child",
            Relationship::ChildInLaw => "child_in_law",
            Relationship::Grandchild => "grandchild",
            Relationship::Parent => "parent",
            Relationship::ParentInLaw => "parent_in_law",
            Relationship::Sibling => "sibling",
            Relationship::Cohabitant => "cohabitant",
            Relationship::OtherRelative => "other_relative",
            Relationship::NotRelated => "not_related",
        }
    }

    pub fn parse(value: &str) -> Option<Relationship> {
        Relationship::ALL.into_iter().find(|r| r.as_str() == value)
    }

    /// The label printed on a stato di famiglia, e.g. "FIGLIA", "MOGLIE".
    pub fn label_it(self, sex: Sex) -> &'static str {
        let female = sex == Sex::F;
        match self {
            Relationship::Head => "INTESTATARIO SCHEDA",
            Relationship::Spouse if female => "MOGLIE",
            Relationship::Spouse => "MARITO",
            Relationship::CivilPartner => "UNITO CIVILMENTE",
            Relationship::Child if female => "FIGLIA",
            Relationship::Child => "FIGLIO",
            Relationship::ChildInLaw if female => "NUORA",
            Relationship::ChildInLaw => "GENERO",
            Relationship::Grandchild => "NIPOTE",
            Relationship::Parent if female => "MADRE",
            Relationship::Parent => "PADRE",
            Relationship::ParentInLaw if female => "SUOCERA",
            Relationship::ParentInLaw => "SUOCERO",
            Relationship::Sibling if female => "SORELLA",
            Relationship::Sibling => "FRATELLO",
            Relationship::Cohabitant if female => "CONVIVENTE (DI FATTO)",
            Relationship::Cohabitant => "CONVIVENTE (DI FATTO)",
            Relationship::OtherRelative => "ALTRO PARENTE",
            Relationship::NotRelated => "NON PARENTE",
        }
    }

    /// For English readers of the portal (documents stay in Italian).
    pub fn label_en(self, sex: Sex) -> &'static str {
        let female = sex == Sex::F;
        match self {
            Relationship::Head => "Head of the family",
            Relationship::Spouse if female => "Wife",
            Relationship::Spouse => "Husband",
            Relationship::CivilPartner => "Civil partner",
            Relationship::Child if female => "Daughter",
            Relationship::Child => "Son",
            Relationship::ChildInLaw if female => "Daughter-in-law",
            Relationship::ChildInLaw => "Son-in-law",
            Relationship::Grandchild => "Grandchild",
            Relationship::Parent if female => "Mother",
            Relationship::Parent => "Father",
            Relationship::ParentInLaw if female => "Mother-in-law",
            Relationship::ParentInLaw => "Father-in-law",
            Relationship::Sibling if female => "Sister",
            Relationship::Sibling => "Brother",
            Relationship::Cohabitant => "Cohabitant (de facto)",
            Relationship::OtherRelative => "Other relative",
            Relationship::NotRelated => "Not related",
        }
    }

    pub fn label(self, sex: Sex, lang: Lang) -> &'static str {
        match lang {
            Lang::It => self.label_it(sex),
            Lang::En => self.label_en(sex),
        }
    }
}

/// Civil status (stato civile), with the outcomes of civil unions that Italian law
/// (L. 76/2016) distinguishes from those of marriage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CivilStatus {
    Unmarried,
    Married,
    Widowed,
    Divorced,
    CivilUnion,
    CivilUnionDissolvedByDeath,
    CivilUnionDissolved,
}

impl CivilStatus {
    pub const ALL: [CivilStatus; 7] = [
        CivilStatus::Unmarried,
        CivilStatus::Married,
        CivilStatus::Widowed,
        CivilStatus::Divorced,
        CivilStatus::CivilUnion,
        CivilStatus::CivilUnionDissolvedByDeath,
        CivilStatus::CivilUnionDissolved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CivilStatus::Unmarried => "unmarried",
            CivilStatus::Married => "married",
            CivilStatus::Widowed => "widowed",
            CivilStatus::Divorced => "divorced",
            CivilStatus::CivilUnion => "civil_union",
            CivilStatus::CivilUnionDissolvedByDeath => "civil_union_dissolved_by_death",
            CivilStatus::CivilUnionDissolved => "civil_union_dissolved",
        }
    }

    pub fn parse(value: &str) -> Option<CivilStatus> {
        CivilStatus::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// Free to marry or to enter a civil union (what a "stato libero" certifies).
    pub fn is_free(self) -> bool {
        !matches!(self, CivilStatus::Married | CivilStatus::CivilUnion)
    }

    pub fn label_it(self, sex: Sex) -> &'static str {
        let female = sex == Sex::F;
        match self {
            CivilStatus::Unmarried if female => "NUBILE",
            CivilStatus::Unmarried => "CELIBE",
            CivilStatus::Married if female => "CONIUGATA",
            CivilStatus::Married => "CONIUGATO",
            CivilStatus::Widowed if female => "VEDOVA",
            CivilStatus::Widowed => "VEDOVO",
            CivilStatus::Divorced if female => "DIVORZIATA",
            CivilStatus::Divorced => "DIVORZIATO",
            CivilStatus::CivilUnion if female => "UNITA CIVILMENTE",
            CivilStatus::CivilUnion => "UNITO CIVILMENTE",
            CivilStatus::CivilUnionDissolvedByDeath => {
                "STATO LIBERO A SEGUITO DI DECESSO DELLA PARTE UNITA CIVILMENTE"
            }
            CivilStatus::CivilUnionDissolved => {
                "STATO LIBERO A SEGUITO DI SCIOGLIMENTO DELL'UNIONE CIVILE"
            }
        }
    }

    /// For English readers of the portal (documents stay in Italian).
    pub fn label_en(self) -> &'static str {
        match self {
            CivilStatus::Unmarried => "Unmarried",
            CivilStatus::Married => "Married",
            CivilStatus::Widowed => "Widowed",
            CivilStatus::Divorced => "Divorced",
            CivilStatus::CivilUnion => "In a civil union",
            CivilStatus::CivilUnionDissolvedByDeath => "Free after the death of the civil partner",
            CivilStatus::CivilUnionDissolved => "Free after the dissolution of the civil union",
        }
    }

    pub fn label(self, sex: Sex, lang: Lang) -> &'static str {
        match lang {
            Lang::It => self.label_it(sex),
            Lang::En => self.label_en(),
        }
    }
}

/// Citizenship as the registry stores it: `IT` for Italian citizens, otherwise the
/// Belfiore code (`Z…`) of the foreign state.
pub const ITALIAN_CITIZENSHIP: &str = "IT";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for r in Relationship::ALL {
            assert_eq!(Relationship::parse(r.as_str()), Some(r));
        }
        for s in CivilStatus::ALL {
            assert_eq!(CivilStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(Relationship::parse("boss"), None);
    }

    #[test]
    fn labels_follow_the_sex() {
        assert_eq!(Relationship::Child.label_it(Sex::F), "FIGLIA");
        assert_eq!(Relationship::Spouse.label_it(Sex::M), "MARITO");
        assert_eq!(CivilStatus::Unmarried.label_it(Sex::F), "NUBILE");
        assert_eq!(CivilStatus::Married.label_it(Sex::M), "CONIUGATO");
        assert!(!CivilStatus::Married.is_free());
        assert!(CivilStatus::Divorced.is_free());
    }

    #[test]
    fn english_labels_translate_every_code() {
        assert_eq!(
            Relationship::Head.label(Sex::M, Lang::En),
            "Head of the family"
        );
        assert_eq!(Relationship::Child.label(Sex::F, Lang::En), "Daughter");
        assert_eq!(CivilStatus::Married.label(Sex::F, Lang::En), "Married");
        assert_eq!(CivilStatus::Married.label(Sex::F, Lang::It), "CONIUGATA");
        for sex in [Sex::F, Sex::M] {
            for r in Relationship::ALL {
                assert_ne!(r.label_en(sex), r.label_it(sex), "{r:?}");
            }
            for s in CivilStatus::ALL {
                assert_ne!(s.label_en(), s.label_it(sex), "{s:?}");
            }
        }
    }
}
