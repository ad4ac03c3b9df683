//! The catalogue of audited actions: dotted snake_case names, stable because they are
//! stored in the log, with labels for the log viewer.

use crate::platform::i18n::Text;

pub const AUTH_LOGIN_SUCCEEDED: &str = "auth.login_succeeded";
pub const AUTH_LOGIN_FAILED: &str = "auth.login_failed";
pub const AUTH_LOGOUT: &str = "auth.logout";
pub const AUTH_PASSWORD_CHANGED: &str = "auth.password_changed";
pub const AUTH_PASSWORD_RESET_REQUESTED: &str = "auth.password_reset_requested";
pub const AUTH_PASSWORD_RESET_COMPLETED: &str = "auth.password_reset_completed";
pub const ACCOUNT_REGISTERED: &str = "account.registered";
pub const ACCOUNT_ACTIVATED: &str = "account.activated";
pub const ACCOUNT_REJECTED: &str = "account.rejected";
pub const AUTH_REFRESH_TOKEN_REUSED: &str = "auth.refresh_token_reused";
pub const ACCOUNT_LOCKED: &str = "account.locked";
pub const ACCOUNT_UNLOCKED: &str = "account.unlocked";
pub const ACCOUNT_GROUPS_CHANGED: &str = "account.groups_changed";
pub const ACCOUNT_PASSWORD_RESET_BY_ADMIN: &str = "account.password_reset_by_admin";
pub const GROUP_CREATED: &str = "group.created";
pub const GROUP_UPDATED: &str = "group.updated";
pub const GROUP_DELETED: &str = "group.deleted";
pub const ACCOUNT_UPDATED: &str = "account.updated";
pub const ACCOUNT_STAFF_CREATED: &str = "account.staff_created";
pub const ACCOUNT_ADMINISTRATOR_CREATED: &str = "account.administrator_created";
pub const PERSON_VIEWED: &str = "person.viewed";
pub const PERSON_SEARCHED: &str = "person.searched";
pub const FAMILY_VIEWED: &str = "family.viewed";
pub const CERTIFICATE_ISSUED: &str = "certificate.issued";
pub const CERTIFICATE_DOWNLOADED: &str = "certificate.downloaded";
pub const CERTIFICATE_EMAILED: &str = "certificate.emailed";
pub const CERTIFICATE_VERIFIED: &str = "certificate.verified";
pub const CERTIFICATE_REVOKED: &str = "certificate.revoked";
pub const SELF_DECLARATION_CREATED: &str = "self_declaration.created";
pub const SELF_DECLARATION_EMAILED: &str = "self_declaration.emailed";
pub const SIGNING_KEY_ROTATED: &str = "signing_key.rotated";
pub const AUDIT_VERIFIED: &str = "audit.verified";
pub const MAIL_REQUEUED: &str = "mail.requeued";
pub const PRACTICE_CREATED: &str = "practice.created";
pub const PRACTICE_SUBMITTED: &str = "practice.submitted";
pub const PRACTICE_CANCELLED: &str = "practice.cancelled";
pub const PRACTICE_TAKEN_IN_CHARGE: &str = "practice.taken_in_charge";
pub const PRACTICE_INTEGRATION_REQUESTED: &str = "practice.integration_requested";
pub const PRACTICE_REGISTERED: &str = "practice.registered";
pub const PRACTICE_APPROVED: &str = "practice.approved";
pub const PRACTICE_REJECTED: &str = "practice.rejected";
pub const PRACTICE_VIEWED: &str = "practice.viewed";
pub const PRACTICE_ATTACHMENT_ADDED: &str = "practice.attachment_added";
pub const PRACTICE_ATTACHMENT_DELETED: &str = "practice.attachment_deleted";
pub const REGISTRY_RESIDENCE_CHANGED: &str = "registry.residence_changed";
pub const APPOINTMENT_BOOKED: &str = "appointment.booked";
pub const APPOINTMENT_CANCELLED: &str = "appointment.cancelled";
pub const APPOINTMENT_MOVED: &str = "appointment.moved";
pub const APPOINTMENT_ATTENDANCE: &str = "appointment.attendance";
pub const DESK_SAVED: &str = "desk.saved";
pub const CLIENT_REGISTERED: &str = "client.registered";
pub const CLIENT_SECRET_RENEWED: &str = "client.secret_renewed";
pub const CLIENT_REVOKED: &str = "client.revoked";
pub const CLIENT_KEYS_REPLACED: &str = "client.keys_replaced";
pub const CLIENT_TOKEN_ISSUED: &str = "client.token_issued";
pub const CLIENT_TOKEN_REFUSED: &str = "client.token_refused";
pub const REGISTRY_CHECKED: &str = "registry.checked";
pub const WEBHOOK_REGISTERED: &str = "webhook.registered";
pub const WEBHOOK_DISABLED: &str = "webhook.disabled";
pub const WEBHOOK_RETRIED: &str = "webhook.retried";

