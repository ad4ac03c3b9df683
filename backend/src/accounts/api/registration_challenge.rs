//! The anti-bot check of the registration form: a challenge signed by the server, valid
//! for ten minutes, that the browser answers with a proof of work
//! (`accounts::rules::proof_of_work`) instead of an image captcha.

use actix_web::{get, web};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::registrations::ensure_open;
use crate::accounts::rules::proof_of_work;
use crate::platform::auth::tokens::TokenKeys;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::AppState;
use crate::platform::i18n::Text;

/// Zero bits a browser must find: about 65,000 hashes, a second or two with WebCrypto.
pub const DIFFICULTY: u32 = 16;
const CHALLENGE_TTL_SECS: i64 = 600;
const CHALLENGE_PURPOSE: &str = "registration-challenge";

#[derive(Serialize, Deserialize, ToSchema)]
pub struct Challenge {
    /// Opaque; send it back with the nonce.
    pub challenge: String,
    /// Find a `nonce` (decimal digits) such that SHA-256(`challenge` + ":" + `nonce`) starts
    /// with this many zero bits.
    #[schema(example = 16)]
    pub difficulty: u32,
    #[schema(example = 600)]
    pub expires_in: i64,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProofOfWork {
    pub challenge: String,
    pub nonce: String,
}

/// A fresh anti-bot challenge for the registration form.
#[utoipa::path(tag = "auth", responses(
    (status = 200, body = Challenge),
    (status = 403, response = crate::platform::http::responses::Forbidden),
))]
#[get("/registrations/challenge")]
pub async fn registration_challenge(
    state: web::Data<AppState>,
    tokens: web::Data<TokenKeys>,
) -> Result<web::Json<Challenge>, ApiError> {
    ensure_open(&state)?;
    let expires = Utc::now().timestamp() + CHALLENGE_TTL_SECS;
    let body = format!("{expires}.{}", uuid::Uuid::new_v4().simple());
    let signature = tokens.mac(CHALLENGE_PURPOSE, &body);
    Ok(web::Json(Challenge {
        challenge: format!("{body}.{signature}"),
        difficulty: DIFFICULTY,
        expires_in: CHALLENGE_TTL_SECS,
    }))
}

/// Whether the proof answers a challenge this server signed, not yet expired.
pub(super) fn check_challenge(tokens: &TokenKeys, proof: &ProofOfWork) -> Result<(), FieldError> {
    let invalid = || {
        FieldError::new(
            "proof_of_work",
            Text::new(
                "La verifica anti-automatismo non è valida o è scaduta: ricaricare la pagina e riprovare.",
                "The anti-bot check is not valid or has expired: reload the page and try again.",
            ),
        )
    };
    let (body, signature) = proof.challenge.rsplit_once('.').ok_or_else(invalid)?;
    let expires: i64 = body
        .split('.')
        .next()
        .and_then(|e| e.parse().ok())
        .ok_or_else(invalid)?;
    let authentic = tokens.mac(CHALLENGE_PURPOSE, body) == signature;
    if !authentic
        || expires < Utc::now().timestamp()
        || !proof_of_work::is_solution(&proof.challenge, &proof.nonce, DIFFICULTY)
    {
        return Err(invalid());
    }
    Ok(())
}
