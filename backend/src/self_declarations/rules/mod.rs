//! Self-declarations (autocertificazioni, D.P.R. 445/2000 artt. 46 and 47): the
//! catalogue of forms, their fields, what the registry fills in, the checks of what
//! the declarant writes, and the wording of the printed form. No I/O.

pub mod catalogue;
pub mod fields;
pub mod prefill;
pub mod values;
pub mod wording;

pub use catalogue::{Article, DeclarationKind};
pub use values::{Member, Values};
