//! A small OpenID Connect Federation for the tests, on one HTTP server bound to
//! 127.0.0.1:0: the trust anchor `/ta` (and `/ta2`, a second anchor the portal does not
//! trust), and the identity provider `/op` whose endpoints live in `provider`. What the
//! provider answers is steered by a [`Defect`] and the [`Person`] who logs in.

use std::collections::HashMap;
use std::net::TcpListener;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use actix_web::{web, App, HttpResponse, HttpServer};
use chrono::Utc;
use serde_json::{json, Value};

use portale::platform::jose::jws;
use portale::platform::jose::rsa_key::{KeyUse, RsaKey};

use super::provider;

/// How the identity provider misbehaves in a test.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Defect {
    #[default]
    None,
    /// The ID token is signed by a key that is not in the provider's `jwks`.
    IdTokenForeignKey,
    IdTokenAudience,
    /// `exp` two minutes ago: past the 60 seconds of clock skew the portal allows.
    IdTokenExpired,
    IdTokenNonce,
    /// `acr` SpidL1 where the portal asks for level 2.
    IdTokenLevel1,
    /// The userinfo is encrypted to a key that is not the portal's.
    UserinfoWrongKey,
    /// The userinfo is the bare JWS, not encrypted.
    UserinfoNotEncrypted,
    /// The provider names only `/ta2` in its `authority_hints`.
    HintsUnknownAnchor,
    /// The trust anchor's fetch endpoint does not know the provider.
    UnknownToAnchor,
}

/// The citizen the provider authenticates.
#[derive(Debug, Clone)]
pub struct Person {
    pub sub: String,
    /// The whole claim value (`TINIT-…`); `None` leaves the claim out.
    pub fiscal_number: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub email: String,
}

impl Person {
    pub fn with_fiscal_code(code: &str) -> Person {
        Person {
            sub: uuid::Uuid::new_v4().to_string(),
            fiscal_number: Some(format!("TINIT-{code}")),
            given_name: "Giulia".to_owned(),
            family_name: "Federati".to_owned(),
            email: "giulia.federati@example.org".to_owned(),
        }
    }
}

/// The portal as the federation knows it, from its own entity configuration.
#[derive(Debug, Clone)]
pub struct RegisteredPortal {
    pub entity_id: String,
    pub federation_jwks: Value,
    pub rp_jwks: Value,
    pub redirect_uris: Vec<String>,
}

/// What the provider's token endpoint made of one request.
#[derive(Debug, Clone)]
pub struct TokenRequest {
    /// `None` when every check passed; otherwise the first that failed.
    pub problem: Option<String>,
}

/// One call to the provider's revocation endpoint.
#[derive(Debug, Clone)]
pub struct Revocation {
    pub token: Option<String>,
    pub token_type_hint: Option<String>,
    /// `None` when the client assertion was valid for this endpoint.
    pub problem: Option<String>,
}

/// What the authorization endpoint granted, kept until the code is exchanged.
#[derive(Debug, Clone)]
pub struct Grant {
    pub client_id: String,
    pub redirect_uri: String,
    pub nonce: String,
    pub code_challenge: String,
    pub person: Person,
}

pub struct FederationState {
    pub base: String,
    pub defect: Defect,
    pub person: Person,
    pub portal: Option<RegisteredPortal>,
    pub codes: HashMap<String, Grant>,
    pub access_tokens: HashMap<String, Grant>,
    pub token_requests: Vec<TokenRequest>,
    pub revocations: Vec<Revocation>,
}

impl FederationState {
    pub fn entity(&self, name: &str) -> String {
        format!("{}/{name}", self.base)
    }
}

pub type Shared = Arc<Mutex<FederationState>>;

/// Every key of the test federation, generated once per test process (RSA key
/// generation is slow in debug builds).
pub struct Keys {
    pub ta: RsaKey,
    pub ta2: RsaKey,
    pub op_federation: RsaKey,
    pub op_core: RsaKey,
    pub rogue: RsaKey,
    pub rogue_encryption: RsaKey,
}

pub fn keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| {
        let signing = || RsaKey::generate(KeyUse::Signature).expect("RSA key");
        Keys {
            ta: signing(),
            ta2: signing(),
            op_federation: signing(),
            op_core: signing(),
            rogue: signing(),
            rogue_encryption: RsaKey::generate(KeyUse::Encryption).expect("RSA key"),
        }
    })
}

pub struct TestFederation {
    pub base: String,
    state: Shared,
}

