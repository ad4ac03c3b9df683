//! One transition of a practice, done the same way by every use case: the state machine
//! decides, the conditional update makes it happen once, and the history row, the audit
//! entry and the citizen's e-mail join the same transaction.

use chrono::NaiveDateTime;

use crate::audit::{actions, Actor, AuditEntry, Origin};
use crate::mail::{self, NewMail};
use crate::platform::db::DbConnection;
use crate::platform::email::Email;
use crate::platform::settings::Settings;
use crate::practices::rules::catalogue;
use crate::practices::rules::declaration::ResidenceDeclaration;
use crate::practices::rules::lifecycle::{self, Action, State};
use crate::practices::store::events::{self, NewEvent};
use crate::practices::store::practices::{self as store, Changes, PracticeRow};
use crate::practices::Error;
use crate::webhooks::{self, publish::PracticeEvent, EventType};

/// Who moves the practice on.
#[derive(Debug, Clone, Copy)]
pub struct Doer<'a> {
    /// `citizen`, `office` or `system`.
    pub kind: &'static str,
    pub id: Option<&'a str>,
    pub label: &'a str,
}

impl Doer<'static> {
    pub const CLOCK: Doer<'static> = Doer {
        kind: "system",
        id: None,
        label: "Termine di legge (art. 5 DL 5/2012)",
    };
}

pub struct Transition<'a> {
    pub action: Action,
    pub doer: Doer<'a>,
    pub note: Option<&'a str>,
    pub changes: Changes,
    pub now: NaiveDateTime,
}

fn audit_action(action: Action) -> &'static str {
    match action {
        Action::Create => actions::PRACTICE_CREATED,
        Action::Submit => actions::PRACTICE_SUBMITTED,
        Action::Cancel => actions::PRACTICE_CANCELLED,
        Action::TakeCharge => actions::PRACTICE_TAKEN_IN_CHARGE,
        Action::RequestIntegration => actions::PRACTICE_INTEGRATION_REQUESTED,
        Action::Register => actions::PRACTICE_REGISTERED,
        Action::Approve | Action::ApproveBySilence => actions::PRACTICE_APPROVED,
        Action::Reject => actions::PRACTICE_REJECTED,
    }
}

/// What subscribers hear of a transition: nothing while the practice is a draft the
/// office has never seen.
fn event_type(from: State, action: Action) -> Option<EventType> {
    match (from, action) {
        (State::Draft, Action::Submit) => Some(EventType::PracticeSubmitted),
        (State::Draft, _) => None,
        _ => Some(EventType::PracticeChanged),
    }
}

/// The state `action` leads to now, or the error that says why not.
pub fn next_state(practice: &PracticeRow, action: Action) -> Result<State, Error> {
    let kind = catalogue::find(&practice.type_code)
        .ok_or_else(|| Error::UnknownType(practice.type_code.clone()))?;
    let state = practice.state();
    lifecycle::next(kind.flow, state, action).ok_or(Error::NotNow { action, state })
}

/// Applies `transition` to `practice`; answers the new state. Must run inside the
/// caller's transaction.
pub fn apply(
    conn: &mut DbConnection,
    settings: &Settings,
    origin: &Origin,
    practice: &PracticeRow,
    transition: Transition<'_>,
) -> Result<State, Error> {
    let from = practice.state();
    let to = next_state(practice, transition.action)?;
    let mut changes = transition.changes;
    changes.state = Some(to.code().to_owned());
    changes.updated_at = Some(transition.now);
    changes.version = Some(practice.version + 1);
    if !to.is_open() && from.is_open() {
        changes.open_family_id = Some(None);
    }
    if !store::transition(conn, &practice.id, from, &changes)? {
        // Someone else moved it first: answer from the state it is in now.
        let state = store::find(conn, &practice.id)?.map_or(from, |p| p.state());
        return Err(Error::NotNow {
            action: transition.action,
            state,
        });
    }
    events::append(
        conn,
        &NewEvent {
            practice_id: &practice.id,
            at: transition.now,
            actor_kind: transition.doer.kind,
            actor_id: transition.doer.id,
            actor_label: transition.doer.label,
            action: transition.action.code(),
            from_state: (transition.action != Action::Create).then_some(from.code()),
            to_state: to.code(),
            note: transition.note,
        },
    )?;
    let mut entry = AuditEntry::new(
        Actor {
            id: transition.doer.id,
            label: transition.doer.label,
        },
        audit_action(transition.action),
    )
    .subject("practice", &practice.id);
    entry.reason = transition.note;
    entry.details = serde_json::json!({
        "type": practice.type_code,
        "from": from.code(),
        "to": to.code(),
        "protocol": practice.protocol().or_else(|| crate::practices::rules::protocol::format(
            changes.protocol_year.flatten(), changes.protocol_number.flatten())),
    });
    let protocol = entry.details["protocol"].as_str().map(str::to_owned);
    crate::audit::record(conn, origin, entry)?;
    if let Some(event_type) = event_type(from, transition.action) {
        let event = PracticeEvent {
            practice_id: practice.id.clone(),
            protocol,
            practice_type: practice.type_code.clone(),
            state: to.code().to_owned(),
            previous_state: (from != State::Draft).then(|| from.code().to_owned()),
        };
        webhooks::publish::practice(conn, event_type, &event, transition.now)?;
    }
    if transition.doer.kind != "citizen" || transition.action == Action::Submit {
        notify(conn, settings, practice, &changes, to, transition.note)?;
    }
    Ok(to)
}

/// Tells the citizen what changed, at the address the declaration gives (else the
/// account's). No address, no mail: the state is still in "stato richieste".
fn notify(
    conn: &mut DbConnection,
    settings: &Settings,
    practice: &PracticeRow,
    changes: &Changes,
    to: State,
    note: Option<&str>,
) -> Result<(), Error> {
    let declared = serde_json::from_str::<ResidenceDeclaration>(&practice.data_json)
        .ok()
        .map(|d| d.contacts.email);
    let account_email =
        crate::accounts::find_account(conn, &practice.account_id)?.and_then(|a| a.email);
    let Some(address) = declared
        .into_iter()
        .chain(account_email)
        .find_map(|e| Email::parse(e.trim()).ok())
    else {
        return Ok(());
    };
    let protocol = practice
        .protocol()
        .or_else(|| {
            crate::practices::rules::protocol::format(
                changes.protocol_year.flatten(),
                changes.protocol_number.flatten(),
            )
        })
        .unwrap_or_default();
    let type_name = catalogue::find(&practice.type_code).map_or("", |t| t.name.it);
    let link = format!(
        "{}/pratiche/{}",
        settings.effective_public_base_url().trim_end_matches('/'),
        practice.id
    );
    let mut body = format!(
        "Gentile {} {},\n\nla Sua pratica «{}» (protocollo n. {}) è ora nello stato: {}.\n",
        practice.applicant_name,
        practice.applicant_surname,
        type_name,
        protocol,
        to.label().it
    );
    if let Some(note) = note.filter(|n| !n.trim().is_empty()) {
        let heading = match to {
            State::IntegrationRequested => "Documenti o informazioni richiesti dall'Ufficio",
            State::Rejected => "Motivazione",
            _ => "Nota",
        };
        body.push_str(&format!("\n{heading}:\n{note}\n"));
    }
    body.push_str(&format!(
        "\nPuò seguire la pratica in «Stato richieste»: {link}\n\n{}\n{}\n",
        settings.municipality.office.name, settings.municipality.name
    ));
    let subject = format!("Pratica prot. {protocol}: {}", to.label().it);
    mail::enqueue(conn, &NewMail::new(address, subject, body))?;
    Ok(())
}
