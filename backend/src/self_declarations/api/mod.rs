//! Self-declarations: the catalogue and the public blank forms, the prefilled form, the
//! preview, the declarant's archive and delivery by e-mail. The rules live in
//! `domain::self_declarations`, the work in `declarations`.

pub mod email;
pub mod error;
pub mod shapes;

use actix_web::http::{header, StatusCode};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::Utc;

use crate::audit::Origin;
use crate::platform::auth::AuthUser;
use crate::platform::http::error::ApiError;
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;
use crate::platform::i18n::Lang;
use crate::self_declarations::create::{self, CreateOutcome, Declarant};
use crate::self_declarations::layout::privacy_contacts;
use crate::self_declarations::rules::wording::{self, WARNING_ART_76};
use crate::self_declarations::rules::{Article, DeclarationKind};
use crate::self_declarations::store as repository;
use shapes::*;

fn type_view(
    kind: DeclarationKind,
    lang: Lang,
    settings: &crate::platform::settings::Settings,
) -> SelfDeclarationTypeView {
    let info = kind.info();
    let blank = wording::compose(kind, None, &privacy_contacts(settings));
    SelfDeclarationTypeView {
        code: info.code.to_owned(),
        name: info.name.get(lang).to_owned(),
        description: info.description.get(lang).to_owned(),
        article: info.article.number(),
        letter: info.letter.map(str::to_owned),
        legal_basis: match info.letter {
            Some(letter) => format!("art. 46, comma 1, lett. {letter}, D.P.R. 445/2000"),
            None => "art. 47 D.P.R. 445/2000".to_owned(),
        },
        attach_identity_document: info.article == Article::Art47,
        fields: kind
            .fields()
            .map(|f| FieldView {
                key: f.key.to_owned(),
                label: f.label.get(lang).to_owned(),
                kind: f.kind.code().to_owned(),
                required: f.required,
                source: f.source.code().to_owned(),
                max_length: f.kind.max_length(),
                hint: f.hint.map(|h| h.get(lang).to_owned()),
                options: f
                    .kind
                    .options()
                    .iter()
                    .map(|c| ChoiceView {
                        code: c.code.to_owned(),
                        label: c.label.get(lang).to_owned(),
                    })
                    .collect(),
            })
            .collect(),
        // The form is an Italian document: its legal text is Italian in both languages.
        legal_text: LegalText {
            warning: WARNING_ART_76.to_owned(),
            reminders: blank.reminders,
            notes: blank.notes,
            privacy_title: blank.privacy_title,
            privacy_notice: blank.privacy_notice,
        },
        blank_form_url: format!("/api/v1/self-declaration-types/{}/blank.pdf", info.code),
    }
}

/// The self-declarations offered, each with its fields (which ones the registry fills)
/// and the legal text it prints.
#[utoipa::path(
    tag = "self-declarations",
    params(("Accept-Language" = Option<String>, Header, description = "`it` (default) or `en`")),
    responses((status = 200, body = SelfDeclarationTypes))
)]
#[get("/self-declaration-types")]
pub async fn list_self_declaration_types(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> web::Json<SelfDeclarationTypes> {
    let lang = Lang::from_headers(req.headers());
    let items = DeclarationKind::ALL
        .iter()
        .map(|kind| type_view(*kind, lang, &state.settings))
        .collect();
    web::Json(SelfDeclarationTypes { items })
}

fn known_kind(code: &str) -> Result<DeclarationKind, ApiError> {
    DeclarationKind::parse(code).ok_or(ApiError::NotFound)
}

/// The blank form of a kind, to fill in by hand: public.
#[utoipa::path(
    tag = "self-declarations",
    params(("code" = String, Path, example = "residenza")),
    responses(
        (status = 200, description = "The blank form", content_type = "application/pdf", body = Vec<u8>),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/self-declaration-types/{code}/blank.pdf")]
pub async fn blank_self_declaration(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let kind = known_kind(&path)?;
    let pdf = create::blank_pdf(&state.settings, kind, Utc::now())?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"autocertificazione-{}.pdf\"",
                kind.code()
            ),
        ))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(pdf))
}

