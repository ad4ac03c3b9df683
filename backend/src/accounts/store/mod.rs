pub mod accounts;
pub mod groups;
pub mod holders;
pub mod login_names;
pub mod password_resets;
pub mod sessions;
