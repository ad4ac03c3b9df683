//! Portale dei Servizi Demografici: the server as a library, so that `main` and the
//! black-box tests build exactly the same application.

pub mod access_log;
pub mod accounts;
pub mod appointments;
pub mod audit;
pub mod backup;
pub mod certificates;
pub mod cli;
pub mod clients;
pub mod demo;
pub mod document;
pub mod mail;
pub mod municipality;
pub mod platform;
pub mod practices;
pub mod registry;
pub mod routes;
pub mod self_declarations;
pub mod webhooks;

#[cfg(test)]
mod architecture_tests;

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::middleware::{from_fn, Compress, DefaultHeaders};
use actix_web::{web, App, HttpServer};
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::platform::db::Database;
use crate::platform::http::error::ApiError;
use crate::platform::http::extract::BodyLimit;
use crate::platform::http::fallback::fallback;
use crate::platform::http::fallback::RouteTable;
use crate::platform::http::AppState;
use crate::platform::metrics::Metrics;
use crate::platform::settings::Settings;

/// Builds the HTTP server on an already-bound listener (port 0 in tests): HTTPS when the
/// settings name a certificate (see `http::tls`), plain HTTP otherwise.
pub fn build_server(
    settings: Arc<Settings>,
    db: Database,
    listener: TcpListener,
) -> anyhow::Result<Server> {
    build_server_with_metrics(settings, db, listener, Metrics::new()?)
}

/// As [`build_server`], with a metrics registry shared with background workers.
pub fn build_server_with_metrics(
    settings: Arc<Settings>,
    db: Database,
    listener: TcpListener,
    metrics: Metrics,
) -> anyhow::Result<Server> {
    let tokens = web::Data::new(platform::auth::TokenKeys::load(
        settings.jwt_secret.as_ref().map(|s| s.expose()),
        &settings.data_dir,
    )?);
    let keyring = web::Data::new(certificates::keyring::Keyring::default());
    let federation = web::Data::new(accounts::federation::Federation::from_settings(&settings)?);
    let client_rate_limits = web::Data::new(platform::auth::client::ClientRateLimits::default());
    let problems = settings.pdnd.problems();
    anyhow::ensure!(problems.is_empty(), "{}", problems.join("; "));
    let pdnd_vouchers = web::Data::new(platform::auth::pdnd::PdndVouchers::new(&settings.pdnd));
    let state = web::Data::new(AppState {
        db,
        settings: settings.clone(),
        revocations: Arc::default(),
    });
    let metrics = web::Data::new(metrics);
    let mut document = routes::openapi_document();
    let base_url = settings.effective_public_base_url();
    if base_url.starts_with("https://") {
        routes::absolute_token_url(&mut document, &base_url);
    }
    let route_table = web::Data::new(RouteTable::from_openapi(&document));
    let route_permissions = web::Data::new(
        platform::auth::route_permissions::RoutePermissions::from_openapi(&document)?,
    );
    let body_limit = web::Data::new(BodyLimit(settings.max_body_bytes));
    let max_body_bytes = settings.max_body_bytes;

    let mut server = HttpServer::new(move || {
        let (app, _) = App::new()
            .into_utoipa_app()
            .app_data(state.clone())
            .app_data(tokens.clone())
            .app_data(keyring.clone())
            .app_data(federation.clone())
            .app_data(client_rate_limits.clone())
            .app_data(pdnd_vouchers.clone())
            .app_data(metrics.clone())
            .app_data(route_table.clone())
            .app_data(route_permissions.clone())
            .app_data(body_limit.clone())
            .app_data(web::PayloadConfig::new(max_body_bytes))
            .app_data(web::PathConfig::default().error_handler(|_, _| ApiError::NotFound.into()))
            .configure(routes::routes)
            .split_for_parts();
        app.route("/api/docs", web::get().to(redirect_to_docs))
            .service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", document.clone()))
            .default_service(web::to(fallback))
            .wrap(Compress::default())
            // Outside `observe`, so that re-rendered error responses get them too.
            .wrap(from_fn(platform::http::observe::observe))
            // Outside `observe` too: the 429 of a client's limit is re-rendered there.
            .wrap(from_fn(platform::auth::client::rate_limit_headers))
            .wrap(security_headers())
    })
    .shutdown_timeout(30)
    // Before `listen`: the callback is captured when the listener is added.
    .on_connect(platform::http::client_cert::capture);
    if let Some(workers) = settings.workers {
        server = server.workers(workers);
    }
    let server = match platform::http::tls::server_config(&settings)? {
        Some(tls) => server.listen_rustls_0_23(listener, tls)?,
        None => server.listen(listener)?,
    };
    Ok(server.run())
}

/// API.md names `/api/docs`; Swagger UI's relative asset paths need the trailing slash.
async fn redirect_to_docs() -> actix_web::HttpResponse {
    actix_web::HttpResponse::PermanentRedirect()
        .insert_header((actix_web::http::header::LOCATION, "/api/docs/"))
        .finish()
}

/// Conservative headers for a public administration site; Swagger UI needs inline styles.
fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "same-origin"))
        .add((
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
             object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
        ))
        .add((
            "Permissions-Policy",
            "camera=(self), microphone=(), geolocation=()",
        ))
}

/// Opens the database and brings its schema up to date; the first thing `serve` does.
pub fn open_database(settings: &Settings) -> anyhow::Result<Database> {
    let url = settings.effective_database_url();
    let db = Database::connect(&url, settings.db_pool_size)?;
    let applied = db.migrate()?;
    for migration in &applied {
        tracing::info!(migration, "migration applied");
    }
    accounts::store::accounts::ensure_builtin_groups(&mut *db.connection()?)?;
    Ok(db)
}
