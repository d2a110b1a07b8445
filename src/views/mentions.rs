//! Where the article names each entity: every occurrence of an entity's name or aliases, as
//! whole words, longest first where they overlap ("Senate Armed Services Committee" rather than
//! "Senate" inside it). The reader view marks these; the query engine uses them for "involving".

use std::ops::Range;
use story_core::story::{ArticleIndex, Story};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub range: Range<usize>,
    /// Index into `story.entities()`.
    pub entity: usize,
}

/// All mentions in the article, sorted by position, never overlapping.
pub fn mentions(story: &Story) -> Vec<Mention> {
    let text = story.article();
    let index = ArticleIndex::new(text);
    let mut candidates: Vec<Mention> = Vec::new();
    for (entity, e) in story.entities().iter().enumerate() {
        let mut names: Vec<&str> = e.aliases.iter().map(String::as_str).collect();
        names.push(&e.name);
        story_core::order::sort(&mut names);
        names.dedup();
        for name in names.into_iter().filter(|n| !n.trim().is_empty()) {
            for start in index.occurrences(name) {
                let range = start..start + name.len();
                if is_whole_word(text, &range) {
                    candidates.push(Mention { range, entity });
                }
            }
        }
    }
    // Longest first, then earliest; keep each candidate that overlaps nothing kept.
    story_core::order::sort_by_key(&mut candidates, |m| {
        (std::cmp::Reverse(m.range.len()), m.range.start)
    });
    // Which bytes of the article a kept mention covers: a plain bitmap, linear in the article,
    // where a B-tree of kept ranges would add its own code to the wasm.
    let mut covered = vec![false; story.article().len()];
    let mut kept = Vec::new();
    for m in candidates {
        let Some(bytes) = covered.get_mut(m.range.clone()) else {
            continue;
        };
        if bytes.iter().any(|&c| c) {
            continue;
        }
        bytes.iter_mut().for_each(|c| *c = true);
        kept.push(m);
    }
    story_core::order::sort_by_key(&mut kept, |m| m.range.start);
    kept
}

/// The mentions that fall inside `range`, from a list sorted by position.
pub fn within<'a>(mentions: &'a [Mention], range: &Range<usize>) -> &'a [Mention] {
    let first = mentions.partition_point(|m| m.range.start < range.start);
    let last = mentions.partition_point(|m| m.range.start < range.end);
    let inside = &mentions[first..last.max(first)];
    let end = inside
        .iter()
        .rposition(|m| m.range.end <= range.end)
        .map_or(0, |i| i + 1);
    &inside[..end]
}

fn is_whole_word(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let first = text[range.clone()].chars().next();
    let last = text[range.clone()].chars().next_back();
    let joins = |outer: Option<char>, inner: Option<char>| matches!((outer, inner), (Some(o), Some(i)) if o.is_alphanumeric() && i.is_alphanumeric());
    !joins(before, first) && !joins(after, last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    #[test]
    fn the_longest_name_wins_and_words_stay_whole() {
        let story = bundled::load().unwrap();
        let all = mentions(&story);
        let named = |text: &str| -> Vec<&str> {
            all.iter()
                .filter(|m| &story.article()[m.range.clone()] == text)
                .map(|m| story.entities()[m.entity].id.as_str())
                .collect()
        };
        assert_eq!(
            named("Armed Services Committee"),
            ["armed-services-committee"]
        );
        assert_eq!(
            named("an anonymous senior Senate Armed Services Committee staffer"),
            ["committee-staffer"]
        );
        assert_eq!(
            named("others on the Armed Forces Committee"),
            ["committee-members"]
        );
        assert_eq!(
            named("Senate"),
            ["senate"],
            "only the confirmation hearing's Senate stands alone"
        );
        assert_eq!(named("US media"), ["us-media"]);
        assert!(!is_whole_word("USA today", &(0..2)) && is_whole_word("the US, then", &(4..6)));
        assert!(is_whole_word("Kislyak’s door", &(0..7)));
        assert!(all.windows(2).all(|w| w[0].range.end <= w[1].range.start));
    }

    #[test]
    fn within_returns_the_mentions_inside_a_range() {
        let m = |s, e| Mention {
            range: s..e,
            entity: 0,
        };
        let all = [m(0, 3), m(5, 9), m(10, 14), m(20, 25)];
        assert_eq!(within(&all, &(4..15)), &all[1..3]);
        assert_eq!(within(&all, &(4..12)), &all[1..2]);
        assert_eq!(within(&all, &(30..40)), &[] as &[Mention]);
    }
}
