//! From rows to the JSON the API answers.

use chrono::{NaiveDate, NaiveDateTime, Utc};

use super::shapes::*;
use crate::platform::db::DbConnection;
use crate::platform::i18n::Lang;
use crate::practices::drafts::{self, Caller};
use crate::practices::rules::attachments::{FileKind, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES};
use crate::practices::rules::catalogue::{self, PracticeType};
use crate::practices::rules::clock;
use crate::practices::rules::declaration::{Citizenship, MoveKind, OccupancyTitle, VehicleKind};
use crate::practices::rules::licences::LICENCE_CATEGORIES;
use crate::practices::rules::lifecycle::{self, Action, Actor, State};
use crate::practices::rules::steps::Step;
use crate::practices::store::attachments::{self, AttachmentRow};
use crate::practices::store::events;
use crate::practices::store::practices::{PracticeHead, PracticeRow};
use crate::practices::Error;
use crate::registry::rules::vocabulary::Relationship;

pub fn utc(at: NaiveDateTime) -> chrono::DateTime<Utc> {
    at.and_utc()
}

fn choice(code: &str, it: &str, en: &str, lang: Lang) -> Choice {
    Choice {
        code: code.to_owned(),
        label: if lang == Lang::En { en } else { it }.to_owned(),
    }
}

fn choices(lang: Lang) -> Choices {
    let kind = |k: MoveKind| {
        let (it, en) = match k {
            MoveKind::WithinMunicipality => (
                "Cambio di indirizzo nel Comune",
                "Change of address within the municipality",
            ),
            MoveKind::FromOtherMunicipality => (
                "Provenienza da altro Comune",
                "Coming from another municipality",
            ),
            MoveKind::FromAbroad => ("Provenienza dall'estero", "Coming from abroad"),
            MoveKind::Other => ("Altro", "Other"),
        };
        choice(k.code(), it, en, lang)
    };
    let citizenship = |c: Citizenship| {
        let (it, en) = match c {
            Citizenship::It => ("IT - italiana", "IT - Italian"),
            Citizenship::Eu => (
                "UE - di un Paese dell'Unione europea",
                "EU - of a European Union country",
            ),
            Citizenship::NonEu => ("Extra UE", "Non-EU"),
        };
        choice(c.code(), it, en, lang)
    };
    let vehicle = |v: VehicleKind| {
        let (it, en) = match v {
            VehicleKind::Car => ("Autoveicolo", "Car"),
            VehicleKind::Motorcycle => ("Motoveicolo", "Motorcycle"),
            VehicleKind::Moped => ("Ciclomotore", "Moped"),
            VehicleKind::Trailer => ("Rimorchio", "Trailer"),
            VehicleKind::Other => ("Altro veicolo", "Other vehicle"),
        };
        choice(v.code(), it, en, lang)
    };
    let occupancy = |t: OccupancyTitle| {
        let en = match t {
            OccupancyTitle::Owner => "Ownership",
            OccupancyTitle::RegisteredLease => "Registered lease",
            OccupancyTitle::FreeLoan => "Registered free loan",
            OccupancyTitle::Usufruct => "Usufruct",
            OccupancyTitle::PublicHousing => "Public housing",
            OccupancyTitle::Other => "Other title",
        };
        OccupancyChoice {
            code: t.code().to_owned(),
            label: if lang == Lang::En {
                en.to_owned()
            } else {
                crate::practices::receipt::occupancy_label(Some(t)).to_owned()
            },
            needs_registration: t.needs_registration(),
            needs_cadastre: t.needs_cadastre(),
        }
    };
    Choices {
        kinds: MoveKind::ALL.into_iter().map(kind).collect(),
        citizenships: Citizenship::ALL.into_iter().map(citizenship).collect(),
        relationships: Relationship::ALL
            .into_iter()
            .filter(|r| *r != Relationship::Head)
            .map(|r| {
                // The form names the relationship before it knows the person's sex.
                let (it, en) = match r {
                    Relationship::Spouse => ("Coniuge", "Spouse"),
                    Relationship::CivilPartner => ("Unito/a civilmente", "Civil partner"),
                    Relationship::Child => ("Figlio/a", "Child"),
                    Relationship::ChildInLaw => ("Genero o nuora", "Son- or daughter-in-law"),
                    Relationship::Grandchild => ("Nipote", "Grandchild"),
                    Relationship::Parent => ("Padre o madre", "Parent"),
                    Relationship::ParentInLaw => ("Suocero/a", "Parent-in-law"),
                    Relationship::Sibling => ("Fratello o sorella", "Sibling"),
                    Relationship::Cohabitant => ("Convivente di fatto", "Cohabiting partner"),
                    Relationship::OtherRelative => ("Altro parente o affine", "Other relative"),
                    Relationship::NotRelated | Relationship::Head => {
                        ("Nessun rapporto di parentela", "Not related")
                    }
                };
                choice(r.as_str(), it, en, lang)
            })
            .collect(),
        occupancy_titles: OccupancyTitle::ALL.into_iter().map(occupancy).collect(),
        vehicle_kinds: VehicleKind::ALL.into_iter().map(vehicle).collect(),
        licence_categories: LICENCE_CATEGORIES.iter().map(|c| (*c).to_owned()).collect(),
    }
}

