//! The content schema: which collections exist and which fields each accepts.
//!
//! This is the one place that knows the front-matter format of PRODUCT.md.
//! Every field is optional at this stage (a translation file carries only what
//! differs); required fields are checked after translation inheritance.

use serde::Serialize;

use super::fields::{FieldSpec, Kind};
use super::values::{Slug, Text};

/// The folders of `content/`, one per kind of entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Collection {
    Industries,
    Parks,
    Policies,
    Officials,
    Pages,
    Projects,
    Carriers,
    Events,
}

impl Collection {
    pub const ALL: [Collection; 8] = [
        Collection::Industries,
        Collection::Parks,
        Collection::Policies,
        Collection::Officials,
        Collection::Pages,
        Collection::Projects,
        Collection::Carriers,
        Collection::Events,
    ];

    /// The folder name under `content/`.
    pub fn dir(self) -> &'static str {
        match self {
            Collection::Industries => "industries",
            Collection::Parks => "parks",
            Collection::Policies => "policies",
            Collection::Officials => "officials",
            Collection::Pages => "pages",
            Collection::Projects => "projects",
            Collection::Carriers => "carriers",
            Collection::Events => "events",
        }
    }

    pub fn from_dir(name: &str) -> Option<Collection> {
        Collection::ALL.into_iter().find(|c| c.dir() == name)
    }

    /// The field that names an entry: `name` for people, `title` otherwise.
    /// One entry of the collection, for messages: `industry`, `official`.
    pub fn singular(self) -> &'static str {
        match self {
            Collection::Industries => "industry",
            Collection::Parks => "park",
            Collection::Policies => "policy",
            Collection::Officials => "official",
            Collection::Pages => "page",
            Collection::Projects => "project",
            Collection::Carriers => "carrier",
            Collection::Events => "event",
        }
    }

    pub fn title_field(self) -> &'static str {
        match self {
            Collection::Officials => "name",
            _ => "title",
        }
    }

    /// The collection's table of fields.
    pub fn specs(self) -> &'static [FieldSpec] {
        match self {
            Collection::Industries => IndustryFm::SPECS,
            Collection::Parks => ParkFm::SPECS,
            Collection::Policies => PolicyFm::SPECS,
            Collection::Officials => OfficialFm::SPECS,
            Collection::Pages => PageFm::SPECS,
            Collection::Projects => ProjectFm::SPECS,
            Collection::Carriers => CarrierFm::SPECS,
            Collection::Events => EventFm::SPECS,
        }
    }

    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Collection::Industries => IndustryFm::FIELDS,
            Collection::Parks => ParkFm::FIELDS,
            Collection::Policies => PolicyFm::FIELDS,
            Collection::Officials => OfficialFm::FIELDS,
            Collection::Pages => PageFm::FIELDS,
            Collection::Projects => ProjectFm::FIELDS,
            Collection::Carriers => CarrierFm::FIELDS,
            Collection::Events => EventFm::FIELDS,
        }
    }
}

