//! The change-of-residence declaration as the citizen fills it in (the ANPR form, circ.
//! Ministero dell'Interno 9/2012). A draft may hold any part of it; `check` says what a
//! declaration still lacks before it can be submitted.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::registry::rules::sex::Sex;
use crate::registry::rules::vocabulary::Relationship;

/// Where the declarant comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    /// Residence from another Italian municipality.
    FromOtherMunicipality,
    /// Residence from abroad.
    FromAbroad,
    /// Change of address inside the municipality.
    WithinMunicipality,
    /// Any other case (e.g. return after cancellation for untraceability); described.
    Other,
}

impl MoveKind {
    pub const ALL: [MoveKind; 4] = [
        MoveKind::WithinMunicipality,
        MoveKind::FromOtherMunicipality,
        MoveKind::FromAbroad,
        MoveKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MoveKind::FromOtherMunicipality => "from_other_municipality",
            MoveKind::FromAbroad => "from_abroad",
            MoveKind::WithinMunicipality => "within_municipality",
            MoveKind::Other => "other",
        }
    }

    /// Whether the movers are already in this municipality's registry.
    pub fn movers_are_residents(self) -> bool {
        self == MoveKind::WithinMunicipality
    }
}

/// Citizenship as the form asks it: IT, UE, Extra UE.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Citizenship {
    It,
    Eu,
    NonEu,
}

impl Citizenship {
    pub const ALL: [Citizenship; 3] = [Citizenship::It, Citizenship::Eu, Citizenship::NonEu];

    pub fn code(self) -> &'static str {
        match self {
            Citizenship::It => "it",
            Citizenship::Eu => "eu",
            Citizenship::NonEu => "non_eu",
        }
    }

    /// The citizenship the registry records for a newcomer.
    pub fn registry_label(self) -> &'static str {
        match self {
            Citizenship::It => "ITALIANA",
            Citizenship::Eu => "UE",
            Citizenship::NonEu => "EXTRA UE",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum VehicleKind {
    Car,
    Motorcycle,
    Moped,
    Trailer,
    Other,
}

impl VehicleKind {
    pub const ALL: [VehicleKind; 5] = [
        VehicleKind::Car,
        VehicleKind::Motorcycle,
        VehicleKind::Moped,
        VehicleKind::Trailer,
        VehicleKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            VehicleKind::Car => "car",
            VehicleKind::Motorcycle => "motorcycle",
            VehicleKind::Moped => "moped",
            VehicleKind::Trailer => "trailer",
            VehicleKind::Other => "other",
        }
    }
}

/// The title by which the declarant occupies the dwelling (art. 5 DL 47/2014).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OccupancyTitle {
    Owner,
    RegisteredLease,
    FreeLoan,
    Usufruct,
    PublicHousing,
    Other,
}

impl OccupancyTitle {
    pub const ALL: [OccupancyTitle; 6] = [
        OccupancyTitle::Owner,
        OccupancyTitle::RegisteredLease,
        OccupancyTitle::FreeLoan,
        OccupancyTitle::Usufruct,
        OccupancyTitle::PublicHousing,
        OccupancyTitle::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OccupancyTitle::Owner => "owner",
            OccupancyTitle::RegisteredLease => "registered_lease",
            OccupancyTitle::FreeLoan => "free_loan",
            OccupancyTitle::Usufruct => "usufruct",
            OccupancyTitle::PublicHousing => "public_housing",
            OccupancyTitle::Other => "other",
        }
    }

    /// Ownership and usufruct are proved by the cadastral data of the dwelling.
    pub fn needs_cadastre(self) -> bool {
        matches!(self, OccupancyTitle::Owner | OccupancyTitle::Usufruct)
    }

    /// Rent and free loan are proved by the contract's registration (office, number, date).
    pub fn needs_registration(self) -> bool {
        matches!(
            self,
            OccupancyTitle::RegisteredLease | OccupancyTitle::FreeLoan
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct DrivingLicence {
    #[schema(example = "U1A234567B")]
    pub number: String,
    /// A, A1, A2, AM, B, B1, BE, C, C1, CE, C1E, D, D1, DE, D1E.
    #[schema(example = "B")]
    pub category: String,
    #[schema(example = "MIT-UCO")]
    pub issued_by: String,
    pub issued_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Vehicle {
    pub kind: VehicleKind,
    #[schema(example = "AB123CD")]
    pub plate: String,
}

/// One person of the declaration: the applicant, a member of the applicant's family, or
/// a person added ("inserisci nuovo").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct DeclaredPerson {
    /// The registry person this row was prefilled from; their particulars are locked.
    pub registry_person_id: Option<String>,
    pub applicant: bool,
    /// Whether this person moves ("intero nucleo familiare" ticks every member).
    pub moves: bool,
    pub surname: String,
    pub name: String,
    pub sex: Option<Sex>,
    pub birth_date: Option<NaiveDate>,
    /// Belfiore code of the birth municipality or state.
    #[schema(example = "H501")]
    pub birth_place_code: String,
    pub fiscal_code: String,
    pub citizenship: Option<Citizenship>,
    /// Relationship to the applicant (none for the applicant).
    pub relationship: Option<Relationship>,
    pub has_driving_licence: bool,
    pub driving_licence: Option<DrivingLicence>,
    pub has_vehicles: bool,
    pub vehicles: Vec<Vehicle>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct NewAddress {
    /// A street of the municipality's street list (`GET /streets`).
    #[schema(example = "Via Garibaldi")]
    pub street: String,
    #[schema(example = "12")]
    pub house_number: String,
    pub interior: String,
    pub staircase: String,
    pub floor: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct Occupancy {
    pub title: Option<OccupancyTitle>,
    /// What the title is, when `other`.
    pub other_title: String,
    /// The Agenzia delle Entrate office where the contract is registered.
    pub registration_office: String,
    pub registration_number: String,
    pub registration_date: Option<NaiveDate>,
    pub cadastral_section: String,
    pub cadastral_sheet: String,
    pub cadastral_parcel: String,
    pub cadastral_subparcel: String,
}

/// A person already resident at the new address (one is enough to name the family).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct ExistingResident {
    pub surname: String,
    pub name: String,
    pub birth_date: Option<NaiveDate>,
    pub fiscal_code: String,
    /// The applicant's relationship to the head of that family when the movers join it;
    /// none when there is no bond (the movers form a family of their own there).
    pub bond: Option<Relationship>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct Contacts {
    pub phone: String,
    pub mobile: String,
    pub email: String,
    pub pec: String,
}

/// The declaration. Every part may be missing in a draft.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct ResidenceDeclaration {
    pub kind: Option<MoveKind>,
    /// What the case is, when `kind` is `other`.
    pub other_kind: String,
    /// Belfiore code of the municipality or state of the previous residence (not for a
    /// change inside the municipality).
    pub previous_place_code: String,
    /// The address abroad, when coming from abroad.
    pub previous_address_abroad: String,
    /// Every member of the applicant's family moves.
    pub whole_family: bool,
    pub persons: Vec<DeclaredPerson>,
    pub address: NewAddress,
    pub occupancy: Occupancy,
    /// Persons already living at the new address, if any.
    pub existing_resident: Option<ExistingResident>,
    pub contacts: Contacts,
}

impl ResidenceDeclaration {
    pub fn applicant(&self) -> Option<&DeclaredPerson> {
        self.persons.iter().find(|p| p.applicant)
    }

    pub fn movers(&self) -> impl Iterator<Item = &DeclaredPerson> {
        self.persons.iter().filter(|p| p.moves)
    }
}
