//! Money an investor compares: sums (`120亿元`, `USD 20 million`) and
//! prices per unit (`25万元/亩`, `18元/m²·月`). Editors write them as they
//! would in a brochure; each is parsed into a number while it is
//! deserialised (so a value that does not parse is reported at its own
//! line) and shown in the reader's language.

use serde::de::Deserializer;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{json, Value};

use super::fields::FieldValue;
use super::values::deserialize_checked;

/// The currencies a guide quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    Cny,
    Usd,
    Eur,
    Hkd,
}

impl Currency {
    fn code(self) -> &'static str {
        match self {
            Currency::Cny => "CNY",
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Hkd => "HKD",
        }
    }

    fn ja(self) -> &'static str {
        match self {
            Currency::Cny => "元",
            Currency::Usd => "米ドル",
            Currency::Eur => "ユーロ",
            Currency::Hkd => "香港ドル",
        }
    }

    fn ko(self) -> &'static str {
        match self {
            Currency::Cny => "위안",
            Currency::Usd => "달러",
            Currency::Eur => "유로",
            Currency::Hkd => "홍콩달러",
        }
    }

    /// The word after a Chinese amount: `元`, `美元`.
    fn zh(self) -> &'static str {
        match self {
            Currency::Cny => "元",
            Currency::Usd => "美元",
            Currency::Eur => "欧元",
            Currency::Hkd => "港元",
        }
    }
}

/// Currency words before or after the number, longest first so that `美元`
/// is not read as `元`.
const CURRENCY_WORDS: &[(&str, Currency)] = &[
    ("人民币", Currency::Cny),
    ("美元", Currency::Usd),
    ("欧元", Currency::Eur),
    ("港元", Currency::Hkd),
    ("港币", Currency::Hkd),
    ("dollars", Currency::Usd),
    ("yuan", Currency::Cny),
    ("HK$", Currency::Hkd),
    ("US$", Currency::Usd),
    ("CNY", Currency::Cny),
    ("RMB", Currency::Cny),
    ("USD", Currency::Usd),
    ("EUR", Currency::Eur),
    ("HKD", Currency::Hkd),
    ("元", Currency::Cny),
    ("¥", Currency::Cny),
    ("￥", Currency::Cny),
    ("$", Currency::Usd),
    ("€", Currency::Eur),
];

/// Multipliers after the number.
const SCALE_WORDS: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("千", 1e3),
    ("万", 1e4),
    ("亿", 1e8),
];

/// A sum of money: `120亿元`, `5000万元`, `USD 20 million`. Without a
/// currency it is in yuan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub currency: Currency,
}

impl Amount {
    /// Parses what an editor writes; `None` when it is not a sum.
    pub fn parse(text: &str) -> Option<Amount> {
        let mut rest = text.trim();
        let mut currency = None;
        if let Some((word, c)) = strip_word(rest, CURRENCY_WORDS, true) {
            currency = Some(c);
            rest = word;
        }
        let digits_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        let number: f64 = rest[..digits_end].replace(',', "").parse().ok()?;
        rest = rest[digits_end..].trim_start();
        let mut value = number;
        while let Some((after, scale)) = strip_word(rest, SCALE_WORDS, true) {
            value *= scale;
            rest = after;
        }
        if let Some((after, c)) = strip_word(rest, CURRENCY_WORDS, true) {
            if currency.is_some_and(|first| first != c) {
                return None;
            }
            currency = Some(c);
            rest = after;
        }
        (rest.is_empty() && value.is_finite()).then_some(Amount {
            value,
            currency: currency.unwrap_or(Currency::Cny),
        })
    }

