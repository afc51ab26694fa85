//! Fixed vocabularies of the front matter (a project's status, a carrier's
//! kind, an event's kind…) and an event's time. Each word is accepted in
//! English or Chinese; an unknown word is an error at its line that lists
//! the valid ones, and templates get the English word, which keys both
//! the UI string that names it and the list pages' filters.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{json, Value};

use super::fields::FieldValue;
use crate::yaml::error_with_hint;

/// Declares a vocabulary: `Variant = "word" | "中文",` one a line. The
/// UI string naming a word is `<prefix>_<word>` (`project_status_signed`).
macro_rules! words {
    ($(#[$meta:meta])* $name:ident ($prefix:literal) { $( $variant:ident = $word:literal | $zh:literal ),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $( $variant ),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The English word, as written in front matter and filters.
            pub fn word(self) -> &'static str {
                match self { $( $name::$variant => $word ),* }
            }

            fn zh(self) -> &'static str {
                match self { $( $name::$variant => $zh ),* }
            }

            /// The key of the UI string that names the word.
            pub fn key(self) -> String {
                format!("{}_{}", $prefix, self.word().replace('-', "_"))
            }

            fn from_word(v: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|w| w.word() == v || w.zh() == v)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.word())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str(concat!("one of: ", $($word, " ",)*))
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$name, E> {
                        $name::from_word(v.trim()).ok_or_else(|| {
                            let valid: Vec<String> = $name::ALL
                                .iter()
                                .map(|w| format!("`{}` ({})", w.word(), w.zh()))
                                .collect();
                            error_with_hint(
                                format!("unknown {} `{v}`", $prefix.replace('_', " ")),
                                &format!("use one of {}", valid.join(", ")),
                            )
                        })
                    }
                }
                d.deserialize_str(V)
            }
        }

        impl FieldValue for $name {
            fn name() -> String {
                Self::ALL.iter().map(|w| w.word()).collect::<Vec<_>>().join(" | ")
            }
            fn schema() -> Value {
                let words: Vec<&str> = Self::ALL.iter().flat_map(|w| [w.word(), w.zh()]).collect();
                json!({"enum": words})
            }
        }
    };
}

words! {
    /// Where an investment project stands.
    ProjectStatus ("project_status") {
        Seeking = "seeking" | "招商中",
        Negotiating = "negotiating" | "洽谈中",
        Signed = "signed" | "已签约",
        Building = "building" | "在建",
        Operating = "operating" | "已投产",
    }
}

impl ProjectStatus {
    /// Whether the project has an investor (and so a signing date).
    pub fn is_signed(self) -> bool {
        matches!(
            self,
            ProjectStatus::Signed | ProjectStatus::Building | ProjectStatus::Operating
        )
    }
}

words! {
    /// What a carrier is.
    CarrierKind ("carrier_kind") {
        Land = "land" | "土地",
        Factory = "factory" | "厂房",
        Office = "office" | "写字楼",
    }
}

words! {
    /// Whether a carrier can be had.
    CarrierStatus ("carrier_status") {
        Available = "available" | "可供",
        Reserved = "reserved" | "已预留",
        Taken = "taken" | "已出让",
    }
}

words! {
    /// What an event is.
    EventKind ("event_kind") {
        Fair = "fair" | "展会",
        Signing = "signing" | "签约",
        Roadshow = "roadshow" | "路演",
        Forum = "forum" | "论坛",
        Meeting = "meeting" | "会议",
        News = "news" | "动态",
    }
}

words! {
    /// What a policy grants, for the policies' filter.
    PolicyType ("policy_type") {
        Subsidy = "subsidy" | "资金补贴",
        Tax = "tax" | "税收优惠",
        Land = "land" | "用地保障",
        Talent = "talent" | "人才支持",
        Finance = "finance" | "金融支持",
        Rent = "rent" | "租金减免",
        Service = "service" | "服务保障",
    }
}

/// When an event starts or ends: a day (`2026-03-18`, all day) or a day
/// and a time (`2026-03-18 09:30`), in the district's time (Asia/Shanghai).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct When {
    pub date: jiff::civil::Date,
    pub time: Option<jiff::civil::Time>,
}

/// The district's time zone: events are written in local time.
pub const TIME_ZONE: &str = "Asia/Shanghai";

impl When {
    pub fn parse(v: &str) -> Option<When> {
        let v = v.trim();
        let (day, time) = match v.split_once([' ', 'T']) {
            Some((d, t)) => (d, Some(t.trim())),
            None => (v, None),
        };
        let date: jiff::civil::Date = day.parse().ok()?;
        let time = match time {
            Some(t) => Some(t.parse::<jiff::civil::Time>().ok()?),
            None => None,
        };
        Some(When { date, time })
    }

    /// The moment as written: `2026-03-18` or `2026-03-18 09:30`.
    pub fn written(&self) -> String {
        match self.time {
            Some(t) => format!("{} {}", self.date, t.strftime("%H:%M")),
            None => self.date.to_string(),
        }
    }

    /// The start of the moment, for ordering and for "is it past".
    pub fn datetime(&self) -> jiff::civil::DateTime {
        self.date
            .to_datetime(self.time.unwrap_or(jiff::civil::Time::midnight()))
    }
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = When;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date such as 2026-03-18 or 2026-03-18 09:30")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<When, E> {
                When::parse(v).ok_or_else(|| {
                    error_with_hint(
                        format!("`{v}` is not a date or a date and time"),
                        "write YYYY-MM-DD, or YYYY-MM-DD HH:MM in Beijing time, e.g. `2026-03-18 09:30`",
                    )
                })
            }
        }
        d.deserialize_str(V)
    }
}

impl Serialize for When {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        json!({
            "date": self.date.to_string(),
            "time": self.time.map(|t| t.strftime("%H:%M").to_string()),
            "written": self.written(),
        })
        .serialize(s)
    }
}

impl FieldValue for When {
    fn name() -> String {
        "date or date and time".to_owned()
    }
    fn schema() -> Value {
        json!({"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2})?)?$"})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_read_in_either_language_and_unknown_ones_listed() {
        let s: ProjectStatus = serde_yaml::from_str("已签约").unwrap();
        assert_eq!(s, ProjectStatus::Signed);
        let s: ProjectStatus = serde_yaml::from_str("seeking").unwrap();
        assert_eq!(s.key(), "project_status_seeking");
        let e = serde_yaml::from_str::<ProjectStatus>("done")
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown project status `done`"), "{e}");
        assert!(e.contains("`negotiating` (洽谈中)"), "{e}");
    }

    #[test]
    fn event_times() {
        let w = When::parse("2026-03-18 09:30").unwrap();
        assert_eq!(w.written(), "2026-03-18 09:30");
        assert!(When::parse("2026-03-18").unwrap().time.is_none());
        assert!(When::parse("next week").is_none());
        assert!(When::parse("2026-02-30").is_none());
        assert!(When::parse("2026-03-18 25:00").is_none());
    }
}
