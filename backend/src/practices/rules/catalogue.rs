//! The practice types, described as data: their steps with the fields each shows (and
//! which are required), the documents to attach (Obbligatorio / Facoltativo, with the
//! blank templates to download) and the kinds of file each accepts.

use super::attachments::FileKind;
use super::lifecycle::Flow;
use super::steps::Step;
use crate::platform::i18n::StaticText;

pub const RESIDENCE: &str = "cambio-residenza";

pub struct PracticeType {
    pub code: &'static str,
    pub name: StaticText,
    pub description: StaticText,
    pub flow: Flow,
    pub steps: &'static [StepInfo],
    pub documents: &'static [DocumentInfo],
}

pub struct StepInfo {
    pub step: Step,
    pub fields: &'static [FieldInfo],
}

pub struct FieldInfo {
    /// The JSON path in the declaration (`[]` stands for every element of a list).
    pub key: &'static str,
    pub label: StaticText,
    pub required: bool,
}

pub struct DocumentInfo {
    pub code: &'static str,
    pub label: StaticText,
    pub required: bool,
    /// A blank form to download, fill in and attach.
    pub template: Option<Template>,
    pub kinds: &'static [FileKind],
}

pub struct Template {
    pub title: &'static str,
    pub paragraphs: &'static [&'static str],
}

const fn field(key: &'static str, it: &'static str, en: &'static str, required: bool) -> FieldInfo {
    FieldInfo {
        key,
        label: StaticText::new(it, en),
        required,
    }
}

const ANY_DOCUMENT: &[FileKind] = &[FileKind::Pdf, FileKind::Jpeg, FileKind::Png, FileKind::P7m];
const SIGNED_FORM: &[FileKind] = &[FileKind::Pdf, FileKind::P7m];

const PERSON_FIELDS: &[FieldInfo] = &[
    field("persons[].surname", "Cognome", "Surname", true),
    field("persons[].name", "Nome", "Name", true),
    field("persons[].sex", "Sesso", "Sex", true),
    field(
        "persons[].birth_date",
        "Data di nascita",
        "Date of birth",
        true,
    ),
    field(
        "persons[].birth_place_code",
        "Luogo di nascita",
        "Place of birth",
        true,
    ),
    field(
        "persons[].fiscal_code",
        "Codice fiscale",
        "Codice fiscale",
        true,
    ),
    field("persons[].citizenship", "Cittadinanza", "Citizenship", true),
];

