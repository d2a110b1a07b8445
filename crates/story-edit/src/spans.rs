//! Spans from selections: the editor selects words, the core writes the span the build will
//! find there. A plain string when the words occur once; otherwise `{ text, within }` with the
//! shortest `within` around them that occurs once and holds them once, cut at word ends where
//! it can be. Occurrences are counted as validation counts them (overlapping), through
//! story-core's index of the article, so a span made here always resolves where it was made.

use crate::edit::EditError;
use std::ops::Range;
use story_core::story::{ArticleIndex, Span};

/// Word ends tried on each side of a selection before giving up. Passages are cut at word ends
/// (and the selection's own ends), so a few letters inside a word may be refused where a cut
/// inside the next word would tell them apart; the refusal says to select whole words.
const MAX_WORDS_AROUND: usize = 48;

/// Where `span` points in `article` now, resolved as validation resolves it.
pub fn resolve(span: &Span, article: &str) -> Option<Range<usize>> {
    let index = ArticleIndex::new(article);
    resolve_in(&index, span, article)
}

fn resolve_in(index: &ArticleIndex, span: &Span, article: &str) -> Option<Range<usize>> {
    match span {
        Span::Text(text) => once(index, text).map(|at| at..at + text.len()),
        Span::Within { text, within } => {
            let outer = once(index, within)?;
            let inner = once_in(within, text)?;
            Some(outer + inner..outer + inner + text.len())
        }
    }
    .filter(|r| article.get(r.clone()).is_some_and(|t| !t.trim().is_empty()))
}

