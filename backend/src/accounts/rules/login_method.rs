//! How a session began, and what that means for the first-login password change.

/// Stored with every refresh token of a session, so that a refresh keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginMethod {
    /// Codice fiscale or user name, and password.
    Password,
    /// A smart card's client certificate (CNS/CRS), verified at the TLS handshake.
    SmartCard,
    /// SPID, through an identity provider of the OpenID Connect Federation.
    Spid,
    /// CIE id (the electronic identity card), through the same federation.
    Cie,
}

impl LoginMethod {
    /// The method of a login through an identity provider of this kind.
    pub fn of_provider(kind: crate::platform::settings::federation::ProviderKind) -> LoginMethod {
        use crate::platform::settings::federation::ProviderKind;
        match kind {
            ProviderKind::Spid => LoginMethod::Spid,
            ProviderKind::Cie => LoginMethod::Cie,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            LoginMethod::Password => "password",
            LoginMethod::SmartCard => "smartcard",
            LoginMethod::Spid => "spid",
            LoginMethod::Cie => "cie",
        }
    }

    /// An unknown value counts as a password login: the stricter of the two.
    pub fn from_stored(value: &str) -> LoginMethod {
        match value {
            "smartcard" => LoginMethod::SmartCard,
            "spid" => LoginMethod::Spid,
            "cie" => LoginMethod::Cie,
            _ => LoginMethod::Password,
        }
    }

    /// Whether the session must change the password before anything else. The forced
    /// change replaces the password the portal generated and mailed; it protects sessions
    /// opened *with* that password. A smart card, SPID or CIE proves who the holder is
    /// without it, so their sessions go ahead — the account keeps the flag, and its next password login
    /// still has to change the password.
    pub fn must_change_password(self, account_must_change: bool) -> bool {
        match self {
            LoginMethod::Password => account_must_change,
            LoginMethod::SmartCard | LoginMethod::Spid | LoginMethod::Cie => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_password_sessions_wait_for_the_forced_change() {
        assert!(LoginMethod::Password.must_change_password(true));
        assert!(!LoginMethod::Password.must_change_password(false));
        assert!(!LoginMethod::SmartCard.must_change_password(true));
        assert!(!LoginMethod::SmartCard.must_change_password(false));
        assert!(!LoginMethod::Spid.must_change_password(true));
        assert!(!LoginMethod::Cie.must_change_password(true));
    }

    #[test]
    fn the_stored_name_round_trips_and_unknown_names_are_passwords() {
        for method in [
            LoginMethod::Password,
            LoginMethod::SmartCard,
            LoginMethod::Spid,
            LoginMethod::Cie,
        ] {
            assert_eq!(LoginMethod::from_stored(method.as_str()), method);
        }
        assert_eq!(LoginMethod::from_stored("saml"), LoginMethod::Password);
        assert_eq!(LoginMethod::from_stored(""), LoginMethod::Password);
    }
}
