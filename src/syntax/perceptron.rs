//! The averaged perceptron shared by the tagger and the parser: features in (64-bit hashes
//! of feature templates and their values), a score per class out.
//!
//! Training keeps one dense row of weights per feature that has ever been updated, with the
//! lazy sums that averaging needs ([`Trainer`]). The finished model ([`Weights`]) keeps only
//! the averaged weights that are not near zero, as sparse (class, weight) entries in an
//! open-addressing table keyed by the feature hash, which is what gets saved and loaded.

use rustc_hash::FxHashMap as HashMap;

/// A feature hash: a template number mixed with the values it reads. Never zero (zero marks
/// an empty slot of [`Weights`]).
pub type Feature = u64;

/// Mixes a value into a running feature hash (FxHash's step); [`finish`] avalanches it.
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// The final avalanche of a feature hash (splitmix64's finalizer); never returns zero.
#[inline]
pub fn finish(mut h: u64) -> Feature {
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    h | 1
}

/// The feature of template number `template` reading `values`.
#[inline]
pub fn feature(template: u64, values: &[u64]) -> Feature {
    let mut h = template.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for v in values {
        h = mix(h, *v);
    }
    finish(h)
}

/// A string's hash for use inside features (FNV-1a over the bytes, then mixed).
#[inline]
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Weights being learned, with the sums for averaging.
pub struct Trainer {
    classes: usize,
    rows: HashMap<Feature, u32>,
    weights: Vec<f32>,
    /// Sum over time of each weight up to its last change.
    totals: Vec<f64>,
    /// When each weight last changed.
    stamps: Vec<u32>,
    /// How many updates touched each row.
    updates: Vec<u32>,
    /// Examples seen.
    time: u32,
}

impl Trainer {
    pub fn new(classes: usize) -> Trainer {
        Trainer {
            classes,
            rows: HashMap::default(),
            weights: Vec::new(),
            totals: Vec::new(),
            stamps: Vec::new(),
            updates: Vec::new(),
            time: 0,
        }
    }

    /// Adds each feature's current weights to `scores` (one slot per class).
    pub fn score(&self, features: &[Feature], scores: &mut [f32]) {
        scores.fill(0.0);
        for f in features {
            if let Some(&row) = self.rows.get(f) {
                let row = row as usize * self.classes;
                for (s, w) in scores
                    .iter_mut()
                    .zip(&self.weights[row..row + self.classes])
                {
                    *s += w;
                }
            }
        }
    }

    /// Counts one training example (call once per decision, updated or not).
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// Moves weight from the `wrong` class to the `right` class on every feature.
    pub fn update(&mut self, features: &[Feature], right: usize, wrong: usize) {
        for &f in features {
            let next = self.rows.len() as u32;
            let row = *self.rows.entry(f).or_insert(next) as usize;
            if row == next as usize {
                self.weights.resize(self.weights.len() + self.classes, 0.0);
                self.totals.resize(self.totals.len() + self.classes, 0.0);
                self.stamps.resize(self.stamps.len() + self.classes, 0);
                self.updates.push(0);
            }
            self.updates[row] += 1;
            let base = row * self.classes;
            for (class, delta) in [(right, 1.0f32), (wrong, -1.0f32)] {
                let i = base + class;
                self.totals[i] +=
                    f64::from(self.time - self.stamps[i]) * f64::from(self.weights[i]);
                self.stamps[i] = self.time;
                self.weights[i] += delta;
            }
        }
    }

    /// The averaged weights, without features updated fewer than `min_updates` times and
    /// without entries whose magnitude is below `min_abs`.
    pub fn averaged(&self, min_abs: f32, min_updates: u32) -> Weights {
        Weights::build(self.classes, self.averaged_rows(min_abs, min_updates))
    }

