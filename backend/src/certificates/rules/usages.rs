//! The catalogue of usages (uso del certificato). The usage decides the stamp duty: an
//! anagrafe certificate owes 16,00 EUR (art. 4, Tariffa parte I, D.P.R. 642/1972;
//! the amount since 26 June 2013, art. 7-bis c. 3 D.L. 43/2013) unless a law exempts
//! the use it is put to; an exempt certificate must print the norm (Agenzia delle
//! Entrate, Risoluzione 24/E of 2016 and earlier ones), so each description below is
//! the line the certificate prints.
//!
//! How each reference was checked (search of public texts, November 2026):
//! - Tab. B art. 1 (electoral), art. 3 (criminal proceedings), art. 5 (taxes): against
//!   the text of the Tabella B itself, as republished in full.
//! - Tab. B art. 9 (compulsory social insurance, family allowances, pensions paid
//!   abroad), art. 11 (school, nurseries, scholarships), art. 13 (guardianship,
//!   adoption and foster care, with art. 82 L. 184/1983), art. 16 (documents acquired
//!   by a public administration), art. 27-bis (ONLUS, inserted by art. 17 D.Lgs.
//!   460/1997): against the exemption lists of several municipalities (Melegnano, Cori)
//!   and the Tuttocamere schedule of exemptions; not against the Tabella's own wording.
//! - Tab. B art. 12 (pensions): the seed manual's reference, used by real municipal
//!   certificates; the Tabella's own text of art. 12 was not found, so it is unverified.
//! - Art. 19 L. 6 marzo 1987, n. 74 (separation and divorce): municipal lists (Cori).
//! - Art. 18 D.P.R. 30 maggio 2002, n. 115 (Testo unico spese di giustizia): the
//!   contributo unificato replaces the stamp duty on the acts of a proceeding
//!   "inclusi quelli antecedenti, necessari o funzionali"; Risoluzione 24/E of 18 April
//!   2016 applies it to anagrafe certificates requested to serve judicial acts
//!   (notifica), and Circolare 70/E of 2002 to those produced in proceedings. The seed
//!   manual's "art. 8 D.P.R. 115/2000" names a decree that does not exist.

