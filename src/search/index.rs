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
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::tokenize::{code_term, document_terms, shard_of, TermKind};
use super::Doc;

/// Weighted streams of a page, in the order of [`WEIGHTS`].
const TITLE: usize = 0;
const FIELDS: usize = 1;
const HEADING: usize = 2;
const BODY: usize = 3;
const STREAMS: usize = 4;
/// BM25F weight and length normalisation of each stream.
const WEIGHTS: [f64; STREAMS] = [6.0, 3.0, 2.0, 1.0];
const LENGTH_NORM: [f64; STREAMS] = [0.3, 0.5, 0.5, 0.75];
const K1: f64 = 1.2;
/// Flat bonuses (in units of the term's idf) for a term in the title or in
/// the fields.
const TITLE_BONUS: f64 = 0.6;
const FIELDS_BONUS: f64 = 0.3;
/// Scores are stored as integers: `round(score * SCALE)`.
const SCALE: f64 = 10.0;
/// Postings kept per term, best first.
pub const MAX_POSTINGS: usize = 400;
/// A page's parts that a posting tells apart, as bits of a mask: the title
/// (bit 0), the other fields (bit 1), then each section (bit 2 on); later
/// sections count as the last one.
const MAX_PARTS: usize = 31;
const TITLE_PART: usize = 0;
const FIELDS_PART: usize = 1;
/// Raw size aimed at for one term shard and one document shard.
const TERM_SHARD_BYTES: usize = 16 * 1024;
const DOC_SHARD_BYTES: usize = 12 * 1024;
/// Text kept per part and per page for snippets, in characters.
const PART_TEXT: usize = 360;
const PAGE_TEXT: usize = 2400;

/// How often a term occurs in one page, per stream, and in which parts.
#[derive(Debug, Clone, Copy, Default)]
struct Occurrences {
    tf: [u16; STREAMS],
    parts: u32,
}

/// Terms are partitioned by hash into this many buckets, so that the
/// postings of different terms are gathered in parallel.
const BUCKETS: usize = 64;

