//! Body and query extractors that turn every client mistake into a problem naming the field.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;

use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::i18n::Text;

/// Largest JSON body accepted, as app data; uploads use their own limit.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit(pub usize);

/// A JSON body parsed into `T`; 415 for another media type, 413 past the limit,
/// 400 for malformed JSON or UTF-8, 422 naming the field for a wrong, missing or unknown field.
pub struct Json<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req
            .app_data::<web::Data<BodyLimit>>()
            .map(|l| l.0)
            .unwrap_or(64 * 1024);
        let is_json = is_json(req);
        let declared_length = req
            .headers()
            .get(actix_web::http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if !is_json {
                return Err(ApiError::UnsupportedMediaType);
            }
            if declared_length.is_some_and(|len| len > limit) {
                return Err(ApiError::PayloadTooLarge { limit });
            }
            let mut body = web::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|e| {
                    ApiError::MalformedBody(Text::new(
                        format!("Corpo della richiesta non leggibile: {e}"),
                        format!("Unreadable request body: {e}"),
                    ))
                })?;
                if body.len() + chunk.len() > limit {
                    return Err(ApiError::PayloadTooLarge { limit });
                }
                body.extend_from_slice(&chunk);
            }
            parse_json(&body).map(Json)
        })
    }
}

/// The request declares a JSON body (`application/json` or `application/…+json`).
pub fn is_json(req: &HttpRequest) -> bool {
    req.headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<mime_guess::mime::Mime>().ok())
        .is_some_and(|m| {
            m.type_() == "application"
                && (m.subtype() == "json" || m.suffix() == Some(mime_guess::mime::JSON))
        })
}

pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::MalformedBody(Text::new(
            "Il corpo della richiesta è vuoto: è atteso un oggetto JSON.",
            "The request body is empty: a JSON object is expected.",
        )));
    }
    // serde would accept `["…"]` for a struct, field by position; an API should not.
    let is_object = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    if !is_object && serde_json::from_slice::<serde::de::IgnoredAny>(body).is_ok() {
        return Err(ApiError::Validation(vec![FieldError::new(
            "body",
            Text::new("È atteso un oggetto JSON.", "A JSON object is expected."),
        )]));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        match inner.classify() {
            serde_json::error::Category::Data => {
                let message = inner.to_string();
                ApiError::Validation(vec![FieldError::new(
                    field_name(&path, &message),
                    describe_serde_message(&message),
                )])
            }
            _ => malformed(&inner),
        }
    })?;
    deserializer.end().map_err(|e| malformed(&e))?;
    Ok(value)
}

fn malformed(error: &serde_json::Error) -> ApiError {
    ApiError::MalformedBody(Text::new(
        format!(
            "JSON non valido alla riga {}, colonna {}.",
            error.line(),
            error.column()
        ),
        format!(
            "Invalid JSON at line {}, column {}.",
            error.line(),
            error.column()
        ),
    ))
}

/// A query string parsed into `T`; 400 naming the parameter on any mistake.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(parse_query(req.query_string()).map(Query))
    }
}

pub fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    let deserializer =
        serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let message = error.inner().to_string();
        ApiError::InvalidQuery(vec![FieldError::new(
            field_name(&path, &message),
            describe_serde_message(&message),
        )])
    })
}

/// serde names a missing field only in its message; the path points at the object holding
/// it. An unknown field is already the last step of the path.
fn field_name(path: &str, message: &str) -> String {
    let missing = message
        .starts_with("missing field")
        .then(|| message.split('`').nth(1))
        .flatten();
    match (path, missing) {
        ("." | "", Some(name)) => name.to_owned(),
        (prefix, Some(name)) => format!("{prefix}.{name}"),
        ("." | "", None) => "body".to_owned(),
        (prefix, None) => prefix.to_owned(),
    }
}

fn describe_serde_message(message: &str) -> Text {
    let core = message.split(" at line ").next().unwrap_or(message);
    if core.starts_with("missing field") {
        Text::new("Campo obbligatorio mancante.", "This field is required.")
    } else if core.starts_with("unknown field") {
        Text::new("Campo non previsto.", "Unknown field.")
    } else if let Some(rest) = core.strip_prefix("invalid type: ") {
        let expected = rest.split(", expected ").nth(1).unwrap_or("");
        Text::new(
            format!("Tipo di valore non valido (atteso: {expected})."),
            format!("Wrong type of value (expected: {expected})."),
        )
    } else if core.starts_with("unknown variant") {
        let allowed = core.split("expected ").nth(1).unwrap_or("");
        Text::new(
            format!("Valore non ammesso (ammessi: {allowed})."),
            format!("Value not allowed (allowed: {allowed})."),
        )
    } else {
        Text::new(
            format!("Valore non valido: {core}."),
            format!("Invalid value: {core}."),
        )
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        street: String,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        name: String,
        age: u32,
        address: Option<Inner>,
    }

    fn field_of(result: Result<Sample, ApiError>) -> (String, String) {
        match result {
            Err(ApiError::Validation(errors)) | Err(ApiError::InvalidQuery(errors)) => {
                (errors[0].field.clone(), errors[0].message.en.clone())
            }
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    #[test]
    fn names_missing_wrong_and_unknown_fields() {
        assert_eq!(field_of(parse_json(br#"{"name":"a"}"#)).0, "age");
        let (field, message) = field_of(parse_json(br#"{"name":"a","age":"x"}"#));
        assert_eq!(field, "age");
        assert!(message.contains("u32"), "{message}");
        assert_eq!(
            field_of(parse_json(br#"{"name":"a","age":1,"extra":2}"#)).0,
            "extra"
        );
        let (field, _) = field_of(parse_json(
            br#"{"name":"a","age":1,"address":{"street":3}}"#,
        ));
        assert_eq!(field, "address.street");
    }

    #[test]
    fn syntax_errors_and_bad_utf8_are_malformed() {
        assert!(matches!(
            parse_json::<Sample>(b"{\"name\":"),
            Err(ApiError::MalformedBody(_))
        ));
        assert!(matches!(
            parse_json::<Sample>(b"  "),
            Err(ApiError::MalformedBody(_))
        ));
        assert!(matches!(
            parse_json::<Sample>(b"{\"name\":\"\xff\xfe\",\"age\":1}"),
            Err(ApiError::MalformedBody(_))
        ));
        assert!(matches!(
            parse_json::<Sample>(b"{\"name\":\"a\",\"age\":1} trailing"),
            Err(ApiError::MalformedBody(_))
        ));
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Search {
        q: String,
        limit: Option<u16>,
    }

    #[test]
    fn query_errors_name_the_parameter() {
        match parse_query::<Search>("q=rom&limit=abc") {
            Err(ApiError::InvalidQuery(errors)) => assert_eq!(errors[0].field, "limit"),
            other => panic!("{other:?}"),
        }
        match parse_query::<Search>("limit=3") {
            Err(ApiError::InvalidQuery(errors)) => assert_eq!(errors[0].field, "q"),
            other => panic!("{other:?}"),
        }
        assert!(parse_query::<Search>("q=rom").is_ok());
    }
}
