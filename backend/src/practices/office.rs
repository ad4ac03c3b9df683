//! The office's work on a practice: take it in charge, register it, ask for more,
//! approve it (which, for a residence, changes the registry in the same transaction) or
//! reject it.

use chrono::{DateTime, Utc};

use crate::audit::{actions, Actor, AuditEntry, Origin};
use crate::platform::db::{self, DbConnection};
use crate::platform::settings::Settings;
use crate::platform::validation::FieldError;
use crate::practices::drafts::{self, visible, Caller};
use crate::practices::rules::catalogue::RESIDENCE;
use crate::practices::rules::lifecycle::Action;
use crate::practices::rules::residence_move::{self, Situation};
use crate::practices::store::practices::{self as store, Changes, PracticeRow};
use crate::practices::transitions::{self, Doer, Transition};
use crate::practices::Error;

/// What the office does, with what it must say.
pub enum Work<'a> {
    TakeCharge,
    RequestIntegration { message: &'a str },
    Register,
    Approve { note: Option<&'a str> },
    Reject { reason: &'a str },
}

fn text_field(field: &str, text: &str, min: usize) -> Result<String, Error> {
    let text = text.trim();
    let length = text.chars().count();
    if length < min || length > 2000 {
        return Err(Error::Invalid(vec![FieldError::text(
            field,
            &format!("Scrivere da {min} a 2000 caratteri."),
            &format!("Write {min} to 2000 characters."),
        )]));
    }
    Ok(text.to_owned())
}

pub fn work(
    conn: &mut DbConnection,
    settings: &Settings,
    origin: &Origin,
    caller: &Caller,
    id: &str,
    work: Work<'_>,
    now: DateTime<Utc>,
) -> Result<PracticeRow, Error> {
    if !caller.office {
        return Err(Error::NotFound);
    }
    let practice = visible(conn, caller, id)?;
    let (action, note) = match &work {
        Work::TakeCharge => (Action::TakeCharge, None),
        Work::RequestIntegration { message } => (
            Action::RequestIntegration,
            Some(text_field("message", message, 10)?),
        ),
        Work::Register => (Action::Register, None),
        Work::Approve { note } => (
            Action::Approve,
            note.filter(|n| !n.trim().is_empty())
                .map(|n| text_field("note", n, 1))
                .transpose()?,
        ),
        Work::Reject { reason } => (Action::Reject, Some(text_field("reason", reason, 10)?)),
    };
    transitions::next_state(&practice, action)?;
    // One operator at a time: once taken in charge, only the holder works it.
    let held_by_other = practice
        .assignee_id
        .as_deref()
        .is_some_and(|h| h != caller.account_id.as_str());
    if action != Action::TakeCharge && held_by_other {
        return Err(Error::HeldByAnother(
            practice.assignee_label.clone().unwrap_or_default(),
        ));
    }
    let stamp = crate::mail::now_utc();
    let mut changes = Changes::default();
    match action {
        Action::TakeCharge => {
            changes.assignee_id = Some(Some(caller.account_id.as_str().to_owned()));
            changes.assignee_label = Some(Some(caller.label.clone()));
        }
        Action::Register => changes.registered_at = Some(Some(stamp)),
        Action::Approve | Action::Reject => {
            changes.decided_at = Some(Some(stamp));
            changes.decision_note = Some(note.clone());
        }
        _ => {}
    }
    let doer = caller.doer();
    db::transaction(conn, |conn| {
        if action == Action::Approve {
            change_registry(conn, origin, &practice, doer, now)?;
        }
        transitions::apply(
            conn,
            settings,
            origin,
            &practice,
            Transition {
                action,
                doer,
                note: note.as_deref(),
                changes,
                now: stamp,
            },
        )
    })?;
    store::find(conn, id)?.ok_or(Error::NotFound)
}

/// Writes an approved residence declaration into the registry, from the day it was
/// declared. Runs in the approval's transaction.
pub fn change_registry(
    conn: &mut DbConnection,
    origin: &Origin,
    practice: &PracticeRow,
    doer: Doer<'_>,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    if practice.type_code != RESIDENCE {
        return Ok(());
    }
    let declaration = drafts::declaration_of(practice);
    let declared_on = practice
        .submitted_at
        .map(|at| crate::platform::italian_time::today(at.and_utc()))
        .unwrap_or_else(|| crate::platform::italian_time::today(now));
    let from_family = practice.family_id.clone();
    let from_family_size = match &from_family {
        Some(_) => {
            let applicant = declaration
                .applicant()
                .and_then(|a| a.registry_person_id.clone());
            match applicant {
                Some(id) => crate::registry::family_of_person_at(
                    conn,
                    &crate::registry::PersonId::new(id),
                    declared_on,
                )?
                .map_or(0, |f| f.members.len()),
                None => 0,
            }
        }
        None => 0,
    };
    let join_family = match declaration
        .existing_resident
        .as_ref()
        .filter(|r| r.bond.is_some())
    {
        Some(resident) if !resident.fiscal_code.trim().is_empty() => {
            match crate::registry::find_person_by_fiscal_code(
                conn,
                &resident.fiscal_code.trim().to_uppercase(),
            )? {
                Some(person) => crate::registry::family_id_at(conn, &person.id, declared_on)?,
                None => None,
            }
        }
        _ => None,
    };
    let postcode = crate::registry::streets::find(conn, declaration.address.street.trim())?
        .map(|(_, postcode)| postcode)
        .unwrap_or_default();
    let change = residence_move::plan(
        &declaration,
        &Situation {
            from_family,
            from_family_size,
            join_family,
            postcode,
        },
        declared_on,
    );
    let family = crate::registry::moves::apply(conn, &change)?;
    let mut entry = AuditEntry::new(
        Actor {
            id: doer.id,
            label: doer.label,
        },
        actions::REGISTRY_RESIDENCE_CHANGED,
    )
    .subject("family", &family);
    entry.details = serde_json::json!({
        "practice": practice.id,
        "protocol": practice.protocol(),
        "from": declared_on.to_string(),
        "movers": change.movers.len(),
    });
    crate::audit::record(conn, origin, entry)?;
    Ok(())
}
