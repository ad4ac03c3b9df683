//! What answers when no route matched: 405 for a known API path with another method,
//! 404 problem+json for anything else under the API, the SPA for everything a browser asks.

use actix_web::http::Method;
use actix_web::{web, HttpRequest, HttpResponse};

use crate::platform::http::error::ApiError;
use crate::platform::http::spa;

/// The API's path templates and their methods, taken from the OpenAPI document so that
/// the 405 answers can never disagree with the routes.
pub struct RouteTable {
    routes: Vec<(Vec<String>, Vec<Method>)>,
}

impl RouteTable {
    pub fn from_openapi(document: &utoipa::openapi::OpenApi) -> RouteTable {
        let routes = document
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let segments = split(path).map(str::to_owned).collect();
                let mut methods: Vec<Method> = [
                    (item.get.is_some(), Method::GET),
                    (item.post.is_some(), Method::POST),
                    (item.put.is_some(), Method::PUT),
                    (item.patch.is_some(), Method::PATCH),
                    (item.delete.is_some(), Method::DELETE),
                ]
                .into_iter()
                .filter_map(|(present, method)| present.then_some(method))
                .collect();
                if methods.contains(&Method::GET) {
                    methods.push(Method::HEAD);
                }
                (segments, methods)
            })
            .collect();
        RouteTable { routes }
    }

    pub fn allowed_methods(&self, path: &str) -> Option<Vec<Method>> {
        let wanted: Vec<&str> = split(path).collect();
        self.routes.iter().find_map(|(template, methods)| {
            let matches = template.len() == wanted.len()
                && template
                    .iter()
                    .zip(&wanted)
                    .all(|(t, w)| (t.starts_with('{') && t.ends_with('}')) || t == w);
            matches.then(|| methods.clone())
        })
    }
}

fn split(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
}

pub async fn fallback(
    req: HttpRequest,
    routes: web::Data<RouteTable>,
) -> Result<HttpResponse, ApiError> {
    let path = req.path();
    let is_api = path == "/api"
        || path.starts_with("/api/")
        || matches!(path, "/healthz" | "/readyz" | "/metrics");
    if is_api {
        return Err(match routes.allowed_methods(path) {
            Some(allow) if !allow.contains(req.method()) => ApiError::MethodNotAllowed { allow },
            _ => ApiError::NotFound,
        });
    }
    if req.method() == Method::GET || req.method() == Method::HEAD {
        return spa::serve(path);
    }
    Err(ApiError::MethodNotAllowed {
        allow: vec![Method::GET, Method::HEAD],
    })
}