    /// The sum of several trainers' averaged weights (an ensemble that costs no more to
    /// run than one model), each pruned as [`Trainer::averaged`] prunes.
    pub fn averaged_sum(trainers: &[&Trainer], min_abs: f32, min_updates: u32) -> Weights {
        let classes = trainers.first().map_or(1, |t| t.classes);
        if let [one] = trainers {
            return one.averaged(min_abs, min_updates);
        }
        let mut sum: HashMap<Feature, Vec<f32>> = HashMap::default();
        for t in trainers {
            for (f, entries) in t.averaged_rows(min_abs, min_updates) {
                let row = sum.entry(f).or_insert_with(|| vec![0.0; classes]);
                for (c, w) in entries {
                    row[usize::from(c)] += w;
                }
            }
        }
        let rows = sum
            .into_iter()
            .map(|(f, row)| {
                let entries = row
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| **w != 0.0)
                    .map(|(c, w)| (c as u8, *w))
                    .collect();
                (f, entries)
            })
            .collect();
        Weights::build(classes, rows)
    }

    /// The averaged weights as (feature, entries) rows, pruned as [`Trainer::averaged`]
    /// prunes.
    fn averaged_rows(&self, min_abs: f32, min_updates: u32) -> Vec<(Feature, Vec<(u8, f32)>)> {
        let time = f64::from(self.time.max(1));
        let mut rows: Vec<(Feature, Vec<(u8, f32)>)> = Vec::with_capacity(self.rows.len());
        for (&f, &row) in &self.rows {
            if self.updates[row as usize] < min_updates {
                continue;
            }
            let base = row as usize * self.classes;
            let mut entries = Vec::new();
            for c in 0..self.classes {
                let i = base + c;
                let total = self.totals[i]
                    + f64::from(self.time - self.stamps[i]) * f64::from(self.weights[i]);
                let avg = (total / time) as f32;
                if avg != 0.0 && avg.abs() >= min_abs {
                    entries.push((c as u8, avg));
                }
            }
            if !entries.is_empty() {
                rows.push((f, entries));
            }
        }
        rows
    }

    /// Features with a row.
    pub fn features(&self) -> usize {
        self.rows.len()
    }
}

/// Finished weights: a hash table from feature to a run of sparse (class, weight) entries,
/// weights quantized to 16 bits.
///
/// A slot packs the feature's fingerprint (its high 32 bits, never 0), its first entry
/// (24 bits) and its entry count (8 bits) into one `u64`; 0 is an empty slot. Slots come in
/// buckets of eight, one cache line: a feature lives in its home bucket (multiply-shift on
/// its low 32 bits) or, when that is full, in the next bucket with room. Buckets are kept
/// about three-quarters full, so nearly every lookup reads one line for the slot and one
/// or two for the entries. Features with many entries (those that fire most: tag pairs,
/// the stack's top) are scored from dense rows built at load, which the CPU adds several
/// at a time instead of one entry at a time.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    pub(crate) classes: usize,
    /// Three bytes an entry: the class, then the weight as a little-endian `i16` in units
    /// of `scale`.
    pub(crate) entries: Pages<u8>,
    pub(crate) scale: f32,
    /// The slots (`8 * buckets`) that lookups read: as saved, except that a feature with
    /// at least [`DENSE_FROM`] entries has an entry count of 0 and, where its first entry
    /// was, its row of `dense`.
    run: Pages<u64>,
    /// Dense rows of `stride` weights (every class, padded with zeros).
    dense: Pages<i16>,
    stride: usize,
    /// The saved slot of each dense row's feature, so that [`Weights::slots`] can give the
    /// table back as saved.
    dense_slots: Vec<u64>,
}

/// A feature with this many entries or more is scored from a dense row (on the EWT test
/// words: 12 was slower than 24, 48 the same).
const DENSE_FROM: usize = 24;

/// Memory for a weight table: anonymous pages that the kernel is asked to back with huge
/// pages. Lookups land at random places in tens of megabytes; with 4 KiB pages nearly every
/// one also misses the TLB. Falls back to the heap where such a mapping fails.
pub struct Pages<T: bytemuck::Pod> {
    map: Option<memmap2::MmapMut>,
    heap: Vec<T>,
    len: usize,
}

