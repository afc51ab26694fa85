//! Texts a translation leaves out. The build shows the default-language
//! text in their place, so the page works, but a reader of the translation
//! meets a paragraph in another language. Which fields are texts to
//! translate comes from the schema's table of fields, not from a list here.

use crate::content::fields;
use crate::content::schema::{Collection, FrontMatter};
use crate::diagnostics::Diagnostic;

use super::Ctx;

/// Texts a translation leaves out, so that its page shows the
/// default-language text. A missing translation file, and a translation
/// without a body, are already reported by the build.
pub(super) fn untranslated_fields(ctx: &Ctx) -> Vec<Diagnostic> {
    let site = ctx.site;
    let default_lang = site.config.default_language();
    let mut out = Vec::new();
    for (id, entry) in site.entries.iter().enumerate() {
        let ours = text_fields(&site.source(id).front_matter, entry.collection);
        for variant in entry.variants.iter().skip(1).filter(|v| v.translated) {
            let Some(t) = site.translation(id, &variant.lang) else {
                continue;
            };
            let theirs = text_fields(&t.front_matter, entry.collection);
            for field in ours.iter().filter(|f| !theirs.contains(f)) {
                let line = t.body_first_line.saturating_sub(1).max(1);
                out.push(
                    Diagnostic::warning(
                        &t.path,
                        format!(
                            "`{field}` is not translated; the {} text is shown",
                            language_name(default_lang)
                        ),
                    )
                    .at(line, 1)
                    .hint(format!(
                        "add `{field}: …` with the {} text above the closing `---`; if the text is the same in every language, copy it",
                        language_name(&variant.lang)
                    ))
                    .with_source(&t.text),
                );
            }
        }
    }
    out
}

/// The text fields that `fm` fills in: what a translation is expected to
/// translate, as the schema's table of fields says (`Kind::translated`).
/// Numbers, dates, phones, e-mail, WeChat IDs, document numbers, slugs,
/// files and switches are the same in every language, so they are written
/// once and left out here. An empty text or list is as good as left out.
fn text_fields(fm: &FrontMatter, collection: Collection) -> Vec<&'static str> {
    let values = serde_json::to_value(fm).unwrap_or_default();
    let filled = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => !s.trim().is_empty(),
        serde_json::Value::Array(items) => !items.is_empty(),
        serde_json::Value::Null => false,
        _ => true,
    };
    fields::of(collection)
        .iter()
        .filter(|f| f.kind.translated() && filled(&values[f.name]))
        .map(|f| f.name)
        .collect()
}

/// A language's English name, for messages: "the Chinese text is shown".
fn language_name(lang: &str) -> String {
    let name = match lang.split('-').next().unwrap_or(lang) {
        "zh" => "Chinese",
        "en" => "English",
        "ja" => "Japanese",
        "ko" => "Korean",
        "ru" => "Russian",
        "fr" => "French",
        "de" => "German",
        "es" => "Spanish",
        "pt" => "Portuguese",
        "ar" => "Arabic",
        "vi" => "Vietnamese",
        "th" => "Thai",
        _ => return format!("`{lang}`"),
    };
    name.to_owned()
}
