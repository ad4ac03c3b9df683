//! Which permissions each endpoint needs, written in one place: the `security` requirement
//! of its OpenAPI operation, e.g. `security(("bearer" = ["accounts.manage"]))`. Several
//! requirements are alternatives, as in OpenAPI: `security(("bearer" = ["groups.manage"]),
//! ("bearer" = ["accounts.manage"]))` lets either in. The `AuthUser` extractor enforces
//! what the published document says, so the two cannot disagree and a handler cannot
//! forget its check.

use std::collections::HashMap;

use actix_web::http::Method;
use serde_json::Value;

use crate::platform::auth::permissions::Permission;
use crate::platform::auth::scopes::Scope;

/// The security scheme whose scopes name permissions.
const SCHEME: &str = "bearer";
/// The security scheme of third-party applications, whose scopes are [`Scope`]s.
pub const CLIENT_SCHEME: &str = "oauth2";

#[derive(Debug, thiserror::Error)]
pub enum RoutePermissionsError {
    #[error("{method} {path} names an unknown client scope {scope:?}")]
    UnknownScope {
        method: String,
        path: String,
        scope: String,
    },
    #[error("{method} {path} names an unknown permission {scope:?}")]
    UnknownPermission {
        method: String,
        path: String,
        scope: String,
    },
    #[error("the OpenAPI document could not be read: {0}")]
    Document(#[from] serde_json::Error),
}

/// One way in: every permission listed.
pub type Requirement = Vec<Permission>;

#[derive(Debug, Default)]
pub struct RoutePermissions {
    /// Per path template, then per method (upper case), the alternatives; none when the
    /// route needs no permission. Nested so that a request's lookup borrows, not allocates.
    by_route: HashMap<String, HashMap<String, Vec<Requirement>>>,
    /// The same for third-party applications: the scopes of each way in.
    client_routes: HashMap<String, HashMap<String, Vec<Vec<Scope>>>>,
}

impl RoutePermissions {
    pub fn from_openapi(
        document: &utoipa::openapi::OpenApi,
    ) -> Result<RoutePermissions, RoutePermissionsError> {
        let document = serde_json::to_value(document)?;
        let mut by_route = HashMap::new();
        let mut client_routes = HashMap::new();
        let paths = document["paths"].as_object().into_iter().flatten();
        for (path, item) in paths {
            for (method, operation) in item.as_object().into_iter().flatten() {
                let requirements = operation["security"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|requirement| requirement[SCHEME].as_array());
                let mut alternatives = Vec::new();
                for scopes in requirements {
                    let mut permissions = Vec::new();
                    for scope in scopes.iter().filter_map(Value::as_str) {
                        let permission = Permission::parse(scope).ok_or_else(|| {
                            RoutePermissionsError::UnknownPermission {
                                method: method.to_uppercase(),
                                path: path.clone(),
                                scope: scope.to_owned(),
                            }
                        })?;
                        permissions.push(permission);
                    }
                    if !permissions.is_empty() {
                        alternatives.push(permissions);
                    }
                }
                by_route
                    .entry(path.clone())
                    .or_insert_with(HashMap::new)
                    .insert(method.to_uppercase(), alternatives);
                let client_ways = client_requirements(operation, path, method)?;
                if !client_ways.is_empty() {
                    client_routes
                        .entry(path.clone())
                        .or_insert_with(HashMap::new)
                        .insert(method.to_uppercase(), client_ways);
                }
            }
        }
        Ok(RoutePermissions {
            by_route,
            client_routes,
        })
    }

    /// The scopes a client needs for the route; none when clients are not let in.
    pub fn required_scopes(&self, method: &Method, pattern: &str) -> &[Vec<Scope>] {
        let method = if method == Method::HEAD {
            "GET"
        } else {
            method.as_str()
        };
        self.client_routes
            .get(pattern)
            .and_then(|methods| methods.get(method))
            .map_or(&[], Vec::as_slice)
    }

    /// `Ok` when `held` opens one of the client ways in; `Err(Some(scope))` names the
    /// missing scope, `Err(None)` says the route takes no client at all (fail closed).
    pub fn missing_scope(
        &self,
        method: &Method,
        pattern: &str,
        held: &std::collections::BTreeSet<Scope>,
    ) -> Result<(), Option<Scope>> {
        let ways = self.required_scopes(method, pattern);
        if ways.is_empty() {
            return Err(None);
        }
        if ways.iter().any(|way| way.iter().all(|s| held.contains(s))) {
            return Ok(());
        }
        Err(ways
            .first()
            .and_then(|way| way.iter().find(|s| !held.contains(s)).copied()))
    }

