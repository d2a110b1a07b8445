//! Finding an item's words in the article, exactly once.

use super::model::{Located, Span};
use crate::text;
use std::ops::Range;

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
    article: &str,
    sentences: &[Range<usize>],
    span: &Span,
) -> Result<Located, SpanError> {
    let whole = 0..article.len();
    let range = match span {
        Span::Text(words) => find_once(article, words, whole)?,
        Span::Within { text, within } => {
            let outer = find_once(article, within, whole)?;
            find_once(article, text, outer).map_err(|e| match e {
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
        locate(ARTICLE, &text::sentences(ARTICLE), &span)
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
    fn occurrences_count_overlaps_and_respect_utf8() {
        assert_eq!(occurrences("aaa", "aa"), [0, 1]);
        assert_eq!(occurrences("“é” é", "é"), [3, 9]);
    }
}
