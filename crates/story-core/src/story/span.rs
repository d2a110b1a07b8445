//! Finding an item's words in the article, exactly once.

use super::model::{Located, Span};
use crate::text;
use std::ops::Range;

/// The article, indexed by the 8 bytes at every position, so that checking thousands of spans
/// (and finding every entity's name) costs a lookup each rather than a scan of the whole article
/// each. The index is every start, sorted by the bytes there as a big-endian number, that is in
/// text order (stably, so equal windows keep article order): the starts of any prefix of up to 8
/// bytes are one run, found by binary search. Eight bytes are rare enough that names sharing
/// their parts ("Anna A. Berg", "Anna B. Berg") do not make a search scan most of the article.
/// Four bytes per byte of article, where a hash map of vectors would bring its own code into the
/// wasm.
pub struct ArticleIndex<'a> {
    text: &'a str,
    starts: Vec<u32>,
}

const WINDOW: usize = 8;

/// The eight bytes at `at`, big-endian (so windows order like the text they hold), zero-padded
/// past the end of the text.
fn window_at(bytes: &[u8], at: usize) -> u64 {
    if let Some(&full) = bytes
        .get(at..)
        .and_then(|rest| rest.first_chunk::<WINDOW>())
    {
        return u64::from_be_bytes(full);
    }
    let mut w = [0u8; WINDOW];
    let end = (at + WINDOW).min(bytes.len());
    w[..end - at].copy_from_slice(&bytes[at..end]);
    u64::from_be_bytes(w)
}

/// Every start of `bytes`, sorted by its window: a radix sort, one stable counting pass per byte
/// of the window from the last, so it is linear in the article (a comparison sort took seconds on
/// a 6 MB article) and starts with equal windows stay in article order.
fn sorted_starts(bytes: &[u8]) -> Vec<u32> {
    let mut starts: Vec<u32> = (0..bytes.len() as u32).collect();
    let mut moved = vec![0u32; bytes.len()];
    for b in (0..WINDOW).rev() {
        let key = |s: u32| bytes.get(s as usize + b).map_or(0, |&x| usize::from(x));
        let mut next = [0usize; 257];
        for &s in &starts {
            next[key(s) + 1] += 1;
        }
        for k in 0..256 {
            next[k + 1] += next[k];
        }
        for &s in &starts {
            let k = key(s);
            moved[next[k]] = s;
            next[k] += 1;
        }
        std::mem::swap(&mut starts, &mut moved);
    }
    starts
}

impl<'a> ArticleIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            starts: sorted_starts(text.as_bytes()),
        }
    }

    /// The starts whose text begins with `prefix` (at most [`WINDOW`] bytes): one range of the
    /// sorted starts, found by binary search.
    fn starts(&self, prefix: &[u8]) -> &[u32] {
        let bytes = self.text.as_bytes();
        let k = prefix.len().min(WINDOW);
        let mut padded = [0u8; WINDOW];
        padded[..k].copy_from_slice(&prefix[..k]);
        let key = u64::from_be_bytes(padded);
        let mask = if k == 0 {
            0
        } else {
            u64::MAX << (8 * (WINDOW - k))
        };
        let at = |start: &u32| window_at(bytes, *start as usize) & mask;
        let from = self.starts.partition_point(|s| at(s) < key);
        let to = self.starts.partition_point(|s| at(s) <= key);
        &self.starts[from..to]
    }

    /// Every start of `needle` in the article, in article order, like [`occurrences`] on the
    /// whole text. Anchored on the needle's rarest eight bytes, so a long needle costs about as
    /// much as its rarest part occurs, whatever the article's size.
    pub fn occurrences(&self, needle: &str) -> Vec<usize> {
        let bytes = needle.as_bytes();
        if bytes.is_empty() {
            return occurrences(self.text, needle);
        }
        if bytes.len() <= WINDOW {
            // Checked in full: past the end of the text a window is padded with zero bytes.
            let text = self.text.as_bytes();
            let mut found: Vec<usize> = self
                .starts(bytes)
                .iter()
                .map(|&s| s as usize)
                .filter(|&s| text[s..].starts_with(bytes))
                .collect();
            crate::order::sort(&mut found);
            return found;
        }
        // Windows side by side, and the last one: a long span is not searched at every offset.
        let last = bytes.len() - WINDOW;
        let rarest = (0..last)
            .step_by(WINDOW)
            .chain(std::iter::once(last))
            .map(|offset| (offset, self.starts(&bytes[offset..offset + WINDOW])))
            .min_by_key(|(_, starts)| starts.len());
        let Some((offset, starts)) = rarest else {
            return Vec::new();
        };
        starts
            .iter()
            .filter_map(|&at| (at as usize).checked_sub(offset))
            .filter(|&start| self.text.as_bytes()[start..].starts_with(bytes))
            .collect()
    }

    fn find_once(&self, needle: &str) -> Result<Range<usize>, SpanError> {
        if needle.trim().is_empty() {
            return Err(SpanError::Empty);
        }
        match self.occurrences(needle).as_slice() {
            [] => Err(SpanError::NotFound(needle.to_owned())),
            [one] => Ok(*one..one + needle.len()),
            many => Err(SpanError::Ambiguous(needle.to_owned(), many.len())),
        }
    }
}

