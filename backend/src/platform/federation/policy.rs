//! Metadata policies (OpenID Federation 1.0 §6.1): a superior constrains what its
//! subordinates may declare. Applied here operator by operator, parameter by parameter,
//! with the operators the Italian federations use.

use serde_json::{Map, Value};

/// `metadata` after `policy` (both for one entity type), or the parameter and reason the
/// policy refuses.
pub fn apply(metadata: &Value, policy: &Value) -> Result<Value, String> {
    let mut result: Map<String, Value> = metadata.as_object().cloned().unwrap_or_default();
    let Some(policy) = policy.as_object() else {
        return Ok(Value::Object(result));
    };
    for (parameter, operators) in policy {
        let Some(operators) = operators.as_object() else {
            return Err(format!("{parameter}: the policy is not an object"));
        };
        apply_parameter(&mut result, parameter, operators)?;
    }
    Ok(Value::Object(result))
}

fn apply_parameter(
    metadata: &mut Map<String, Value>,
    parameter: &str,
    operators: &Map<String, Value>,
) -> Result<(), String> {
    // Order of §6.1.3: value, add, default, then the checks.
    if let Some(value) = operators.get("value") {
        if value.is_null() {
            metadata.remove(parameter);
        } else {
            metadata.insert(parameter.to_owned(), value.clone());
        }
    }
    if let Some(Value::Array(added)) = operators.get("add") {
        let mut current = as_list(metadata.get(parameter));
        for item in added {
            if !current.contains(item) {
                current.push(item.clone());
            }
        }
        metadata.insert(parameter.to_owned(), Value::Array(current));
    }
    if let Some(default) = operators.get("default") {
        metadata
            .entry(parameter.to_owned())
            .or_insert_with(|| default.clone());
    }
    if let Some(Value::Array(allowed)) = operators.get("one_of") {
        if let Some(current) = metadata.get(parameter) {
            if !allowed.contains(current) {
                return Err(format!("{parameter}: {current} is not one of {allowed:?}"));
            }
        }
    }
    if let Some(Value::Array(allowed)) = operators.get("subset_of") {
        if let Some(current) = metadata.get(parameter) {
            let kept: Vec<Value> = as_list(Some(current))
                .into_iter()
                .filter(|item| allowed.contains(item))
                .collect();
            if kept.is_empty() {
                metadata.remove(parameter);
            } else {
                metadata.insert(parameter.to_owned(), Value::Array(kept));
            }
        }
    }
    if let Some(Value::Array(required)) = operators.get("superset_of") {
        if let Some(current) = metadata.get(parameter) {
            let current = as_list(Some(current));
            if let Some(missing) = required.iter().find(|item| !current.contains(item)) {
                return Err(format!("{parameter}: must include {missing}"));
            }
        }
    }
    if operators.get("essential") == Some(&Value::Bool(true)) && !metadata.contains_key(parameter) {
        return Err(format!("{parameter}: essential and missing"));
    }
    Ok(())
}

/// A parameter as a list: arrays as they are, a space-separated string (`scope`) split.
fn as_list(value: Option<&Value>) -> Vec<Value> {
    match value {
        Some(Value::Array(items)) => items.clone(),
        Some(Value::String(text)) => text
            .split_whitespace()
            .map(|s| Value::String(s.to_owned()))
            .collect(),
        Some(other) => vec![other.clone()],
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use serde_json::json;

    #[test]
    fn value_add_and_default_shape_the_metadata() {
        let metadata = json!({"contacts": ["a@x"], "scope": "openid"});
        let policy = json!({
            "contacts": {"add": ["ops@ta"]},
            "organization_name": {"default": "Comune"},
            "client_registration_types": {"value": ["automatic"]},
        });
        let applied = apply(&metadata, &policy).unwrap();
        assert_eq!(applied["contacts"], json!(["a@x", "ops@ta"]));
        assert_eq!(applied["organization_name"], "Comune");
        assert_eq!(applied["client_registration_types"], json!(["automatic"]));
    }

    #[test]
    fn subset_of_narrows_and_superset_of_one_of_and_essential_refuse() {
        let metadata = json!({"scope": "openid offline_access profile", "alg": "RS256"});
        let applied = apply(
            &metadata,
            &json!({"scope": {"subset_of": ["openid", "offline_access"]}}),
        )
        .unwrap();
        assert_eq!(applied["scope"], json!(["openid", "offline_access"]));
        assert!(apply(&metadata, &json!({"scope": {"superset_of": ["email"]}})).is_err());
        assert!(apply(&metadata, &json!({"alg": {"one_of": ["ES256"]}})).is_err());
        assert!(apply(&metadata, &json!({"alg": {"one_of": ["ES256", "RS256"]}})).is_ok());
        assert!(apply(&metadata, &json!({"jwks": {"essential": true}})).is_err());
    }

    #[test]
    fn a_null_value_removes_the_parameter() {
        let applied = apply(
            &json!({"logo_uri": "x"}),
            &json!({"logo_uri": {"value": null}}),
        )
        .unwrap();
        assert!(applied.get("logo_uri").is_none());
    }
}
