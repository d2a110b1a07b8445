//! Quotations: marks paired into the words they enclose, paragraph by paragraph.
//!
//! Pairing is by family and role, never by counting: a stray mark or an odd count spoils at most
//! its own paragraph, because a new paragraph closes whatever is open — unless it opens with a
//! mark itself, the news convention for a quotation that runs over paragraphs (an opening mark on
//! each, a closing mark only on the last). Quotes inside a quotation belong to it. What a pair
//! encloses is a quote only if it reads as one: four words or more that are not a title, or
//! fewer with a reporting verb beside them; "fake news" after "called the report" is a quote,
//! a scare-quoted word is not.

use crate::doc::{capitalized, Doc};
use crate::lexicon;
use crate::marks::{classify, opens_paragraph, Family, Role};
use std::ops::Range;

/// The part of a quotation inside one paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub open: Range<usize>,
    /// The closing mark; `None` when the paragraph ended the quotation.
    pub close: Option<Range<usize>>,
    /// The quoted words as the format wants them: without the marks, the spaces inside them and
    /// a comma that belongs to the attribution.
    pub words: Range<usize>,
    pub paragraph: usize,
    /// Pieces of one quotation over several paragraphs share this number.
    pub quotation: usize,
    /// Whether the quotation goes on in the next paragraph.
    pub runs_on: bool,
}

struct Open {
    family: Family,
    mark: Range<usize>,
}

/// Deeper nesting than this is not writing but noise; marks past it are ignored.
const MAX_DEPTH: usize = 6;

/// Every quotation piece of the article, in text order.
pub fn pieces(doc: &Doc) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut quotations = 0;
    let mut carried: Option<usize> = None;
    for (p, range) in doc.paragraphs.iter().enumerate() {
        let body = &doc.text[range.clone()];
        let mut stack: Vec<Open> = Vec::new();
        // Pairs one level down, kept in case the outer mark never closes (a stray opening mark).
        let mut inner: Vec<Piece> = Vec::new();
        let mut first_open = true;
        let mut prev: Option<char> = None;
        let mut chars = body.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            let here = range.start + at..range.start + at + c.len_utf8();
            prev = {
                if let Some(mark) = classify(prev, c, next) {
                    let same = stack.iter().rposition(|o| o.family == mark.family);
                    match (mark.role, same) {
                        (Role::Close, Some(depth)) | (Role::Either, Some(depth)) => {
                            let open = stack.swap_remove(depth);
                            stack.truncate(depth);
                            let quotation = if depth == 0 && first_open && carried.is_some() {
                                carried.take().unwrap_or(quotations)
                            } else {
                                quotations += 1;
                                quotations
                            };
                            if depth == 0 {
                                first_open = false;
                            }
                            let piece = piece(doc.text, open.mark, Some(here), p, quotation);
                            match depth {
                                0 => out.extend(piece),
                                1 => inner.extend(piece),
                                _ => {}
                            }
                        }
                        (Role::Open, _) | (Role::Either, None) if stack.len() < MAX_DEPTH => stack
                            .push(Open {
                                family: mark.family,
                                mark: here,
                            }),
                        _ => {}
                    }
                }
                Some(c)
            };
        }
        let next_opens = doc
            .paragraphs
            .get(p + 1)
            .and_then(|r| opens_paragraph(&doc.text[r.clone()]));
        if let Some(open) = stack.into_iter().next() {
            let runs_on = next_opens == Some(open.family);
            let quotation = if first_open && carried.is_some() {
                carried.take().unwrap_or(quotations)
            } else {
                quotations += 1;
                quotations
            };
            if runs_on || inner.is_empty() {
                if let Some(mut piece) = piece(doc.text, open.mark, None, p, quotation) {
                    piece.runs_on = runs_on;
                    carried = runs_on.then_some(quotation);
                    out.push(piece);
                }
            } else {
                // The outer mark was stray: the pairs inside it are the quotations.
                out.append(&mut inner);
                carried = None;
            }
        } else {
            carried = None;
        }
    }
    // Pairs found inside a stray mark join the list late; attribution reads it in text order.
    out.sort_by_key(|p| p.open.start);
    out
}

/// The piece between an opening mark and its close (or the end of the paragraph), if it holds
/// any words.
fn piece(
    text: &str,
    open: Range<usize>,
    close: Option<Range<usize>>,
    paragraph: usize,
    quotation: usize,
) -> Option<Piece> {
    let end = match &close {
        Some(c) => c.start,
        None => paragraph_end(text, open.end),
    };
    let words = quoted_words(text, open.end..end)?;
    Some(Piece {
        open,
        close,
        words,
        paragraph,
        quotation,
        runs_on: false,
    })
}

fn paragraph_end(text: &str, from: usize) -> usize {
    text[from..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| from + i)
}

/// The quoted words inside `range`: spaces trimmed, and a trailing comma left to the
/// attribution ("…meetings," he said); a closing period stays.
fn quoted_words(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let inside = text.get(range.clone())?;
    let lead = inside.len() - inside.trim_start().len();
    let trimmed = inside.trim().trim_end_matches(',').trim_end();
    (trimmed.chars().any(char::is_alphanumeric))
        .then(|| range.start + lead..range.start + lead + trimmed.len())
}

/// Small words a title leaves in lowercase ("The Art of War").
const TITLE_SMALL_WORDS: &[&str] = &["a", "an", "and", "at", "for", "in", "of", "on", "the", "to"];

