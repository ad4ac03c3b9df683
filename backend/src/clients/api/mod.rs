//! Third-party applications over HTTP: the back office registers them, renews their
//! secrets and revokes them (`clients.manage`); the applications get tokens at
//! `/api/v1/oauth/token`.

pub mod error;
pub mod token;

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::audit::Origin;
use crate::clients::registration::{self, Admin, Issued};
use crate::clients::rules::NewClient;
use crate::clients::store::{self, ClientRow};
use crate::clients::Error;
use crate::platform::auth::{AuthUser, Scope};
use crate::platform::db::DbConnection;
use crate::platform::http::error::ApiError;
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;

#[derive(Serialize, ToSchema)]
pub struct Client {
    #[schema(example = "app-3f2a9c1d0b7e4a21")]
    pub client_id: String,
    pub name: String,
    pub organisation: String,
    pub contact_email: String,
    pub scopes: Vec<Scope>,
    /// Addresses or ranges the client may call from; empty: anywhere.
    pub allowed_ips: Vec<String>,
    #[schema(format = Int32)]
    pub rate_limit_per_minute: i32,
    pub created_at: DateTime<Utc>,
    /// When the current secret was issued.
    pub secret_created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// `client_secret` or `private_key_jwt`.
    #[schema(example = "client_secret")]
    pub auth_method: String,
    /// The registered public keys (`private_key_jwt`), as `{"keys": […]}`.
    #[schema(schema_with = registered_keys)]
    pub public_jwks: Option<serde_json::Value>,
}

impl From<ClientRow> for Client {
    fn from(row: ClientRow) -> Client {
        let public_jwks = row
            .public_jwks
            .as_deref()
            .and_then(|text| serde_json::from_str(text).ok());
        Client {
            auth_method: if public_jwks.is_some() {
                "private_key_jwt"
            } else {
                "client_secret"
            }
            .to_owned(),
            public_jwks,
            scopes: Scope::parse_list(&row.scopes).unwrap_or_default(),
            allowed_ips: row
                .allowed_ips
                .as_deref()
                .map(|ips| ips.split(',').map(str::to_owned).collect())
                .unwrap_or_default(),
            client_id: row.id,
            name: row.name,
            organisation: row.organisation,
            contact_email: row.contact_email,
            rate_limit_per_minute: row.rate_limit_per_minute,
            created_at: row.created_at.and_utc(),
            secret_created_at: row.secret_created_at.and_utc(),
            revoked_at: row.revoked_at.map(|at| at.and_utc()),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ClientList {
    pub items: Vec<Client>,
}

/// The client and its secret: shown this once, the portal keeps only its hash. A client
/// registered with public keys gets no secret.
#[derive(Serialize, ToSchema)]
pub struct ClientCredentials {
    pub client: Client,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(
        nullable = false,
        example = "ps_5b1f0c2e9a7d4e3c8b6a1f0e2d3c4b5a69788766554433221100ffeeddccbbaa"
    )]
    pub client_secret: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "name": "Controlli autocertificazioni",
    "organisation": "Istituto Nazionale di Esempio",
    "contact_email": "api@esempio.gov.it",
    "scopes": ["registry:check"],
    "allowed_ips": ["192.0.2.0/24"],
    "rate_limit_per_minute": 120
}))]
pub struct NewClientRequest {
    pub name: String,
    pub organisation: String,
    /// The technical contact.
    pub contact_email: String,
    pub scopes: Vec<String>,
    pub allowed_ips: Option<Vec<String>>,
    /// 1 to 6,000; default 120.
    #[schema(format = Int32)]
    pub rate_limit_per_minute: Option<i32>,
    /// Public keys (a JWK or a JWK set `{"keys": […]}`; RSA ≥ 2048 bits or EC P-256/P-384)
    /// for `private_key_jwt`, preferred to a secret: the portal then keeps nothing that
    /// would let anyone act as the application.
    #[schema(schema_with = offered_keys)]
    pub public_jwks: Option<serde_json::Value>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplaceKeysRequest {
    /// The new public keys; those registered before stop working.
    #[schema(schema_with = new_keys)]
    pub public_jwks: serde_json::Value,
}

/// A JWK or a JWK set: an object whose members the rules check, not the schema (a
/// free-form object, `additionalProperties: true`, which the document's readers parse).
fn key_set_schema(nullable: bool, description: &str) -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, SchemaType, Type};
    let kind = if nullable {
        SchemaType::from_iter([Type::Object, Type::Null])
    } else {
        SchemaType::new(Type::Object)
    };
    ObjectBuilder::new()
        .schema_type(kind)
        .description(Some(description))
        .additional_properties(Some(
            AdditionalProperties::<utoipa::openapi::Schema>::FreeForm(true),
        ))
        .build()
}

fn registered_keys() -> utoipa::openapi::Object {
    key_set_schema(
        true,
        "The registered public keys (`private_key_jwt`), as `{\"keys\": […]}`.",
    )
}

fn offered_keys() -> utoipa::openapi::Object {
    key_set_schema(
        true,
        "Public keys (a JWK or a JWK set `{\"keys\": […]}`; RSA ≥ 2048 bits or EC P-256/P-384) \
         for `private_key_jwt`, preferred to a secret: the portal then keeps nothing that would \
         let anyone act as the application.",
    )
}

fn new_keys() -> utoipa::openapi::Object {
    key_set_schema(
        false,
        "The new public keys; those registered before stop working.",
    )
}

