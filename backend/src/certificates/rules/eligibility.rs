//! Who may have which certificate. Each type lists its requirements in the catalogue;
//! `check` answers with the first one the subject fails, as a stable code and a reason
//! in both languages (the API answers 422 `not_eligible` with it).

use crate::platform::i18n::Text;

use super::types::CertificateType;
use crate::registry::facts::SubjectFacts;

/// One condition on the registry's facts about the subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Requirement {
    /// A deceased person's data are certified by the death act, not by the anagrafe.
    Alive,
    /// The anagrafe certifies only its own residents (art. 33 D.P.R. 223/1989).
    Resident,
    /// The municipality records a foreigner's citizenship but cannot certify it: only
    /// Italian citizenship is certified (ANPR refuses the certificate too).
    ItalianCitizen,
    Elector,
    FamilyOnRecord,
    CivilStatusOnRecord,
    /// Not married and not in a civil union: what a stato libero certifies.
    FreeCivilStatus,
    MarriageOnRecord,
    CivilUnionOnRecord,
}

/// Why the subject cannot have the certificate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not eligible: {code}")]
pub struct Ineligible {
    /// Stable snake_case code (`not_elector`, `subject_deceased`, …).
    pub code: &'static str,
    pub reason: Text,
}

impl Requirement {
    /// How the catalogue describes the persons who meet it: "persone {phrase}".
    pub fn phrase(self) -> (&'static str, &'static str) {
        match self {
            Requirement::Alive => ("in vita", "alive"),
            Requirement::Resident => ("residenti nel Comune", "resident in the municipality"),
            Requirement::ItalianCitizen => ("di cittadinanza italiana", "with Italian citizenship"),
            Requirement::Elector => (
                "iscritte nelle liste elettorali del Comune",
                "on the municipality's electoral roll",
            ),
            Requirement::FamilyOnRecord => (
                "con una famiglia anagrafica registrata",
                "with a registered family",
            ),
            Requirement::CivilStatusOnRecord => (
                "con lo stato civile registrato",
                "whose civil status is recorded",
            ),
            Requirement::FreeCivilStatus => (
                "non coniugate né unite civilmente",
                "neither married nor in a civil union",
            ),
            Requirement::MarriageOnRecord => {
                ("con un matrimonio registrato", "with a marriage on record")
            }
            Requirement::CivilUnionOnRecord => (
                "con un'unione civile registrata",
                "with a civil union on record",
            ),
        }
    }

    pub fn holds(self, facts: &SubjectFacts) -> bool {
        match self {
            Requirement::Alive => facts.alive && facts.deceased_on.is_none(),
            Requirement::Resident => facts.resident,
            Requirement::ItalianCitizen => facts.is_italian(),
            Requirement::Elector => facts.is_elector,
            Requirement::FamilyOnRecord => !facts.family.is_empty(),
            Requirement::CivilStatusOnRecord => facts.civil_status.is_some(),
            Requirement::FreeCivilStatus => facts.civil_status.is_some_and(|s| s.is_free()),
            Requirement::MarriageOnRecord => facts.marriage.is_some(),
            Requirement::CivilUnionOnRecord => facts.civil_union.is_some(),
        }
    }

    pub fn failure(self) -> Ineligible {
        let (code, it, en) = match self {
            Requirement::Alive => (
                "subject_deceased",
                "La persona risulta deceduta.",
                "The person is recorded as deceased.",
            ),
            Requirement::Resident => (
                "subject_not_resident",
                "La persona non risulta residente nel Comune.",
                "The person is not recorded as resident in the municipality.",
            ),
            Requirement::ItalianCitizen => (
                "not_italian_citizen",
                "La persona non ha la cittadinanza italiana: il Comune certifica soltanto la cittadinanza italiana.",
                "The person is not an Italian citizen: the municipality certifies Italian citizenship only.",
            ),
            Requirement::Elector => (
                "not_elector",
                "La persona non è iscritta nelle liste elettorali del Comune.",
                "The person is not on the municipality's electoral roll.",
            ),
            Requirement::FamilyOnRecord => (
                "no_family_on_record",
                "Per la persona non risulta registrata alcuna famiglia anagrafica.",
                "No registered family is on record for the person.",
            ),
            Requirement::CivilStatusOnRecord => (
                "no_civil_status",
                "Lo stato civile della persona non risulta registrato.",
                "The person's civil status is not on record.",
            ),
            Requirement::FreeCivilStatus => (
                "not_free_civil_status",
                "La persona risulta coniugata o unita civilmente: non può essere certificato lo stato libero.",
                "The person is married or in a civil union: free status cannot be certified.",
            ),
            Requirement::MarriageOnRecord => (
                "no_marriage_on_record",
                "Non risulta registrato alcun matrimonio della persona.",
                "No marriage of the person is on record.",
            ),
            Requirement::CivilUnionOnRecord => (
                "no_civil_union_on_record",
                "Non risulta registrata alcuna unione civile della persona.",
                "No civil union of the person is on record.",
            ),
        };
        Ineligible {
            code,
            reason: Text::new(it, en),
        }
    }
}

