//! Front-matter values that have a format: e-mail, phone, date, slug, map
//! coordinates. Each checks itself while it is deserialised, so a bad value is
//! reported at its own line and column by the YAML decoder.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use crate::yaml::error_with_hint;

mod chain;
mod costs;
pub use chain::{Chain, ChainLink, LinkStatus};
pub use costs::{Cost, Figure, UnitPrice};

/// A piece of text. Numbers and booleans are accepted and kept as written,
/// because editors write `value: 168` and mean the text "168".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default, PartialOrd, Ord, Hash)]
#[serde(transparent)]
pub struct Text(pub String);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// Implements `Deserialize` for a string newtype through a checking function.
macro_rules! checked_string {
    ($ty:ident, $expecting:literal, $check:path) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$ty, E> {
                        $check(v.trim())
                            .map($ty)
                            .map_err(|(msg, hint)| error_with_hint(msg, &hint))
                    }
                    fn visit_i64<E: de::Error>(self, v: i64) -> Result<$ty, E> {
                        self.visit_str(&v.to_string())
                    }
                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<$ty, E> {
                        self.visit_str(&v.to_string())
                    }
                }
                d.deserialize_any(V)
            }
        }
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }
    };
}

type Check<T> = Result<T, (String, String)>;

/// Deserialises a string through `check`, failing inside the visitor so the
/// YAML decoder reports the value's own line and column. A number is read
/// as its text (`area_m2: 12000`, `investment: 5000`), so that a value of
/// the wrong kind gets the check's own message.
pub fn deserialize_checked<'de, D: Deserializer<'de>, T>(
    d: D,
    expecting: &'static str,
    check: fn(&str) -> Check<T>,
) -> Result<T, D::Error> {
    struct V<T> {
        expecting: &'static str,
        check: fn(&str) -> Check<T>,
    }
    impl<T> Visitor<'_> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            (self.check)(v.trim()).map_err(|(msg, hint)| error_with_hint(msg, &hint))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
            self.visit_str(&v.to_string())
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
            self.visit_str(&v.to_string())
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
            self.visit_str(&v.to_string())
        }
    }
    d.deserialize_any(V { expecting, check })
}

/// An e-mail address: `name@domain.tld`, no spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Email(pub String);
checked_string!(Email, "an e-mail address", check_email);

fn check_email(v: &str) -> Check<String> {
    let valid = match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !v
                    .chars()
                    .any(|c| c.is_whitespace() || c == '<' || c == '>' || c == '"')
        }
        None => false,
    };
    if valid {
        Ok(v.to_owned())
    } else {
        Err((
            format!("invalid e-mail address `{v}`"),
            "write it as name@example.gov.cn".to_owned(),
        ))
    }
}

/// A phone number as people write it: digits, spaces, `+ - ( )`, and an
/// optional extension (`转 123`, `ext. 123`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Phone(pub String);
checked_string!(Phone, "a phone number in quotes", check_phone);

impl Phone {
    /// The number with only digits and a leading `+`, for `tel:` links.
    pub fn dial(&self) -> String {
        let main = self
            .0
            .split(['转', 'x', 'X', 'e'])
            .next()
            .unwrap_or(&self.0);
        main.chars()
            .enumerate()
            .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
            .map(|(_, c)| c)
            .collect()
    }
}

fn check_phone(v: &str) -> Check<String> {
    let (main, ext) = match v.find(['转', 'x', 'X', 'e']) {
        Some(i) => (&v[..i], Some(&v[i..])),
        None => (v, None),
    };
    let digits = main.chars().filter(char::is_ascii_digit).count();
    let main_ok = main
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()./".contains(c))
        && !main.chars().skip(1).any(|c| c == '+');
    let ext_ok = ext.is_none_or(|e| {
        e.trim_start_matches(['转', 'x', 'X', 'e', 'E', 'x', 't', '.', ' '])
            .chars()
            .all(|c| c.is_ascii_digit())
    });
    if main_ok && ext_ok && (5..=20).contains(&digits) {
        Ok(v.to_owned())
    } else {
        Err((
            format!("invalid phone number `{v}`"),
            "use digits, spaces, `+`, `-` and brackets, e.g. \"+86 816 222 0000\" or \"0816-2220000 转 123\"; quote it so a leading 0 is kept".to_owned(),
        ))
    }
}

/// A slug: lowercase ASCII letters, digits and hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, PartialOrd, Ord, Hash)]
#[serde(transparent)]
pub struct Slug(pub String);
checked_string!(
    Slug,
    "a slug (lowercase letters, digits, hyphens)",
    check_slug_value
);

