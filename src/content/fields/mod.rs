//! The fields of each collection, declared once: name, kind (a text to
//! translate, a fact written once, a reference to another collection, a
//! file…), an example and a one-line meaning in Chinese and English.
//!
//! The typed front-matter structs in [`super::schema`] hold the values; this
//! table says what each field is for. `hui new` and `hui init` write entries
//! from it, `hui check` knows from it which texts a translation should carry,
//! and tests hold the structs and the README's field reference to it, so a
//! new field is a line in the struct and a line in `tables.rs`.

mod contract;
mod tables;

use super::schema::Collection;
pub use contract::{describe, json_schema};
use tables::{INDUSTRY, OFFICIAL, PAGE, PARK, POLICY};

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

/// One field of a collection: its name, what kind of value it holds, an
/// example and its meaning in each language.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    pub name: &'static str,
    pub kind: Kind,
    /// The YAML after `name:`; `{slug}` is replaced by the entry's slug. A
    /// value that starts with a newline is a block (a list, one item a line).
    pub example: Say,
    /// What the field is for: the comment scaffolds write above it.
    pub meaning: Say,
}

/// Every field of `collection`, in the order a scaffold writes them.
/// The fields of a collection, in the order files show them.
pub fn of(collection: Collection) -> &'static [FieldSpec] {
    match collection {
        Collection::Industries => INDUSTRY,
        Collection::Parks => PARK,
        Collection::Policies => POLICY,
        Collection::Officials => OFFICIAL,
        Collection::Pages => PAGE,
    }
}
