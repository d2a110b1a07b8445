//! One small stable sort for the whole crate. Every `slice::sort*` call site compiles its own
//! copy of std's sorting algorithms (3–5 KB of wasm code each: 70 KB in all, 12 KB gzip); the merge sort here
//! works on indices through a `dyn` comparator, so it is compiled once.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their order.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order = stable_order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    // Position `i` takes the element now at `order[i]`: follow each cycle of that permutation,
    // swapping in place, and mark each position done. No second copy of `v`.
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

/// Sorts `v` by a key, keeping equal elements in their order.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The indices `0..n` in stable sorted order: a bottom-up merge sort.
fn stable_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                let take_left = j >= end || (i < mid && cmp(from[j], from[i]) != Ordering::Less);
                if take_left {
                    *slot = from[i];
                    i += 1;
                } else {
                    *slot = from[j];
                    j += 1;
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(not(target_arch = "wasm32"))]
    use proptest::prelude::*;

    #[cfg(not(target_arch = "wasm32"))]
    proptest! {
        #[test]
        fn sorts_like_std_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..300)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v;
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn sorts_owned_values_and_descending_keys() {
        let mut names = vec!["b".to_owned(), "c".to_owned(), "a".to_owned()];
        sort(&mut names);
        assert_eq!(names, ["a", "b", "c"]);
        let mut v = vec![1, 5, 3];
        sort_by_key(&mut v, |&x| std::cmp::Reverse(x));
        assert_eq!(v, [5, 3, 1]);
    }
}
