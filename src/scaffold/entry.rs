//! The text of a new entry's files, field by field from the schema's table,
//! for `hui new` (placeholders, the rest commented out) and for `hui init`'s
//! sample site (complete and cross-referenced).
//!
//! Both commands go through [`entry_files`], so that a blank entry and a
//! sample one differ only in what [`Mode`] leaves active.

use std::collections::BTreeMap;
use std::path::Path;

use super::Planned;
use crate::content::fields::{self, say, FieldSpec, Kind, Say, Tongue};
use crate::content::schema::Collection;

/// The Markdown body of a new entry: where the text goes, and how to link.
fn body(collection: Collection) -> Say {
    match collection {
        Collection::Industries => say(
            "## 概况\n\n在这里用 Markdown 介绍产业基础、龙头企业和欢迎投资的方向。链接站内页面时写站内路径，例如[招商干部](/officials/)。\n",
            "## Overview\n\nDescribe the industry here in Markdown: its base, its leading companies and the investment it welcomes. Link to other pages by their site path, for example [our officials](/officials/).\n",
        ),
        Collection::Parks => say(
            "## 园区优势\n\n在这里介绍园区的区位、载体和配套服务。\n",
            "## Why this park\n\nDescribe the park's location, premises and services here.\n",
        ),
        Collection::Policies => say(
            "## 支持内容\n\n在这里写政策要点和办理流程。\n",
            "## What the policy offers\n\nSummarise the policy and how to apply here.\n",
        ),
        Collection::Officials => say(
            "在这里介绍工作职责，以及可以为投资者提供的服务。\n",
            "Describe your responsibilities and how you can help investors here.\n",
        ),
        Collection::Pages => say(
            "在这里用 Markdown 撰写页面正文。\n",
            "Write the page's text here in Markdown.\n",
        ),
        Collection::Projects => say(
            "## 项目概况\n\n在这里介绍项目的建设内容、市场前景和对投资方的要求。\n",
            "## About the project\n\nDescribe what the project builds, its market and what it asks of an investor here.\n",
        ),
        Collection::Carriers => say(
            "## 载体情况\n\n在这里介绍位置、交通、配套和交付条件。\n",
            "## About this site\n\nDescribe its location, access, utilities and handover terms here.\n",
        ),
        Collection::Events => say(
            "在这里介绍活动内容、议程和报名方式；活动结束后可补充成果。\n",
            "Describe the event, its programme and how to take part here; afterwards, add what came of it.\n",
        ),
    }
}

/// The slugs of the sample site's entries, which its references point at.
pub(super) fn sample_slug(collection: Collection) -> &'static str {
    match collection {
        Collection::Industries => "example-industry",
        Collection::Parks => "example-park",
        Collection::Policies => "example-policy",
        Collection::Officials => "zhang-san",
        Collection::Pages => "about",
        Collection::Projects => "sample-project",
        Collection::Carriers => "sample-plot",
        Collection::Events => "sample-event",
    }
}

/// What an entry is written for.
pub(super) enum Mode<'a> {
    /// `hui new`: texts are placeholders; facts, references, files and
    /// settings are commented out, with the slugs that exist as a guide.
    Blank {
        existing: &'a BTreeMap<Collection, Vec<String>>,
    },
    /// `hui init`: a complete sample whose references point at the other
    /// sample entries.
    Sample,
}

