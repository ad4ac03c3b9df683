//! What the portal fills in before the declarant does: the particulars (locked) and,
//! for a resident, the registry's facts (editable); and how a submission is reconciled
//! with them.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::catalogue::DeclarationKind;
use super::fields::Source;
use super::values::{Member, Values};
use crate::document::printable::date_article;
use crate::document::printable::format_date;
use crate::platform::i18n::Text;
use crate::platform::validation::FieldError;
use crate::registry::facts::SubjectFacts;
use crate::registry::rules::place_labels;
use crate::registry::rules::sex::Sex;
use crate::registry::rules::vocabulary::CivilStatus;

/// The declarant's particulars as the account holds them (identified at the counter).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountIdentity {
    pub surname: String,
    pub name: String,
    pub fiscal_code: Option<String>,
    pub sex: Option<Sex>,
    pub birth_date: Option<NaiveDate>,
    pub birth_place: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prefill {
    pub values: Values,
    /// Fields the declarant may not change.
    pub locked: BTreeSet<&'static str>,
    /// Fields whose value came from the registry (locked or not).
    pub from_registry: BTreeSet<&'static str>,
    /// Whether the registry knows the declarant as a resident.
    pub resident: bool,
}

/// The form of `kind` as the portal fills it: from the registry when `facts` are of a
/// resident, otherwise the particulars the account holds.
pub fn prefill(
    kind: DeclarationKind,
    account: &AccountIdentity,
    facts: Option<&SubjectFacts>,
) -> Prefill {
    let mut out = Prefill::default();
    let resident = facts.filter(|f| f.resident);
    let mut set = |key: &'static str, value: Option<String>, registry: bool| {
        let Some(value) = value.filter(|v| !v.trim().is_empty()) else {
            return;
        };
        let Some(spec) = kind.field(key) else {
            return;
        };
        if spec.source == Source::Identity {
            out.locked.insert(key);
        }
        if registry {
            out.from_registry.insert(key);
        }
        out.values.fields.insert(key.to_owned(), value);
    };
    match resident {
        Some(f) => {
            set("surname", Some(f.surname.clone()), true);
            set("name", Some(f.name.clone()), true);
            set("sex", Some(f.sex.as_str().to_owned()), true);
            set("birth_date", Some(f.birth_date.to_string()), true);
            set("birth_place", Some(f.birth_place.clone()), true);
            set("fiscal_code", Some(f.fiscal_code.clone()), true);
            set(
                "residence_municipality",
                Some(f.municipality_name.clone()),
                true,
            );
            set("residence_address", f.address.clone(), true);
            set(
                "citizenship",
                Some(place_labels::citizenship(&f.citizenship_code)),
                true,
            );
            set(
                "electoral_municipality",
                f.is_elector.then(|| f.municipality_name.clone()),
                true,
            );
            set(
                "civil_status",
                f.civil_status.map(|s| s.as_str().to_owned()),
                true,
            );
            set("civil_status_detail", civil_status_detail(f), true);
        }
        None => {
            set("surname", Some(account.surname.to_uppercase()), false);
            set("name", Some(account.name.to_uppercase()), false);
            set("sex", account.sex.map(|s| s.as_str().to_owned()), false);
            set(
                "birth_date",
                account.birth_date.map(|d| d.to_string()),
                false,
            );
            set("birth_place", account.birth_place.clone(), false);
            set("fiscal_code", account.fiscal_code.clone(), false);
        }
    }
    if let Some(f) = resident {
        if kind.field("members").is_some() && !f.family.is_empty() {
            out.values.members = f
                .family
                .iter()
                .map(|m| Member {
                    surname: m.surname.clone(),
                    name: m.name.clone(),
                    birth_date: m.birth_date.to_string(),
                    birth_place: m.birth_place.clone(),
                    relationship: m.relationship.label_it(m.sex).to_owned(),
                })
                .collect();
            out.from_registry.insert("members");
        }
    }
    out.resident = resident.is_some();
    out
}

/// "con ROSSI MARIO dal 12/06/2010" for the married and those in a civil union.
fn civil_status_detail(f: &SubjectFacts) -> Option<String> {
    let union = match f.civil_status? {
        CivilStatus::Married => f.marriage.as_ref()?,
        CivilStatus::CivilUnion => f.civil_union.as_ref()?,
        _ => return None,
    };
    let since = if date_article(union.date) == "l'" {
        "dall'"
    } else {
        "dal "
    };
    Some(format!(
        "con {} {since}{}",
        union.partner.full(),
        format_date(union.date)
    ))
}

