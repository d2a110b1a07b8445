//! The article indexed once: its paragraphs and sentences (story-core's, so the draft and the app
//! agree on them) and its words, each a byte range. Every later pass looks things up here by
//! binary search instead of scanning the text again, which keeps drafting linear in the length
//! of the article.

use crate::lexicon;
use std::ops::Range;

/// One word of the article: letters and digits with the apostrophes, hyphens and periods inside
/// them ("McCaskill", "U.S.", "Sen.", "D-Mo."), without the punctuation around them.
#[derive(Clone, Debug)]
pub struct Word {
    pub range: Range<usize>,
    pub paragraph: usize,
    pub sentence: usize,
    /// Followed by "’s", "'s" or a bare apostrophe after an s ("Sessions’"); not in `range`.
    pub possessive: bool,
}

pub struct Doc<'a> {
    pub text: &'a str,
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Range<usize>>,
    pub words: Vec<Word>,
}

/// Characters that end a word outright; apostrophes, hyphens and periods only end one at its
/// edges.
fn breaks_word(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ',' | ';'
                | ':'
                | '!'
                | '?'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '"'
                | '“'
                | '”'
                | '‘'
                | '«'
                | '»'
                | '„'
                | '/'
                | '—'
                | '–'
                | '…'
        )
        || c.is_control()
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        let paragraphs = story_core::text::paragraphs(text);
        let sentences = story_core::text::sentences(text);
        let mut words = Vec::new();
        for (p, range) in paragraphs.iter().enumerate() {
            let mut start: Option<usize> = None;
            let body = &text[range.clone()];
            for (at, c) in body
                .char_indices()
                .chain(std::iter::once((body.len(), ' ')))
            {
                match (start, breaks_word(c)) {
                    (None, false) => start = Some(at),
                    (Some(s), true) => {
                        if let Some(word) = trim_word(text, range.start + s..range.start + at) {
                            words.push(Word {
                                paragraph: p,
                                sentence: 0,
                                ..word
                            });
                        }
                        start = None;
                    }
                    _ => {}
                }
            }
        }
        // Words and sentences are both in text order: one walk gives each word its sentence.
        let mut s = 0;
        for word in &mut words {
            while s + 1 < sentences.len() && sentences[s].end <= word.range.start {
                s += 1;
            }
            word.sentence = s;
        }
        Doc {
            text,
            paragraphs,
            sentences,
            words,
        }
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.words
            .get(i)
            .and_then(|w| self.text.get(w.range.clone()))
            .unwrap_or("")
    }

    /// The text between word `i - 1` and word `i` (from the paragraph start for a first word).
    pub fn gap_before(&self, i: usize) -> &'a str {
        let Some(word) = self.words.get(i) else {
            return "";
        };
        let from = match i.checked_sub(1).and_then(|j| self.words.get(j)) {
            Some(prev) if prev.paragraph == word.paragraph => prev.range.end,
            _ => self.paragraphs[word.paragraph].start,
        };
        self.text.get(from..word.range.start).unwrap_or("")
    }

    /// The gap before word `i` with a possessive ending taken out ("city's auditor" → " "), for
    /// reading phrases whose words are joined by spaces.
    pub fn plain_gap_before(&self, i: usize) -> &'a str {
        let gap = self.gap_before(i);
        for ending in ["’s", "'s", "’", "'"] {
            if let Some(rest) = gap.strip_prefix(ending) {
                return rest;
            }
        }
        gap
    }

    /// The index of the first word starting at or after byte `at`.
    pub fn word_from(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.range.start < at)
    }

    pub fn paragraph_of(&self, at: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.end <= at)
            .min(self.paragraphs.len().saturating_sub(1))
    }

    pub fn sentence_of(&self, at: usize) -> usize {
        self.sentences
            .partition_point(|s| s.end <= at)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// Whether word `i` begins its sentence, or a quotation inside it: capitals there say nothing
    /// about names.
    pub fn starts_sentence(&self, i: usize) -> bool {
        let Some(word) = self.words.get(i) else {
            return false;
        };
        let first = i == 0 || self.words[i - 1].sentence != word.sentence;
        first
            || self
                .gap_before(i)
                .chars()
                .any(|c| matches!(c, '"' | '“' | '‘' | '«' | '„' | ':'))
    }

    /// Words `range` as one stretch of text, from the first word's start to the last word's end.
    pub fn span_of(&self, words: Range<usize>) -> Range<usize> {
        match (self.words.get(words.start), words.end.checked_sub(1)) {
            (Some(first), Some(last)) if last >= words.start => {
                first.range.start..self.words[last].range.end
            }
            _ => 0..0,
        }
    }
}