impl Slug {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn check_slug_value(v: &str) -> Check<String> {
    if is_slug(v) {
        Ok(v.to_owned())
    } else {
        Err((
            format!("`{v}` is not a slug"),
            format!(
                "refer to entries by their file name without `.md`: lowercase letters, digits and hyphens, e.g. `{}`",
                suggest_slug(v)
            ),
        ))
    }
}

/// Whether `s` is a valid slug: `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A slug close to what the editor wrote: pinyin for Chinese characters,
/// lowercase and hyphens for the rest (`张伟` → `zhang-wei`).
pub fn suggest_slug(name: &str) -> String {
    use pinyin::ToPinyin;
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in name.chars() {
        if let Some(py) = c.to_pinyin() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            words.push(py.plain().to_owned());
        } else if c.is_ascii_alphanumeric() {
            current.push(c.to_ascii_lowercase());
        } else if !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    let slug = words.join("-");
    if slug.is_empty() {
        "my-entry".to_owned()
    } else {
        slug
    }
}

/// One slug or a list of slugs: `industries: new-display` is accepted as
/// `industries: [new-display]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(transparent)]
pub struct SlugList(pub Vec<Slug>);

impl<'de> Deserialize<'de> for SlugList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SlugList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of slugs such as `[new-display, auto-electronics]`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<SlugList, E> {
                check_slug_value(v.trim())
                    .map(|s| SlugList(vec![Slug(s)]))
                    .map_err(|(m, h)| error_with_hint(m, &h))
            }
            fn visit_unit<E: de::Error>(self) -> Result<SlugList, E> {
                Ok(SlugList::default())
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<SlugList, A::Error> {
                let mut slugs = Vec::new();
                while let Some(slug) = seq.next_element::<Slug>()? {
                    slugs.push(slug);
                }
                Ok(SlugList(slugs))
            }
        }
        d.deserialize_any(V)
    }
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Date(pub jiff::civil::Date);
checked_string!(Date, "a date (YYYY-MM-DD)", check_date);

fn check_date(v: &str) -> Check<jiff::civil::Date> {
    v.parse::<jiff::civil::Date>()
        .ok()
        .filter(|_| v.len() == 10)
        .ok_or_else(|| {
            (
                format!("invalid date `{v}`"),
                "write dates as YYYY-MM-DD, e.g. 2023-04-26".to_owned(),
            )
        })
}

/// When a park was established: a year (`2008`) or a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Established(pub String);
checked_string!(Established, "a year or a date", check_established);

fn check_established(v: &str) -> Check<String> {
    let year_ok = v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit());
    if year_ok || check_date(v).is_ok() {
        Ok(v.to_owned())
    } else {
        Err((
            format!("invalid year or date `{v}`"),
            "write a year such as 2008, or a date such as 2008-05-01".to_owned(),
        ))
    }
}

/// Map coordinates of a place.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Location {
    pub lat: f64,
    pub lng: f64,
}

impl<'de> Deserialize<'de> for Location {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            lat: Coordinate<90>,
            lng: Coordinate<180>,
        }
        let raw = Raw::deserialize(d)?;
        Ok(Location {
            lat: raw.lat.0,
            lng: raw.lng.0,
        })
    }
}

/// A latitude (`LIMIT` 90) or longitude (`LIMIT` 180), checked where it is
/// written so the error points at the number.
struct Coordinate<const LIMIT: u32>(f64);

impl<'de, const LIMIT: u32> Deserialize<'de> for Coordinate<LIMIT> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<const LIMIT: u32>;
        impl<const LIMIT: u32> Visitor<'_> for V<LIMIT> {
            type Value = Coordinate<LIMIT>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number of degrees")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                if v.is_finite() && v.abs() <= f64::from(LIMIT) {
                    Ok(Coordinate(v))
                } else {
                    Err(error_with_hint(
                        format!("coordinates out of range: {v} is not between -{LIMIT} and {LIMIT}"),
                        "latitude is between -90 and 90, longitude between -180 and 180, e.g. `{lat: 31.47, lng: 104.74}`",
                    ))
                }
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                self.visit_f64(v as f64)
            }
        }
        d.deserialize_any(V::<LIMIT>)
    }
}

/// How a policy's benefit reaches the company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Delivery {
    /// 免申即享: granted without an application.
    #[serde(rename = "免申即享", alias = "automatic")]
    Automatic,
    /// 快申快享: a simplified, fast application.
    #[serde(rename = "快申快享", alias = "fast-track")]
    FastTrack,
    /// A regular application.
    #[serde(rename = "apply", alias = "按规定申报")]
    Apply,
}

impl Delivery {
    /// The English word, for filters.
    pub fn word(self) -> &'static str {
        match self {
            Delivery::Automatic => "automatic",
            Delivery::FastTrack => "fast-track",
            Delivery::Apply => "apply",
        }
    }

    /// The key of the UI string that names this mode.
    pub fn key(self) -> &'static str {
        match self {
            Delivery::Automatic => "delivery_automatic",
            Delivery::FastTrack => "delivery_fast_track",
            Delivery::Apply => "delivery_apply",
        }
    }
}

/// One figure shown on an industry page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stat {
    pub label: Text,
    pub value: Text,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("new-display"));
        assert!(is_slug("5g"));
        assert!(!is_slug("New"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug("张伟"));
        assert_eq!(suggest_slug("张伟"), "zhang-wei");
        assert_eq!(suggest_slug("Wang Wei"), "wang-wei");
        assert_eq!(suggest_slug("东区 Park"), "dong-qu-park");
    }

    #[test]
    fn phones() {
        assert!(check_phone("+86 816 222 0000").is_ok());
        assert!(check_phone("0816-2220000 转 123").is_ok());
        assert!(check_phone("(0816) 222-0000").is_ok());
        assert!(check_phone("call me").is_err());
        assert!(check_phone("123").is_err());
        assert_eq!(
            Phone("+86 816 222 0000 转 12".into()).dial(),
            "+868162220000"
        );
    }

    #[test]
    fn emails_and_dates() {
        assert!(check_email("a@example.gov.cn").is_ok());
        assert!(check_email("a@b").is_err());
        assert!(check_email("a b@c.cn").is_err());
        assert!(check_date("2023-04-26").is_ok());
        assert!(check_date("2023-02-30").is_err());
        assert!(check_date("2023/04/26").is_err());
    }
}
