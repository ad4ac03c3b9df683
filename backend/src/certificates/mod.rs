pub mod api;
pub mod issue;
pub mod keyring;
pub mod layout;
pub mod rules;
pub mod store;
