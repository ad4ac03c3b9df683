//! "Chi ha consultato i miei dati": the citizen's view of what others did with their
//! registry data. It reads the audit log, the certificates and the registry, and nothing
//! depends on it.

pub mod api;
