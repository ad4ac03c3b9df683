//! The fields of a self-declaration form: what each holds, and where its value may come
//! from besides the declarant's hand.

use crate::platform::i18n::StaticText;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text, at most `max` characters.
    Text {
        max: usize,
    },
    /// Several lines, at most `max` characters.
    LongText {
        max: usize,
    },
    /// `YYYY-MM-DD`, not in the future: every date declared is of a past fact.
    Date,
    /// A year of four digits, not in the future.
    Year,
    /// `M` or `F`: the wording agrees with it.
    Sex,
    Choice(&'static [Choice]),
    FiscalCode,
    /// The 11 digits of a partita IVA, with its check digit.
    VatNumber,
    /// The rows of a family: `Values::members`, not a single value.
    Members,
}

impl FieldKind {
    /// The name clients see: `text`, `long_text`, `date`, …
    pub fn code(self) -> &'static str {
        match self {
            FieldKind::Text { .. } => "text",
            FieldKind::LongText { .. } => "long_text",
            FieldKind::Date => "date",
            FieldKind::Year => "year",
            FieldKind::Sex => "sex",
            FieldKind::Choice(_) => "choice",
            FieldKind::FiscalCode => "fiscal_code",
            FieldKind::VatNumber => "vat_number",
            FieldKind::Members => "members",
        }
    }

    /// The allowed values of a choice (and of a sex field).
    pub fn options(self) -> &'static [Choice] {
        match self {
            FieldKind::Choice(choices) => choices,
            FieldKind::Sex => &SEXES,
            _ => &[],
        }
    }

    pub fn max_length(self) -> Option<usize> {
        match self {
            FieldKind::Text { max } | FieldKind::LongText { max } => Some(max),
            FieldKind::FiscalCode => Some(16),
            FieldKind::VatNumber => Some(11),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub code: &'static str,
    pub label: StaticText,
}

/// Who may supply a field's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Only the declarant.
    Declarant,
    /// The declarant's identity (generalità and codice fiscale): from the registry for a
    /// resident, from the account identified at the counter otherwise; never changed by
    /// hand, since the declaration is signed by that person.
    Identity,
    /// A registry fact (residence, family, civil status, citizenship): prefilled for a
    /// resident and editable, because the declarant answers for the truth on the day
    /// of signing and the registry may lag (a move declared but not yet recorded, a
    /// marriage abroad not yet transcribed).
    Registry,
}

impl Source {
    pub fn code(self) -> &'static str {
        match self {
            Source::Declarant => "declarant",
            Source::Identity => "identity",
            Source::Registry => "registry",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub key: &'static str,
    pub label: StaticText,
    pub kind: FieldKind,
    pub required: bool,
    pub source: Source,
    pub hint: Option<StaticText>,
}

impl FieldSpec {
    pub const fn new(key: &'static str, label: StaticText, kind: FieldKind) -> FieldSpec {
        FieldSpec {
            key,
            label,
            kind,
            required: true,
            source: Source::Declarant,
            hint: None,
        }
    }

    pub const fn optional(mut self) -> FieldSpec {
        self.required = false;
        self
    }

    pub const fn from(mut self, source: Source) -> FieldSpec {
        self.source = source;
        self
    }

