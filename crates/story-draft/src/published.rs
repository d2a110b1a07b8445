//! The publication date, never invented silently. In order: the date the editor gives; a
//! dateline near the top ("WASHINGTON, March 2, 2017 —", a line that is only a date); failing
//! those, a stand-in the article suggests but does not state — the photo caption's date (not a
//! file photo's: that dates the picture), else the latest date the article prints — with a note
//! saying so, and the relative dates resolved against it marked as guesses. An article with no
//! date at all and none given is an error that asks for one.

use crate::credits::Caption;
use crate::dates;
use crate::doc::Doc;
use story_core::dates::{written_forms, PartialDate};

/// How a stand-in date's note begins: the editor page reads it to ask for the real date.
pub const NOT_PRINTED: &str = "The article does not print its date.";
/// How a stand-in date's note ends: it asks for the real date.
const SET_IT: &str = "set `published` and check them.";

/// Whether `note` is a draft's note on a stand-in date, which setting the real date makes untrue.
pub fn is_stand_in(note: &str) -> bool {
    note.starts_with(NOT_PRINTED) && note.ends_with(SET_IT)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    pub date: PartialDate,
    pub note: String,
    /// The date stands in for one the article does not give: dates resolved against it are
    /// guesses.
    pub stand_in: bool,
}

/// How many paragraphs after the headline a dateline may be in.
const DATELINE_PARAGRAPHS: usize = 3;
/// How many words into its paragraph a dateline's date may start.
const DATELINE_WORDS: usize = 12;

/// Any date will do to find explicit dates: they do not depend on it.
fn anchor() -> PartialDate {
    PartialDate::year(2000)
}

pub fn decide(
    doc: &Doc,
    caption: Option<&Caption>,
    given: Option<PartialDate>,
) -> Result<Published, String> {
    let printed = |date: PartialDate| {
        written_forms(date)
            .iter()
            .any(|f| doc.text.contains(f.as_str()))
    };
    if let Some(date) = given {
        let note = if printed(date) {
            format!(
                "Given as {} when the draft was made; the article prints it too.",
                date.iso()
            )
        } else {
            format!(
                "Given as {} when the draft was made; the article does not print it.",
                date.iso()
            )
        };
        return Ok(Published {
            date,
            note,
            stand_in: false,
        });
    }
    let explicit: Vec<dates::Dated> = dates::find(doc, anchor())
        .into_iter()
        .filter(|d| !d.relative)
        .collect();
    let caption_paragraph = caption.map(|c| c.paragraph);
    let dateline = explicit.iter().find(|d| {
        let p = doc.paragraph_of(d.when.start);
        let word = doc.word_from(d.when.start) - doc.word_from(doc.paragraphs[p].start);
        (1..=DATELINE_PARAGRAPHS).contains(&p)
            && Some(p) != caption_paragraph
            && word < DATELINE_WORDS
            && d.date.day.is_some()
    });
    if let Some(d) = dateline {
        return Ok(Published {
            date: d.date,
            note: format!("From the dateline: “{}”.", &doc.text[d.when.clone()]),
            stand_in: false,
        });
    }
    let in_caption = explicit.iter().find(|d| {
        caption.is_some_and(|c| {
            !c.file && c.caption.start <= d.when.start && d.when.end <= c.caption.end
        })
    });
    if let Some(d) = in_caption {
        return Ok(Published {
            date: d.date,
            note: format!(
                "{NOT_PRINTED} The photo caption's date, “{}”, stands in for it: the story appeared on or after that day. Dates such as “Wednesday” or “last month” are resolved against it and marked inferred; {SET_IT}",
                &doc.text[d.when.clone()]
            ),
            stand_in: true,
        });
    }
    let latest = explicit
        .iter()
        .filter(|d| {
            !caption.is_some_and(|c| {
                c.file && c.caption.start <= d.when.start && d.when.end <= c.caption.end
            })
        })
        .max_by_key(|d| d.date.day_bounds().1);
    match latest {
        Some(d) => Ok(Published {
            date: d.date,
            note: format!(
                "{NOT_PRINTED} The latest date it gives, “{}”, stands in for it: the story appeared on or after it. Dates relative to publication are resolved against it and marked inferred; {SET_IT}",
                &doc.text[d.when.clone()]
            ),
            stand_in: true,
        }),
        None => Err(
            "the article prints no date to date it by; give its publication date with --published YYYY-MM-DD"
                .to_owned(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decided(text: &str, given: Option<&str>) -> Result<(String, bool), String> {
        let doc = Doc::new(text);
        let credits = crate::credits::find(&doc);
        let given = given.and_then(PartialDate::parse_iso);
        decide(&doc, credits.caption.as_ref(), given).map(|p| (p.date.iso(), p.stand_in))
    }

    #[test]
    fn a_given_date_wins_and_a_dateline_comes_next() {
        let text = "Head\nWASHINGTON, March 2, 2017 — The vote came Friday.";
        assert_eq!(
            decided(text, Some("2017-03-03")),
            Ok(("2017-03-03".into(), false))
        );
        assert_eq!(decided(text, None), Ok(("2017-03-02".into(), false)));
    }

    #[test]
    fn a_caption_date_only_stands_in_and_a_file_photo_date_not_even_that() {
        let text = "Head\nThe senator speaks, Feb. 9, 2017. Reuters\nShe spoke Thursday.";
        assert_eq!(decided(text, None), Ok(("2017-02-09".into(), true)));
        let file = "Head\nIn this Jan. 5, 2015, file photo, a crowd. (AP Photo/Jo Do, File)\nShe spoke Thursday.";
        assert!(decided(file, None).is_err());
    }

    #[test]
    fn no_date_at_all_is_an_error_that_asks_for_one() {
        assert!(decided("Head\nShe spoke Thursday.", None)
            .unwrap_err()
            .contains("--published"));
    }
}