impl<T: bytemuck::Pod> Pages<T> {
    /// `len` values written by `fill` straight into the pages (which start zeroed).
    pub fn filled(len: usize, fill: impl FnOnce(&mut [T])) -> Pages<T> {
        let bytes = len * std::mem::size_of::<T>();
        let map = (bytes > 0)
            .then(|| memmap2::MmapMut::map_anon(bytes).ok())
            .flatten()
            .inspect(|m| {
                // advice only: the table works the same without huge pages
                let _ = m.advise(memmap2::Advice::HugePage);
            });
        match map {
            Some(mut map) => {
                fill(bytemuck::cast_slice_mut(&mut map[..]));
                Pages {
                    map: Some(map),
                    heap: Vec::new(),
                    len,
                }
            }
            None => {
                let mut heap = vec![T::zeroed(); len];
                fill(&mut heap);
                Pages {
                    map: None,
                    heap,
                    len,
                }
            }
        }
    }

    /// A copy of `values` in such pages.
    pub fn new(values: &[T]) -> Pages<T> {
        Pages::filled(values.len(), |pages| pages.copy_from_slice(values))
    }

    #[inline]
    pub fn as_slice(&self) -> &[T] {
        match &self.map {
            Some(m) => &bytemuck::cast_slice(&m[..])[..self.len],
            None => &self.heap,
        }
    }
}

impl<T: bytemuck::Pod> std::ops::Deref for Pages<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T: bytemuck::Pod> Clone for Pages<T> {
    fn clone(&self) -> Pages<T> {
        Pages::new(self.as_slice())
    }
}

impl<T: bytemuck::Pod + PartialEq> PartialEq for Pages<T> {
    fn eq(&self, other: &Pages<T>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: bytemuck::Pod> std::fmt::Debug for Pages<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pages({} values)", self.len)
    }
}

/// Slots per bucket.
pub const BUCKET: usize = 8;
/// Bytes an entry takes.
pub const ENTRY: usize = 3;
/// Most entries a feature can have (the count is 8 bits).
const MAX_ENTRIES: usize = 255;
/// Most entries a table can hold (the start is 24 bits).
pub const MAX_TABLE_ENTRIES: usize = 1 << 24;

#[inline]
fn fingerprint(f: Feature) -> u64 {
    (f >> 32) | 1
}

#[inline]
fn home(f: Feature, buckets: usize) -> usize {
    (((f & 0xffff_ffff) * buckets as u64) >> 32) as usize
}

impl Weights {
    /// Builds the table from (feature, entries) pairs. Entries past the table's capacity
    /// (16 M) are dropped.
    pub fn build(classes: usize, mut rows: Vec<(Feature, Vec<(u8, f32)>)>) -> Weights {
        rows.sort_unstable_by_key(|r| r.0);
        let max_abs = rows
            .iter()
            .flat_map(|r| r.1.iter().map(|e| e.1.abs()))
            .fold(0.0f32, f32::max);
        let scale = if max_abs > 0.0 {
            max_abs / 32767.0
        } else {
            1.0
        };
        let buckets = (rows.len() * 4 / 3 / BUCKET + 1).max(2);
        let mut slots = vec![0u64; buckets * BUCKET];
        let mut entries: Vec<u8> = Vec::new();
        for (f, row) in &rows {
            let kept: Vec<[u8; ENTRY]> = row
                .iter()
                .take(MAX_ENTRIES)
                .filter_map(|&(c, w)| {
                    let q = (w / scale).round() as i32;
                    let [lo, hi] = (q as i16).to_le_bytes();
                    (q != 0).then_some([c, lo, hi])
                })
                .collect();
            let count = entries.len() / ENTRY;
            if kept.is_empty() || count + kept.len() >= MAX_TABLE_ENTRIES {
                continue;
            }
            let mut s = home(*f, buckets) * BUCKET;
            while slots[s] != 0 {
                s = (s + 1) % slots.len();
            }
            slots[s] = (fingerprint(*f) << 32) | ((count as u64) << 8) | kept.len() as u64;
            entries.extend(kept.iter().flatten());
        }
        Weights::new(classes, slots.len(), |i| slots[i], &entries, scale)
    }

