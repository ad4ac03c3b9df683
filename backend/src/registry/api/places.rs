//! Italian municipalities and foreign states with their Belfiore codes, for forms that
//! ask for a birthplace.

use actix_web::{get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::extract::Query;
use crate::platform::i18n::Text;
use crate::registry::places::{self, Place};

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct PlaceSearch {
    /// At least two letters of the name; accents and case do not matter.
    #[param(example = "Roma")]
    pub q: String,
    /// How many places to return (1 to 50, default 10).
    #[param(example = 10, format = Int32)]
    pub limit: Option<usize>,
}

#[derive(Serialize, ToSchema)]
pub struct PlaceList {
    pub places: Vec<Place>,
}

/// Searches municipalities (current and ceased) and foreign states by name.
#[utoipa::path(
    tag = "catalogue",
    params(PlaceSearch),
    responses(
        (status = 200, body = PlaceList),
        (status = 400, response = crate::platform::http::responses::BadRequest),
    )
)]
#[get("/places")]
pub async fn search_places(query: Query<PlaceSearch>) -> Result<web::Json<PlaceList>, ApiError> {
    let PlaceSearch { q, limit } = query.0;
    let mut errors = Vec::new();
    if q.trim().chars().count() < 2 {
        errors.push(FieldError::new(
            "q",
            Text::new("Indicare almeno due lettere.", "Give at least two letters."),
        ));
    }
    let limit = limit.unwrap_or(10);
    if !(1..=50).contains(&limit) {
        errors.push(FieldError::new(
            "limit",
            Text::new(
                "Il valore deve essere compreso tra 1 e 50.",
                "The value must be between 1 and 50.",
            ),
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::InvalidQuery(errors));
    }
    Ok(web::Json(PlaceList {
        places: places::search(q.trim(), limit)
            .into_iter()
            .cloned()
            .collect(),
    }))
}
