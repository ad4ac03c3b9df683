pub mod federation;
pub mod groups;
pub mod login_method;
pub mod privileges;
pub mod proof_of_work;
pub mod smartcard;
pub mod status;
pub mod username;
