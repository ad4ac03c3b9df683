//! An application checks a person's declaration against the registry for a stated legal
//! purpose. The answer is yes/no per fact; the check is audit-logged with the
//! organisation and the purpose, and the person sees it in "Chi ha consultato i miei dati".

use chrono::Utc;

use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::platform::auth::ClientCaller;
use crate::platform::db::DbConnection;
use crate::registry::rules::checks::{compare, Declared, Outcome, Recorded};
use crate::registry::rules::vocabulary::CivilStatus;
use crate::registry::store::families::{family_of_person_at, find_person_by_fiscal_code};
use crate::registry::Error;

pub struct CheckRequest {
    pub fiscal_code: String,
    pub purpose: String,
    pub reference: Option<String>,
    pub declared: Declared,
}

pub fn check(
    conn: &mut DbConnection,
    origin: &Origin,
    client: &ClientCaller,
    request: &CheckRequest,
) -> Result<Outcome, Error> {
    let today = crate::platform::italian_time::today(Utc::now());
    let person = find_person_by_fiscal_code(conn, &request.fiscal_code)?;
    let recorded = match &person {
        Some(person) => {
            let resident = person.deregistered_on.is_none() && person.death_date.is_none();
            let family = family_of_person_at(conn, &person.id, today)?;
            let me = family
                .as_ref()
                .and_then(|f| f.members.iter().find(|m| m.person.id == person.id));
            Some(Recorded {
                resident,
                address: family
                    .as_ref()
                    .and_then(|f| f.address.as_ref())
                    .map(|a| (a.street.clone(), a.house_number.clone())),
                other_members: family
                    .as_ref()
                    .map(|f| {
                        f.members
                            .iter()
                            .filter(|m| m.person.id != person.id)
                            .map(|m| m.person.fiscal_code.clone())
                            .collect()
                    })
                    .unwrap_or_default(),
                civil_status: me
                    .and_then(|m| m.civil_status.as_deref())
                    .and_then(CivilStatus::parse),
            })
        }
        None => None,
    };
    let outcome = compare(&request.declared, recorded.as_ref());
    let label = client.label();
    let actor = Actor {
        id: None,
        label: &label,
    };
    let mut entry = AuditEntry::new(actor, actions::REGISTRY_CHECKED);
    if let Some(person) = &person {
        entry = entry.subject("person", person.id.as_str());
    }
    entry.reason = Some(&request.purpose);
    entry.details = serde_json::json!({
        "client_id": client.client_id,
        "client_name": client.name,
        "organisation": client.organisation,
        "fiscal_code": request.fiscal_code,
        "reference": request.reference,
        "purpose_id": client.purpose_id,
        "checked": outcome.checked(),
        "all_confirmed": outcome.all_confirmed(),
        "at": Utc::now().to_rfc3339(),
    });
    audit::record(conn, origin, entry)?;
    Ok(outcome)
}
