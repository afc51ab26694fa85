//! What each value type of the front matter is, for everything that reads
//! the schema rather than the values: its JSON Schema and its name for
//! editors (`hui schema`), and whether it holds slugs (a reference, which
//! linking resolves) or a file name (which linking checks exists).
//!
//! A new value type implements [`FieldValue`] beside this list; the
//! front-matter macro asks every field's type for it, so a type without
//! an implementation does not compile.

use serde_json::{json, Value};

use crate::content::values::{
    Chain, ChainLink, Cost, Date, Delivery, Email, Established, LinkStatus, Location, Phone, Slug,
    SlugList, Stat, Text,
};

/// The schema-level facts of a value type.
pub trait FieldValue {
    /// The type as `hui schema` names it to editors: `text`, `slugs`.
    fn name() -> String;

    /// The JSON Schema of a value of this type.
    fn schema() -> Value;

    /// The slugs a reference field names; nothing for other types.
    fn slugs(&self) -> &[Slug] {
        &[]
    }

    /// The file a file field names; nothing for other types.
    fn file(&self) -> Option<&str> {
        None
    }

    /// The value as a reader of `lang` reads it, for a value that is
    /// written one way and shown another (`120亿元` → `CNY 12 billion`).
    fn shown(&self, _lang: &str) -> Option<String> {
        None
    }
}

/// A value type as the schema table stores it: its name and JSON Schema.
#[derive(Debug, Clone, Copy)]
pub struct ValueType {
    pub name: fn() -> String,
    pub schema: fn() -> Value,
}

impl ValueType {
    pub const fn of<T: FieldValue>() -> ValueType {
        ValueType {
            name: T::name,
            schema: T::schema,
        }
    }

    /// What a shared field declaration holds until the front-matter macro
    /// sets the field's real type.
    pub(super) const UNSET: ValueType = ValueType {
        name: String::new,
        schema: || Value::Null,
    };
}

fn slug_schema() -> Value {
    json!({"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"})
}

impl FieldValue for Text {
    fn name() -> String {
        "text".to_owned()
    }
    // Editors write `value: 168` and mean the text "168".
    fn schema() -> Value {
        json!({"type": ["string", "number", "boolean"]})
    }
}

/// A plain string is a file name beside the entry (`image`, `photo`).
impl FieldValue for String {
    fn name() -> String {
        "file".to_owned()
    }
    fn schema() -> Value {
        json!({"type": "string", "description": "a file beside the entry"})
    }
    fn file(&self) -> Option<&str> {
        Some(self)
    }
}

impl FieldValue for i64 {
    fn name() -> String {
        "integer".to_owned()
    }
    fn schema() -> Value {
        json!({"type": "integer"})
    }
}

impl FieldValue for f64 {
    fn name() -> String {
        "number".to_owned()
    }
    fn schema() -> Value {
        json!({"type": "number"})
    }
}

impl FieldValue for bool {
    fn name() -> String {
        "true/false".to_owned()
    }
    fn schema() -> Value {
        json!({"type": "boolean"})
    }
}

impl FieldValue for Date {
    fn name() -> String {
        "date".to_owned()
    }
    fn schema() -> Value {
        json!({"type": "string", "format": "date"})
    }
}

impl FieldValue for Phone {
    fn name() -> String {
        "phone".to_owned()
    }
    fn schema() -> Value {
        json!({"type": "string"})
    }
}

impl FieldValue for Email {
    fn name() -> String {
        "e-mail".to_owned()
    }
    fn schema() -> Value {
        json!({"type": "string", "format": "email"})
    }
}

impl FieldValue for Established {
    fn name() -> String {
        "year or date".to_owned()
    }
    fn schema() -> Value {
        json!({"anyOf": [
            {"type": "integer", "minimum": 1000, "maximum": 9999},
            {"type": "string", "format": "date"}
        ]})
    }
}

impl FieldValue for Location {
    fn name() -> String {
        "{lat, lng}".to_owned()
    }
    fn schema() -> Value {
        json!({
            "type": "object",
            "properties": {"lat": {"type": "number"}, "lng": {"type": "number"}},
            "required": ["lat", "lng"],
            "additionalProperties": false
        })
    }
}

impl FieldValue for Delivery {
    fn name() -> String {
        "delivery".to_owned()
    }
    fn schema() -> Value {
        json!({"enum": ["免申即享", "automatic", "快申快享", "fast-track", "apply", "按规定申报"]})
    }
}

impl FieldValue for Slug {
    fn name() -> String {
        "slug".to_owned()
    }
    fn schema() -> Value {
        slug_schema()
    }
    fn slugs(&self) -> &[Slug] {
        std::slice::from_ref(self)
    }
}

/// One slug is accepted as a list of one.
impl FieldValue for SlugList {
    fn name() -> String {
        "slugs".to_owned()
    }
    fn schema() -> Value {
        json!({"anyOf": [slug_schema(), {"type": "array", "items": slug_schema()}]})
    }
    fn slugs(&self) -> &[Slug] {
        &self.0
    }
}

impl FieldValue for Stat {
    fn name() -> String {
        "{label, value}".to_owned()
    }
    fn schema() -> Value {
        json!({
            "type": "object",
            "properties": {"label": Text::schema(), "value": Text::schema()},
            "required": ["label", "value"],
            "additionalProperties": false
        })
    }
}

impl FieldValue for Chain {
    fn name() -> String {
        "{upstream, midstream, downstream}".to_owned()
    }
    fn schema() -> Value {
        let links = json!({"type": "array", "items": ChainLink::schema()});
        json!({
            "type": "object",
            "properties": {"upstream": links, "midstream": links, "downstream": links},
            "additionalProperties": false
        })
    }
}

/// Not a field of its own: the items of a chain's stages.
impl FieldValue for ChainLink {
    fn name() -> String {
        "{name, status, companies}".to_owned()
    }
    fn schema() -> Value {
        json!({
            "type": "object",
            "properties": {
                "name": Text::schema(),
                "status": {"enum": LinkStatus::ALL},
                "companies": {"type": "array", "items": Text::schema()}
            },
            "required": ["name", "status"],
            "additionalProperties": false
        })
    }
}

impl FieldValue for Cost<Text> {
    fn name() -> String {
        "{item, price, unit, note}".to_owned()
    }
    fn schema() -> Value {
        json!({
            "type": "object",
            "properties": {
                "item": Text::schema(),
                "price": {"type": "number"},
                "unit": Text::schema(),
                "note": Text::schema()
            },
            "required": ["item", "price"],
            "additionalProperties": false
        })
    }
}

impl<T: FieldValue> FieldValue for Vec<T> {
    fn name() -> String {
        format!("list of {}", T::name())
    }
    fn schema() -> Value {
        json!({"type": "array", "items": T::schema()})
    }
}
