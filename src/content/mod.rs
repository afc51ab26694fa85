//! Loading: `content/` on disk → parsed source files.
//!
//! This stage reads every file once (in parallel), checks names and encodings,
//! splits front matter from the Markdown body and decodes the front matter
//! into the typed schema. It knows nothing of other files: translations,
//! references and required fields are the link stage's job.

pub mod fields;
pub mod schema;
pub mod values;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{is_icp_number, police_record_number, Filing, RawConfig, SiteConfig};
use crate::diagnostics::{closest, Diagnostic, Diagnostics};
use schema::{Collection, FrontMatter};
use values::{is_slug, suggest_slug};

/// One Markdown file of a collection, parsed.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub collection: Collection,
    pub slug: String,
    /// `None` for the default-language file, `Some("en")` for `slug.en.md`.
    pub lang: Option<String>,
    /// Path relative to the site root, for messages: `content/parks/east-zone.md`.
    pub path: PathBuf,
    /// The whole file, for snippets in messages.
    pub text: Arc<str>,
    /// The front-matter block and the file line it starts on.
    pub yaml: Span,
    pub yaml_first_line: usize,
    pub body: Span,
    pub body_first_line: usize,
    pub front_matter: FrontMatter,
}

/// A part of a file's text that shares the file's buffer: bodies are the
/// bulk of a site's memory, and variants and caches hold them without a copy.
#[derive(Clone)]
pub struct Span {
    text: Arc<str>,
    range: std::ops::Range<usize>,
}

impl Span {
    fn new(text: &Arc<str>, range: std::ops::Range<usize>) -> Span {
        Span {
            text: Arc::clone(text),
            range,
        }
    }
}

/// Where `part`, a slice of `whole`, sits in it.
fn range_in(whole: &str, part: &str) -> std::ops::Range<usize> {
    let start = part.as_ptr() as usize - whole.as_ptr() as usize;
    start..start + part.len()
}

impl std::ops::Deref for Span {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text[self.range.clone()]
    }
}

impl std::fmt::Debug for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl std::hash::Hash for Span {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (**self).hash(state);
    }
}

impl PartialEq for Span {
    fn eq(&self, other: &Span) -> bool {
        **self == **other
    }
}

impl SourceFile {
    /// File position of `key` in the front matter (or of `value` under it).
    pub fn locate(&self, key: &str, value: Option<&str>) -> Option<(usize, usize)> {
        let pos = match value {
            Some(v) => crate::yaml::locate_value(&self.yaml, key, v),
            None => crate::yaml::locate_key_path(&self.yaml, key),
        };
        pos.map(|(l, c)| (l + self.yaml_first_line - 1, c))
    }

    /// An error about `key` of this file, positioned and with its snippet.
    pub fn error_at(
        &self,
        key: &str,
        value: Option<&str>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let pos = self.locate(key, value).or(Some((1, 1)));
        Diagnostic::error(&self.path, message)
            .at_opt(pos)
            .with_source(&self.text)
    }

    pub fn warning_at(
        &self,
        key: &str,
        value: Option<&str>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let pos = self.locate(key, value).or(Some((1, 1)));
        Diagnostic::warning(&self.path, message)
            .at_opt(pos)
            .with_source(&self.text)
    }
}

/// A file that is copied to the output as it is (images, PDFs…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    pub source: PathBuf,
    /// Path relative to `content/`, with `/` separators; also its output path.
    pub rel: String,
}

/// Everything read from `content/`.
#[derive(Debug, Default)]
pub struct LoadedContent {
    pub config: Option<SiteConfig>,
    pub files: Vec<SourceFile>,
    pub assets: Vec<Asset>,
    /// Entries whose default-language file exists but could not be read; the
    /// link stage treats them as present, so one broken file does not also
    /// turn every reference to it into an error.
    pub broken: HashSet<(Collection, String)>,
}

/// Parsed files by path, kept between rebuilds by `hui serve`: a file whose
/// modification time and size (and the site's languages) did not change is
/// neither read nor parsed again.
#[derive(Debug, Default)]
pub struct FileCache {
    files: std::sync::Mutex<std::collections::HashMap<PathBuf, CachedFile>>,
}

#[derive(Debug)]
struct CachedFile {
    languages: Vec<String>,
    stamp: (std::time::SystemTime, u64),
    file: SourceFile,
}