/// The one start of `needle` in the article, if it occurs exactly once.
fn once(index: &ArticleIndex, needle: &str) -> Option<usize> {
    match index.occurrences(needle).as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The one start of `needle` in `hay`, counting overlapping occurrences as validation does.
fn once_in(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let first = hay.find(needle)?;
    let step = hay[first..].chars().next().map_or(1, char::len_utf8);
    (!hay[first + step..].contains(needle)).then_some(first)
}

/// The span for the selected bytes `range` of `article`, whitespace at its ends left out.
pub fn span_for(article: &str, range: Range<usize>) -> Result<Span, EditError> {
    let range = trimmed(article, range)?;
    let text = &article[range.clone()];
    let index = ArticleIndex::new(article);
    let times = index.occurrences(text).len();
    if times == 1 {
        return Ok(Span::Text(text.to_owned()));
    }
    shortest_within(&index, article, &range)
        .map(|within| Span::Within {
            text: text.to_owned(),
            within: article[within].to_owned(),
        })
        .ok_or_else(|| EditError::Repeated {
            words: text.to_owned(),
            times,
        })
}

/// The selection without whitespace at its ends, or why it is not a selection of words.
fn trimmed(article: &str, range: Range<usize>) -> Result<Range<usize>, EditError> {
    let words = article.get(range.clone()).ok_or_else(|| {
        EditError::BadSelection(
            "That selection is not part of the article's text; select the words again.".to_owned(),
        )
    })?;
    let start = range.start + (words.len() - words.trim_start().len());
    let end = range.start + words.trim_end().len();
    if start >= end {
        return Err(EditError::BadSelection(
            "Select some words of the article.".to_owned(),
        ));
    }
    Ok(start..end)
}

/// Word starts at or before `at` (nearest first), `at` itself first.
fn lefts(article: &str, at: usize) -> Vec<usize> {
    let mut out = vec![at];
    for (i, c) in article[..at].char_indices().rev() {
        let word_starts = article[..i]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        if !c.is_whitespace() && word_starts {
            out.push(i);
        }
        if out.len() > MAX_WORDS_AROUND {
            break;
        }
    }
    out
}

/// Word ends at or after `at` (nearest first), `at` itself first.
fn rights(article: &str, at: usize) -> Vec<usize> {
    let mut out = vec![at];
    for (i, c) in article[at..].char_indices() {
        let end = at + i + c.len_utf8();
        let word_ends = article[end..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace);
        if !c.is_whitespace() && word_ends {
            out.push(end);
        }
        if out.len() > MAX_WORDS_AROUND {
            break;
        }
    }
    out
}

/// The shortest passage around `range`, from a word start to a word end, that occurs once in
/// the article and holds the selected words once.
fn shortest_within(
    index: &ArticleIndex,
    article: &str,
    range: &Range<usize>,
) -> Option<Range<usize>> {
    let text = &article[range.clone()];
    let mut windows: Vec<Range<usize>> = lefts(article, range.start)
        .into_iter()
        .flat_map(|l| rights(article, range.end).into_iter().map(move |r| l..r))
        .filter(|w| *w != *range)
        .collect();
    // Shortest first; of equal length, the one starting earlier, so the choice is stable.
    windows.sort_by_key(|w| (w.len(), w.start));
    windows.into_iter().find(|w| {
        let within = &article[w.clone()];
        once_in(within, text) == Some(range.start - w.start) && once(index, within) == Some(w.start)
    })
}

/// `span` with its ends moved by whole characters (negative: left), whitespace not counted.
pub fn adjust(
    span: &Span,
    article: &str,
    start_delta: i64,
    end_delta: i64,
) -> Result<Span, EditError> {
    let now = resolve(span, article).ok_or_else(|| {
        EditError::BadValue(
            "These words are not found once in the article any more; select them again.".to_owned(),
        )
    })?;
    let start = moved(article, now.start, start_delta);
    let end = moved(article, now.end, end_delta);
    if start >= end {
        return Err(EditError::BadSelection(
            "That would leave no words selected.".to_owned(),
        ));
    }
    span_for(article, start..end)
}

/// `at` moved by `delta` characters that are not whitespace, stopping at the article's ends.
fn moved(article: &str, at: usize, delta: i64) -> usize {
    let mut at = at;
    let mut left = delta.unsigned_abs();
    while left > 0 {
        let step = if delta < 0 {
            article[..at]
                .chars()
                .next_back()
                .map(|c| (at - c.len_utf8(), c))
        } else {
            article[at..].chars().next().map(|c| (at + c.len_utf8(), c))
        };
        let Some((next, c)) = step else { break };
        at = next;
        if !c.is_whitespace() {
            left -= 1;
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str =
        "Jeff Sessions\nU.S. Attorney General Jeff Sessions spoke. He said no. “É” said é.";

    fn at(words: &str, nth: usize) -> Range<usize> {
        let start = ARTICLE
            .match_indices(words)
            .nth(nth)
            .map(|(i, _)| i)
            .unwrap();
        start..start + words.len()
    }

    #[test]
    fn words_that_occur_once_are_a_plain_span() {
        assert_eq!(
            span_for(ARTICLE, at("spoke", 0)),
            Ok(Span::Text("spoke".into()))
        );
    }

    #[test]
    fn repeated_words_get_the_shortest_unique_passage_at_word_ends() {
        assert_eq!(
            span_for(ARTICLE, at("Jeff Sessions", 0)),
            Ok(Span::Within {
                text: "Jeff Sessions".into(),
                within: "Jeff Sessions\nU.S.".into()
            })
        );
        assert_eq!(
            span_for(ARTICLE, at("Jeff Sessions", 1)),
            Ok(Span::Within {
                text: "Jeff Sessions".into(),
                within: "Jeff Sessions spoke.".into()
            })
        );
        let said = span_for(ARTICLE, at("said", 1)).unwrap();
        assert_eq!(resolve(&said, ARTICLE), Some(at("said", 1)));
    }

    #[test]
    fn whitespace_at_the_ends_is_left_out_and_empty_selections_refused() {
        let r = at(" spoke", 0);
        assert_eq!(span_for(ARTICLE, r), Ok(Span::Text("spoke".into())));
        assert!(matches!(
            span_for(ARTICLE, 4..5),
            Err(EditError::BadSelection(_))
        ));
        // Inside the two bytes of “É”'s É: not a character boundary.
        let e = ARTICLE.find('É').unwrap();
        assert!(matches!(
            span_for(ARTICLE, e + 1..e + 2),
            Err(EditError::BadSelection(_))
        ));
        assert!(matches!(
            span_for(ARTICLE, 0..10_000),
            Err(EditError::BadSelection(_))
        ));
    }

    #[test]
    fn a_passage_not_told_apart_by_whole_words_is_refused_in_plain_words() {
        // Every passage around the middle "ha" cut at word ends either occurs twice or holds "ha"
        // more than once (" ha " would do, but passages are cut at word ends only).
        let err = span_for("ha ha ha", 3..5).unwrap_err();
        assert_eq!(
            err,
            EditError::Repeated {
                words: "ha".into(),
                times: 3
            }
        );
        assert!(err.to_string().contains("occurs 3 times in the article"));
        // A repeated paragraph is told apart by the end of the one before it.
        let article = "Head\nSame words here.\nSame words here.";
        let second = span_for(article, 22..26).unwrap();
        assert_eq!(resolve(&second, article), Some(22..26));
    }

    #[test]
    fn adjusting_moves_ends_by_visible_characters() {
        let span = Span::Text("spoke".into());
        // One character to the left skips the space and takes the "s" of "Sessions".
        let wider = adjust(&span, ARTICLE, -1, 0).unwrap();
        assert_eq!(wider, Span::Text("s spoke".into()));
        let narrower = adjust(&span, ARTICLE, 1, -1).unwrap();
        assert_eq!(narrower, Span::Text("pok".into()));
        assert!(adjust(&span, ARTICLE, 3, -3).is_err());
        assert_eq!(
            adjust(&span, ARTICLE, -10_000, 0)
                .map(|s| s.text().len())
                .ok(),
            Some(ARTICLE.find(" spoke").unwrap() + 6)
        );
    }
}
