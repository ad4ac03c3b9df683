//! Submitting a practice ("inoltra"), sending an integration back, cancelling a draft or
//! withdrawing a submission.

use chrono::{DateTime, Datelike, Utc};

use crate::audit::Origin;
use crate::platform::db::{self, DbConnection};
use crate::platform::italian_calendar::PatronDay;
use crate::platform::settings::Settings;
use crate::platform::validation::FieldError;
use crate::practices::drafts::{self, visible, Caller};
use crate::practices::rules::catalogue;
use crate::practices::rules::clock;
use crate::practices::rules::lifecycle::{Action, State};
use crate::practices::store::attachments;
use crate::practices::store::practices::{self as store, Changes, PracticeRow};
use crate::practices::store::protocol;
use crate::practices::transitions::{self, Transition};
use crate::practices::Error;

pub enum Submitted {
    Now(PracticeRow),
    /// The same Idempotency-Key came again: the first submission's answer.
    Before(PracticeRow),
}

fn note_of(note: Option<&str>) -> Result<Option<String>, Error> {
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > 2000) {
        return Err(Error::Invalid(vec![FieldError::text(
            "note",
            "La nota può avere al massimo 2000 caratteri.",
            "The note may have at most 2000 characters.",
        )]));
    }
    Ok(note.map(str::to_owned))
}

/// Everything still missing: the declaration's fields and the required documents.
fn missing(
    conn: &mut DbConnection,
    practice: &PracticeRow,
    now: DateTime<Utc>,
) -> Result<Vec<FieldError>, Error> {
    let declaration = drafts::declaration_of(practice);
    let today = crate::platform::italian_time::today(now);
    let mut errors: Vec<FieldError> = drafts::issues(conn, &declaration, today)?
        .into_iter()
        .map(|issue| FieldError::new(issue.field, issue.message))
        .collect();
    let kind = catalogue::find(&practice.type_code).ok_or(Error::NotFound)?;
    let files = attachments::of_practice(conn, &practice.id)?;
    let attached: Vec<&str> = files.iter().map(|f| f.document_code.as_str()).collect();
    errors.extend(
        kind.missing_documents(&attached)
            .into_iter()
            .map(|(field, message)| FieldError::new(field, message)),
    );
    Ok(errors)
}

/// The key that allows one open declaration per family (or per person, for a newcomer).
fn family_key(
    conn: &mut DbConnection,
    practice: &PracticeRow,
    now: DateTime<Utc>,
) -> Result<(Option<String>, String), Error> {
    let today = crate::platform::italian_time::today(now);
    let declaration = drafts::declaration_of(practice);
    let registry_id = declaration
        .applicant()
        .and_then(|a| a.registry_person_id.clone());
    let family = match registry_id {
        Some(id) => {
            crate::registry::family_id_at(conn, &crate::registry::PersonId::new(id), today)?
        }
        None => None,
    };
    let key = match &family {
        Some(family) => format!("family:{family}"),
        None => format!("person:{}", practice.applicant_fiscal_code),
    };
    Ok((family, key))
}

/// What comes with a submission besides the practice.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sending<'a> {
    pub note: Option<&'a str>,
    pub idempotency_key: Option<&'a str>,
}

