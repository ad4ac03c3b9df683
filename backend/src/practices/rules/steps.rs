//! The steps of the residence declaration, in the order seed 000 shows them.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::platform::i18n::StaticText;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The document checklist, with the templates to download.
    Documents,
    /// The kind of declaration, the applicant's particulars and contacts.
    Applicant,
    /// Who moves: the whole family or chosen members, persons added.
    Movers,
    /// Driving licences and vehicles of those who have them.
    LicencesAndVehicles,
    /// The new address, the title of occupancy, the persons already living there.
    Dwelling,
    Attachments,
    /// The "specchio riepilogativo".
    Summary,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Documents,
        Step::Applicant,
        Step::Movers,
        Step::LicencesAndVehicles,
        Step::Dwelling,
        Step::Attachments,
        Step::Summary,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Step::Documents => "documents",
            Step::Applicant => "applicant",
            Step::Movers => "movers",
            Step::LicencesAndVehicles => "licences_and_vehicles",
            Step::Dwelling => "dwelling",
            Step::Attachments => "attachments",
            Step::Summary => "summary",
        }
    }

    pub fn parse(code: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn title(self) -> StaticText {
        match self {
            Step::Documents => StaticText::new("Documenti da allegare", "Documents to attach"),
            Step::Applicant => StaticText::new("Dati del richiedente", "Applicant"),
            Step::Movers => StaticText::new("Chi si trasferisce", "Who moves"),
            Step::LicencesAndVehicles => {
                StaticText::new("Patenti e veicoli", "Driving licences and vehicles")
            }
            Step::Dwelling => StaticText::new("Nuova abitazione", "New dwelling"),
            Step::Attachments => StaticText::new("Allegati", "Attachments"),
            Step::Summary => StaticText::new("Riepilogo", "Summary"),
        }
    }
}