impl TestFederation {
    pub async fn start() -> TestFederation {
        // Generated before the server answers its first request.
        keys();
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind port 0");
        let base = format!("http://{}", listener.local_addr().expect("local addr"));
        let state: Shared = Arc::new(Mutex::new(FederationState {
            base: base.clone(),
            defect: Defect::None,
            person: Person::with_fiscal_code("VRDGFR72L04L219K"),
            portal: None,
            codes: HashMap::new(),
            access_tokens: HashMap::new(),
            token_requests: Vec::new(),
            revocations: Vec::new(),
        }));
        let data = web::Data::new(state.clone());
        let server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .route(
                    "/{entity}/.well-known/openid-federation",
                    web::get().to(entity_configuration),
                )
                .route("/{authority}/fetch", web::get().to(fetch))
                .route("/op/authorize", web::get().to(provider::authorize))
                .route("/op/token", web::post().to(provider::token))
                .route("/op/userinfo", web::get().to(provider::userinfo))
                .route("/op/revoke", web::post().to(provider::revoke))
        })
        .workers(1)
        .listen(listener)
        .expect("listen")
        .run();
        tokio::spawn(server);
        TestFederation { base, state }
    }

    pub fn ta(&self) -> String {
        format!("{}/ta", self.base)
    }

    pub fn op(&self) -> String {
        format!("{}/op", self.base)
    }

    fn lock(&self) -> MutexGuard<'_, FederationState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn set_defect(&self, defect: Defect) {
        self.lock().defect = defect;
    }

    pub fn set_person(&self, person: Person) {
        self.lock().person = person;
    }

    pub fn token_requests(&self) -> Vec<TokenRequest> {
        self.lock().token_requests.clone()
    }

    pub fn revocations(&self) -> Vec<Revocation> {
        self.lock().revocations.clone()
    }

    /// The access tokens the provider has issued and not seen revoked.
    pub fn live_access_tokens(&self) -> Vec<String> {
        self.lock().access_tokens.keys().cloned().collect()
    }

    /// Reads the portal's entity configuration (self-signed), so that the trust anchor
    /// can vouch for it and the provider knows its keys; returns its claims.
    pub async fn register_portal(&self, address: &str) -> Value {
        let jwt = reqwest::get(format!("{address}/.well-known/openid-federation"))
            .await
            .expect("the portal answers")
            .text()
            .await
            .expect("a body");
        let claims = self_signed_claims(&jwt);
        let rp = &claims["metadata"]["openid_relying_party"];
        self.lock().portal = Some(RegisteredPortal {
            entity_id: claims["sub"].as_str().expect("sub").to_owned(),
            federation_jwks: claims["jwks"].clone(),
            rp_jwks: rp["jwks"].clone(),
            redirect_uris: rp["redirect_uris"]
                .as_array()
                .expect("redirect_uris")
                .iter()
                .filter_map(|u| u.as_str().map(str::to_owned))
                .collect(),
        });
        claims
    }
}

/// The claims of an entity configuration, verified with the key set it carries.
pub fn self_signed_claims(jwt: &str) -> Value {
    let (_, unverified) = jws::peek(jwt).expect("a JWS");
    jws::verify(jwt, &unverified["jwks"]).expect("signed with its own federation key")
}

fn statement(key: &RsaKey, claims: &Value) -> HttpResponse {
    let jwt = key.sign("entity-statement+jwt", claims).expect("signs");
    HttpResponse::Ok()
        .content_type("application/entity-statement+jwt")
        .body(jwt)
}

async fn entity_configuration(state: web::Data<Shared>, entity: web::Path<String>) -> HttpResponse {
    let state = state.lock().unwrap_or_else(|e| e.into_inner());
    let keys = keys();
    let now = Utc::now().timestamp();
    let id = state.entity(&entity);
    let mut claims = json!({
        "iss": id, "sub": id, "iat": now, "exp": now + 3600,
        "metadata": {"federation_entity": {"organization_name": format!("Test {entity}")}},
    });
    let key = match entity.as_str() {
        "ta" | "ta2" => {
            claims["metadata"]["federation_entity"]["federation_fetch_endpoint"] =
                format!("{id}/fetch").into();
            if entity.as_str() == "ta" {
                &keys.ta
            } else {
                &keys.ta2
            }
        }
        "op" => {
            let anchor = match state.defect {
                Defect::HintsUnknownAnchor => "ta2",
                _ => "ta",
            };
            claims["authority_hints"] = json!([state.entity(anchor)]);
            claims["metadata"]["openid_provider"] = provider::metadata(&id);
            &keys.op_federation
        }
        _ => return HttpResponse::NotFound().finish(),
    };
    claims["jwks"] = json!({"keys": [key.public_jwk()]});
    statement(key, &claims)
}

#[derive(serde::Deserialize)]
struct FetchQuery {
    sub: String,
}

/// A subordinate statement: the anchor vouches for the provider's and the portal's
/// federation keys and constrains their metadata.
async fn fetch(
    state: web::Data<Shared>,
    authority: web::Path<String>,
    query: web::Query<FetchQuery>,
) -> HttpResponse {
    let state = state.lock().unwrap_or_else(|e| e.into_inner());
    let keys = keys();
    let op = state.entity("op");
    let portal = state.portal.as_ref();
    let (key, jwks, policy) = match authority.as_str() {
        "ta" if query.sub == op && state.defect != Defect::UnknownToAnchor => (
            &keys.ta,
            json!({"keys": [keys.op_federation.public_jwk()]}),
            json!({"openid_provider": {
                "token_endpoint_auth_methods_supported": {"subset_of": ["private_key_jwt"]},
            }}),
        ),
        "ta" if portal.is_some_and(|p| p.entity_id == query.sub) => (
            &keys.ta,
            portal
                .map(|p| p.federation_jwks.clone())
                .unwrap_or_default(),
            json!({"openid_relying_party": {
                "client_registration_types": {"subset_of": ["automatic"]},
            }}),
        ),
        "ta2" if query.sub == op => (
            &keys.ta2,
            json!({"keys": [keys.op_federation.public_jwk()]}),
            json!({}),
        ),
        _ => return HttpResponse::NotFound().body("unknown subordinate"),
    };
    let now = Utc::now().timestamp();
    let claims = json!({
        "iss": state.entity(&authority), "sub": query.sub, "iat": now, "exp": now + 3600,
        "jwks": jwks, "metadata_policy": policy,
    });
    statement(key, &claims)
}
