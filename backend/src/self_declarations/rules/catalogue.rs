//! The self-declarations offered: the dichiarazioni sostitutive di certificazione of
//! art. 46 D.P.R. 445/2000 (the letter of the article each rests on) and the
//! dichiarazione sostitutiva dell'atto di notorietà of art. 47, each with its own fields.

mod forms;

use super::fields::{FieldSpec, DECLARANT};
use crate::platform::i18n::StaticText;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Article {
    /// Dichiarazione sostitutiva di certificazione.
    Art46,
    /// Dichiarazione sostitutiva dell'atto di notorietà: signed with a copy of an
    /// identity document attached (art. 38 comma 3).
    Art47,
}

impl Article {
    pub fn number(self) -> u8 {
        match self {
            Article::Art46 => 46,
            Article::Art47 => 47,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeclarationKind {
    Birth,
    Residence,
    Citizenship,
    PoliticalRights,
    CivilStatus,
    Family,
    Alive,
    ChildBirth,
    RelativeDeath,
    Education,
    ProfessionalQualification,
    Income,
    FiscalCode,
    PublicRegister,
    LegalRepresentative,
    NoCriminalRecord,
    NoPendingCharges,
    Affidavit,
}

pub struct KindInfo {
    pub code: &'static str,
    pub article: Article,
    /// The letter of art. 46 comma 1, e.g. `b` for residence.
    pub letter: Option<&'static str>,
    pub name: StaticText,
    pub description: StaticText,
    pub fields: &'static [FieldSpec],
}

impl DeclarationKind {
    pub const ALL: [DeclarationKind; 18] = [
        DeclarationKind::Birth,
        DeclarationKind::Residence,
        DeclarationKind::Citizenship,
        DeclarationKind::PoliticalRights,
        DeclarationKind::CivilStatus,
        DeclarationKind::Family,
        DeclarationKind::Alive,
        DeclarationKind::ChildBirth,
        DeclarationKind::RelativeDeath,
        DeclarationKind::Education,
        DeclarationKind::ProfessionalQualification,
        DeclarationKind::Income,
        DeclarationKind::FiscalCode,
        DeclarationKind::PublicRegister,
        DeclarationKind::LegalRepresentative,
        DeclarationKind::NoCriminalRecord,
        DeclarationKind::NoPendingCharges,
        DeclarationKind::Affidavit,
    ];

    pub fn parse(code: &str) -> Option<DeclarationKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn code(self) -> &'static str {
        self.info().code
    }

    pub fn article(self) -> Article {
        self.info().article
    }

    /// The declarant's particulars, then the fields of this kind.
    pub fn fields(self) -> impl Iterator<Item = &'static FieldSpec> {
        DECLARANT.iter().chain(self.info().fields)
    }

    pub fn field(self, key: &str) -> Option<&'static FieldSpec> {
        self.fields().find(|f| f.key == key)
    }

    pub fn info(self) -> &'static KindInfo {
        use DeclarationKind::*;
        match self {
            Birth => &forms::BIRTH,
            Residence => &forms::RESIDENCE,
            Citizenship => &forms::CITIZENSHIP,
            PoliticalRights => &forms::POLITICAL_RIGHTS,
            CivilStatus => &forms::CIVIL_STATUS,
            Family => &forms::FAMILY,
            Alive => &forms::ALIVE,
            ChildBirth => &forms::CHILD_BIRTH,
            RelativeDeath => &forms::RELATIVE_DEATH,
            Education => &forms::EDUCATION,
            ProfessionalQualification => &forms::QUALIFICATION,
            Income => &forms::INCOME,
            FiscalCode => &forms::FISCAL_CODE,
            PublicRegister => &forms::PUBLIC_REGISTER,
            LegalRepresentative => &forms::LEGAL_REPRESENTATIVE,
            NoCriminalRecord => &forms::NO_CRIMINAL_RECORD,
            NoPendingCharges => &forms::NO_PENDING_CHARGES,
            Affidavit => &forms::AFFIDAVIT,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fields::{FieldKind, Source, SEXES};
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_field_keys_are_unique() {
        let codes: HashSet<_> = DeclarationKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(codes.len(), DeclarationKind::ALL.len());
        for kind in DeclarationKind::ALL {
            assert_eq!(DeclarationKind::parse(kind.code()), Some(kind));
            let keys: Vec<_> = kind.fields().map(|f| f.key).collect();
            let unique: HashSet<_> = keys.iter().collect();
            assert_eq!(unique.len(), keys.len(), "{}", kind.code());
        }
    }

    #[test]
    fn only_the_affidavit_rests_on_article_47() {
        for kind in DeclarationKind::ALL {
            let info = kind.info();
            assert_eq!(
                info.article == Article::Art47,
                kind == DeclarationKind::Affidavit
            );
            assert_eq!(info.letter.is_none(), info.article == Article::Art47);
        }
    }

    #[test]
    fn identity_fields_are_the_declarants_particulars_only() {
        for kind in DeclarationKind::ALL {
            for field in kind.info().fields {
                assert_ne!(field.source, Source::Identity, "{}", field.key);
            }
        }
        assert_eq!(SEXES.len(), 2);
    }

    #[test]
    fn every_form_is_worded_in_both_languages() {
        let worded = |text: StaticText| !text.it.trim().is_empty() && !text.en.trim().is_empty();
        for kind in DeclarationKind::ALL {
            let info = kind.info();
            assert!(
                worded(info.name) && worded(info.description),
                "{}",
                info.code
            );
            if let Some(letter) = info.letter {
                assert!(!letter.is_empty() && letter.bytes().all(|b| b.is_ascii_lowercase()));
            }
            for field in kind.fields() {
                let at = format!("{}.{}", info.code, field.key);
                assert!(worded(field.label), "{at}");
                assert!(field.hint.is_none_or(worded), "{at}");
                assert!(field.kind.max_length().is_none_or(|max| max > 0), "{at}");
            }
        }
    }

    #[test]
    fn every_choice_offers_distinct_worded_options() {
        for kind in DeclarationKind::ALL {
            for field in kind.fields() {
                let options = field.kind.options();
                if let FieldKind::Choice(_) | FieldKind::Sex = field.kind {
                    assert!(!options.is_empty(), "{}", field.key);
                }
                let codes: HashSet<_> = options.iter().map(|o| o.code).collect();
                assert_eq!(codes.len(), options.len(), "{}", field.key);
                assert!(options
                    .iter()
                    .all(|o| !o.label.it.is_empty() && !o.label.en.is_empty()));
            }
        }
    }
}
