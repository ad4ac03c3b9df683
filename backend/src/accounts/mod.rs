pub mod api;
pub mod login_audit;
pub mod password;
pub mod rules;
pub mod session;
pub mod store;
