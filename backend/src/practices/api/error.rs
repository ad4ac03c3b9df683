//! The one place where the practices' errors become HTTP answers.

use crate::platform::auth::Refusal as AuthRefusal;
use crate::platform::http::error::ApiError;
use crate::platform::i18n::Text;
use crate::practices::rules::attachments::MAX_ATTACHMENTS;
use crate::practices::rules::attachments::{FileKind, Refusal, MAX_ATTACHMENT_BYTES};
use crate::practices::Error;

impl From<Error> for ApiError {
    fn from(error: Error) -> ApiError {
        match error {
            Error::UnknownType(_) | Error::NotFound | Error::UnknownDocument(_) => ApiError::NotFound,
            Error::NotNow { action, state } => ApiError::conflict(
                "practice_state",
                &format!(
                    "L'operazione «{}» non è possibile mentre la pratica è «{}».",
                    action.code(),
                    state.label().it
                ),
                &format!(
                    "The operation \"{}\" is not possible while the practice is \"{}\".",
                    action.code(),
                    state.label().en
                ),
            ),
            Error::StaleDraft(_) => ApiError::conflict(
                "stale_draft",
                "La bozza è stata salvata nel frattempo da un'altra finestra o da un altro dispositivo: ricaricarla prima di continuare.",
                "The draft was saved meanwhile from another window or device: reload it before going on.",
            ),
            Error::Incomplete(fields) | Error::Invalid(fields) => ApiError::Validation(fields),
            Error::AlreadyOpen(protocol) => ApiError::conflict(
                "practice_already_open",
                &format!(
                    "Per questa famiglia è già in corso la dichiarazione prot. {protocol}: una nuova dichiarazione potrà essere presentata quando quella sarà conclusa."
                ),
                &format!(
                    "A declaration for this family is already open (ref. {protocol}): a new one can be made once it is closed."
                ),
            ),
            Error::HeldByAnother(label) => ApiError::conflict(
                "practice_held",
                &format!("La pratica è già in carico a {label}."),
                &format!("The practice is already held by {label}."),
            ),
            Error::Attachment(Refusal::TooLarge) => ApiError::PayloadTooLarge {
                limit: MAX_ATTACHMENT_BYTES,
            },
            Error::Attachment(refusal) => ApiError::unprocessable("attachment_kind", refusal_text(&refusal)),
            Error::TooManyAttachments => ApiError::unprocessable(
                "too_many_attachments",
                Text::new(
                    format!("Una pratica può avere al massimo {MAX_ATTACHMENTS} allegati."),
                    format!("A practice may have at most {MAX_ATTACHMENTS} attachments."),
                ),
            ),
            Error::RegistryChanged(_) => ApiError::conflict(
                "registry_changed",
                "L'anagrafe non corrisponde più a quanto dichiarato (una persona ha cambiato famiglia o è già iscritta): verificare la pratica.",
                "The registry no longer matches the declaration (a person changed family or is already registered): check the practice.",
            ),
            Error::AccountGone => AuthRefusal::InvalidToken.into(),
            Error::Db(db) => db.into(),
            Error::Document(_) => ApiError::internal(error),
        }
    }
}

fn kind_name(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Pdf => "PDF",
        FileKind::Jpeg => "JPEG",
        FileKind::Png => "PNG",
        FileKind::P7m => "P7M",
    }
}

fn refusal_text(refusal: &Refusal) -> Text {
    match refusal {
        Refusal::Empty => Text::new("Il file è vuoto.", "The file is empty."),
        Refusal::NameDisagrees { found } => Text::new(
            format!(
                "Il contenuto del file non corrisponde alla sua estensione: è un file {}. Rinominarlo o allegare il file giusto.",
                kind_name(*found)
            ),
            format!(
                "The file's content does not match its extension: it is a {} file. Rename it or attach the right file.",
                kind_name(*found)
            ),
        ),
        Refusal::KindNotAllowed { found: Some(found) } => Text::new(
            format!("Per questo documento non sono ammessi file {}.", kind_name(*found)),
            format!("{} files are not accepted for this document.", kind_name(*found)),
        ),
        Refusal::KindNotAllowed { found: None } | Refusal::TooLarge => Text::new(
            "Il file non è un PDF, un'immagine JPEG o PNG né un file firmato P7M.",
            "The file is not a PDF, a JPEG or PNG image or a signed P7M file.",
        ),
    }
}