/// When a file was last changed and how big it is: enough to notice an edit.
pub fn stamp(path: &Path) -> Option<(std::time::SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl FileCache {
    fn get(&self, path: &Path, languages: &[String]) -> Option<SourceFile> {
        let now = stamp(path)?;
        let files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        let cached = files.get(path)?;
        (cached.languages == languages && cached.stamp == now).then(|| cached.file.clone())
    }

    fn put(&self, path: &Path, languages: &[String], file: &SourceFile) {
        let Some(stamp) = stamp(path) else { return };
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        let cached = CachedFile {
            languages: languages.to_vec(),
            stamp,
            file: file.clone(),
        };
        files.insert(path.to_path_buf(), cached);
    }
}

/// Reads `root/content`. Problems are collected into `diags`; what could be
/// read is returned either way so the link stage can report its own problems.
pub fn load(root: &Path, diags: &mut Diagnostics) -> LoadedContent {
    load_cached(root, diags, None)
}

/// [`load`], reusing the files of `cache` that did not change.
pub fn load_cached(
    root: &Path,
    diags: &mut Diagnostics,
    cache: Option<&FileCache>,
) -> LoadedContent {
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        diags.push(
            Diagnostic::error("content/", format!("no `content/` folder in {}", root.display()))
                .hint("run hui in the site's folder, pass `--root DIR`, or create a new site with `hui init DIR`"),
        );
        return LoadedContent::default();
    }
    let config = load_config(root, diags);
    let languages: Vec<String> = config
        .as_ref()
        .map(|c| c.languages.clone())
        .unwrap_or_else(|| vec!["zh".into(), "en".into()]);

    let (markdown, assets) = discover(&content_dir, diags);
    let results: Vec<Result<SourceFile, Vec<Diagnostic>>> = markdown
        .par_iter()
        .map(|(collection, path)| load_file(root, *collection, path, &languages, cache))
        .collect();
    let mut files = Vec::with_capacity(results.len());
    let mut broken = HashSet::new();
    for ((collection, path), result) in markdown.iter().zip(results) {
        match result {
            Ok(file) => files.push(file),
            Err(problems) => {
                diags.extend(problems);
                let stem = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or_default();
                let slug = stem.split('.').next().unwrap_or(stem);
                broken.insert((*collection, slug.to_owned()));
            }
        }
    }
    LoadedContent {
        config,
        files,
        assets,
        broken,
    }
}

/// Relative path for messages: `content/parks/x.md` rather than an absolute one.
pub fn rel_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Walks `content/`: Markdown files of the collections, and assets.
fn discover(
    content_dir: &Path,
    diags: &mut Diagnostics,
) -> (Vec<(Collection, PathBuf)>, Vec<Asset>) {
    let root = content_dir.parent().unwrap_or(content_dir);
    let mut markdown = Vec::new();
    let mut assets = Vec::new();
    let walker = walkdir::WalkDir::new(content_dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| rel_path(root, p))
                    .unwrap_or_else(|| "content/".into());
                diags.push(
                    Diagnostic::error(path, format!("cannot read: {err}"))
                        .hint("check the file's permissions"),
                );
                continue;
            }
        };
        let rel = entry
            .path()
            .strip_prefix(content_dir)
            .unwrap_or(entry.path());
        let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
        let shown = rel_path(root, entry.path());
        if entry.file_type().is_symlink() {
            diags.push(
                Diagnostic::warning(&shown, "symbolic link skipped")
                    .hint("hui reads only real files inside the site; copy the file here instead of linking it"),
            );
            continue;
        }
        if entry.depth() == 1 && entry.file_type().is_dir() {
            let name = parts[0];
            if Collection::from_dir(name).is_none()
                && name != "assets"
                && name != "files"
                && name != "images"
            {
                let known = Collection::ALL.map(Collection::dir);
                let hint = match closest(name, known) {
                    Some(c) => format!("did you mean `{c}`? The collections are {}", known.join(", ")),
                    None => format!(
                        "the collections are {}; other folders (such as `images/`) may only hold files to copy",
                        known.join(", ")
                    ),
                };
                diags.push(
                    Diagnostic::warning(
                        &shown,
                        format!("`{name}/` is not a collection; its Markdown files are ignored"),
                    )
                    .hint(hint),
                );
            }
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if name.ends_with('~') {
            continue;
        }
        let is_markdown = name.ends_with(".md");
        let collection = (parts.len() == 2)
            .then(|| Collection::from_dir(parts[0]))
            .flatten();
        match (is_markdown, collection) {
            (true, Some(collection)) => markdown.push((collection, entry.path().to_path_buf())),
            (true, None) => {
                if parts.len() == 1
                    || parts
                        .first()
                        .is_some_and(|p| Collection::from_dir(p).is_some())
                {
                    diags.push(
                        Diagnostic::error(&shown, "Markdown file outside a collection folder")
                            .hint(format!(
                                "entries sit directly in one of content/{{{}}}/",
                                Collection::ALL.map(Collection::dir).join(",")
                            )),
                    );
                }
            }
            (false, _) if parts.len() == 1 && name == "site.yaml" => {}
            (false, _) => assets.push(Asset {
                source: entry.path().to_path_buf(),
                rel: parts.join("/"),
            }),
        }
    }
    (markdown, assets)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// Reads a file as UTF-8, explaining the likely cause when it is not.
