//! The catalogue of certificate types: the six of seed 001 and the ANPR types the
//! registry holds the data for.
//!
//! Left out on purpose: the certificato di contratto di convivenza and the certificato
//! di residenza in convivenza (ANPR issues both). The registry stores neither
//! cohabitation contracts (L. 76/2016, art. 1 c. 50) nor institutional cohabitations
//! (convivenze anagrafiche, art. 5 D.P.R. 223/1989), so nothing could be certified.
//!
//! Stamp duty. Every certificate here is drawn from the anagrafe (the registry of the
//! resident population), and anagrafe certificates owe 16,00 EUR from the origin (art.
//! 4, Tariffa parte I, D.P.R. 642/1972) unless their usage is exempt. The exemption
//! that needs no usage covers only certificates "desunti esclusivamente dai registri
//! dello stato civile" (note to art. 4 of the Tariffa, as the Agenzia delle Entrate
//! quotes it in Risoluzione 24/E of 18 April 2016) — extracts of the birth, marriage,
//! civil-union and death acts, which the stato civile office issues from its own
//! registers. The ANPR "anagrafico di nascita / di matrimonio / di unione civile",
//! "stato civile" and "stato libero" are anagrafe certificates: ANPR's open data
//! (italia/anpr-opendata, `certificati_last_month.csv`, February 2026, residents)
//! counts thousands of each issued with the stamp (e.g. STATO LIBERO 3080, NASCITA
//! 2700, STATO CIVILE 3356), and municipalities list them among the certificati
//! anagrafici. So no type here is `always_exempt`; the flag and its rule stay in the
//! catalogue so that a municipality issuing from its stato civile registers can set it.

use crate::platform::i18n::Text;

use super::eligibility::Requirement;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CertificateType {
    EsistenzaInVita,
    Residenza,
    Cittadinanza,
    StatoFamiglia,
    /// Residenza, cittadinanza and stato di famiglia in one certificate.
    Contestuale,
    ListeElettorali,
    Nascita,
    StatoCivile,
    StatoFamigliaStatoCivile,
    StatoFamigliaParentela,
    StatoLibero,
    Matrimonio,
    UnioneCivile,
}

/// The office whose records a certificate speaks of; the UI groups types by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CertificateGroup {
    Anagrafe,
    StatoCivile,
}

impl CertificateGroup {
    /// Stable code for the API: `anagrafe` or `stato_civile`.
    pub fn code(self) -> &'static str {
        match self {
            CertificateGroup::Anagrafe => "anagrafe",
            CertificateGroup::StatoCivile => "stato_civile",
        }
    }

    pub fn name(self) -> Text {
        match self {
            CertificateGroup::Anagrafe => Text::new("Anagrafe", "Population register"),
            CertificateGroup::StatoCivile => Text::new("Stato civile", "Civil status"),
        }
    }
}

/// One entry of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeSpec {
    pub kind: CertificateType,
    /// Stable snake_case code, part of the API and of the seal (`typ`).
    pub code: &'static str,
    pub name: (&'static str, &'static str),
    pub description: (&'static str, &'static str),
    /// Exempt from stamp duty whatever the usage (see the module comment).
    pub always_exempt: bool,
    pub group: CertificateGroup,
    /// Checked in order; the first one the subject fails is the reason given.
    pub requirements: &'static [Requirement],
}

use CertificateGroup::{Anagrafe, StatoCivile};
use Requirement::*;

