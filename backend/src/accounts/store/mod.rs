pub mod accounts;
pub mod groups;
pub mod password_resets;
pub mod sessions;
