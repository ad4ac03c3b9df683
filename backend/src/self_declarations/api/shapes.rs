//! The JSON shapes of the self-declaration endpoints.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::platform::i18n::Lang;
use crate::self_declarations::rules::{DeclarationKind, Member, Values};
use crate::self_declarations::store::DeclarationRow;

#[derive(Debug, Serialize, ToSchema)]
pub struct ChoiceView {
    #[schema(example = "married")]
    pub code: String,
    pub label: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FieldView {
    #[schema(example = "residence_address")]
    pub key: String,
    #[schema(example = "Indirizzo di residenza")]
    pub label: String,
    /// `text`, `long_text`, `date`, `year`, `sex`, `choice`, `fiscal_code`, `vat_number`
    /// or `members`.
    #[schema(example = "text")]
    pub kind: String,
    pub required: bool,
    /// `identity` (the declarant's particulars: filled by the portal, locked), `registry`
    /// (filled from the registry for residents, editable) or `declarant`.
    #[schema(example = "registry")]
    pub source: String,
    #[schema(format = Int32)]
    pub max_length: Option<usize>,
    pub hint: Option<String>,
    /// The allowed values of `choice` and `sex` fields.
    pub options: Vec<ChoiceView>,
}

/// The legal text every form of the kind prints.
#[derive(Debug, Serialize, ToSchema)]
pub struct LegalText {
    /// The art. 76 D.P.R. 445/2000 warning on false declarations.
    pub warning: String,
    /// What must be done before handing the form over (sign it; for art. 47 attach a copy
    /// of an identity document).
    pub reminders: Vec<String>,
    /// Stamp duty, acceptance, validity.
    pub notes: Vec<String>,
    pub privacy_title: String,
    /// The art. 13 GDPR notice.
    pub privacy_notice: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SelfDeclarationTypeView {
    #[schema(example = "residenza")]
    pub code: String,
    pub name: String,
    pub description: String,
    /// 46 (dichiarazione sostitutiva di certificazione) or 47 (dell'atto di notorietà).
    #[schema(example = 46)]
    pub article: u8,
    /// The letter of art. 46 comma 1.
    #[schema(example = "b")]
    pub letter: Option<String>,
    #[schema(example = "art. 46, comma 1, lett. b, D.P.R. 445/2000")]
    pub legal_basis: String,
    /// A copy of the declarant's identity document goes with the signed form (art. 47).
    pub attach_identity_document: bool,
    /// The declarant's particulars first, then the fields of this kind.
    pub fields: Vec<FieldView>,
    pub legal_text: LegalText,
    #[schema(example = "/api/v1/self-declaration-types/residenza/blank.pdf")]
    pub blank_form_url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SelfDeclarationTypes {
    pub items: Vec<SelfDeclarationTypeView>,
}

/// One member of a family, as the stato di famiglia form lists it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FamilyRow {
    pub surname: String,
    pub name: String,
    /// `YYYY-MM-DD`.
    #[schema(example = "2010-09-05")]
    pub birth_date: String,
    #[serde(default)]
    pub birth_place: String,
    #[schema(example = "FIGLIA")]
    pub relationship: String,
}

impl From<Member> for FamilyRow {
    fn from(m: Member) -> Self {
        Self {
            surname: m.surname,
            name: m.name,
            birth_date: m.birth_date,
            birth_place: m.birth_place,
            relationship: m.relationship,
        }
    }
}

impl From<FamilyRow> for Member {
    fn from(r: FamilyRow) -> Self {
        Self {
            surname: r.surname,
            name: r.name,
            birth_date: r.birth_date,
            birth_place: r.birth_place,
            relationship: r.relationship,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SelfDeclarationDraft {
    #[schema(example = "residenza")]
    pub r#type: String,
    /// The registry knows the declarant as a resident, and filled in what it knows.
    pub resident: bool,
    pub values: BTreeMap<String, String>,
    pub members: Vec<FamilyRow>,
    /// Fields the declarant cannot change: leave them out or send them unchanged.
    pub locked: Vec<String>,
    /// Fields whose value comes from the registry.
    pub from_registry: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SelfDeclarationRequest {
    /// A code from `GET /api/v1/self-declaration-types`.
    #[schema(example = "residenza")]
    pub r#type: String,
    /// One string per field. Locked fields may be left out; a registry value left out
    /// stands, an empty string clears it.
    #[serde(default)]
    pub values: BTreeMap<String, String>,
    /// For `stato_famiglia`: the members, the declarant included. Left empty, the
    /// registry's family stands.
    #[serde(default)]
    pub members: Vec<FamilyRow>,
}

impl SelfDeclarationRequest {
    pub fn values(&self) -> Values {
        Values {
            fields: self.values.clone(),
            members: self.members.iter().cloned().map(Member::from).collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PreviewTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The text the PDF will print, for a last look before printing.
#[derive(Debug, Serialize, ToSchema)]
pub struct SelfDeclarationPreview {
    #[schema(example = "DICHIARAZIONE SOSTITUTIVA DI CERTIFICAZIONE")]
    pub title: String,
    pub basis: String,
    pub subject: String,
    /// The declarant's paragraph, the art. 76 warning, `DICHIARA`, the statements and the
    /// closing sentence, as printed; the family table goes after the statements.
    pub paragraphs: Vec<String>,
    pub table: Option<PreviewTable>,
    /// "Luogo e data ____": written by hand when signing.
    pub place_and_date: String,
    /// "Il dichiarante", "La dichiarante": above the signature line.
    pub signer: String,
    pub reminders: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeclarantView {
    pub surname: String,
    pub name: String,
    pub fiscal_code: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SelfDeclaration {
    #[schema(example = "7KQF-9XMA-2R4D-HV0C")]
    pub id: String,
    #[schema(example = "residenza")]
    pub r#type: String,
    pub type_name: String,
    #[schema(example = 46)]
    pub article: u8,
    pub created_at: DateTime<Utc>,
    pub declarant: DeclarantView,
    pub values: BTreeMap<String, String>,
    pub members: Vec<FamilyRow>,
    /// Prefilled from the registry (the declarant was a resident).
    pub resident: bool,
    /// Registry values the declarant changed.
    pub edited_registry_fields: Vec<String>,
}

impl SelfDeclaration {
    pub fn from_row(row: DeclarationRow, lang: Lang) -> Self {
        let kind = DeclarationKind::parse(&row.type_code);
        let members: Vec<Member> = serde_json::from_str(&row.members_json).unwrap_or_default();
        Self {
            type_name: kind
                .map(|k| k.info().name.get(lang).to_owned())
                .unwrap_or_else(|| row.type_code.clone()),
            article: kind.map_or(46, |k| k.article().number()),
            values: serde_json::from_str(&row.values_json).unwrap_or_default(),
            members: members.into_iter().map(FamilyRow::from).collect(),
            edited_registry_fields: serde_json::from_str(&row.edited_registry_fields)
                .unwrap_or_default(),
            declarant: DeclarantView {
                surname: row.declarant_surname,
                name: row.declarant_name,
                fiscal_code: row.declarant_fiscal_code,
            },
            id: row.id,
            r#type: row.type_code,
            created_at: row.created_at.and_utc(),
            resident: row.resident,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SelfDeclarationList {
    /// Newest first.
    pub items: Vec<SelfDeclaration>,
}
