//! The timeline: events by month on two lanes — what happened, and when it was reported or
//! reacted to. Months without events between two that have them are compressed into one visible
//! gap row, never dropped silently. An event known only to the month (or year) spans its row; an
//! event known to the day is a point in it.

use story_core::dates::{Extent, PartialDate, Precision};
use story_core::story::{Story, Track};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Index into `story.events()`.
    pub event: usize,
    pub date: PartialDate,
    /// The article's own words for the date.
    pub words: String,
    /// On the date, or from it on ("since Wednesday").
    pub extent: Extent,
}

impl Entry {
    /// A month- or year-precision event covers its whole row rather than a point in it.
    pub fn spans(&self) -> bool {
        self.date.precision() != Precision::Day
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    /// A month (or, for year-precision events, a year) with its events in date order.
    Period {
        period: PartialDate,
        happened: Vec<Entry>,
        reported: Vec<Entry>,
    },
    /// Months with no events, compressed: `months` of them, from `from` to `to` inclusive.
    Gap {
        months: u32,
        from: PartialDate,
        to: PartialDate,
    },
}

/// The timeline of `events` (indices into `story.events()`), e.g. those the filters leave.
pub fn timeline(story: &Story, events: &[usize]) -> Vec<Row> {
    let mut entries: Vec<(Track, Entry)> = events
        .iter()
        .filter_map(|&i| {
            let e = story.events().get(i)?;
            Some((
                e.track,
                Entry {
                    event: i,
                    date: e.on()?,
                    words: e.when.clone(),
                    extent: e.extent(),
                },
            ))
        })
        .collect();
    story_core::order::sort_by(&mut entries, |a, b| {
        a.1.date.cmp(&b.1.date).then(a.1.event.cmp(&b.1.event))
    });

    let mut rows: Vec<Row> = Vec::new();
    for (track, entry) in entries {
        let period = period_of(entry.date);
        let same = matches!(rows.last(), Some(Row::Period { period: p, .. }) if *p == period);
        if !same {
            if let Some(Row::Period { period: last, .. }) = rows.last() {
                if let Some(gap) = gap_between(*last, period) {
                    rows.push(gap);
                }
            }
            rows.push(Row::Period {
                period,
                happened: Vec::new(),
                reported: Vec::new(),
            });
        }
        if let Some(Row::Period {
            happened, reported, ..
        }) = rows.last_mut()
        {
            match track {
                Track::Happened => happened.push(entry),
                Track::Reported => reported.push(entry),
            }
        }
    }
    rows
}

/// The row a date belongs to: its month, or its year when only the year is known.
fn period_of(date: PartialDate) -> PartialDate {
    match date.month {
        Some(m) => PartialDate::month(date.year, m).unwrap_or(PartialDate::year(date.year)),
        None => PartialDate::year(date.year),
    }
}

fn month_index(date: PartialDate) -> i64 {
    i64::from(date.year) * 12 + i64::from(date.month.unwrap_or(1)) - 1
}

fn from_index(index: i64) -> Option<PartialDate> {
    PartialDate::month(
        i32::try_from(index.div_euclid(12)).ok()?,
        u8::try_from(index.rem_euclid(12) + 1).ok()?,
    )
}

/// The row that shows event `id`, where its detail goes when it opens in place.
pub fn row_of(story: &Story, rows: &[Row], id: &str) -> Option<usize> {
    rows.iter().position(|row| match row {
        Row::Period {
            happened, reported, ..
        } => happened
            .iter()
            .chain(reported)
            .any(|e| story.events().get(e.event).is_some_and(|e| e.id == id)),
        Row::Gap { .. } => false,
    })
}

/// The empty months strictly between two periods, if any.
fn gap_between(earlier: PartialDate, later: PartialDate) -> Option<Row> {
    let last_of_earlier = match earlier.month {
        Some(_) => month_index(earlier),
        None => i64::from(earlier.year) * 12 + 11,
    };
    let first = last_of_earlier + 1;
    let last = month_index(later) - 1;
    (last >= first).then(|| Row::Gap {
        months: u32::try_from(last - first + 1).unwrap_or(u32::MAX),
        from: from_index(first).unwrap_or(earlier),
        to: from_index(last).unwrap_or(later),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    fn all(story: &Story) -> Vec<usize> {
        (0..story.events().len()).collect()
    }

    fn summary(story: &Story, rows: &[Row]) -> Vec<String> {
        rows.iter()
            .map(|row| match row {
                Row::Gap { months, from, to } => {
                    format!("gap {months}: {}..{}", from.iso(), to.iso())
                }
                Row::Period {
                    period,
                    happened,
                    reported,
                } => {
                    let ids = |v: &Vec<Entry>| {
                        v.iter()
                            .map(|e| story.events()[e.event].id.as_str())
                            .collect::<Vec<_>>()
                            .join(",")
                    };
                    format!("{} | {} | {}", period.iso(), ids(happened), ids(reported))
                }
            })
            .collect()
    }

    #[test]
    fn an_event_is_found_in_the_month_that_shows_it_and_nothing_else_is() {
        let story = bundled::load().unwrap();
        let rows = timeline(&story, &all(&story));
        for (n, event) in story.events().iter().enumerate() {
            let at = row_of(&story, &rows, &event.id).expect("every event has its month");
            let Row::Period {
                happened, reported, ..
            } = &rows[at]
            else {
                panic!("{} in a gap", event.id)
            };
            assert!(happened.iter().chain(reported).any(|e| e.event == n));
        }
        assert_eq!(
            row_of(&story, &rows, "jeff-sessions"),
            None,
            "an entity has no month"
        );
        assert_eq!(row_of(&story, &rows, "no-such-item"), None);
    }

    #[test]
    fn the_seed_story_has_each_month_in_order_with_gaps_compressed() {
        let story = bundled::load().unwrap();
        let rows = timeline(&story, &all(&story));
        assert_eq!(
            summary(&story, &rows),
            [
                "2016-07 | meeting-july | ",
                "gap 1: 2016-08..2016-08",
                "2016-09 | meeting-september | ",
                "gap 2: 2016-10..2016-11",
                "2016-12 | intelligence-conclusion | ",
                "2017-01 | confirmation-hearing | ",
                "2017-02 | flynn-resigns,sworn-in | ",
                "2017-03 |  | post-report,sessions-denies-in-statement,democrats-call-for-recusal,committee-members-react,peskov-comments,mccaskill-statement",
            ]
        );
    }

    #[test]
    fn month_events_span_their_row_and_day_events_are_points() {
        let story = bundled::load().unwrap();
        let rows = timeline(&story, &all(&story));
        let Row::Period { happened, .. } = &rows[6] else {
            panic!("February 2017")
        };
        assert!(
            happened[0].spans(),
            "Flynn resigned “last month”: the whole of February"
        );
        assert!(!happened[1].spans(), "sworn in on Feb. 9, 2017");
        assert_eq!(happened[0].words, "last month");
    }

    #[test]
    fn filtered_events_only_and_nothing_when_none() {
        let story = bundled::load().unwrap();
        assert!(timeline(&story, &[]).is_empty());
        let one = story
            .events()
            .iter()
            .position(|e| e.id == "sworn-in")
            .unwrap();
        assert_eq!(
            summary(&story, &timeline(&story, &[one])),
            ["2017-02 | sworn-in | "]
        );
    }

    #[test]
    fn gaps_cross_years_and_year_precision_rows_sit_before_their_months() {
        let d = |s| PartialDate::parse_iso(s).unwrap();
        assert_eq!(
            gap_between(d("2016-11"), d("2017-02")),
            Some(Row::Gap {
                months: 2,
                from: d("2016-12"),
                to: d("2017-01")
            })
        );
        assert_eq!(gap_between(d("2016-11"), d("2016-12")), None);
        assert_eq!(gap_between(d("2015"), d("2016-01")), None);
        assert_eq!(period_of(d("2016-07-14")), d("2016-07"));
    }
}
