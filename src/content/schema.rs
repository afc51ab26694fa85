//! The content schema: which collections exist and which fields each accepts.
//!
//! This is the one place that knows the front-matter format of PRODUCT.md.
//! Every field is optional at this stage (a translation file carries only what
//! differs); required fields are checked after translation inheritance.

use serde::{Deserialize, Serialize};

use super::values::{
    Date, Delivery, Email, Established, Location, Phone, Slug, SlugList, Stat, Text,
};

/// The folders of `content/`, one per kind of entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Collection {
    Industries,
    Parks,
    Policies,
    Officials,
    Pages,
}

impl Collection {
    pub const ALL: [Collection; 5] = [
        Collection::Industries,
        Collection::Parks,
        Collection::Policies,
        Collection::Officials,
        Collection::Pages,
    ];

    /// The folder name under `content/`.
    pub fn dir(self) -> &'static str {
        match self {
            Collection::Industries => "industries",
            Collection::Parks => "parks",
            Collection::Policies => "policies",
            Collection::Officials => "officials",
            Collection::Pages => "pages",
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
        }
    }

    pub fn title_field(self) -> &'static str {
        match self {
            Collection::Officials => "name",
            _ => "title",
        }
    }

    /// Each field with the name of its Rust value type.
    pub fn field_types(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Collection::Industries => IndustryFm::TYPES,
            Collection::Parks => ParkFm::TYPES,
            Collection::Policies => PolicyFm::TYPES,
            Collection::Officials => OfficialFm::TYPES,
            Collection::Pages => PageFm::TYPES,
        }
    }

    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Collection::Industries => IndustryFm::FIELDS,
            Collection::Parks => ParkFm::FIELDS,
            Collection::Policies => PolicyFm::FIELDS,
            Collection::Officials => OfficialFm::FIELDS,
            Collection::Pages => PageFm::FIELDS,
        }
    }
}

/// Declares a front-matter struct whose fields are all optional, with its list
/// of field names (for "did you mean" hints) and the inheritance merge.
macro_rules! front_matter {
    ($(#[$meta:meta])* $name:ident { $( $(#[$fmeta:meta])* $field:ident : $ty:ty ),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
        pub struct $name {
            $( $(#[$fmeta])* #[serde(default)] pub $field: Option<$ty>, )*
        }

        impl $name {
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];
            /// Each field with the name of its value type (`Vec<Text>`),
            /// from which `hui schema` writes the field's JSON Schema.
            pub const TYPES: &'static [(&'static str, &'static str)] =
                &[$((stringify!($field), stringify!($ty))),*];

            /// Fields this (translation) leaves out are taken from `base`.
            pub fn inherit(self, base: &Self) -> Self {
                Self { $( $field: self.$field.or_else(|| base.$field.clone()), )* }
            }

        }
    };
}

front_matter! {
    /// An industry the district invests in.
    IndustryFm {
        title: Text,
        summary: Text,
        weight: i64,
        key_companies: Vec<Text>,
        stats: Vec<Stat>,
        image: String,
        draft: bool,
        search: bool,
    }
}

front_matter! {
    /// An industrial park or zone.
    ParkFm {
        title: Text,
        summary: Text,
        address: Text,
        location: Location,
        area_km2: f64,
        established: Established,
        industries: SlugList,
        highlights: Vec<Text>,
        image: String,
        weight: i64,
        draft: bool,
        search: bool,
    }
}

front_matter! {
    /// A policy document and the benefits it grants.
    PolicyFm {
        title: Text,
        summary: Text,
        issuer: Text,
        document_number: Text,
        issued: Date,
        effective: Date,
        expires: Date,
        industries: SlugList,
        incentives: Vec<Text>,
        eligibility: Vec<Text>,
        delivery: Delivery,
        handling_office: Text,
        hotline: Phone,
        attachment: String,
        weight: i64,
        draft: bool,
        search: bool,
    }
}

front_matter! {
    /// An official, shown as a digital business card.
    OfficialFm {
        name: Text,
        position: Text,
        organization: Text,
        phone: Phone,
        mobile: Phone,
        email: Email,
        wechat: Text,
        wechat_qr: String,
        address: Text,
        photo: String,
        industries: SlugList,
        parks: SlugList,
        aliases: SlugList,
        weight: i64,
        draft: bool,
        search: bool,
    }
}

front_matter! {
    /// A free page: about, investment environment, contact…
    PageFm {
        title: Text,
        summary: Text,
        weight: i64,
        menu: bool,
        draft: bool,
        search: bool,
    }
}

/// The front matter of one file, typed by its collection.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FrontMatter {
    Industry(IndustryFm),
    Park(ParkFm),
    Policy(PolicyFm),
    Official(OfficialFm),
    Page(PageFm),
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

    pub fn industries(&self) -> &[Slug] {
        match self {
            FrontMatter::Park(v) => v.industries.as_ref(),
            FrontMatter::Policy(v) => v.industries.as_ref(),
            FrontMatter::Official(v) => v.industries.as_ref(),
            _ => None,
        }
        .map_or(&[], |l| l.0.as_slice())
    }

    pub fn parks(&self) -> &[Slug] {
        match self {
            FrontMatter::Official(v) => v.parks.as_ref().map_or(&[], |l| l.0.as_slice()),
            _ => &[],
        }
    }

    /// Old slugs that must keep working (officials only).
    pub fn aliases(&self) -> &[Slug] {
        match self {
            FrontMatter::Official(v) => v.aliases.as_ref().map_or(&[], |l| l.0.as_slice()),
            _ => &[],
        }
    }

    /// Files the front matter names, as `(field, path relative to the entry)`.
    pub fn files(&self) -> Vec<(&'static str, &str)> {
        let named: [(&'static str, &Option<String>); 2] = match self {
            FrontMatter::Industry(v) => [("image", &v.image), ("image", &None)],
            FrontMatter::Park(v) => [("image", &v.image), ("image", &None)],
            FrontMatter::Policy(v) => [("attachment", &v.attachment), ("attachment", &None)],
            FrontMatter::Official(v) => [("photo", &v.photo), ("wechat_qr", &v.wechat_qr)],
            FrontMatter::Page(_) => [("image", &None), ("image", &None)],
        };
        named
            .into_iter()
            .filter_map(|(field, value)| value.as_deref().map(|v| (field, v)))
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
has_title!(IndustryFm, ParkFm, PolicyFm, PageFm);

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
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
