pub mod accounts;
pub mod federation_logins;
pub mod groups;
pub mod holders;
pub mod login_names;
pub mod password_resets;
pub mod sessions;
