//! The groups every installation starts with.

use crate::platform::auth::Permission;

/// The groups every installation starts with, one per role; admins may change their
/// permissions and create others.
pub struct BuiltInGroup {
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub role: &'static str,
    pub permissions: &'static [Permission],
}

pub const BUILT_IN_GROUPS: [BuiltInGroup; 2] = [
    BuiltInGroup {
        id: "operatori-anagrafe",
        name: "Operatori anagrafe",
        description: "Personale dell'Ufficio Servizi Demografici",
        role: "operator",
        permissions: &[
            Permission::AccountsIdentify,
            Permission::RegistryRead,
            Permission::AuditRead,
            Permission::CertificatesRevoke,
            Permission::PracticesManage,
            Permission::AppointmentsManage,
        ],
    },
    BuiltInGroup {
        id: "amministratori",
        name: "Amministratori",
        description: "Amministratori del sistema informativo comunale",
        role: "admin",
        permissions: &Permission::ALL,
    },
];
