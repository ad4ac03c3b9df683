pub mod api;
pub mod facts;
pub mod places;
pub mod rules;
pub mod store;
