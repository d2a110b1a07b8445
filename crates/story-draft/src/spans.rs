//! Spans by construction: every span the draft writes is made here from a byte range the
//! extractor found, so a draft cannot quote words the article lacks. A range whose words occur
//! once is written as they are; otherwise as `{ text, within }` with the shortest of a few
//! widening contexts (a few words around, the sentence, the paragraph, the paragraph and the
//! next line) that occurs once and holds the words once. Each try is one lookup in story-core's
//! index of the article, so making spans stays cheap however long the article is.

use crate::doc::Doc;
use std::collections::HashMap;
use std::ops::Range;
use story_core::story::{ArticleIndex, Span};

pub struct Spans<'a> {
    doc: &'a Doc<'a>,
    index: ArticleIndex<'a>,
    /// Paragraphs whose text occurs more than once: a span inside one cannot be told apart
    /// from its copies by anything around it in the paragraph.
    repeated: Vec<bool>,
}

/// Words either side of a span in the first, narrowest context.
const CONTEXT_WORDS: usize = 4;

impl<'a> Spans<'a> {
    pub fn new(doc: &'a Doc<'a>) -> Self {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for p in &doc.paragraphs {
            *seen.entry(&doc.text[p.clone()]).or_default() += 1;
        }
        let repeated = doc
            .paragraphs
            .iter()
            .map(|p| seen.get(&doc.text[p.clone()]).is_some_and(|&n| n > 1))
            .collect();
        Spans {
            doc,
            index: ArticleIndex::new(doc.text),
            repeated,
        }
    }

    fn once(&self, words: &str) -> bool {
        self.index.occurrences(words).len() == 1
    }

    /// The span for `range`, or `None` if the article gives no way to point at it alone.
    pub fn span(&self, range: Range<usize>) -> Option<Span> {
        let text = self.doc.text.get(range.clone())?;
        if text.trim().is_empty() {
            return None;
        }
        let p = self.doc.paragraph_of(range.start);
        if self.repeated.get(p).copied().unwrap_or(true) && p != 0 {
            return self.once(text).then(|| Span::Text(text.to_owned()));
        }
        if self.once(text) {
            return Some(Span::Text(text.to_owned()));
        }
        self.contexts(range.clone(), p)
            .into_iter()
            .find(|within| {
                let outer = &self.doc.text[within.clone()];
                story_core_once(outer, text) && self.once(outer)
            })
            .map(|within| Span::Within {
                text: text.to_owned(),
                within: self.doc.text[within].to_owned(),
            })
    }

    /// Contexts around `range`, narrowest first.
    fn contexts(&self, range: Range<usize>, p: usize) -> Vec<Range<usize>> {
        let doc = self.doc;
        let first = doc.word_from(range.start);
        let last = doc.word_from(range.end);
        let para = doc.paragraphs[p].clone();
        let word_start = |i: usize| {
            doc.words
                .get(i)
                .map_or(para.start, |w| w.range.start.max(para.start))
        };
        let word_end = |i: usize| {
            doc.words
                .get(i)
                .map_or(para.end, |w| w.range.end.min(para.end))
        };
        let around = word_start(first.saturating_sub(CONTEXT_WORDS)).min(range.start)
            ..word_end((last + CONTEXT_WORDS - 1).min(doc.words.len().saturating_sub(1)))
                .max(range.end);
        let sentence = story_core::text::enclosing(&doc.sentences, &range);
        let next_line = doc.paragraphs.get(p + 1).map_or(para.end, |n| {
            let line = &doc.text[n.clone()];
            n.start + line.find(char::is_whitespace).unwrap_or(line.len())
        });
        vec![around, sentence, para.clone(), para.start..next_line]
            .into_iter()
            .filter(|c| {
                c.start <= range.start && c.end >= range.end && doc.text.get(c.clone()).is_some()
            })
            .collect()
    }
}

/// `needle` exactly once in `hay`, counting overlaps, as validation counts them.
fn story_core_once(hay: &str, needle: &str) -> bool {
    let mut found = hay.match_indices(needle);
    let Some((first, _)) = found.next() else {
        return false;
    };
    // Overlapping occurrences ("aa" in "aaa") count too: look again one character on.
    let step = hay[first..].chars().next().map_or(1, char::len_utf8);
    !hay[first + step..].contains(needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_words_stand_alone_and_repeated_ones_get_a_context() {
        let text = "Jeff Sessions\nU.S. Attorney General Jeff Sessions spoke. He said no.";
        let doc = Doc::new(text);
        let spans = Spans::new(&doc);
        let said = text.find("said").unwrap();
        assert_eq!(spans.span(said..said + 4), Some(Span::Text("said".into())));
        match spans.span(0..13) {
            Some(Span::Within { text, within }) => {
                assert_eq!(text, "Jeff Sessions");
                assert_eq!(within, "Jeff Sessions\nU.S.");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(spans.span(4..4), None);
    }

    #[test]
    fn words_in_a_repeated_paragraph_cannot_be_pointed_at() {
        let text = "Head\nSame words here.\nSame words here.";
        let doc = Doc::new(text);
        let spans = Spans::new(&doc);
        assert_eq!(spans.span(5..9), None);
    }

    #[test]
    fn overlapping_occurrences_count() {
        assert!(!story_core_once("aaa", "aa"));
        assert!(story_core_once("aab", "ab"));
    }
}