    /// The ways into the route matched by `pattern` (a path template such as
    /// `/api/v1/admin/users/{id}/lock`); none for routes that need no permission.
    pub fn required(&self, method: &Method, pattern: &str) -> &[Requirement] {
        let method = if method == Method::HEAD {
            "GET"
        } else {
            method.as_str()
        };
        self.by_route
            .get(pattern)
            .and_then(|methods| methods.get(method))
            .map_or(&[], Vec::as_slice)
    }

    /// None when `held` opens one of the ways in; otherwise the permission to name in the
    /// refusal (the first missing of the first way).
    pub fn missing(
        &self,
        method: &Method,
        pattern: &str,
        held: &std::collections::BTreeSet<Permission>,
    ) -> Option<Permission> {
        let ways = self.required(method, pattern);
        if ways.iter().any(|way| way.iter().all(|p| held.contains(p))) {
            return None;
        }
        ways.first()?.iter().find(|p| !held.contains(p)).copied()
    }
}
/// The `oauth2` requirements of one operation, as scopes.
fn client_requirements(
    operation: &Value,
    path: &str,
    method: &str,
) -> Result<Vec<Vec<Scope>>, RoutePermissionsError> {
    let mut ways = Vec::new();
    let requirements = operation["security"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|requirement| requirement[CLIENT_SCHEME].as_array());
    for codes in requirements {
        let mut scopes = Vec::new();
        for code in codes.iter().filter_map(Value::as_str) {
            scopes.push(
                Scope::parse(code).ok_or_else(|| RoutePermissionsError::UnknownScope {
                    method: method.to_uppercase(),
                    path: path.to_owned(),
                    scope: code.to_owned(),
                })?,
            );
        }
        ways.push(scopes);
    }
    Ok(ways)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> RoutePermissions {
        RoutePermissions::from_openapi(&crate::routes::openapi_document()).expect("valid scopes")
    }

    #[test]
    fn reads_the_permissions_from_the_operations_security() {
        let table = table();
        assert_eq!(
            table.required(&Method::POST, "/api/v1/admin/users/{id}/lock"),
            [vec![Permission::AccountsManage]]
        );
        assert_eq!(
            table.required(&Method::HEAD, "/api/v1/admin/audit-log"),
            [vec![Permission::AuditRead]]
        );
        assert!(table.required(&Method::GET, "/api/v1/me").is_empty());
        assert!(table.required(&Method::GET, "/no/such/route").is_empty());
    }

    #[test]
    fn every_back_office_operation_names_a_permission() {
        let table = table();
        let unguarded: Vec<_> = table
            .by_route
            .iter()
            .filter(|(path, _)| path.starts_with("/api/v1/admin/"))
            .flat_map(|(path, methods)| {
                methods
                    .iter()
                    .filter(|(_, ways)| ways.is_empty())
                    .map(move |(method, _)| format!("{method} {path}"))
            })
            .collect();
        assert!(
            unguarded.is_empty(),
            "no permission declared: {unguarded:?}"
        );
    }

    #[test]
    fn any_one_of_several_requirements_lets_in() {
        let table = RoutePermissions {
            client_routes: HashMap::new(),
            by_route: HashMap::from([(
                "/groups".to_owned(),
                HashMap::from([(
                    "GET".to_owned(),
                    vec![
                        vec![Permission::GroupsManage],
                        vec![Permission::AccountsManage, Permission::AuditRead],
                    ],
                )]),
            )]),
        };
        let held = |ps: &[Permission]| ps.iter().copied().collect();
        let get = Method::GET;
        assert_eq!(
            table.missing(&get, "/groups", &held(&[Permission::GroupsManage])),
            None
        );
        assert_eq!(
            table.missing(
                &get,
                "/groups",
                &held(&[Permission::AccountsManage, Permission::AuditRead])
            ),
            None
        );
        assert_eq!(
            table.missing(&get, "/groups", &held(&[Permission::AccountsManage])),
            Some(Permission::GroupsManage)
        );
        assert_eq!(table.missing(&get, "/other", &held(&[])), None);
    }

    #[test]
    fn an_unknown_scope_is_refused() {
        let mut document = crate::routes::openapi_document();
        let json = serde_json::to_string(&document)
            .expect("serializes")
            .replace("\"accounts.manage\"", "\"accounts.manag\"");
        document = serde_json::from_str(&json).expect("parses");
        let error = RoutePermissions::from_openapi(&document).expect_err("unknown scope");
        assert!(error.to_string().contains("accounts.manag"), "{error}");
    }
}
