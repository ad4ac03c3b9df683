//! Attaching files to a practice, deleting them before they are sent, reading them.

use sha2::{Digest, Sha256};

use crate::audit::{actions, Actor, AuditEntry, Origin};
use crate::platform::db::{self, DbConnection};
use crate::practices::drafts::{visible, Caller};
use crate::practices::rules::attachments::{clean_name, judge, MAX_ATTACHMENTS};
use crate::practices::rules::catalogue;
use crate::practices::rules::lifecycle::{Action, State};
use crate::practices::store::attachments::{self as store, AttachmentRow, NewAttachment};
use crate::practices::store::practices::PracticeRow;
use crate::practices::Error;

/// Files can be added to a draft, and to a practice waiting for the citizen's integration.
fn open_to_files(caller: &Caller, practice: &PracticeRow) -> Result<(), Error> {
    let state = practice.state();
    if caller.owns(practice) && matches!(state, State::Draft | State::IntegrationRequested) {
        Ok(())
    } else {
        Err(Error::NotNow {
            action: Action::Submit,
            state,
        })
    }
}

pub fn attach(
    conn: &mut DbConnection,
    origin: &Origin,
    caller: &Caller,
    practice_id: &str,
    document_code: &str,
    file_name: &str,
    content: &[u8],
) -> Result<AttachmentRow, Error> {
    let practice = visible(conn, caller, practice_id)?;
    open_to_files(caller, &practice)?;
    let kind = catalogue::find(&practice.type_code).ok_or(Error::NotFound)?;
    let document = kind
        .document(document_code)
        .ok_or_else(|| Error::UnknownDocument(document_code.to_owned()))?;
    let file_kind = judge(file_name, content, document.kinds).map_err(Error::Attachment)?;
    let name = clean_name(file_name, file_kind);
    let sha256 = crate::platform::hex::encode(&Sha256::digest(content));
    let id = uuid::Uuid::now_v7().to_string();
    db::transaction(conn, |conn| {
        if store::of_practice(conn, practice_id)?.len() >= MAX_ATTACHMENTS {
            return Err(Error::TooManyAttachments);
        }
        // The file and its row are one insert: a crash keeps both or neither.
        store::insert(
            conn,
            &NewAttachment {
                id: &id,
                practice_id,
                document_code: document.code,
                file_name: &name,
                kind: file_kind.code(),
                size_bytes: content.len() as i64,
                sha256: &sha256,
                content,
                uploaded_at: crate::mail::now_utc(),
                sent: false,
            },
        )?;
        let mut entry = AuditEntry::new(
            Actor {
                id: Some(caller.account_id.as_str()),
                label: &caller.label,
            },
            actions::PRACTICE_ATTACHMENT_ADDED,
        )
        .subject("practice", practice_id);
        entry.details =
            serde_json::json!({"document": document.code, "file": name, "sha256": sha256});
        crate::audit::record(conn, origin, entry)?;
        Ok(())
    })?;
    store::of_practice(conn, practice_id)?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(Error::NotFound)
}

pub fn delete(
    conn: &mut DbConnection,
    origin: &Origin,
    caller: &Caller,
    practice_id: &str,
    attachment_id: &str,
) -> Result<(), Error> {
    let practice = visible(conn, caller, practice_id)?;
    open_to_files(caller, &practice)?;
    db::transaction(conn, |conn| {
        let known = store::of_practice(conn, practice_id)?
            .into_iter()
            .find(|a| a.id == attachment_id)
            .ok_or(Error::NotFound)?;
        if known.sent || !store::delete_unsent(conn, practice_id, attachment_id)? {
            // Sent to the office: part of the record for good.
            return Err(Error::NotNow {
                action: Action::Cancel,
                state: practice.state(),
            });
        }
        let mut entry = AuditEntry::new(
            Actor {
                id: Some(caller.account_id.as_str()),
                label: &caller.label,
            },
            actions::PRACTICE_ATTACHMENT_DELETED,
        )
        .subject("practice", practice_id);
        entry.details = serde_json::json!({"file": known.file_name, "sha256": known.sha256});
        crate::audit::record(conn, origin, entry)?;
        Ok(())
    })
}

/// The file, for its owner and the office.
pub fn read(
    conn: &mut DbConnection,
    caller: &Caller,
    practice_id: &str,
    attachment_id: &str,
) -> Result<(AttachmentRow, Vec<u8>), Error> {
    visible(conn, caller, practice_id)?;
    store::content(conn, practice_id, attachment_id)?.ok_or(Error::NotFound)
}
