//! The table of the distinct folded words of the lexicon's names, looked up once for
//! nearly every capitalized word of a text, so it is built for that lookup:
//!
//! - an ASCII word of a text is looked up as it is written: its hash and its comparison
//!   lowercase it eight bytes at a time, without copying it folded;
//! - a slot holds the first 16 bytes of its word, so comparing a key (nearly every word
//!   is that short) reads no memory beyond the slot; longer words keep the rest in one
//!   shared string.

use hashbrown::HashTable;

use crate::text::fold;

/// Bytes of a word held in its slot.
const HEAD: usize = 16;

/// One word: its folded form and the value stored for it.
#[derive(Clone, Copy, Debug)]
struct Slot<V> {
    /// The first `HEAD` bytes of the folded word, as chunks of 8 (zero-padded).
    head: [u64; 2],
    len: u32,
    /// Where the bytes past `HEAD` start in `WordTable::tails`.
    tail: u32,
    value: V,
}

/// A hash table from folded words to values of type `V`.
#[derive(Debug)]
pub(super) struct WordTable<V> {
    slots: HashTable<Slot<V>>,
    /// The bytes past `HEAD` of the long words, one after the other.
    tails: String,
}

impl<V> Default for WordTable<V> {
    fn default() -> Self {
        WordTable {
            slots: HashTable::new(),
            tails: String::new(),
        }
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// Up to 8 bytes as one little-endian number, zero-padded, with few branches: a short
/// piece is read as two overlapping halves (a loop over its bytes would end at a
/// different place for every word, a branch the processor mispredicts).
#[inline(always)]
fn load(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    if let Some(c) = bytes.first_chunk::<8>() {
        u64::from_le_bytes(*c)
    } else if n >= 4 {
        let lo = bytes
            .first_chunk::<4>()
            .map_or(0, |c| u32::from_le_bytes(*c));
        let hi = bytes
            .last_chunk::<4>()
            .map_or(0, |c| u32::from_le_bytes(*c));
        // the overlapping bytes are the same bytes, so OR keeps them
        u64::from(lo) | (u64::from(hi) << ((n - 4) * 8))
    } else if n > 0 {
        u64::from(bytes[0])
            | (u64::from(bytes[n / 2]) << (8 * (n / 2)))
            | (u64::from(bytes[n - 1]) << (8 * (n - 1)))
    } else {
        0
    }
}

/// ASCII capitals of a chunk lowercased, every byte at once. Needs ASCII bytes (below
/// 0x80), so that no carry crosses bytes: the high bit of `x + (0x80 - b'A')` says
/// `>= 'A'`, that of `x + (0x80 - b'Z' - 1)` says `> 'Z'`.
#[inline(always)]
fn lower(x: u64) -> u64 {
    // (wrapping: on bytes beyond ASCII the result is garbage, which callers discard)
    let upper = x.wrapping_add(ONES * 0x3f) & !x.wrapping_add(ONES * 0x25) & (ONES * 0x80);
    x | (upper >> 2)
}

/// A word's hash (FxHash's step over chunks of 8 bytes) and its first `HEAD` bytes, or
/// `None` when `LOWER` is asked for a word beyond ASCII. With `LOWER`, ASCII capitals are
/// lowercased on the way, so an ASCII word hashes as its folded form does.
#[inline(always)]
fn key<const LOWER: bool>(word: &[u8]) -> Option<(u64, [u64; 2])> {
    let mut head = [0; 2];
    let mut h = word.len() as u64;
    let mut high = 0;
    for (n, c) in word.chunks(8).enumerate() {
        let mut x = load(c);
        if LOWER {
            high |= x;
            x = lower(x);
        }
        if n < head.len() {
            head[n] = x;
        }
        h = (h.rotate_left(5) ^ x).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }
    (high & (ONES * 0x80) == 0).then_some((h, head))
}

impl<V> WordTable<V> {
    pub(super) fn len(&self) -> usize {
        self.slots.len()
    }

    pub(super) fn reserve(&mut self, words: usize) {
        self.slots.reserve(words, |s| s.hash(&self.tails));
    }

    pub(super) fn shrink_to_fit(&mut self) {
        self.slots.shrink_to_fit(|s| s.hash(&self.tails));
        self.tails.shrink_to_fit();
    }

    /// The value of a folded word, inserted with `make` when the word is new.
    pub(super) fn get_or_insert_with(&mut self, folded: &str, make: impl FnOnce() -> V) -> &mut V {
        let bytes = folded.as_bytes();
        let (hash, head) = key::<false>(bytes).unwrap_or_default();
        let tails = &self.tails;
        let found = self
            .slots
            .find(hash, |s| s.is(bytes, head, tails, <[u8]>::eq))
            .is_some();
        if !found {
            let slot = Slot {
                head,
                len: bytes.len() as u32,
                tail: self.tails.len() as u32,
                value: make(),
            };
            if bytes.len() > HEAD {
                self.tails.push_str(&folded[HEAD..]);
            }
            let tails = &self.tails;
            self.slots.insert_unique(hash, slot, |s| s.hash(tails));
        }
        let tails = &self.tails;
        let slot = self
            .slots
            .find_mut(hash, |s| s.is(bytes, head, tails, <[u8]>::eq))
            .expect("the word was just found or inserted");
        &mut slot.value
    }

    /// The value of a word as a text writes it (any case, diacritics): folded, then looked
    /// up. `buf` is room to fold words beyond ASCII.
    #[inline]
    pub(super) fn get(&self, word: &str, buf: &mut String) -> Option<&V> {
        match self.get_ascii(word) {
            Ok(found) => found,
            Err(()) => {
                fold(word, buf);
                let bytes = buf.as_bytes();
                let (hash, head) = key::<false>(bytes).unwrap_or_default();
                let tails = &self.tails;
                let slot = self
                    .slots
                    .find(hash, |s| s.is(bytes, head, tails, <[u8]>::eq));
                slot.map(|s| &s.value)
            }
        }
    }

    /// [`WordTable::get`] for an ASCII word; `Err` for a word beyond ASCII, which needs
    /// folding (callers may cache those).
    #[inline(always)]
    pub(super) fn get_ascii(&self, word: &str) -> Result<Option<&V>, ()> {
        let bytes = word.as_bytes();
        let (hash, head) = key::<true>(bytes).ok_or(())?;
        let tails = &self.tails;
        let slot = self.slots.find(hash, |s| {
            s.is(bytes, head, tails, <[u8]>::eq_ignore_ascii_case)
        });
        Ok(slot.map(|s| &s.value))
    }
}

impl<V> Slot<V> {
    /// Whether this slot holds `word` (whose first `HEAD` bytes, as the table keeps them,
    /// are `head`); `tail_eq` compares the bytes past `HEAD`.
    #[inline(always)]
    fn is(
        &self,
        word: &[u8],
        head: [u64; 2],
        tails: &str,
        tail_eq: fn(&[u8], &[u8]) -> bool,
    ) -> bool {
        self.len as usize == word.len()
            && self.head == head
            && (word.len() <= HEAD || tail_eq(&word[HEAD..], self.tail_bytes(tails)))
    }

    fn tail_bytes<'t>(&self, tails: &'t str) -> &'t [u8] {
        let start = self.tail as usize;
        let len = (self.len as usize).saturating_sub(HEAD);
        &tails.as_bytes()[start..start + len]
    }

