//! Pages' terms → every term's best postings, scored: BM25F with the title
//! and fields bonuses (see `index` for the why).
//!
//! Terms are merged in [`PARTITIONS`] groups of their own, each reading
//! only its part of every page's terms ([`PageTerms`] keeps them grouped),
//! so that the groups run in parallel with nothing to join afterwards, and
//! each group's table of terms stays small enough for the cache.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::postings::encode_postings;
use super::terms::{
    term_text, word_texts, Occurrences, PageTerms, FIELDS, PARTITIONS, STREAMS, TITLE,
};

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

/// One term's postings, encoded, ready for its shard.
pub(super) struct EncodedTerm {
    pub(super) term: String,
    pub(super) postings: String,
}

/// Each page's stream weights over their length normalisation: what a
/// term's count in each stream is multiplied by.
fn stream_factors(pages: &[&PageTerms]) -> Vec<[f32; STREAMS]> {
    let n = pages.len().max(1) as f64;
    let mut avg = [0f64; STREAMS];
    for page in pages {
        for (s, len) in page.lengths.iter().enumerate() {
            avg[s] += f64::from(*len) / n;
        }
    }
    pages
        .iter()
        .map(|p| {
            std::array::from_fn(|s| {
                let norm = 1.0 - LENGTH_NORM[s]
                    + LENGTH_NORM[s] * f64::from(p.lengths[s]) / avg[s].max(1.0);
                (WEIGHTS[s] / norm) as f32
            })
        })
        .collect()
}

/// Collects every term's postings from the pages, scores and encodes them,
/// in the order of their text.
pub(super) fn encode_terms(pages: &[&PageTerms]) -> Vec<EncodedTerm> {
    let n = pages.len().max(1) as f64;
    let factors = stream_factors(pages);
    let mut encoded: Vec<EncodedTerm> = (0..PARTITIONS)
        .into_par_iter()
        .flat_map_iter(|p| encode_partition(pages, p, &factors, n))
        .collect();
    encoded.par_sort_unstable_by(|a, b| a.term.cmp(&b.term));
    encoded
}

/// The encoded terms of partition `p`. Pages are offered in order, so the
/// lower page wins a tie.
fn encode_partition(
    pages: &[&PageTerms],
    p: usize,
    factors: &[[f32; STREAMS]],
    n: f64,
) -> Vec<EncodedTerm> {
    let mut terms: FxHashMap<u64, Best> = FxHashMap::default();
    let mut ranks = Vec::with_capacity(GATHERED);
    for (id, (page, factors)) in pages.iter().zip(factors).enumerate() {
        let id = id as u32;
        for (key, occ) in page.terms(p) {
            terms
                .entry(*key)
                .or_default()
                .offer(id, occ, factors, &mut ranks);
        }
    }
    let words = word_texts();
    terms
        .into_iter()
        .map(|(key, best)| EncodedTerm {
            term: term_text(key, &words),
            postings: encode_postings(best.impacts(n, &mut ranks)),
        })
        .collect()
}

/// A term's best postings so far, `(score bits, page, parts)` in page
/// order, and how many pages have it. Positive floats order as their bits
/// do. Pages are offered in increasing order, so a page that only ties the
/// worst one kept loses (the lower page wins a tie).
#[derive(Default)]
struct Best {
    pages: u32,
    postings: Vec<(u32, u32, u32)>,
    /// The score a page must beat once [`MAX_POSTINGS`] are kept.
    floor: Option<u32>,
}

/// Postings a term holds before it drops all but its best.
const GATHERED: usize = MAX_POSTINGS * 3 / 2;

/// A posting's rank as one number, larger for better: the higher score,
/// then the lower page.
fn rank(bits: u32, page: u32) -> u64 {
    u64::from(bits) << 32 | u64::from(!page)
}

impl Best {
    fn offer(
        &mut self,
        page: u32,
        occ: &Occurrences,
        factors: &[f32; STREAMS],
        ranks: &mut Vec<u64>,
    ) {
        self.pages += 1;
        let bits = tf_score(occ, factors).to_bits();
        if self.floor.is_some_and(|floor| bits <= floor) {
            return;
        }
        self.postings.push((bits, page, occ.parts));
        if self.postings.len() >= GATHERED {
            self.keep_best(ranks);
        }
    }

    /// Drops all but the best [`MAX_POSTINGS`], keeping the others in page
    /// order, so that they never need sorting back.
    fn keep_best(&mut self, ranks: &mut Vec<u64>) {
        if self.postings.len() <= MAX_POSTINGS {
            return;
        }
        ranks.clear();
        ranks.extend(self.postings.iter().map(|p| rank(p.0, p.1)));
        let (_, worst_kept, _) = ranks.select_nth_unstable_by(MAX_POSTINGS - 1, |a, b| b.cmp(a));
        let worst_kept = *worst_kept;
        self.postings.retain(|p| rank(p.0, p.1) >= worst_kept);
        self.floor = self.postings.iter().map(|p| p.0).min();
    }

    /// The best [`MAX_POSTINGS`] (by score, the lower page first on a tie)
    /// as `(page, impact, parts)` in page order; the impact is the score
    /// times the term's idf, which needs all pages counted.
    fn impacts(
        mut self,
        n: f64,
        ranks: &mut Vec<u64>,
    ) -> impl ExactSizeIterator<Item = (u32, u32, u32)> {
        let df = f64::from(self.pages);
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        self.keep_best(ranks);
        self.postings.into_iter().map(move |(bits, page, parts)| {
            let score = f64::from(f32::from_bits(bits));
            (page, (score * idf * SCALE).round().max(1.0) as u32, parts)
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(tf_of: impl Fn(u32) -> u8) -> Vec<u32> {
        let factors = [1.0; STREAMS];
        let (mut best, mut ranks) = (Best::default(), Vec::new());
        for page in 0..1000 {
            let occ = Occurrences {
                tf: [0, 0, 0, tf_of(page)],
                parts: 1,
            };
            best.offer(page, &occ, &factors, &mut ranks);
        }
        best.impacts(1000.0, &mut ranks).map(|p| p.0).collect()
    }

    #[test]
    fn a_term_keeps_its_best_postings_in_page_order() {
        // 334 pages score higher than the rest: the 200 lowest of them.
        let expected: Vec<u32> = (0..1000).filter(|p| p % 3 == 0).take(200).collect();
        assert_eq!(kept(|p| if p % 3 == 0 { 3 } else { 1 }), expected);
        // The best 100 come last; the lowest pages win the tie for the rest.
        let expected: Vec<u32> = (0..100).chain(900..1000).collect();
        assert_eq!(kept(|p| if p >= 900 { 3 } else { 1 }), expected);
    }
}