    /// The table from its saved parts, `slots` and `entries` as [`Weights::build`] makes
    /// them (`slot(i)` gives slot `i` of `n_slots`; the caller has checked that every slot's
    /// entries are in range), with the dense rows for lookups. Each table is written once,
    /// straight into its pages.
    pub(crate) fn new(
        classes: usize,
        n_slots: usize,
        slot: impl Fn(usize) -> u64,
        entries: &[u8],
        scale: f32,
    ) -> Weights {
        let stride = classes.next_multiple_of(16);
        let is_dense = |s: u64| s != 0 && (s & 0xff) as usize >= DENSE_FROM;
        let rows = (0..n_slots)
            .filter(|&i| is_dense(slot(i)))
            .count()
            .min(MAX_TABLE_ENTRIES);
        let mut dense_slots = Vec::with_capacity(rows);
        let run = Pages::filled(n_slots, |run: &mut [u64]| {
            for (i, r) in run.iter_mut().enumerate() {
                let s = slot(i);
                *r = s;
                if is_dense(s) && dense_slots.len() < rows {
                    *r = (s & !0xffff_ffff) | ((dense_slots.len() as u64) << 8);
                    dense_slots.push(s);
                }
            }
        });
        let dense = Pages::filled(rows * stride, |dense: &mut [i16]| {
            for (row, &s) in dense.chunks_exact_mut(stride.max(1)).zip(&dense_slots) {
                let start = ((s >> 8) & 0xff_ffff) as usize * ENTRY;
                let count = (s & 0xff) as usize;
                for e in entries[start..start + count * ENTRY].chunks_exact(ENTRY) {
                    row[usize::from(e[0])] = i16::from_le_bytes([e[1], e[2]]);
                }
            }
        });
        Weights {
            classes,
            entries: Pages::new(entries),
            scale,
            run,
            dense,
            stride,
            dense_slots,
        }
    }

    /// The slots as saved (dense rows' features with their entries' start and count).
    pub(crate) fn slots(&self) -> impl Iterator<Item = u64> + '_ {
        self.run.iter().map(|&r| {
            if r != 0 && r & 0xff == 0 {
                self.dense_slots[((r >> 8) & 0xff_ffff) as usize]
            } else {
                r
            }
        })
    }

    /// Number of slots (empty ones included).
    pub(crate) fn slot_count(&self) -> usize {
        self.run.len()
    }

    /// Number of classes scored.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features kept.
    pub fn features(&self) -> usize {
        self.run.iter().filter(|k| **k != 0).count()
    }

    /// Adds each known feature's weights to `scores` (which must have `classes` slots).
    /// Touches every feature's home bucket first, so that the memory loads of different
    /// features overlap instead of waiting on each other, then looks them up, then touches
    /// every cache line of their entries or dense rows, then adds them.
    #[inline]
    pub fn score(&self, features: &[Feature], scores: &mut [f32]) {
        let slots = self.run.as_slice();
        let entries = self.entries.as_slice();
        let dense = self.dense.as_slice();
        let stride = self.stride;
        let mut total = [0i32; 256];
        let mut found = [0u64; 64];
        let buckets = slots.len() / BUCKET;
        for chunk in features.chunks(64) {
            let mut touch = 0u64;
            for &f in chunk {
                touch ^= slots[home(f, buckets) * BUCKET];
            }
            std::hint::black_box(touch);
            let mut n = 0;
            for &f in chunk {
                let slot = find(slots, f);
                found[n] = slot;
                n += usize::from(slot != 0);
            }
            // the same for every line of the entries and rows
            let mut touch = 0i32;
            for &slot in &found[..n] {
                let start = ((slot >> 8) & 0xff_ffff) as usize;
                let count = (slot & 0xff) as usize;
                if count == 0 {
                    let mut at = start * stride;
                    while at < (start + 1) * stride {
                        touch ^= i32::from(dense.get(at).copied().unwrap_or(0));
                        at += 32;
                    }
                } else {
                    let (start, end) = (start * ENTRY, (start + count) * ENTRY);
                    let mut at = start;
                    while at < end {
                        touch ^= i32::from(entries.get(at).copied().unwrap_or(0));
                        at = (at | 63) + 1;
                    }
                }
            }
            std::hint::black_box(touch);
            for &slot in &found[..n] {
                let start = ((slot >> 8) & 0xff_ffff) as usize;
                let count = (slot & 0xff) as usize;
                if count == 0 {
                    let row = dense
                        .get(start * stride..(start + 1) * stride)
                        .unwrap_or(&[]);
                    for (t, w) in total[..stride].iter_mut().zip(row) {
                        *t += i32::from(*w);
                    }
                    continue;
                }
                let (start, end) = (start * ENTRY, (start + count) * ENTRY);
                for e in entries.get(start..end).unwrap_or(&[]).chunks_exact(ENTRY) {
                    total[usize::from(e[0])] += i32::from(i16::from_le_bytes([e[1], e[2]]));
                }
            }
        }
        for (s, t) in scores.iter_mut().zip(&total) {
            *s = *t as f32 * self.scale;
        }
    }
}

