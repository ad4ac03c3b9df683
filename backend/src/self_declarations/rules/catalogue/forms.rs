//! The definition of each form of the catalogue: its code, the letter of art. 46 comma 1
//! it rests on (none for the art. 47 affidavit), its name, its description and the
//! fields it adds to the declarant's particulars.

use super::super::fields::{FieldKind, FieldSpec, Source, CAPACITIES, CIVIL_STATUSES, RELATIVES};
use super::{Article, KindInfo};
use crate::platform::i18n::StaticText;

const fn t(it: &'static str, en: &'static str) -> StaticText {
    StaticText::new(it, en)
}

const TEXT: FieldKind = FieldKind::Text { max: 120 };

const fn art46(
    code: &'static str,
    letter: &'static str,
    name: StaticText,
    description: StaticText,
    fields: &'static [FieldSpec],
) -> KindInfo {
    KindInfo {
        code,
        article: Article::Art46,
        letter: Some(letter),
        name,
        description,
        fields,
    }
}

pub(super) static BIRTH: KindInfo = art46(
    "nascita",
    "a",
    t("Dichiarazione di nascita", "Date and place of birth"),
    t(
        "Data e luogo di nascita del dichiarante.",
        "The declarant's date and place of birth.",
    ),
    &[],
);

pub(super) static RESIDENCE: KindInfo = art46(
    "residenza",
    "b",
    t("Dichiarazione di residenza", "Residence"),
    t(
        "Comune e indirizzo di residenza.",
        "Municipality and address of residence.",
    ),
    &[],
);

pub(super) static CITIZENSHIP: KindInfo = art46(
    "cittadinanza",
    "c",
    t("Dichiarazione di cittadinanza", "Citizenship"),
    t("La cittadinanza posseduta.", "The citizenship held."),
    &[FieldSpec::new(
        "citizenship",
        t("Cittadinanza", "Citizenship"),
        FieldKind::Text { max: 60 },
    )
    .from(Source::Registry)
    .hint(t(
        "ITALIANA, oppure lo Stato di cittadinanza.",
        "ITALIANA, or the state of citizenship.",
    ))],
);

pub(super) static POLITICAL_RIGHTS: KindInfo = art46(
    "diritti_politici",
    "d",
    t("Dichiarazione di godimento dei diritti civili e politici", "Civil and political rights"),
    t(
        "Il godimento dei diritti civili e politici e, se lo si indica, l'iscrizione nelle liste elettorali di un Comune.",
        "Enjoyment of civil and political rights and, if given, registration in a municipality's electoral lists.",
    ),
    &[FieldSpec::new(
        "electoral_municipality",
        t("Comune nelle cui liste elettorali si è iscritti", "Municipality of the electoral lists"),
        FieldKind::Text { max: 80 },
    )
    .optional()
    .from(Source::Registry)],
);

pub(super) static CIVIL_STATUS: KindInfo = art46(
    "stato_civile",
    "e",
    t("Dichiarazione di stato civile", "Civil status"),
    t(
        "Stato di celibe o nubile, coniugato/a, vedovo/a, divorziato/a, unito/a civilmente o stato libero.",
        "Unmarried, married, widowed, divorced, in a civil union, or free.",
    ),
    &[
        FieldSpec::new("civil_status", t("Stato civile", "Civil status"), FieldKind::Choice(&CIVIL_STATUSES))
            .from(Source::Registry),
        FieldSpec::new(
            "civil_status_detail",
            t("Precisazioni (con chi, da quando)", "Details (with whom, since when)"),
            FieldKind::Text { max: 160 },
        )
        .optional()
        .from(Source::Registry)
        .hint(t("Ad esempio: con ROSSI ANNA dal 12/06/2010.", "For example: con ROSSI ANNA dal 12/06/2010.")),
    ],
);

pub(super) static FAMILY: KindInfo = art46(
    "stato_famiglia",
    "f",
    t("Dichiarazione di stato di famiglia", "Family composition"),
    t(
        "La composizione della propria famiglia anagrafica, dichiarante compreso.",
        "The members of one's registered family, the declarant included.",
    ),
    &[FieldSpec::new(
        "members",
        t("Componenti della famiglia", "Family members"),
        FieldKind::Members,
    )
    .from(Source::Registry)],
);

pub(super) static ALIVE: KindInfo = art46(
    "esistenza_in_vita",
    "g",
    t("Dichiarazione di esistenza in vita", "Being alive"),
    t(
        "L'esistenza in vita del dichiarante.",
        "That the declarant is alive.",
    ),
    &[],
);

