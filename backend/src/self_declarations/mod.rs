pub mod api;
pub mod create;
pub mod layout;
pub mod prefill;
pub mod rules;
pub mod store;