/// The order of `CertificateType`'s variants: `spec()` indexes by it (tested).
pub const CATALOGUE: [TypeSpec; 13] = [
    TypeSpec {
        kind: CertificateType::EsistenzaInVita,
        code: "esistenza_in_vita",
        name: ("Certificato di esistenza in vita", "Certificate of being alive"),
        description: (
            "Attesta che la persona è in vita alla data di rilascio.",
            "States that the person is alive on the day of issue.",
        ),
        always_exempt: false,
        group: Anagrafe,
        requirements: &[Alive, Resident],
    },
    TypeSpec {
        kind: CertificateType::Residenza,
        code: "residenza",
        name: ("Certificato di residenza", "Certificate of residence"),
        description: (
            "Attesta la residenza nel Comune e l'indirizzo.",
            "States residence in the municipality and the address.",
        ),
        always_exempt: false,
        group: Anagrafe,
        requirements: &[Alive, Resident],
    },
    TypeSpec {
        kind: CertificateType::Cittadinanza,
        code: "cittadinanza",
        name: ("Certificato di cittadinanza", "Certificate of citizenship"),
        description: (
            "Attesta la cittadinanza italiana.",
            "States Italian citizenship.",
        ),
        always_exempt: false,
        group: Anagrafe,
        requirements: &[Alive, Resident, ItalianCitizen],
    },
    TypeSpec {
        kind: CertificateType::StatoFamiglia,
        code: "stato_famiglia",
        name: ("Certificato di stato di famiglia", "Certificate of family status"),
        description: (
            "Elenca i componenti della famiglia anagrafica.",
            "Lists the members of the registered family.",
        ),
        always_exempt: false,
        group: Anagrafe,
        requirements: &[Alive, Resident, FamilyOnRecord],
    },
    TypeSpec {
        kind: CertificateType::Contestuale,
        code: "contestuale",
        name: (
            "Certificato contestuale di residenza, cittadinanza e stato di famiglia",
            "Combined certificate of residence, citizenship and family status",
        ),
        description: (
            "Residenza, cittadinanza italiana e stato di famiglia in un unico certificato.",
            "Residence, Italian citizenship and family status in one certificate.",
        ),
        always_exempt: false,
        group: Anagrafe,
        requirements: &[Alive, Resident, ItalianCitizen, FamilyOnRecord],
    },
    TypeSpec {
        kind: CertificateType::ListeElettorali,
        code: "liste_elettorali",
        name: (
            "Certificato di iscrizione nelle liste elettorali",
            "Certificate of registration on the electoral roll",
        ),
        description: (
            "Attesta l'iscrizione nelle liste elettorali del Comune e la sezione.",
            "States registration on the municipality's electoral roll and the polling section.",
        ),
        always_exempt: false,
        group: Anagrafe,
        requirements: &[Alive, Resident, ItalianCitizen, Elector],
    },
    TypeSpec {
        kind: CertificateType::Nascita,
        code: "nascita",
        name: ("Certificato anagrafico di nascita", "Registry certificate of birth"),
        description: (
            "Attesta data e luogo di nascita risultanti in anagrafe.",
            "States the date and place of birth recorded in the register.",
        ),
        always_exempt: false,
        group: StatoCivile,
        requirements: &[Alive, Resident],
    },
    TypeSpec {
        kind: CertificateType::StatoCivile,
        code: "stato_civile",
        name: ("Certificato di stato civile", "Certificate of civil status"),
        description: (
            "Attesta lo stato civile (celibe, coniugato, vedovo…).",
            "States the civil status (single, married, widowed…).",
        ),
        always_exempt: false,
        group: StatoCivile,
        requirements: &[Alive, Resident, CivilStatusOnRecord],
    },
    TypeSpec {
        kind: CertificateType::StatoFamigliaStatoCivile,
        code: "stato_famiglia_stato_civile",
        name: (
            "Certificato di stato di famiglia e di stato civile",
            "Certificate of family status and civil status",
        ),
        description: (
            "Elenca i componenti della famiglia con lo stato civile di ciascuno.",
            "Lists the family members with the civil status of each.",
        ),
        always_exempt: false,
        group: StatoCivile,
        requirements: &[Alive, Resident, FamilyOnRecord, CivilStatusOnRecord],
    },
    TypeSpec {
        kind: CertificateType::StatoFamigliaParentela,
        code: "stato_famiglia_parentela",
        name: (
            "Certificato di stato di famiglia con rapporti di parentela",
            "Certificate of family status with relationships",
        ),
        description: (
            "Elenca i componenti della famiglia e il rapporto di ciascuno con l'intestatario della scheda.",
            "Lists the family members and how each relates to the head of the family.",
        ),
        always_exempt: false,
        group: Anagrafe,
        requirements: &[Alive, Resident, FamilyOnRecord],
    },
    TypeSpec {
        kind: CertificateType::StatoLibero,
        code: "stato_libero",
        name: ("Certificato di stato libero", "Certificate of free civil status"),
        description: (
            "Attesta che la persona non è coniugata né unita civilmente.",
            "States that the person is neither married nor in a civil union.",
        ),
        always_exempt: false,
        group: StatoCivile,
        requirements: &[Alive, Resident, CivilStatusOnRecord, FreeCivilStatus],
    },
    TypeSpec {
        kind: CertificateType::Matrimonio,
        code: "matrimonio",
        name: (
            "Certificato anagrafico di matrimonio",
            "Registry certificate of marriage",
        ),
        description: (
            "Attesta il matrimonio: con chi, quando e dove è stato celebrato.",
            "States the marriage: to whom, when and where it was celebrated.",
        ),
        always_exempt: false,
        group: StatoCivile,
        requirements: &[Alive, Resident, MarriageOnRecord],
    },
    TypeSpec {
        kind: CertificateType::UnioneCivile,
        code: "unione_civile",
        name: (
            "Certificato anagrafico di unione civile",
            "Registry certificate of civil union",
        ),
        description: (
            "Attesta l'unione civile: con chi, quando e dove è stata costituita.",
            "States the civil union: with whom, when and where it was formed.",
        ),
        always_exempt: false,
        group: StatoCivile,
        requirements: &[Alive, Resident, CivilUnionOnRecord],
    },
];

