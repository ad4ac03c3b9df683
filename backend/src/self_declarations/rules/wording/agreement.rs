//! Words that agree with the sex of the person they describe: "nato/nata", "il proprio
//! padre", "tutrice", and both forms ("nato/a") when the sex is not known.

use super::super::fields::CIVIL_STATUSES;
use super::form::SHORT;
use crate::registry::rules::sex::Sex;
use crate::registry::rules::vocabulary::CivilStatus;

pub(super) fn agree<'s>(
    sex: Option<Sex>,
    male: &'s str,
    female: &'s str,
    either: &'s str,
) -> &'s str {
    match sex {
        Some(Sex::M) => male,
        Some(Sex::F) => female,
        None => either,
    }
}

/// "o", "a" or "o/a": the ending of a participle that agrees with `sex`.
pub(super) fn ending(sex: Option<Sex>) -> &'static str {
    agree(sex, "o", "a", "o/a")
}

pub(super) fn civil_status_label(status: CivilStatus, sex: Option<Sex>) -> String {
    match sex {
        Some(sex) => status.label_it(sex).to_owned(),
        None => CIVIL_STATUSES
            .iter()
            .find(|c| c.code == status.as_str())
            .map(|c| c.label.it.to_uppercase())
            .unwrap_or_default(),
    }
}

/// "il proprio padre", "la propria coniuge", …
pub(super) fn relative(code: Option<&str>, sex: Option<Sex>) -> String {
    let own = agree(sex, "il proprio", "la propria", "il/la proprio/a");
    match code {
        Some("coniuge") => format!("{own} coniuge"),
        Some("parte_unione_civile") => "la parte dell'unione civile".to_owned(),
        Some("padre") => "il proprio padre".to_owned(),
        Some("madre") => "la propria madre".to_owned(),
        Some("nonno") => "il proprio nonno".to_owned(),
        Some("nonna") => "la propria nonna".to_owned(),
        Some("figlio") => "il proprio figlio".to_owned(),
        Some("figlia") => "la propria figlia".to_owned(),
        Some("nipote") => format!("{own} nipote"),
        _ => format!("{own} {}", "_".repeat(SHORT)),
    }
}

pub(super) fn capacity(code: &str, sex: Option<Sex>) -> String {
    let female = sex == Some(Sex::F);
    match code {
        "legale_rappresentante" => "legale rappresentante",
        "tutore" if female => "tutrice",
        "tutore" => "tutore",
        "curatore" if female => "curatrice",
        "curatore" => "curatore",
        "amministratore_sostegno" if female => "amministratrice di sostegno",
        "amministratore_sostegno" => "amministratore di sostegno",
        other => other,
    }
    .to_owned()
}
