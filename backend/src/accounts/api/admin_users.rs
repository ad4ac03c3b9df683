//! User management (seed 001: "Profilazione utenti"): search, lock, unlock, password
//! reset and group membership. Needs `accounts.manage`.

use actix_web::{get, post, put, web, HttpRequest};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::accounts::api::admin_accounts::AccountSummary;

use crate::accounts::oversight;
use crate::accounts::password;
use crate::accounts::rules::status::AccountStatus;
use crate::accounts::store::accounts;
use crate::accounts::store::groups;
use crate::accounts::store::sessions;
use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::platform::auth::Role;
use crate::platform::auth::{revocations, AuthUser};
use crate::platform::db::DbConnection;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::extract::{Json, Query};
use crate::platform::http::AppState;
use crate::platform::i18n::Text;

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct UserSearch {
    /// `citizen`, `operator` or `admin`.
    pub role: Option<String>,
    /// All by default.
    pub status: Option<AccountStatus>,
    /// Beginning of surname, codice fiscale or user name.
    pub q: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct User {
    #[serde(flatten)]
    pub account: AccountSummary,
    pub groups: Vec<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserGroups {
    pub group_ids: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TemporaryPassword {
    /// Shown once; the user must change it at the next login.
    pub temporary_password: String,
}

pub(crate) fn load_user(conn: &mut DbConnection, id: &str) -> Result<User, ApiError> {
    let account = accounts::details(conn, id)?.ok_or(ApiError::NotFound)?;
    Ok(User {
        groups: groups::groups_of(conn, id)?,
        account: account.into(),
    })
}

/// Accounts by role, status and text. Needs `accounts.manage`.
#[utoipa::path(tag = "back office", security(("bearer" = ["accounts.manage"])), params(UserSearch), responses(
    (status = 200, body = Vec<User>),
    (status = 400, response = crate::platform::http::responses::BadRequest),
    (status = 401, response = crate::platform::http::responses::Unauthorized),
    (status = 403, response = crate::platform::http::responses::Forbidden),
))]
#[get("/admin/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    _user: AuthUser,
    query: Query<UserSearch>,
) -> Result<web::Json<Vec<User>>, ApiError> {
    let UserSearch { role, status, q } = query.0;
    if role
        .as_deref()
        .is_some_and(|r| crate::platform::auth::permissions::Role::parse(r).is_none())
    {
        return Err(ApiError::InvalidQuery(vec![FieldError::new(
            "role",
            Text::new(
                "Ruolo non valido (citizen, operator, admin).",
                "Invalid role (citizen, operator, admin).",
            ),
        )]));
    }
    let status = status.map(AccountStatus::as_str);
    let users = state
        .db
        .run(move |conn| {
            let found = accounts::search(conn, role.as_deref(), status, q.as_deref(), 200)?;
            found
                .into_iter()
                .map(|a| load_user(conn, &a.id))
                .collect::<Result<Vec<_>, ApiError>>()
        })
        .await?;
    Ok(web::Json(users))
}

