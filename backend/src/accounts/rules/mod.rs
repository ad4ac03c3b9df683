pub mod login_method;
pub mod permissions;
pub mod proof_of_work;
pub mod smartcard;
