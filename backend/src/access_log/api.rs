//! "Chi ha consultato i miei dati": what others did with my registry data — views of my
//! position, look-ups of me as a third person, certificates about me, and the
//! verifications of those certificates. Transparency is what makes the look-up of
//! third persons acceptable (GDPR art. 15; seed 001 §7 warns that every request is
//! recorded).

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::accounts;
use crate::audit::actions;
use crate::audit::{self, AuditFilter};
use crate::certificates;
use crate::platform::auth::AuthUser;
use crate::platform::http::error::ApiError;
use crate::platform::http::AppState;
use crate::platform::i18n::Lang;
use crate::registry;

/// Entries shown: the most recent ones.
const LIMIT: i64 = 200;

/// The actions about a person that the person is shown: among them every download and
/// every e-mail of a certificate about them by someone else (the office, or whoever
/// asked for it).
const SHOWN: [&str; 7] = [
    actions::PERSON_VIEWED,
    actions::REGISTRY_CHECKED,
    actions::PERSON_SEARCHED,
    actions::CERTIFICATE_ISSUED,
    actions::CERTIFICATE_DOWNLOADED,
    actions::CERTIFICATE_EMAILED,
    actions::CERTIFICATE_REVOKED,
];

#[derive(Debug, Serialize, ToSchema)]
pub struct AccessLogEntry {
    pub at: DateTime<Utc>,
    #[schema(example = "person.searched")]
    pub action: String,
    /// The action in the reader's language.
    pub action_label: String,
    /// Who: the name of the citizen or operator; for verifications, "anonimo".
    pub actor_label: String,
    /// `citizen`, `operator`, `admin`, `client` (a third-party application: the label
    /// names its organisation) or `anonymous`.
    pub actor_kind: String,
    /// The reason given (look-ups and certificates for third persons, the purpose of an
    /// application's check).
    pub reason: Option<String>,
    pub certificate_id: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AccessLog {
    /// Newest first.
    pub items: Vec<AccessLogEntry>,
}

/// Who consulted my data: others' views, look-ups and certificates about me (with the
/// reason they gave), downloads and e-mails of those certificates, and the
/// verifications of my certificates (without the verifier's address). My own actions
/// are not listed.
#[utoipa::path(
    tag = "profile",
    security(("bearer" = [])),
    params(("Accept-Language" = Option<String>, Header, description = "`it` (default) or `en`")),
    responses(
        (status = 200, body = AccessLog),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
    )
)]
#[get("/me/access-log")]
pub async fn get_access_log(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<web::Json<AccessLog>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let items = state
        .db
        .run(move |conn| {
            let Some(me) = registry::person_of_account(conn, &user.account_id)? else {
                return Ok::<_, ApiError>(Vec::new());
            };
            let filter = AuditFilter {
                subject: Some(me.id.to_string()),
                ..AuditFilter::default()
            };
            let rows = audit::search_entries(conn, &filter, 0, LIMIT)?;
            let mut items = Vec::new();
            // The same few people recur (an operator, a requester): one read each.
            let mut roles: std::collections::HashMap<String, String> = Default::default();
            for row in rows {
                if !SHOWN.contains(&row.action.as_str())
                    || row.actor_id.as_deref() == Some(user.account_id.as_str())
                {
                    continue;
                }
                let by_client = row.action == actions::REGISTRY_CHECKED;
                let actor_kind = match &row.actor_id {
                    None if by_client => "client".to_owned(),
                    Some(id) => match roles.get(id) {
                        Some(role) => role.clone(),
                        None => {
                            let role = accounts::find_account(conn, id)?
                                .map_or_else(|| "anonymous".to_owned(), |a| a.role);
                            roles.insert(id.clone(), role.clone());
                            role
                        }
                    },
                    None => "anonymous".to_owned(),
                };
                let certificate_id = serde_json::from_str::<serde_json::Value>(&row.details)
                    .ok()
                    .and_then(|d| d.get("certificate_id")?.as_str().map(str::to_owned));
                items.push(AccessLogEntry {
                    at: row.occurred_at.and_utc(),
                    action_label: action_label(&row.action, lang),
                    action: row.action,
                    actor_label: row.actor_label,
                    actor_kind,
                    reason: row.reason,
                    certificate_id,
                });
            }
            for (certificate_id, at, _) in certificates::verifications_about(conn, &me.id, LIMIT)? {
                items.push(AccessLogEntry {
                    at: at.and_utc(),
                    action: actions::CERTIFICATE_VERIFIED.to_owned(),
                    action_label: action_label(actions::CERTIFICATE_VERIFIED, lang),
                    actor_label: match lang {
                        Lang::It => "verifica pubblica".to_owned(),
                        Lang::En => "public verification".to_owned(),
                    },
                    actor_kind: "anonymous".to_owned(),
                    reason: None,
                    certificate_id: Some(certificate_id),
                });
            }
            items.sort_by_key(|e| std::cmp::Reverse(e.at));
            items.truncate(LIMIT as usize);
            Ok(items)
        })
        .await?;
    Ok(web::Json(AccessLog { items }))
}

fn action_label(code: &str, lang: Lang) -> String {
    actions::find(code)
        .map(|a| a.label().get(lang).to_owned())
        .unwrap_or_else(|| code.to_owned())
}