async fn change_status(
    req: &HttpRequest,
    state: &AppState,
    user: AuthUser,
    id: String,
    status: AccountStatus,
    action: &'static str,
) -> Result<web::Json<User>, ApiError> {
    if id == user.account_id.as_str() {
        return Err(ApiError::Conflict {
            code: "own_account",
            detail: Text::new(
                "Non è possibile bloccare o sbloccare il proprio account.",
                "You cannot lock or unlock your own account.",
            ),
        });
    }
    let origin = Origin::from_request(req);
    let revocations = state.revocations.clone();
    let updated = state
        .db
        .run(move |conn| {
            let updated = crate::platform::db::transaction(conn, |conn| {
                let account = accounts::find_by_id(conn, &id)?.ok_or(ApiError::NotFound)?;
                oversight::may_act_on(conn, &user.permissions, &id)?;
                if !AccountStatus::from_stored(&account.status).can_be_locked_or_unlocked() {
                    return Err(ApiError::Conflict {
                        code: "account_not_active",
                        detail: Text::new(
                            "Solo gli account attivi o bloccati cambiano stato qui.",
                            "Only active or locked accounts change status here.",
                        ),
                    });
                }
                let now = Utc::now().naive_utc();
                accounts::set_status(conn, &id, status, now)?;
                if status == AccountStatus::Locked {
                    sessions::revoke_all_of_account(conn, &id, now)?;
                    oversight::an_administrator_remains(conn)?;
                }
                let entry = AuditEntry::new(Actor::user(&user), action).subject("account", &id);
                audit::record(conn, &origin, entry)?;
                load_user(conn, &id)
            })?;
            revocations.sync(conn, Utc::now().naive_utc())?;
            Ok::<_, ApiError>(updated)
        })
        .await?;
    Ok(web::Json(updated))
}

/// Locks an account and ends its sessions. Needs `accounts.manage`.
#[utoipa::path(tag = "back office", security(("bearer" = ["accounts.manage"])), params(("id" = String, Path, description = "Account id")), responses(
    (status = 200, body = User),
    (status = 401, response = crate::platform::http::responses::Unauthorized),
    (status = 403, response = crate::platform::http::responses::Forbidden),
    (status = 404, response = crate::platform::http::responses::NotFound),
    (status = 409, response = crate::platform::http::responses::Conflict),
))]
#[post("/admin/users/{id}/lock")]
pub async fn lock_user(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<User>, ApiError> {
    change_status(
        &req,
        &state,
        user,
        path.into_inner(),
        AccountStatus::Locked,
        actions::ACCOUNT_LOCKED,
    )
    .await
}

/// Unlocks an account. Needs `accounts.manage`.
#[utoipa::path(tag = "back office", security(("bearer" = ["accounts.manage"])), params(("id" = String, Path, description = "Account id")), responses(
    (status = 200, body = User),
    (status = 401, response = crate::platform::http::responses::Unauthorized),
    (status = 403, response = crate::platform::http::responses::Forbidden),
    (status = 404, response = crate::platform::http::responses::NotFound),
    (status = 409, response = crate::platform::http::responses::Conflict),
))]
#[post("/admin/users/{id}/unlock")]
pub async fn unlock_user(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<User>, ApiError> {
    change_status(
        &req,
        &state,
        user,
        path.into_inner(),
        AccountStatus::Active,
        actions::ACCOUNT_UNLOCKED,
    )
    .await
}

/// Gives the account a temporary password (shown once, changed at the next login) and
/// ends its sessions. Needs `accounts.manage`.
#[utoipa::path(tag = "back office", security(("bearer" = ["accounts.manage"])), params(("id" = String, Path, description = "Account id")), responses(
    (status = 200, body = TemporaryPassword),
    (status = 401, response = crate::platform::http::responses::Unauthorized),
    (status = 403, response = crate::platform::http::responses::Forbidden),
    (status = 404, response = crate::platform::http::responses::NotFound),
    (status = 409, response = crate::platform::http::responses::Conflict),
))]
#[post("/admin/users/{id}/reset-password")]
pub async fn reset_user_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<TemporaryPassword>, ApiError> {
    let id = path.into_inner();
    if id == user.account_id.as_str() {
        // One's own password changes with the current one (POST /auth/password): a
        // temporary password here would also end the session asking for it.
        return Err(ApiError::conflict(
            "own_account",
            "Non è possibile reimpostare la password del proprio account da qui: si usa la modifica della password.",
            "You cannot reset your own account's password here: change it with your current password instead.",
        ));
    }
    let temporary = password::generate();
    let hash = password::hash(&temporary).map_err(ApiError::internal)?;
    let origin = Origin::from_request(&req);
    let revocations = state.revocations.clone();
    state
        .db
        .run(move |conn| {
            crate::platform::db::transaction(conn, |conn| {
                accounts::find_by_id(conn, &id)?.ok_or(ApiError::NotFound)?;
                oversight::may_act_on(conn, &user.permissions, &id)?;
                let now = Utc::now().naive_utc();
                accounts::set_password(conn, &id, &hash, true, now)?;
                sessions::revoke_all_of_account(conn, &id, now)?;
                let entry =
                    AuditEntry::new(Actor::user(&user), actions::ACCOUNT_PASSWORD_RESET_BY_ADMIN)
                        .subject("account", &id);
                audit::record(conn, &origin, entry)?;
                Ok::<_, ApiError>(())
            })?;
            revocations.sync(conn, Utc::now().naive_utc())?;
            Ok::<_, ApiError>(())
        })
        .await?;
    Ok(web::Json(TemporaryPassword {
        temporary_password: temporary,
    }))
}

