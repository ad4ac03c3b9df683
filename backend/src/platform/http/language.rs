//! The request's language, from its `Accept-Language` header.

use actix_web::http::header::{HeaderMap, ACCEPT_LANGUAGE};

use crate::platform::i18n::Lang;

impl Lang {
    /// The language a request asks for; Italian without the header.
    pub fn from_headers(headers: &HeaderMap) -> Lang {
        headers
            .get(ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .map(Lang::from_accept_language)
            .unwrap_or_default()
    }
}
