//! Starting a practice, reading it, and saving its draft at every step.

use chrono::{DateTime, NaiveDate, Utc};

use crate::audit::Origin;
use crate::platform::auth::{AccountId, Permission, Role};
use crate::platform::db::{self, DbConnection};
use crate::practices::rules::catalogue;
use crate::practices::rules::declaration::ResidenceDeclaration;
use crate::practices::rules::declaration_check::{self, Context, Issue};
use crate::practices::rules::lifecycle::{Action, State};
use crate::practices::rules::prefill::{self, AccountData, RegistryMember};
use crate::practices::rules::steps::Step;
use crate::practices::store::practices::{self as store, PracticeRow};
use crate::practices::transitions::Doer;
use crate::practices::Error;
use crate::registry::rules::vocabulary::Relationship;

/// Who is asking: the owner sees their own practices, the office (`practices.manage`)
/// those that reached it.
#[derive(Debug, Clone)]
pub struct Caller {
    pub account_id: AccountId,
    pub role: Role,
    pub label: String,
    pub office: bool,
}

impl Caller {
    pub fn of(user: &crate::platform::auth::AuthUser) -> Caller {
        Caller {
            account_id: user.account_id.clone(),
            role: user.role,
            label: user.label.clone(),
            office: user.permissions.contains(&Permission::PracticesManage),
        }
    }

    pub fn owns(&self, practice: &PracticeRow) -> bool {
        practice.account_id == self.account_id.as_str()
    }

    pub fn doer(&self) -> Doer<'_> {
        Doer {
            kind: if self.role == Role::Citizen {
                "citizen"
            } else {
                "office"
            },
            id: Some(self.account_id.as_str()),
            label: &self.label,
        }
    }
}

/// The practice if the caller may see it; a draft is its owner's alone.
pub fn visible(conn: &mut DbConnection, caller: &Caller, id: &str) -> Result<PracticeRow, Error> {
    let practice = store::find(conn, id)?.ok_or(Error::NotFound)?;
    let reached_office = State::IN_OFFICE.contains(&practice.state());
    if caller.owns(&practice) || (caller.office && reached_office) {
        Ok(practice)
    } else {
        Err(Error::NotFound)
    }
}

pub fn declaration_of(practice: &PracticeRow) -> ResidenceDeclaration {
    serde_json::from_str(&practice.data_json).unwrap_or_default()
}

/// The fields the registry or the account decide: read-only in the form.
pub fn locked(
    conn: &mut DbConnection,
    practice: &PracticeRow,
    declaration: &ResidenceDeclaration,
) -> Result<Vec<String>, Error> {
    let mut paths = Vec::new();
    let account_code =
        crate::accounts::find_account(conn, &practice.account_id)?.and_then(|a| a.fiscal_code);
    for (index, person) in declaration.persons.iter().enumerate() {
        if person.registry_person_id.is_some() {
            paths.extend(prefill::locked_paths(index));
        } else if person.applicant && account_code.is_some() {
            paths.push(format!("persons[{index}].fiscal_code"));
        }
    }
    Ok(paths)
}

pub fn issues(
    conn: &mut DbConnection,
    declaration: &ResidenceDeclaration,
    today: NaiveDate,
) -> Result<Vec<Issue>, Error> {
    // The one street the declaration names is looked up once; the check asks about it.
    let street = declaration.address.street.trim();
    let known = !street.is_empty() && crate::registry::streets::find(conn, street)?.is_some();
    let street_exists = |name: &str| known && name == street;
    Ok(declaration_check::check(
        declaration,
        &Context {
            today,
            street_exists: &street_exists,
        },
    ))
}

/// Where the registry places a person today: none of it for a person it does not list.
#[derive(Debug, Default)]
pub struct RegistryPosition {
    pub person_id: Option<String>,
    /// The person's family, the person included.
    pub members: Vec<RegistryMember>,
}

