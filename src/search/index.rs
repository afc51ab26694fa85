//! Documents → the index files of one language.
//!
//! Ranking is BM25F computed here, once: every posting carries the page's
//! finished score for the term (its *impact*), so the browser only adds
//! numbers. A page's title, its fields (summary, position, companies,
//! document number…), its section headings and its body are weighted
//! streams; a term in the title or the fields also earns a flat bonus, so a
//! page named for a word outranks one that only mentions it often.
//!
//! Terms are grouped into shards by [`shard_of`], so that a query loads only
//! the shards of its terms; pages' texts (for titles and snippets) are in
//! separate document shards, loaded only for the results shown. A very
//! common term keeps only its best-scoring postings ([`MAX_POSTINGS`]): it
//! decides little, and its full list would dominate what a query loads.

use rayon::prelude::*;
use serde::Serialize;

use super::merge::{encode_terms, EncodedTerm};
use super::store::{doc_array_size, per_doc_shard, push_doc_array, StoredDoc};
use super::terms::{page_terms, PageTerms};
use super::tokenize::shard_of;
use super::Doc;

pub use super::merge::MAX_POSTINGS;
pub(super) use super::terms::MAX_PARTS;

/// Raw size aimed at for one term shard.
const TERM_SHARD_BYTES: usize = 8 * 1024;

/// A page ready for the index: its terms counted and its text shortened,
/// made where the page renders (in parallel, and kept with the page when a
/// rebuild keeps it, so that an edit re-reads only what changed).
#[derive(Debug)]
pub struct Indexed {
    collection: usize,
    terms: PageTerms,
    stored: StoredDoc,
}

/// Counts the terms of `doc` and keeps what results show of it.
pub fn prepare(doc: &Doc) -> Indexed {
    Indexed {
        collection: collection_index(doc.collection),
        terms: page_terms(doc),
        stored: StoredDoc::of(doc, collection_index(doc.collection)),
    }
}

fn collection_index(c: crate::content::schema::Collection) -> usize {
    super::COLLECTIONS.iter().position(|x| *x == c).unwrap_or(0)
}

/// What one language's index was written as.
pub struct IndexFiles {
    /// The files' paths under `search/<lang>/`.
    pub files: Vec<String>,
    /// Total bytes of the index.
    pub bytes: usize,
}

/// What the browser reads first: how to find everything else.
#[derive(Serialize)]
struct Manifest<'a> {
    /// The folder of this version's shards.
    version: &'a str,
    /// Number of term shards.
    shards: u32,
    /// Pages per document shard.
    per_doc: usize,
    /// Collection of every page, one character each (`collections` index).
    kinds: String,
    collections: Vec<&'static str>,
    /// The texts the search script shows, and the collections' names.
    ui: &'a serde_json::Value,
}

/// Builds the index of one language from its documents, handing each file
/// to `put` (its path under `search/<lang>/` and its text) as soon as it is
/// made: a large site's index is tens of megabytes, which are then never
/// all held at once.
pub fn build(
    lang: &str,
    docs: &[std::sync::Arc<Indexed>],
    ui: &serde_json::Value,
    put: &(dyn Fn(&str, String) + Sync),
) -> IndexFiles {
    let pages: Vec<&PageTerms> = docs.iter().map(|d| &d.terms).collect();
    let encoded = encode_terms(&pages);
    let term_bytes: usize = encoded.iter().map(entry_size).sum();
    let shards = term_bytes.div_ceil(TERM_SHARD_BYTES).max(1) as u32;
    let mut by_shard: Vec<Vec<&EncodedTerm>> = vec![Vec::new(); shards as usize];
    for term in &encoded {
        by_shard[shard_of(&term.term, shards) as usize].push(term);
    }
    let stored: Vec<&StoredDoc> = docs.iter().map(|d| &d.stored).collect();
    let per_doc = per_doc_shard(&stored);
    let doc_shards: Vec<&[&StoredDoc]> = stored.chunks(per_doc).collect();

    let version = version_of(lang, per_doc, &by_shard, &doc_shards);
    let put_sized = |name: String, body: String| {
        let size = body.len();
        put(&name, body);
        (name, size)
    };
    let mut files: Vec<(String, usize)> = by_shard
        .par_iter()
        .enumerate()
        .map(|(i, terms)| {
            let body = script(lang, "t", i, term_object_size(terms), |out| {
                push_term_object(out, terms)
            });
            put_sized(format!("{version}/t{i}.js"), body)
        })
        .collect();
    files.par_extend(doc_shards.par_iter().enumerate().map(|(i, chunk)| {
        let body = script(lang, "d", i, doc_array_size(chunk), |out| {
            push_doc_array(out, chunk)
        });
        put_sized(format!("{version}/d{i}.js"), body)
    }));
    let collections: Vec<&'static str> = super::COLLECTIONS.iter().map(|c| c.dir()).collect();
    let kinds = docs
        .iter()
        .map(|d| char::from(b'a' + d.collection as u8))
        .collect();
    let manifest = Manifest {
        version: &version,
        shards,
        per_doc,
        kinds,
        collections,
        ui,
    };
    files.push(put_sized("index.js".into(), call(lang, "m", 0, &manifest)));
    IndexFiles {
        bytes: files.iter().map(|(_, size)| size).sum(),
        files: files.into_iter().map(|(name, _)| name).collect(),
    }
}

