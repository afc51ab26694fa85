//! Themes: Tera templates, static files (CSS, JS) and UI strings.
//!
//! The default theme under `themes/default/` is compiled into the binary, so
//! a site that has only `content/` builds. A site's own `themes/<name>/`
//! (named by `theme:` in site.yaml) overrides it file by file: a theme that
//! only changes `static/base.css` needs only that file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::Tera;

use crate::diagnostics::{Diagnostic, Diagnostics};

/// Declares the default theme's files, embedded at compile time.
macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../themes/default/", $path)) as &[u8])),*]
    };
}

const DEFAULT_THEME: &[(&str, &[u8])] = embed![
    "templates/base.html",
    "templates/index.html",
    "templates/list.html",
    "templates/industry.html",
    "templates/park.html",
    "templates/policy.html",
    "templates/official.html",
    "templates/officials.html",
    "templates/page.html",
    "templates/404.html",
    "templates/redirect.html",
    "templates/search.html",
    "templates/grouped.html",
    "templates/facts-entry.html",
    "templates/project.html",
    "templates/carrier.html",
    "templates/event.html",
    "templates/card-sheet.html",
    "templates/partials/print-side.html",
    "templates/parks-compare.html",
    "templates/guide.html",
    "templates/partials/entry-card.html",
    "templates/partials/official-card.html",
    "templates/partials/related.html",
    "templates/partials/entry-head.html",
    "templates/partials/list-head.html",
    "templates/partials/chain.html",
    "templates/partials/costs.html",
    "static/base.css",
    "static/pages.css",
    "static/card.css",
    "static/main.js",
    "static/filters.js",
    "static/share.js",
    "static/sheet.css",
    "static/guide.css",
    "static/qrcode.js",
    "static/search.js",
    "static/search.css",
    "static/favicon.svg",
    "i18n/zh.yaml",
    "i18n/en.yaml",
    "i18n/ja.yaml",
    "i18n/ko.yaml",
];

/// UI strings of one language: key → text.
pub type Strings = BTreeMap<String, String>;

pub struct Theme {
    pub tera: Tera,
    /// Files copied to `assets/`: name → bytes.
    pub statics: BTreeMap<String, Vec<u8>>,
    /// Name → the name it is published under: styles, scripts and the icon
    /// carry a hash of their contents (`base.3fa2c1d0.css`), so hosts can
    /// cache them for a year and a new theme is still fetched at once.
    /// Query strings would not do: some CDNs and object-storage caches
    /// ignore them. Other files (images a style sheet names) keep their
    /// names, so that the style sheet's `url(…)` still finds them.
    pub published: BTreeMap<String, String>,
    /// UI strings per site language, complete (missing keys filled in).
    pub strings: BTreeMap<String, Strings>,
    /// Template name → where it came from, for messages.
    pub sources: BTreeMap<String, PathBuf>,
    /// A hash of every theme file: when it changes, every page may change.
    pub fingerprint: u64,
}

/// How many hex digits of the content hash a fingerprinted name carries.
pub const FINGERPRINT_DIGITS: usize = 10;

/// `base.css` → `base.3fa2c1d04e.css` for the kinds of file pages link to;
/// any other name stays as it is.
fn published_name(name: &str, bytes: &[u8]) -> String {
    use std::hash::{BuildHasher, Hasher};
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return name.to_owned();
    };
    if !matches!(ext, "css" | "js" | "svg" | "ico") || stem.contains('/') {
        return name.to_owned();
    }
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(bytes);
    let hash = format!("{:016x}", h.finish());
    format!("{stem}.{}.{ext}", &hash[..FINGERPRINT_DIGITS])
}

impl Theme {
    /// The site path of a theme file, fingerprinted when it is one of those
    /// (`assets/base.3fa2c1d04e.css`).
    pub fn asset_path(&self, name: &str) -> String {
        let published = self.published.get(name).map_or(name, String::as_str);
        format!("assets/{published}")
    }

    pub fn display_path(&self, template: &str) -> PathBuf {
        self.sources
            .get(template)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(format!("themes/default/templates/{template}")))
    }
}

/// One file of the theme, from the site or from the built-in default.
struct ThemeFile {
    rel: String,
    bytes: Vec<u8>,
    shown: PathBuf,
}