impl CertificateType {
    pub const ALL: [CertificateType; 13] = [
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
        CertificateType::StatoLibero,
        CertificateType::Matrimonio,
        CertificateType::UnioneCivile,
    ];

    pub fn spec(self) -> &'static TypeSpec {
        &CATALOGUE[self as usize]
    }

    pub fn code(self) -> &'static str {
        self.spec().code
    }

    pub fn parse(code: &str) -> Option<CertificateType> {
        CATALOGUE.iter().find(|s| s.code == code).map(|s| s.kind)
    }

    pub fn name(self) -> Text {
        let (it, en) = self.spec().name;
        Text::new(it, en)
    }

    pub fn description(self) -> Text {
        let (it, en) = self.spec().description;
        Text::new(it, en)
    }

    pub fn always_exempt(self) -> bool {
        self.spec().always_exempt
    }

    pub fn group(self) -> CertificateGroup {
        self.spec().group
    }

    /// Who may have this certificate, in one sentence for the catalogue page.
    pub fn eligibility(self) -> Text {
        let requirements = self.spec().requirements;
        let it: Vec<&str> = requirements.iter().map(|r| r.phrase().0).collect();
        let en: Vec<&str> = requirements.iter().map(|r| r.phrase().1).collect();
        Text::new(
            format!("Rilasciabile per persone {}.", join_list(&it, "e")),
            format!("Issued for persons {}.", join_list(&en, "and")),
        )
    }
}

/// `a, b e c`
fn join_list(items: &[&str], and: &str) -> String {
    match items {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_follows_the_variant_order() {
        for (i, kind) in CertificateType::ALL.into_iter().enumerate() {
            assert_eq!(CATALOGUE[i].kind, kind);
            assert_eq!(kind.spec().kind, kind);
        }
    }

    #[test]
    fn codes_are_unique_snake_case_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for kind in CertificateType::ALL {
            let code = kind.code();
            assert!(seen.insert(code), "duplicate code {code}");
            assert!(code.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
            assert_eq!(CertificateType::parse(code), Some(kind));
        }
        assert_eq!(CertificateType::parse("contratto_convivenza"), None);
    }

    #[test]
    fn every_type_names_itself_in_both_languages() {
        for kind in CertificateType::ALL {
            let spec = kind.spec();
            assert!(!spec.name.0.is_empty() && !spec.name.1.is_empty());
            assert!(spec.description.0.ends_with('.') && spec.description.1.ends_with('.'));
            assert_eq!(spec.requirements.first(), Some(&Requirement::Alive));
        }
    }

    #[test]
    fn the_seed_types_are_all_there() {
        for code in [
            "esistenza_in_vita",
            "residenza",
            "cittadinanza",
            "stato_famiglia",
            "contestuale",
            "liste_elettorali",
        ] {
            assert_eq!(
                CertificateType::parse(code).map(|t| t.group()),
                Some(CertificateGroup::Anagrafe)
            );
        }
    }

    #[test]
    fn eligibility_reads_as_a_sentence() {
        assert_eq!(
            CertificateType::ListeElettorali.eligibility().it,
            "Rilasciabile per persone in vita, residenti nel Comune, di cittadinanza italiana e iscritte nelle liste elettorali del Comune."
        );
        assert_eq!(
            CertificateType::Residenza.eligibility().en,
            "Issued for persons alive and resident in the municipality."
        );
    }
}
