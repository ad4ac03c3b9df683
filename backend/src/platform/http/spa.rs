//! The SPA, embedded in the binary at build time so a small town runs one file.
//! Real files are served with long caching when their names are hashed; any other
//! path gets `index.html`, and the SPA's router decides.

use actix_web::http::header::{self, CacheControl, CacheDirective};
use actix_web::HttpResponse;
use rust_embed::RustEmbed;

use crate::platform::http::error::ApiError;

#[derive(RustEmbed)]
#[folder = "../frontend/dist"]
#[allow_missing = true]
struct Assets;

pub fn serve(path: &str) -> Result<HttpResponse, ApiError> {
    let relative = path.trim_start_matches('/');
    if let Some(file) = (!relative.is_empty())
        .then(|| Assets::get(relative))
        .flatten()
    {
        let immutable = relative.starts_with("assets/");
        let cache = if immutable {
            CacheControl(vec![
                CacheDirective::Public,
                CacheDirective::MaxAge(31_536_000),
                CacheDirective::Extension("immutable".into(), None),
            ])
        } else {
            CacheControl(vec![CacheDirective::NoCache])
        };
        return Ok(HttpResponse::Ok()
            .content_type(file.metadata.mimetype())
            .insert_header(cache)
            .body(file.data.into_owned()));
    }
    // A missing hashed asset must stay a 404: answering index.html would hide a broken build.
    if relative.starts_with("assets/") {
        return Err(ApiError::NotFound);
    }
    let index = Assets::get("index.html").ok_or_else(|| {
        ApiError::Unavailable(
            "the SPA was not built into this binary (frontend/dist missing)".to_owned(),
        )
    })?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header(CacheControl(vec![CacheDirective::NoCache]))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(index.data.into_owned()))
}