pub fn practice_type(kind: &PracticeType, lang: Lang) -> PracticeTypeView {
    PracticeTypeView {
        code: kind.code.to_owned(),
        name: kind.name.get(lang).to_owned(),
        description: kind.description.get(lang).to_owned(),
        steps: kind
            .steps
            .iter()
            .map(|s| {
                let persons =
                    matches!(s.step, Step::Applicant | Step::Movers).then(|| kind.person_fields());
                StepView {
                    code: s.step,
                    title: s.step.title().get(lang).to_owned(),
                    fields: persons
                        .into_iter()
                        .flatten()
                        .chain(s.fields.iter())
                        .map(|f| PracticeField {
                            key: f.key.to_owned(),
                            label: f.label.get(lang).to_owned(),
                            required: f.required,
                        })
                        .collect(),
                }
            })
            .collect(),
        documents: kind
            .documents
            .iter()
            .map(|d| DocumentView {
                code: d.code.to_owned(),
                label: d.label.get(lang).to_owned(),
                required: d.required,
                template_url: d.template.as_ref().map(|_| {
                    format!(
                        "/api/v1/practice-types/{}/templates/{}.pdf",
                        kind.code, d.code
                    )
                }),
                kinds: d.kinds.to_vec(),
                extensions: d
                    .kinds
                    .iter()
                    .flat_map(|k: &FileKind| k.extensions().iter().map(|e| (*e).to_owned()))
                    .collect(),
            })
            .collect(),
        max_attachment_bytes: MAX_ATTACHMENT_BYTES as u64,
        max_attachments: MAX_ATTACHMENTS as u32,
        choices: choices(lang),
    }
}

fn deadlines(
    state: State,
    registration: Option<NaiveDate>,
    decision: Option<NaiveDate>,
) -> Deadlines {
    let today = crate::platform::italian_time::today(Utc::now());
    Deadlines {
        registration_due: registration,
        decision_due: decision,
        registration_overdue: clock::registration_overdue(state, registration, today),
        decision_overdue: clock::decision_overdue(state, decision, today),
    }
}

fn type_name(code: &str, lang: Lang) -> String {
    catalogue::find(code).map_or_else(|| code.to_owned(), |t| t.name.get(lang).to_owned())
}

fn attachment(practice: &PracticeRow, row: AttachmentRow, lang: Lang) -> AttachmentView {
    let label = catalogue::find(&practice.type_code)
        .and_then(|t| t.document(&row.document_code))
        .map_or_else(
            || row.document_code.clone(),
            |d| d.label.get(lang).to_owned(),
        );
    AttachmentView {
        url: format!("/api/v1/practices/{}/attachments/{}", practice.id, row.id),
        id: row.id,
        document_code: row.document_code,
        document_label: label,
        file_name: row.file_name,
        kind: FileKind::parse(&row.kind).unwrap_or(FileKind::Pdf),
        size_bytes: row.size_bytes,
        sha256: row.sha256,
        uploaded_at: utc(row.uploaded_at),
        sent: row.sent,
    }
}

