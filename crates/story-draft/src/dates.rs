//! Dated phrases: weekdays, months, explicit dates, years, "last month", "last week", seasons,
//! "between June and August of 2024", each found as the article's words and resolved against the
//! publication date at its true precision.
//!
//! Resolution goes through story-core's `dates::resolve` whenever it understands the words, so
//! the draft and validation cannot disagree; only what it does not understand ("last week",
//! "last Friday", "summer 2016", a period) is resolved here, with a note that says how. A month
//! that is also a word ("may", "March on", "June Carter") is a date only beside a day, a year or
//! a preposition.

use crate::doc::Doc;
use crate::lexicon::{self, has};
use std::ops::Range;
use story_core::dates::{resolve, PartialDate};

/// A dated phrase of the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dated {
    /// The words that date an event, the format's `when`: "in January", "Since Wednesday".
    pub when: Range<usize>,
    pub date: PartialDate,
    /// Whether the date depends on the publication date.
    pub relative: bool,
    /// How a date story-core does not resolve by itself was worked out.
    pub note: Option<String>,
}

/// What the words of a date are, before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// Words story-core resolves ("Wednesday", "in January", "Feb. 9, 2017", "last month").
    Plain {
        relative: bool,
    },
    /// "last Friday" (-1), "this Friday" (0), "next Friday" (1).
    Weekday {
        day: usize,
        shift: i8,
    },
    Yesterday,
    /// "last week" (-1), "this week" (0), "next week" (1).
    Week(i8),
    Season {
        season: usize,
        year: Option<i32>,
    },
    Period {
        from: u8,
        to: u8,
        year: i32,
    },
}

fn month(word: &str) -> Option<u8> {
    lexicon::MONTHS.iter().find(|m| m.0 == word).map(|m| m.1)
}

fn weekday(word: &str) -> Option<usize> {
    lexicon::WEEKDAYS.iter().position(|d| *d == word)
}

