//! Driving licences and vehicles of the persons who move: the Motorizzazione updates
//! their address from the registry's communication, so their numbers must be right.

use chrono::NaiveDate;

use super::declaration::{DeclaredPerson, Vehicle, VehicleKind};
use super::declaration_check::Issues;
use super::steps::Step;

pub const LICENCE_CATEGORIES: [&str; 15] = [
    "AM", "A1", "A2", "A", "B1", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE",
];

pub(super) fn check(person: &DeclaredPerson, path: &str, today: NaiveDate, issues: &mut Issues) {
    let step = Step::LicencesAndVehicles;
    if person.has_driving_licence {
        let licence = person.driving_licence.clone().unwrap_or_default();
        let number = licence.number.trim();
        if !(5..=20).contains(&number.len()) || !number.chars().all(|c| c.is_ascii_alphanumeric()) {
            issues.add(
                format!("{path}.driving_licence.number"),
                step,
                "Indicare il numero della patente (da 5 a 20 lettere e cifre).",
                "Give the licence number (5 to 20 letters and digits).",
            );
        }
        if !LICENCE_CATEGORIES.contains(&licence.category.trim().to_uppercase().as_str()) {
            issues.add(
                format!("{path}.driving_licence.category"),
                step,
                "Indicare la categoria della patente.",
                "Give the licence category.",
            );
        }
        issues.required(
            &licence.issued_by,
            format!("{path}.driving_licence.issued_by"),
            step,
        );
        if licence.issued_on.is_none_or(|d| d > today) {
            issues.add(
                format!("{path}.driving_licence.issued_on"),
                step,
                "Indicare la data di rilascio (non futura).",
                "Give the date of issue (not in the future).",
            );
        }
    }
    if person.has_vehicles && person.vehicles.is_empty() {
        issues.add(
            format!("{path}.vehicles"),
            step,
            "Indicare almeno un veicolo.",
            "Add at least one vehicle.",
        );
    }
    for (index, vehicle) in person.vehicles.iter().enumerate() {
        if !plate_is_valid(vehicle) {
            issues.add(
                format!("{path}.vehicles[{index}].plate"),
                step,
                "La targa non ha il formato italiano di questo tipo di veicolo (ad esempio AB123CD per un'autovettura).",
                "The plate does not have the Italian format of this kind of vehicle (e.g. AB123CD for a car).",
            );
        }
    }
}

/// Italian plates since 1994 (cars: AB123CD, motorcycles: AB12345, mopeds: X23456 style
/// six characters, trailers: XA123BC); other vehicles: 4 to 10 letters and digits.
pub fn plate_is_valid(vehicle: &Vehicle) -> bool {
    let plate: String = vehicle
        .plate
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let b = plate.as_bytes();
    let letter = |c: &u8| c.is_ascii_uppercase() && !b"IOQU".contains(c);
    let digit = |c: &u8| c.is_ascii_digit();
    match vehicle.kind {
        VehicleKind::Car => {
            b.len() == 7
                && b[..2].iter().all(letter)
                && b[2..5].iter().all(digit)
                && b[5..].iter().all(letter)
        }
        VehicleKind::Motorcycle => {
            b.len() == 7 && b[..2].iter().all(letter) && b[2..].iter().all(digit)
        }
        VehicleKind::Moped => {
            b.len() == 6
                && b.iter().all(|c| c.is_ascii_alphanumeric())
                && b.iter().any(|c| c.is_ascii_digit())
                && b.iter().any(|c| c.is_ascii_uppercase())
        }
        VehicleKind::Trailer => {
            b.len() == 7
                && b[0] == b'X'
                && letter(&b[1])
                && b[2..5].iter().all(digit)
                && b[5..].iter().all(letter)
        }
        VehicleKind::Other => {
            (4..=10).contains(&b.len()) && b.iter().all(|c| c.is_ascii_alphanumeric())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plate(kind: VehicleKind, plate: &str) -> bool {
        plate_is_valid(&Vehicle {
            kind,
            plate: plate.to_owned(),
        })
    }

    #[test]
    fn italian_plates_follow_their_kind() {
        assert!(plate(VehicleKind::Car, "AB123CD"));
        assert!(plate(VehicleKind::Car, "ab 123 cd"));
        assert!(
            !plate(VehicleKind::Car, "AI123CD"),
            "I is not used on plates"
        );
        assert!(!plate(VehicleKind::Car, "AB1234C"));
        assert!(plate(VehicleKind::Motorcycle, "AB12345"));
        assert!(!plate(VehicleKind::Motorcycle, "AB123CD"));
        assert!(plate(VehicleKind::Moped, "X2345Y"));
        assert!(!plate(VehicleKind::Moped, "123456"));
        assert!(plate(VehicleKind::Trailer, "XA123BC"));
        assert!(!plate(VehicleKind::Trailer, "AA123BC"));
        assert!(plate(VehicleKind::Other, "ABC12"));
        assert!(!plate(VehicleKind::Other, "AB-12"));
    }
}