pub fn submit(
    conn: &mut DbConnection,
    settings: &Settings,
    origin: &Origin,
    caller: &Caller,
    id: &str,
    sending: Sending<'_>,
    now: DateTime<Utc>,
) -> Result<Submitted, Error> {
    let Sending {
        note,
        idempotency_key,
    } = sending;
    let practice = visible(conn, caller, id)?;
    if let Some(key) = idempotency_key {
        if let Some(done) = store::find_by_submit_key(conn, caller.account_id.as_str(), id, key)? {
            return Ok(Submitted::Before(done));
        }
    }
    if !caller.owns(&practice) {
        return Err(Error::NotFound);
    }
    let note = note_of(note)?;
    if practice.state() == State::IntegrationRequested {
        return integrate(conn, settings, origin, caller, &practice, note.as_deref());
    }
    transitions::next_state(&practice, Action::Submit)?;
    let errors = missing(conn, &practice, now)?;
    if !errors.is_empty() {
        return Err(Error::Incomplete(errors));
    }
    let (family, open_key) = family_key(conn, &practice, now)?;
    let today = crate::platform::italian_time::today(now);
    let patron = settings
        .municipality
        .patron_saint_day
        .as_deref()
        .and_then(PatronDay::parse);
    let due = clock::deadlines(today, patron);
    let stamp = crate::mail::now_utc();
    let year = today.year();
    let outcome = db::transaction(conn, |conn| {
        let number = protocol::next_number(conn, year)?;
        let mut numbered = practice.clone();
        numbered.protocol_year = Some(year);
        numbered.protocol_number = Some(number);
        numbered.submitted_at = Some(stamp);
        let receipt = crate::practices::receipt::render(conn, settings, &numbered, now)?;
        let changes = Changes {
            family_id: Some(family.clone()),
            open_family_id: Some(Some(open_key.clone())),
            protocol_year: Some(Some(year)),
            protocol_number: Some(Some(number)),
            submitted_at: Some(Some(stamp)),
            registration_due: Some(Some(due.registration_due)),
            decision_due: Some(Some(due.decision_due)),
            submit_idempotency_key: Some(idempotency_key.map(str::to_owned)),
            receipt_pdf: Some(Some(receipt)),
            ..Changes::default()
        };
        transitions::apply(
            conn,
            settings,
            origin,
            &practice,
            Transition {
                action: Action::Submit,
                doer: caller.doer(),
                note: note.as_deref(),
                changes,
                now: stamp,
            },
        )?;
        attachments::mark_sent(conn, &practice.id)?;
        Ok::<_, Error>(())
    });
    match outcome {
        Ok(()) => {}
        Err(Error::Db(crate::platform::db::DbError::Query(
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                info,
            ),
        ))) if crate::platform::db::unique_violation_on(info.as_ref(), "open_family_id") => {
            return Err(Error::AlreadyOpen(open_protocol(conn, &open_key)?));
        }
        Err(other) => return Err(other),
    }
    Ok(Submitted::Now(
        store::find(conn, id)?.ok_or(Error::NotFound)?,
    ))
}

fn open_protocol(conn: &mut DbConnection, key: &str) -> Result<String, Error> {
    use crate::platform::db::schema::practices;
    use diesel::prelude::*;
    let open: Option<(Option<i32>, Option<i64>)> = practices::table
        .filter(practices::open_family_id.eq(key))
        .select((practices::protocol_year, practices::protocol_number))
        .first(conn)
        .optional()?;
    Ok(open
        .and_then(|(year, number)| crate::practices::rules::protocol::format(year, number))
        .unwrap_or_default())
}

/// Sends the citizen's additions back to the office.
fn integrate(
    conn: &mut DbConnection,
    settings: &Settings,
    origin: &Origin,
    caller: &Caller,
    practice: &PracticeRow,
    note: Option<&str>,
) -> Result<Submitted, Error> {
    let added = attachments::of_practice(conn, &practice.id)?
        .iter()
        .any(|a| !a.sent);
    if !added && note.is_none() {
        return Err(Error::Invalid(vec![FieldError::text(
            "attachments",
            "Allegare i documenti richiesti dall'Ufficio o scrivere una nota prima di inviare l'integrazione.",
            "Attach the documents the office asked for, or write a note, before sending the integration.",
        )]));
    }
    let stamp = crate::mail::now_utc();
    db::transaction(conn, |conn| {
        transitions::apply(
            conn,
            settings,
            origin,
            practice,
            Transition {
                action: Action::Submit,
                doer: caller.doer(),
                note,
                changes: Changes::default(),
                now: stamp,
            },
        )?;
        attachments::mark_sent(conn, &practice.id)?;
        Ok::<_, Error>(())
    })?;
    Ok(Submitted::Now(
        store::find(conn, &practice.id)?.ok_or(Error::NotFound)?,
    ))
}

/// A draft is cancelled (nothing reaches the office); a submitted, undecided practice is
/// withdrawn.
pub fn cancel(
    conn: &mut DbConnection,
    settings: &Settings,
    origin: &Origin,
    caller: &Caller,
    id: &str,
) -> Result<PracticeRow, Error> {
    let practice = visible(conn, caller, id)?;
    if !caller.owns(&practice) {
        return Err(Error::NotNow {
            action: Action::Cancel,
            state: practice.state(),
        });
    }
    let stamp = crate::mail::now_utc();
    db::transaction(conn, |conn| {
        transitions::apply(
            conn,
            settings,
            origin,
            &practice,
            Transition {
                action: Action::Cancel,
                doer: caller.doer(),
                note: None,
                changes: Changes::default(),
                now: stamp,
            },
        )
    })?;
    store::find(conn, id)?.ok_or(Error::NotFound)
}
