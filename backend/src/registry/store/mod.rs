pub mod families;
pub mod persons;
pub mod validity;
