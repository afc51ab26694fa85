//! Search: the index the browser queries, built in Rust at build time.
//!
//! Rendering hands over one [`Doc`] per searchable page (entry pages and
//! free pages; not the home page, lists, 404 or alias redirects, nor an
//! entry marked `search: false`). [`write`] turns each language's documents
//! into script files under `search/<lang>/`, which the theme's `search.js`
//! loads with `<script>` elements rather than fetch or WebAssembly, so that
//! search works from `file://`, in WeChat's browser and on any host.
//!
//! [`tokenize`] holds the rules that the build and the browser share;
//! [`index`] scores and shards; `postings` writes the postings as text and
//! `store` keeps what results show of each page.

pub mod index;
mod merge;
mod postings;
mod store;
mod terms;
pub mod tokenize;

pub use index::{prepare, Indexed};

use std::path::PathBuf;

use rayon::prelude::*;

use crate::content::schema::Collection;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Sink;

/// Collections in the order the index numbers them.
pub const COLLECTIONS: [Collection; 8] = Collection::ALL;

/// What the index knows of one page, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// The page's address relative to the site's root: `en/parks/east-zone/`.
    pub url: String,
    pub title: String,
    pub collection: Collection,
    /// Texts an investor searches for, weighted above the body: summary,
    /// position, organisation, companies, the names of referenced entries,
    /// an official's names in every language and in pinyin.
    pub fields: Vec<String>,
    /// Values also looked up whole, such as a document number.
    pub codes: Vec<String>,
    /// Lists shown at the top of the page (incentives, highlights…),
    /// weighted as body text.
    pub facts: String,
    /// The snippet shown when the page matches by its fields.
    pub head: String,
    pub sections: Vec<crate::markdown::Section>,
}

/// Writes the index of every language; `docs[i]` are the documents of the
/// site's `i`-th language, in a stable order, and `ui[i]` the texts the
/// search script shows in it; `kept[i]` is the previous build's index of
/// that language when it can stay (then nothing is made for it). Returns
/// what each language's index is.
pub fn write(
    languages: &[String],
    docs: &[Vec<std::sync::Arc<index::Indexed>>],
    ui: &[serde_json::Value],
    kept: &[Option<Written>],
    sink: &dyn Sink,
    diags: &mut Diagnostics,
) -> Vec<Written> {
    let problems = std::sync::Mutex::new(Vec::new());
    let built: Vec<Option<index::IndexFiles>> = languages
        .par_iter()
        .zip(docs)
        .zip(ui)
        .zip(kept)
        .map(|(((lang, docs), ui), kept)| {
            let put = |name: &str, body: String| {
                let rel = PathBuf::from(format!("search/{lang}/{name}"));
                if let Err(e) = sink.write(&rel, body.as_bytes()) {
                    let problem =
                        Diagnostic::error(&rel, format!("cannot write the search index: {e}"))
                            .hint(
                                "check that the output folder's disk is not full and is writable",
                            );
                    problems
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(problem);
                }
            };
            kept.is_none().then(|| index::build(lang, docs, ui, &put))
        })
        .collect();
    diags.extend(problems.into_inner().unwrap_or_else(|e| e.into_inner()));
    languages
        .iter()
        .zip(built)
        .zip(kept)
        .map(|((lang, built), kept)| match built {
            Some(built) => Written {
                files: built
                    .files
                    .iter()
                    .map(|name| {
                        crate::output::file_key(&PathBuf::from(format!("search/{lang}/{name}")))
                    })
                    .collect(),
                bytes: built.bytes,
            },
            None => kept.clone().unwrap_or_default(),
        })
        .collect()
}

/// One language's index as written: its files (output keys) and bytes.
#[derive(Debug, Clone, Default)]
pub struct Written {
    pub files: Vec<String>,
    pub bytes: usize,
}

/// A fingerprint of what a language's index is made from: its documents
/// (the same allocations when a rebuild kept their pages) and its texts.
pub fn fingerprint(docs: &[std::sync::Arc<index::Indexed>], ui: &serde_json::Value) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for doc in docs {
        std::sync::Arc::as_ptr(doc).hash(&mut hasher);
    }
    ui.to_string().hash(&mut hasher);
    hasher.finish()
}

/// Whether `key` (a path in the output) is a file of an index that
/// `written` (the keys of this build's index files) no longer has: what an
/// in-memory rebuild must drop, as each build's shards have a folder of
/// their own.
pub fn is_stale(key: &str, languages: &[String], written: &[String]) -> bool {
    languages.iter().any(|lang| {
        key.strip_prefix("search/")
            .and_then(|k| k.strip_prefix(lang.as_str()))
            .is_some_and(|k| k.starts_with('/'))
    }) && !written.iter().any(|w| w == key)
}

/// Whether a build into `sink` makes the search index: not when the sink
/// keeps nothing (`hui check`, whose report does not depend on it), nor
/// when `HUI_NO_SEARCH` is set. That variable is for benchmarks only, to
/// measure what search adds to a build: it leaves the search pages without
/// an index.
pub fn wanted(sink: &dyn Sink) -> bool {
    sink.keeps() && std::env::var_os("HUI_NO_SEARCH").is_none()
}

/// Starts loading the Chinese dictionary on another thread, so that it is
/// ready when rendering starts indexing. Once per process: `hui serve`
/// rebuilds with the dictionary it has.
///
/// The thread runs at the lowest priority: the dictionary is needed only
/// once every page has rendered, seconds later on a large site, and the
/// moments when a core waits (reading the content, ordering the entries)
/// are enough to load it, so it need not take a core from the rendering.
pub fn warm_up() {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        std::thread::spawn(|| {
            lower_priority();
            tokenize::warm_up();
            crate::timings::mark("search dictionary (on its own thread)");
        });
    });
}

/// Gives the calling thread the lowest scheduling priority (nice 19). On
/// Linux a thread has a nice value of its own; if it cannot be set, the
/// thread only runs as it would have.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 19);
    }
}