/// The largest content file hui reads. A page of a guide is a few KB; a
/// file this big is a mistake (a pasted export, a binary renamed `.md`), and
/// refusing it keeps a build's time and memory bounded.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

pub fn read_utf8(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    let shown = rel_path(root, path);
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            &shown,
            format!(
                "the file is {:.1} MB; content files may be at most {} MB",
                size as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
        )
        .hint("split it into several entries or pages, and link files such as PDFs instead of pasting them"));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(&shown, format!("cannot read the file: {e}"))
            .hint("check that the file exists and that you may read it")
    })?;
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Ok(text)
        }
        Err(err) => {
            let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
            let column =
                String::from_utf8_lossy(valid.rsplit(|b| *b == b'\n').next().unwrap_or(&[]))
                    .chars()
                    .count()
                    + 1;
            let byte = err.as_bytes()[valid.len()];
            Err(Diagnostic::error(
                &shown,
                format!("the file is not UTF-8 (byte 0x{byte:02X}); it was probably saved as GBK/GB2312"),
            )
            .at(line, column)
            .hint("re-save it as UTF-8: in Notepad choose Save As → Encoding: UTF-8; in VS Code, \"Save with Encoding\" → UTF-8"))
        }
    }
}

/// The parts of a Markdown file: its front matter and its body.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    pub yaml_first_line: usize,
    pub body: &'a str,
    pub body_first_line: usize,
}

/// Splits `---` front matter from the body. Errors carry the line to blame.
pub fn split_front_matter(text: &str) -> Result<Split<'_>, (usize, &'static str, &'static str)> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err((
            1,
            "the file does not start with front matter",
            "begin the file with a line `---`, then the fields (such as `title: …`), then another `---` line",
        ));
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for (idx, line) in lines.enumerate() {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let body_start = offset + line.len();
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_first_line: 2,
                body: &text[body_start..],
                body_first_line: idx + 3,
            });
        }
        offset += line.len();
    }
    Err((
        1,
        "the front matter is never closed",
        "add a line `---` after the last field, before the Markdown text",
    ))
}

/// Parses `stem` of `<slug>.md` / `<slug>.<lang>.md` into slug and language.
fn parse_file_name<'a>(
    stem: &'a str,
    languages: &[String],
) -> Result<(&'a str, Option<&'a str>), (String, String)> {
    let (slug, lang) = match stem.rsplit_once('.') {
        Some((slug, lang))
            if !lang.is_empty()
                && lang.len() <= 8
                && lang.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') =>
        {
            (slug, Some(lang))
        }
        _ => (stem, None),
    };
    if !is_slug(slug) {
        let suggestion = suggest_slug(slug);
        let renamed = match lang {
            Some(l) => format!("{suggestion}.{l}.md"),
            None => format!("{suggestion}.md"),
        };
        return Err((
            format!("`{slug}` is not a valid slug: file names use lowercase ASCII letters, digits and hyphens"),
            format!("rename `{stem}.md` to `{renamed}` (the slug becomes the page's address)"),
        ));
    }
    if let Some(lang) = lang {
        if lang == languages[0] {
            return Err((
                format!("`.{lang}` is the default language, whose file has no suffix"),
                format!("rename it to `{slug}.md`"),
            ));
        }
        if !languages.iter().any(|l| l == lang) {
            return Err((
                format!(
                    "language `{lang}` is not one of the site's languages ({})",
                    languages.join(", ")
                ),
                format!("add `{lang}` to `languages` in content/site.yaml, or rename the file"),
            ));
        }
    }
    Ok((slug, lang))
}