pub static TYPES: [PracticeType; 1] = [PracticeType {
    code: RESIDENCE,
    name: StaticText::new("Cambio di residenza o di indirizzo", "Change of residence or address"),
    description: StaticText::new(
        "Dichiarazione di residenza (art. 13 D.P.R. 223/1989): trasferimento da un altro Comune o dall'estero, o cambio di indirizzo nel Comune, per sé e per i propri familiari.",
        "Declaration of residence (art. 13 Presidential Decree 223/1989): moving from another municipality or from abroad, or a change of address within the municipality, for yourself and your family.",
    ),
    flow: Flow { registration: true },
    steps: &[
        StepInfo { step: Step::Documents, fields: &[] },
        StepInfo {
            step: Step::Applicant,
            fields: &[
                field("kind", "Tipo di dichiarazione", "Kind of declaration", true),
                field("other_kind", "Descrizione del caso", "Description of the case", false),
                field("previous_place_code", "Comune o Stato di provenienza", "Municipality or country you come from", false),
                field("previous_address_abroad", "Indirizzo all'estero", "Address abroad", false),
                field("contacts.email", "E-mail", "E-mail", true),
                field("contacts.pec", "PEC", "Certified e-mail (PEC)", false),
                field("contacts.phone", "Telefono", "Telephone", false),
                field("contacts.mobile", "Cellulare", "Mobile", false),
            ],
        },
        StepInfo {
            step: Step::Movers,
            fields: &[
                field("whole_family", "Intero nucleo familiare", "Whole family", false),
                field("persons[].moves", "Si trasferisce", "Moves", false),
                field("persons[].relationship", "Rapporto con il richiedente", "Relationship to the applicant", true),
                field("persons[].has_driving_licence", "Patenti", "Driving licence", false),
                field("persons[].has_vehicles", "Veicoli", "Vehicles", false),
            ],
        },
        StepInfo {
            step: Step::LicencesAndVehicles,
            fields: &[
                field("persons[].driving_licence.number", "Numero patente", "Licence number", true),
                field("persons[].driving_licence.category", "Categoria", "Category", true),
                field("persons[].driving_licence.issued_by", "Rilasciata da", "Issued by", true),
                field("persons[].driving_licence.issued_on", "Data di rilascio", "Date of issue", true),
                field("persons[].vehicles[].kind", "Tipo di veicolo", "Kind of vehicle", true),
                field("persons[].vehicles[].plate", "Targa", "Plate", true),
            ],
        },
        StepInfo {
            step: Step::Dwelling,
            fields: &[
                field("address.street", "Via / piazza", "Street", true),
                field("address.house_number", "Numero civico", "House number", true),
                field("address.staircase", "Scala", "Staircase", false),
                field("address.floor", "Piano", "Floor", false),
                field("address.interior", "Interno", "Flat", false),
                field("occupancy.title", "Titolo di occupazione", "Title of occupancy", true),
                field("occupancy.registration_office", "Agenzia delle Entrate di", "Registered at the Revenue Agency of", false),
                field("occupancy.registration_number", "Numero di registrazione", "Registration number", false),
                field("occupancy.registration_date", "Data di registrazione", "Registration date", false),
                field("occupancy.cadastral_section", "Sezione", "Section", false),
                field("occupancy.cadastral_sheet", "Foglio", "Sheet", false),
                field("occupancy.cadastral_parcel", "Particella o mappale", "Parcel", false),
                field("occupancy.cadastral_subparcel", "Subalterno", "Sub-parcel", false),
                field("existing_resident.surname", "Cognome di una persona già residente", "Surname of a person already living there", false),
                field("existing_resident.name", "Nome", "Name", false),
                field("existing_resident.bond", "Vincolo con la famiglia già residente", "Bond with the family already living there", false),
            ],
        },
        StepInfo { step: Step::Attachments, fields: &[] },
        StepInfo { step: Step::Summary, fields: &[] },
    ],
    documents: &[
        DocumentInfo {
            code: "documento-identita",
            label: StaticText::new(
                "Copia del documento d'identità del richiedente",
                "Copy of the applicant's identity document",
            ),
            required: true,
            template: None,
            kinds: ANY_DOCUMENT,
        },
        DocumentInfo {
            code: "titolo-occupazione",
            label: StaticText::new(
                "Contratto di locazione o comodato registrato, atto di proprietà o altro titolo di occupazione dell'abitazione",
                "Registered lease or loan agreement, deed of ownership or other title to the dwelling",
            ),
            required: false,
            template: None,
            kinds: ANY_DOCUMENT,
        },
        DocumentInfo {
            code: "assenso-proprietario",
            label: StaticText::new(
                "Dichiarazione di assenso del proprietario o dell'intestatario della scheda di famiglia già residente",
                "Consent of the owner or of the head of the family already living there",
            ),
            required: false,
            template: Some(Template {
                title: "DICHIARAZIONE DI ASSENSO",
                paragraphs: &[
                    "Il/La sottoscritto/a ____________________________________ nato/a a ____________________ il ____________, codice fiscale ________________________,",
                    "in qualità di   [ ] proprietario/a dell'abitazione   [ ] intestatario/a della scheda di famiglia   dell'abitazione sita in via ______________________________ n. _____, interno _____,",
                    "consapevole delle sanzioni penali previste dall'art. 76 del D.P.R. 445/2000 per le dichiarazioni mendaci,",
                    "DICHIARA di acconsentire all'iscrizione anagrafica nella suddetta abitazione delle seguenti persone: ____________________________________________________________________________________.",
                    "Si allega copia del documento d'identità del dichiarante.",
                    "Luogo e data ____________________                    Firma ______________________________",
                ],
            }),
            kinds: SIGNED_FORM,
        },
        DocumentInfo {
            code: "documenti-componenti",
            label: StaticText::new(
                "Copia dei documenti d'identità dei maggiorenni che si trasferiscono con il richiedente",
                "Copies of the identity documents of the adults moving with the applicant",
            ),
            required: false,
            template: None,
            kinds: ANY_DOCUMENT,
        },
        DocumentInfo {
            code: "permesso-soggiorno",
            label: StaticText::new(
                "Permesso di soggiorno o documentazione del diritto di soggiorno (cittadini non italiani)",
                "Residence permit or proof of the right of residence (non-Italian citizens)",
            ),
            required: false,
            template: None,
            kinds: ANY_DOCUMENT,
        },
        DocumentInfo {
            code: "patenti-veicoli",
            label: StaticText::new(
                "Copia delle patenti di guida e delle carte di circolazione dei veicoli",
                "Copies of driving licences and vehicle registration documents",
            ),
            required: false,
            template: None,
            kinds: ANY_DOCUMENT,
        },
    ],
}];

pub fn find(code: &str) -> Option<&'static PracticeType> {
    TYPES.iter().find(|t| t.code == code)
}

impl PracticeType {
    pub fn document(&self, code: &str) -> Option<&'static DocumentInfo> {
        // TYPES is static, so its documents are too.
        find(self.code).and_then(|t| t.documents.iter().find(|d| d.code == code))
    }

    /// The required documents not among `attached` (document codes), each with the
    /// field it is reported on and the message.
    pub fn missing_documents(
        &self,
        attached: &[&str],
    ) -> Vec<(String, crate::platform::i18n::Text)> {
        self.documents
            .iter()
            .filter(|d| d.required && !attached.contains(&d.code))
            .map(|d| {
                (
                    format!("attachments.{}", d.code),
                    crate::platform::i18n::Text::new(
                        format!("Allegare il documento obbligatorio: {}.", d.label.it),
                        format!("Attach the required document: {}.", d.label.en),
                    ),
                )
            })
            .collect()
    }

    /// The particulars every person of the declaration has.
    pub fn person_fields(&self) -> &'static [FieldInfo] {
        PERSON_FIELDS
    }
}
