//! The article as the app reads it: paragraphs and sentences, as byte ranges into the text.
//!
//! Each card shows the sentence its words come from, so sentence boundaries must survive news
//! style: abbreviations ("U.S.", "Sen.", "Feb. 9", "(D-Mo.)"), quotations that end a sentence
//! inside their closing mark, and parentheses.

use std::ops::Range;

/// Words whose trailing period does not end a sentence.
const ABBREVIATIONS: [&str; 24] = [
    "U.S", "D.C", "U.K", "U.N", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Mr", "Mrs", "Ms", "Dr",
    "St", "Jr", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Pres",
];

const CLOSERS: [char; 5] = ['"', '\u{201D}', '\u{2019}', ')', '\''];

/// One paragraph per non-empty line, trimmed.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            out.push(start + lead..start + lead + trimmed.len());
        }
        start += line.len();
    }
    out
}

/// Sentences of the whole text, in order, never crossing a paragraph.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    paragraphs(text)
        .into_iter()
        .flat_map(|p| {
            sentences_in(&text[p.clone()])
                .into_iter()
                .map(move |s| p.start + s.start..p.start + s.end)
        })
        .collect()
}

fn sentences_in(paragraph: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '?' | '!') && !is_abbreviation(&paragraph[start..at]) {
            let mut end = i + 1;
            while end < chars.len() && (CLOSERS.contains(&chars[end].1) || chars[end].1 == '.') {
                end += 1;
            }
            let next_is_space = end < chars.len() && chars[end].1.is_whitespace();
            let after = chars[end..]
                .iter()
                .map(|&(_, c)| c)
                .find(|c| !c.is_whitespace());
            if next_is_space && after.is_some_and(starts_sentence) {
                let stop = chars[end].0;
                out.push(start..stop);
                start = stop + paragraph[stop..].len() - paragraph[stop..].trim_start().len();
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if start < paragraph.len() {
        out.push(start..paragraph.len());
    }
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '-')
        .next()
        .unwrap_or("");
    ABBREVIATIONS.contains(&word)
        || (word.len() <= 2 && word.chars().all(|c| c.is_ascii_uppercase()))
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '"' | '\u{201C}' | '(' | '\'' | '\u{2018}')
}

/// The sentences that contain `span`, joined: usually one sentence, more when a quotation runs on.
pub fn enclosing(sentences: &[Range<usize>], span: &Range<usize>) -> Range<usize> {
    // Sentences are sorted and disjoint, so both ends are found by binary search.
    let first = sentences.partition_point(|s| s.end <= span.start);
    let last = sentences.partition_point(|s| s.start < span.end);
    let start = sentences
        .get(first)
        .map_or(span.start, |s| s.start.min(span.start));
    let end = last
        .checked_sub(1)
        .and_then(|i| sentences.get(i))
        .map_or(span.end, |s| s.end.max(span.end));
    start..end.max(start)
}

/// Splits `sentence` into the words before `span`, the span's words and the words after, so a
/// view can mark the item's own words in its sentence. A span outside the sentence marks nothing.
pub fn split_around(sentence: &Range<usize>, span: &Range<usize>) -> [Range<usize>; 3] {
    let start = span.start.clamp(sentence.start, sentence.end);
    let end = span.end.clamp(start, sentence.end);
    [sentence.start..start, start..end, end..sentence.end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn paragraphs_are_non_empty_lines() {
        let text = "Headline\nCaption line.\n\n  Body one.  \n\n\nBody two.";
        let got: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["Headline", "Caption line.", "Body one.", "Body two."]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("U.S. Attorney General Jeff Sessions spoke in Washington, D.C., Feb. 9, 2017. Reuters"),
            ["U.S. Attorney General Jeff Sessions spoke in Washington, D.C., Feb. 9, 2017.", "Reuters"]
        );
        assert_eq!(
            split("Democratic Sen. Claire McCaskill (D-Mo.) shared a statement. Then more."),
            [
                "Democratic Sen. Claire McCaskill (D-Mo.) shared a statement.",
                "Then more."
            ]
        );
    }

    #[test]
    fn closing_quotes_and_parentheses_stay_with_their_sentence() {
        assert_eq!(
            split("\u{201C}It must go,\u{201D} said Nancy Pelosi (D-Calif.). \u{201C}There must be more.\u{201D}"),
            ["\u{201C}It must go,\u{201D} said Nancy Pelosi (D-Calif.).", "\u{201C}There must be more.\u{201D}"]
        );
        assert_eq!(
            split("He said: \"I have never met them. It is false.\" Then he left."),
            [
                "He said: \"I have never met them.",
                "It is false.\"",
                "Then he left."
            ]
        );
    }

    #[test]
    fn split_around_marks_the_span_inside_its_sentence() {
        assert_eq!(split_around(&(10..30), &(12..15)), [10..12, 12..15, 15..30]);
        assert_eq!(split_around(&(10..30), &(25..40)), [10..25, 25..30, 30..30]);
        assert_eq!(split_around(&(10..30), &(40..50)), [10..30, 30..30, 30..30]);
    }

    #[test]
    fn a_span_across_sentences_gets_all_of_them() {
        let text = "One two. Three four. Five six.";
        let all = sentences(text);
        assert_eq!(&text[enclosing(&all, &(4..7))], "One two.");
        assert_eq!(&text[enclosing(&all, &(4..14))], "One two. Three four.");
    }
}
