//! The service catalogue, grouped by thematic area, in the caller's language.

use std::sync::OnceLock;

use actix_web::{get, web, HttpRequest};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::platform::i18n::Lang;

#[derive(Serialize, ToSchema)]
pub struct ServiceCatalogue {
    pub areas: Vec<ServiceArea>,
}

#[derive(Serialize, ToSchema)]
pub struct ServiceArea {
    #[schema(example = "anagrafe")]
    pub code: String,
    #[schema(example = "Anagrafe e stato civile")]
    pub title: String,
    pub services: Vec<Service>,
}

#[derive(Serialize, ToSchema)]
pub struct Service {
    #[schema(required = true, example = "scheda-persona")]
    pub code: String,
    #[schema(required = true)]
    pub title: String,
    #[schema(required = true)]
    pub description: String,
    /// Only citizens resident in the municipality may use it.
    #[schema(required = true)]
    pub residents_only: bool,
    #[schema(required = true)]
    pub requires_login: bool,
    /// Offered online now; otherwise announced only.
    #[schema(required = true)]
    pub available: bool,
    /// The SPA route of an available service.
    #[schema(required = true, example = "/strumenti/codice-fiscale")]
    pub path: Option<String>,
}

#[derive(Deserialize)]
struct CatalogueFile {
    areas: Vec<AreaEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AreaEntry {
    code: String,
    title: Localized,
    services: Vec<ServiceEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ServiceEntry {
    code: String,
    title: Localized,
    description: Localized,
    residents_only: bool,
    requires_login: bool,
    available: bool,
    path: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Localized {
    it: String,
    en: String,
}

impl Localized {
    fn get(&self, lang: Lang) -> String {
        match lang {
            Lang::It => self.it.clone(),
            Lang::En => self.en.clone(),
        }
    }
}

fn catalogue_file() -> &'static CatalogueFile {
    static CATALOGUE: OnceLock<CatalogueFile> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        toml::from_str(include_str!("../../../data/services.toml"))
            .expect("data/services.toml is checked by the catalogue_parses test")
    })
}

pub fn catalogue(lang: Lang) -> ServiceCatalogue {
    ServiceCatalogue {
        areas: catalogue_file()
            .areas
            .iter()
            .map(|area| ServiceArea {
                code: area.code.clone(),
                title: area.title.get(lang),
                services: area
                    .services
                    .iter()
                    .map(|s| Service {
                        code: s.code.clone(),
                        title: s.title.get(lang),
                        description: s.description.get(lang),
                        residents_only: s.residents_only,
                        requires_login: s.requires_login,
                        available: s.available,
                        path: s.path.clone(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The service catalogue grouped by thematic area, localized by `Accept-Language`.
#[utoipa::path(
    tag = "catalogue",
    params(("Accept-Language" = Option<String>, Header, description = "`it` (default) or `en`")),
    responses((status = 200, body = ServiceCatalogue))
)]
#[get("/services")]
pub async fn list_services(req: HttpRequest) -> web::Json<ServiceCatalogue> {
    web::Json(catalogue(Lang::from_headers(req.headers())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_parses_and_available_services_have_a_path() {
        let catalogue = catalogue(Lang::It);
        assert!(catalogue.areas.len() >= 4);
        let mut codes = std::collections::HashSet::new();
        for service in catalogue.areas.iter().flat_map(|a| &a.services) {
            assert!(
                codes.insert(service.code.clone()),
                "duplicate {}",
                service.code
            );
            assert_eq!(
                service.available,
                service.path.is_some(),
                "{}",
                service.code
            );
        }
    }

    #[test]
    fn english_differs_from_italian() {
        let it = catalogue(Lang::It);
        let en = catalogue(Lang::En);
        assert_ne!(it.areas[0].title, en.areas[0].title);
    }
}
