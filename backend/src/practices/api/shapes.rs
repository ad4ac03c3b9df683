//! The JSON shapes of the practice endpoints.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use utoipa::ToSchema;

use crate::practices::rules::attachments::FileKind;
use crate::practices::rules::declaration::ResidenceDeclaration;
use crate::practices::rules::lifecycle::{Action, State};
use crate::practices::rules::steps::Step;

#[derive(Debug, Serialize, ToSchema)]
pub struct Choice {
    pub code: String,
    pub label: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OccupancyChoice {
    pub code: String,
    pub label: String,
    /// The contract's registration (office, number, date) is asked.
    pub needs_registration: bool,
    /// The cadastral data (section, sheet, parcel, sub-parcel) are asked.
    pub needs_cadastre: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Choices {
    pub kinds: Vec<Choice>,
    pub citizenships: Vec<Choice>,
    pub relationships: Vec<Choice>,
    pub occupancy_titles: Vec<OccupancyChoice>,
    pub vehicle_kinds: Vec<Choice>,
    pub licence_categories: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeField {
    /// JSON path in the declaration; `[]` stands for each element of a list.
    #[schema(example = "address.street")]
    pub key: String,
    pub label: String,
    /// Marked * in the form; some are required only in the cases that need them.
    pub required: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StepView {
    pub code: Step,
    pub title: String,
    pub fields: Vec<PracticeField>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentView {
    #[schema(example = "documento-identita")]
    pub code: String,
    pub label: String,
    /// "Obbligatorio" (true) or "Facoltativo" (false).
    pub required: bool,
    /// The blank form to download, fill in and attach ("scarica").
    pub template_url: Option<String>,
    pub kinds: Vec<FileKind>,
    /// The extensions those kinds carry, e.g. `["pdf", "jpg", "jpeg", "png", "p7m"]`.
    pub extensions: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeTypeView {
    #[schema(example = "cambio-residenza")]
    pub code: String,
    pub name: String,
    pub description: String,
    pub steps: Vec<StepView>,
    pub documents: Vec<DocumentView>,
    pub max_attachment_bytes: u64,
    pub max_attachments: u32,
    pub choices: Choices,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeTypeList {
    pub items: Vec<PracticeTypeView>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPractice {
    #[schema(example = "cambio-residenza")]
    pub r#type: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SaveDraft {
    pub data: ResidenceDeclaration,
    /// The step the citizen is on, to resume there.
    pub step: Step,
    /// The `version` the citizen's copy was read at.
    pub version: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Issue {
    #[schema(example = "persons[1].fiscal_code")]
    pub field: String,
    pub step: Step,
    pub message: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Applicant {
    pub surname: String,
    pub name: String,
    pub fiscal_code: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Assignee {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Deadlines {
    /// The office registers the declaration by this day (2 working days).
    pub registration_due: Option<NaiveDate>,
    /// The checks end by this day (45 days), else the declaration is accepted by silence.
    pub decision_due: Option<NaiveDate>,
    pub registration_overdue: bool,
    pub decision_overdue: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentView {
    pub id: String,
    pub document_code: String,
    pub document_label: String,
    pub file_name: String,
    pub kind: FileKind,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_at: DateTime<Utc>,
    /// Sent to the office: it can no longer be deleted.
    pub sent: bool,
    pub url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Practice {
    pub id: String,
    #[schema(example = "cambio-residenza")]
    pub r#type: String,
    pub type_name: String,
    pub state: State,
    pub state_label: String,
    /// `YYYY/NNNNNN`, from submission on.
    #[schema(example = "2026/000123")]
    pub protocol: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub registered_at: Option<DateTime<Utc>>,
    pub decided_at: Option<DateTime<Utc>>,
    pub step: Step,
    pub version: i64,
    pub data: ResidenceDeclaration,
    /// Fields the registry decides (JSON paths): shown, not editable.
    pub locked: Vec<String>,
    /// What the declaration still lacks; submission is refused while any is left.
    pub issues: Vec<Issue>,
    pub applicant: Applicant,
    pub attachments: Vec<AttachmentView>,
    pub deadlines: Deadlines,
    pub assignee: Option<Assignee>,
    /// The office's latest request for documents, while it waits for them.
    pub integration_request: Option<String>,
    /// The reason of a rejection, or the note of an approval.
    pub decision_note: Option<String>,
    /// The names of the places the declaration names by code (birth places, the
    /// previous municipality or state), e.g. `{"H501": "Roma (RM)"}`.
    pub place_names: std::collections::BTreeMap<String, String>,
    /// What the caller may do now.
    pub actions: Vec<Action>,
    pub receipt_url: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeSummary {
    pub id: String,
    pub r#type: String,
    pub type_name: String,
    pub state: State,
    pub state_label: String,
    pub protocol: Option<String>,
    pub applicant: Applicant,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub deadlines: Deadlines,
    pub assignee: Option<Assignee>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StateCount {
    pub state: State,
    pub label: String,
    pub count: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeList {
    pub items: Vec<PracticeSummary>,
    /// How many match the filters (all pages).
    pub total: i64,
    /// Per state, how many of the caller's (or the office's) practices of the chosen type.
    pub counts: Vec<StateCount>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmitRequest {
    /// A message to the office (with an integration, what was added).
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IntegrationRequest {
    /// What the citizen must add; sent by e-mail and shown in "stato richieste".
    pub message: String,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApprovalRequest {
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RejectionRequest {
    /// Told to the citizen.
    pub reason: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeEvent {
    pub at: DateTime<Utc>,
    /// `citizen`, `office` or `system` (the legal clock).
    pub actor_kind: String,
    pub actor_label: String,
    pub action: Action,
    pub from_state: Option<State>,
    pub to_state: State,
    pub to_state_label: String,
    pub note: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeHistory {
    pub items: Vec<PracticeEvent>,
}
