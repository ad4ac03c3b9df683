//! Issuing certificates (SPEC §4): reads the registry into the domain's facts, applies
//! the domain's rules and wording, has the document engine render, seal and sign the
//! PDF, and stores it in the repository. HTTP handlers and the command line call this.

pub mod facts;
pub mod issue;
pub mod keyring;
pub mod layout;
