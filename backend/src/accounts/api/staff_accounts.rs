//! Creating staff accounts from the back office: the administrator names the colleague,
//! the colleague chooses the password through the link the portal e-mails.

use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::accounts::api::admin_users::{load_user, User};
use crate::accounts::api::error::username_problem;
use crate::accounts::rules::username::check_username;
use crate::accounts::staff::{self, InvitationLetter, NewStaff};
use crate::audit::{Actor, Origin};
use crate::mail::Email;
use crate::platform::auth::{AuthUser, Role};
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;
use crate::platform::i18n::Text;

const MAX_NAME_LENGTH: usize = 100;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewStaffAccount {
    /// 3 to 32 characters: lower-case letters, digits, dot, dash, underscore; unique.
    #[schema(example = "m.rossi")]
    pub username: String,
    #[schema(example = "Maria")]
    pub name: String,
    #[schema(example = "Rossi")]
    pub surname: String,
    /// Where the invitation to choose a password goes.
    #[schema(example = "m.rossi@comune.example.it")]
    pub email: String,
    /// `operator` or `admin`.
    #[schema(example = "operator")]
    pub role: String,
    /// The account's groups; when absent or empty, the built-in group of the role.
    #[serde(default)]
    pub group_ids: Vec<String>,
}

fn required(field: &str, value: &str, errors: &mut Vec<FieldError>) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.push(FieldError::new(
            field,
            Text::new("Campo obbligatorio.", "Required field."),
        ));
    } else if value.chars().count() > MAX_NAME_LENGTH {
        errors.push(FieldError::new(
            field,
            Text::new("Al massimo 100 caratteri.", "At most 100 characters."),
        ));
    }
    value.to_owned()
}

fn validated(body: NewStaffAccount) -> Result<NewStaff, ApiError> {
    let mut errors = Vec::new();
    let username = body.username.trim().to_owned();
    if let Err(problem) = check_username(&username) {
        errors.push(FieldError::new("username", username_problem(problem)));
    }
    let name = required("name", &body.name, &mut errors);
    let surname = required("surname", &body.surname, &mut errors);
    let email = Email::parse(body.email.trim()).map_err(|_| {
        FieldError::new(
            "email",
            Text::new(
                "Indirizzo di posta elettronica non valido.",
                "Not a valid e-mail address.",
            ),
        )
    });
    let role = match Role::parse(&body.role) {
        Some(role @ (Role::Operator | Role::Admin)) => Some(role),
        _ => {
            errors.push(FieldError::new(
                "role",
                Text::new(
                    "Ruolo non valido: operatore (operator) o amministratore (admin).",
                    "Invalid role: operator or admin.",
                ),
            ));
            None
        }
    };
    match (email, role) {
        (Ok(email), Some(role)) if errors.is_empty() => Ok(NewStaff {
            username,
            name,
            surname,
            email,
            role,
            group_ids: body.group_ids,
        }),
        (email, _) => {
            errors.extend(email.err());
            Err(ApiError::Validation(errors))
        }
    }
}

/// Creates an operator or administrator account and e-mails them a single-use link, valid
/// for 72 hours, to choose their password. Needs `accounts.manage`; the groups given must
/// be within the caller's own permissions.
#[utoipa::path(tag = "back office", security(("bearer" = ["accounts.manage"])), request_body = NewStaffAccount, responses(
    (status = 201, body = User, description = "Created; the invitation is in the mail outbox"),
    (status = 401, response = crate::platform::http::responses::Unauthorized),
    (status = 403, response = crate::platform::http::responses::Forbidden),
    (status = 409, response = crate::platform::http::responses::Conflict),
    (status = 422, response = crate::platform::http::responses::Unprocessable),
))]
#[post("/admin/users")]
pub async fn create_staff_account(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<NewStaffAccount>,
) -> Result<HttpResponse, ApiError> {
    let new = validated(body.0)?;
    let origin = Origin::from_request(&req);
    let settings = state.settings.clone();
    let created = state
        .db
        .run(move |conn| {
            let base_url = settings.effective_public_base_url();
            let letter = InvitationLetter {
                public_base_url: &base_url,
                municipality: &settings.municipality.name,
            };
            let actor = (Actor::user(&user), &user.permissions);
            let now = Utc::now().naive_utc();
            let id = staff::invite_staff(conn, actor, &origin, &new, &letter, now)?;
            load_user(conn, &id)
        })
        .await?;
    Ok(HttpResponse::Created().json(created))
}