use crate::platform::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Usage {
    Bollo,
    NotificaAttiGiudiziari,
    ScioglimentoMatrimonio,
    MateriaPenale,
    Pensione,
    TutelaMinoriInterdetti,
    Elettorale,
    Tributi,
    PensioniAssegniFamiliari,
    Scuola,
    AdozioneAffidamento,
    RapportiPa,
    ProcedimentiGiudiziari,
    Onlus,
    /// Another exemption the requester claims; its text is printed as written.
    Altro,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UsageSpec {
    pub kind: Usage,
    /// Stable snake_case code, part of the API.
    pub code: &'static str,
    /// The usage line as the certificate prints it (Italian), and its English gloss.
    pub description: (&'static str, &'static str),
    /// The exempting norm in short, for lists and the API.
    pub legal_reference: Option<&'static str>,
    pub stamp_duty_cents: u32,
    /// The request must carry a marca da bollo (identifier and issue date).
    pub requires_stamp: bool,
    /// The request must carry `usage_text` (1–256 characters), printed as written.
    pub requires_text: bool,
}

/// The stamp duty on a certificate in carta resa legale: 16,00 EUR.
pub const STAMP_DUTY_CENTS: u32 = 1600;

const fn exempt(
    kind: Usage,
    code: &'static str,
    description: (&'static str, &'static str),
    legal_reference: &'static str,
) -> UsageSpec {
    UsageSpec {
        kind,
        code,
        description,
        legal_reference: Some(legal_reference),
        stamp_duty_cents: 0,
        requires_stamp: false,
        requires_text: false,
    }
}

/// The order of `Usage`'s variants: `spec()` indexes by it (tested).
pub const CATALOGUE: [UsageSpec; 15] = [
    UsageSpec {
        kind: Usage::Bollo,
        code: "bollo",
        description: (
            "Si rilascia in carta resa legale",
            "Issued on paper made legal (stamp duty paid)",
        ),
        legal_reference: None,
        stamp_duty_cents: STAMP_DUTY_CENTS,
        requires_stamp: true,
        requires_text: false,
    },
    exempt(
        Usage::NotificaAttiGiudiziari,
        "notifica_atti_giudiziari",
        (
            "Si rilascia in esenzione dall'imposta di bollo ad uso notifica di atti giudiziari ai sensi dell'art. 18 del D.P.R. 30 maggio 2002, n. 115",
            "Exempt from stamp duty: for serving judicial acts (art. 18 Presidential Decree 115/2002)",
        ),
        "art. 18 D.P.R. 115/2002",
    ),
    exempt(
        Usage::ScioglimentoMatrimonio,
        "scioglimento_matrimonio",
        (
            "Si rilascia in esenzione dall'imposta di bollo ad uso separazione, scioglimento o cessazione degli effetti civili del matrimonio ai sensi dell'art. 19 della L. 6 marzo 1987, n. 74",
            "Exempt from stamp duty: for separation or divorce proceedings (art. 19 Law 74/1987)",
        ),
        "art. 19 L. 74/1987",
    ),
    exempt(
        Usage::MateriaPenale,
        "materia_penale",
        (
            "Si rilascia in esenzione dall'imposta di bollo ad uso atti, documenti e provvedimenti dei procedimenti in materia penale ai sensi dell'art. 3 della Tabella B allegata al D.P.R. 26 ottobre 1972, n. 642",
            "Exempt from stamp duty: for criminal proceedings (art. 3 Table B, Presidential Decree 642/1972)",
        ),
        "art. 3 Tab. B D.P.R. 642/1972",
    ),
    exempt(
        Usage::Pensione,
        "pensione",
        (
            "Si rilascia in esenzione dall'imposta di bollo ad uso pensione ai sensi dell'art. 12 della Tabella B allegata al D.P.R. 26 ottobre 1972, n. 642",
            "Exempt from stamp duty: for a pension (art. 12 Table B, Presidential Decree 642/1972)",
        ),
        "art. 12 Tab. B D.P.R. 642/1972",
    ),
    exempt(
        Usage::TutelaMinoriInterdetti,
        "tutela_minori_interdetti",
        (
            "Si rilascia in esenzione dall'imposta di bollo ad uso tutela dei minori e degli interdetti ai sensi dell'art. 13 della Tabella B allegata al D.P.R. 26 ottobre 1972, n. 642",
            "Exempt from stamp duty: for the guardianship of minors and incapacitated persons (art. 13 Table B, Presidential Decree 642/1972)",
        ),
        "art. 13 Tab. B D.P.R. 642/1972",
    ),
    exempt(
        Usage::Elettorale,
        "elettorale",
        (
            "Si rilascia in esenzione dall'imposta di bollo ad uso elettorale ai sensi dell'art. 1 della Tabella B allegata al D.P.R. 26 ottobre 1972, n. 642",
            "Exempt from stamp duty: for electoral purposes (art. 1 Table B, Presidential Decree 642/1972)",
        ),
        "art. 1 Tab. B D.P.R. 642/1972",
    ),
    exempt(
        Usage::Tributi,
        "tributi",
        (
            "Si rilascia in esenzione dall'imposta di bollo ad uso applicazione delle leggi tributarie ai sensi dell'art. 5 della Tabella B allegata al D.P.R. 26 ottobre 1972, n. 642",
            "Exempt from stamp duty: for tax purposes (art. 5 Table B, Presidential Decree 642/1972)",
        ),
        "art. 5 Tab. B D.P.R. 642/1972",
    ),
    exempt(
        Usage::PensioniAssegniFamiliari,
        "pensioni_assegni_familiari",
        (
            "Si rilascia in esenzione dall'imposta di bollo ad uso assicurazioni sociali obbligatorie, pensioni e assegni familiari ai sensi dell'art. 9 della Tabella B allegata al D.P.R. 26 ottobre 1972, n. 642",
            "Exempt from stamp duty: for compulsory social insurance, pensions and family allowances (art. 9 Table B, Presidential Decree 642/1972)",
        ),
        "art. 9 Tab. B D.P.R. 642/1972",
    ),
    exempt(
        Usage::Scuola,
        "scuola",
        (
            "Si rilascia in esenzione dall'imposta di bollo ad uso scuola dell'obbligo, asili nido e borse di studio ai sensi dell'art. 11 della Tabella B allegata al D.P.R. 26 ottobre 1972, n. 642",
            "Exempt from stamp duty: for compulsory schooling, nurseries and scholarships (art. 11 Table B, Presidential Decree 642/1972)",
        ),
        "art. 11 Tab. B D.P.R. 642/1972",
    ),
    exempt(
        Usage::AdozioneAffidamento,
        "adozione_affidamento",
        (
            "Si rilascia in esenzione dall'imposta di bollo ad uso adozione e affidamento di minori ai sensi dell'art. 13 della Tabella B allegata al D.P.R. 26 ottobre 1972, n. 642 e dell'art. 82 della L. 4 maggio 1983, n. 184",
            "Exempt from stamp duty: for adoption and foster care (art. 13 Table B, Presidential Decree 642/1972; art. 82 Law 184/1983)",
        ),
        "art. 13 Tab. B D.P.R. 642/1972; art. 82 L. 184/1983",
    ),
    exempt(
        Usage::RapportiPa,
        "rapporti_pa",
        (
            "Si rilascia in esenzione dall'imposta di bollo ad uso rapporti tra pubbliche amministrazioni ai sensi dell'art. 16 della Tabella B allegata al D.P.R. 26 ottobre 1972, n. 642",
            "Exempt from stamp duty: for dealings between public administrations (art. 16 Table B, Presidential Decree 642/1972)",
        ),
        "art. 16 Tab. B D.P.R. 642/1972",
    ),
    exempt(
        Usage::ProcedimentiGiudiziari,
        "procedimenti_giudiziari",
        (
            "Si rilascia in esenzione dall'imposta di bollo ad uso procedimento giudiziario ai sensi dell'art. 18 del D.P.R. 30 maggio 2002, n. 115",
            "Exempt from stamp duty: for judicial proceedings (art. 18 Presidential Decree 115/2002)",
        ),
        "art. 18 D.P.R. 115/2002",
    ),
    exempt(
        Usage::Onlus,
        "onlus",
        (
            "Si rilascia in esenzione dall'imposta di bollo ad uso ONLUS ai sensi dell'art. 27-bis della Tabella B allegata al D.P.R. 26 ottobre 1972, n. 642, introdotto dall'art. 17 del D.Lgs. 4 dicembre 1997, n. 460",
            "Exempt from stamp duty: for a non-profit organisation (ONLUS) (art. 27-bis Table B, Presidential Decree 642/1972, inserted by art. 17 Legislative Decree 460/1997)",
        ),
        "art. 27-bis Tab. B D.P.R. 642/1972; art. 17 D.Lgs. 460/1997",
    ),
    UsageSpec {
        kind: Usage::Altro,
        code: "altro",
        description: (
            "Si rilascia in esenzione dall'imposta di bollo per il seguente uso dichiarato dal richiedente",
            "Exempt from stamp duty for another use declared by the requester",
        ),
        legal_reference: None,
        stamp_duty_cents: 0,
        requires_stamp: false,
        requires_text: true,
    },
];

impl Usage {
    pub const ALL: [Usage; 15] = [
        Usage::Bollo,
        Usage::NotificaAttiGiudiziari,
        Usage::ScioglimentoMatrimonio,
        Usage::MateriaPenale,
        Usage::Pensione,
        Usage::TutelaMinoriInterdetti,
        Usage::Elettorale,
        Usage::Tributi,
        Usage::PensioniAssegniFamiliari,
        Usage::Scuola,
        Usage::AdozioneAffidamento,
        Usage::RapportiPa,
        Usage::ProcedimentiGiudiziari,
        Usage::Onlus,
        Usage::Altro,
    ];

    pub fn spec(self) -> &'static UsageSpec {
        &CATALOGUE[self as usize]
    }

    pub fn code(self) -> &'static str {
        self.spec().code
    }

    pub fn parse(code: &str) -> Option<Usage> {
        CATALOGUE.iter().find(|s| s.code == code).map(|s| s.kind)
    }

    pub fn description(self) -> Text {
        let (it, en) = self.spec().description;
        Text::new(it, en)
    }

    pub fn legal_reference(self) -> Option<&'static str> {
        self.spec().legal_reference
    }

    pub fn stamp_duty_cents(self) -> u32 {
        self.spec().stamp_duty_cents
    }

    pub fn requires_stamp(self) -> bool {
        self.spec().requires_stamp
    }

    pub fn requires_text(self) -> bool {
        self.spec().requires_text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_follows_the_variant_order() {
        for (i, kind) in Usage::ALL.into_iter().enumerate() {
            assert_eq!(CATALOGUE[i].kind, kind);
        }
    }

    #[test]
    fn codes_are_unique_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for usage in Usage::ALL {
            assert!(seen.insert(usage.code()));
            assert_eq!(Usage::parse(usage.code()), Some(usage));
        }
        assert_eq!(Usage::parse("carta_libera"), None);
    }

    #[test]
    fn only_bollo_costs_and_needs_a_stamp() {
        for usage in Usage::ALL {
            let spec = usage.spec();
            assert_eq!(spec.requires_stamp, usage == Usage::Bollo);
            assert_eq!(spec.stamp_duty_cents > 0, spec.requires_stamp);
            assert_eq!(spec.requires_text, usage == Usage::Altro);
        }
        assert_eq!(Usage::Bollo.stamp_duty_cents(), 1600);
    }

    #[test]
    fn every_exemption_prints_its_norm() {
        for usage in Usage::ALL {
            let printed = usage.spec().description.0;
            match usage.legal_reference() {
                Some(reference) => {
                    assert!(printed
                        .starts_with("Si rilascia in esenzione dall'imposta di bollo ad uso"));
                    assert!(printed.contains("ai sensi dell"), "{printed}");
                    assert!(!reference.is_empty());
                }
                None => assert!(matches!(usage, Usage::Bollo | Usage::Altro)),
            }
        }
    }

    #[test]
    fn judicial_usages_cite_the_testo_unico_of_2002() {
        for usage in [Usage::NotificaAttiGiudiziari, Usage::ProcedimentiGiudiziari] {
            assert_eq!(usage.legal_reference(), Some("art. 18 D.P.R. 115/2002"));
            assert!(usage
                .spec()
                .description
                .0
                .contains("30 maggio 2002, n. 115"));
        }
        assert!(CATALOGUE
            .iter()
            .all(|s| !s.description.0.contains("115/2000")));
    }
}