    pub const fn hint(mut self, hint: StaticText) -> FieldSpec {
        self.hint = Some(hint);
        self
    }
}

const fn t(it: &'static str, en: &'static str) -> StaticText {
    StaticText::new(it, en)
}

/// The declarant's particulars, first on every form ("Il sottoscritto … nato a … il …,
/// residente a … in …, codice fiscale …").
pub const DECLARANT: [FieldSpec; 8] = [
    FieldSpec::new(
        "surname",
        t("Cognome", "Surname"),
        FieldKind::Text { max: 80 },
    )
    .from(Source::Identity),
    FieldSpec::new("name", t("Nome", "Name"), FieldKind::Text { max: 80 }).from(Source::Identity),
    FieldSpec::new("sex", t("Sesso", "Sex"), FieldKind::Sex).from(Source::Identity),
    FieldSpec::new(
        "birth_date",
        t("Data di nascita", "Date of birth"),
        FieldKind::Date,
    )
    .from(Source::Identity),
    FieldSpec::new(
        "birth_place",
        t("Luogo di nascita", "Place of birth"),
        FieldKind::Text { max: 80 },
    )
    .from(Source::Identity)
    .hint(t(
        "Comune e sigla della provincia, oppure Stato estero: MANTOVA (MN), FRANCIA.",
        "Municipality and province code, or foreign state: MANTOVA (MN), FRANCIA.",
    )),
    FieldSpec::new(
        "fiscal_code",
        t("Codice fiscale", "Fiscal code"),
        FieldKind::FiscalCode,
    )
    .from(Source::Identity),
    FieldSpec::new(
        "residence_municipality",
        t("Comune di residenza", "Municipality of residence"),
        FieldKind::Text { max: 80 },
    )
    .from(Source::Registry),
    FieldSpec::new(
        "residence_address",
        t("Indirizzo di residenza", "Address of residence"),
        FieldKind::Text { max: 120 },
    )
    .from(Source::Registry)
    .hint(t(
        "Via o piazza e numero civico: VIA ROMA, 12.",
        "Street and house number: VIA ROMA, 12.",
    )),
];

/// The civil statuses one may declare (art. 46 lett. e), with the unions of L. 76/2016.
pub const CIVIL_STATUSES: [Choice; 7] = [
    Choice {
        code: "unmarried",
        label: t("celibe / nubile", "unmarried"),
    },
    Choice {
        code: "married",
        label: t("coniugato/a", "married"),
    },
    Choice {
        code: "widowed",
        label: t("vedovo/a", "widowed"),
    },
    Choice {
        code: "divorced",
        label: t("divorziato/a", "divorced"),
    },
    Choice {
        code: "civil_union",
        label: t("unito/a civilmente", "in a civil union"),
    },
    Choice {
        code: "civil_union_dissolved_by_death",
        label: t(
            "stato libero a seguito di decesso della parte unita civilmente",
            "free after the death of the civil partner",
        ),
    },
    Choice {
        code: "civil_union_dissolved",
        label: t(
            "stato libero a seguito di scioglimento dell'unione civile",
            "free after the dissolution of the civil union",
        ),
    },
];

/// The relatives whose death one may declare (art. 46 lett. h): spouse or civil
/// partner, ascendants and descendants.
pub const RELATIVES: [Choice; 9] = [
    Choice {
        code: "coniuge",
        label: t("coniuge", "spouse"),
    },
    Choice {
        code: "parte_unione_civile",
        label: t("parte dell'unione civile", "civil partner"),
    },
    Choice {
        code: "padre",
        label: t("padre", "father"),
    },
    Choice {
        code: "madre",
        label: t("madre", "mother"),
    },
    Choice {
        code: "nonno",
        label: t("nonno", "grandfather"),
    },
    Choice {
        code: "nonna",
        label: t("nonna", "grandmother"),
    },
    Choice {
        code: "figlio",
        label: t("figlio", "son"),
    },
    Choice {
        code: "figlia",
        label: t("figlia", "daughter"),
    },
    Choice {
        code: "nipote",
        label: t("nipote (figlio/a di un figlio/a)", "grandchild"),
    },
];

/// In what capacity one represents another person or an entity (art. 46 lett. u).
pub const CAPACITIES: [Choice; 4] = [
    Choice {
        code: "legale_rappresentante",
        label: t("legale rappresentante", "legal representative"),
    },
    Choice {
        code: "tutore",
        label: t("tutore", "guardian"),
    },
    Choice {
        code: "curatore",
        label: t("curatore", "curator"),
    },
    Choice {
        code: "amministratore_sostegno",
        label: t("amministratore di sostegno", "support administrator"),
    },
];

pub const SEXES: [Choice; 2] = [
    Choice {
        code: "M",
        label: t("maschile", "male"),
    },
    Choice {
        code: "F",
        label: t("femminile", "female"),
    },
];
