//! Pure domain rules: no I/O, no framework types.

pub mod certificate_id;
pub mod certificates;
pub mod fiscal_code;
pub mod italian_time;
pub mod login_method;
pub mod login_throttle;
pub mod name_match;
pub mod password_policy;
pub mod permissions;
pub mod place_labels;
pub mod printable;
pub mod proof_of_work;
pub mod registry;
pub mod self_declarations;
pub mod sex;
pub mod smartcard;
