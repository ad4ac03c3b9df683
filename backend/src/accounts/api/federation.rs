//! SPID and CIE login (OpenID Connect Federation): the portal's entity configuration,
//! the way out to the identity provider, the way back, and the ticket the SPA turns
//! into a session. The browser always lands on the SPA's `/accedi/esito` page, which
//! says what happened.

use actix_web::http::header;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use crate::accounts::api::login::session_response;
use crate::accounts::federation::callback::{self, CallbackParams};
use crate::accounts::federation::{
    authorization, entity, failure, ticket, Federation, LoginFailure,
};
use crate::accounts::Error;
use crate::audit::Origin;
use crate::platform::auth::tokens::TokenKeys;
use crate::platform::federation::ENTITY_STATEMENT_TYPE;
use crate::platform::http::error::ApiError;
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;

/// The SPA page that shows the outcome of a SPID/CIE login.
const RESULT_PAGE: &str = "/accedi/esito";

/// The portal's entity configuration in the OpenID Connect Federation.
///
/// A JWT signed with the portal's federation key (`typ: entity-statement+jwt`): its
/// `authority_hints` (the trust anchors), its federation key set, and its
/// `openid_relying_party` metadata (`client_id`, `redirect_uris`, the keys its request
/// objects are signed with and the userinfo is encrypted to). 404 when SPID/CIE login
/// is not configured.
#[utoipa::path(
    tag = "auth",
    responses(
        (status = 200, content_type = "application/entity-statement+jwt", body = String,
            description = "The signed entity configuration"),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/.well-known/openid-federation")]
pub async fn entity_configuration(
    federation: web::Data<Federation>,
) -> Result<HttpResponse, ApiError> {
    let login = federation.0.as_ref().ok_or(ApiError::NotFound)?;
    let jwt = entity::configuration_jwt(login, Utc::now().timestamp())
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(HttpResponse::Ok()
        .content_type(ENTITY_STATEMENT_TYPE)
        .body(jwt))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StartQuery {
    /// The SPA path to land on after the login (a path of the portal; anything else
    /// counts as the home page).
    #[param(example = "/area-personale")]
    pub return_to: Option<String>,
}

/// Begins a SPID or CIE login with the identity provider `provider`.
///
/// Answers `302` to the provider's authorization endpoint with a signed request object
/// (PKCE S256, `state` and `nonce` kept by the portal for 10 minutes, single use). When
/// the provider is unknown or cannot be trusted, `302` to the SPA's `/accedi/esito`
/// with `errore=<code>` (`unknown_provider`, `provider_untrusted`,
/// `provider_unreachable`), audit-logged.
#[utoipa::path(
    tag = "auth",
    params(("provider" = String, Path, description = "A provider id from `GET /api/v1/auth/providers`"), StartQuery),
    responses(
        (status = 302, description = "To the identity provider, or to `/accedi/esito?errore=…`",
            headers(("Location" = String, description = "Where the browser goes"))),
    )
)]
#[get("/auth/oidc/{provider}/start")]
pub async fn start_login(
    req: HttpRequest,
    state: web::Data<AppState>,
    federation: web::Data<Federation>,
    provider: web::Path<String>,
    query: web::Query<StartQuery>,
) -> HttpResponse {
    let Some(login) = federation.0.as_ref() else {
        return to_result_page(&LoginFailure::UnknownProvider);
    };
    let return_to = query.return_to.as_deref().unwrap_or("/");
    match authorization::start(login, &state.db, &provider, return_to).await {
        Ok(location) => found(&location),
        Err(failure) => {
            let origin = Origin::from_request(&req);
            let known = login.provider(&provider).map(|p| p.id.clone());
            failure::record(login, &state.db, origin, known, None, &failure).await;
            to_result_page(&failure)
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CallbackQuery {
    /// The authorization code.
    pub code: Option<String>,
    /// The `state` the portal sent.
    pub state: Option<String>,
    /// The provider's error (e.g. `access_denied` when the citizen cancels).
    pub error: Option<String>,
    pub error_description: Option<String>,
}

/// Where identity providers send the citizen back (the `redirect_uri`).
///
/// Claims the login by its `state` (once: a replayed or expired `state` fails), exchanges
/// the code at the provider's token endpoint with `private_key_jwt`, verifies the ID
/// token (signature with the keys of the provider's trust chain, `iss`, `aud`, `exp`,
/// `iat`, `nonce`, `acr`) and the userinfo (decrypted, signature verified), and takes the
/// codice fiscale to the account — created, or activated when it awaited identification.
/// Answers `302` to `/accedi/esito#ticket=…` (the fragment never reaches a server), or to
/// `/accedi/esito?errore=<code>`; every outcome is audit-logged.
#[utoipa::path(
    tag = "auth",
    params(CallbackQuery),
    responses(
        (status = 302, description = "To the SPA's result page, with a ticket or an error code",
            headers(("Location" = String, description = "Where the browser goes"))),
    )
)]
#[get("/auth/oidc/callback")]
pub async fn login_callback(
    req: HttpRequest,
    state: web::Data<AppState>,
    federation: web::Data<Federation>,
    query: web::Query<CallbackQuery>,
) -> HttpResponse {
    let Some(login) = federation.0.as_ref() else {
        return to_result_page(&LoginFailure::StateInvalid);
    };
    let query = query.into_inner();
    let params = CallbackParams {
        code: query.code,
        state: query.state,
        error: query.error,
        error_description: query.error_description,
    };
    match callback::complete(login, &state.db, Origin::from_request(&req), params).await {
        Ok(landing) => {
            let fragment = form_urlencoded::Serializer::new(String::new())
                .append_pair("ticket", &landing.ticket)
                .append_pair("ritorno", &landing.return_to)
                .finish();
            found(&format!("{RESULT_PAGE}#{fragment}"))
        }
        Err(failure) => to_result_page(&failure),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TicketRequest {
    /// The ticket from the result page's address, valid once for two minutes.
    pub ticket: String,
}

/// Turns the ticket of a SPID/CIE login into a portal session.
///
/// The same answer as a password login, with the refresh token also as an HttpOnly
/// cookie; the session records its method (`spid` or `cie`), so no password change is
/// asked for.
#[utoipa::path(
    tag = "auth",
    request_body = TicketRequest,
    responses(
        (status = 200, body = crate::accounts::api::login::LoginResponse),
        (status = 401, body = crate::platform::http::error::Problem, content_type = "application/problem+json",
            description = "Unknown, used or expired ticket (`login_ticket_invalid`)"),
        (status = 403, body = crate::platform::http::error::Problem, content_type = "application/problem+json",
            description = "The account was locked meanwhile (`account_locked`)"),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/auth/oidc/session")]
pub async fn redeem_ticket(
    state: web::Data<AppState>,
    federation: web::Data<Federation>,
    tokens: web::Data<TokenKeys>,
    body: Json<TicketRequest>,
) -> Result<HttpResponse, ApiError> {
    let login = federation.0.clone().ok_or(Error::LoginTicketInvalid)?;
    let ticket_text = body.0.ticket;
    let issued = state
        .db
        .run(move |conn| {
            ticket::redeem(conn, &login, &tokens, &ticket_text, Utc::now().naive_utc())
        })
        .await?;
    Ok(session_response(&state, issued))
}

fn found(location: &str) -> HttpResponse {
    HttpResponse::Found()
        .insert_header((header::LOCATION, location))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish()
}

fn to_result_page(failure: &LoginFailure) -> HttpResponse {
    found(&format!("{RESULT_PAGE}?errore={}", failure.code()))
}