/// The form of a kind as the portal fills it for the caller: the particulars (locked)
/// and, for a resident, the registry's facts (editable).
#[utoipa::path(
    tag = "self-declarations",
    security(("bearer" = [])),
    params(("code" = String, Path, example = "residenza")),
    responses(
        (status = 200, body = SelfDeclarationDraft),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/self-declaration-types/{code}/prefill")]
pub async fn prefill_self_declaration(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<SelfDeclarationDraft>, ApiError> {
    let kind = known_kind(&path)?;
    let settings = state.settings.clone();
    let filled = state
        .db
        .run(move |conn| {
            let today = crate::platform::italian_time::today(Utc::now());
            crate::self_declarations::prefill::load(conn, &settings, &user.account_id, kind, today)
        })
        .await?;
    Ok(web::Json(SelfDeclarationDraft {
        r#type: kind.code().to_owned(),
        resident: filled.resident,
        values: filled.values.fields,
        members: filled
            .values
            .members
            .into_iter()
            .map(FamilyRow::from)
            .collect(),
        locked: filled.locked.iter().map(|k| (*k).to_owned()).collect(),
        from_registry: filled
            .from_registry
            .iter()
            .map(|k| (*k).to_owned())
            .collect(),
    }))
}

/// Checks a declaration and answers the text it would print; stores nothing.
#[utoipa::path(
    tag = "self-declarations",
    security(("bearer" = [])),
    request_body = SelfDeclarationRequest,
    responses(
        (status = 200, body = SelfDeclarationPreview),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/self-declarations/preview")]
pub async fn preview_self_declaration(
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<SelfDeclarationRequest>,
) -> Result<web::Json<SelfDeclarationPreview>, ApiError> {
    let settings = state.settings.clone();
    let text = state
        .db
        .run(move |conn| {
            let today = crate::platform::italian_time::today(Utc::now());
            let checked = create::check(
                conn,
                &settings,
                &user.account_id,
                &body.0.r#type,
                &body.0.values(),
                today,
            )?;
            Ok::<_, ApiError>(create::compose(&settings, &checked))
        })
        .await?;
    let mut paragraphs: Vec<String> = text.declarant.iter().map(|p| p.plain()).collect();
    paragraphs.push(text.keyword.clone());
    paragraphs.extend(text.statements.iter().map(|p| p.plain()));
    paragraphs.extend(text.closing.iter().map(|p| p.plain()));
    Ok(web::Json(SelfDeclarationPreview {
        title: text.title,
        basis: text.basis,
        subject: text.subject,
        paragraphs,
        table: text.table.map(|t| PreviewTable {
            columns: t.columns,
            rows: t.rows,
        }),
        place_and_date: text.place_and_date,
        signer: text.signer,
        reminders: text.reminders,
    }))
}

/// Creates the declaration and its PDF, kept in the declarant's archive. Send
/// `Idempotency-Key` to make retries safe: the same key answers the same declaration.
#[utoipa::path(
    tag = "self-declarations",
    security(("bearer" = [])),
    request_body = SelfDeclarationRequest,
    params(
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retried request answer the first declaration instead of creating another"),
        ("Accept-Language" = Option<String>, Header, description = "`it` (default) or `en`"),
    ),
    responses(
        (status = 201, body = SelfDeclaration, description = "Created"),
        (status = 200, body = SelfDeclaration, description = "Already created for this Idempotency-Key"),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/self-declarations")]
pub async fn create_self_declaration(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<SelfDeclarationRequest>,
) -> Result<HttpResponse, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let key = crate::platform::http::idempotency::key(&req)?;
    let origin = Origin::from_request(&req);
    let settings = state.settings.clone();
    let outcome = state
        .db
        .run(move |conn| {
            create::create(
                conn,
                &settings,
                &Declarant {
                    account_id: &user.account_id,
                    label: &user.label,
                },
                &origin,
                &body.0.r#type,
                &body.0.values(),
                key.as_deref(),
                Utc::now(),
            )
        })
        .await?;
    let (status, row) = match outcome {
        CreateOutcome::Created(row) => (StatusCode::CREATED, row),
        CreateOutcome::Repeated(row) => (StatusCode::OK, row),
    };
    Ok(HttpResponse::build(status)
        .insert_header((
            header::LOCATION,
            format!("/api/v1/self-declarations/{}", row.id),
        ))
        .json(SelfDeclaration::from_row(row, lang)))
}

/// My self-declarations, newest first ("Archivio autocertificazioni").
#[utoipa::path(
    tag = "self-declarations",
    security(("bearer" = [])),
    params(crate::platform::http::pagination::ListQuery, ("Accept-Language" = Option<String>, Header, description = "`it` (default) or `en`")),
    responses(
        (status = 200, body = SelfDeclarationList),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
    )
)]
#[get("/self-declarations")]
pub async fn list_self_declarations(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    query: crate::platform::http::extract::Query<crate::platform::http::pagination::ListQuery>,
) -> Result<web::Json<SelfDeclarationList>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let (per_page, offset) = query.0.limit_offset();
    let rows = state
        .db
        .run(move |conn| repository::list_own(conn, &user.account_id, per_page, offset))
        .await
        .map_err(ApiError::from)?;
    Ok(web::Json(SelfDeclarationList {
        items: rows
            .into_iter()
            .map(|r| SelfDeclaration::from_row(r, lang))
            .collect(),
    }))
}

/// One of my self-declarations; anyone else's is not found.
#[utoipa::path(
    tag = "self-declarations",
    security(("bearer" = [])),
    params(("id" = String, Path), ("Accept-Language" = Option<String>, Header, description = "`it` (default) or `en`")),
    responses(
        (status = 200, body = SelfDeclaration),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/self-declarations/{id}")]
pub async fn get_self_declaration(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<SelfDeclaration>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let id = path.into_inner();
    let row = state
        .db
        .run(move |conn| repository::find_own(conn, &user.account_id, &id))
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(web::Json(SelfDeclaration::from_row(row, lang)))
}

/// The PDF, as it was generated.
#[utoipa::path(
    tag = "self-declarations",
    security(("bearer" = [])),
    params(("id" = String, Path)),
    responses(
        (status = 200, description = "The form to print and sign", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/self-declarations/{id}/pdf")]
pub async fn download_self_declaration(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let file_name = format!("autocertificazione-{id}.pdf");
    let pdf = state
        .db
        .run(move |conn| repository::pdf_own(conn, &user.account_id, &id))
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(crate::platform::http::responses::pdf(
        &file_name, pdf, false,
    ))
}
