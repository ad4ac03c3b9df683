//! Sex as recorded in the registry and encoded in the codice fiscale.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Sex as the registry records it: `M` or `F`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum Sex {
    M,
    F,
}

impl Sex {
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::M => "M",
            Sex::F => "F",
        }
    }

    pub fn parse(value: &str) -> Option<Sex> {
        match value {
            "M" | "m" => Some(Sex::M),
            "F" | "f" => Some(Sex::F),
            _ => None,
        }
    }
}