/// The submission with the locked values in force: a locked field may be left out,
/// but not changed; a registry value left out stands. Returns the merged values and the registry fields the declarant
/// changed.
pub fn reconcile(
    prefill: &Prefill,
    submitted: &Values,
) -> Result<(Values, Vec<&'static str>), Vec<FieldError>> {
    let mut merged = submitted.clone();
    let mut issues = Vec::new();
    for key in &prefill.locked {
        let locked = prefill.values.fields.get(*key).cloned().unwrap_or_default();
        if let Some(given) = submitted.get(key) {
            if !same(given, &locked) {
                issues.push(FieldError {
                    field: (*key).to_owned(),
                    message: Text::new(
                        "Dato anagrafico del dichiarante: non si può modificare.",
                        "The declarant's particulars cannot be changed.",
                    ),
                });
            }
        }
        merged.fields.insert((*key).to_owned(), locked);
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    // A registry value left out stands; an empty string clears it.
    for key in &prefill.from_registry {
        if *key == "members" {
            if merged.members.is_empty() {
                merged.members = prefill.values.members.clone();
            }
        } else if !submitted.fields.contains_key(*key) {
            if let Some(value) = prefill.values.fields.get(*key) {
                merged.fields.insert((*key).to_owned(), value.clone());
            }
        }
    }
    let changed = prefill
        .from_registry
        .iter()
        .copied()
        .filter(|key| !prefill.locked.contains(key))
        .filter(|key| {
            if *key == "members" {
                merged.members != prefill.values.members
            } else {
                let original = prefill.values.fields.get(*key).map(String::as_str);
                !same(merged.get(key).unwrap_or(""), original.unwrap_or(""))
            }
        })
        .collect();
    Ok((merged, changed))
}

/// Equal up to spaces and letter case (the registry writes in capitals).
fn same(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_uppercase()
    };
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::facts::fixtures;

    fn resident() -> SubjectFacts {
        fixtures::mario()
    }

    #[test]
    fn a_resident_gets_particulars_locked_and_facts_editable() {
        let facts = resident();
        let filled = prefill(
            DeclarationKind::Family,
            &AccountIdentity::default(),
            Some(&facts),
        );
        assert!(filled.resident);
        assert_eq!(filled.values.get("surname"), Some(facts.surname.as_str()));
        assert!(filled.locked.contains("fiscal_code"));
        assert!(!filled.locked.contains("residence_address"));
        assert!(filled.from_registry.contains("residence_address"));
        assert_eq!(filled.values.members.len(), facts.family.len());
        // Fields of other kinds are not filled in.
        assert_eq!(filled.values.get("citizenship"), None);
    }

    #[test]
    fn a_non_resident_gets_the_accounts_particulars_only() {
        let account = AccountIdentity {
            surname: "Bianchi".into(),
            name: "Luca".into(),
            fiscal_code: Some("BNCLCU80A01F205X".into()),
            ..AccountIdentity::default()
        };
        let filled = prefill(DeclarationKind::Residence, &account, None);
        assert!(!filled.resident);
        assert_eq!(filled.values.get("surname"), Some("BIANCHI"));
        assert_eq!(filled.values.get("residence_address"), None);
        assert!(filled.from_registry.is_empty());
        assert!(filled.locked.contains("fiscal_code"));
        assert!(!filled.locked.contains("birth_date"), "unknown, so typed");
    }

    #[test]
    fn locked_values_may_be_omitted_but_not_changed() {
        let facts = resident();
        let filled = prefill(
            DeclarationKind::Residence,
            &AccountIdentity::default(),
            Some(&facts),
        );
        let mut submitted = Values::default();
        submitted
            .fields
            .insert("residence_address".into(), "VIA NUOVA, 1".into());
        let (merged, changed) = reconcile(&filled, &submitted).expect("omitted is fine");
        assert_eq!(merged.get("fiscal_code"), Some(facts.fiscal_code.as_str()));
        assert_eq!(changed, vec!["residence_address"]);

        submitted.fields.insert("surname".into(), "ALTRO".into());
        let issues = reconcile(&filled, &submitted).expect_err("changed");
        assert_eq!(issues[0].field, "surname");

        submitted
            .fields
            .insert("surname".into(), facts.surname.to_lowercase());
        assert!(reconcile(&filled, &submitted).is_ok(), "same up to case");
    }
}