    /// The sum as a reader of `lang` writes it: `120亿元`, `120億元`,
    /// `120억 위안`, `CNY 12 billion`.
    pub fn show(&self, lang: &str) -> String {
        let v = self.value;
        let tongue = lang.split('-').next().unwrap_or(lang);
        // Chinese, Japanese and Korean count in 万 (10⁴) and 亿 (10⁸).
        let east_asian = |hundred_million: &'static str, ten_thousand: &'static str| {
            if v.abs() >= 1e8 {
                (number(v / 1e8), hundred_million)
            } else if v.abs() >= 1e4 {
                (number(v / 1e4), ten_thousand)
            } else {
                (number(v), "")
            }
        };
        match tongue {
            "zh" => {
                let (n, scale) = east_asian("亿", "万");
                format!("{n}{scale}{}", self.currency.zh())
            }
            "ja" => {
                let (n, scale) = east_asian("億", "万");
                format!("{n}{scale}{}", self.currency.ja())
            }
            "ko" => {
                let (n, scale) = east_asian("억", "만");
                format!("{n}{scale} {}", self.currency.ko())
            }
            _ => {
                let (n, scale) = if v.abs() >= 1e9 {
                    (v / 1e9, " billion")
                } else if v.abs() >= 1e6 {
                    (v / 1e6, " million")
                } else {
                    (v, "")
                };
                format!("{} {}{scale}", self.currency.code(), grouped(&number(n)))
            }
        }
    }
}

/// Strips a word of `words` from the start of `text`, with the spaces after
/// it; with `either_case`, ASCII words match in any case.
fn strip_word<'a, T: Copy>(
    text: &'a str,
    words: &[(&str, T)],
    either_case: bool,
) -> Option<(&'a str, T)> {
    words.iter().find_map(|(word, value)| {
        let head = text.get(..word.len())?;
        let same = if either_case {
            head.eq_ignore_ascii_case(word)
        } else {
            head == *word
        };
        same.then(|| (text[word.len()..].trim_start(), *value))
    })
}

