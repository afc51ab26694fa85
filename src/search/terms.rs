//! One page's terms, counted: what a page keeps for the index, made where
//! the page renders.

use rustc_hash::{FxHashMap, FxHashSet};

use super::tokenize::{self, code_term, document_terms};
use super::Doc;

/// Weighted streams of a page (see `merge::WEIGHTS`).
pub(super) const TITLE: usize = 0;
pub(super) const FIELDS: usize = 1;
pub(super) const HEADING: usize = 2;
pub(super) const BODY: usize = 3;
pub(super) const STREAMS: usize = 4;
/// A page's parts that a posting tells apart, as bits of a mask: the title
/// (bit 0), the other fields (bit 1), then each section (bit 2 on); later
/// sections count as the last one.
pub(super) const MAX_PARTS: usize = 31;
const TITLE_PART: usize = 0;
const FIELDS_PART: usize = 1;

/// The index is merged in this many independent groups of terms, each on
/// its own (see [`partition_of`]).
pub(super) const PARTITIONS: usize = 8;
const _: () = assert!(PARTITIONS.is_power_of_two());

/// How often a term occurs in one page, per stream (counted up to 255:
/// BM25 has long stopped rising by then), and in which parts.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Occurrences {
    pub(super) tf: [u8; STREAMS],
    pub(super) parts: u32,
}

/// One page's terms and its stream lengths. Compact, as a large site holds
/// millions: a term is its key (a bigram's two characters, or the hash of
/// a word, whose text is kept once for the whole site in [`word_texts`]'s
/// table), so that counting allocates nothing for it.
///
/// The terms are grouped by [`partition_of`] their key, partition `p`
/// being `terms[ends[p - 1]..ends[p]]`, so that merging a partition reads
/// only its own terms of each page.
#[derive(Debug)]
pub(super) struct PageTerms {
    terms: Vec<(u64, Occurrences)>,
    ends: [u32; PARTITIONS],
    pub(super) lengths: [u32; STREAMS],
}

impl PageTerms {
    /// The terms of partition `p`: key and counts.
    pub(super) fn terms(&self, p: usize) -> &[(u64, Occurrences)] {
        let start = if p == 0 { 0 } else { self.ends[p - 1] as usize };
        &self.terms[start..self.ends[p] as usize]
    }
}

/// The text of every word counted so far, by key: a site's vocabulary is a
/// few tens of thousands of words, where each page keeping its own words'
/// text would hold tens of megabytes. Kept for the process, so that the
/// pages `hui serve` keeps from one build to the next still find theirs.
static WORDS: std::sync::LazyLock<std::sync::RwLock<FxHashMap<u64, Box<str>>>> =
    std::sync::LazyLock::new(Default::default);

/// Reads the words' texts, for a term `key` of which [`is_word`] holds.
pub(super) fn word_texts() -> std::sync::RwLockReadGuard<'static, FxHashMap<u64, Box<str>>> {
    WORDS.read().unwrap_or_else(|e| e.into_inner())
}

/// Whether a term key is a word's (else it is a bigram's).
fn is_word(key: u64) -> bool {
    key >> 63 == 1
}

/// The text of a term: a bigram's characters, or a word as
/// [`word_texts`] holds it.
pub(super) fn term_text(key: u64, words: &FxHashMap<u64, Box<str>>) -> String {
    if is_word(key) {
        debug_assert!(words.contains_key(&key), "a counted word has its text");
        words.get(&key).map_or_else(String::new, |w| w.to_string())
    } else {
        tokenize::gram_text(key)
    }
}

/// The partition of a term key: its top bits once mixed, as bigram keys
/// are code points side by side and would otherwise crowd a few.
pub(super) fn partition_of(key: u64) -> usize {
    const SHIFT: u32 = 64 - PARTITIONS.ilog2();
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> SHIFT) as usize
}

/// The entries of `map` grouped by partition (a counting sort: the order
/// within a partition does not matter), with where each partition ends;
/// `ends` comes in as how many keys each partition has, counted as they
/// were added, so that the map is walked once. The map is left empty, its
/// room kept for the next page.
fn by_partition(
    map: &mut FxHashMap<u64, Occurrences>,
    mut ends: [u32; PARTITIONS],
) -> (Vec<(u64, Occurrences)>, [u32; PARTITIONS]) {
    debug_assert_eq!(ends.iter().sum::<u32>() as usize, map.len());
    let mut next = [0u32; PARTITIONS];
    let mut total = 0;
    for p in 0..PARTITIONS {
        next[p] = total;
        total += ends[p];
        ends[p] = total;
    }
    let mut out = vec![(0, Occurrences::default()); map.len()];
    for entry in map.drain() {
        let slot = &mut next[partition_of(entry.0)];
        out[*slot as usize] = entry;
        *slot += 1;
    }
    (out, ends)
}

