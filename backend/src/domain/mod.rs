//! Pure domain rules: no I/O, no framework types.

pub mod fiscal_code;
pub mod registry;
pub mod sex;