/// Whether a piece is a quotation rather than a scare-quoted phrase or a title.
pub fn is_quote(
    doc: &Doc,
    piece: &Piece,
    quotation_words: usize,
    previous: Option<&Piece>,
) -> bool {
    let first = doc.word_from(piece.words.start);
    let last = doc.word_from(piece.words.end);
    let count = quotation_words.max(last - first);
    let title_like = capitalized(doc.word(first))
        && (first..last)
            .all(|i| capitalized(doc.word(i)) || lexicon::has(TITLE_SMALL_WORDS, doc.word(i)))
        && count <= 8;
    if count >= 4 && !title_like {
        return true;
    }
    count >= 1 && (reporting_verb_beside(doc, piece) || follows_a_quote(doc, piece, previous))
}

/// A short piece a few words after a quotation in the same paragraph goes on with it:
/// "…," the mayor said. "It is over."
fn follows_a_quote(doc: &Doc, piece: &Piece, previous: Option<&Piece>) -> bool {
    previous
        .filter(|p| p.paragraph == piece.paragraph)
        .and_then(|p| p.close.as_ref())
        .is_some_and(|close| {
            doc.word_from(piece.open.start)
                .saturating_sub(doc.word_from(close.end))
                <= 8
        })
}

/// A reporting verb in the same sentence, up to eight words before the opening mark or four
/// after the closing one.
fn reporting_verb_beside(doc: &Doc, piece: &Piece) -> bool {
    let sentence = doc.sentence_of(piece.open.start);
    let before = doc.word_from(piece.open.start);
    let is_verb = |i: usize| {
        doc.words[i].sentence == sentence
            && lexicon::has(lexicon::REPORTING_VERBS, &doc.word(i).to_lowercase())
    };
    if (before.saturating_sub(8)..before).any(is_verb) {
        return true;
    }
    let Some(close) = &piece.close else {
        return false;
    };
    let after = doc.word_from(close.end);
    (after..(after + 4).min(doc.words.len()))
        .any(|i| doc.words[i].sentence == doc.sentence_of(close.start) && is_verb(i))
}

/// The number of words in each quotation, by quotation number, so a short closing piece of a
/// long quotation still counts as a quote.
pub fn quotation_words(doc: &Doc, pieces: &[Piece]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for piece in pieces {
        let n = doc.word_from(piece.words.end) - doc.word_from(piece.words.start);
        match out.last_mut() {
            Some((q, total)) if *q == piece.quotation => *total += n,
            _ => out.push((piece.quotation, n)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<(String, bool)> {
        let doc = Doc::new(text);
        let found = pieces(&doc);
        let totals = quotation_words(&doc, &found);
        found
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let total = totals
                    .iter()
                    .find(|(q, _)| *q == p.quotation)
                    .map_or(0, |t| t.1);
                let previous = i.checked_sub(1).map(|j| &found[j]);
                (
                    text[p.words.clone()].to_owned(),
                    is_quote(&doc, p, total, previous),
                )
            })
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        quoted(text)
            .into_iter()
            .filter(|q| q.1)
            .map(|q| q.0)
            .collect()
    }

    #[test]
    fn mixed_curly_and_straight_marks_pair_within_their_family() {
        assert_eq!(
            texts("“We will not go back,\" the mayor said. \"It is over.” Then she left."),
            ["We will not go back", "It is over."]
        );
    }

    #[test]
    fn quotes_inside_a_quotation_belong_to_it() {
        assert_eq!(
            texts("“He told me ‘never again’ and meant it,” she said."),
            ["He told me ‘never again’ and meant it"]
        );
        assert_eq!(
            texts("'The vote was rigged from the start,' he said."),
            ["The vote was rigged from the start"]
        );
    }

    #[test]
    fn a_quotation_runs_on_over_paragraphs_when_each_opens_with_a_mark() {
        let text = "Head\n“The first part goes on and on.\n“And it ends here,” she said.\nAfter.";
        let doc = Doc::new(text);
        let found = pieces(&doc);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].quotation, found[1].quotation);
        assert!(found[0].runs_on && found[0].close.is_none());
        assert_eq!(&text[found[1].words.clone()], "And it ends here");
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph_and_spoils_nothing_after() {
        let text = "Head\n\"This never closes, he said\nNext: “a real quote here,” she said.";
        assert_eq!(
            texts(text),
            ["This never closes, he said", "a real quote here"]
        );
    }

    #[test]
    fn a_stray_opening_mark_gives_way_to_the_pairs_inside() {
        assert_eq!(
            texts("He waited “ then said “we are all done here,” and left."),
            ["we are all done here"]
        );
    }

    #[test]
    fn scare_quotes_and_titles_are_not_quotes_but_called_x_is() {
        assert_eq!(
            texts("The so-called “experts” disagreed about it."),
            Vec::<String>::new()
        );
        assert_eq!(
            texts("She read “The Art of War” twice."),
            Vec::<String>::new()
        );
        assert_eq!(
            texts("A spokeswoman called the report “fake news.”"),
            ["fake news."]
        );
    }

    #[test]
    fn spaced_straight_marks_and_possessives_do_not_confuse_pairing() {
        assert_eq!(
            texts("Sessions' aides said \" we have nothing more to add , \" and left."),
            ["we have nothing more to add"]
        );
    }
}
