//! Identifiers that cannot be mixed up: `Id<Person>` and `Id<Account>` are both text in
//! the database, but a function that wants a person's id refuses an account's. One
//! generic type, so every kind of id behaves the same; each feature names its kinds.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

pub struct Id<Kind> {
    value: String,
    kind: PhantomData<fn() -> Kind>,
}

impl<Kind> Id<Kind> {
    pub fn new(value: impl Into<String>) -> Id<Kind> {
        Id {
            value: value.into(),
            kind: PhantomData,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.value
    }

    pub fn into_string(self) -> String {
        self.value
    }
}

impl<Kind> Clone for Id<Kind> {
    fn clone(&self) -> Id<Kind> {
        Id::new(self.value.clone())
    }
}

impl<Kind> PartialEq for Id<Kind> {
    fn eq(&self, other: &Id<Kind>) -> bool {
        self.value == other.value
    }
}

impl<Kind> Eq for Id<Kind> {}

impl<Kind> Hash for Id<Kind> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl<Kind> PartialOrd for Id<Kind> {
    fn partial_cmp(&self, other: &Id<Kind>) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<Kind> Ord for Id<Kind> {
    fn cmp(&self, other: &Id<Kind>) -> std::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}

impl<Kind> fmt::Debug for Id<Kind> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.value, f)
    }
}

impl<Kind> fmt::Display for Id<Kind> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

/// Where only text is wanted (an audit entry's subject, a JSON field), an id is its text.
impl<Kind> std::ops::Deref for Id<Kind> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.value
    }
}

impl<Kind> From<String> for Id<Kind> {
    fn from(value: String) -> Id<Kind> {
        Id::new(value)
    }
}

impl<Kind> From<Id<Kind>> for String {
    fn from(id: Id<Kind>) -> String {
        id.value
    }
}

impl<Kind> serde::Serialize for Id<Kind> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.value)
    }
}

impl<'de, Kind> serde::Deserialize<'de> for Id<Kind> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Id<Kind>, D::Error> {
        String::deserialize(deserializer).map(Id::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    enum Person {}

    #[test]
    fn an_id_is_its_text_everywhere() {
        let id: Id<Person> = Id::new("P-1");
        assert_eq!(id.as_str(), "P-1");
        assert_eq!(&*id, "P-1");
        assert_eq!(id.to_string(), "P-1");
        assert_eq!(serde_json::to_string(&id).unwrap_or_default(), "\"P-1\"");
        let back: Result<Id<Person>, _> = serde_json::from_str("\"P-1\"");
        assert!(back.is_ok_and(|b| b == id));
    }
}

/// Written to the database as text, so that rows can carry typed ids (the registry's
/// batch inserts run on the concrete connections, hence one impl per dialect).
mod sql {
    use diesel::expression::AsExpression;
    use diesel::internal::derives::as_expression::Bound;
    use diesel::pg::Pg;
    use diesel::serialize::{self, IsNull, Output, ToSql};
    use diesel::sql_types::Text;
    use diesel::sqlite::Sqlite;

    use super::Id;

    impl<Kind> AsExpression<Text> for &Id<Kind> {
        type Expression = Bound<Text, Self>;

        fn as_expression(self) -> Self::Expression {
            Bound::new(self)
        }
    }

    impl<Kind> AsExpression<Text> for Id<Kind> {
        type Expression = Bound<Text, Self>;

        fn as_expression(self) -> Self::Expression {
            Bound::new(self)
        }
    }

    impl<Kind> ToSql<Text, Sqlite> for Id<Kind> {
        fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
            out.set_value(self.as_str());
            Ok(IsNull::No)
        }
    }

    impl<Kind> ToSql<Text, Pg> for Id<Kind> {
        fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
            <str as ToSql<Text, Pg>>::to_sql(self.as_str(), out)
        }
    }
}