/// Replaces the account's groups. Needs `accounts.manage`. The user's access tokens end
/// at once; a refresh brings the new permissions.
#[utoipa::path(tag = "back office", security(("bearer" = ["accounts.manage"])), params(("id" = String, Path, description = "Account id")), request_body = UserGroups, responses(
    (status = 200, body = User),
    (status = 401, response = crate::platform::http::responses::Unauthorized),
    (status = 403, response = crate::platform::http::responses::Forbidden),
    (status = 404, response = crate::platform::http::responses::NotFound),
    (status = 409, response = crate::platform::http::responses::Conflict),
    (status = 422, response = crate::platform::http::responses::Unprocessable),
))]
#[put("/admin/users/{id}/groups")]
pub async fn set_user_groups(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    body: Json<UserGroups>,
) -> Result<web::Json<User>, ApiError> {
    let id = path.into_inner();
    let mut wanted = body.0.group_ids;
    wanted.sort();
    wanted.dedup();
    let origin = Origin::from_request(&req);
    let revocations = state.revocations.clone();
    let updated = state
        .db
        .run(move |conn| {
            let updated = crate::platform::db::transaction(conn, |conn| {
                let account = accounts::find_by_id(conn, &id)?.ok_or(ApiError::NotFound)?;
                oversight::not_oneself(&user.account_id, &id)?;
                oversight::may_act_on(conn, &user.permissions, &id)?;
                let unknown: Vec<FieldError> = wanted
                    .iter()
                    .enumerate()
                    .map(|(index, group)| {
                        groups::find(conn, group).map(|found| (index, group, found))
                    })
                    .collect::<Result<Vec<_>, _>>()?
                    .into_iter()
                    .filter(|(_, _, found)| found.is_none())
                    .map(|(index, group, _)| {
                        FieldError::new(
                            format!("group_ids[{index}]"),
                            Text::new(
                                format!("Gruppo inesistente: {group}."),
                                format!("No such group: {group}."),
                            ),
                        )
                    })
                    .collect();
                if !unknown.is_empty() {
                    return Err(ApiError::Validation(unknown));
                }
                let citizen = account.role == Role::Citizen.as_str();
                oversight::may_give_groups(conn, &user.permissions, citizen, &wanted)?;
                groups::set_groups_of(conn, &id, &wanted)?;
                oversight::an_administrator_remains(conn)?;
                // Its tokens carry the old permissions; a refresh brings the new ones.
                revocations::void_tokens(conn, &id, Utc::now().naive_utc())?;
                let mut entry =
                    AuditEntry::new(Actor::user(&user), actions::ACCOUNT_GROUPS_CHANGED)
                        .subject("account", &id);
                entry.details = serde_json::json!({ "groups": wanted });
                audit::record(conn, &origin, entry)?;
                load_user(conn, &id)
            })?;
            revocations.sync(conn, Utc::now().naive_utc())?;
            Ok::<_, ApiError>(updated)
        })
        .await?;
    Ok(web::Json(updated))
}
