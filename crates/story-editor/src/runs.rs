//! The article as the editor sees it: one paragraph per line of the text, each cut into runs at
//! every end of an item's words, so each run is marked by the items it belongs to. Every run
//! knows its byte offset in the article: a selection in the page is read back to the article's
//! bytes from the run it starts and ends in ([`byte_at`]).

use std::ops::Range;

/// An item's words in the article, and how they are marked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub range: Range<usize>,
    /// The item's kind as a class name: `person`, `quote`, `event`, …
    pub class: &'static str,
    pub id: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub range: Range<usize>,
    /// The marks covering the run, the shortest (the most specific) first.
    pub marks: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub range: Range<usize>,
    pub runs: Vec<Run>,
}

/// The article's non-empty lines, each cut at the ends of `marks` inside it.
pub fn paragraphs(article: &str, marks: &[Mark]) -> Vec<Paragraph> {
    let mut order: Vec<usize> = (0..marks.len()).collect();
    order.sort_by_key(|&i| marks[i].range.len());
    let mut out = Vec::new();
    let mut start = 0;
    for line in article.split_inclusive('\n') {
        let text = line.trim_end_matches(['\n', '\r']);
        let range = start..start + text.len();
        start += line.len();
        if text.trim().is_empty() {
            continue;
        }
        let mut cuts = vec![range.start, range.end];
        for m in marks {
            for at in [m.range.start, m.range.end] {
                if range.start < at && at < range.end {
                    cuts.push(at);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        let runs = cuts
            .windows(2)
            .map(|w| Run {
                range: w[0]..w[1],
                marks: order
                    .iter()
                    .copied()
                    .filter(|&i| marks[i].range.start <= w[0] && w[1] <= marks[i].range.end)
                    .collect(),
            })
            .collect();
        out.push(Paragraph { range, runs });
    }
    out
}

/// The byte offset in `text` of its `utf16`th UTF-16 unit, which is how the browser counts a
/// selection's offset in a text node; an offset inside a character counts as its start, one past
/// the end as the end.
pub fn byte_at(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (at, c) in text.char_indices() {
        if units >= utf16 {
            return at;
        }
        units += c.len_utf16();
        if units > utf16 {
            return at;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(article: &str, words: &str, class: &'static str) -> Mark {
        let at = article.find(words).unwrap();
        Mark {
            range: at..at + words.len(),
            class,
            id: words.to_owned(),
        }
    }

    #[test]
    fn runs_cut_at_every_end_and_know_the_marks_over_them_shortest_first() {
        let article = "Headline\n\nSessions said “I did not meet Kislyak” today.\n";
        let marks = [
            mark(article, "I did not meet Kislyak", "quote"),
            mark(article, "Kislyak", "person"),
            mark(article, "Sessions", "person"),
        ];
        let paras = paragraphs(article, &marks);
        assert_eq!(paras.len(), 2, "the empty line is no paragraph");
        assert_eq!(&article[paras[0].range.clone()], "Headline");
        let words: Vec<(&str, Vec<usize>)> = paras[1]
            .runs
            .iter()
            .map(|r| (&article[r.range.clone()], r.marks.clone()))
            .collect();
        assert_eq!(
            words,
            vec![
                ("Sessions", vec![2]),
                (" said “", vec![]),
                ("I did not meet ", vec![0]),
                ("Kislyak", vec![1, 0]),
                ("” today.", vec![]),
            ]
        );
        let joined: String = paras[1]
            .runs
            .iter()
            .map(|r| &article[r.range.clone()])
            .collect();
        assert_eq!(joined, &article[paras[1].range.clone()]);
    }

    #[test]
    fn utf16_offsets_map_to_bytes_at_character_starts() {
        let text = "a“é😀b";
        assert_eq!(byte_at(text, 0), 0);
        assert_eq!(byte_at(text, 1), 1);
        assert_eq!(byte_at(text, 2), 4);
        assert_eq!(byte_at(text, 3), 6);
        assert_eq!(
            byte_at(text, 4),
            6,
            "inside the emoji's surrogate pair: its start"
        );
        assert_eq!(byte_at(text, 5), 10);
        assert_eq!(byte_at(text, 6), 11);
        assert_eq!(byte_at(text, 60), 11);
    }
}