fn load_file(
    root: &Path,
    collection: Collection,
    path: &Path,
    languages: &[String],
    cache: Option<&FileCache>,
) -> Result<SourceFile, Vec<Diagnostic>> {
    let shown = rel_path(root, path);
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let (slug, lang) = parse_file_name(stem, languages)
        .map_err(|(msg, hint)| vec![Diagnostic::error(&shown, msg).at(1, 1).hint(hint)])?;
    if let Some(file) = cache.and_then(|c| c.get(path, languages)) {
        return Ok(file);
    }
    let text = read_utf8(root, path).map_err(|d| vec![d])?;
    let split = split_front_matter(&text).map_err(|(line, msg, hint)| {
        vec![Diagnostic::error(&shown, msg)
            .at(line, 1)
            .hint(hint)
            .with_source(&text)]
    })?;
    let (front_matter, unknown) = schema::decode(collection, split.yaml, split.yaml_first_line)
        .map_err(|e| {
            vec![Diagnostic::error(&shown, e.message)
                .at_opt(e.line.zip(e.column.or(Some(1))))
                .with_hint(e.hint)
                .with_source(&text)]
        })?;
    if !unknown.is_empty() {
        return Err(unknown
            .into_iter()
            .map(|u| {
                let candidates = if u.path.contains('.') {
                    &["label", "value", "lat", "lng"][..]
                } else {
                    collection.fields()
                };
                let hint = match closest(&u.key, candidates.iter().copied()) {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => format!(
                        "the fields of {} are: {}",
                        collection.dir(),
                        candidates.join(", ")
                    ),
                };
                Diagnostic::error(&shown, format!("unknown field `{}`", u.path))
                    .at_opt(u.line.zip(u.column))
                    .hint(hint)
                    .with_source(&text)
            })
            .collect());
    }
    let (yaml, body) = (range_in(&text, split.yaml), range_in(&text, split.body));
    let (yaml_first_line, body_first_line) = (split.yaml_first_line, split.body_first_line);
    let text: Arc<str> = Arc::from(text);
    let file = SourceFile {
        collection,
        slug: slug.to_owned(),
        lang: lang.map(str::to_owned),
        path: shown,
        yaml: Span::new(&text, yaml),
        yaml_first_line,
        body: Span::new(&text, body),
        body_first_line,
        front_matter,
        text,
    };
    if let Some(cache) = cache {
        cache.put(path, languages, &file);
    }
    Ok(file)
}

fn load_config(root: &Path, diags: &mut Diagnostics) -> Option<SiteConfig> {
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
    for (key, value) in localized.iter().chain(contact_fields.iter()) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_with_file_lines() {
        let s = split_front_matter("---\ntitle: x\n---\nbody\n").unwrap();
        assert_eq!(s.yaml, "title: x\n");
        assert_eq!(s.yaml_first_line, 2);
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_first_line, 4);
        let crlf = split_front_matter("---\r\ntitle: x\r\n---\r\nbody").unwrap();
        assert_eq!(crlf.yaml, "title: x\r\n");
        assert!(split_front_matter("title: x\n").is_err());
        assert!(split_front_matter("---\ntitle: x\n").is_err());
    }

    #[test]
    fn file_names() {
        let langs = vec!["zh".to_owned(), "en".to_owned()];
        assert_eq!(
            parse_file_name("east-zone", &langs).unwrap(),
            ("east-zone", None)
        );
        assert_eq!(
            parse_file_name("east-zone.en", &langs).unwrap(),
            ("east-zone", Some("en"))
        );
        let (_, hint) = parse_file_name("张伟", &langs).unwrap_err();
        assert!(hint.contains("zhang-wei.md"), "{hint}");
        assert!(parse_file_name("x.fr", &langs).is_err());
        assert!(parse_file_name("x.zh", &langs).is_err());
    }
}