/// A script without its comment lines and indentation. Scripts are written
/// to be read, with a comment for every why, but phones on slow networks
/// load them: this takes a quarter off `main.js` and `search.js`. Only
/// whole lines go, so it cannot change what a line means; a script with
/// template literals (whose lines are text) or line continuations is left
/// as it is.
fn compact_script(bytes: Vec<u8>) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return bytes;
    };
    if text.contains('`') || text.lines().any(|l| l.ends_with('\\')) {
        return bytes;
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim();
        if !line.is_empty() && !line.starts_with("//") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.into_bytes()
}

/// A style sheet without its indentation and its comment lines (a line that
/// is one whole `/* … */`), for the same reason as [`compact_script`]. A
/// comment that spans lines is kept: it is rare and cheap.
fn compact_style(bytes: Vec<u8>) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return bytes;
    };
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim();
        let comment = line.starts_with("/*") && line.find("*/") == Some(line.len() - 2);
        if !line.is_empty() && !comment {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.into_bytes()
}

/// Loads theme `name` for a site at `root` with `languages`.
pub fn load(
    root: &Path,
    name: &str,
    languages: &[String],
    diags: &mut Diagnostics,
) -> Option<Theme> {
    let files = collect_files(root, name, diags)?;
    let fingerprint = {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for file in &files {
            (&file.rel, &file.bytes).hash(&mut hasher);
        }
        hasher.finish()
    };
    let mut tera = Tera::new();
    // Phone numbers must not break across lines.
    tera.register_filter("nbsp", |s: &str, _: tera::Kwargs, _: &tera::State| {
        s.replace(' ', "\u{a0}")
    });
    let mut sources = BTreeMap::new();
    let mut templates = Vec::new();
    let mut statics = BTreeMap::new();
    let mut string_files = BTreeMap::new();
    for file in files {
        if let Some(tpl) = file.rel.strip_prefix("templates/") {
            match String::from_utf8(file.bytes) {
                Ok(text) => {
                    sources.insert(tpl.to_owned(), file.shown);
                    templates.push((tpl.to_owned(), text));
                }
                Err(_) => diags.push(
                    Diagnostic::error(&file.shown, "the template is not UTF-8")
                        .hint("re-save it as UTF-8"),
                ),
            }
        } else if let Some(asset) = file.rel.strip_prefix("static/") {
            let bytes = if asset.ends_with(".js") {
                compact_script(file.bytes)
            } else if asset.ends_with(".css") {
                compact_style(file.bytes)
            } else {
                file.bytes
            };
            statics.insert(asset.to_owned(), bytes);
        } else if let Some(lang) = file
            .rel
            .strip_prefix("i18n/")
            .and_then(|f| f.strip_suffix(".yaml"))
        {
            string_files.insert(lang.to_owned(), (file.shown, file.bytes));
        }
    }
    if let Err(err) = tera.add_raw_templates(templates) {
        diags.push(template_error(&err, &sources));
        return None;
    }
    let strings = load_strings(languages, string_files, diags);
    let published = statics
        .iter()
        .map(|(name, bytes)| (name.clone(), published_name(name, bytes)))
        .collect();
    Some(Theme {
        tera,
        published,
        statics,
        strings,
        sources,
        fingerprint,
    })
}

