//! Measures of land and buildings: areas in square metres (shown in 亩 for
//! land), ranges such as a plot ratio, and percentages. Like sums, each is
//! read as editors write it and checked while it is deserialised.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::amounts::number;
use super::fields::FieldValue;
use super::values::deserialize_checked;
use crate::yaml::error_with_hint;

/// An area in square metres: `12000`, `"12,000 m²"`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(transparent)]
pub struct SquareMetres(pub f64);

/// Square metres in a 亩 (mu), the unit Chinese land is sold in.
pub const M2_PER_MU: f64 = 666.67;

impl SquareMetres {
    pub fn mu(self) -> f64 {
        self.0 / M2_PER_MU
    }
}

fn parse_area(v: &str) -> Result<SquareMetres, (String, String)> {
    let trimmed = v.trim();
    let number = ["m²", "㎡", "m2", "平方米"]
        .iter()
        .find_map(|unit| trimmed.strip_suffix(unit))
        .unwrap_or(trimmed)
        .trim()
        .replace(',', "");
    match number.parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 0.0 => Ok(SquareMetres(n)),
        _ => Err((
            format!("`{v}` is not an area in square metres"),
            "write the number of square metres, e.g. `12000` (1 亩 = 666.67 m²)".to_owned(),
        )),
    }
}

impl<'de> Deserialize<'de> for SquareMetres {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_checked(d, "an area in square metres", parse_area)
    }
}

impl FieldValue for SquareMetres {
    fn name() -> String {
        "area in m²".to_owned()
    }
    fn schema() -> Value {
        json!({"type": ["number", "string"], "description": "square metres"})
    }
}

/// A range such as a plot ratio: `{min: 1.2, max: 2.5}`, or one number.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    pub min: Option<f64>,
    pub max: Option<f64>,
}

impl<'de> Deserialize<'de> for Range {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Range;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or `{min, max}`")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Range, E> {
                Ok(Range {
                    min: Some(v),
                    max: Some(v),
                })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Range, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Range, E> {
                self.visit_f64(v as f64)
            }
            // Checked while the mapping is read, so that an error points at
            // its line.
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Range, A::Error> {
                let mut range = Range {
                    min: None,
                    max: None,
                };
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "min" => range.min = Some(map.next_value()?),
                        "max" => range.max = Some(map.next_value()?),
                        other => {
                            return Err(error_with_hint(
                                format!("unknown key `{other}` in a range"),
                                "a range has `min` and `max`, e.g. `{min: 1.2, max: 2.5}`",
                            ))
                        }
                    }
                }
                match (range.min, range.max) {
                    (Some(min), Some(max)) if min > max => Err(error_with_hint(
                        format!(
                            "the minimum {} is above the maximum {}",
                            number(min),
                            number(max)
                        ),
                        "swap them: `min` is the lower bound",
                    )),
                    (None, None) => Err(error_with_hint(
                        "the range gives neither `min` nor `max`",
                        "write e.g. `{min: 1.2, max: 2.5}`",
                    )),
                    _ => Ok(range),
                }
            }
        }
        d.deserialize_any(V)
    }
}

impl FieldValue for Range {
    fn name() -> String {
        "{min, max}".to_owned()
    }
    fn schema() -> Value {
        json!({"anyOf": [{"type": "number"}, {
            "type": "object",
            "properties": {"min": {"type": "number"}, "max": {"type": "number"}},
            "additionalProperties": false
        }]})
    }
}

/// A share written `45%`, `45` or `0.45`; kept as a percentage.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Percent(pub f64);

fn parse_percent(v: &str) -> Result<Percent, (String, String)> {
    let text = v.trim();
    let (number, has_sign) = match text.strip_suffix('%') {
        Some(n) => (n.trim(), true),
        None => (text, false),
    };
    match number.parse::<f64>() {
        Ok(n) if !has_sign && (0.0..=1.0).contains(&n) && n != 0.0 && n != 1.0 => {
            Ok(Percent(n * 100.0))
        }
        Ok(n) if (0.0..=100.0).contains(&n) => Ok(Percent(n)),
        _ => Err((
            format!("`{v}` is not a percentage"),
            "write e.g. `45%`".to_owned(),
        )),
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_checked(d, "a percentage such as 45%", parse_percent)
    }
}

impl FieldValue for Percent {
    fn name() -> String {
        "percentage".to_owned()
    }
    fn schema() -> Value {
        json!({"type": ["number", "string"], "description": "45% or 0.45"})
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", number(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_ranges_and_percentages() {
        assert_eq!(parse_area("12,000 m²").unwrap().0, 12000.0);
        assert!(parse_area("big").is_err());
        assert_eq!(parse_percent("45%").unwrap().0, 45.0);
        assert_eq!(parse_percent("0.45").unwrap().0, 45.0);
        assert!(parse_percent("145%").is_err());
        let r: Range = serde_yaml::from_str("{min: 1.2, max: 2.5}").unwrap();
        assert_eq!((r.min, r.max), (Some(1.2), Some(2.5)));
        assert!(serde_yaml::from_str::<Range>("{min: 3, max: 2}").is_err());
    }
}
