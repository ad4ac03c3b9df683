//! The HTTP API: one module per resource. Routes and the OpenAPI document come from the
//! same registration, so the document cannot miss an endpoint.

use actix_web::App;
use utoipa::openapi::security::{
    ClientCredentials, Flow, HttpAuthScheme, HttpBuilder, OAuth2, Scopes, SecurityScheme,
};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::{scope, AppExt};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Portale dei Servizi Demografici",
        description = "API of the online counter of an Italian municipal registry office (anagrafe): \
certificates with a verifiable digital stamp, self-declarations, the family record and the verification \
of certificates for citizens; the back office for operators (identification, users and groups, issued \
certificates, the audit log, the mail outbox).\n\nErrors are `application/problem+json` (RFC 9457) with a stable \
`code` and the `request_id`; messages are in Italian or English according to `Accept-Language`.",
        license(name = "EUPL-1.2", identifier = "EUPL-1.2"),
        contact(
            name = "Ufficio Servizi Demografici",
            email = "anagrafe@comune.valdoria.example",
            url = "http://127.0.0.1:8080/contatti"
        ),
    ),
    tags(
        (name = "catalogue", description = "Public catalogues: services, municipality, places"),
        (name = "tools", description = "Public tools"),
        (name = "auth", description = "Login, sessions and passwords"),
        (name = "profile", description = "The user's own account"),
        (name = "registry", description = "The family record, persons, and look-ups of third persons"),
        (name = "certificates", description = "Certificates: catalogues, issuing, delivery"),
        (name = "self-declarations", description = "Self-declarations (autocertificazioni): catalogue, blank forms, prefilled forms, the declarant's archive"),
        (name = "practices", description = "Online practices: the change of residence, from the draft to the office's decision"),
        (name = "appointments", description = "Appointments at the office's desks: desks, free slots, bookings, the agenda"),
        (name = "verification", description = "Public verification of certificates and the signing keys"),
        (name = "webhooks", description = "An application's own webhook subscriptions (scope webhooks:manage)"),
        (name = "back office", description = "Operators and administrators"),
        (name = "operations", description = "Health, readiness and metrics"),
    ),
    components(
        schemas(crate::platform::http::error::Problem),
        responses(
            crate::platform::http::responses::BadRequest,
            crate::platform::http::responses::Unprocessable,
            crate::platform::http::responses::PayloadTooLarge,
            crate::platform::http::responses::UnsupportedMediaType,
            crate::platform::http::responses::NotFound,
            crate::platform::http::responses::Unauthorized,
            crate::platform::http::responses::Forbidden,
            crate::platform::http::responses::Conflict,
            crate::platform::http::responses::TooManyRequests,
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
        let scopes = crate::platform::auth::Scope::ALL
            .into_iter()
            .map(|scope| (scope.code(), scope.label().1));
        components.add_security_scheme(
            crate::platform::auth::route_permissions::CLIENT_SCHEME,
            SecurityScheme::OAuth2(OAuth2::with_description(
                [Flow::ClientCredentials(ClientCredentials::new(
                    "/api/v1/oauth/token",
                    Scopes::from_iter(scopes),
                ))],
                "Third-party applications: OAuth 2.0 client credentials; each operation names \
                 the scopes it needs",
            )),
        );
        components.add_security_scheme(
            "metrics_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The token configured as `PORTALE_METRICS_TOKEN`, for the monitoring \
                         server that reads `/metrics`",
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
        .service(crate::platform::http::health::healthz)
        .service(crate::platform::http::health::readyz)
        .service(crate::platform::http::health::metrics)
        .service(crate::platform::http::health::status)
        .service(crate::accounts::api::federation::entity_configuration)
        .service(
            scope::scope("/api/v1")
                .service(crate::municipality::api::get_municipality)
                .service(crate::municipality::api::services::list_services)
                .service(crate::registry::api::places::search_places)
                .service(crate::registry::api::fiscal_code::validate_fiscal_code)
                .service(crate::accounts::api::login::login)
                .service(crate::accounts::api::login::refresh)
                .service(crate::accounts::api::login::logout)
                .service(crate::accounts::api::password_change::change_password)
                .service(crate::accounts::api::providers::list_providers)
                .service(crate::accounts::api::password_policy::get_password_policy)
                .service(crate::accounts::api::smartcard::smartcard_login)
                .service(crate::accounts::api::federation::start_login)
                .service(crate::accounts::api::federation::login_callback)
                .service(crate::accounts::api::federation::redeem_ticket)
                .service(crate::clients::api::token::issue_token)
                .service(crate::registry::api::checks::check_declaration)
                .service(crate::clients::api::list_clients)
                .service(crate::clients::api::register_client)
                .service(crate::clients::api::renew_client_secret)
                .service(crate::clients::api::revoke_client)
                .service(crate::clients::api::replace_client_keys)
                .service(crate::webhooks::api::list_webhooks)
                .service(crate::webhooks::api::register_webhook)
                .service(crate::webhooks::api::list_deliveries)
                .service(crate::webhooks::api::disable_webhook)
                .service(crate::webhooks::api::retry_webhook)
                .service(crate::webhooks::api::own::list_own_webhooks)
                .service(crate::webhooks::api::own::register_own_webhook)
                .service(crate::webhooks::api::own::list_own_deliveries)
                .service(crate::webhooks::api::own::disable_own_webhook)
                .service(crate::webhooks::api::own::retry_own_webhook)
                .service(crate::accounts::api::registration_challenge::registration_challenge)
                .service(crate::accounts::api::registrations::register)
                .service(crate::accounts::api::password_reset::request_password_reset)
                .service(crate::accounts::api::password_reset::confirm_password_reset)
                .service(crate::accounts::api::profile::get_profile)
                .service(crate::accounts::api::profile::update_profile)
                .service(crate::registry::api::get_my_family)
                .service(crate::registry::api::get_person)
                .service(crate::registry::api::search_persons)
                .service(crate::access_log::api::get_access_log)
                .service(crate::certificates::api::list_certificate_types)
                .service(crate::certificates::api::list_certificate_usages)
                .service(crate::certificates::api::issue_certificate)
                .service(crate::certificates::api::list::list_certificates)
                .service(crate::certificates::api::get_certificate)
                .service(crate::certificates::api::download_certificate)
                .service(crate::certificates::api::email::email_certificate)
                .service(crate::certificates::api::revocation::revoke_certificate)
                .service(crate::self_declarations::api::list_self_declaration_types)
                .service(crate::self_declarations::api::blank_self_declaration)
                .service(crate::self_declarations::api::prefill_self_declaration)
                .service(crate::self_declarations::api::preview_self_declaration)
                .service(crate::self_declarations::api::create_self_declaration)
                .service(crate::self_declarations::api::list_self_declarations)
                .service(crate::self_declarations::api::get_self_declaration)
                .service(crate::self_declarations::api::download_self_declaration)
                .service(crate::self_declarations::api::email::email_self_declaration)
                .service(crate::registry::api::streets::search_streets)
                .service(crate::practices::api::list_practice_types)
                .service(crate::practices::api::practice_template)
                .service(crate::practices::api::create_practice)
                .service(crate::practices::api::list_practices)
                .service(crate::practices::api::get_practice)
                .service(crate::practices::api::save_practice)
                .service(crate::practices::api::practice_history)
                .service(crate::practices::api::practice_receipt)
                .service(crate::practices::api::files::upload_attachment)
                .service(crate::practices::api::files::download_attachment)
                .service(crate::practices::api::files::delete_attachment)
                .service(crate::practices::api::actions::submit_practice)
                .service(crate::practices::api::actions::cancel_practice)
                .service(crate::practices::api::actions::take_charge)
                .service(crate::practices::api::actions::request_integration)
                .service(crate::practices::api::actions::register_practice)
                .service(crate::practices::api::actions::approve_practice)
                .service(crate::practices::api::actions::reject_practice)
                .service(crate::appointments::api::list_desks)
                .service(crate::appointments::api::create_desk)
                .service(crate::appointments::api::update_desk)
                .service(crate::appointments::api::add_closure)
                .service(crate::appointments::api::remove_closure)
                .service(crate::appointments::api::desk_availability)
                .service(crate::appointments::api::office::desk_agenda)
                .service(crate::appointments::api::bookings::book_appointment)
                .service(crate::appointments::api::bookings::list_appointments)
                .service(crate::appointments::api::bookings::get_appointment)
                .service(crate::appointments::api::bookings::appointment_ics)
                .service(crate::appointments::api::bookings::cancel_appointment)
                .service(crate::appointments::api::office::move_appointment)
                .service(crate::appointments::api::office::record_attendance)
                .service(crate::certificates::api::verification::verify_certificate)
                .service(crate::certificates::api::verification::verified_document)
                .service(crate::certificates::api::verification::list_signing_keys)
                .service(crate::accounts::api::admin_accounts::list_accounts)
                .service(crate::accounts::api::admin_accounts::activate_account)
                .service(crate::accounts::api::admin_accounts::reject_account)
                .service(crate::accounts::api::admin_groups::list_permissions)
                .service(crate::accounts::api::admin_groups::list_groups)
                .service(crate::accounts::api::admin_groups::create_group)
                .service(crate::accounts::api::admin_groups::update_group)
                .service(crate::accounts::api::admin_groups::delete_group)
                .service(crate::accounts::api::admin_users::list_users)
                .service(crate::accounts::api::staff_accounts::create_staff_account)
                .service(crate::accounts::api::admin_users::lock_user)
                .service(crate::accounts::api::admin_users::unlock_user)
                .service(crate::accounts::api::admin_users::reset_user_password)
                .service(crate::accounts::api::admin_users::set_user_groups)
                .service(crate::audit::api::list_audit_log)
                .service(crate::audit::api::list_audit_actions)
                .service(crate::audit::api::verify_audit_log)
                .service(crate::mail::api::list_mail_outbox)
                .service(crate::mail::api::retry_mail),
        );
}

/// The OpenAPI document, as `portale openapi` prints it and `/api/openapi.json` serves it.
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    let (_, document) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(routes)
        .split_for_parts();
    let mut document = document;
    // After the routes: a modifier of `ApiDoc` would run before they add the paths.
    crate::platform::http::responses::ExtractorResponses.modify(&mut document);
    // The Italian interoperability guidelines want a one-line summary of the API.
    document.info.extensions = Some(
        utoipa::openapi::extensions::ExtensionsBuilder::new()
            .add(
                "x-summary",
                "Anagrafe online: certificati con sigillo verificabile, autocertificazioni, pratiche e appuntamenti",
            )
            .build(),
    );
    document
}

pub fn openapi_json() -> Result<String, serde_json::Error> {
    openapi_json_for(None)
}

/// The document as an installation publishes it: with its HTTPS address the OAuth token
/// URL becomes absolute (the interoperability guidelines want it on HTTPS; relative, as
/// committed, it lets Swagger UI work on any host).
pub fn openapi_json_for(public_base_url: Option<&str>) -> Result<String, serde_json::Error> {
    let mut document = openapi_document();
    if let Some(base) = public_base_url.filter(|url| url.starts_with("https://")) {
        absolute_token_url(&mut document, base);
    }
    let mut json = document.to_pretty_json()?;
    json.push('\n');
    Ok(json)
}

pub fn absolute_token_url(document: &mut utoipa::openapi::OpenApi, base: &str) {
    use utoipa::openapi::security::{Flow, SecurityScheme};
    let Some(components) = document.components.as_mut() else {
        return;
    };
    let scheme = crate::platform::auth::route_permissions::CLIENT_SCHEME;
    if let Some(SecurityScheme::OAuth2(oauth)) = components.security_schemes.get_mut(scheme) {
        for flow in oauth.flows.values_mut() {
            if let Flow::ClientCredentials(credentials) = flow {
                credentials.token_url =
                    format!("{}{}", base.trim_end_matches('/'), credentials.token_url);
            }
        }
    }
}