impl Mode<'_> {
    /// Whether the field is written active rather than commented out: a
    /// required one always is, so that a new entry builds.
    fn active(&self, field: &FieldSpec) -> bool {
        field.required
            || matches!(
                (self, field.kind),
                (_, Kind::Title | Kind::Text)
                    | (
                        Mode::Sample,
                        Kind::Fact | Kind::Reference(_) | Kind::Feature
                    )
            )
    }

    /// The value to write: references show real slugs where there are any.
    fn value(&self, example: &FieldSpec, slug: &str, tongue: Tongue) -> String {
        let slugs: Vec<&str> = match (self, example.kind) {
            (Mode::Sample, Kind::Reference(target)) => vec![sample_slug(target)],
            (Mode::Blank { existing }, Kind::Reference(target)) => existing
                .get(&target)
                .map(|s| s.iter().take(2).map(String::as_str).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let one = !example.example.en.starts_with('[');
        match slugs.first() {
            None => example.example.get(tongue).replace("{slug}", slug),
            Some(first) if one => (*first).to_owned(),
            Some(_) => format!("[{}]", slugs.join(", ")),
        }
    }

    /// Lists the slugs a reference may use, so the editor need not look.
    fn note(&self, kind: Kind, tongue: Tongue) -> String {
        let (Mode::Blank { existing }, Kind::Reference(target)) = (self, kind) else {
            return String::new();
        };
        let slugs = existing.get(&target).map(Vec::as_slice).unwrap_or_default();
        let shown = slugs.iter().take(8).map(String::as_str).collect::<Vec<_>>();
        let more = if slugs.len() > shown.len() { "…" } else { "" };
        match (tongue, shown.is_empty()) {
            (Tongue::Zh, false) => format!("现有：{}{more}", shown.join("、")),
            (Tongue::En, false) => format!(" Existing: {}{more}", shown.join(", ")),
            (Tongue::Zh, true) => {
                format!("目前还没有，可用 hui new {} <slug> 新建。", target.dir())
            }
            (Tongue::En, true) => format!(
                " None yet; create one with hui new {} <slug>.",
                target.dir()
            ),
        }
    }
}

const REQUIRED: Say = say("必填。", " Required.");

const HEADER: Say = say(
    "以 # 开头的行是注释。要使用某个字段，删掉它行首的“# ”；不需要的字段可以整行删除。",
    "Lines that start with # are comments. To use a field, delete the \"# \" in front of it; delete the fields you do not need.",
);

const TRANSLATION_HEADER: Say = say(
    "这是 {slug}.md 的译文，只写需要翻译的文字。这里没有的字段（电话、日期、关联等）沿用 {slug}.md。",
    "This file translates {slug}.md and holds only the translated texts. Every field it leaves out (phones, dates, references…) is taken from {slug}.md.",
);

/// The text of one file of an entry, in `lang`.
fn entry_text(
    collection: Collection,
    slug: &str,
    lang: &str,
    translation: bool,
    mode: &Mode,
) -> String {
    let tongue = Tongue::of(lang);
    let header = if translation {
        TRANSLATION_HEADER
    } else {
        HEADER
    };
    let mut out = String::from("---\n");
    push_comment(&mut out, &header.get(tongue).replace("{slug}", slug));
    for example in fields::of(collection) {
        if translation && !example.kind.translated() {
            continue;
        }
        let mut help = example.meaning.get(tongue).to_owned();
        if example.required && !translation {
            help.push_str(REQUIRED.get(tongue));
        }
        help.push_str(&mode.note(example.kind, tongue));
        push_comment(&mut out, &help);
        let value = mode.value(example, slug, tongue);
        push_field(&mut out, example.name, &value, mode.active(example));
    }
    out.push_str("---\n");
    out.push_str(body(collection).get(tongue));
    out
}

/// Writes one YAML comment line; YAML has no block comments.
fn push_comment(out: &mut String, text: &str) {
    out.push_str("# ");
    out.push_str(text);
    out.push('\n');
}

/// Writes `field: value`; a commented-out field has `# ` before every line,
/// so that a block list is enabled by deleting the marks as well.
fn push_field(out: &mut String, field: &str, value: &str, active: bool) {
    let separator = if value.starts_with('\n') { ":" } else { ": " };
    for line in format!("{field}{separator}{value}").lines() {
        if !active {
            out.push_str("# ");
        }
        out.push_str(line);
        out.push('\n');
    }
}

/// `<slug>.md` in the default language, then `<slug>.<lang>.md` for the others.
pub(super) fn entry_files(
    collection: Collection,
    slug: &str,
    languages: &[String],
    mode: &Mode,
) -> Vec<Planned> {
    let dir = Path::new("content").join(collection.dir());
    languages
        .iter()
        .enumerate()
        .map(|(i, lang)| {
            let name = if i == 0 {
                format!("{slug}.md")
            } else {
                format!("{slug}.{lang}.md")
            };
            Planned {
                rel: dir.join(name),
                text: entry_text(collection, slug, lang, i > 0, mode),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::schema::decode;

    /// Every example, even the commented-out ones, is a value the schema
    /// accepts, so uncommenting a line never produces an error.
    #[test]
    fn every_example_value_is_valid() {
        for collection in Collection::ALL {
            for tongue in [Tongue::Zh, Tongue::En] {
                let mut yaml = String::new();
                for example in fields::of(collection) {
                    let value = example.example.get(tongue).replace("{slug}", "zhang-wei");
                    push_field(&mut yaml, example.name, &value, true);
                }
                let (fm, unknown) = decode(collection, &yaml, 1)
                    .unwrap_or_else(|e| panic!("{collection:?} {tongue:?}: {e:?}\n{yaml}"));
                assert!(unknown.is_empty(), "{collection:?}: {unknown:?}");
                let json = serde_json::to_value(&fm).unwrap();
                for field in collection.fields() {
                    assert!(
                        !json[field].is_null(),
                        "{collection:?}: `{field}` not decoded"
                    );
                }
            }
        }
    }

    #[test]
    fn blank_entries_comment_out_facts_references_and_files() {
        let existing = BTreeMap::from([(Collection::Industries, vec!["new-display".to_owned()])]);
        let mode = Mode::Blank {
            existing: &existing,
        };
        let zh = entry_text(Collection::Officials, "zhang-wei", "zh", false, &mode);
        assert!(zh.contains("\nname: 张三\n"), "{zh}");
        assert!(zh.contains("\n# phone: \"+86 000 0000 0001\"\n"), "{zh}");
        assert!(zh.contains("\n# photo: zhang-wei.jpg\n"), "{zh}");
        assert!(zh.contains("\n# industries: [new-display]\n"), "{zh}");
        assert!(zh.contains("现有：new-display"), "{zh}");
        let en = entry_text(Collection::Officials, "zhang-wei", "en", true, &mode);
        assert!(en.contains("\nname: Zhang San\n"), "{en}");
        assert!(
            !en.contains("phone:"),
            "translations carry only texts:\n{en}"
        );
        assert!(!en.contains("industries"), "{en}");
    }

    #[test]
    fn block_lists_are_commented_out_line_by_line() {
        let mut out = String::new();
        push_field(&mut out, "highlights", "\n  - a\n  - b", false);
        assert_eq!(out, "# highlights:\n#   - a\n#   - b\n");
    }

    #[test]
    fn third_languages_get_english_comments() {
        assert_eq!(Tongue::of("zh-hant"), Tongue::Zh);
        assert_eq!(Tongue::of("ja"), Tongue::En);
    }
}