/// `hui.index("zh","t",3,{…});`: a script that hands its data to the
/// search script, which works from `file://`, where fetch does not.
fn call(lang: &str, kind: &str, n: usize, data: &impl Serialize) -> String {
    let json = crate::js::script_safe(data);
    script(lang, kind, n, json.len(), |out| out.push_str(&json))
}

/// The script [`call`] makes, its data (about `size` bytes) written by
/// `data` straight into it: a shard is made in one piece, not copied.
fn script(lang: &str, kind: &str, n: usize, size: usize, data: impl FnOnce(&mut String)) -> String {
    let head = format!(
        "hui.index({},\"{kind}\",{n},",
        crate::js::script_safe(&lang)
    );
    let mut out = String::with_capacity(head.len() + size + 3);
    out.push_str(&head);
    data(&mut out);
    out.push_str(");\n");
    out
}

/// About how many bytes a term takes in its shard: its key, its postings,
/// quotes, colon and comma.
fn entry_size(t: &EncodedTerm) -> usize {
    t.term.len() + t.postings.len() + 6
}

/// About how many bytes [`push_term_object`] writes.
fn term_object_size(terms: &[&EncodedTerm]) -> usize {
    terms.iter().map(|t| entry_size(t)).sum::<usize>() + 2
}

/// A shard's terms as a JSON object, written directly: the postings are
/// digits that need no escaping, and a large site has millions of them.
fn push_term_object(out: &mut String, terms: &[&EncodedTerm]) {
    out.push('{');
    for (i, t) in terms.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_key(out, &t.term);
        out.push_str(":\"");
        out.push_str(&t.postings);
        out.push('"');
    }
    out.push('}');
}

/// A term as a JSON key. Almost every term is letters, digits and
/// punctuation that JSON and a script element take as they are: those are
/// written directly, the rest as [`crate::js::script_safe`] writes them.
fn push_key(out: &mut String, term: &str) {
    let plain = !term.contains(|c: char| {
        c < ' ' || matches!(c, '"' | '\\' | '<' | '>' | '&' | '\u{2028}' | '\u{2029}')
    });
    if plain {
        out.push('"');
        out.push_str(term);
        out.push('"');
    } else {
        out.push_str(&crate::js::script_safe(&term));
    }
}

/// A short hash of what the shards are made of (so, of their contents):
/// their folder, so that a browser never mixes shards of two builds. It is
/// known before any shard is made, so that each can be written at once.
fn version_of(
    lang: &str,
    per_doc: usize,
    term_shards: &[Vec<&EncodedTerm>],
    doc_shards: &[&[&StoredDoc]],
) -> String {
    use std::hash::{BuildHasher, Hasher};
    let hash_of = |texts: &mut dyn Iterator<Item = &str>| {
        let mut h = rustc_hash::FxBuildHasher.build_hasher();
        for text in texts {
            h.write_usize(text.len());
            h.write(text.as_bytes());
        }
        h.finish()
    };
    let hashes: Vec<u64> = term_shards
        .par_iter()
        .map(|terms| {
            hash_of(
                &mut terms
                    .iter()
                    .flat_map(|t| [t.term.as_str(), t.postings.as_str()]),
            )
        })
        .chain(
            doc_shards
                .par_iter()
                .map(|docs| hash_of(&mut docs.iter().map(|d| d.json()))),
        )
        .collect();
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(lang.as_bytes());
    h.write_usize(per_doc);
    h.write_usize(term_shards.len());
    for hash in hashes {
        h.write_u64(hash);
    }
    format!("{:08x}", h.finish() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_written_as_script_safe_writes_them() {
        for term in [
            "新型", "5g", "cof-ic", "a\"b", "x\\y", "<b>", "r&d", "\u{2028}", "\t", "ü",
        ] {
            let mut out = String::new();
            push_key(&mut out, term);
            assert_eq!(out, crate::js::script_safe(&term), "{term}");
        }
    }
}
