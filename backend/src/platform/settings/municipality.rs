//! The municipality this instance serves: its name, office, contacts and notices.
//! Defaults describe the fictional demo municipality; a real one sets `[municipality]`
//! in the configuration file.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Municipality {
    #[schema(required = true, example = "Comune di Valdoria")]
    pub name: String,
    /// ISTAT code of the municipality (six digits).
    #[schema(required = true, example = "099999")]
    pub istat_code: String,
    #[schema(required = true, example = "Provincia di Valdoria")]
    pub province: String,
    #[schema(required = true, example = "Regione Immaginaria")]
    pub region: String,
    #[schema(required = true)]
    pub website: String,
    #[schema(required = true)]
    pub office: Office,
    #[schema(required = true)]
    pub privacy: PrivacyContacts,
    /// Where the accessibility statement (AgID) is published.
    #[schema(required = true)]
    pub accessibility_statement_url: String,
    /// The patron saint's day (`MM-DD`), a local holiday: not a working day for the legal
    /// clocks of practices, and the office is closed.
    #[schema(example = "11-11")]
    pub patron_saint_day: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Office {
    #[schema(required = true, example = "Ufficio Servizi Demografici")]
    pub name: String,
    #[schema(required = true)]
    pub address: String,
    #[schema(required = true)]
    pub postcode: String,
    #[schema(required = true)]
    pub city: String,
    #[schema(required = true)]
    pub phone: String,
    #[schema(required = true)]
    pub email: String,
    #[schema(required = true)]
    pub pec: String,
    #[schema(required = true)]
    pub opening_hours: Vec<OpeningHours>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpeningHours {
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    #[schema(minimum = 1, maximum = 7, example = 1)]
    pub weekday: u8,
    #[schema(example = "08:30")]
    pub opens: String,
    #[schema(example = "12:30")]
    pub closes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PrivacyContacts {
    /// The data controller (titolare del trattamento), art. 13 GDPR.
    #[schema(required = true)]
    pub controller: String,
    #[schema(required = true)]
    pub controller_pec: String,
    /// The data protection officer (RPD/DPO).
    #[schema(required = true)]
    pub dpo_email: String,
}

impl Default for Municipality {
    fn default() -> Municipality {
        Municipality::demo()
    }
}

impl Default for Office {
    fn default() -> Office {
        Municipality::demo().office
    }
}

impl Default for PrivacyContacts {
    fn default() -> PrivacyContacts {
        Municipality::demo().privacy
    }
}

impl Municipality {
    /// The fictional demo municipality: no real town, so no real person's data is implied.
    pub fn demo() -> Municipality {
        let slots = |weekday, opens: &str, closes: &str| OpeningHours {
            weekday,
            opens: opens.to_owned(),
            closes: closes.to_owned(),
        };
        Municipality {
            name: "Comune di Valdoria".to_owned(),
            istat_code: "099999".to_owned(),
            province: "Provincia di Valdoria".to_owned(),
            region: "Regione Immaginaria".to_owned(),
            website: "https://www.comune.valdoria.example".to_owned(),
            office: Office {
                name: "Ufficio Servizi Demografici".to_owned(),
                address: "Piazza del Municipio, 1".to_owned(),
                postcode: "00099".to_owned(),
                city: "Valdoria".to_owned(),
                phone: "+39 0999 123456".to_owned(),
                email: "anagrafe@comune.valdoria.example".to_owned(),
                pec: "protocollo@pec.comune.valdoria.example".to_owned(),
                opening_hours: vec![
                    slots(1, "08:30", "12:30"),
                    slots(2, "08:30", "12:30"),
                    slots(2, "14:30", "17:00"),
                    slots(3, "08:30", "12:30"),
                    slots(4, "08:30", "12:30"),
                    slots(4, "14:30", "17:00"),
                    slots(5, "08:30", "12:30"),
                ],
            },
            privacy: PrivacyContacts {
                controller: "Comune di Valdoria".to_owned(),
                controller_pec: "protocollo@pec.comune.valdoria.example".to_owned(),
                dpo_email: "rpd@comune.valdoria.example".to_owned(),
            },
            accessibility_statement_url: "https://form.agid.gov.it".to_owned(),
            patron_saint_day: Some("11-11".to_owned()),
        }
    }
}
