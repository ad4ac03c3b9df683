//! Attachments over HTTP: multipart upload, download, delete.

use actix_multipart::Multipart;
use actix_web::http::{header, StatusCode};
use actix_web::{delete, get, post, web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use utoipa::ToSchema;

use super::shapes::AttachmentView;
use crate::audit::Origin;
use crate::platform::auth::AuthUser;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::AppState;
use crate::platform::i18n::{Lang, Text};
use crate::practices::drafts::{self, Caller};
use crate::practices::rules::attachments::{Refusal, MAX_ATTACHMENT_BYTES};
use crate::practices::Error;

/// The multipart form of an upload.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct AttachmentUpload {
    /// The checklist document this file is, e.g. `documento-identita`.
    document: String,
    /// The file: PDF, JPEG, PNG or P7M as the document allows, at most 10 MiB.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

struct Upload {
    document: Option<String>,
    file: Option<(String, Vec<u8>)>,
}

fn malformed(it: &str, en: &str) -> ApiError {
    ApiError::MalformedBody(Text::new(it, en))
}

async fn read_upload(mut form: Multipart) -> Result<Upload, ApiError> {
    let mut upload = Upload {
        document: None,
        file: None,
    };
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|_| {
            malformed(
                "Modulo multipart non leggibile.",
                "Unreadable multipart form.",
            )
        })?;
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field
            .content_disposition()
            .and_then(|d| d.get_filename().map(str::to_owned))
            .unwrap_or_default();
        let limit = if name == "file" {
            MAX_ATTACHMENT_BYTES
        } else {
            200
        };
        let mut content = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| {
                malformed(
                    "Modulo multipart non leggibile.",
                    "Unreadable multipart form.",
                )
            })?;
            if content.len() + chunk.len() > limit {
                return Err(if name == "file" {
                    ApiError::from(Error::Attachment(Refusal::TooLarge))
                } else {
                    malformed("Campo del modulo troppo lungo.", "Form field too long.")
                });
            }
            content.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "document" => {
                upload.document = Some(String::from_utf8_lossy(&content).trim().to_owned())
            }
            "file" => upload.file = Some((file_name, content)),
            _ => {}
        }
    }
    Ok(upload)
}

/// Attaches a file to a checklist document of the practice (drafts, and a practice
/// waiting for the citizen's integration). The kind is decided by the content.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    request_body(content = AttachmentUpload, content_type = "multipart/form-data"),
    params(("id" = String, Path), ("Accept-Language" = Option<String>, Header, description = "`it` (default) or `en`")),
    responses(
        (status = 201, body = AttachmentView, description = "Attached"),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 413, response = crate::platform::http::responses::PayloadTooLarge),
        (status = 415, response = crate::platform::http::responses::UnsupportedMediaType),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/practices/{id}/attachments")]
pub async fn upload_attachment(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    if !multipart {
        return Err(ApiError::UnsupportedMediaType);
    }
    let upload = read_upload(Multipart::new(req.headers(), payload)).await?;
    let mut missing = Vec::new();
    if upload.document.as_deref().is_none_or(str::is_empty) {
        missing.push(FieldError::text(
            "document",
            "Indicare il documento.",
            "Name the document.",
        ));
    }
    if upload.file.is_none() {
        missing.push(FieldError::text(
            "file",
            "Scegliere il file da allegare.",
            "Choose the file to attach.",
        ));
    }
    let (Some(document), Some((file_name, content)), true) =
        (upload.document, upload.file, missing.is_empty())
    else {
        return Err(ApiError::Validation(missing));
    };
    let origin = Origin::from_request(&req);
    let caller = Caller::of(&user);
    let id = path.into_inner();
    let view = state
        .db
        .run(move |conn| {
            let row = crate::practices::files::attach(
                conn, &origin, &caller, &id, &document, &file_name, &content,
            )?;
            let practice = drafts::visible(conn, &caller, &id)?;
            let view = super::views::practice(conn, &caller, practice, lang)?;
            view.attachments
                .into_iter()
                .find(|a| a.id == row.id)
                .ok_or(Error::NotFound)
        })
        .await?;
    Ok(HttpResponse::build(StatusCode::CREATED)
        .insert_header((header::LOCATION, view.url.clone()))
        .json(view))
}

/// The file, for its owner and the office.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = String, Path), ("attachment_id" = String, Path)),
    responses(
        (status = 200, description = "The file as attached", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/practices/{id}/attachments/{attachment_id}")]
pub async fn download_attachment(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (id, attachment_id) = path.into_inner();
    let caller = Caller::of(&user);
    let (row, content) = state
        .db
        .run(move |conn| crate::practices::files::read(conn, &caller, &id, &attachment_id))
        .await?;
    let media_type = crate::practices::rules::attachments::FileKind::parse(&row.kind)
        .map_or("application/octet-stream", |k| k.media_type());
    let ascii_name: String = row
        .file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ok(HttpResponse::Ok()
        .content_type(media_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{ascii_name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(content))
}

/// Deletes a file not yet sent to the office ("elimina").
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = String, Path), ("attachment_id" = String, Path)),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
    )
)]
#[delete("/practices/{id}/attachments/{attachment_id}")]
pub async fn delete_attachment(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (id, attachment_id) = path.into_inner();
    let origin = Origin::from_request(&req);
    let caller = Caller::of(&user);
    state
        .db
        .run(move |conn| {
            crate::practices::files::delete(conn, &origin, &caller, &id, &attachment_id)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
