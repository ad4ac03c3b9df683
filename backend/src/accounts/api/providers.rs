//! The login methods this portal offers, for the login page to show.

use actix_web::{get, web, HttpRequest};
use serde::Serialize;
use utoipa::ToSchema;

use crate::platform::http::client::client_ip;
use crate::platform::http::AppState;

#[derive(Serialize, ToSchema)]
pub struct AuthProviders {
    pub providers: Vec<AuthProvider>,
    /// The caller's address as the server sees it: the login page shows it beside the
    /// notice that accesses are logged (seed 001).
    #[schema(example = "192.0.2.10")]
    pub client_ip: Option<String>,
    /// Whether new accounts may register with tax code and password
    /// (`POST /api/v1/registrations`); a municipality may switch it off.
    pub password_registration: bool,
}

#[derive(Serialize, ToSchema)]
pub struct AuthProvider {
    /// `password`, `smartcard`, or an OpenID Connect provider.
    #[schema(example = "password")]
    pub id: String,
    pub name: String,
    /// `password`, `smartcard`, `spid` or `cie`.
    pub kind: String,
    /// Where the browser goes to log in with a SPID or CIE identity provider.
    #[schema(example = "/api/v1/auth/oidc/demo-spid/start")]
    pub start_url: Option<String>,
    /// The provider's logo, shipped with the SPA (a path under its root).
    pub logo: Option<String>,
}

/// The login methods this portal offers, and the caller's address.
///
/// `smartcard` is listed when the portal terminates TLS and trusts smart-card CAs
/// (`POST /api/v1/auth/smartcard`); the SPID and CIE identity providers of the
/// federation follow, each with the `start_url` that begins its login.
#[utoipa::path(tag = "auth", responses((status = 200, body = AuthProviders)))]
#[get("/auth/providers")]
pub async fn list_providers(
    req: HttpRequest,
    state: web::Data<AppState>,
    federation: web::Data<crate::accounts::federation::Federation>,
) -> web::Json<AuthProviders> {
    let mut providers = vec![AuthProvider {
        id: "password".to_owned(),
        name: "Codice fiscale e password".to_owned(),
        kind: "password".to_owned(),
        start_url: None,
        logo: None,
    }];
    if state.settings.smartcard_enabled() {
        providers.push(AuthProvider {
            id: "smartcard".to_owned(),
            name: "Carta Nazionale dei Servizi (CNS/CRS)".to_owned(),
            kind: "smartcard".to_owned(),
            start_url: None,
            logo: None,
        });
    }
    if federation.0.is_some() {
        for provider in &state.settings.federation.providers {
            providers.push(AuthProvider {
                id: provider.id.clone(),
                name: provider.name.clone(),
                kind: provider.kind.as_str().to_owned(),
                start_url: Some(format!("/api/v1/auth/oidc/{}/start", provider.id)),
                logo: provider.logo.clone(),
            });
        }
    }
    web::Json(AuthProviders {
        client_ip: client_ip(&req),
        password_registration: state.settings.registration_enabled,
        providers,
    })
}
