//! The municipality's street list (stradario), for the address of a declaration.

use actix_web::{get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::platform::http::error::ApiError;
use crate::platform::http::extract::Query;
use crate::platform::http::AppState;

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct StreetSearch {
    /// Words of the street's name, any case; empty lists the first streets.
    #[param(example = "garibaldi")]
    pub q: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Street {
    #[schema(example = "Via Giuseppe Garibaldi")]
    pub name: String,
    #[schema(example = "00099")]
    pub postcode: String,
}

#[derive(Serialize, ToSchema)]
pub struct StreetList {
    pub items: Vec<Street>,
}

/// Streets of the municipality whose name holds every word given (at most 20).
#[utoipa::path(
    tag = "catalogue",
    params(StreetSearch),
    responses(
        (status = 200, body = StreetList),
        (status = 400, response = crate::platform::http::responses::BadRequest),
    )
)]
#[get("/streets")]
pub async fn search_streets(
    state: web::Data<AppState>,
    query: Query<StreetSearch>,
) -> Result<web::Json<StreetList>, ApiError> {
    let words: String = query.0.q.unwrap_or_default().chars().take(100).collect();
    let rows = state
        .db
        .run(move |conn| crate::registry::streets::search(conn, &words, 20))
        .await?;
    Ok(web::Json(StreetList {
        items: rows
            .into_iter()
            .map(|(name, postcode)| Street { name, postcode })
            .collect(),
    }))
}