/// Why a span could not be tied to one place in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpanError {
    Empty,
    NotFound(String),
    Ambiguous(String, usize),
    NotWithin(String, String),
}

impl std::fmt::Display for SpanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SpanError::Empty => write!(f, "quotes no words of the article"),
            SpanError::NotFound(words) => write!(f, "the words \"{words}\" are not in the article"),
            SpanError::Ambiguous(words, n) => write!(
                f,
                "the words \"{words}\" occur {n} times in the article; quote more of them, or add `within` with longer words around the one meant"
            ),
            SpanError::NotWithin(words, within) => {
                write!(f, "the words \"{words}\" do not occur exactly once within \"{within}\"")
            }
        }
    }
}

/// All byte offsets at which `needle` starts in `haystack` (overlapping matches included).
pub fn occurrences(haystack: &str, needle: &str) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(pos) = haystack[from..].find(needle) {
        found.push(from + pos);
        let step = haystack[from + pos..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
        from += pos + step;
    }
    found
}

/// `needle` exactly once inside `range` of `haystack`.
pub fn find_once(
    haystack: &str,
    needle: &str,
    range: Range<usize>,
) -> Result<Range<usize>, SpanError> {
    if needle.trim().is_empty() {
        return Err(SpanError::Empty);
    }
    match occurrences(&haystack[range.clone()], needle).as_slice() {
        [] => Err(SpanError::NotFound(needle.to_owned())),
        [one] => Ok(range.start + one..range.start + one + needle.len()),
        many => Err(SpanError::Ambiguous(needle.to_owned(), many.len())),
    }
}

/// Resolves a span against the article and finds the sentence(s) around it.
pub fn locate(
    article: &ArticleIndex,
    sentences: &[Range<usize>],
    span: &Span,
) -> Result<Located, SpanError> {
    let range = match span {
        Span::Text(words) => article.find_once(words)?,
        Span::Within { text, within } => {
            let outer = article.find_once(within)?;
            find_once(article.text, text, outer).map_err(|e| match e {
                SpanError::Empty => SpanError::Empty,
                _ => SpanError::NotWithin(text.clone(), within.clone()),
            })?
        }
    };
    Ok(Located {
        sentence: text::enclosing(sentences, &range),
        span: range,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "He said Wednesday. She said Thursday. He spoke again Wednesday night.";

    fn at(span: Span) -> Result<Located, SpanError> {
        locate(
            &ArticleIndex::new(ARTICLE),
            &text::sentences(ARTICLE),
            &span,
        )
    }

    #[test]
    fn a_unique_span_resolves_to_its_offsets_and_sentence() {
        let found = at(Span::Text("She said".into())).unwrap();
        assert_eq!(&ARTICLE[found.span], "She said");
        assert_eq!(&ARTICLE[found.sentence], "She said Thursday.");
    }

    #[test]
    fn missing_ambiguous_and_empty_spans_are_errors() {
        assert_eq!(
            at(Span::Text("Friday".into())),
            Err(SpanError::NotFound("Friday".into()))
        );
        assert_eq!(
            at(Span::Text("Wednesday".into())),
            Err(SpanError::Ambiguous("Wednesday".into(), 2))
        );
        assert_eq!(at(Span::Text("  ".into())), Err(SpanError::Empty));
    }

    #[test]
    fn within_picks_one_occurrence_of_a_common_phrase() {
        let found = at(Span::Within {
            text: "Wednesday".into(),
            within: "spoke again Wednesday".into(),
        })
        .unwrap();
        assert_eq!(found.span.start, ARTICLE.rfind("Wednesday").unwrap());
        let wrong = at(Span::Within {
            text: "Friday".into(),
            within: "spoke again Wednesday".into(),
        });
        assert!(matches!(wrong, Err(SpanError::NotWithin(..))));
    }

    #[test]
    fn the_index_finds_what_a_scan_finds() {
        let text = "abab abab “é” é ab";
        let index = ArticleIndex::new(text);
        for needle in [
            "abab",
            "bab ",
            "ab",
            "“é”",
            "é ab",
            "abab abab “é” é ab",
            "zzzz",
            "abab!",
        ] {
            assert_eq!(
                index.occurrences(needle),
                occurrences(text, needle),
                "{needle}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn the_index_finds_what_a_scan_finds_in_any_text(
            text in "[ab\\x00é “]{0,60}",
            needle in "[ab\\x00é “]{1,12}",
            cut in 0usize..60,
        ) {
            let index = ArticleIndex::new(&text);
            proptest::prop_assert_eq!(index.occurrences(&needle), occurrences(&text, &needle));
            // A needle cut from the text itself, at any length, across the 8-byte window.
            let chars: Vec<char> = text.chars().collect();
            let from = cut.min(chars.len());
            let piece: String = chars[from..].iter().take(1 + cut % 11).collect();
            if !piece.is_empty() {
                proptest::prop_assert_eq!(index.occurrences(&piece), occurrences(&text, &piece));
            }
        }
    }

    #[test]
    fn occurrences_count_overlaps_and_respect_utf8() {
        assert_eq!(occurrences("aaa", "aa"), [0, 1]);
        assert_eq!(occurrences("“é” é", "é"), [3, 9]);
    }
}
