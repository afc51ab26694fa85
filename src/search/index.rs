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

use super::postings::encode_postings;
use super::store::{per_doc_shard, StoredDoc};
use super::tokenize::{self, code_term, document_terms, gram_text, shard_of, Term};
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
pub const MAX_POSTINGS: usize = 200;
/// A page's parts that a posting tells apart, as bits of a mask: the title
/// (bit 0), the other fields (bit 1), then each section (bit 2 on); later
/// sections count as the last one.
pub(super) const MAX_PARTS: usize = 31;
const TITLE_PART: usize = 0;
const FIELDS_PART: usize = 1;
/// Raw size aimed at for one term shard.
const TERM_SHARD_BYTES: usize = 8 * 1024;

/// How often a term occurs in one page, per stream (counted up to 255:
/// BM25 has long stopped rising by then), and in which parts.
#[derive(Debug, Clone, Copy, Default)]
struct Occurrences {
    tf: [u8; STREAMS],
    parts: u32,
}

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

/// One page's terms and its stream lengths. Compact, as a large site holds
/// millions: a word is a hash of its text, which the page keeps once in
/// `text` (`start..end`), so that counting a word allocates nothing.
#[derive(Debug)]
struct PageTerms {
    grams: Vec<(u64, Occurrences)>,
    words: Vec<(u64, Occurrences, u32, u32)>,
    text: Box<str>,
    lengths: [u32; STREAMS],
}

/// The key of a word (or phrase, or code): a 64-bit hash of its text with
/// the top bit set, which no bigram key has.
fn word_key(word: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(word.as_bytes());
    h.finish() | 1 << 63
}

/// What counting a page's terms needs, kept per thread: the maps keep their
/// capacity from page to page.
#[derive(Default)]
struct Scratch {
    buffers: tokenize::Buffers,
    grams: FxHashMap<u64, Occurrences>,
    words: FxHashMap<u64, (Occurrences, u32, u32)>,
    text: String,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// The counts of the word `w` in `words`, its text added to `text` the
/// first time.
fn word_entry<'a>(
    words: &'a mut FxHashMap<u64, (Occurrences, u32, u32)>,
    text: &mut String,
    w: &str,
) -> &'a mut Occurrences {
    &mut words
        .entry(word_key(w))
        .or_insert_with(|| {
            let start = text.len() as u32;
            text.push_str(w);
            (Occurrences::default(), start, text.len() as u32)
        })
        .0
}