pub fn practice(
    conn: &mut DbConnection,
    caller: &Caller,
    row: PracticeRow,
    lang: Lang,
) -> Result<Practice, Error> {
    let state = row.state();
    let declaration = drafts::declaration_of(&row);
    let today = crate::platform::italian_time::today(Utc::now());
    let files = attachments::of_practice(conn, &row.id)?;
    let issues =
        if state == State::Draft {
            let mut issues: Vec<Issue> = drafts::issues(conn, &declaration, today)?
                .into_iter()
                .map(|i| Issue {
                    field: i.field,
                    step: i.step,
                    message: i.message.get(lang).to_owned(),
                })
                .collect();
            if let Some(kind) = catalogue::find(&row.type_code) {
                let attached: Vec<&str> = files.iter().map(|f| f.document_code.as_str()).collect();
                issues.extend(kind.missing_documents(&attached).into_iter().map(
                    |(field, message)| Issue {
                        field,
                        step: Step::Attachments,
                        message: message.get(lang).to_owned(),
                    },
                ));
            }
            issues
        } else {
            Vec::new()
        };
    let locked = drafts::locked(conn, &row, &declaration)?;
    let place_names = std::iter::once(declaration.previous_place_code.as_str())
        .chain(
            declaration
                .persons
                .iter()
                .map(|p| p.birth_place_code.as_str()),
        )
        .filter_map(|code| crate::registry::places::by_code(code.trim()))
        .map(|place| {
            let name = match &place.province {
                Some(province) => format!("{} ({province})", place.name),
                None => place.name.clone(),
            };
            (place.code.clone(), name)
        })
        .collect();
    let integration_request = if state == State::IntegrationRequested {
        events::latest_note(conn, &row.id, Action::RequestIntegration.code())?
    } else {
        None
    };
    let flow = catalogue::find(&row.type_code).map_or(
        lifecycle::Flow {
            registration: false,
        },
        |t| t.flow,
    );
    let mut actions = Vec::new();
    if caller.owns(&row) {
        actions.extend(lifecycle::available(flow, state, Actor::Owner));
    }
    if caller.office && State::IN_OFFICE.contains(&state) {
        let held_by_other = row
            .assignee_id
            .as_deref()
            .is_some_and(|h| h != caller.account_id.as_str());
        actions.extend(
            lifecycle::available(flow, state, Actor::Office)
                .into_iter()
                .filter(|a| *a == Action::TakeCharge || !held_by_other),
        );
    }
    let label = if state == State::Rejected {
        lifecycle::rejection_label(row.registered_at.is_some())
            .get(lang)
            .to_owned()
    } else {
        state.label().get(lang).to_owned()
    };
    Ok(Practice {
        receipt_url: row
            .submitted_at
            .map(|_| format!("/api/v1/practices/{}/receipt.pdf", row.id)),
        attachments: files
            .into_iter()
            .map(|f| attachment(&row, f, lang))
            .collect(),
        id: row.id.clone(),
        r#type: row.type_code.clone(),
        type_name: type_name(&row.type_code, lang),
        state,
        state_label: label,
        protocol: row.protocol(),
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
        submitted_at: row.submitted_at.map(utc),
        registered_at: row.registered_at.map(utc),
        decided_at: row.decided_at.map(utc),
        step: Step::parse(&row.step).unwrap_or(Step::Applicant),
        version: row.version,
        data: declaration,
        locked,
        issues,
        applicant: Applicant {
            surname: row.applicant_surname.clone(),
            name: row.applicant_name.clone(),
            fiscal_code: row.applicant_fiscal_code.clone(),
        },
        deadlines: deadlines(state, row.registration_due, row.decision_due),
        assignee: row.assignee_id.clone().map(|id| Assignee {
            id,
            label: row.assignee_label.clone().unwrap_or_default(),
        }),
        integration_request,
        decision_note: row.decision_note.clone(),
        place_names,
        actions,
    })
}

pub fn summary(head: PracticeHead, lang: Lang) -> PracticeSummary {
    let state = State::parse(&head.state).unwrap_or(State::Draft);
    PracticeSummary {
        r#type: head.type_code.clone(),
        type_name: type_name(&head.type_code, lang),
        state,
        state_label: state.label().get(lang).to_owned(),
        protocol: crate::practices::rules::protocol::format(
            head.protocol_year,
            head.protocol_number,
        ),
        applicant: Applicant {
            surname: head.applicant_surname,
            name: head.applicant_name,
            fiscal_code: head.applicant_fiscal_code,
        },
        created_at: utc(head.created_at),
        updated_at: utc(head.updated_at),
        submitted_at: head.submitted_at.map(utc),
        deadlines: deadlines(state, head.registration_due, head.decision_due),
        assignee: head.assignee_id.map(|id| Assignee {
            id,
            label: head.assignee_label.unwrap_or_default(),
        }),
        id: head.id,
    }
}

pub fn event(row: events::EventRow, lang: Lang) -> PracticeEvent {
    let to = State::parse(&row.to_state).unwrap_or(State::Draft);
    PracticeEvent {
        at: utc(row.at),
        actor_kind: row.actor_kind,
        actor_label: row.actor_label,
        action: lifecycle::Action::parse(&row.action).unwrap_or(Action::Create),
        from_state: row.from_state.as_deref().and_then(State::parse),
        to_state: to,
        to_state_label: to.label().get(lang).to_owned(),
        note: row.note,
    }
}
