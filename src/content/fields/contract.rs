//! The content contract for tools outside hui: a JSON Schema per
//! collection (`hui schema --format json`) and a one-line-a-field text
//! (`hui schema`), both derived from the table of fields and its value
//! types, so they cannot drift from what `hui build` accepts.

use super::{of, Kind};
use crate::content::schema::Collection;

/// What a field's kind adds to its description.
fn kind_note(kind: Kind) -> String {
    match kind {
        Kind::Title => "Required in the default-language file; translated.".to_owned(),
        Kind::Text => "Translated: give it in each language's file.".to_owned(),
        Kind::Fact => "Written once, in the default-language file.".to_owned(),
        Kind::Reference(c) => format!("Slugs of {} (content/{}/).", c.dir(), c.dir()),
        Kind::File => "A file in the same folder as the entry.".to_owned(),
        Kind::Feature | Kind::Control => "Written once, in the default-language file.".to_owned(),
    }
}

/// The JSON Schema (draft 2020-12) of a collection's front matter: the
/// content contract for editors' tools (`hui schema --format json`).
pub fn json_schema(collection: Collection) -> serde_json::Value {
    let mut properties = serde_json::Map::new();
    for field in of(collection) {
        let mut schema = (field.value.schema)();
        schema["description"] = format!(
            "{} {} / {}",
            field.meaning.en,
            kind_note(field.kind),
            field.meaning.zh
        )
        .into();
        properties.insert(field.name.to_owned(), schema);
    }
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!("hui front matter: content/{}/", collection.dir()),
        "type": "object",
        "properties": properties,
        // Not `required`: a translation inherits its title.
        "additionalProperties": false
    })
}

/// The field reference of the README, made from the table so that it
/// cannot drift: a table per collection, one row a field, with its value
/// type and its meaning in English and Chinese (`hui schema --format
/// markdown`).
pub fn reference() -> String {
    let mut out = String::new();
    for collection in Collection::ALL {
        out.push_str(&format!(
            "#### content/{}/\n\n| field | value | meaning |\n|---|---|---|\n",
            collection.dir()
        ));
        for field in of(collection) {
            let mut value = (field.value.name)();
            match field.kind {
                Kind::Reference(c) => value = format!("{value} of {}", c.dir()),
                Kind::Title | Kind::Text => value.push_str(", translated"),
                _ => {}
            }
            let required = if field.required { " **Required.**" } else { "" };
            out.push_str(&format!(
                "| `{}` | {} | {}{required} {} |\n",
                field.name,
                value.replace('|', "\\|"),
                field.meaning.en.replace('|', "\\|"),
                field.meaning.zh.replace('|', "\\|"),
            ));
        }
        out.push('\n');
    }
    out
}

/// The contract as text, one line a field: what `hui schema` prints.
pub fn describe() -> String {
    let mut out = String::new();
    for collection in Collection::ALL {
        out.push_str(&format!("content/{}/\n", collection.dir()));
        for field in of(collection) {
            out.push_str(&format!(
                "  {:<16} {:<22} {}\n",
                field.name,
                (field.value.name)(),
                field.meaning.en
            ));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field gets a schema and a name: a new value type must be
    /// given both (they panic otherwise).
    #[test]
    fn every_collection_has_a_json_schema() {
        let text = describe();
        for collection in Collection::ALL {
            let schema = json_schema(collection);
            let properties = schema["properties"].as_object().unwrap();
            assert_eq!(properties.len(), collection.fields().len());
            assert!(properties.values().all(|p| p["description"].is_string()));
            assert!(text.contains(&format!("content/{}/", collection.dir())));
        }
    }

    /// Whether `value` fits `schema`, for the keywords `json_schema` uses.
    fn fits(schema: &serde_json::Value, value: &serde_json::Value) -> bool {
        use serde_json::Value;
        if let Some(any) = schema["anyOf"].as_array() {
            return any.iter().any(|s| fits(s, value));
        }
        if let Some(options) = schema["enum"].as_array() {
            return options.contains(value);
        }
        let types: Vec<&str> = match &schema["type"] {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => return true,
        };
        let ok = types.iter().any(|t| match (*t, value) {
            ("string", Value::String(_)) | ("boolean", Value::Bool(_)) => true,
            ("number", Value::Number(_)) => true,
            ("integer", Value::Number(n)) => n.is_i64() || n.is_u64(),
            ("array", Value::Array(items)) => items.iter().all(|i| fits(&schema["items"], i)),
            ("object", Value::Object(map)) => map
                .iter()
                .all(|(k, v)| schema["properties"].get(k).is_some_and(|s| fits(s, v))),
            _ => false,
        });
        ok
    }

    /// The example guide and every scaffold example fit the JSON Schema: a
    /// stricter schema would make editors' tools flag what hui accepts.
    #[test]
    fn the_example_guide_fits_the_json_schema() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut checked = 0;
        for collection in Collection::ALL {
            let schema = json_schema(collection);
            let dir = root.join(collection.dir());
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_none_or(|e| e != "md") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let yaml = text.split("---").nth(1).unwrap();
                let value: serde_json::Value = serde_yaml::from_str(yaml).unwrap();
                for (key, v) in value.as_object().unwrap() {
                    let field = &schema["properties"][key];
                    assert!(
                        field.is_object(),
                        "{}: `{key}` is not in the schema",
                        path.display()
                    );
                    assert!(
                        fits(field, v),
                        "{}: `{key}: {v}` does not fit {field}",
                        path.display()
                    );
                }
                checked += 1;
            }
            for field in of(collection) {
                let example = field.example.en.replace("{slug}", "zhang-wei");
                let value: serde_json::Value =
                    serde_yaml::from_str(&format!("{}: {example}", field.name)).unwrap();
                let v = &value[field.name];
                assert!(
                    fits(&schema["properties"][field.name], v),
                    "{collection:?}.{}: the example `{v}` does not fit",
                    field.name
                );
            }
        }
        assert!(checked > 20, "{checked} files");
    }
}
