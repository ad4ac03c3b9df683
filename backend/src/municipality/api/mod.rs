//! The municipality's identity and office contacts, for headers, footers and notices.

pub mod services;

use actix_web::{get, web};

use crate::platform::http::AppState;
use crate::platform::settings::municipality::Municipality;

/// The municipality this portal serves: name, office, opening hours, privacy contacts.
#[utoipa::path(tag = "catalogue", responses((status = 200, body = Municipality)))]
#[get("/municipality")]
pub async fn get_municipality(state: web::Data<AppState>) -> web::Json<Municipality> {
    web::Json(state.settings.municipality.clone())
}