/// A number with at most two decimals and no trailing zeros: `869.8`, `12`.
pub fn number(n: f64) -> String {
    let text = format!("{:.2}", n);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Thousands separators for English: `250000` → `250,000`.
fn grouped(n: &str) -> String {
    let (int, frac) = n.split_once('.').map_or((n, None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut out = String::from(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Units prices are quoted per, with their English names.
const UNITS: &[(&[&str], &str)] = &[
    (&["亩", "mu"], "mu"),
    (
        &[
            "m²·月",
            "㎡·月",
            "m2·月",
            "平方米·月",
            "m²/月",
            "m2/month",
            "m²/month",
        ],
        "m² per month",
    ),
    (
        &["m²·天", "㎡·天", "m2·天", "平方米·天", "m²/天", "m2/day"],
        "m² per day",
    ),
    (&["m²", "㎡", "m2", "平方米"], "m²"),
    (&["kWh", "度", "千瓦时"], "kWh"),
    (&["m³", "立方米", "m3", "方"], "m³"),
    (&["吨", "t", "tonne"], "tonne"),
    (&["人·月", "人/月"], "person-month"),
    (&["月", "month"], "month"),
    (&["年", "year"], "year"),
];

/// A price per unit: `25万元/亩`, `18元/m²·月`, `0.6元/kWh`.
#[derive(Debug, Clone, PartialEq)]
pub struct Price {
    pub amount: Amount,
    /// The unit as written (`亩`).
    pub per: String,
}

impl Price {
    pub fn parse(text: &str) -> Option<Price> {
        let (amount, per) = text.split_once('/')?;
        let per = per.trim();
        (!per.is_empty()).then_some(())?;
        Some(Price {
            amount: Amount::parse(amount)?,
            per: per.to_owned(),
        })
    }

    pub fn show(&self, lang: &str) -> String {
        if ["zh", "ja", "ko"].contains(&lang.split('-').next().unwrap_or(lang)) {
            return format!("{}/{}", self.amount.show(lang), self.per);
        }
        let unit = UNITS
            .iter()
            .find(|(written, _)| written.contains(&self.per.as_str()))
            .map_or(self.per.as_str(), |(_, en)| en);
        format!("{} per {unit}", self.amount.show(lang))
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_checked(d, "a sum such as 120亿元 or USD 20 million", |v| {
            Amount::parse(v).ok_or_else(|| {
                (
                    format!("cannot read the sum `{v}`"),
                    "write a number with its unit, e.g. `120亿元`, `5000万元` or `USD 20 million`"
                        .to_owned(),
                )
            })
        })
    }
}

impl<'de> Deserialize<'de> for Price {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_checked(d, "a price such as 25万元/亩", |v| {
            Price::parse(v).ok_or_else(|| {
                (
                    format!("cannot read the price `{v}`"),
                    "write a sum, `/` and the unit, e.g. `25万元/亩` or `18元/m²·月`".to_owned(),
                )
            })
        })
    }
}

/// Templates get the parsed number; the text in the reader's language comes
/// from [`FieldValue::shown`].
impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        json!({"value": self.value, "currency": self.currency}).serialize(s)
    }
}

impl Serialize for Price {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        json!({"value": self.amount.value, "currency": self.amount.currency, "per": self.per})
            .serialize(s)
    }
}

impl FieldValue for Amount {
    fn name() -> String {
        "sum (120亿元, USD 20 million)".to_owned()
    }
    fn schema() -> Value {
        json!({"type": ["string", "number"], "description": "a sum with its unit: 120亿元, 5000万元, USD 20 million"})
    }
    fn shown(&self, lang: &str) -> Option<String> {
        Some(self.show(lang))
    }
}

impl FieldValue for Price {
    fn name() -> String {
        "price (25万元/亩)".to_owned()
    }
    fn schema() -> Value {
        json!({"type": "string", "pattern": "/", "description": "a sum per unit: 25万元/亩, 18元/m²·月"})
    }
    fn shown(&self, lang: &str) -> Option<String> {
        Some(self.show(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_are_read_as_editors_write_them() {
        let a = Amount::parse("120亿元").unwrap();
        assert_eq!((a.value, a.currency), (120e8, Currency::Cny));
        assert_eq!(Amount::parse("5000万元").unwrap().value, 5e7);
        let usd = Amount::parse("USD 20 million").unwrap();
        assert_eq!((usd.value, usd.currency), (2e7, Currency::Usd));
        assert_eq!(Amount::parse("1.5亿美元").unwrap().currency, Currency::Usd);
        assert_eq!(Amount::parse("¥ 3,000").unwrap().value, 3000.0);
        assert_eq!(Amount::parse("869.8亿").unwrap().value, 869.8e8);
        assert!(Amount::parse("a lot").is_none());
        assert!(Amount::parse("12 apples").is_none());
        assert!(Amount::parse("USD 5 元").is_none());
    }

    #[test]
    fn sums_are_shown_in_the_readers_language() {
        let a = Amount::parse("120亿元").unwrap();
        assert_eq!(a.show("zh"), "120亿元");
        assert_eq!(a.show("en"), "CNY 12 billion");
        assert_eq!(
            Amount::parse("5000万元").unwrap().show("en"),
            "CNY 50 million"
        );
        assert_eq!(Amount::parse("25万元").unwrap().show("en"), "CNY 250,000");
        assert_eq!(
            Amount::parse("USD 20 million").unwrap().show("zh"),
            "2000万美元"
        );
    }

    #[test]
    fn prices_keep_their_unit() {
        let p = Price::parse("25万元/亩").unwrap();
        assert_eq!(p.show("zh"), "25万元/亩");
        assert_eq!(p.show("en"), "CNY 250,000 per mu");
        assert_eq!(
            Price::parse("18元/m²·月").unwrap().show("en"),
            "CNY 18 per m² per month"
        );
        assert!(Price::parse("25万元").is_none());
        assert!(Price::parse("cheap/亩").is_none());
    }
}
