//! Groups and permissions (seed 001: "Gruppi", "Permessi"). Needs `groups.manage`.

use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::accounts::oversight;
use crate::accounts::store::groups::{self, GroupRow, GroupWithMembers};
use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::platform::auth::permissions::Permission;
use crate::platform::auth::{revocations, AuthUser};
use crate::platform::db::DbConnection;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;
use crate::platform::i18n::{Lang, Text};

#[derive(Serialize, ToSchema)]
pub struct PermissionInfo {
    #[schema(example = "audit.read")]
    pub code: String,
    pub label: String,
}

#[derive(Serialize, ToSchema)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Created by the system for a role; can be changed but not deleted.
    pub built_in: bool,
    pub permissions: Vec<String>,
    pub members: i64,
}

impl From<GroupWithMembers> for Group {
    fn from(g: GroupWithMembers) -> Group {
        Group {
            id: g.group.id,
            name: g.group.name,
            description: g.group.description,
            built_in: g.group.built_in,
            permissions: g.permissions,
            members: g.members,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupInput {
    #[schema(example = "Ufficio elettorale")]
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Permission codes, e.g. `["audit.read"]`.
    pub permissions: Vec<String>,
}

fn validate(input: &GroupInput) -> Result<Vec<&'static str>, ApiError> {
    let mut errors = Vec::new();
    let name_length = input.name.trim().chars().count();
    if !(2..=80).contains(&name_length) {
        errors.push(FieldError::new(
            "name",
            Text::new(
                "Il nome deve avere da 2 a 80 caratteri.",
                "The name must have 2 to 80 characters.",
            ),
        ));
    }
    let mut codes = Vec::new();
    for (index, code) in input.permissions.iter().enumerate() {
        match Permission::parse(code) {
            Some(permission) => codes.push(permission.code()),
            None => errors.push(FieldError::new(
                format!("permissions[{index}]"),
                Text::new(
                    format!("Permesso sconosciuto: {code}."),
                    format!("Unknown permission: {code}."),
                ),
            )),
        }
    }
    if errors.is_empty() {
        codes.sort_unstable();
        codes.dedup();
        Ok(codes)
    } else {
        Err(ApiError::Validation(errors))
    }
}

fn name_taken() -> ApiError {
    ApiError::Conflict {
        code: "group_name_taken",
        detail: Text::new(
            "Esiste già un gruppo con questo nome.",
            "A group with this name already exists.",
        ),
    }
}

fn find_group(conn: &mut crate::platform::db::DbConnection, id: &str) -> Result<Group, ApiError> {
    groups::list(conn)?
        .into_iter()
        .find(|g| g.group.id == id)
        .map(Group::from)
        .ok_or(ApiError::NotFound)
}

/// Every permission, with its label in the caller's language. Needs `groups.manage`.
#[utoipa::path(tag = "back office", security(("bearer" = ["groups.manage"])), responses(
    (status = 200, body = Vec<PermissionInfo>),
    (status = 401, response = crate::platform::http::responses::Unauthorized),
    (status = 403, response = crate::platform::http::responses::Forbidden),
))]
#[get("/admin/permissions")]
pub async fn list_permissions(
    req: HttpRequest,
    _user: AuthUser,
) -> Result<web::Json<Vec<PermissionInfo>>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    Ok(web::Json(
        Permission::ALL
            .iter()
            .map(|p| {
                let (it, en) = p.label();
                PermissionInfo {
                    code: p.code().to_owned(),
                    label: Text::new(it, en).get(lang).to_owned(),
                }
            })
            .collect(),
    ))
}

/// Every group with its permissions and how many accounts belong to it. Needs
/// `groups.manage`, or `accounts.manage` (whoever assigns groups to accounts must see them).
#[utoipa::path(tag = "back office", security(("bearer" = ["groups.manage"]), ("bearer" = ["accounts.manage"])), responses(
    (status = 200, body = Vec<Group>),
    (status = 401, response = crate::platform::http::responses::Unauthorized),
    (status = 403, response = crate::platform::http::responses::Forbidden),
))]
#[get("/admin/groups")]
pub async fn list_groups(
    state: web::Data<AppState>,
    _user: AuthUser,
) -> Result<web::Json<Vec<Group>>, ApiError> {
    let found = state.db.run(groups::list).await?;
    Ok(web::Json(found.into_iter().map(Group::from).collect()))
}

