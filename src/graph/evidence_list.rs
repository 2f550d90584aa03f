//! The evidence of one edge: a list in arrival order, with a hash index on the identity of
//! each piece ([`Evidence::same_as`]) so that refusing a duplicate costs O(1) instead of a
//! scan of the list. An edge that a thousand articles repeat would otherwise cost
//! O(evidence²) to build. The index lives in memory only: files hold the plain list.

use std::collections::hash_map::Entry;
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

use crate::model::Evidence;

/// Evidence in the order it arrived, indexed by identity.
#[derive(Clone, Debug, Default)]
pub(crate) struct EvidenceList {
    items: Vec<Evidence>,
    /// Identity hash -> position of the first item with that hash. Distinct identities can
    /// share a hash, so a hit is confirmed with `same_as`, and an unconfirmed hit falls back
    /// to a scan (64-bit collisions are rare enough that the scan never matters).
    first: FxHashMap<u64, usize>,
}

/// A hash of what [`Evidence::same_as`] compares: the document, then the span if there is
/// one, else the text.
fn identity(ev: &Evidence) -> u64 {
    let mut h = FxHasher::default();
    ev.doc.hash(&mut h);
    match ev.span {
        Some(span) => span.hash(&mut h),
        None => {
            h.write_u8(0xff);
            ev.text.hash(&mut h);
        }
    }
    h.finish()
}

impl EvidenceList {
    pub(crate) fn as_slice(&self) -> &[Evidence] {
        &self.items
    }

    /// Appends the evidence unless the same evidence is already there; returns whether it
    /// was appended. O(1).
    pub(crate) fn insert(&mut self, evidence: Evidence) -> bool {
        match self.first.entry(identity(&evidence)) {
            Entry::Occupied(hit) => {
                let same = |x: &Evidence| x.same_as(&evidence);
                if same(&self.items[*hit.get()]) || self.items.iter().any(same) {
                    return false;
                }
            }
            Entry::Vacant(slot) => {
                slot.insert(self.items.len());
            }
        }
        self.items.push(evidence);
        true
    }

    /// Drops every piece from `doc`; returns whether any was there. O(evidence).
    pub(crate) fn remove_doc(&mut self, doc: &str) -> bool {
        let before = self.items.len();
        self.items.retain(|ev| ev.doc != doc);
        if self.items.len() == before {
            return false;
        }
        self.reindex();
        true
    }

    /// Whether the index is what a rebuild would give (for tests of the graph's indexes).
    #[cfg(test)]
    pub(crate) fn index_is_fresh(&self) -> bool {
        self.first == EvidenceList::from(self.items.clone()).first
    }

    fn reindex(&mut self) {
        self.first.clear();
        for (i, ev) in self.items.iter().enumerate() {
            self.first.entry(identity(ev)).or_insert(i);
        }
    }
}

/// Read access is the slice's.
impl std::ops::Deref for EvidenceList {
    type Target = [Evidence];

    fn deref(&self) -> &[Evidence] {
        &self.items
    }
}

/// The list as read from a file, kept as it is (duplicates included).
impl From<Vec<Evidence>> for EvidenceList {
    fn from(items: Vec<Evidence>) -> EvidenceList {
        let mut list = EvidenceList {
            items,
            first: FxHashMap::default(),
        };
        list.reindex();
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn ev(doc: &str, text: &str, span: Option<(usize, usize)>) -> Evidence {
        Evidence {
            doc: doc.into(),
            date: None,
            text: text.into(),
            span: span.map(|(start, end)| Span { start, end }),
            trigger: None,
            producer: "manual".into(),
            url: None,
            confidence: 1.0,
        }
    }

    #[test]
    fn duplicates_follow_same_as() {
        let mut l = EvidenceList::default();
        assert!(l.insert(ev("a", "x", None)));
        assert!(!l.insert(ev("a", "x", None)));
        assert!(l.insert(ev("a", "x", Some((0, 1)))));
        assert!(!l.insert(ev("a", "other text", Some((0, 1)))));
        assert!(l.insert(ev("b", "x", Some((0, 1)))));
        assert!(l.insert(ev("a", "y", None)));
        assert_eq!(l.len(), 4);
    }

    #[test]
    fn remove_doc_keeps_order_and_the_index() {
        let mut l = EvidenceList::from(vec![
            ev("a", "1", None),
            ev("b", "2", None),
            ev("a", "3", None),
            ev("c", "4", None),
        ]);
        assert!(!l.remove_doc("z"));
        assert!(l.remove_doc("a"));
        let texts: Vec<_> = l.as_slice().iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["2", "4"]);
        assert!(!l.insert(ev("c", "4", None)));
        assert!(l.insert(ev("a", "1", None)));
        assert!(!l.insert(ev("a", "1", None)));
    }

    #[test]
    fn a_hash_collision_falls_back_to_a_scan() {
        let mut l = EvidenceList::default();
        assert!(l.insert(ev("a", "1", None)));
        assert!(l.insert(ev("b", "2", None)));
        // Point the hash of "b" at "a", as a collision would leave it.
        let h = identity(&ev("b", "2", None));
        l.first.insert(h, 0);
        assert!(!l.insert(ev("b", "2", None)));
        assert!(l.insert(ev("c", "3", None)));
    }
}
