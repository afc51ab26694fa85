//! Loading `content/site.yaml`: the site's settings, decoded and checked
//! (languages, titles, theme, filing numbers) before any entry is linked,
//! since every later stage reads them.

use std::path::{Path, PathBuf};

use super::read_utf8;
use crate::config::{is_icp_number, police_record_number, Filing, RawConfig, SiteConfig};
use crate::diagnostics::{closest, Diagnostic, Diagnostics};

pub(super) fn load_config(root: &Path, diags: &mut Diagnostics) -> Option<SiteConfig> {
    let path = root.join("content/site.yaml");
    let shown = PathBuf::from("content/site.yaml");
    if !path.is_file() {
        diags.push(
            Diagnostic::error(&shown, "content/site.yaml is missing")
                .hint("create it with at least `title: {zh: …, en: …}`, or start a new site with `hui init`"),
        );
        return None;
    }
    let text = match read_utf8(root, &path) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let (raw, unknown) = match crate::yaml::decode::<RawConfig>(&text, 1) {
        Ok(v) => v,
        Err(e) => {
            diags.push(
                Diagnostic::error(&shown, e.message)
                    .at_opt(e.line.zip(e.column.or(Some(1))))
                    .with_hint(e.hint)
                    .with_source(&text),
            );
            return None;
        }
    };
    let filing = check_filing(&raw, &text, &shown, diags);
    let mut ok = true;
    let mut problem = |key: &str, msg: String, hint: String| {
        let pos = crate::yaml::locate_key_path(&text, key).or(Some((1, 1)));
        diags.push(
            Diagnostic::error(&shown, msg)
                .at_opt(pos)
                .hint(hint)
                .with_source(&text),
        );
    };
    for u in unknown {
        ok = false;
        let hint = match closest(&u.key, RawConfig::FIELDS.iter().copied()) {
            Some(c) => format!("did you mean `{c}`?"),
            None => format!("site.yaml accepts: {}", RawConfig::FIELDS.join(", ")),
        };
        problem(&u.path, format!("unknown setting `{}`", u.path), hint);
    }
    let languages: Vec<String> = match raw.languages {
        Some(langs) => langs.into_iter().map(|l| l.0).collect(),
        None => vec!["zh".into(), "en".into()],
    };
    if languages.is_empty() {
        ok = false;
        problem(
            "languages",
            "`languages` is empty".into(),
            "list at least one language, the default first: `languages: [zh, en]`".into(),
        );
    }
    for (i, l) in languages.iter().enumerate() {
        if languages[..i].contains(l) {
            ok = false;
            problem(
                "languages",
                format!("language `{l}` is listed twice"),
                "list each language once".into(),
            );
        }
    }
    if raw.title.is_empty() {
        ok = false;
        problem(
            "title",
            "the site has no `title`".into(),
            "add `title: {zh: 涪城区投资指南, en: Fucheng District Investment Guide}`".into(),
        );
    }
    let localized = [
        ("title", &raw.title),
        ("description", &raw.description),
        ("organization", &raw.organization),
        ("sponsor", &raw.sponsor),
        ("operator", &raw.operator),
    ];
    let contact = raw.contact.clone().unwrap_or_default();
    let contact_fields = [
        ("contact.address", &contact.address),
        ("contact.hours", &contact.hours),
    ];
    let stats = raw
        .stats
        .iter()
        .flat_map(|f| [("stats", &f.label), ("stats", &f.value)]);
    let costs = raw.costs.iter().flat_map(|c| {
        [("costs", &c.item)]
            .into_iter()
            .chain(c.unit.iter().map(|u| ("costs", u)))
            .chain(c.note.iter().map(|n| ("costs", n)))
    });
    let figures: Vec<(&str, &crate::config::Localized)> = stats.chain(costs).collect();
    for (key, value) in localized
        .iter()
        .chain(contact_fields.iter())
        .chain(figures.iter())
    {
        for lang in value.languages() {
            if !languages.iter().any(|l| l == lang) {
                ok = false;
                problem(
                    key,
                    format!("`{key}` has a text for `{lang}`, which is not in `languages`"),
                    format!(
                        "the site's languages are {}; add `{lang}` there or remove this text",
                        languages.join(", ")
                    ),
                );
            }
        }
    }
    let theme = raw.theme.unwrap_or_else(|| "default".into());
    if theme.is_empty() || theme.contains(['/', '\\']) || theme.starts_with('.') {
        ok = false;
        problem(
            "theme",
            format!("`{theme}` is not a theme name"),
            "name a folder of `themes/`, e.g. `theme: default`".into(),
        );
    }
    ok.then_some(SiteConfig {
        filing,
        title: raw.title,
        description: raw.description,
        base_url: raw.base_url,
        languages,
        theme,
        organization: raw.organization,
        contact,
        stats: raw.stats,
        costs: raw.costs,
    })
}

/// The filing numbers of site.yaml. Missing ones are fine; one that does not
/// look like a filing number is shown as written, with a warning, since a
/// mistyped number on a government site is what an inspection finds.
fn check_filing(raw: &RawConfig, text: &str, shown: &Path, diags: &mut Diagnostics) -> Filing {
    let trimmed = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let filing = Filing {
        icp: trimmed(&raw.icp),
        police_filing: trimmed(&raw.police_filing),
        site_code: trimmed(&raw.site_code),
        sponsor: raw.sponsor.clone(),
        operator: raw.operator.clone(),
    };
    let mut warn = |key: &str, message: String, hint: &str| {
        let pos = crate::yaml::locate_key_path(text, key).or(Some((1, 1)));
        diags.push(
            Diagnostic::warning(shown, message)
                .at_opt(pos)
                .hint(hint)
                .with_source(text),
        );
    };
    if let Some(icp) = filing.icp.as_deref().filter(|n| !is_icp_number(n)) {
        warn(
            "icp",
            format!("`icp` does not look like an ICP filing number: `{icp}`"),
            "write it as the MIIT issued it: region, ICP备, the digits and 号, e.g. `蜀ICP备12345678号` (or `…号-2` for a site's number)",
        );
    }
    if let Some(police) = filing
        .police_filing
        .as_deref()
        .filter(|n| police_record_number(n).is_none())
    {
        warn(
            "police_filing",
            format!("`police_filing` does not look like a public-security filing number: `{police}`"),
            "write it as issued: region, 公网安备, the 14 digits and 号, e.g. `川公网安备51070302000123号`",
        );
    }
    filing
}