/// A word's own characters within `range`: punctuation trimmed from both ends, a possessive
/// ending noted and dropped, a period kept where it belongs to the word ("U.S.", "Sen.").
fn trim_word(text: &str, range: Range<usize>) -> Option<Word> {
    let raw = text.get(range.clone())?;
    let lead = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    let mut body = &raw[lead..];
    let mut possessive = false;
    for ending in ["’s", "'s", "’S", "'S"] {
        if body.len() > ending.len() && body.ends_with(ending) {
            body = &body[..body.len() - ending.len()];
            possessive = true;
            break;
        }
    }
    if !possessive && (body.ends_with("s’") || body.ends_with("s'")) {
        body = body.trim_end_matches(['’', '\'']);
        possessive = true;
    }
    let core = body.trim_end_matches(|c: char| !c.is_alphanumeric());
    if core.is_empty() {
        return None;
    }
    let keeps_period = body[core.len()..].starts_with('.') && keeps_its_period(core);
    let len = core.len() + usize::from(keeps_period);
    let start = range.start + lead;
    Some(Word {
        range: start..start + len,
        paragraph: 0,
        sentence: 0,
        possessive,
    })
}

/// "U.S" (an initialism), "Sen", "Mo", "J" (an initial) keep the period after them.
fn keeps_its_period(core: &str) -> bool {
    let last = core.rsplit(['.', '-']).next().unwrap_or(core);
    core.contains('.')
        || lexicon::has(lexicon::ABBREVIATIONS, last)
        || (last.chars().count() == 1 && last.chars().all(char::is_uppercase))
}

/// Whether a word is written with a capital: a name, a title, or a sentence's first word.
pub fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let doc = Doc::new(text);
        (0..doc.words.len()).map(|i| doc.word(i)).collect()
    }

    #[test]
    fn words_keep_the_periods_and_apostrophes_that_belong_to_them() {
        assert_eq!(
            words("U.S. Sen. Claire McCaskill (D-Mo.) said: “I don't.” Sessions’ claim."),
            [
                "U.S.",
                "Sen.",
                "Claire",
                "McCaskill",
                "D-Mo.",
                "said",
                "I",
                "don't",
                "Sessions",
                "claim"
            ]
        );
        assert_eq!(
            words("(I)t's Kislyak’s door, end."),
            ["I", "t", "Kislyak", "door", "end"]
        );
    }

    #[test]
    fn possessives_are_noted_and_sentences_counted() {
        let doc = Doc::new("Trump’s campaign ended. Then Sessions' aide spoke.\nNext line.");
        let flags: Vec<(bool, usize, usize)> = doc
            .words
            .iter()
            .map(|w| (w.possessive, w.sentence, w.paragraph))
            .collect();
        assert_eq!(flags[0], (true, 0, 0));
        assert_eq!(flags[4], (true, 1, 0));
        assert_eq!(flags[7], (false, 2, 1));
        assert!(doc.starts_sentence(3));
        assert!(!doc.starts_sentence(4));
    }

    #[test]
    fn any_text_gives_words_on_character_boundaries() {
        for text in [
            "",
            " ",
            "’’’",
            "é’s",
            "\u{202E}abc\u{0}d",
            "שלום עולם",
            "....",
            "a.b.c.",
        ] {
            let doc = Doc::new(text);
            for w in &doc.words {
                assert!(text.is_char_boundary(w.range.start) && text.is_char_boundary(w.range.end));
                assert!(!w.range.is_empty());
            }
        }
    }
}
