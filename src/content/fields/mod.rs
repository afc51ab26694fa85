//! The fields of each collection, declared once: name, kind (a text to
//! translate, a fact written once, a reference to another collection, a
//! file…), an example and a one-line meaning in Chinese and English.
//!
//! The declarations themselves are in [`super::schema`], where each
//! front-matter struct is written as a table: one line a field, its type
//! and its [`FieldSpec`]. From that table come the struct (and so decoding
//! and "did you mean"), inheritance, which fields are references (and so
//! back-references) and files, `hui new` and `hui init`'s scaffolds, `hui
//! check`'s untranslated texts, `hui schema` and the README's field
//! reference, which a test holds to it. A new field is one line there.

mod contract;
mod types;

use super::schema::Collection;
pub use contract::{describe, json_schema, reference};
pub use types::{FieldValue, ValueType};

/// A text in the two languages the schema explains itself in.
#[derive(Debug, Clone, Copy)]
pub struct Say {
    pub zh: &'static str,
    pub en: &'static str,
}

pub const fn say(zh: &'static str, en: &'static str) -> Say {
    Say { zh, en }
}

impl Say {
    pub fn get(self, tongue: Tongue) -> &'static str {
        match tongue {
            Tongue::Zh => self.zh,
            Tongue::En => self.en,
        }
    }
}

/// The language a file's comments and placeholders are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tongue {
    Zh,
    En,
}

impl Tongue {
    /// Chinese for `zh` and its variants (`zh-hant`); English for every other
    /// language, as the one an editor of a third language most likely reads.
    pub fn of(lang: &str) -> Tongue {
        if lang == "zh" || lang.starts_with("zh-") {
            Tongue::Zh
        } else {
            Tongue::En
        }
    }
}

/// What a field is, which decides where a scaffold writes it and whether it
/// is active or commented out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The required title (`name` for officials): a placeholder everywhere.
    Title,
    /// Text that is translated: a placeholder in every language's file.
    Text,
    /// A value written once, in the default-language file (phones, dates,
    /// numbers). A made-up one must not go live by accident, so a new entry
    /// shows it commented out; the sample site fills it in.
    Fact,
    /// Slugs of entries of this collection. Only valid once they exist.
    Reference(Collection),
    /// A file beside the entry, which no scaffold can provide.
    File,
    /// An optional behaviour the sample site shows off (`menu`).
    Feature,
    /// Rarely needed at first (`weight`, `draft`, `aliases`).
    Control,
}

impl Kind {
    /// Whether a translation carries the field; everything else is inherited
    /// from the default-language file.
    pub fn translated(self) -> bool {
        matches!(self, Kind::Title | Kind::Text)
    }
}

/// One field of a collection: its name, its value type, what kind of
/// value it holds, an example and its meaning in each language.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    pub name: &'static str,
    pub value: ValueType,
    pub kind: Kind,
    /// The YAML after `name:`; `{slug}` is replaced by the entry's slug. A
    /// value that starts with a newline is a block (a list, one item a line).
    pub example: Say,
    /// What the field is for: the comment scaffolds write above it.
    pub meaning: Say,
    /// Whether the default-language file must give it (the title always).
    pub required: bool,
}

/// A field's declaration before the front-matter macro names it and gives
/// it its type: `summary: Text => field(Kind::Text, example, meaning)`.
pub const fn field(kind: Kind, example: Say, meaning: Say) -> FieldSpec {
    FieldSpec {
        name: "",
        value: ValueType::UNSET,
        kind,
        example,
        meaning,
        required: matches!(kind, Kind::Title),
    }
}

impl FieldSpec {
    /// The same field, which every entry must give.
    pub const fn required(self) -> FieldSpec {
        FieldSpec {
            required: true,
            ..self
        }
    }

    /// The same field with its own meaning, for a shared declaration that
    /// means something particular here (`industries` of a park).
    pub const fn meaning(self, meaning: Say) -> FieldSpec {
        FieldSpec { meaning, ..self }
    }

    /// The collection a reference field points at.
    pub fn target(&self) -> Option<Collection> {
        match self.kind {
            Kind::Reference(c) => Some(c),
            _ => None,
        }
    }
}

/// The fields of a collection, in the order files show them and scaffolds
/// write them.
pub fn of(collection: Collection) -> &'static [FieldSpec] {
    collection.specs()
}

#[cfg(test)]
mod tests {
    use super::of;
    use crate::content::schema::Collection;

    /// Every field has a type, an example and a meaning in both languages:
    /// what scaffolds, `hui schema` and the README show.
    #[test]
    fn every_field_is_described() {
        for collection in Collection::ALL {
            for f in of(collection) {
                assert!(!(f.value.name)().is_empty(), "{collection:?}.{}", f.name);
                assert!(!f.meaning.zh.is_empty() && !f.meaning.en.is_empty());
                assert!(!f.example.zh.is_empty() && !f.example.en.is_empty());
            }
        }
    }

    /// The README's field reference is the contract editors read: it must
    /// be what the table says, word for word.
    #[test]
    fn the_readme_field_reference_is_the_schema() {
        let readme = include_str!("../../../README.md");
        let start = "<!-- BEGIN hui schema --format markdown -->\n";
        let from = readme
            .find(start)
            .expect("the README has no generated field reference")
            + start.len();
        let to = readme[from..].find("<!-- END").unwrap() + from;
        assert!(
            readme[from..to] == super::reference(),
            "the README's field reference is out of date: replace it with the output of `cargo run -- schema --format markdown`"
        );
    }
}