fn admin(user: &AuthUser) -> (String, String) {
    (user.account_id.as_str().to_owned(), user.label.clone())
}

/// Third-party applications, the newest first.
#[utoipa::path(tag = "back office", security(("bearer" = ["clients.manage"])), responses(
    (status = 200, body = ClientList),
    (status = 401, response = crate::platform::http::responses::Unauthorized),
    (status = 403, response = crate::platform::http::responses::Forbidden),
))]
#[get("/admin/clients")]
pub async fn list_clients(
    state: web::Data<AppState>,
    _user: AuthUser,
) -> Result<web::Json<ClientList>, ApiError> {
    let rows = state.db.run(store::list).await?;
    Ok(web::Json(ClientList {
        items: rows.into_iter().map(Client::from).collect(),
    }))
}

/// Registers a third-party application; its secret is in this answer only.
#[utoipa::path(tag = "back office", security(("bearer" = ["clients.manage"])), request_body = NewClientRequest, responses(
    (status = 201, body = ClientCredentials),
    (status = 400, response = crate::platform::http::responses::BadRequest),
    (status = 401, response = crate::platform::http::responses::Unauthorized),
    (status = 403, response = crate::platform::http::responses::Forbidden),
    (status = 413, response = crate::platform::http::responses::PayloadTooLarge),
    (status = 415, response = crate::platform::http::responses::UnsupportedMediaType),
    (status = 422, response = crate::platform::http::responses::Unprocessable),
))]
#[post("/admin/clients")]
pub async fn register_client(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<NewClientRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let new = NewClient {
        name: body.name,
        organisation: body.organisation,
        contact_email: body.contact_email,
        scopes: body.scopes,
        allowed_ips: body.allowed_ips.unwrap_or_default(),
        rate_limit_per_minute: body.rate_limit_per_minute,
        public_jwks: body.public_jwks,
    };
    let origin = Origin::from_request(&req);
    let (id, label) = admin(&user);
    let issued = state
        .db
        .run(move |conn| {
            let admin = Admin {
                account_id: &id,
                label: &label,
            };
            registration::register(conn, &origin, &admin, new, Utc::now().naive_utc())
        })
        .await?;
    Ok(HttpResponse::Created().json(credentials(issued)))
}

/// Issues a new secret; the old one and every token issued with it stop working.
#[utoipa::path(tag = "back office", security(("bearer" = ["clients.manage"])),
    params(("id" = String, Path)),
    responses(
        (status = 200, body = ClientCredentials),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
    ))]
#[post("/admin/clients/{id}/secret")]
pub async fn renew_client_secret(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<ClientCredentials>, ApiError> {
    let issued = void_credentials(
        &req,
        &state,
        &user,
        path.into_inner(),
        registration::renew_secret,
    )
    .await?;
    Ok(web::Json(credentials(issued)))
}

/// Revokes an application: its secret and its tokens stop working at once.
#[utoipa::path(tag = "back office", security(("bearer" = ["clients.manage"])),
    params(("id" = String, Path)),
    responses(
        (status = 200, body = Client),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
    ))]
#[post("/admin/clients/{id}/revoke")]
pub async fn revoke_client(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<Client>, ApiError> {
    let row =
        void_credentials(&req, &state, &user, path.into_inner(), registration::revoke).await?;
    Ok(web::Json(Client::from(row)))
}

/// Replaces the public keys of an application that authenticates with them; the tokens
/// issued before stop working.
#[utoipa::path(tag = "back office", security(("bearer" = ["clients.manage"])),
    params(("id" = String, Path)),
    request_body = ReplaceKeysRequest,
    responses(
        (status = 200, body = Client),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 413, response = crate::platform::http::responses::PayloadTooLarge),
        (status = 415, response = crate::platform::http::responses::UnsupportedMediaType),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    ))]
#[post("/admin/clients/{id}/keys")]
pub async fn replace_client_keys(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    body: Json<ReplaceKeysRequest>,
) -> Result<web::Json<Client>, ApiError> {
    let keys = body.0.public_jwks;
    let row = void_credentials(
        &req,
        &state,
        &user,
        path.into_inner(),
        move |conn, origin, admin, id, now| {
            registration::replace_keys(conn, origin, admin, id, &keys, now)
        },
    )
    .await?;
    Ok(web::Json(Client::from(row)))
}

/// Renewal, key replacement and revocation alike: the use case, then this instance stops
/// honouring the old tokens at once (the others within a second).
async fn void_credentials<T: Send + 'static>(
    req: &HttpRequest,
    state: &AppState,
    user: &AuthUser,
    id: String,
    work: impl FnOnce(&mut DbConnection, &Origin, &Admin, &str, NaiveDateTime) -> Result<T, Error>
        + Send
        + 'static,
) -> Result<T, ApiError> {
    let origin = Origin::from_request(req);
    let (admin_id, label) = admin(user);
    let revocations = state.revocations.clone();
    state
        .db
        .run(move |conn| {
            let admin = Admin {
                account_id: &admin_id,
                label: &label,
            };
            let now = Utc::now().naive_utc();
            let done = work(conn, &origin, &admin, &id, now)?;
            revocations.sync(conn, now)?;
            Ok::<_, ApiError>(done)
        })
        .await
}

fn credentials(issued: Issued) -> ClientCredentials {
    ClientCredentials {
        client: Client::from(issued.client),
        client_secret: issued.secret,
    }
}
