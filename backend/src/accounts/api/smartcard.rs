//! Smart-card login (CNS/CRS, SPEC §2): the TLS client certificate, verified at the
//! handshake against the configured CAs, names the holder by codice fiscale; no password.

use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::Utc;

use crate::accounts::api::login::session_response;
use crate::accounts::login_audit::record_login;
use crate::accounts::rules::login_method::LoginMethod;
use crate::accounts::rules::smartcard::{CardCertificate, SmartCardError};
use crate::accounts::session;
use crate::accounts::Error;
use crate::audit::Origin;
use crate::platform::auth::tokens::TokenKeys;
use crate::platform::http::client_cert::ClientCertificate;
use crate::platform::http::error::ApiError;
use crate::platform::http::AppState;
use crate::registry::rules::fiscal_code::FiscalCode;

/// Logs in with a smart card (CNS/CRS); no body, no password.
///
/// The card is the TLS client certificate the browser presented on this connection,
/// verified at the handshake against the configured CAs. The codice fiscale in its subject
/// (serialNumber `TINIT-…`, or the CNS common name `<codice fiscale>/…`) picks the account,
/// which must be active. Offered only where the portal terminates TLS with smart-card CAs
/// configured (see `GET /api/v1/auth/providers`). A smart-card session is not held back by
/// the first-login password change (`must_change_password` is false): no password was
/// used. Logins with a card are recorded in the audit log like password logins.
#[utoipa::path(
    tag = "auth",
    security(("smartcard" = [])),
    responses(
        (status = 200, body = crate::accounts::api::login::LoginResponse),
        (status = 401, body = crate::platform::http::error::Problem, content_type = "application/problem+json",
            description = "No client certificate (`smart_card_required`), no valid codice fiscale \
                in it (`smart_card_unreadable`), or no account for it (`smart_card_not_registered`)"),
        (status = 403, response = crate::platform::http::responses::Forbidden),
    )
)]
#[post("/auth/smartcard")]
pub async fn smartcard_login(
    req: HttpRequest,
    state: web::Data<AppState>,
    tokens: web::Data<TokenKeys>,
) -> Result<HttpResponse, ApiError> {
    let certificate = ClientCertificate::of(&req).ok_or(Error::SmartCardMissing)?;
    let origin = Origin::from_request(&req);
    let issued = state
        .db
        .run({
            let tokens = tokens.clone();
            move |conn| {
                let now = Utc::now().naive_utc();
                let card = CardCertificate::parse(certificate.der());
                let fiscal_code = card
                    .as_ref()
                    .map_err(SmartCardError::clone)
                    .and_then(CardCertificate::fiscal_code);
                let outcome = match &fiscal_code {
                    Ok(code) => session::check_smart_card(conn, code).and_then(|account| {
                        let method = LoginMethod::SmartCard;
                        session::issue(conn, &tokens, &account, None, method, now)
                    }),
                    Err(reason) => {
                        tracing::info!(%reason, "smart card refused");
                        Err(Error::SmartCardUnreadable)
                    }
                };
                let (attempted, details) = describe_attempt(&card, &fiscal_code);
                record_login(conn, &origin, &outcome, &attempted, Some(details))?;
                outcome.map_err(ApiError::from)
            }
        })
        .await?;
    Ok(session_response(&state, issued))
}

/// What the audit log records of an attempt: the name tried (the codice fiscale, else the
/// certificate's subject) and details naming the certificate or why it was unusable.
fn describe_attempt(
    card: &Result<CardCertificate, SmartCardError>,
    fiscal_code: &Result<FiscalCode, SmartCardError>,
) -> (String, serde_json::Map<String, serde_json::Value>) {
    let mut details = serde_json::Map::new();
    details.insert("method".to_owned(), LoginMethod::SmartCard.as_str().into());
    if let Ok(card) = card {
        let certificate = serde_json::json!({
            "subject": card.subject,
            "issuer": card.issuer,
            "serial": card.serial,
        });
        details.insert("certificate".to_owned(), certificate);
    }
    if let Err(reason) = fiscal_code {
        details.insert("reason".to_owned(), reason.code().into());
    }
    let attempted = match (fiscal_code, card) {
        (Ok(code), _) => code.as_str().to_owned(),
        (Err(_), Ok(card)) => card.subject.clone(),
        (Err(_), Err(_)) => "carta non leggibile".to_owned(),
    };
    (attempted, details)
}