pub(super) static CHILD_BIRTH: KindInfo = art46(
    "nascita_figlio",
    "h",
    t("Dichiarazione di nascita del figlio", "Birth of a child"),
    t(
        "La nascita di un proprio figlio o figlia.",
        "The birth of one's child.",
    ),
    &[
        FieldSpec::new(
            "child_surname",
            t("Cognome del figlio/a", "Child's surname"),
            FieldKind::Text { max: 80 },
        ),
        FieldSpec::new(
            "child_name",
            t("Nome del figlio/a", "Child's name"),
            FieldKind::Text { max: 80 },
        ),
        FieldSpec::new(
            "child_sex",
            t("Sesso del figlio/a", "Child's sex"),
            FieldKind::Sex,
        ),
        FieldSpec::new(
            "child_birth_date",
            t("Data di nascita del figlio/a", "Child's date of birth"),
            FieldKind::Date,
        ),
        FieldSpec::new(
            "child_birth_place",
            t("Luogo di nascita del figlio/a", "Child's place of birth"),
            FieldKind::Text { max: 80 },
        ),
    ],
);

pub(super) static RELATIVE_DEATH: KindInfo = art46(
    "decesso_familiare",
    "h",
    t(
        "Dichiarazione di decesso del coniuge, dell'ascendente o del discendente",
        "Death of a spouse, ascendant or descendant",
    ),
    t(
        "Il decesso del coniuge o della parte dell'unione civile, di un genitore, di un nonno, di un figlio o di un nipote.",
        "The death of one's spouse or civil partner, parent, grandparent, child or grandchild.",
    ),
    &[
        FieldSpec::new("relative", t("Rapporto di parentela", "Relationship"), FieldKind::Choice(&RELATIVES)),
        FieldSpec::new("deceased_surname", t("Cognome del defunto/a", "Surname of the deceased"), FieldKind::Text { max: 80 }),
        FieldSpec::new("deceased_name", t("Nome del defunto/a", "Name of the deceased"), FieldKind::Text { max: 80 }),
        FieldSpec::new("deceased_sex", t("Sesso del defunto/a", "Sex of the deceased"), FieldKind::Sex),
        FieldSpec::new("deceased_birth_place", t("Luogo di nascita del defunto/a", "Place of birth of the deceased"), FieldKind::Text { max: 80 }).optional(),
        FieldSpec::new("deceased_birth_date", t("Data di nascita del defunto/a", "Date of birth of the deceased"), FieldKind::Date).optional(),
        FieldSpec::new("death_place", t("Luogo del decesso", "Place of death"), FieldKind::Text { max: 80 }),
        FieldSpec::new("death_date", t("Data del decesso", "Date of death"), FieldKind::Date),
    ],
);

pub(super) static EDUCATION: KindInfo = art46(
    "titolo_studio",
    "m",
    t(
        "Dichiarazione del titolo di studio",
        "Educational qualification",
    ),
    t(
        "Il titolo di studio conseguito, dove e quando.",
        "The qualification obtained, where and when.",
    ),
    &[
        FieldSpec::new("degree", t("Titolo di studio", "Qualification"), TEXT).hint(t(
            "Ad esempio: diploma di liceo scientifico, laurea magistrale in Giurisprudenza.",
            "For example: diploma di liceo scientifico.",
        )),
        FieldSpec::new(
            "school",
            t("Istituto o università", "School or university"),
            TEXT,
        ),
        FieldSpec::new(
            "year",
            t("Anno di conseguimento", "Year obtained"),
            FieldKind::Year,
        ),
        FieldSpec::new(
            "grade",
            t("Votazione", "Grade"),
            FieldKind::Text { max: 20 },
        )
        .optional(),
    ],
);

pub(super) static QUALIFICATION: KindInfo = art46(
    "qualifica_professionale",
    "n",
    t("Dichiarazione di qualifica professionale", "Professional qualification"),
    t(
        "Qualifica professionale, titolo di specializzazione, di abilitazione, di formazione o di qualificazione tecnica.",
        "Professional qualification, specialisation, licence, training or technical qualification.",
    ),
    &[
        FieldSpec::new("qualification", t("Qualifica o titolo", "Qualification"), TEXT),
        FieldSpec::new("issuer", t("Rilasciato da", "Issued by"), TEXT),
        FieldSpec::new("year", t("Anno di conseguimento", "Year obtained"), FieldKind::Year),
    ],
);