fn page_terms(doc: &Doc) -> PageTerms {
    SCRATCH.with_borrow_mut(|scratch| {
        let Scratch {
            buffers,
            grams,
            words,
            text,
        } = scratch;
        text.clear();
        let mut lengths = [0; STREAMS];
        let mut add = |source: &str, stream: usize, part: usize| {
            let bit = 1u32 << part.min(MAX_PARTS - 1);
            let phrases = stream != BODY;
            document_terms(source, phrases, buffers, &mut |term| {
                let occ = match term {
                    Term::Gram(key) => {
                        lengths[stream] += 1;
                        grams.entry(key).or_default()
                    }
                    Term::Word(w) => {
                        lengths[stream] += 1;
                        word_entry(words, text, w)
                    }
                    Term::Phrase(w) => word_entry(words, text, w),
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
            // A code of one or two CJK characters is a bigram already.
            let is_gram = term.chars().count() <= 2 && term.chars().all(tokenize::is_cjk);
            if !term.is_empty() && !is_gram {
                let occ = word_entry(words, text, &term);
                occ.tf[FIELDS] = occ.tf[FIELDS].saturating_add(1);
                occ.parts |= 1 << FIELDS_PART;
            }
        }
        PageTerms {
            grams: grams.drain().collect(),
            words: words
                .drain()
                .map(|(k, (occ, start, end))| (k, occ, start, end))
                .collect(),
            text: text.as_str().into(),
            lengths,
        }
    })
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
pub fn build(lang: &str, docs: &[std::sync::Arc<Indexed>], ui: &serde_json::Value) -> IndexFiles {
    let pages: Vec<&PageTerms> = docs.iter().map(|d| &d.terms).collect();
    let n = pages.len().max(1) as f64;
    let mut avg = [0f64; STREAMS];
    for page in &pages {
        for (s, len) in page.lengths.iter().enumerate() {
            avg[s] += f64::from(*len) / n;
        }
    }
    // Each stream's weight over its length normalisation, per page: what a
    // term's count in that stream is multiplied by.
    let factors: Vec<[f32; STREAMS]> = pages
        .iter()
        .map(|p| {
            std::array::from_fn(|s| {
                let norm = 1.0 - LENGTH_NORM[s]
                    + LENGTH_NORM[s] * f64::from(p.lengths[s]) / avg[s].max(1.0);
                (WEIGHTS[s] / norm) as f32
            })
        })
        .collect();
    let encoded = encode_terms(&pages, &factors, n);
    let term_bytes: usize = encoded
        .iter()
        .map(|t| t.term.len() + t.postings.len() + 6)
        .sum();
    let shards = term_bytes.div_ceil(TERM_SHARD_BYTES).max(1) as u32;
    let mut by_shard: Vec<Vec<&EncodedTerm>> = vec![Vec::new(); shards as usize];
    for term in &encoded {
        by_shard[shard_of(&term.term, shards) as usize].push(term);
    }

    let stored: Vec<&StoredDoc> = docs.iter().map(|d| &d.stored).collect();
    let per_doc = per_doc_shard(&stored);
    let mut bodies: Vec<(String, String)> = by_shard
        .par_iter()
        .enumerate()
        .map(|(i, terms)| {
            (
                format!("t{i}.js"),
                call_raw(lang, "t", i, &term_object(terms)),
            )
        })
        .collect();
    bodies.par_extend(
        stored
            .par_chunks(per_doc)
            .enumerate()
            .map(|(i, chunk)| (format!("d{i}.js"), call(lang, "d", i, &chunk))),
    );
    let version = version_of(&bodies);
    let mut files: Vec<(String, String)> = bodies
        .into_iter()
        .map(|(name, body)| (format!("{version}/{name}"), body))
        .collect();
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
    files.push(("index.js".into(), call(lang, "m", 0, &manifest)));
    let bytes = files.iter().map(|(_, body)| body.len()).sum();
    IndexFiles { files, bytes }
}

/// `hui.index("zh","t",3,{…});`: a script that hands its data to the
/// search script, which works from `file://`, where fetch does not.
fn call(lang: &str, kind: &str, n: usize, data: &impl Serialize) -> String {
    call_raw(lang, kind, n, &crate::js::script_safe(data))
}

fn call_raw(lang: &str, kind: &str, n: usize, json: &str) -> String {
    format!(
        "hui.index({},\"{kind}\",{n},{json});\n",
        crate::js::script_safe(&lang)
    )
}

/// A shard's terms as a JSON object, written directly: the postings are
/// digits that need no escaping, and a large site has millions of them.
fn term_object(terms: &[&EncodedTerm]) -> String {
    let size: usize = terms
        .iter()
        .map(|t| t.term.len() + t.postings.len() + 6)
        .sum();
    let mut out = String::with_capacity(size + 2);
    out.push('{');
    for (i, t) in terms.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&crate::js::script_safe(&t.term));
        out.push_str(":\"");
        out.push_str(&t.postings);
        out.push('"');
    }
    out.push('}');
    out
}

/// A short hash of the shards' contents: their folder, so that a browser
/// never mixes shards of two builds.
fn version_of(bodies: &[(String, String)]) -> String {
    use std::hash::{BuildHasher, Hasher};
    let hashes: Vec<u64> = bodies
        .par_iter()
        .map(|(name, body)| {
            let mut h = rustc_hash::FxBuildHasher.build_hasher();
            h.write(name.as_bytes());
            h.write(body.as_bytes());
            h.finish()
        })
        .collect();
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    for hash in hashes {
        h.write_u64(hash);
    }
    format!("{:08x}", h.finish() as u32)
}

/// Collects every term's postings from the pages, scores and encodes them.
/// The pages are split into one run per thread; each run gathers its terms'
/// best postings as it goes, and the runs are then joined term by term.
fn encode_terms(pages: &[&PageTerms], factors: &[[f32; STREAMS]], n: f64) -> Vec<EncodedTerm> {
    let run = pages.len().div_ceil(rayon::current_num_threads()).max(1);
    let gathered = pages
        .par_chunks(run)
        .enumerate()
        .map(|(i, chunk)| gather(chunk, i * run, factors))
        .reduce(Gathered::default, Gathered::join);
    let grams = gathered
        .grams
        .into_par_iter()
        .map(|(key, best)| (gram_text(key), best));
    let words = gathered
        .words
        .into_par_iter()
        .map(|(_, (best, term))| (term.to_owned(), best));
    let mut encoded: Vec<EncodedTerm> = grams
        .chain(words)
        .map(|(term, best)| EncodedTerm {
            term,
            postings: encode_postings(best.impacts(n)),
        })
        .collect();
    encoded.par_sort_unstable_by(|a, b| a.term.cmp(&b.term));
    encoded
}

/// The best postings of every term in a run of pages.
#[derive(Default)]
struct Gathered<'a> {
    grams: FxHashMap<u64, Best>,
    words: FxHashMap<u64, (Best, &'a str)>,
}

impl<'a> Gathered<'a> {
    fn join(mut self, other: Gathered<'a>) -> Gathered<'a> {
        for (key, best) in other.grams {
            self.grams.entry(key).or_default().join(best);
        }
        for (key, (best, term)) in other.words {
            self.words
                .entry(key)
                .or_insert_with(|| (Best::default(), term))
                .0
                .join(best);
        }
        self
    }
}

/// Gathers the postings of `pages`, the first of which is page `first`.
fn gather<'a>(pages: &[&'a PageTerms], first: usize, factors: &[[f32; STREAMS]]) -> Gathered<'a> {
    let mut gathered = Gathered::default();
    for (i, page) in pages.iter().enumerate() {
        let id = first + i;
        let factors = &factors[id];
        let id = id as u32;
        for (key, occ) in &page.grams {
            gathered
                .grams
                .entry(*key)
                .or_default()
                .offer(id, occ, factors);
        }
        for (key, occ, start, end) in &page.words {
            gathered
                .words
                .entry(*key)
                .or_insert_with(|| (Best::default(), &page.text[*start as usize..*end as usize]))
                .0
                .offer(id, occ, factors);
        }
    }
    gathered
}

