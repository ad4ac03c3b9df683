//! The permissions of the back office. Groups hold permissions; accounts belong to
//! groups; every protected handler names the one permission it needs.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
pub enum Permission {
    /// Identify citizens at the counter: activate or reject pending accounts.
    #[serde(rename = "accounts.identify")]
    AccountsIdentify,
    /// Manage accounts: lock, unlock, reset passwords, assign groups.
    #[serde(rename = "accounts.manage")]
    AccountsManage,
    /// Create and change groups and their permissions.
    #[serde(rename = "groups.manage")]
    GroupsManage,
    /// Read and export the audit log, verify its chain.
    #[serde(rename = "audit.read")]
    AuditRead,
    /// See the mail outbox and delivery failures.
    #[serde(rename = "mail.read")]
    MailRead,
    /// Retry failed mails.
    #[serde(rename = "mail.manage")]
    MailManage,
    /// Read any person's registry position (operators).
    #[serde(rename = "registry.read")]
    RegistryRead,
    /// Revoke an issued certificate (issued on wrong data, or by mistake).
    #[serde(rename = "certificates.revoke")]
    CertificatesRevoke,
    /// Work the citizens' practices: take in charge, register, request integrations,
    /// approve (which changes the registry) and reject.
    #[serde(rename = "practices.manage")]
    PracticesManage,
    /// Set up the desks, book for citizens, move, cancel and mark appointments, read the
    /// desks' agendas.
    #[serde(rename = "appointments.manage")]
    AppointmentsManage,
    /// Register third-party applications, renew and revoke their credentials.
    #[serde(rename = "clients.manage")]
    ClientsManage,
}

impl Permission {
    pub const ALL: [Permission; 11] = [
        Permission::AccountsIdentify,
        Permission::AccountsManage,
        Permission::GroupsManage,
        Permission::AuditRead,
        Permission::MailRead,
        Permission::MailManage,
        Permission::RegistryRead,
        Permission::CertificatesRevoke,
        Permission::PracticesManage,
        Permission::AppointmentsManage,
        Permission::ClientsManage,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Permission::AccountsIdentify => "accounts.identify",
            Permission::AccountsManage => "accounts.manage",
            Permission::GroupsManage => "groups.manage",
            Permission::AuditRead => "audit.read",
            Permission::MailRead => "mail.read",
            Permission::MailManage => "mail.manage",
            Permission::RegistryRead => "registry.read",
            Permission::CertificatesRevoke => "certificates.revoke",
            Permission::PracticesManage => "practices.manage",
            Permission::AppointmentsManage => "appointments.manage",
            Permission::ClientsManage => "clients.manage",
        }
    }

    pub fn parse(code: &str) -> Option<Permission> {
        Permission::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Permission::AccountsIdentify => {
                ("Identificazione allo sportello", "Counter identification")
            }
            Permission::AccountsManage => ("Gestione utenti", "User management"),
            Permission::GroupsManage => ("Gestione gruppi e permessi", "Groups and permissions"),
            Permission::AuditRead => ("Consultazione del registro delle operazioni", "Audit log"),
            Permission::MailRead => ("Consultazione della posta in uscita", "Outgoing mail"),
            Permission::MailManage => {
                ("Gestione della posta in uscita", "Outgoing mail management")
            }
            Permission::RegistryRead => ("Consultazione dell'anagrafe", "Registry look-up"),
            Permission::CertificatesRevoke => ("Revoca dei certificati", "Certificate revocation"),
            Permission::PracticesManage => ("Lavorazione delle pratiche", "Practice processing"),
            Permission::AppointmentsManage => {
                ("Sportelli e appuntamenti", "Desks and appointments")
            }
            Permission::ClientsManage => {
                ("Applicazioni di terze parti", "Third-party applications")
            }
        }
    }
}

/// The kind of account; the back office is for operators and administrators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Citizen,
    Operator,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Citizen => "citizen",
            Role::Operator => "operator",
            Role::Admin => "admin",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        [Role::Citizen, Role::Operator, Role::Admin]
            .into_iter()
            .find(|r| r.as_str() == value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_match_serde() {
        for permission in Permission::ALL {
            assert_eq!(Permission::parse(permission.code()), Some(permission));
            let json = serde_json::to_string(&permission).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", permission.code()));
        }
    }
}