    /// The hash of the word, from the slot alone (to grow the table).
    fn hash(&self, tails: &str) -> u64 {
        let mut word = Vec::with_capacity(self.len as usize);
        for c in self.head {
            word.extend_from_slice(&c.to_le_bytes());
        }
        word.truncate((self.len as usize).min(HEAD));
        word.extend_from_slice(self.tail_bytes(tails));
        key::<false>(&word).unwrap_or_default().0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_text_word_finds_its_folded_form_in_any_case() {
        let mut t = WordTable::default();
        let long = "abcdefghijklmnopqrstuvwxyz-long";
        for (n, w) in ["iran", "al", "qaeda", "sao", long, "zuerich"]
            .iter()
            .enumerate()
        {
            *t.get_or_insert_with(w, || 0) = n;
        }
        let mut buf = String::new();
        assert_eq!(t.get("Iran", &mut buf), Some(&0));
        assert_eq!(t.get("IRAN", &mut buf), Some(&0));
        assert_eq!(t.get("Al", &mut buf), Some(&1));
        assert_eq!(t.get("São", &mut buf), Some(&3));
        assert_eq!(t.get("ABCDEFGHIJKLMNOPQRSTUVWXYZ-Long", &mut buf), Some(&4));
        assert_eq!(t.get("ABCDEFGHIJKLMNOPQRSTUVWXYZ-Lone", &mut buf), None);
        assert_eq!(t.get("Iranian", &mut buf), None);
        assert_eq!(t.get("Ira", &mut buf), None);
        assert_eq!(t.get("", &mut buf), None);
        // an existing word keeps its value
        assert_eq!(*t.get_or_insert_with("qaeda", || 99), 2);
        assert_eq!(t.len(), 6);
    }

    #[test]
    fn lowercasing_chunks_touches_only_capitals() {
        let all: Vec<u8> = (0u8..0x80).collect();
        for c in all.chunks(8) {
            let lowered: Vec<u8> = c.iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(lower(load(c)), load(&lowered), "{c:?}");
        }
    }

    #[test]
    fn short_pieces_load_as_zero_padded_numbers() {
        let bytes = b"abcdefgh";
        for n in 0..=8 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(load(&bytes[..n]), u64::from_le_bytes(padded), "{n} bytes");
        }
    }

    proptest! {
        /// Every word inserted is found again by any ASCII case of it, the table grows
        /// without losing a word, and words not inserted are not found.
        #[test]
        fn words_are_found_by_their_case_variants(
            words in proptest::collection::btree_set("[a-z0-9']{1,40}", 1..200),
            flips in proptest::collection::vec(any::<bool>(), 40),
        ) {
            let mut t = WordTable::default();
            for (n, w) in words.iter().enumerate() {
                *t.get_or_insert_with(w, || n) = n;
            }
            t.shrink_to_fit();
            let mut buf = String::new();
            for (n, w) in words.iter().enumerate() {
                let cased: String = w
                    .chars()
                    .zip(flips.iter().cycle())
                    .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c })
                    .collect();
                prop_assert_eq!(t.get(&cased, &mut buf), Some(&n));
                let other = format!("{w}x");
                if !words.contains(&other) {
                    prop_assert_eq!(t.get(&other, &mut buf), None);
                }
            }
        }
    }
}
