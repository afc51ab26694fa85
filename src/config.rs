//! `content/site.yaml`: site-wide settings, validated.
//!
//! Raw YAML becomes a [`SiteConfig`] whose values are known to be good: an
//! absolute http(s) `base_url`, well-formed language codes, localised strings
//! for languages the site has.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use crate::content::values::{deserialize_checked, Cost, Email, Figure, Phone};
use crate::yaml::error_with_hint;

/// A string given once for all languages, or per language:
/// `title: {zh: 涪城区投资指南, en: Fucheng District Investment Guide}`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Localized {
    #[default]
    Empty,
    Same(String),
    PerLanguage(BTreeMap<String, String>),
}

impl Localized {
    /// The string for `lang`, falling back to `default_lang`, then to any.
    pub fn get<'a>(&'a self, lang: &str, default_lang: &str) -> Option<&'a str> {
        match self {
            Localized::Empty => None,
            Localized::Same(s) => Some(s),
            Localized::PerLanguage(map) => map
                .get(lang)
                .or_else(|| map.get(default_lang))
                .or_else(|| map.values().next())
                .map(String::as_str),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Localized::Empty => true,
            Localized::Same(s) => s.trim().is_empty(),
            Localized::PerLanguage(m) => m.values().all(|s| s.trim().is_empty()),
        }
    }

    /// Language keys present in a per-language map.
    pub fn languages(&self) -> Vec<&str> {
        match self {
            Localized::PerLanguage(map) => map.keys().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }
}

impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Localized;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or a map of language to string such as `{zh: …, en: …}`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Localized, E> {
                Ok(Localized::Same(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Localized, E> {
                Ok(Localized::Same(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Localized, E> {
                Ok(Localized::Same(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Localized, E> {
                Ok(Localized::Same(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Localized, E> {
                Ok(Localized::Empty)
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Localized, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    out.insert(k, v);
                }
                Ok(Localized::PerLanguage(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// An absolute http(s) URL, normalised to end with `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// `https://host` (scheme and authority, no trailing slash).
    pub origin: String,
    /// The path, starting and ending with `/`: `/` or `/guide/`.
    pub path: String,
}

impl BaseUrl {
    pub fn parse(input: &str) -> Result<BaseUrl, (String, String)> {
        let hint = "write an absolute address such as https://invest.example.gov.cn/ or https://example.gov.cn/guide/".to_owned();
        let input = input.trim();
        let rest = input
            .strip_prefix("https://")
            .map(|r| ("https", r))
            .or_else(|| input.strip_prefix("http://").map(|r| ("http", r)));
        let Some((scheme, rest)) = rest else {
            return Err((
                format!("`base_url` must start with https:// or http://, found `{input}`"),
                hint,
            ));
        };
        let (host, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let host_ok = !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c));
        let path_ok = !path.contains(['?', '#', ' ', '"', '<', '>', '\\']);
        if !host_ok || !path_ok {
            return Err((format!("`{input}` is not a valid base URL"), hint));
        }
        let mut path = path.to_owned();
        if !path.ends_with('/') {
            path.push('/');
        }
        Ok(BaseUrl {
            origin: format!("{scheme}://{}", host.to_ascii_lowercase()),
            path,
        })
    }
}

impl<'de> Deserialize<'de> for BaseUrl {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_checked(d, "an absolute http(s) URL", BaseUrl::parse)
    }
}

/// A language code such as `zh`, `en` or `zh-hant`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LangCode(pub String);

impl<'de> Deserialize<'de> for LangCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_checked(d, "a language code", LangCode::parse)
    }
}

impl LangCode {
    fn parse(s: &str) -> Result<LangCode, (String, String)> {
        let valid = s.split('-').enumerate().all(|(i, part)| {
            let len_ok = if i == 0 {
                (2..=3).contains(&part.len())
            } else {
                (1..=8).contains(&part.len())
            };
            len_ok
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || (i > 0 && b.is_ascii_digit()))
        });
        if valid {
            Ok(LangCode(s.to_owned()))
        } else {
            Err((
                format!("`{s}` is not a language code"),
                "use lowercase ISO 639-1 codes such as `zh`, `en`, `ja` (a region may follow: `zh-hant`)".to_owned(),
            ))
        }
    }
}

/// How to reach the bureau: structured details, or a localised text, or both
/// (`contact: {phone: …, email: …}` or `contact: {zh: 电话…, en: Phone…}`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contact {
    pub phone: Option<Phone>,
    pub email: Option<Email>,
    pub wechat: Option<String>,
    pub address: Localized,
    pub hours: Localized,
    /// Free text, when contact is given as a localised string.
    pub text: Localized,
}

impl Contact {
    pub const FIELDS: &'static [&'static str] = &["phone", "email", "wechat", "address", "hours"];
}

impl<'de> Deserialize<'de> for Contact {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Contact;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "contact details such as `{phone: …, email: …}`, or a text per language",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Contact, E> {
                Ok(Contact {
                    text: Localized::Same(v.to_owned()),
                    ..Contact::default()
                })
            }
            fn visit_unit<E: de::Error>(self) -> Result<Contact, E> {
                Ok(Contact::default())
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Contact, A::Error> {
                let mut contact = Contact::default();
                let mut text = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "phone" => contact.phone = Some(map.next_value()?),
                        "email" => contact.email = Some(map.next_value()?),
                        "wechat" => contact.wechat = Some(map.next_value()?),
                        "address" => contact.address = map.next_value()?,
                        "hours" => contact.hours = map.next_value()?,
                        lang if LangCode::parse(lang).is_ok() => {
                            text.insert(key.clone(), map.next_value::<String>()?);
                        }
                        other => {
                            let hint = match crate::diagnostics::closest(
                                other,
                                Contact::FIELDS.iter().copied(),
                            ) {
                                Some(c) => format!("did you mean `{c}`?"),
                                None => format!(
                                    "contact accepts {}, or a text per language",
                                    Contact::FIELDS.join(", ")
                                ),
                            };
                            return Err(error_with_hint(
                                format!("unknown field `{other}` in `contact`"),
                                &hint,
                            ));
                        }
                    }
                }
                if !text.is_empty() {
                    contact.text = Localized::PerLanguage(text);
                }
                Ok(contact)
            }
        }
        d.deserialize_any(V)
    }
}

/// site.yaml as written.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawConfig {
    #[serde(default)]
    pub title: Localized,
    #[serde(default)]
    pub description: Localized,
    #[serde(default)]
    pub base_url: Option<BaseUrl>,
    #[serde(default)]
    pub languages: Option<Vec<LangCode>>,
    #[serde(default)]
    pub theme: Option<String>,
    #[serde(default)]
    pub organization: Localized,
    #[serde(default)]
    pub contact: Option<Contact>,
    #[serde(default)]
    pub icp: Option<String>,
    #[serde(default)]
    pub police_filing: Option<String>,
    #[serde(default)]
    pub site_code: Option<String>,
    #[serde(default)]
    pub sponsor: Localized,
    #[serde(default)]
    pub operator: Localized,
    #[serde(default)]
    pub stats: Vec<Figure<Localized>>,
    #[serde(default)]
    pub costs: Vec<Cost<Localized>>,
}

impl RawConfig {
    pub const FIELDS: &'static [&'static str] = &[
        "title",
        "description",
        "base_url",
        "languages",
        "theme",
        "organization",
        "contact",
        "icp",
        "police_filing",
        "site_code",
        "sponsor",
        "operator",
        "stats",
        "costs",
    ];
}

/// What a website in mainland China must show at its foot: its ICP filing
/// (ICP 备案号), its public-security filing (公安机关备案号) and, for a
/// government site, its site code (政府网站标识码) and the units that run it
/// (主办单位, 承办单位). Each is optional: not every host needs them.
#[derive(Debug, Clone, Default)]
pub struct Filing {
    pub icp: Option<String>,
    pub police_filing: Option<String>,
    pub site_code: Option<String>,
    pub sponsor: Localized,
    pub operator: Localized,
}

/// Where a visitor checks an ICP number: the MIIT's filing site.
pub const ICP_SITE: &str = "https://beian.miit.gov.cn/";

/// The abbreviations that begin an ICP number, one per provincial region
/// (`蜀` for Sichuan, `京` for Beijing…).
const ICP_REGIONS: &str = "京津沪渝冀豫云滇辽黑湘皖鲁新苏浙赣鄂桂甘陇晋蒙陕吉闽贵黔粤青藏川蜀宁琼";

/// Whether `s` has the shape of an ICP number: a region, `ICP备`, six to ten
/// digits, `号`, and optionally `-` and the site's number
/// (`蜀ICP备12345678号`, `京ICP备2023012345号-2`).
pub fn is_icp_number(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(region) = chars.next() else {
        return false;
    };
    let Some(rest) = chars.as_str().strip_prefix("ICP备") else {
        return false;
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let Some(tail) = rest[digits..].strip_prefix('号') else {
        return false;
    };
    let site_number = match tail.strip_prefix('-') {
        Some(n) => !n.is_empty() && n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit()),
        None => tail.is_empty(),
    };
    ICP_REGIONS.contains(region) && (6..=10).contains(&digits) && site_number
}

/// The public-security filing's 14-digit record number
/// (`川公网安备51070302000123号` → `51070302000123`), when it has one: the
/// filing site's query link needs it.
pub fn police_record_number(s: &str) -> Option<String> {
    let rest = s.split_once("公网安备")?.1;
    let digits: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = digits.strip_suffix('号')?;
    (digits.len() == 14 && digits.chars().all(|c| c.is_ascii_digit())).then(|| digits.to_owned())
}

/// The public-security filing site, on the query of a record number.
pub fn police_filing_url(number: Option<&str>) -> String {
    match number {
        Some(n) => format!("https://beian.mps.gov.cn/#/query/webSearch?code={n}"),
        None => "https://beian.mps.gov.cn/".to_owned(),
    }
}

/// Validated site settings.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: Localized,
    pub description: Localized,
    pub base_url: Option<BaseUrl>,
    /// The first is the default language, served at the root.
    pub languages: Vec<String>,
    pub theme: String,
    pub organization: Localized,
    pub contact: Contact,
    pub filing: Filing,
    /// Headline figures for the home page (签约项目 168).
    pub stats: Vec<Figure<Localized>>,
    /// The district's operating costs, for the home page.
    pub costs: Vec<Cost<Localized>>,
}

impl SiteConfig {
    pub fn default_language(&self) -> &str {
        &self.languages[0]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icp_numbers() {
        for good in [
            "蜀ICP备12345678号",
            "京ICP备2023012345号-2",
            "粤ICP备052468号",
        ] {
            assert!(is_icp_number(good), "{good}");
        }
        for bad in [
            "ICP备12345678号",
            "蜀ICP12345678号",
            "蜀ICP备12345678",
            "蜀ICP备123号",
            "蜀ICP备12345678号-",
            "XICP备12345678号",
            "蜀ICP备12345678号 ",
        ] {
            assert!(!is_icp_number(bad), "{bad}");
        }
    }

    #[test]
    fn police_numbers() {
        assert_eq!(
            police_record_number("川公网安备 51070302000123号").as_deref(),
            Some("51070302000123")
        );
        assert_eq!(police_record_number("川公网安备5107号"), None);
        assert_eq!(police_record_number("51070302000123"), None);
    }
}
