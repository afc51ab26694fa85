//! Splitting a display name into family and given names for vCard `N`.
//!
//! Content gives one `name` per language. Phones sort and display contacts
//! from the structured `N`, and Android builds the display name from it in
//! Western order, so a wrong split shows "明 王" or "Ming Wang" as a family
//! name. Chinese names put the family name first (one character, or two for
//! compound surnames); romanised Chinese names may come in either order, which
//! the Chinese name decides when the site has one.

use pinyin::ToPinyin;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    pub family: String,
    pub given: String,
}

/// Two-character surnames, most common first.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "轩辕", "令狐", "钟离", "端木", "独孤", "南宫", "西门", "万俟", "闻人", "澹台", "公冶",
    "濮阳", "太史", "申屠", "赫连", "呼延", "拓跋", "百里", "东郭", "左丘", "第五",
];

/// Surnames whose everyday pinyin differs from the character's first reading.
const SURNAME_PINYIN: &[(&str, &str)] = &[
    ("单", "Shan"),
    ("曾", "Zeng"),
    ("解", "Xie"),
    ("仇", "Qiu"),
    ("区", "Ou"),
    ("朴", "Piao"),
    ("查", "Zha"),
    ("盖", "Ge"),
    ("乐", "Yue"),
    ("覃", "Qin"),
    ("缪", "Miao"),
    ("翟", "Zhai"),
    ("折", "She"),
    ("尉迟", "Yuchi"),
    ("万俟", "Moqi"),
    ("长孙", "Zhangsun"),
];

impl PersonName {
    /// Splits `name`. `chinese` is the same person's name in Chinese, when
    /// the site has one, to tell the order of a romanised name.
    pub fn parse(name: &str, chinese: Option<&str>) -> PersonName {
        let name = name.trim();
        if name.chars().any(is_han) {
            return split_han(name);
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        match words.as_slice() {
            [] => PersonName::new("", ""),
            [only] => PersonName::new(only, ""),
            [first, .., last] => {
                let family_first = chinese
                    .filter(|c| c.chars().any(is_han))
                    .map(|c| romanise(&split_han(c).family))
                    .is_some_and(|family| {
                        same_letters(first, &family) && !same_letters(last, &family)
                    });
                if family_first {
                    PersonName::new(first, &words[1..].join(" "))
                } else {
                    PersonName::new(last, &words[..words.len() - 1].join(" "))
                }
            }
        }
    }

    fn new(family: &str, given: &str) -> PersonName {
        PersonName {
            family: family.to_owned(),
            given: given.to_owned(),
        }
    }

    /// The name in pinyin (`Wang`, `Xiaoming`), for phonetic sorting fields.
    pub fn romanised(&self) -> PersonName {
        PersonName {
            family: romanise(&self.family),
            given: romanise(&self.given),
        }
    }
}

/// Whether `c` is a Chinese character.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

fn split_han(name: &str) -> PersonName {
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    // Transliterated names (阿依古丽·买买提) end with the family or father's name.
    if let Some((given, family)) = name.rsplit_once(['·', '•', '・']) {
        return PersonName::new(family, given);
    }
    let split = COMPOUND_SURNAMES
        .iter()
        .find(|s| name.starts_with(*s) && name.len() > s.len())
        .map_or_else(
            || name.chars().next().map_or(0, char::len_utf8),
            |s| s.len(),
        );
    PersonName::new(&name[..split], &name[split..])
}

/// Pinyin without tones, capitalised once: 王 → Wang, 小明 → Xiaoming.
fn romanise(han: &str) -> String {
    if let Some((_, known)) = SURNAME_PINYIN.iter().find(|(h, _)| *h == han) {
        return (*known).to_owned();
    }
    let plain: String = han
        .chars()
        .map(|c| match c.to_pinyin() {
            Some(p) => p.plain().to_owned(),
            None => c.to_string(),
        })
        .collect();
    let mut chars = plain.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Compares letters only, ignoring case, hyphens and apostrophes
/// (`Ou-Yang` matches `Ouyang`).
fn same_letters(a: &str, b: &str) -> bool {
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    !b.is_empty() && letters(a) == letters(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(name: &str, chinese: Option<&str>) -> (String, String) {
        let n = PersonName::parse(name, chinese);
        (n.family, n.given)
    }

    #[test]
    fn chinese_names_put_the_family_name_first() {
        assert_eq!(split("王明", None), ("王".into(), "明".into()));
        assert_eq!(split("欧阳晓明", None), ("欧阳".into(), "晓明".into()));
        assert_eq!(split(" 李 娜 ", None), ("李".into(), "娜".into()));
        assert_eq!(
            split("阿依古丽·买买提", None),
            ("买买提".into(), "阿依古丽".into())
        );
    }

    #[test]
    fn romanised_names_follow_the_chinese_order_when_known() {
        assert_eq!(
            split("Wang Ming", Some("王明")),
            ("Wang".into(), "Ming".into())
        );
        assert_eq!(
            split("Ming Wang", Some("王明")),
            ("Wang".into(), "Ming".into())
        );
        assert_eq!(
            split("Ouyang Xiaoming", Some("欧阳晓明")),
            ("Ouyang".into(), "Xiaoming".into())
        );
        assert_eq!(split("Zeng Li", Some("曾丽")), ("Zeng".into(), "Li".into()));
    }

    #[test]
    fn other_names_are_western_order() {
        assert_eq!(
            split("Anna Maria Schmidt", None),
            ("Schmidt".into(), "Anna Maria".into())
        );
        assert_eq!(split("Madonna", None), ("Madonna".into(), "".into()));
        assert_eq!(split("", None), ("".into(), "".into()));
    }

    #[test]
    fn romanises_for_phonetic_fields() {
        let n = PersonName::parse("王小明", None).romanised();
        assert_eq!((n.family.as_str(), n.given.as_str()), ("Wang", "Xiaoming"));
        assert_eq!(PersonName::parse("单雄", None).romanised().family, "Shan");
    }
}
