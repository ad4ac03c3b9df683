pub mod families;
pub mod persons;
pub mod streets;
pub mod validity;