/// The applicant's family in the registry today, applicant included; empty for a person
/// the registry does not list.
pub fn registry_family(
    conn: &mut DbConnection,
    fiscal_code: Option<&str>,
    today: NaiveDate,
) -> Result<RegistryPosition, Error> {
    let Some(code) = fiscal_code else {
        return Ok(RegistryPosition::default());
    };
    let Some(person) = crate::registry::find_person_by_fiscal_code(conn, code)? else {
        return Ok(RegistryPosition::default());
    };
    let family = crate::registry::family_of_person_at(conn, &person.id, today)?;
    let Some(family) = family else {
        return Ok(RegistryPosition {
            person_id: Some(person.id.as_str().to_owned()),
            members: Vec::new(),
        });
    };
    let members = family
        .members
        .into_iter()
        .map(|m| RegistryMember {
            sex: m.person.sex(),
            person_id: m.person.id.as_str().to_owned(),
            surname: m.person.surname,
            name: m.person.name,
            birth_date: m.person.birth_date,
            birth_place_code: m.person.birth_place_code,
            fiscal_code: m.person.fiscal_code,
            citizenship: m.person.citizenship,
            relationship: Relationship::parse(&m.relationship)
                .unwrap_or(Relationship::OtherRelative),
        })
        .collect();
    Ok(RegistryPosition {
        person_id: Some(person.id.as_str().to_owned()),
        members,
    })
}

/// Starts a practice of `type_code` for a citizen, prefilled from the registry.
pub fn create(
    conn: &mut DbConnection,
    origin: &Origin,
    caller: &Caller,
    type_code: &str,
    now: DateTime<Utc>,
) -> Result<PracticeRow, Error> {
    let kind =
        catalogue::find(type_code).ok_or_else(|| Error::UnknownType(type_code.to_owned()))?;
    if caller.role != Role::Citizen {
        return Err(Error::NotNow {
            action: Action::Create,
            state: State::Draft,
        });
    }
    let account = crate::accounts::find_account(conn, caller.account_id.as_str())?
        .ok_or(Error::AccountGone)?;
    let today = crate::platform::italian_time::today(now);
    let position = registry_family(conn, account.fiscal_code.as_deref(), today)?;
    let (declaration, _) = prefill::start(
        &position.members,
        position.person_id.as_deref(),
        &AccountData {
            surname: account.surname.clone(),
            name: account.name.clone(),
            fiscal_code: account.fiscal_code.clone().unwrap_or_default(),
            email: account.email.clone(),
        },
    );
    let stamp = crate::mail::now_utc();
    let row = PracticeRow {
        id: uuid::Uuid::now_v7().to_string(),
        type_code: kind.code.to_owned(),
        account_id: caller.account_id.as_str().to_owned(),
        state: State::Draft.code().to_owned(),
        data_json: serde_json::to_string(&declaration)
            .map_err(|e| Error::Document(e.to_string()))?,
        step: Step::Applicant.code().to_owned(),
        version: 0,
        applicant_surname: account.surname,
        applicant_name: account.name,
        applicant_fiscal_code: account.fiscal_code.unwrap_or_default(),
        family_id: None,
        open_family_id: None,
        protocol_year: None,
        protocol_number: None,
        created_at: stamp,
        updated_at: stamp,
        submitted_at: None,
        registration_due: None,
        decision_due: None,
        registered_at: None,
        decided_at: None,
        assignee_id: None,
        assignee_label: None,
        decision_note: None,
        submit_idempotency_key: None,
        receipt_pdf: None,
    };
    db::transaction(conn, |conn| {
        store::insert(conn, &row)?;
        // The creation's own history row (no state change: a draft stays a draft).
        crate::practices::store::events::append(
            conn,
            &crate::practices::store::events::NewEvent {
                practice_id: &row.id,
                at: stamp,
                actor_kind: "citizen",
                actor_id: Some(caller.account_id.as_str()),
                actor_label: &caller.label,
                action: Action::Create.code(),
                from_state: None,
                to_state: State::Draft.code(),
                note: None,
            },
        )?;
        let entry = crate::audit::AuditEntry::new(
            crate::audit::Actor {
                id: Some(caller.account_id.as_str()),
                label: &caller.label,
            },
            crate::audit::actions::PRACTICE_CREATED,
        )
        .subject("practice", &row.id);
        crate::audit::record(conn, origin, entry)?;
        Ok::<_, Error>(())
    })?;
    Ok(row)
}