pub(super) static INCOME: KindInfo = art46(
    "situazione_reddituale",
    "o",
    t("Dichiarazione della situazione reddituale o economica", "Income or economic situation"),
    t(
        "La situazione reddituale o economica in un anno, anche per ottenere benefici previsti da leggi speciali.",
        "One's income or economic situation in a year, also to obtain benefits under special laws.",
    ),
    &[
        FieldSpec::new("year", t("Anno di riferimento", "Reference year"), FieldKind::Year),
        FieldSpec::new("situation", t("Situazione reddituale o economica", "Income or economic situation"), FieldKind::LongText { max: 1500 })
            .hint(t("Ad esempio: reddito complessivo lordo di euro 18.500,00.", "For example: reddito complessivo lordo di euro 18.500,00.")),
    ],
);

pub(super) static FISCAL_CODE: KindInfo = art46(
    "codice_fiscale",
    "q",
    t("Dichiarazione del codice fiscale", "Fiscal code"),
    t(
        "Il possesso e il numero del codice fiscale e, se c'è, della partita IVA.",
        "One's fiscal code and, if any, VAT number.",
    ),
    &[FieldSpec::new(
        "vat_number",
        t("Partita IVA", "VAT number"),
        FieldKind::VatNumber,
    )
    .optional()],
);

pub(super) static PUBLIC_REGISTER: KindInfo = art46(
    "iscrizione_albo",
    "i",
    t("Dichiarazione di iscrizione in albi o elenchi", "Registration in a public register"),
    t(
        "L'iscrizione in albi o elenchi tenuti da pubbliche amministrazioni, o in ordini professionali.",
        "Registration in registers or lists kept by public administrations, or in a professional order.",
    ),
    &[
        FieldSpec::new("register", t("Albo, elenco o ordine", "Register, list or order"), TEXT),
        FieldSpec::new("authority", t("Tenuto da", "Kept by"), TEXT),
        FieldSpec::new("number", t("Numero di iscrizione", "Registration number"), FieldKind::Text { max: 40 }).optional(),
        FieldSpec::new("since", t("Data di iscrizione", "Registered since"), FieldKind::Date).optional(),
    ],
);

pub(super) static LEGAL_REPRESENTATIVE: KindInfo = art46(
    "legale_rappresentante",
    "u",
    t("Dichiarazione della qualità di legale rappresentante, tutore o curatore", "Legal representative, guardian or curator"),
    t(
        "La qualità di legale rappresentante di una persona fisica o giuridica, di tutore, di curatore o di amministratore di sostegno.",
        "Acting as legal representative of a person or a legal entity, guardian, curator or support administrator.",
    ),
    &[
        FieldSpec::new("capacity", t("Qualità", "Capacity"), FieldKind::Choice(&CAPACITIES)),
        FieldSpec::new("represented", t("Persona o ente rappresentato", "Person or entity represented"), TEXT),
        FieldSpec::new("represented_code", t("Codice fiscale o partita IVA del rappresentato", "Fiscal code or VAT number of the represented"), FieldKind::Text { max: 16 }).optional(),
        FieldSpec::new("represented_seat", t("Sede o residenza del rappresentato", "Seat or residence of the represented"), TEXT).optional(),
    ],
);

pub(super) static NO_CRIMINAL_RECORD: KindInfo = art46(
    "assenza_condanne_penali",
    "aa",
    t("Dichiarazione di non aver riportato condanne penali", "No criminal convictions"),
    t(
        "Di non aver riportato condanne penali e di non essere destinatario di provvedimenti iscritti nel casellario giudiziale.",
        "No criminal convictions and no measures entered in the criminal records office.",
    ),
    &[],
);

pub(super) static NO_PENDING_CHARGES: KindInfo = art46(
    "assenza_carichi_pendenti",
    "bb",
    t(
        "Dichiarazione di assenza di procedimenti penali in corso",
        "No pending criminal proceedings",
    ),
    t(
        "Di non essere a conoscenza di essere sottoposto a procedimenti penali.",
        "Not being aware of any criminal proceedings against oneself.",
    ),
    &[],
);

pub(super) static AFFIDAVIT: KindInfo = KindInfo {
    code: "atto_notorio",
    article: Article::Art47,
    letter: None,
    name: t("Dichiarazione sostitutiva dell'atto di notorietà", "Affidavit (atto di notorietà)"),
    description: t(
        "Stati, qualità personali e fatti a diretta conoscenza del dichiarante non compresi nell'elenco dell'art. 46, anche relativi ad altre persone. Va allegata copia di un documento di identità.",
        "States, personal qualities and facts known directly to the declarant and not listed in art. 46, also about other persons. A copy of an identity document must be attached.",
    ),
    fields: &[FieldSpec::new("facts", t("Fatti, stati e qualità dichiarati", "Facts, states and qualities declared"), FieldKind::LongText { max: 4000 })
        .hint(t("Scrivere i fatti in modo chiaro e completo; ogni capoverso va a capo.", "State the facts clearly and completely, one paragraph per line."))],
};
