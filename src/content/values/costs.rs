//! Operating costs and headline figures: rows an investor compares between
//! places (water, power, wages, rent). The same row is written in a park's
//! front matter, with texts a translation carries, and in site.yaml, with
//! texts given per language; so the text type is a parameter.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use crate::yaml::error_with_hint;

/// One cost: what it is, its price, the unit the price is in and a note
/// (`{item: 工业用电, price: 0.58, unit: 元/千瓦时, note: 大工业}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct Cost<T> {
    pub item: T,
    pub price: UnitPrice,
    #[serde(default)]
    pub unit: Option<T>,
    #[serde(default)]
    pub note: Option<T>,
}

/// A price: a number, so pages can show it the same way everywhere and
/// the comparison lines up. A price written with its unit (`3.05元/吨`)
/// is refused where it is written, with a hint to move the unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(transparent)]
pub struct UnitPrice(pub f64);

impl<'de> Deserialize<'de> for UnitPrice {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = UnitPrice;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<UnitPrice, E> {
                if v.is_finite() {
                    Ok(UnitPrice(v))
                } else {
                    self.visit_str(&v.to_string())
                }
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<UnitPrice, E> {
                Ok(UnitPrice(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<UnitPrice, E> {
                Ok(UnitPrice(v as f64))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<UnitPrice, E> {
                Err(error_with_hint(
                    format!("`price` must be a number, found `{v}`"),
                    "write the number alone and the unit beside it: `price: 3.05` and `unit: 元/吨`",
                ))
            }
        }
        d.deserialize_any(V)
    }
}

/// A headline figure of the site (`{label: 签约项目, value: 168}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct Figure<T> {
    pub label: T,
    pub value: T,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::values::Text;

    #[test]
    fn prices_are_numbers() {
        let row: Cost<Text> = serde_yaml::from_str("{item: 水, price: 3}").unwrap();
        assert_eq!(row.price, UnitPrice(3.0));
        let err = serde_yaml::from_str::<Cost<Text>>("{item: 水, price: 3元}").unwrap_err();
        assert!(err.to_string().contains("must be a number"), "{err}");
        let err = serde_yaml::from_str::<Cost<Text>>("{price: 3}").unwrap_err();
        assert!(err.to_string().contains("missing field `item`"), "{err}");
    }
}
