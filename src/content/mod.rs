//! Loading: `content/` on disk → parsed source files.
//!
//! This stage reads every file once (in parallel), checks names and encodings,
//! splits front matter from the Markdown body and decodes the front matter
//! into the typed schema. It knows nothing of other files: translations,
//! references and required fields are the link stage's job.

pub mod amounts;
pub mod fields;
pub mod measures;
pub mod schema;
pub mod states;
pub mod values;

mod files;
mod site_yaml;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use files::{discover, load_file};
pub use files::{read_utf8, split_front_matter, Split, MAX_FILE_BYTES};
use schema::{Collection, FrontMatter};
use site_yaml::load_config;

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
