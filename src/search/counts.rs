//! The table a page's terms are counted in: a key of 64 bits (never zero)
//! to a small value, emptied after each page.
//!
//! A page has a few hundred distinct terms and thousands of occurrences,
//! and a large site counts millions of pages' worth, so the table is made
//! for that and nothing else: open addressing with linear probing, at most
//! half full, the slot taken from the key by one multiplication (a bigram
//! is two code points side by side, a word already a hash), and the slots
//! in use listed beside the table, so that reading the table back (in the
//! order its keys arrived) and emptying it cost what filling it did, not
//! what its capacity would.

/// Zero marks an empty slot: no term key is zero.
const EMPTY: u64 = 0;

#[derive(Debug)]
pub(super) struct CountTable<V> {
    keys: Vec<u64>,
    values: Vec<V>,
    /// Slots in use, in the order their keys arrived.
    used: Vec<u32>,
    /// `64 - log2(capacity)`: a slot is the top bits of the mixed key.
    shift: u32,
}

impl<V: Copy + Default> Default for CountTable<V> {
    fn default() -> Self {
        Self::with_capacity(1024)
    }
}

impl<V: Copy + Default> CountTable<V> {
    fn with_capacity(capacity: usize) -> Self {
        let capacity = capacity.next_power_of_two().max(16);
        CountTable {
            keys: vec![EMPTY; capacity],
            values: vec![V::default(); capacity],
            used: Vec::with_capacity(capacity / 2),
            shift: 64 - capacity.ilog2(),
        }
    }

    /// The number of keys in the table.
    pub(super) fn len(&self) -> usize {
        self.used.len()
    }

    /// The value of `key`, made by `new` the first time.
    #[inline]
    pub(super) fn entry(&mut self, key: u64, new: impl FnOnce() -> V) -> &mut V {
        debug_assert_ne!(key, EMPTY);
        let mask = self.keys.len() - 1;
        let mut slot = self.slot_of(key);
        loop {
            match self.keys[slot] {
                k if k == key => return &mut self.values[slot],
                EMPTY => break,
                _ => slot = (slot + 1) & mask,
            }
        }
        if (self.used.len() + 1) * 2 > self.keys.len() {
            self.grow();
            return self.entry(key, new);
        }
        self.keys[slot] = key;
        self.values[slot] = new();
        self.used.push(slot as u32);
        &mut self.values[slot]
    }

    /// The keys in the table, in the order they arrived.
    pub(super) fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.used.iter().map(|&slot| self.keys[slot as usize])
    }

    /// Hands every key and value to `f`, in the order the keys arrived,
    /// and leaves the table empty with its capacity kept.
    pub(super) fn drain(&mut self, mut f: impl FnMut(u64, V)) {
        for &slot in &self.used {
            let slot = slot as usize;
            f(self.keys[slot], self.values[slot]);
            self.keys[slot] = EMPTY;
        }
        self.used.clear();
    }

    fn slot_of(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn grow(&mut self) {
        let mut bigger = Self::with_capacity(self.keys.len() * 2);
        self.drain(|key, value| {
            *bigger.entry(key, || value) = value;
        });
        *self = bigger;
    }
}

#[cfg(test)]
mod tests {
    use super::CountTable;
    use proptest::prelude::*;
    use std::collections::HashMap;

    proptest! {
        /// The table counts as a hash map does, keeps arrival order, and is
        /// empty after draining, page after page.
        #[test]
        fn counts_as_a_hash_map_does(pages in prop::collection::vec(
            prop::collection::vec(1u64..3000, 0..3000), 1..4)
        ) {
            let mut table: CountTable<u32> = CountTable::with_capacity(16);
            for keys in pages {
                let mut expected: HashMap<u64, u32> = HashMap::new();
                let mut order = Vec::new();
                for key in keys {
                    // Spread over the whole key range, as mixed keys are.
                    let key = key.wrapping_mul(0x0123_4567_89AB_CDEF) | 1;
                    *table.entry(key, || 0) += 1;
                    let count = expected.entry(key).or_insert(0);
                    if *count == 0 {
                        order.push(key);
                    }
                    *count += 1;
                }
                prop_assert_eq!(table.len(), expected.len());
                prop_assert_eq!(table.keys().collect::<Vec<_>>(), order.clone());
                let mut drained = Vec::new();
                table.drain(|key, count| drained.push((key, count)));
                let wanted: Vec<(u64, u32)> = order.iter().map(|k| (*k, expected[k])).collect();
                prop_assert_eq!(drained, wanted);
                prop_assert_eq!(table.len(), 0);
            }
        }
    }
}