/// A term's best postings so far, `(score bits, page, parts)`, and how many
/// pages have it. Positive floats order as their bits do. Pages are offered
/// in increasing order, so a page that only ties the worst one kept loses
/// (the lower page wins a tie).
#[derive(Default)]
struct Best {
    pages: u32,
    postings: Vec<(u32, u32, u32)>,
    /// The score a page must beat once [`MAX_POSTINGS`] are kept.
    floor: Option<u32>,
}

/// Postings a term holds before it drops all but its best.
const GATHERED: usize = MAX_POSTINGS * 3 / 2;

fn best_first(a: &(u32, u32, u32), b: &(u32, u32, u32)) -> std::cmp::Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1))
}

impl Best {
    fn offer(&mut self, page: u32, occ: &Occurrences, factors: &[f32; STREAMS]) {
        self.pages += 1;
        let bits = tf_score(occ, factors).to_bits();
        if self.floor.is_some_and(|floor| bits <= floor) {
            return;
        }
        self.postings.push((bits, page, occ.parts));
        if self.postings.len() >= GATHERED {
            self.keep_best();
        }
    }

    fn keep_best(&mut self) {
        if self.postings.len() > MAX_POSTINGS {
            self.postings
                .select_nth_unstable_by(MAX_POSTINGS - 1, best_first);
            self.postings.truncate(MAX_POSTINGS);
            self.floor = self.postings.iter().map(|p| p.0).min();
        }
    }

    /// Adds the postings of a later run of pages.
    fn join(&mut self, later: Best) {
        self.pages += later.pages;
        self.postings.extend(later.postings);
        self.keep_best();
    }

    /// The best [`MAX_POSTINGS`] (by score, the lower page first on a tie)
    /// as `(page, impact, parts)` in page order; the impact is the score
    /// times the term's idf, which needs all pages counted.
    fn impacts(mut self, n: f64) -> Vec<(u32, u32, u32)> {
        let df = f64::from(self.pages);
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        self.keep_best();
        let mut out: Vec<(u32, u32, u32)> = self
            .postings
            .into_iter()
            .map(|(bits, page, parts)| {
                let score = f64::from(f32::from_bits(bits));
                (page, (score * idf * SCALE).round().max(1.0) as u32, parts)
            })
            .collect();
        out.sort_unstable_by_key(|p| p.0);
        out
    }
}

/// The BM25F part of a term's score in one page that does not depend on
/// how many pages have the term, with the title and fields bonuses.
fn tf_score(occ: &Occurrences, factors: &[f32; STREAMS]) -> f32 {
    let tf: f32 = occ
        .tf
        .iter()
        .zip(factors)
        .map(|(n, factor)| f32::from(*n) * factor)
        .sum();
    let mut score = tf / (K1 as f32 + tf);
    if occ.tf[TITLE] > 0 {
        score += TITLE_BONUS as f32;
    }
    if occ.tf[FIELDS] > 0 {
        score += FIELDS_BONUS as f32;
    }
    score
}
