//! One page's terms, counted: what a page keeps for the index, made where
//! the page renders.

use rustc_hash::FxHashMap;

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
/// millions: a word is a hash of its text, which the page keeps once in
/// `text` (`start..end`), so that counting a word allocates nothing.
///
/// Both lists are grouped by [`partition_of`] their key, partition `p`
/// being `grams[gram_ends[p - 1]..gram_ends[p]]` (and the same for words),
/// so that merging a partition reads only its own terms of each page.
#[derive(Debug)]
pub(super) struct PageTerms {
    grams: Vec<(u64, Occurrences)>,
    words: Vec<Word>,
    gram_ends: [u32; PARTITIONS],
    word_ends: [u32; PARTITIONS],
    text: Box<str>,
    pub(super) lengths: [u32; STREAMS],
}

/// A word's key, its counts and where its text is in [`PageTerms::text`].
#[derive(Debug, Clone, Copy, Default)]
struct Word {
    key: u64,
    occ: Occurrences,
    start: u32,
    end: u32,
}

impl PageTerms {
    /// The bigrams of partition `p`: key and counts.
    pub(super) fn grams(&self, p: usize) -> &[(u64, Occurrences)] {
        &self.grams[range(&self.gram_ends, p)]
    }

    /// The words of partition `p`: key, counts and how to read the text,
    /// which merging needs only for a word's first page.
    pub(super) fn words<'a>(
        &'a self,
        p: usize,
    ) -> impl Iterator<Item = (u64, &'a Occurrences, impl FnOnce() -> &'a str)> {
        self.words[range(&self.word_ends, p)].iter().map(move |w| {
            let text = move || &self.text[w.start as usize..w.end as usize];
            (w.key, &w.occ, text)
        })
    }
}

fn range(ends: &[u32; PARTITIONS], p: usize) -> std::ops::Range<usize> {
    let start = if p == 0 { 0 } else { ends[p - 1] as usize };
    start..ends[p] as usize
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
fn by_partition<V: Copy, T: Copy + Default>(
    map: &mut FxHashMap<u64, V>,
    mut ends: [u32; PARTITIONS],
    item: impl Fn(u64, V) -> T,
) -> (Vec<T>, [u32; PARTITIONS]) {
    debug_assert_eq!(ends.iter().sum::<u32>() as usize, map.len());
    let mut next = [0u32; PARTITIONS];
    let mut total = 0;
    for p in 0..PARTITIONS {
        next[p] = total;
        total += ends[p];
        ends[p] = total;
    }
    let mut out = vec![T::default(); map.len()];
    for (key, value) in map.drain() {
        let slot = &mut next[partition_of(key)];
        out[*slot as usize] = item(key, value);
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

/// The counts of the word `w` in `words`, its text added to `text` and
/// its partition counted in `keys` the first time.
fn word_entry<'a>(
    words: &'a mut FxHashMap<u64, (Occurrences, u32, u32)>,
    keys: &mut [u32; PARTITIONS],
    text: &mut String,
    w: &str,
) -> &'a mut Occurrences {
    let key = word_key(w);
    &mut words
        .entry(key)
        .or_insert_with(|| {
            keys[partition_of(key)] += 1;
            let start = text.len() as u32;
            text.push_str(w);
            (Occurrences::default(), start, text.len() as u32)
        })
        .0
}

/// Counts the terms of one text of a page into the page's tables: its
/// stream and the bit of its part are set before each text.
struct Counter<'a> {
    grams: &'a mut FxHashMap<u64, Occurrences>,
    words: &'a mut FxHashMap<u64, (Occurrences, u32, u32)>,
    /// How many keys of each partition the tables have.
    gram_keys: [u32; PARTITIONS],
    word_keys: [u32; PARTITIONS],
    text: &'a mut String,
    lengths: [u32; STREAMS],
    stream: usize,
    bit: u32,
}

impl Counter<'_> {
    fn count(occ: &mut Occurrences, stream: usize, bit: u32) {
        occ.tf[stream] = occ.tf[stream].saturating_add(1);
        occ.parts |= bit;
    }
}

impl tokenize::Terms for Counter<'_> {
    #[inline(always)]
    fn gram(&mut self, key: u64) {
        self.lengths[self.stream] += 1;
        let occ = self.grams.entry(key).or_insert_with(|| {
            self.gram_keys[partition_of(key)] += 1;
            Occurrences::default()
        });
        Self::count(occ, self.stream, self.bit);
    }

    fn word(&mut self, word: &str) {
        self.lengths[self.stream] += 1;
        let occ = word_entry(self.words, &mut self.word_keys, self.text, word);
        Self::count(occ, self.stream, self.bit);
    }

    fn phrase(&mut self, phrase: &str) {
        let occ = word_entry(self.words, &mut self.word_keys, self.text, phrase);
        Self::count(occ, self.stream, self.bit);
    }
}

/// Counts the terms of `doc`, stream by stream and part by part.
pub(super) fn page_terms(doc: &Doc) -> PageTerms {
    SCRATCH.with_borrow_mut(|scratch| {
        let Scratch {
            buffers,
            grams,
            words,
            text,
        } = scratch;
        text.clear();
        let mut counter = Counter {
            grams,
            words,
            gram_keys: [0; PARTITIONS],
            word_keys: [0; PARTITIONS],
            text,
            lengths: [0; STREAMS],
            stream: TITLE,
            bit: 0,
        };
        let mut add = |source: &str, stream: usize, part: usize| {
            counter.stream = stream;
            counter.bit = 1u32 << part.min(MAX_PARTS - 1);
            document_terms(source, stream != BODY, buffers, &mut counter);
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
        let Counter {
            grams,
            words,
            gram_keys,
            mut word_keys,
            text,
            lengths,
            ..
        } = counter;
        for code in &doc.codes {
            let term = code_term(code);
            // A code of one or two CJK characters is a bigram already.
            let is_gram = term.chars().count() <= 2 && term.chars().all(tokenize::is_cjk);
            if !term.is_empty() && !is_gram {
                let occ = word_entry(words, &mut word_keys, text, &term);
                Counter::count(occ, FIELDS, 1 << FIELDS_PART);
            }
        }
        let (grams, gram_ends) = by_partition(grams, gram_keys, |key, occ| (key, occ));
        let (words, word_ends) = by_partition(words, word_keys, |key, (occ, start, end)| Word {
            key,
            occ,
            start,
            end,
        });
        PageTerms {
            grams,
            words,
            gram_ends,
            word_ends,
            text: text.as_str().into(),
            lengths,
        }
    })
}
