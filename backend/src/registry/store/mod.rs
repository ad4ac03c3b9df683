pub mod families;
pub mod persons;
