//! Self-declarations at work: the registry's prefill, the checks, the printed form and
//! the archive. The rules live in `domain::self_declarations`.

pub mod create;
pub mod layout;
pub mod prefill;