fn bucket_of(term: &str) -> usize {
    use std::hash::{BuildHasher, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(term.as_bytes());
    (h.finish() % BUCKETS as u64) as usize
}

/// One page's terms, by bucket, and its stream lengths.
struct PageTerms {
    buckets: Vec<Vec<(String, Occurrences)>>,
    lengths: [u32; STREAMS],
}

fn page_terms(doc: &Doc) -> PageTerms {
    let mut terms: FxHashMap<String, Occurrences> = FxHashMap::default();
    let mut lengths = [0; STREAMS];
    let mut add = |text: &str, stream: usize, part: usize| {
        let bit = 1u32 << part.min(MAX_PARTS - 1);
        document_terms(text, &mut |term, kind| {
            if kind != TermKind::Phrase {
                lengths[stream] += 1;
            }
            let occ = match terms.get_mut(term) {
                Some(occ) => occ,
                None => terms.entry(term.to_owned()).or_default(),
            };
            occ.tf[stream] = occ.tf[stream].saturating_add(1);
            occ.parts |= bit;
        });
    };
    add(&doc.title, TITLE, TITLE_PART);
    for field in &doc.fields {
        add(field, FIELDS, FIELDS_PART);
    }
    add(&doc.facts, BODY, FIELDS_PART);
    for (i, section) in doc.sections.iter().enumerate() {
        add(&section.heading, HEADING, i + 2);
        add(&section.text, BODY, i + 2);
    }
    for code in &doc.codes {
        let term = code_term(code);
        if !term.is_empty() {
            let occ = terms.entry(term).or_default();
            occ.tf[FIELDS] = occ.tf[FIELDS].saturating_add(1);
            occ.parts |= 1 << FIELDS_PART;
        }
    }
    let mut buckets = vec![Vec::new(); BUCKETS];
    for (term, occ) in terms {
        buckets[bucket_of(&term)].push((term, occ));
    }
    PageTerms { buckets, lengths }
}

/// One term's postings, encoded, ready for its shard.
struct EncodedTerm {
    term: String,
    postings: String,
}

/// The files of one language's index: relative path under
/// `search/<lang>/` → contents.
pub struct IndexFiles {
    pub files: Vec<(String, String)>,
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

/// Builds the index of one language from its documents.
pub fn build(lang: &str, docs: &[std::sync::Arc<Doc>], ui: &serde_json::Value) -> IndexFiles {
    let pages: Vec<PageTerms> = docs.par_iter().map(|d| page_terms(d)).collect();
    let n = pages.len().max(1) as f64;
    let mut avg = [0f64; STREAMS];
    for page in &pages {
        for (s, len) in page.lengths.iter().enumerate() {
            avg[s] += f64::from(*len) / n;
        }
    }
    let encoded = encode_terms(&pages, &avg, n);
    let term_bytes: usize = encoded
        .iter()
        .map(|t| t.term.len() + t.postings.len() + 6)
        .sum();
    let shards = term_bytes.div_ceil(TERM_SHARD_BYTES).max(1) as u32;
    let mut by_shard: Vec<Vec<&EncodedTerm>> = vec![Vec::new(); shards as usize];
    for term in &encoded {
        by_shard[shard_of(&term.term, shards) as usize].push(term);
    }

    let stored: Vec<StoredDoc> = docs.iter().map(|d| StoredDoc::of(d)).collect();
    let per_doc = per_doc_shard(&stored);
    let mut bodies: Vec<(String, String)> = Vec::new();
    for (i, terms) in by_shard.iter().enumerate() {
        let map: serde_json::Map<String, serde_json::Value> = terms
            .iter()
            .map(|t| {
                (
                    t.term.clone(),
                    serde_json::Value::String(t.postings.clone()),
                )
            })
            .collect();
        bodies.push((format!("t{i}.js"), call(lang, "t", i, &map)));
    }
    for (i, chunk) in stored.chunks(per_doc).enumerate() {
        bodies.push((format!("d{i}.js"), call(lang, "d", i, &chunk)));
    }
    let version = version_of(&bodies);
    let mut files: Vec<(String, String)> = bodies
        .into_iter()
        .map(|(name, body)| (format!("{version}/{name}"), body))
        .collect();
    let collections: Vec<&'static str> = super::COLLECTIONS.iter().map(|c| c.dir()).collect();
    let kinds = docs
        .iter()
        .map(|d| {
            let i = super::COLLECTIONS
                .iter()
                .position(|c| *c == d.collection)
                .unwrap_or(0);
            char::from(b'a' + i as u8)
        })
        .collect();
    let manifest = Manifest {
        version: &version,
        shards,
        per_doc,
        kinds,
        collections,
        ui,
    };
    files.push(("index.js".into(), call(lang, "m", 0, &manifest)));
    let bytes = files.iter().map(|(_, body)| body.len()).sum();
    IndexFiles { files, bytes }
}

/// `hui.index("zh","t",3,{…});`: a script that hands its data to the
/// search script, which works from `file://`, where fetch does not.
fn call(lang: &str, kind: &str, n: usize, data: &impl Serialize) -> String {
    format!(
        "hui.index({},\"{kind}\",{n},{});\n",
        crate::js::script_safe(&lang),
        crate::js::script_safe(data)
    )
}

/// A short hash of the shards' contents: their folder, so that a browser
/// never mixes shards of two builds.
fn version_of(bodies: &[(String, String)]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, body) in bodies {
        for b in name.bytes().chain(body.bytes()) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{:08x}", hash as u32)
}

/// Collects every term's postings from the pages, scores and encodes them.
fn encode_terms(pages: &[PageTerms], avg: &[f64; STREAMS], n: f64) -> Vec<EncodedTerm> {
    let mut encoded: Vec<EncodedTerm> = (0..BUCKETS)
        .into_par_iter()
        .flat_map_iter(|bucket| {
            let mut postings: FxHashMap<&str, Vec<(u32, Occurrences)>> = FxHashMap::default();
            for (id, page) in pages.iter().enumerate() {
                for (term, occ) in &page.buckets[bucket] {
                    postings
                        .entry(term.as_str())
                        .or_default()
                        .push((id as u32, *occ));
                }
            }
            postings
                .into_iter()
                .map(|(term, list)| EncodedTerm {
                    term: term.to_owned(),
                    postings: encode_postings(score(&list, pages, avg, n)),
                })
                .collect::<Vec<_>>()
        })
        .collect();
    encoded.sort_unstable_by(|a, b| a.term.cmp(&b.term));
    encoded
}

/// BM25F impacts of one term's postings, the best [`MAX_POSTINGS`] kept,
/// in page order.
fn score(
    list: &[(u32, Occurrences)],
    pages: &[PageTerms],
    avg: &[f64; STREAMS],
    n: f64,
) -> Vec<(u32, u32, u32)> {
    let df = list.len() as f64;
    let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
    let mut scored: Vec<(u32, u32, u32)> = list
        .iter()
        .map(|(id, occ)| {
            let lengths = &pages[*id as usize].lengths;
            let mut tf = 0.0;
            for s in 0..STREAMS {
                if occ.tf[s] > 0 {
                    let norm = 1.0 - LENGTH_NORM[s]
                        + LENGTH_NORM[s] * f64::from(lengths[s]) / avg[s].max(1.0);
                    tf += WEIGHTS[s] * f64::from(occ.tf[s]) / norm;
                }
            }
            let mut score = tf / (K1 + tf);
            if occ.tf[TITLE] > 0 {
                score += TITLE_BONUS;
            }
            if occ.tf[FIELDS] > 0 {
                score += FIELDS_BONUS;
            }
            let impact = (score * idf * SCALE).round().max(1.0) as u32;
            (*id, impact, occ.parts)
        })
        .collect();
    if scored.len() > MAX_POSTINGS {
        scored.select_nth_unstable_by(MAX_POSTINGS - 1, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.truncate(MAX_POSTINGS);
    }
    scored.sort_unstable_by_key(|p| p.0);
    scored
}

/// The digits of the posting encoding: a number is written in groups of five
/// bits, low first; digits from the second half of the alphabet mean "more
/// groups follow". Every digit is safe in a JSON string and a URL.
const DIGITS: &[u8; 64] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

fn push_number(out: &mut String, mut n: u32) {
    while n >= 32 {
        out.push(DIGITS[32 + (n & 31) as usize] as char);
        n >>= 5;
    }
    out.push(DIGITS[n as usize] as char);
}

/// Each posting as three numbers: the page (as the gap from the previous
/// one), the impact and the parts' bit mask.
fn encode_postings(postings: Vec<(u32, u32, u32)>) -> String {
    let mut out = String::with_capacity(postings.len() * 4);
    let mut last = 0;
    for (page, impact, parts) in postings {
        push_number(&mut out, page - last);
        push_number(&mut out, impact);
        push_number(&mut out, parts);
        last = page;
    }
    out
}

/// A page as the browser shows it in results: address, title, collection
/// and its parts' anchors, headings and texts, shortened for snippets.
#[derive(Serialize)]
struct StoredDoc(String, String, usize, Vec<(String, String, String)>);

impl StoredDoc {
    fn of(doc: &Doc) -> StoredDoc {
        let collection = super::COLLECTIONS
            .iter()
            .position(|c| *c == doc.collection)
            .unwrap_or(0);
        let mut budget = PAGE_TEXT;
        let mut parts = vec![(
            String::new(),
            String::new(),
            shorten(&doc.head, &mut budget),
        )];
        for section in doc.sections.iter().take(MAX_PARTS - 2) {
            parts.push((
                section.anchor.clone(),
                section.heading.clone(),
                shorten(&section.text, &mut budget),
            ));
        }
        StoredDoc(doc.url.clone(), doc.title.clone(), collection, parts)
    }
}

/// The first [`PART_TEXT`] characters of `text`, within what is left of the
/// page's budget.
fn shorten(text: &str, budget: &mut usize) -> String {
    let take = PART_TEXT.min(*budget);
    let mut out: String = text.chars().take(take).collect();
    let taken = out.chars().count();
    *budget -= taken;
    if taken < text.chars().count() {
        out.push('…');
    }
    out
}

/// Pages per document shard, so that a shard is about [`DOC_SHARD_BYTES`].
fn per_doc_shard(docs: &[StoredDoc]) -> usize {
    if docs.is_empty() {
        return 1;
    }
    let total: usize = docs
        .iter()
        .map(|d| {
            d.0.len()
                + d.1.len()
                + d.3
                    .iter()
                    .map(|p| p.0.len() + p.1.len() + p.2.len() + 8)
                    .sum::<usize>()
        })
        .sum();
    let average = total / docs.len();
    (DOC_SHARD_BYTES / average.max(1)).clamp(1, 64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_through_the_digit_encoding() {
        let mut s = String::new();
        for n in [0, 1, 31, 32, 1000, 1 << 30] {
            push_number(&mut s, n);
        }
        assert_eq!(s.len(), 1 + 1 + 1 + 2 + 2 + 7);
    }
}
