//! The HTTP API: one module per resource. Routes and the OpenAPI document come from the
//! same registration, so the document cannot miss an endpoint.

pub mod access_log;
pub mod admin_accounts;
pub mod admin_groups;
pub mod admin_users;
pub mod audit_log;
pub mod auth;
pub mod certificates;
pub mod email_delivery;
pub mod fiscal_code;
pub mod health;
pub mod idempotency;
pub mod mail_outbox;
pub mod me;
pub mod municipality;
pub mod pagination;
pub mod password_policy;
pub mod password_reset;
pub mod places;
pub mod quota;
pub mod registrations;
pub mod registry;
pub mod responses;
pub mod self_declarations;
pub mod services;
pub mod smartcard;
pub mod verification;

use actix_web::App;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::{scope, AppExt};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Portale dei Servizi Demografici",
        description = "API of the online counter of an Italian municipal registry office (anagrafe): \
certificates, self-declarations, practices and appointments for citizens; back office for operators; \
REST access for third-party applications.\n\nErrors are `application/problem+json` (RFC 9457) with a stable \
`code` and the `request_id`; messages are in Italian or English according to `Accept-Language`.",
        license(name = "EUPL-1.2", identifier = "EUPL-1.2"),
    ),
    tags(
        (name = "catalogue", description = "Public catalogues: services, municipality, places"),
        (name = "tools", description = "Public tools"),
        (name = "auth", description = "Login, sessions and passwords"),
        (name = "profile", description = "The user's own account"),
        (name = "registry", description = "The family record, persons, and look-ups of third persons"),
        (name = "certificates", description = "Certificates: catalogues, issuing, delivery"),
        (name = "self-declarations", description = "Self-declarations (autocertificazioni): catalogue, blank forms, prefilled forms, the declarant's archive"),
        (name = "verification", description = "Public verification of certificates and the signing keys"),
        (name = "back office", description = "Operators and administrators"),
        (name = "operations", description = "Health, readiness and metrics"),
    ),
    components(
        schemas(crate::error::Problem),
        responses(
            responses::BadRequest,
            responses::Unprocessable,
            responses::PayloadTooLarge,
            responses::UnsupportedMediaType,
            responses::NotFound,
            responses::Unauthorized,
            responses::Forbidden,
            responses::Conflict,
            responses::TooManyRequests,
        )
    ),
    modifiers(&SecuritySchemes)
)]
struct ApiDoc;

/// Bearer tokens are declared now so every later endpoint names the same scheme; the
/// smart card is a TLS client certificate (OpenAPI 3.1 `mutualTLS`).
struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "Access token from `POST /api/v1/auth/login` or `POST /api/v1/oauth/token`",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "smartcard",
            SecurityScheme::MutualTls {
                description: Some(
                    "TLS client certificate of a smart card (CNS/CRS) issued by a CA the portal \
                     trusts; only where the portal terminates TLS itself"
                        .to_owned(),
                ),
                extensions: None,
            },
        );
    }
}

/// Every endpoint, registered once for both the server and the document.
pub fn routes(config: &mut ServiceConfig) {
    config
        .service(health::healthz)
        .service(health::readyz)
        .service(health::metrics)
        .service(
            scope::scope("/api/v1")
                .service(municipality::get_municipality)
                .service(services::list_services)
                .service(places::search_places)
                .service(fiscal_code::validate_fiscal_code)
                .service(auth::login)
                .service(auth::refresh)
                .service(auth::logout)
                .service(auth::change_password)
                .service(auth::list_providers)
                .service(password_policy::get_password_policy)
                .service(smartcard::smartcard_login)
                .service(registrations::registration_challenge)
                .service(registrations::register)
                .service(password_reset::request_password_reset)
                .service(password_reset::confirm_password_reset)
                .service(me::get_profile)
                .service(me::update_profile)
                .service(registry::get_my_family)
                .service(registry::get_person)
                .service(registry::search_persons)
                .service(access_log::get_access_log)
                .service(certificates::list_certificate_types)
                .service(certificates::list_certificate_usages)
                .service(certificates::issue_certificate)
                .service(certificates::list_certificates)
                .service(certificates::get_certificate)
                .service(certificates::download_certificate)
                .service(certificates::email::email_certificate)
                .service(certificates::revocation::revoke_certificate)
                .service(self_declarations::list_self_declaration_types)
                .service(self_declarations::blank_self_declaration)
                .service(self_declarations::prefill_self_declaration)
                .service(self_declarations::preview_self_declaration)
                .service(self_declarations::create_self_declaration)
                .service(self_declarations::list_self_declarations)
                .service(self_declarations::get_self_declaration)
                .service(self_declarations::download_self_declaration)
                .service(self_declarations::email::email_self_declaration)
                .service(verification::verify_certificate)
                .service(verification::verified_document)
                .service(verification::list_signing_keys)
                .service(admin_accounts::list_accounts)
                .service(admin_accounts::activate_account)
                .service(admin_accounts::reject_account)
                .service(admin_groups::list_permissions)
                .service(admin_groups::list_groups)
                .service(admin_groups::create_group)
                .service(admin_groups::update_group)
                .service(admin_groups::delete_group)
                .service(admin_users::list_users)
                .service(admin_users::lock_user)
                .service(admin_users::unlock_user)
                .service(admin_users::reset_user_password)
                .service(admin_users::set_user_groups)
                .service(audit_log::list_audit_log)
                .service(audit_log::list_audit_actions)
                .service(audit_log::verify_audit_log)
                .service(mail_outbox::list_mail_outbox)
                .service(mail_outbox::retry_mail),
        );
}

/// The OpenAPI document, as `portale openapi` prints it and `/api/openapi.json` serves it.
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    let (_, document) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(routes)
        .split_for_parts();
    document
}

pub fn openapi_json() -> Result<String, serde_json::Error> {
    let mut json = openapi_document().to_pretty_json()?;
    json.push('\n');
    Ok(json)
}