/// Whether the registry's facts allow this certificate about this person.
pub fn check(kind: CertificateType, facts: &SubjectFacts) -> Result<(), Ineligible> {
    match kind
        .spec()
        .requirements
        .iter()
        .find(|requirement| !requirement.holds(facts))
    {
        Some(failed) => Err(failed.failure()),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::facts::fixtures::anna;
    use crate::registry::facts::fixtures::date;
    use crate::registry::facts::fixtures::mario;
    use crate::registry::facts::{PersonName, UnionFacts};
    use crate::registry::rules::vocabulary::CivilStatus;

    fn refused(kind: CertificateType, facts: &SubjectFacts) -> &'static str {
        match check(kind, facts) {
            Err(ineligible) => ineligible.code,
            Ok(()) => panic!("{kind:?} should be refused"),
        }
    }

    #[test]
    fn a_married_resident_italian_elector_gets_all_but_free_status_and_union() {
        let mario = mario();
        for kind in [
            CertificateType::EsistenzaInVita,
            CertificateType::Residenza,
            CertificateType::Cittadinanza,
            CertificateType::StatoFamiglia,
            CertificateType::Contestuale,
            CertificateType::ListeElettorali,
            CertificateType::Nascita,
            CertificateType::StatoCivile,
            CertificateType::StatoFamigliaStatoCivile,
            CertificateType::StatoFamigliaParentela,
            CertificateType::Matrimonio,
        ] {
            assert_eq!(check(kind, &mario), Ok(()), "{kind:?}");
        }
    }

    #[test]
    fn a_deceased_person_gets_no_certificate() {
        let mut facts = mario();
        facts.alive = false;
        facts.resident = false;
        facts.deceased_on = Some(date(2025, 1, 2));
        for kind in CertificateType::ALL {
            assert_eq!(refused(kind, &facts), "subject_deceased");
        }
    }

    #[test]
    fn the_anagrafe_certifies_only_residents() {
        let mut facts = mario();
        facts.resident = false;
        assert_eq!(
            refused(CertificateType::Residenza, &facts),
            "subject_not_resident"
        );
        assert_eq!(
            refused(CertificateType::StatoFamiglia, &facts),
            "subject_not_resident"
        );
        assert_eq!(
            refused(CertificateType::EsistenzaInVita, &facts),
            "subject_not_resident"
        );
    }

    #[test]
    fn only_italian_citizenship_is_certified() {
        let mut facts = mario();
        facts.citizenship_code = "Z110".into();
        assert_eq!(
            refused(CertificateType::Cittadinanza, &facts),
            "not_italian_citizen"
        );
        assert_eq!(
            refused(CertificateType::Contestuale, &facts),
            "not_italian_citizen"
        );
        assert_eq!(
            refused(CertificateType::ListeElettorali, &facts),
            "not_italian_citizen"
        );
        assert_eq!(check(CertificateType::Residenza, &facts), Ok(()));
    }

    #[test]
    fn electoral_lists_need_an_elector() {
        let anna = anna();
        assert_eq!(
            refused(CertificateType::ListeElettorali, &anna),
            "not_elector"
        );
        let reason = match check(CertificateType::ListeElettorali, &anna) {
            Err(ineligible) => ineligible.reason,
            Ok(()) => panic!("should be refused"),
        };
        assert!(reason.it.contains("liste elettorali"));
        assert!(reason.en.contains("electoral roll"));
    }

    #[test]
    fn stato_libero_is_refused_to_married_and_united_persons() {
        assert_eq!(
            refused(CertificateType::StatoLibero, &mario()),
            "not_free_civil_status"
        );
        let mut facts = anna();
        assert_eq!(check(CertificateType::StatoLibero, &facts), Ok(()));
        facts.civil_status = Some(CivilStatus::CivilUnion);
        assert_eq!(
            refused(CertificateType::StatoLibero, &facts),
            "not_free_civil_status"
        );
        for free in [
            CivilStatus::Widowed,
            CivilStatus::Divorced,
            CivilStatus::CivilUnionDissolved,
            CivilStatus::CivilUnionDissolvedByDeath,
        ] {
            facts.civil_status = Some(free);
            assert_eq!(
                check(CertificateType::StatoLibero, &facts),
                Ok(()),
                "{free:?}"
            );
        }
        facts.civil_status = None;
        assert_eq!(
            refused(CertificateType::StatoLibero, &facts),
            "no_civil_status"
        );
        assert_eq!(
            refused(CertificateType::StatoCivile, &facts),
            "no_civil_status"
        );
    }

    #[test]
    fn marriage_and_civil_union_need_one_on_record() {
        let mut facts = anna();
        assert_eq!(
            refused(CertificateType::Matrimonio, &facts),
            "no_marriage_on_record"
        );
        assert_eq!(
            refused(CertificateType::UnioneCivile, &facts),
            "no_civil_union_on_record"
        );
        facts.civil_union = Some(UnionFacts {
            partner: PersonName {
                surname: "VERDI".into(),
                name: "LUCIA".into(),
            },
            date: date(2030, 5, 4),
            place: None,
        });
        facts.civil_status = Some(CivilStatus::CivilUnion);
        assert_eq!(check(CertificateType::UnioneCivile, &facts), Ok(()));
    }

    #[test]
    fn family_certificates_need_a_family() {
        let mut facts = mario();
        facts.family.clear();
        assert_eq!(
            refused(CertificateType::StatoFamiglia, &facts),
            "no_family_on_record"
        );
        assert_eq!(
            refused(CertificateType::StatoFamigliaParentela, &facts),
            "no_family_on_record"
        );
    }
}