fn number(word: &str, digits: std::ops::RangeInclusive<usize>) -> Option<i32> {
    (digits.contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

fn year(word: &str) -> Option<i32> {
    number(word, 4..=4).filter(|y| (1000..=2999).contains(y))
}

/// Every dated phrase, resolved against `published`. Phrases that cannot be resolved against it
/// (a weekday when only the year of publication is known) are left out.
pub fn find(doc: &Doc, published: PartialDate) -> Vec<Dated> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.words.len() {
        match shape_at(doc, i) {
            Some((end, shape)) => {
                // "last Friday", "between June and August": the word before belongs to the date.
                let first = match shape {
                    Shape::Weekday { .. } | Shape::Period { .. } => i.saturating_sub(1),
                    _ => i,
                };
                let when = lead(doc, first).start..doc.words[end - 1].range.end;
                let core = doc.words[i].range.start..doc.words[end - 1].range.end;
                if let Some(dated) = resolved(doc, when, core, shape, published) {
                    out.push(dated);
                }
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The words that begin a date phrase at word `i`: "in", "since", or "Since the news broke" up
/// to five words back with no comma between.
fn lead(doc: &Doc, i: usize) -> Range<usize> {
    let here = doc.words[i].range.clone();
    let joined =
        |k: usize| doc.words[k].sentence == doc.words[i].sentence && doc.gap_before(k + 1) == " ";
    for back in 1..=5 {
        let Some(k) = i.checked_sub(back) else { break };
        if !joined(k) {
            break;
        }
        let word = doc.word(k);
        if (back == 1 && has(lexicon::DATE_LEADS, word))
            || matches!(
                word,
                "Since" | "since" | "Until" | "until" | "From" | "from"
            )
        {
            return doc.words[k].range.start..here.end;
        }
        if word.chars().any(char::is_uppercase) {
            break;
        }
    }
    here
}

/// The date shape starting at word `i`, and the word after it.
fn shape_at(doc: &Doc, i: usize) -> Option<(usize, Shape)> {
    let w = |k: usize| doc.word(k);
    let lower = w(i).to_lowercase();
    let plain = |end, relative| Some((end, Shape::Plain { relative }));
    if let Some(day) = weekday(w(i)) {
        let end = if has(lexicon::DAY_PARTS, w(i + 1)) {
            i + 2
        } else {
            i + 1
        };
        let shift = i
            .checked_sub(1)
            .and_then(|k| match w(k).to_lowercase().as_str() {
                "last" => Some(-1),
                "this" => Some(0),
                "next" => Some(1),
                _ => None,
            });
        return match shift {
            Some(shift) => Some((end, Shape::Weekday { day, shift })),
            None => plain(end, true),
        };
    }
    if let Some(m) = month(w(i)) {
        return month_shape(doc, i, m);
    }
    if matches!(lower.as_str(), "last" | "this" | "next") {
        let shift = match lower.as_str() {
            "last" => -1,
            "this" => 0,
            _ => 1,
        };
        return match w(i + 1) {
            "month" | "year" if shift <= 0 => plain(i + 2, true),
            "week" => Some((i + 2, Shape::Week(shift))),
            next => lexicon::SEASONS
                .iter()
                .position(|s| s.0 == next)
                .filter(|_| shift < 0)
                .map(|season| (i + 2, Shape::Season { season, year: None })),
        };
    }
    if lower == "yesterday" {
        return Some((i + 1, Shape::Yesterday));
    }
    if let Some(season) = lexicon::SEASONS.iter().position(|s| s.0 == lower) {
        let of = usize::from(w(i + 1) == "of");
        return year(w(i + 1 + of)).map(|y| {
            (
                i + 2 + of,
                Shape::Season {
                    season,
                    year: Some(y),
                },
            )
        });
    }
    let leads = i
        .checked_sub(1)
        .is_some_and(|k| has(lexicon::DATE_LEADS, w(k)) || w(k) == "of");
    if year(w(i)).is_some() && leads {
        return plain(i + 1, false);
    }
    PartialDate::parse_iso(w(i))
        .filter(|d| d.day.is_some())
        .map(|_| (i + 1, Shape::Plain { relative: false }))
}

/// "Feb. 9, 2017", "July 2016", "in January", "between June and August of 2024"; "May" only
/// with a day, a year or a preposition.
fn month_shape(doc: &Doc, i: usize, m: u8) -> Option<(usize, Shape)> {
    let w = |k: usize| doc.word(k);
    let prev = i.checked_sub(1).map(&w).unwrap_or("");
    if prev == "between" && w(i + 1) == "and" {
        if let Some(to) = month(w(i + 2)) {
            let of = usize::from(w(i + 3) == "of");
            if let Some(y) = year(w(i + 3 + of)) {
                return Some((
                    i + 4 + of,
                    Shape::Period {
                        from: m,
                        to,
                        year: y,
                    },
                ));
            }
        }
    }
    let day = number(w(i + 1), 1..=2).filter(|d| (1..=31).contains(d));
    let end = match (day, year(w(i + 1))) {
        (Some(_), _) if year(w(i + 2)).is_some() && doc.gap_before(i + 2).starts_with(',') => i + 3,
        (Some(_), _) => i + 2,
        (None, Some(_)) => i + 3 - 1,
        (None, None) => i + 1,
    };
    let bare = end == i + 1;
    let cue = has(lexicon::DATE_LEADS, prev)
        || matches!(
            prev,
            "of" | "early" | "late" | "and" | "mid" | "last" | "this"
        );
    if bare && has(lexicon::AMBIGUOUS_MONTHS, w(i)) && !cue {
        return None;
    }
    let with_year = (i + 1..end).any(|k| year(w(k)).is_some());
    Some((
        end,
        Shape::Plain {
            relative: !with_year,
        },
    ))
}

fn resolved(
    doc: &Doc,
    when: Range<usize>,
    core: Range<usize>,
    shape: Shape,
    published: PartialDate,
) -> Option<Dated> {
    let words = &doc.text[when.clone()];
    let dated = |date: PartialDate, relative: bool, note: Option<String>| {
        Some(Dated {
            when: when.clone(),
            date,
            relative,
            note,
        })
    };
    if let Some(date) = resolve(words, published) {
        let relative = !matches!(shape, Shape::Plain { relative: false });
        return dated(date, relative, None);
    }
    if let Shape::Plain { relative } = shape {
        // "Since the news broke Wednesday night": the dating words inside resolve.
        let date = resolve(&doc.text[core], published)?;
        return dated(date, relative, None);
    }
    let (date, note) = own(shape, published)?;
    let relative = !matches!(
        shape,
        Shape::Period { .. } | Shape::Season { year: Some(_), .. }
    );
    dated(date, relative, Some(note))
}

/// Resolutions story-core leaves to the editor, each with a note saying how it was made.
fn own(shape: Shape, published: PartialDate) -> Option<(PartialDate, String)> {
    match shape {
        Shape::Plain { .. } => None,
        Shape::Weekday { day, shift } => {
            let today = published.weekday_index()? as i64;
            let target = day as i64;
            let delta = match shift {
                -1 => -((today - target - 1).rem_euclid(7) + 1),
                0 => target - today,
                _ => (target - today - 1).rem_euclid(7) + 1,
            };
            let date = published.plus_days(delta)?;
            let which = match shift {
                -1 => "the latest such day before publication",
                0 => "that day in the week of publication (Monday to Sunday)",
                _ => "the first such day after publication",
            };
            Some((date, format!("Read as {which}: {date}.")))
        }
        Shape::Yesterday => {
            let date = published.plus_days(-1)?;
            Some((date, format!("The day before publication: {date}.")))
        }
        Shape::Week(shift) => {
            let monday =
                published.plus_days(-(published.weekday_index()? as i64) + 7 * i64::from(shift))?;
            let sunday = monday.plus_days(6)?;
            let date = if monday.month == sunday.month {
                PartialDate::month(monday.year, monday.month?)?
            } else if monday.year == sunday.year {
                PartialDate::year(monday.year)
            } else {
                return None;
            };
            Some((
                date,
                format!("The week of {monday} to {sunday}, dated at the precision that holds all of it."),
            ))
        }
        Shape::Season { season, year } => {
            let (name, first, last) = lexicon::SEASONS[season];
            let y = match year {
                Some(y) => y,
                // The latest such season over by publication.
                None if published.month.is_some_and(|m| m > last && first <= last) => {
                    published.year
                }
                None => published.year - 1,
            };
            let date = PartialDate::year(y);
            Some((
                date,
                format!("The {name} of {y}, dated by its year: the format has no seasons."),
            ))
        }
        Shape::Period { from, to, year } => {
            let date = PartialDate::month(year, from)?;
            let end = PartialDate::month(year, to)?;
            Some((
                date,
                format!("A period, {date} to {end}; the format holds one date, so it is dated by its start."),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, published: &str) -> Vec<(String, String)> {
        let doc = Doc::new(text);
        let published = PartialDate::parse_iso(published).unwrap();
        find(&doc, published)
            .into_iter()
            .map(|d| (text[d.when].to_owned(), d.date.iso()))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn friday_on_a_friday_is_that_very_day() {
        // 2017-03-03 was a Friday.
        assert_eq!(
            dates(
                "The vote came Friday, and last Friday the talks.",
                "2017-03-03"
            ),
            pairs(&[("Friday", "2017-03-03"), ("last Friday", "2017-02-24")])
        );
    }

    #[test]
    fn may_the_verb_and_may_the_name_are_not_months() {
        assert_eq!(
            dates("Officials may decide. Theresa May spoke.", "2017-03-03"),
            pairs(&[])
        );
        assert_eq!(
            dates("It ended in May and on May 4, 2016.", "2017-03-03"),
            pairs(&[("in May", "2016-05"), ("on May 4, 2016", "2016-05-04")])
        );
    }

    #[test]
    fn this_monday_and_next_monday_differ() {
        // Published Wednesday 2017-03-01.
        assert_eq!(
            dates(
                "They met this Monday and meet again next Monday.",
                "2017-03-01"
            ),
            pairs(&[("this Monday", "2017-02-27"), ("next Monday", "2017-03-06")])
        );
    }

    #[test]
    fn relative_words_periods_and_seasons_resolve_at_their_precision() {
        assert_eq!(
            dates(
                "Since Wednesday, the panel met. Since the news broke Wednesday night, more. It grew last month, last week, since 2019, between June and August of 2024 and last summer.",
                "2017-03-02"
            ),
            pairs(&[
                ("Since Wednesday", "2017-03-01"),
                ("Since the news broke Wednesday night", "2017-03-01"),
                ("last month", "2017-02"),
                ("last week", "2017-02"),
                ("since 2019", "2019"),
                ("between June and August of 2024", "2024-06"),
                ("last summer", "2016"),
            ])
        );
    }

    #[test]
    fn explicit_dates_keep_their_own_year() {
        assert_eq!(
            dates(
                "Sworn in Feb. 9, 2017, and again in July 2016 and in December.",
                "2017-03-02"
            ),
            pairs(&[
                ("in Feb. 9, 2017", "2017-02-09"),
                ("in July 2016", "2016-07"),
                ("in December", "2016-12")
            ])
        );
    }
}