/// One catalogued action with its labels.
#[derive(Debug, Clone, Copy)]
pub struct ActionInfo {
    pub code: &'static str,
    pub label_it: &'static str,
    pub label_en: &'static str,
}

impl ActionInfo {
    pub fn label(&self) -> Text {
        Text::new(self.label_it, self.label_en)
    }
}

const fn info(code: &'static str, label_it: &'static str, label_en: &'static str) -> ActionInfo {
    ActionInfo {
        code,
        label_it,
        label_en,
    }
}

/// Every action the portal records, in the order the log viewer lists them.
pub const CATALOGUE: &[ActionInfo] = &[
    info(AUTH_LOGIN_SUCCEEDED, "Accesso riuscito", "Login succeeded"),
    info(AUTH_LOGIN_FAILED, "Accesso non riuscito", "Login failed"),
    info(AUTH_LOGOUT, "Uscita", "Logout"),
    info(
        AUTH_PASSWORD_CHANGED,
        "Password cambiata",
        "Password changed",
    ),
    info(
        AUTH_PASSWORD_RESET_REQUESTED,
        "Reimpostazione password richiesta",
        "Password reset requested",
    ),
    info(
        AUTH_PASSWORD_RESET_COMPLETED,
        "Password reimpostata",
        "Password reset completed",
    ),
    info(ACCOUNT_REGISTERED, "Registrazione", "Account registered"),
    info(ACCOUNT_ACTIVATED, "Utenza attivata", "Account activated"),
    info(
        ACCOUNT_REJECTED,
        "Registrazione respinta",
        "Registration rejected",
    ),
    info(
        AUTH_REFRESH_TOKEN_REUSED,
        "Riutilizzo di una sessione già rinnovata (sessioni revocate)",
        "Reuse of a rotated session token (sessions revoked)",
    ),
    info(ACCOUNT_LOCKED, "Utenza bloccata", "Account locked"),
    info(ACCOUNT_UNLOCKED, "Utenza sbloccata", "Account unlocked"),
    info(
        ACCOUNT_GROUPS_CHANGED,
        "Gruppi dell'utenza modificati",
        "Account groups changed",
    ),
    info(
        ACCOUNT_PASSWORD_RESET_BY_ADMIN,
        "Password reimpostata dall'amministratore",
        "Password reset by an administrator",
    ),
    info(GROUP_CREATED, "Gruppo creato", "Group created"),
    info(GROUP_UPDATED, "Gruppo modificato", "Group updated"),
    info(GROUP_DELETED, "Gruppo eliminato", "Group deleted"),
    info(ACCOUNT_UPDATED, "Utenza modificata", "Account updated"),
    info(
        ACCOUNT_STAFF_CREATED,
        "Utenza del personale creata",
        "Staff account created",
    ),
    info(
        ACCOUNT_ADMINISTRATOR_CREATED,
        "Amministratore creato da riga di comando",
        "Administrator created on the command line",
    ),
    info(
        PERSON_VIEWED,
        "Consultazione dati di una persona",
        "Person's data viewed",
    ),
    info(PERSON_SEARCHED, "Ricerca di una persona", "Person searched"),
    info(
        FAMILY_VIEWED,
        "Consultazione stato di famiglia",
        "Family record viewed",
    ),
    info(
        SELF_DECLARATION_CREATED,
        "Autocertificazione predisposta",
        "Self-declaration created",
    ),
    info(
        SELF_DECLARATION_EMAILED,
        "Autocertificazione inviata per e-mail",
        "Self-declaration e-mailed",
    ),
    info(
        CERTIFICATE_ISSUED,
        "Certificato emesso",
        "Certificate issued",
    ),
    info(
        CERTIFICATE_DOWNLOADED,
        "Certificato scaricato",
        "Certificate downloaded",
    ),
    info(
        CERTIFICATE_EMAILED,
        "Certificato inviato per e-mail",
        "Certificate e-mailed",
    ),
    info(
        CERTIFICATE_VERIFIED,
        "Verifica di autenticità di un certificato",
        "Certificate verified",
    ),
    info(
        CERTIFICATE_REVOKED,
        "Certificato revocato",
        "Certificate revoked",
    ),
    info(
        SIGNING_KEY_ROTATED,
        "Nuova chiave di firma dei certificati",
        "Certificate signing key rotated",
    ),
    info(
        AUDIT_VERIFIED,
        "Verifica integrità del registro",
        "Audit log integrity verified",
    ),
    info(
        MAIL_REQUEUED,
        "Messaggio non recapitato rimesso in coda",
        "Failed mail queued again",
    ),
    info(
        PRACTICE_CREATED,
        "Pratica avviata (bozza)",
        "Practice started (draft)",
    ),
    info(
        PRACTICE_SUBMITTED,
        "Pratica inoltrata",
        "Practice submitted",
    ),
    info(
        PRACTICE_CANCELLED,
        "Pratica annullata o ritirata",
        "Practice cancelled or withdrawn",
    ),
    info(
        PRACTICE_TAKEN_IN_CHARGE,
        "Pratica presa in carico",
        "Practice taken in charge",
    ),
    info(
        PRACTICE_INTEGRATION_REQUESTED,
        "Integrazione della pratica richiesta",
        "Additional documents requested",
    ),
    info(
        PRACTICE_REGISTERED,
        "Pratica registrata (accolta con riserva)",
        "Practice registered",
    ),
    info(
        PRACTICE_APPROVED,
        "Pratica accolta definitivamente",
        "Practice approved",
    ),
    info(PRACTICE_REJECTED, "Pratica respinta", "Practice rejected"),
    info(
        PRACTICE_VIEWED,
        "Pratica consultata dall'ufficio",
        "Practice viewed by the office",
    ),
    info(
        PRACTICE_ATTACHMENT_ADDED,
        "Allegato aggiunto a una pratica",
        "Attachment added to a practice",
    ),
    info(
        PRACTICE_ATTACHMENT_DELETED,
        "Allegato eliminato da una pratica",
        "Attachment deleted from a practice",
    ),
    info(
        REGISTRY_RESIDENCE_CHANGED,
        "Residenza o indirizzo variati in anagrafe",
        "Residence or address changed in the registry",
    ),
    info(
        APPOINTMENT_BOOKED,
        "Appuntamento prenotato",
        "Appointment booked",
    ),
    info(
        APPOINTMENT_CANCELLED,
        "Appuntamento annullato",
        "Appointment cancelled",
    ),
    info(
        APPOINTMENT_MOVED,
        "Appuntamento spostato",
        "Appointment moved",
    ),
    info(
        APPOINTMENT_ATTENDANCE,
        "Presenza all'appuntamento registrata",
        "Appointment attendance recorded",
    ),
    info(DESK_SAVED, "Sportello configurato", "Desk set up"),
    info(
        CLIENT_REGISTERED,
        "Applicazione di terze parti registrata",
        "Third-party application registered",
    ),
    info(
        CLIENT_SECRET_RENEWED,
        "Credenziali dell'applicazione rinnovate",
        "Application credentials renewed",
    ),
    info(
        CLIENT_KEYS_REPLACED,
        "Chiavi pubbliche dell'applicazione sostituite",
        "Application public keys replaced",
    ),
    info(
        CLIENT_REVOKED,
        "Applicazione revocata",
        "Application revoked",
    ),
    info(
        CLIENT_TOKEN_ISSUED,
        "Token di accesso rilasciato a un'applicazione",
        "Access token issued to an application",
    ),
    info(
        CLIENT_TOKEN_REFUSED,
        "Token di accesso negato a un'applicazione",
        "Access token refused to an application",
    ),
    info(
        REGISTRY_CHECKED,
        "Controllo di una dichiarazione sui dati anagrafici",
        "Self-declaration checked against the registry",
    ),
    info(
        WEBHOOK_REGISTERED,
        "Webhook registrato per un'applicazione",
        "Webhook registered for an application",
    ),
    info(WEBHOOK_DISABLED, "Webhook disattivato", "Webhook disabled"),
    info(
        WEBHOOK_RETRIED,
        "Consegne non riuscite di un webhook rimesse in coda",
        "Failed webhook deliveries queued again",
    ),
];

/// The catalogue entry of an action, if it is one of ours.
pub fn find(code: &str) -> Option<&'static ActionInfo> {
    CATALOGUE.iter().find(|a| a.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_dotted_snake_case() {
        for (i, action) in CATALOGUE.iter().enumerate() {
            let (area, verb) = action.code.split_once('.').unwrap_or_default();
            let snake =
                |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            assert!(snake(area) && snake(verb), "{}", action.code);
            assert!(
                CATALOGUE[i + 1..].iter().all(|b| b.code != action.code),
                "{} twice",
                action.code
            );
            assert!(!action.label_it.is_empty() && !action.label_en.is_empty());
        }
        assert!(find(PERSON_VIEWED).is_some());
        assert!(find("person.eaten").is_none());
    }
}