/// Declares a front-matter struct as a table, one line a field:
/// `name: Type => spec,`. Every field is optional at decoding (a
/// translation carries only what differs); the macro also makes the
/// table of [`FieldSpec`]s the rest of hui reads, the inheritance merge
/// and the lookups by field name that linking uses for references and
/// files.
macro_rules! front_matter {
    ($(#[$meta:meta])* $name:ident {
        $( $(#[$fmeta:meta])* $field:ident : $ty:ty => $spec:expr ),* $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize, PartialEq)]
        pub struct $name {
            $( $(#[$fmeta])* #[serde(default)] pub $field: Option<$ty>, )*
        }

        impl $name {
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The table: each field's name, type and declaration.
            pub const SPECS: &'static [$crate::content::fields::FieldSpec] = &[$(
                $crate::content::fields::FieldSpec {
                    name: stringify!($field),
                    value: $crate::content::fields::ValueType::of::<$ty>(),
                    ..$spec
                }
            ),*];

            /// Fields this (translation) leaves out are taken from `base`.
            pub fn inherit(self, base: &Self) -> Self {
                Self { $( $field: self.$field.or_else(|| base.$field.clone()), )* }
            }

            /// The slugs the field `name` gives (none when it is not a
            /// reference or is not set).
            pub fn slugs(&self, name: &str) -> &[$crate::content::values::Slug] {
                use $crate::content::fields::FieldValue;
                match name {
                    $( stringify!($field) => self.$field.as_ref().map_or(&[], |v| v.slugs()), )*
                    _ => &[],
                }
            }

            /// The file the field `name` names, when it is a file field.
            pub fn file(&self, name: &str) -> Option<&str> {
                use $crate::content::fields::FieldValue;
                match name {
                    $( stringify!($field) => self.$field.as_ref().and_then(|v| v.file()), )*
                    _ => None,
                }
            }

            /// The fields shown otherwise than written, as a reader of
            /// `lang` reads them (sums, prices, dates and times).
            pub fn shown(&self, lang: &str) -> std::collections::BTreeMap<&'static str, String> {
                use $crate::content::fields::FieldValue;
                let mut shown = std::collections::BTreeMap::new();
                $( if let Some(text) = self.$field.as_ref().and_then(|v| v.shown(lang)) {
                    shown.insert(stringify!($field), text);
                } )*
                shown
            }

            /// Whether the field `name` is given.
            pub fn is_set(&self, name: &str) -> bool {
                match name {
                    $( stringify!($field) => self.$field.is_some(), )*
                    _ => false,
                }
            }
        }
    };
}

mod carrier;
mod event;
mod industry;
mod official;
mod page;
mod park;
mod policy;
mod project;
mod shared;

pub use carrier::CarrierFm;
pub use event::EventFm;
pub use industry::IndustryFm;
pub use official::OfficialFm;
pub use page::PageFm;
pub use park::ParkFm;
pub use policy::PolicyFm;
pub use project::ProjectFm;

/// The front matter of one file, typed by its collection.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FrontMatter {
    Industry(IndustryFm),
    Park(ParkFm),
    Policy(PolicyFm),
    Official(OfficialFm),
    Page(PageFm),
    Project(ProjectFm),
    Carrier(CarrierFm),
    Event(EventFm),
}

/// Applies the same expression to whichever variant `$fm` is.
macro_rules! each_variant {
    ($fm:expr, $v:ident => $body:expr) => {
        match $fm {
            FrontMatter::Industry($v) => $body,
            FrontMatter::Park($v) => $body,
            FrontMatter::Policy($v) => $body,
            FrontMatter::Official($v) => $body,
            FrontMatter::Page($v) => $body,
            FrontMatter::Project($v) => $body,
            FrontMatter::Carrier($v) => $body,
            FrontMatter::Event($v) => $body,
        }
    };
}

impl FrontMatter {
    pub fn collection(&self) -> Collection {
        match self {
            FrontMatter::Industry(_) => Collection::Industries,
            FrontMatter::Park(_) => Collection::Parks,
            FrontMatter::Policy(_) => Collection::Policies,
            FrontMatter::Official(_) => Collection::Officials,
            FrontMatter::Page(_) => Collection::Pages,
            FrontMatter::Project(_) => Collection::Projects,
            FrontMatter::Carrier(_) => Collection::Carriers,
            FrontMatter::Event(_) => Collection::Events,
        }
    }

    /// The entry's display name: `title`, or `name` for officials.
    pub fn title(&self) -> Option<&str> {
        each_variant!(self, v => HasTitle::title(v)).filter(|t| !t.trim().is_empty())
    }

    pub fn summary(&self) -> Option<&str> {
        match self {
            FrontMatter::Industry(v) => v.summary.as_ref(),
            FrontMatter::Park(v) => v.summary.as_ref(),
            FrontMatter::Policy(v) => v.summary.as_ref(),
            FrontMatter::Page(v) => v.summary.as_ref(),
            FrontMatter::Project(v) => v.summary.as_ref(),
            FrontMatter::Carrier(v) => v.summary.as_ref(),
            FrontMatter::Event(v) => v.summary.as_ref(),
            FrontMatter::Official(v) => v.position.as_ref(),
        }
        .map(Text::as_str)
    }

    pub fn draft(&self) -> bool {
        each_variant!(self, v => v.draft.unwrap_or(false))
    }

    /// Whether the entry's page is in the search index (`search: false`
    /// leaves it out).
    pub fn searchable(&self) -> bool {
        each_variant!(self, v => v.search.unwrap_or(true))
    }

    pub fn weight(&self) -> i64 {
        each_variant!(self, v => v.weight.unwrap_or(0))
    }

    /// The collection's table of fields.
    pub fn specs(&self) -> &'static [FieldSpec] {
        self.collection().specs()
    }

    /// The slugs the field `name` gives; empty when it gives none.
    pub fn slugs(&self, name: &str) -> &[Slug] {
        each_variant!(self, v => v.slugs(name))
    }

    /// Whether the field `name` is given.
    pub fn is_set(&self, name: &str) -> bool {
        each_variant!(self, v => v.is_set(name))
    }

    /// The fields shown otherwise than written, in `lang`.
    pub fn shown(&self, lang: &str) -> std::collections::BTreeMap<&'static str, String> {
        each_variant!(self, v => v.shown(lang))
    }

    /// Each reference field that names entries: `(field, target, slugs)`.
    pub fn references(&self) -> impl Iterator<Item = (&'static str, Collection, &[Slug])> + '_ {
        self.specs().iter().filter_map(move |spec| {
            let target = spec.target()?;
            let slugs = self.slugs(spec.name);
            (!slugs.is_empty()).then_some((spec.name, target, slugs))
        })
    }

    pub fn industries(&self) -> &[Slug] {
        self.slugs("industries")
    }

    /// Old slugs that must keep working (officials only).
    pub fn aliases(&self) -> &[Slug] {
        self.slugs("aliases")
    }

    /// Files the front matter names, as `(field, path relative to the entry)`.
    pub fn files(&self) -> Vec<(&'static str, &str)> {
        self.specs()
            .iter()
            .filter(|spec| spec.kind == Kind::File)
            .filter_map(|spec| {
                let file = each_variant!(self, v => v.file(spec.name))?;
                Some((spec.name, file))
            })
            .collect()
    }

    /// This (translation) with every field it leaves out taken from `base`.
    pub fn inherit(self, base: &FrontMatter) -> FrontMatter {
        match (self, base) {
            (FrontMatter::Industry(t), FrontMatter::Industry(b)) => {
                FrontMatter::Industry(t.inherit(b))
            }
            (FrontMatter::Park(t), FrontMatter::Park(b)) => FrontMatter::Park(t.inherit(b)),
            (FrontMatter::Policy(t), FrontMatter::Policy(b)) => FrontMatter::Policy(t.inherit(b)),
            (FrontMatter::Official(t), FrontMatter::Official(b)) => {
                FrontMatter::Official(t.inherit(b))
            }
            (FrontMatter::Page(t), FrontMatter::Page(b)) => FrontMatter::Page(t.inherit(b)),
            (FrontMatter::Project(t), FrontMatter::Project(b)) => {
                FrontMatter::Project(t.inherit(b))
            }
            (FrontMatter::Carrier(t), FrontMatter::Carrier(b)) => {
                FrontMatter::Carrier(t.inherit(b))
            }
            (FrontMatter::Event(t), FrontMatter::Event(b)) => FrontMatter::Event(t.inherit(b)),
            (t, _) => t,
        }
    }
}

