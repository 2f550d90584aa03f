//! Brown word clusters: a word in, its cluster's path in a binary tree of clusters out,
//! which the tagger and the parser read as features.
//!
//! The clusters (`data/syntax/clusters.tsv.gz`, built by `scripts/brown_clusters.py` from the
//! MIT-licensed `spacy-lookups-data` package, embedded at build time) were learned from a
//! large corpus of raw web text: words used in similar contexts share a long path prefix
//! ("seized" and "captured" share 14 bits, "Iran" and "Syria" all 11). The treebank is
//! small; the clusters say what a word it never showed behaves like. Features read path
//! prefixes of several lengths, coarse to fine (Koo, Carreras and Collins 2008).

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

static EMBEDDED: &[u8] = include_bytes!("../../data/syntax/clusters.tsv.gz");

/// A cluster path: its bits (bit k is the path's k-th step) and its length.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Path {
    pub bits: u32,
    pub len: u8,
}

impl Path {
    /// The path's first `k` steps as one value (distinct for distinct prefixes, and for
    /// "no cluster"), for use inside features.
    pub fn prefix(self, k: u8) -> u64 {
        let len = self.len.min(k);
        let mask = if len >= 32 {
            u32::MAX
        } else {
            (1u32 << len) - 1
        };
        u64::from(self.bits & mask) | u64::from(len) << 32 | u64::from(k) << 40 | 0xc1 << 48
    }
}

/// The table: word as the file writes it (one line per cluster: path, tab, its words
/// separated by spaces) -> path.
fn table() -> &'static HashMap<&'static str, Path> {
    static TABLE: OnceLock<HashMap<&'static str, Path>> = OnceLock::new();
    TABLE.get_or_init(|| {
        static TEXT: OnceLock<String> = OnceLock::new();
        let mut table = HashMap::default();
        for line in TEXT
            .get_or_init(|| super::gunzip(EMBEDDED, "clusters.tsv.gz"))
            .lines()
        {
            let Some((path, words)) = line.split_once('\t') else {
                continue;
            };
            let mut bits = 0u32;
            for (k, c) in path.bytes().take(32).enumerate() {
                bits |= u32::from(c == b'1') << k;
            }
            let path = Path {
                bits,
                len: path.len().min(32) as u8,
            };
            for word in words.split(' ') {
                table.insert(word, path);
            }
        }
        table
    })
}

/// The cluster path of a word: as written, else lowercased, else capitalized ("IRAN" ->
/// "Iran"); the empty path when none of them has a cluster.
pub fn path(form: &str) -> Path {
    path_of(form, &form.to_lowercase())
}

/// [`path`] for a word whose lowercase form the caller already has.
pub fn path_of(form: &str, lower: &str) -> Path {
    let table = table();
    if let Some(p) = table.get(form) {
        return *p;
    }
    if let Some(p) = table.get(lower) {
        return *p;
    }
    let mut chars = lower.chars();
    if let Some(first) = chars.next() {
        let title: String = first.to_uppercase().chain(chars).collect();
        if let Some(p) = table.get(title.as_str()) {
            return *p;
        }
    }
    Path::default()
}

/// Warms the table (built on first use otherwise).
pub fn load() {
    table();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_used_alike_share_long_prefixes() {
        let (seized, captured) = (path("seized"), path("captured"));
        assert!(seized.len > 10);
        assert_eq!(seized.prefix(12), captured.prefix(12));
        assert_ne!(seized.prefix(20), captured.prefix(20));
        assert_eq!(path("Iran").prefix(20), path("Syria").prefix(20));
        assert_ne!(path("Iran").prefix(4), path("seized").prefix(4));
        assert_ne!(path("Hezbollah"), Path::default());
        assert_eq!(path("HEZBOLLAH"), path("Hezbollah"), "capitalized fallback");
        assert_eq!(path("qwzxvbn"), Path::default());
        assert_ne!(Path::default().prefix(4), path("the").prefix(4));
        assert_eq!(path(""), Path::default());
    }
}
