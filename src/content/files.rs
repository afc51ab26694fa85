//! Reading `content/`: walking the folder into Markdown files and assets,
//! and turning one Markdown file into a [`SourceFile`] — its name checked,
//! its bytes checked as UTF-8, its front matter split from the body and
//! decoded. Each file is read on its own, so this runs in parallel.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::schema::{self, Collection};
use super::values::{is_slug, suggest_slug};
use super::{range_in, rel_path, Asset, FileCache, SourceFile, Span};
use crate::diagnostics::{closest, Diagnostic, Diagnostics};

/// Walks `content/`: Markdown files of the collections, and assets.
pub(super) fn discover(
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

/// The largest content file hui reads. A page of a guide is a few KB; a
/// file this big is a mistake (a pasted export, a binary renamed `.md`), and
/// refusing it keeps a build's time and memory bounded.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Reads a file as UTF-8, explaining the likely cause when it is not.
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

pub(super) fn load_file(
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