/// The key of a word (or phrase, or code): a 64-bit hash of its text with
/// the top bit set, which no bigram key has.
fn word_key(word: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(word.as_bytes());
    h.finish() | 1 << 63
}

/// What counting a page's terms needs, kept per thread: the map keeps its
/// capacity from page to page.
#[derive(Default)]
struct Scratch {
    buffers: tokenize::Buffers,
    terms: FxHashMap<u64, Occurrences>,
    /// The words this thread has put in [`WORDS`], so that it takes the
    /// lock only for a word new to it.
    known: FxHashSet<u64>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Counts the terms of one text of a page into the page's table: its
/// stream and the bit of its part are set before each text.
struct Counter<'a> {
    terms: &'a mut FxHashMap<u64, Occurrences>,
    known: &'a mut FxHashSet<u64>,
    /// How many keys of each partition the table has.
    keys: [u32; PARTITIONS],
    lengths: [u32; STREAMS],
    stream: usize,
    bit: u32,
}

impl Counter<'_> {
    /// The counts of the term `key` in this page, its partition counted in
    /// [`Counter::keys`] the first time, when `first` also runs.
    #[inline(always)]
    fn entry(&mut self, key: u64, first: impl FnOnce(&mut FxHashSet<u64>)) -> &mut Occurrences {
        let (keys, known) = (&mut self.keys, &mut *self.known);
        self.terms.entry(key).or_insert_with(|| {
            keys[partition_of(key)] += 1;
            first(known);
            Occurrences::default()
        })
    }

    /// Counts the word (or phrase, or code) `w` in `stream`, its text kept
    /// in [`WORDS`] the first time this thread meets it. A word already in
    /// this page's table is known: most words recur in a page, and the
    /// thread's set is the larger table to look in.
    fn count_word(&mut self, w: &str, stream: usize, bit: u32) {
        let key = word_key(w);
        let occ = self.entry(key, |known| {
            if known.insert(key) {
                WORDS
                    .write()
                    .unwrap_or_else(|e| e.into_inner())
                    .entry(key)
                    .or_insert_with(|| w.into());
            }
        });
        Self::count(occ, stream, bit);
    }

    fn count(occ: &mut Occurrences, stream: usize, bit: u32) {
        occ.tf[stream] = occ.tf[stream].saturating_add(1);
        occ.parts |= bit;
    }
}

impl tokenize::Terms for Counter<'_> {
    #[inline(always)]
    fn gram(&mut self, key: u64) {
        self.lengths[self.stream] += 1;
        let (stream, bit) = (self.stream, self.bit);
        Self::count(self.entry(key, |_| {}), stream, bit);
    }

    fn word(&mut self, word: &str) {
        self.lengths[self.stream] += 1;
        self.count_word(word, self.stream, self.bit);
    }

    fn phrase(&mut self, phrase: &str) {
        self.count_word(phrase, self.stream, self.bit);
    }
}

/// Counts the terms of `doc`, stream by stream and part by part.
pub(super) fn page_terms(doc: &Doc) -> PageTerms {
    SCRATCH.with_borrow_mut(|scratch| {
        let Scratch {
            buffers,
            terms,
            known,
        } = scratch;
        let mut counter = Counter {
            terms,
            known,
            keys: [0; PARTITIONS],
            lengths: [0; STREAMS],
            stream: TITLE,
            bit: 0,
        };
        let mut add = |counter: &mut Counter, source: &str, stream: usize, part: usize| {
            counter.stream = stream;
            counter.bit = 1u32 << part.min(MAX_PARTS - 1);
            document_terms(source, stream != BODY, buffers, counter);
        };
        add(&mut counter, &doc.title, TITLE, TITLE_PART);
        for field in &doc.fields {
            add(&mut counter, field, FIELDS, FIELDS_PART);
        }
        add(&mut counter, &doc.facts, BODY, FIELDS_PART);
        for (i, section) in doc.sections.iter().enumerate() {
            add(&mut counter, &section.heading, HEADING, i + 2);
            add(&mut counter, &section.text, BODY, i + 2);
        }
        for code in &doc.codes {
            let term = code_term(code);
            // A code of one or two CJK characters is a bigram already.
            let is_gram = term.chars().count() <= 2 && term.chars().all(tokenize::is_cjk);
            if !term.is_empty() && !is_gram {
                counter.count_word(&term, FIELDS, 1 << FIELDS_PART);
            }
        }
        let (keys, lengths) = (counter.keys, counter.lengths);
        let (terms, ends) = by_partition(counter.terms, keys);
        PageTerms {
            terms,
            ends,
            lengths,
        }
    })
}