/// The default theme's files, overridden by the site's `themes/<name>/`.
fn collect_files(root: &Path, name: &str, diags: &mut Diagnostics) -> Option<Vec<ThemeFile>> {
    let mut files: BTreeMap<String, ThemeFile> = DEFAULT_THEME
        .iter()
        .map(|(rel, bytes)| {
            (
                (*rel).to_owned(),
                ThemeFile {
                    rel: (*rel).to_owned(),
                    bytes: bytes.to_vec(),
                    shown: PathBuf::from(format!("<built-in>/themes/default/{rel}")),
                },
            )
        })
        .collect();
    let dir = root.join("themes").join(name);
    if !dir.is_dir() {
        if name != "default" {
            diags.push(
                Diagnostic::error(
                    "content/site.yaml",
                    format!("theme `{name}` not found: there is no folder themes/{name}/"),
                )
                .hint("create the folder, or remove `theme:` to use the built-in default theme"),
            );
            return None;
        }
        return Some(files.into_values().collect());
    }
    for entry in walkdir::WalkDir::new(&dir)
        .follow_links(false)
        .sort_by_file_name()
    {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                diags.push(Diagnostic::error(
                    format!("themes/{name}"),
                    format!("cannot read the theme: {err}"),
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
        let rel = rel
            .iter()
            .map(|p| p.to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if rel.split('/').any(|p| p.starts_with('.')) {
            continue;
        }
        let shown = crate::content::rel_path(root, entry.path());
        match std::fs::read(entry.path()) {
            Ok(bytes) => {
                files.insert(rel.clone(), ThemeFile { rel, bytes, shown });
            }
            Err(err) => diags.push(Diagnostic::error(shown, format!("cannot read: {err}"))),
        }
    }
    Some(files.into_values().collect())
}

/// UI strings for every site language; a language without its own file uses
/// English (then the first file found) and says so.
fn load_strings(
    languages: &[String],
    files: BTreeMap<String, (PathBuf, Vec<u8>)>,
    diags: &mut Diagnostics,
) -> BTreeMap<String, Strings> {
    let mut parsed: BTreeMap<String, (PathBuf, Strings)> = BTreeMap::new();
    for (lang, (shown, bytes)) in files {
        let Ok(text) = String::from_utf8(bytes) else {
            diags.push(
                Diagnostic::error(&shown, "the file is not UTF-8").hint("re-save it as UTF-8"),
            );
            continue;
        };
        match crate::yaml::decode::<Strings>(&text, 1) {
            Ok((strings, _)) => {
                parsed.insert(lang, (shown, strings));
            }
            Err(e) => diags.push(
                Diagnostic::error(&shown, e.message)
                    .at_opt(e.line.zip(e.column))
                    .with_hint(e.hint)
                    .with_source(&text),
            ),
        }
    }
    let reference: Strings = parsed
        .get("en")
        .or_else(|| parsed.values().next())
        .map(|(_, s)| s.clone())
        .unwrap_or_default();
    let mut out = BTreeMap::new();
    for lang in languages {
        let strings = match parsed.get(lang) {
            Some((shown, strings)) => {
                let missing: Vec<&str> = reference
                    .keys()
                    .filter(|k| !strings.contains_key(*k))
                    .map(String::as_str)
                    .collect();
                if !missing.is_empty() {
                    diags.push(
                        Diagnostic::warning(
                            shown,
                            format!("missing UI strings: {}", missing.join(", ")),
                        )
                        .hint("these are shown in English until they are added"),
                    );
                }
                let mut full = language_defaults(&reference, lang);
                full.extend(strings.clone());
                full
            }
            None => {
                diags.push(
                    Diagnostic::warning(
                        format!("themes/default/i18n/{lang}.yaml"),
                        format!("no UI strings for `{lang}`; English is used"),
                    )
                    .hint(format!(
                        "add themes/<theme>/i18n/{lang}.yaml with the keys of en.yaml"
                    )),
                );
                language_defaults(&reference, lang)
            }
        };
        out.insert(lang.clone(), strings);
    }
    out
}

/// The reference strings, with the two that name the language itself set for
/// `lang`, so a language without its own file never claims to be English.
fn language_defaults(reference: &Strings, lang: &str) -> Strings {
    let mut strings = reference.clone();
    strings.insert("html_lang".into(), lang.to_owned());
    strings.insert("language_name".into(), native_name(lang).to_owned());
    strings
}

/// A language's name in itself, for the language switcher.
fn native_name(lang: &str) -> &str {
    match lang.split('-').next().unwrap_or(lang) {
        "zh" => "中文",
        "en" => "English",
        "ja" => "日本語",
        "ko" => "한국어",
        "ru" => "Русский",
        "fr" => "Français",
        "de" => "Deutsch",
        "es" => "Español",
        "pt" => "Português",
        "ar" => "العربية",
        "vi" => "Tiếng Việt",
        "th" => "ไทย",
        _ => lang,
    }
}

/// A Tera error as a diagnostic pointing into the template file.
pub fn template_error(err: &tera::Error, sources: &BTreeMap<String, PathBuf>) -> Diagnostic {
    use std::error::Error as _;
    let report = match err.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    };
    match report {
        Some(r) => {
            let shown = sources
                .get(r.filename())
                .cloned()
                .unwrap_or_else(|| PathBuf::from(r.filename()));
            Diagnostic::error(shown, format!("template error: {}", r.message()))
                .at(r.span().start_line, r.span().start_col + 1)
                .hint("fix the template; see the Tera documentation for the syntax")
        }
        None => {
            let mut message = err.to_string();
            let mut source = err.source();
            while let Some(s) = source {
                message.push_str(&format!(": {s}"));
                source = s.source();
            }
            Diagnostic::error("themes", format!("template error: {message}"))
                .hint("check the theme's templates")
        }
    }
}