trait HasTitle {
    fn title(&self) -> Option<&str>;
}

macro_rules! has_title {
    ($($t:ty),*) => { $( impl HasTitle for $t {
        fn title(&self) -> Option<&str> { self.title.as_ref().map(Text::as_str) }
    } )* };
}
has_title!(IndustryFm, ParkFm, PolicyFm, PageFm, ProjectFm, CarrierFm, EventFm);

impl HasTitle for OfficialFm {
    fn title(&self) -> Option<&str> {
        self.name.as_ref().map(Text::as_str)
    }
}

/// Decodes the front matter of a file of `collection`.
pub fn decode(
    collection: Collection,
    yaml: &str,
    first_line: usize,
) -> Result<(FrontMatter, Vec<crate::yaml::UnknownKey>), crate::yaml::YamlError> {
    use crate::yaml::decode as d;
    Ok(match collection {
        Collection::Industries => {
            d::<IndustryFm>(yaml, first_line).map(|(v, u)| (FrontMatter::Industry(v), u))?
        }
        Collection::Parks => {
            d::<ParkFm>(yaml, first_line).map(|(v, u)| (FrontMatter::Park(v), u))?
        }
        Collection::Policies => {
            d::<PolicyFm>(yaml, first_line).map(|(v, u)| (FrontMatter::Policy(v), u))?
        }
        Collection::Officials => {
            d::<OfficialFm>(yaml, first_line).map(|(v, u)| (FrontMatter::Official(v), u))?
        }
        Collection::Pages => {
            d::<PageFm>(yaml, first_line).map(|(v, u)| (FrontMatter::Page(v), u))?
        }
        Collection::Projects => {
            d::<ProjectFm>(yaml, first_line).map(|(v, u)| (FrontMatter::Project(v), u))?
        }
        Collection::Carriers => {
            d::<CarrierFm>(yaml, first_line).map(|(v, u)| (FrontMatter::Carrier(v), u))?
        }
        Collection::Events => {
            d::<EventFm>(yaml, first_line).map(|(v, u)| (FrontMatter::Event(v), u))?
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::values::Phone;

    #[test]
    fn translation_inherits_what_it_leaves_out() {
        let base = OfficialFm {
            name: Some(Text("王明".into())),
            phone: Some(Phone("+86 816 000 0001".into())),
            ..Default::default()
        };
        let en = OfficialFm {
            name: Some(Text("Wang Ming".into())),
            ..Default::default()
        };
        let merged = en.inherit(&base);
        assert_eq!(merged.name.unwrap().0, "Wang Ming");
        assert_eq!(merged.phone.unwrap().0, "+86 816 000 0001");
    }

    #[test]
    fn every_listed_field_is_accepted() {
        for collection in Collection::ALL {
            let yaml: String = collection
                .fields()
                .iter()
                .map(|f| format!("{f}: null\n"))
                .collect();
            let (_, unknown) = decode(collection, &yaml, 1).unwrap();
            assert!(unknown.is_empty(), "{collection:?}: {unknown:?}");
        }
    }
}