/// Keeps what the registry and the account decide: the persons prefilled from the
/// registry keep their particulars, and nobody can add a registry person the draft did
/// not have.
fn keep_locked(
    previous: &ResidenceDeclaration,
    mut next: ResidenceDeclaration,
) -> ResidenceDeclaration {
    next.persons
        .retain(|person| match &person.registry_person_id {
            None => true,
            Some(id) => previous
                .persons
                .iter()
                .any(|p| p.registry_person_id.as_deref() == Some(id)),
        });
    for person in &mut next.persons {
        let Some(id) = &person.registry_person_id else {
            continue;
        };
        if let Some(known) = previous
            .persons
            .iter()
            .find(|p| p.registry_person_id.as_deref() == Some(id))
        {
            person.surname = known.surname.clone();
            person.name = known.name.clone();
            person.sex = known.sex;
            person.birth_date = known.birth_date;
            person.birth_place_code = known.birth_place_code.clone();
            person.fiscal_code = known.fiscal_code.clone();
            person.citizenship = known.citizenship;
            person.applicant = known.applicant;
        }
    }
    // The applicant stays the applicant.
    if let Some(applicant) = previous.applicant() {
        let code = applicant.fiscal_code.clone();
        for person in &mut next.persons {
            person.applicant = person.fiscal_code == code
                && (person.registry_person_id == applicant.registry_person_id);
        }
        if !next.persons.iter().any(|p| p.applicant) {
            next.persons.insert(0, applicant.clone());
        }
    }
    next
}

/// Saves the draft as the citizen has it now, unless another device saved it since.
pub fn save(
    conn: &mut DbConnection,
    caller: &Caller,
    id: &str,
    declaration: ResidenceDeclaration,
    step: Step,
    version: i64,
) -> Result<PracticeRow, Error> {
    let practice = visible(conn, caller, id)?;
    if !caller.owns(&practice) || practice.state() != State::Draft {
        return Err(Error::NotNow {
            action: Action::Submit,
            state: practice.state(),
        });
    }
    let previous = declaration_of(&practice);
    let mut declaration = keep_locked(&previous, declaration);
    if let Some(applicant) = previous
        .applicant()
        .filter(|a| a.registry_person_id.is_none())
    {
        // A newcomer's codice fiscale is the account's.
        if !practice.applicant_fiscal_code.is_empty() {
            for person in declaration.persons.iter_mut().filter(|p| p.applicant) {
                person.fiscal_code = applicant.fiscal_code.clone();
            }
        }
    }
    let (surname, name) = declaration
        .applicant()
        .map(|a| {
            (
                a.surname.trim().to_uppercase(),
                a.name.trim().to_uppercase(),
            )
        })
        .filter(|(s, n)| !s.is_empty() && !n.is_empty())
        .unwrap_or((
            practice.applicant_surname.clone(),
            practice.applicant_name.clone(),
        ));
    let json = serde_json::to_string(&declaration).map_err(|e| Error::Document(e.to_string()))?;
    let saved = store::save_draft(
        conn,
        id,
        version,
        &json,
        step.code(),
        (&surname, &name, &practice.applicant_fiscal_code),
        crate::mail::now_utc(),
    )?;
    if !saved {
        return Err(Error::StaleDraft(version));
    }
    store::find(conn, id)?.ok_or(Error::NotFound)
}
