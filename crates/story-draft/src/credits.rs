//! Credits: who took the photo and who produced the report ("(AP Photo/Jane Doe)", "Reuters" at
//! the end of a caption, "Reporting by …", "… contributed to this report"). The names in them
//! are not actors in the story: never a speaker, a participant or the end of a relationship.
//! Also finds the photo caption, whose date dates the photo, not the story.

use crate::doc::{capitalized, Doc};
use std::ops::Range;

/// A photo caption and its credit, as byte ranges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caption {
    pub caption: Range<usize>,
    pub credit: Range<usize>,
    pub paragraph: usize,
    /// "file photo", "(AP Photo/…, File)": the picture is older than the story.
    pub file: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Credits {
    /// Byte ranges of credit lines, sorted.
    pub zones: Vec<Range<usize>>,
    pub caption: Option<Caption>,
}

impl Credits {
    pub fn contains(&self, at: usize) -> bool {
        let i = self.zones.partition_point(|z| z.end <= at);
        self.zones.get(i).is_some_and(|z| z.start <= at)
    }
}

const CREDIT_OPENINGS: [&str; 7] = [
    "Reporting by",
    "Additional reporting by",
    "Editing by",
    "Writing by",
    "Compiled by",
    "Photo by",
    "Photos by",
];

const CREDIT_PHRASES: [&str; 3] = [
    "contributed to this report",
    "contributed reporting",
    "contributed to this story",
];

pub fn find(doc: &Doc) -> Credits {
    let mut credits = Credits::default();
    for (p, range) in doc.paragraphs.iter().enumerate() {
        let body = &doc.text[range.clone()];
        if CREDIT_OPENINGS.iter().any(|o| body.starts_with(o))
            || CREDIT_PHRASES.iter().any(|c| body.contains(c))
        {
            credits.zones.push(range.clone());
            continue;
        }
        for inside in photo_parentheses(body) {
            let credit = range.start + inside.start..range.start + inside.end;
            credits.zones.push(credit.clone());
            if credits.caption.is_none() && p > 0 {
                let caption = range.start..range.start + body[..inside.start - 1].trim_end().len();
                credits.caption = Some(Caption {
                    file: is_file(&doc.text[range.clone()]),
                    caption,
                    credit,
                    paragraph: p,
                });
            }
        }
    }
    if credits.caption.is_none() {
        if let Some(caption) = trailing_credit(doc) {
            credits.zones.push(caption.credit.clone());
            credits.caption = Some(caption);
        }
    }
    crate::sort_ranges(&mut credits.zones);
    credits
}

/// The insides of "(AP Photo/Jane Doe)", "(Photo: …)", "(Getty Images)" in a paragraph.
fn photo_parentheses(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in body.char_indices() {
        match c {
            '(' => open = Some(at + 1),
            ')' => {
                if let Some(from) = open.take() {
                    let inside = &body[from..at];
                    if inside.contains("Photo") || inside.contains("Images") {
                        out.push(from..at);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn is_file(caption: &str) -> bool {
    caption.contains("file photo") || caption.contains("File photo") || caption.contains(", File)")
}

/// The line after the headline, when it ends in a short credit after its last sentence:
/// "… Feb. 9, 2017. Reuters".
fn trailing_credit(doc: &Doc) -> Option<Caption> {
    let range = doc.paragraphs.get(1)?;
    let last = doc.sentence_of(range.end.saturating_sub(1));
    let sentence = doc.sentences.get(last)?.clone();
    if sentence.start <= range.start {
        return None;
    }
    let words: Vec<usize> = (doc.word_from(sentence.start)..doc.word_from(sentence.end)).collect();
    let text = doc.text[sentence.clone()].trim_end();
    let credit_like = (1..=4).contains(&words.len())
        && words.iter().all(|&i| capitalized(doc.word(i)))
        && !text.ends_with(['.', '!', '?', '"', '”']);
    credit_like.then(|| Caption {
        caption: range.start..doc.text[range.start..sentence.start].trim_end().len() + range.start,
        credit: sentence.start..sentence.start + text.len(),
        paragraph: 1,
        file: is_file(&doc.text[range.clone()]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caption_ending_in_an_agency_name_is_a_caption_and_a_credit() {
        let text = "Head\nThe senator speaks in Washington, Feb. 9, 2017. Reuters\nBody.";
        let doc = Doc::new(text);
        let credits = find(&doc);
        let caption = credits.caption.clone().unwrap();
        assert_eq!(&text[caption.credit.clone()], "Reuters");
        assert_eq!(
            &text[caption.caption],
            "The senator speaks in Washington, Feb. 9, 2017."
        );
        assert!(credits.contains(caption.credit.start));
        assert!(!credits.contains(0));
    }

    #[test]
    fn photo_parentheses_and_reporting_lines_are_credits() {
        let text = "Head\nIn this file photo, a crowd gathers. (AP Photo/Jane Doe, File)\nBody by Ann Lee.\nReporting by Tom Roe; Editing by Sam Poe\nMia Wu contributed to this report.";
        let doc = Doc::new(text);
        let credits = find(&doc);
        let caption = credits.caption.clone().unwrap();
        assert!(caption.file);
        assert_eq!(&text[caption.credit], "AP Photo/Jane Doe, File");
        assert!(credits.contains(text.find("Tom Roe").unwrap()));
        assert!(credits.contains(text.find("Mia Wu").unwrap()));
        assert!(!credits.contains(text.find("Ann Lee").unwrap()));
    }
}
