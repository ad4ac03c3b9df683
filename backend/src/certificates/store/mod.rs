pub mod certificates;
pub mod signing_keys;