/// Creates a group. Needs `groups.manage`.
#[utoipa::path(tag = "back office", security(("bearer" = ["groups.manage"])), request_body = GroupInput, responses(
    (status = 201, body = Group),
    (status = 401, response = crate::platform::http::responses::Unauthorized),
    (status = 403, response = crate::platform::http::responses::Forbidden),
    (status = 409, response = crate::platform::http::responses::Conflict),
    (status = 422, response = crate::platform::http::responses::Unprocessable),
))]
#[post("/admin/groups")]
pub async fn create_group(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<GroupInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.0;
    let permissions = validate(&input)?;
    let granted: std::collections::BTreeSet<Permission> = permissions
        .iter()
        .filter_map(|code| Permission::parse(code))
        .collect();
    oversight::may_define_group(&user.permissions, &granted)?;
    let origin = Origin::from_request(&req);
    let group = state
        .db
        .run(move |conn| {
            crate::platform::db::transaction(conn, |conn| {
                let row = GroupRow {
                    id: uuid::Uuid::now_v7().to_string(),
                    name: input.name.trim().to_owned(),
                    description: input.description.trim().to_owned(),
                    built_in: false,
                };
                if !groups::insert(conn, &row)? {
                    return Err(name_taken());
                }
                groups::set_permissions(conn, &row.id, &permissions)?;
                let mut entry = AuditEntry::new(Actor::user(&user), actions::GROUP_CREATED)
                    .subject("group", &row.id);
                entry.details = serde_json::json!({ "name": row.name, "permissions": permissions });
                audit::record(conn, &origin, entry)?;
                find_group(conn, &row.id)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(group))
}

/// Changes a group's name, description and permissions. Needs `groups.manage`.
#[utoipa::path(tag = "back office", security(("bearer" = ["groups.manage"])), request_body(content = GroupInput, content_type = "application/merge-patch+json"),
    params(("id" = String, Path, description = "Group id")),
    responses(
        (status = 200, body = Group),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    ))]
#[patch("/admin/groups/{id}")]
pub async fn update_group(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    body: Json<GroupInput>,
) -> Result<web::Json<Group>, ApiError> {
    let input = body.0;
    let permissions = validate(&input)?;
    let granted: std::collections::BTreeSet<Permission> = permissions
        .iter()
        .filter_map(|code| Permission::parse(code))
        .collect();
    oversight::may_define_group(&user.permissions, &granted)?;
    let id = path.into_inner();
    let origin = Origin::from_request(&req);
    let revocations = state.revocations.clone();
    let group = state
        .db
        .run(move |conn| {
            let group = crate::platform::db::transaction(conn, |conn| {
                groups::find(conn, &id)?.ok_or(ApiError::NotFound)?;
                if !groups::update(conn, &id, input.name.trim(), input.description.trim())? {
                    return Err(name_taken());
                }
                groups::set_permissions(conn, &id, &permissions)?;
                oversight::an_administrator_remains(conn)?;
                // The members' tokens carry the old permissions.
                void_tokens_of_members(conn, &id)?;
                let mut entry = AuditEntry::new(Actor::user(&user), actions::GROUP_UPDATED)
                    .subject("group", &id);
                entry.details =
                    serde_json::json!({ "name": input.name.trim(), "permissions": permissions });
                audit::record(conn, &origin, entry)?;
                find_group(conn, &id)
            })?;
            revocations.sync(conn, Utc::now().naive_utc())?;
            Ok::<_, ApiError>(group)
        })
        .await?;
    Ok(web::Json(group))
}

/// Deletes a group that is not built in; its members leave it. Needs `groups.manage`.
#[utoipa::path(tag = "back office", security(("bearer" = ["groups.manage"])),
    params(("id" = String, Path, description = "Group id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
    ))]
#[delete("/admin/groups/{id}")]
pub async fn delete_group(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let origin = Origin::from_request(&req);
    let revocations = state.revocations.clone();
    state
        .db
        .run(move |conn| {
            crate::platform::db::transaction(conn, |conn| {
                let group = groups::find(conn, &id)?.ok_or(ApiError::NotFound)?;
                if group.built_in {
                    return Err(ApiError::Conflict {
                        code: "group_built_in",
                        detail: Text::new(
                            "I gruppi predefiniti non possono essere eliminati.",
                            "Built-in groups cannot be deleted.",
                        ),
                    });
                }
                void_tokens_of_members(conn, &id)?;
                groups::delete(conn, &id)?;
                oversight::an_administrator_remains(conn)?;
                let entry = AuditEntry::new(Actor::user(&user), actions::GROUP_DELETED)
                    .subject("group", &id);
                audit::record(conn, &origin, entry)?;
                Ok::<_, ApiError>(())
            })?;
            revocations.sync(conn, Utc::now().naive_utc())?;
            Ok::<_, ApiError>(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A group's permissions changed: its members' tokens, which carry the old ones, end;
/// a refresh brings the new ones.
fn void_tokens_of_members(conn: &mut DbConnection, group_id: &str) -> Result<(), ApiError> {
    let now = Utc::now().naive_utc();
    for member in groups::members_of(conn, group_id)? {
        revocations::void_tokens(conn, &member, now)?;
    }
    Ok(())
}