/// The slot of feature `f` in `slots`, or 0.
#[inline]
fn find(slots: &[u64], f: Feature) -> u64 {
    let want = fingerprint(f);
    let buckets = slots.len() / BUCKET;
    let mut b = home(f, buckets);
    for _ in 0..buckets {
        let bucket = &slots[b * BUCKET..(b + 1) * BUCKET];
        let mut full = true;
        for &slot in bucket {
            if slot >> 32 == want {
                return slot;
            }
            full &= slot != 0;
        }
        if !full {
            return 0;
        }
        b = if b + 1 == buckets { 0 } else { b + 1 };
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_keeps_it_after_averaging() {
        // class = which of two features is present
        let (a, b, bias) = (finish(mix(1, 7)), finish(mix(2, 9)), finish(3));
        let mut t = Trainer::new(2);
        let mut scores = [0.0; 2];
        for _ in 0..10 {
            for (f, gold) in [(a, 0usize), (b, 1usize)] {
                let f = [bias, f];
                t.score(&f, &mut scores);
                let guess = if scores[1] > scores[0] { 1 } else { 0 };
                if guess != gold {
                    t.update(&f, gold, guess);
                }
                t.tick();
            }
        }
        let w = t.averaged(0.0, 1);
        w.score(&[bias, a], &mut scores);
        assert!(scores[0] > scores[1]);
        w.score(&[bias, b], &mut scores);
        assert!(scores[1] > scores[0]);
        w.score(&[finish(99)], &mut scores);
        assert_eq!(scores, [0.0, 0.0]);
    }

    /// Rows scored sparse and rows scored dense (many entries) add up the same.
    #[test]
    fn dense_and_sparse_rows_score_alike() {
        let classes = 40;
        let rows: Vec<(Feature, Vec<(u8, f32)>)> = (0..300u64)
            .map(|i| {
                // rows of 1 to 40 entries, some over the dense threshold
                let n = (i % 40 + 1) as usize;
                let entries = (0..n)
                    .map(|k| {
                        (
                            ((k * 7 + i as usize) % classes) as u8,
                            (k as f32 - 9.5) * 0.25,
                        )
                    })
                    .collect();
                (finish(mix(5, i)), entries)
            })
            .collect();
        let w = Weights::build(classes, rows.clone());
        assert!(w.dense.len() >= w.stride * 10, "some rows are dense");
        for pick in [
            vec![0u64, 1, 2],
            (0..300).step_by(7).collect(),
            (250..300).collect(),
        ] {
            let features: Vec<Feature> = pick.iter().map(|&i| rows[i as usize].0).collect();
            let mut want = vec![0.0f32; classes];
            for &i in &pick {
                for &(c, v) in &rows[i as usize].1 {
                    want[usize::from(c)] += v;
                }
            }
            let mut got = vec![0.0f32; classes];
            w.score(&features, &mut got);
            for (g, e) in got.iter().zip(&want) {
                assert!((g - e).abs() < 0.01, "{got:?} vs {want:?}");
            }
        }
    }
}
