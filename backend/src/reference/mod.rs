//! Reference data compiled into the binary.

pub mod places;
