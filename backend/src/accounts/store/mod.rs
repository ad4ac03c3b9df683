pub mod accounts;
pub mod groups;
pub mod holders;
pub mod password_resets;
pub mod sessions;
