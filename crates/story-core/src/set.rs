//! A small ordered set and map: sorted vectors without duplicate keys. The app's sets hold a handful of
//! filter values or at most a story's entities, where a vector is as fast as a B-tree; and each
//! `BTreeSet<T>` compiles its own B-tree and std sort into the wasm (34 KB of code for the four
//! the app had), while this one sorts with [`crate::order`] and searches with one binary search.

use crate::order;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SortedSet<T>(Vec<T>);

impl<T> Default for SortedSet<T> {
    fn default() -> Self {
        SortedSet(Vec::new())
    }
}

impl<T: Ord> SortedSet<T> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn contains(&self, value: &T) -> bool {
        self.0.binary_search(value).is_ok()
    }

    /// Adds `value`; false if it was already there.
    pub fn insert(&mut self, value: T) -> bool {
        match self.0.binary_search(&value) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, value);
                true
            }
        }
    }

    /// Removes `value`; false if it was not there.
    pub fn remove(&mut self, value: &T) -> bool {
        match self.0.binary_search(value) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }
}

impl<T: Ord> Extend<T> for SortedSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        items.into_iter().for_each(|value| {
            self.insert(value);
        });
    }
}

impl<T: Ord> SortedSet<T> {
    /// Whether every value of `self` is in `other`.
    pub fn is_subset(&self, other: &SortedSet<T>) -> bool {
        self.iter().all(|value| other.contains(value))
    }
}

impl<T> SortedSet<T> {
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut values: Vec<T> = items.into_iter().collect();
        order::sort(&mut values);
        values.dedup();
        SortedSet(values)
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for SortedSet<T> {
    fn from(values: [T; N]) -> Self {
        values.into_iter().collect()
    }
}

impl<'a, T> IntoIterator for &'a SortedSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T> IntoIterator for SortedSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// A map kept as a vector of pairs sorted by key, for the same reason: the app's maps are built
/// once and read many times, and each `HashMap<K, V>` compiles its own hash table and hasher.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortedMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap(Vec::new())
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// From `pairs` in any order; where a key repeats, the first pair wins.
    pub fn from_pairs(mut pairs: Vec<(K, V)>) -> Self {
        order::sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        pairs.dedup_by(|later, first| later.0 == first.0);
        SortedMap(pairs)
    }

    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
        Q: Ord + ?Sized,
    {
        let at = self.0.binary_search_by(|(k, _)| k.borrow().cmp(key)).ok()?;
        Some(&self.0[at].1)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    proptest! {
        #[test]
        fn behaves_like_a_btree_set(ops in proptest::collection::vec((0u8..3, 0u8..20), 0..200)) {
            let (mut ours, mut std) = (SortedSet::new(), BTreeSet::new());
            for (op, value) in ops {
                match op {
                    0 => prop_assert_eq!(ours.insert(value), std.insert(value)),
                    1 => prop_assert_eq!(ours.remove(&value), std.remove(&value)),
                    _ => prop_assert_eq!(ours.contains(&value), std.contains(&value)),
                }
                prop_assert!(ours.iter().eq(std.iter()));
            }
        }

        #[test]
        fn collects_sorted_without_duplicates(v in proptest::collection::vec(0u16..50, 0..100)) {
            let ours: SortedSet<u16> = v.iter().copied().collect();
            let std: BTreeSet<u16> = v.into_iter().collect();
            prop_assert!(ours.iter().eq(std.iter()));
            prop_assert_eq!(ours.len(), std.len());
        }
    }

    #[test]
    fn a_map_finds_each_key_and_keeps_the_first_of_a_repeated_one() {
        let map = SortedMap::from_pairs(vec![
            ("b".to_owned(), 2),
            ("a".to_owned(), 1),
            ("b".to_owned(), 3),
        ]);
        assert_eq!(
            (map.get("a"), map.get("b"), map.get("c")),
            (Some(&1), Some(&2), None)
        );
        assert_eq!(map.len(), 2);
    }
}
