//! How places and addresses are written on the family record and on certificates:
//! "MANTOVA (MN)" for a comune, "FRANCIA" for a foreign state, in capitals as the
//! registry prints them.

use chrono::NaiveDate;

use crate::registry::places::{self, PlaceKind};
use crate::registry::rules::vocabulary::ITALIAN_CITIZENSHIP;

/// The place of birth by its Belfiore code, under the name it had on the birth date.
/// An unknown code is printed as it is rather than hidden.
pub fn birth_place(code: &str, birth_date: NaiveDate) -> String {
    match places::by_code_at(code, birth_date) {
        Some(place) => match (&place.kind, &place.province) {
            (PlaceKind::Comune, Some(province)) => {
                format!("{} ({})", place.name.to_uppercase(), province)
            }
            _ => place.name.to_uppercase(),
        },
        None => code.to_owned(),
    }
}

/// The preposition before a place: "a MANTOVA (MN)", "a Verona", but "in FRANCIA" for a
/// foreign state (as the place tables name it).
pub fn preposition(place: &str) -> &'static str {
    let place = place.trim();
    if place.ends_with(')') {
        return "a";
    }
    let upper = place.to_uppercase();
    let is_state = places::search(place, 50)
        .iter()
        .any(|p| p.kind == PlaceKind::State && p.name.to_uppercase() == upper);
    if is_state {
        "in"
    } else {
        "a"
    }
}

/// "ITALIANA" for Italians; otherwise the state of citizenship ("FRANCIA").
pub fn citizenship(code: &str) -> String {
    if code == ITALIAN_CITIZENSHIP {
        return "ITALIANA".to_owned();
    }
    places::by_code(code)
        .map(|place| place.name.to_uppercase())
        .unwrap_or_else(|| code.to_owned())
}

/// The street line: "VIA ROMA, 12 int. 3".
pub fn street_line(street: &str, house_number: &str, interior: Option<&str>) -> String {
    let mut line = format!("{}, {}", street.to_uppercase(), house_number.to_uppercase());
    if let Some(interior) = interior.filter(|i| !i.trim().is_empty()) {
        line.push_str(" int. ");
        line.push_str(interior.trim());
    }
    line
}

/// The whole address: "VIA ROMA, 12 - 00099 VALDORIA".
pub fn full_address(
    street: &str,
    house_number: &str,
    interior: Option<&str>,
    postcode: &str,
    city: &str,
) -> String {
    format!(
        "{} - {} {}",
        street_line(street, house_number, interior),
        postcode,
        city.to_uppercase()
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn municipalities_take_a_and_foreign_states_in() {
        assert_eq!(preposition("MANTOVA (MN)"), "a");
        assert_eq!(preposition("Verona"), "a");
        assert_eq!(preposition("FRANCIA"), "in");
        assert_eq!(preposition(" Francia "), "in");
        assert_eq!(preposition("Parigi (Francia)"), "a");
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn comuni_carry_their_province_and_states_do_not() {
        assert_eq!(birth_place("E897", date(1980, 1, 1)), "MANTOVA (MN)");
        assert_eq!(birth_place("Z110", date(1980, 1, 1)), "FRANCIA");
        assert_eq!(birth_place("Q999", date(1980, 1, 1)), "Q999");
    }

    #[test]
    fn the_name_in_use_at_birth_is_printed() {
        assert_eq!(birth_place("A001", date(1920, 5, 1)), "ABANO (PD)");
        assert_eq!(birth_place("A001", date(1990, 5, 1)), "ABANO TERME (PD)");
    }

    #[test]
    fn addresses_and_citizenship() {
        assert_eq!(citizenship("IT"), "ITALIANA");
        assert_eq!(citizenship("Z110"), "FRANCIA");
        assert_eq!(
            full_address("Via Roma", "12", Some("3"), "00099", "Valdoria"),
            "VIA ROMA, 12 int. 3 - 00099 VALDORIA"
        );
        assert_eq!(street_line("Via Po", "1", Some(" ")), "VIA PO, 1");
    }
}
