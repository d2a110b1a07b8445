//! Dates as news stories give them: at a precision (a day, a month or a year) and often in
//! words relative to when the story was published ("Wednesday", "last month", "in January").
//!
//! `resolve` turns such words into a [`PartialDate`] against the publication date, so the app can
//! show both the words and what they mean, and a reader can check the resolution. Nothing here
//! knows about the browser.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;

/// How much of a date the story actually states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date known to a [`Precision`]: `2016`, `2016-07` or `2017-03-01`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    /// 1–12 when the precision is month or day.
    pub month: Option<u8>,
    /// 1–31 when the precision is day.
    pub day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

impl PartialDate {
    pub fn year(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    pub fn month(year: i32, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self {
            year,
            month: Some(month),
            day: None,
        })
    }

    pub fn day(year: i32, month: u8, day: u8) -> Option<Self> {
        (1..=12)
            .contains(&month)
            .then_some(())
            .filter(|_| day >= 1 && day <= days_in_month(year, month))
            .map(|_| Self {
                year,
                month: Some(month),
                day: Some(day),
            })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Parses the ISO forms `YYYY`, `YYYY-MM` and `YYYY-MM-DD`, the same forms [`Self::iso`] writes.
    pub fn parse_iso(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let year = parse_number(parts.next()?, 4)?;
        let Some(month) = parts.next() else {
            return Some(Self::year(year));
        };
        let month = u8::try_from(parse_number(month, 2)?).ok()?;
        let Some(day) = parts.next() else {
            return Self::month(year, month);
        };
        let day = u8::try_from(parse_number(day, 2)?).ok()?;
        if parts.next().is_some() {
            return None;
        }
        Self::day(year, month, day)
    }

    /// The value for `<time datetime>`, at the date's true precision.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// The first day this date covers, for ordering dates of mixed precision.
    pub fn start(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The first and last day this date covers, as day numbers, for overlap tests.
    pub fn day_bounds(&self) -> (i64, i64) {
        let (y, m, d) = self.start();
        let first = days_from_civil(y, m, d);
        let last = match (self.month, self.day) {
            (Some(_), Some(_)) => first,
            (Some(m), None) => first + i64::from(days_in_month(y, m)) - 1,
            _ => days_from_civil(y, 12, 31),
        };
        (first, last)
    }

    /// The day of the week of a day-precision date, 0 for Monday.
    pub fn weekday_index(&self) -> Option<usize> {
        let (y, m, d) = (self.year, self.month?, self.day?);
        Some(days_from_civil(y, m, d).rem_euclid(7) as usize)
    }

    /// The day `delta` days after a day-precision date (before it when negative).
    pub fn plus_days(&self, delta: i64) -> Option<Self> {
        let (y, m, d) = civil_from_days(days_from_civil(self.year, self.month?, self.day?) + delta);
        Self::day(y, m, d)
    }
}

impl Ord for PartialDate {
    /// Earlier start first; at the same start the wider date (a month) before the narrower
    /// (its first day), so a month heading comes before the days in it.
    fn cmp(&self, other: &Self) -> Ordering {
        self.start()
            .cmp(&other.start())
            .then(self.precision().cmp(&other.precision()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    /// News style: `2016`, `July 2016`, `March 1, 2017`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{} {d}, {}", MONTHS[usize::from(m) - 1], self.year),
            (Some(m), None) => write!(f, "{} {}", MONTHS[usize::from(m) - 1], self.year),
            _ => write!(f, "{}", self.year),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse_iso(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
            ))
        })
    }
}

/// How an article may print `date` ("March 2, 2017", "Mar. 2, 2017", "2 March 2017",
/// "2017-03-02"; "March 2017"; "2017"), to tell whether it states its own publication date.
pub fn written_forms(date: PartialDate) -> Vec<String> {
    let year = date.year;
    match (date.month, date.day) {
        (Some(m), Some(d)) => {
            let name = MONTHS[usize::from(m) - 1];
            vec![
                format!("{name} {d}, {year}"),
                format!("{}. {d}, {year}", &name[..3]),
                format!("{d} {name} {year}"),
                date.iso(),
            ]
        }
        (Some(m), None) => vec![format!("{} {year}", MONTHS[usize::from(m) - 1])],
        _ => vec![year.to_string()],
    }
}

/// Whether words date a moment or bound an open period: "since Wednesday" means from that day
/// on (up to publication, as far as the article knows), not on that day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Extent {
    #[default]
    At,
    /// "since …", "from …": the date and every day after it, to publication.
    From,
    /// "until …", "till …": up to and including the date.
    Until,
}

/// The [`Extent`] the words give their date, from their first word.
pub fn extent(words: &str) -> Extent {
    let first = words.split_whitespace().next().unwrap_or("");
    match first.to_ascii_lowercase().as_str() {
        "since" | "from" => Extent::From,
        "until" | "till" => Extent::Until,
        _ => Extent::At,
    }
}

/// The first and last day a date covers at its extent, as day numbers: an open period runs
/// from its date to the end of the publication date, or up to its date from any time before.
pub fn extent_bounds(date: PartialDate, extent: Extent, published: PartialDate) -> (i64, i64) {
    let (first, last) = date.day_bounds();
    match extent {
        Extent::At => (first, last),
        Extent::From => (first, published.day_bounds().1.max(last)),
        Extent::Until => (i64::MIN, last),
    }
}

/// Resolves the words a story uses for a date against the day it was published.
///
/// Understood: weekdays ("Wednesday", "Thursday morning": the latest such day on or before
/// publication), "last month", "this month", "last year", "this year", month names with or
/// without a day and year ("in January", "Feb. 9, 2017", "July 2016"; a month without a year is
/// the latest such month not after publication), bare years and ISO dates. Leading "in", "on",
/// "since", "from", "until", "till", "during", "by", "early", "late" and trailing parts of a day
/// are ignored here; [`extent`] reads what "since" and "until" say.
/// Returns `None` for anything else, so the caller can ask the editor for an explicit date.
pub fn resolve(words: &str, published: PartialDate) -> Option<PartialDate> {
    let cleaned = normalize(words);
    let tokens: Vec<&str> = cleaned.split_whitespace().collect();
    let resolved = match tokens.as_slice() {
        [] => None,
        ["last", "month"] => shift_month(published, -1),
        ["this", "month"] => shift_month(published, 0),
        ["last", "year"] => Some(PartialDate::year(published.year - 1)),
        ["this", "year"] => Some(PartialDate::year(published.year)),
        [one] if weekday(one).is_some() => latest_weekday(weekday(one)?, published),
        [one] if one.chars().all(|c| c.is_ascii_digit() || c == '-') => PartialDate::parse_iso(one),
        [month, rest @ ..] if month_number(month).is_some() => {
            month_phrase(month_number(month)?, rest, published)
        }
        _ => None,
    };
    // Only years a date can be written with (found by fuzzing: "Sept." against a publication in
    // May of year 0 fell in year −1).
    resolved.filter(|d| (0..=9999).contains(&d.year))
}

fn normalize(words: &str) -> String {
    const LEADING: [&str; 10] = [
        "in", "on", "since", "from", "until", "till", "during", "by", "early", "late",
    ];
    const TRAILING: [&str; 5] = ["morning", "afternoon", "evening", "night", "night,"];
    let lower = words.to_ascii_lowercase().replace([',', '.'], " ");
    let mut tokens: Vec<&str> = lower.split_whitespace().collect();
    while tokens.first().is_some_and(|t| LEADING.contains(t)) {
        tokens.remove(0);
    }
    while tokens.len() > 1 && tokens.last().is_some_and(|t| TRAILING.contains(t)) {
        tokens.pop();
    }
    tokens.join(" ")
}

fn month_phrase(month: u8, rest: &[&str], published: PartialDate) -> Option<PartialDate> {
    let numbers: Option<Vec<i32>> = rest.iter().map(|t| t.parse::<i32>().ok()).collect();
    match numbers?.as_slice() {
        [] => latest_month(month, published),
        [year] if (1000..=9999).contains(year) => PartialDate::month(*year, month),
        [day] if *day <= 31 => {
            let base = latest_month(month, published)?;
            PartialDate::day(base.year, month, u8::try_from(*day).ok()?)
        }
        [day, year] => PartialDate::day(*year, month, u8::try_from(*day).ok()?),
        _ => None,
    }
}

fn weekday(token: &str) -> Option<usize> {
    WEEKDAYS.iter().position(|w| *w == token)
}

fn month_number(token: &str) -> Option<u8> {
    // Full names and the abbreviations newsrooms use ("Feb.", "Sept."); at least three letters.
    MONTHS
        .iter()
        .position(|m| token.len() >= 3 && m.to_ascii_lowercase().starts_with(token))
        .and_then(|i| u8::try_from(i + 1).ok())
}

fn latest_weekday(target: usize, published: PartialDate) -> Option<PartialDate> {
    let today = published.weekday_index()?;
    let back = (today + 7 - target) % 7;
    published.plus_days(-(back as i64))
}

fn latest_month(month: u8, published: PartialDate) -> Option<PartialDate> {
    let pub_month = published.month?;
    let year = if month <= pub_month {
        published.year
    } else {
        published.year - 1
    };
    PartialDate::month(year, month)
}

fn shift_month(published: PartialDate, delta: i32) -> Option<PartialDate> {
    let index = published.year * 12 + i32::from(published.month?) - 1 + delta;
    PartialDate::month(
        index.div_euclid(12),
        u8::try_from(index.rem_euclid(12) + 1).ok()?,
    )
}

fn parse_number(text: &str, width: usize) -> Option<i32> {
    (text.len() == width && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok())?
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (a Thursday), after Howard Hinnant's `days_from_civil`; shifted so
/// that `rem_euclid(7)` gives 0 for Monday.
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468 + 3
}

fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days - 3 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> PartialDate {
        PartialDate::parse_iso(text).unwrap()
    }

    #[test]
    fn resolutions_stay_within_the_years_a_date_can_be_written_with() {
        assert_eq!(resolve("Sept.", day("0000-05-10")), None);
        assert_eq!(resolve("last year", day("0000-05-10")), None);
        assert_eq!(resolve("last month", day("0000-01-10")), None);
        assert_eq!(resolve("Sept.", day("2017-05-10")), Some(day("2016-09")));
    }

    #[test]
    fn since_and_until_open_a_period_that_ends_or_starts_at_publication() {
        let thursday = day("2017-03-02");
        assert_eq!(extent("Since Wednesday"), Extent::From);
        assert_eq!(extent("since the news broke Wednesday night"), Extent::From);
        assert_eq!(extent("until last month"), Extent::Until);
        assert_eq!(extent("Wednesday"), Extent::At);
        assert_eq!(extent(""), Extent::At);
        assert_eq!(resolve("until last month", thursday), Some(day("2017-02")));
        let wednesday = day("2017-03-01");
        let (first, last) = wednesday.day_bounds();
        assert_eq!(
            extent_bounds(wednesday, Extent::At, thursday),
            (first, last)
        );
        assert_eq!(
            extent_bounds(wednesday, Extent::From, thursday),
            (first, last + 1),
            "from Wednesday runs to the end of Thursday, the publication day"
        );
        assert_eq!(
            extent_bounds(wednesday, Extent::Until, thursday),
            (i64::MIN, last)
        );
    }

    #[test]
    fn weekdays_resolve_to_the_latest_such_day_on_or_before_publication() {
        let thursday = day("2017-03-02");
        assert_eq!(resolve("Wednesday", thursday), Some(day("2017-03-01")));
        assert_eq!(
            resolve("Wednesday night", thursday),
            Some(day("2017-03-01"))
        );
        assert_eq!(
            resolve("Since Wednesday", thursday),
            Some(day("2017-03-01"))
        );
        assert_eq!(resolve("Friday", thursday), Some(day("2017-02-24")));
    }

    #[test]
    fn a_weekday_on_the_publication_day_itself_is_that_day() {
        let thursday = day("2017-03-02");
        assert_eq!(resolve("Thursday", thursday), Some(thursday));
        assert_eq!(resolve("Thursday morning", thursday), Some(thursday));
    }

    #[test]
    fn weekdays_cross_month_and_year_boundaries() {
        // 2017-01-02 was a Monday.
        assert_eq!(
            resolve("Saturday", day("2017-01-02")),
            Some(day("2016-12-31"))
        );
        assert_eq!(
            resolve("Wednesday", day("2016-03-01")),
            Some(day("2016-02-24"))
        );
    }

    #[test]
    fn last_month_in_january_is_december_of_the_year_before() {
        assert_eq!(
            resolve("last month", day("2017-01-15")),
            Some(day("2016-12"))
        );
        assert_eq!(
            resolve("last month", day("2017-03-02")),
            Some(day("2017-02"))
        );
        assert_eq!(
            resolve("this month", day("2017-03-02")),
            Some(day("2017-03"))
        );
    }

    #[test]
    fn a_month_without_a_year_is_the_latest_such_month_not_after_publication() {
        let published = day("2017-03-02");
        assert_eq!(resolve("in January", published), Some(day("2017-01")));
        assert_eq!(resolve("in December", published), Some(day("2016-12")));
        assert_eq!(resolve("July", published), Some(day("2016-07")));
        assert_eq!(resolve("in March", published), Some(day("2017-03")));
    }

    #[test]
    fn explicit_dates_keep_their_own_precision() {
        let published = day("2017-03-02");
        assert_eq!(resolve("Feb. 9, 2017", published), Some(day("2017-02-09")));
        assert_eq!(resolve("Sept. 8, 2016", published), Some(day("2016-09-08")));
        assert_eq!(resolve("July 2016", published), Some(day("2016-07")));
        assert_eq!(resolve("in 2016", published), Some(day("2016")));
        assert_eq!(resolve("2016-09-08", published), Some(day("2016-09-08")));
    }

    #[test]
    fn words_that_are_not_a_date_do_not_resolve() {
        let published = day("2017-03-02");
        for words in [
            "",
            "during the height of the campaign",
            "soon",
            "Feb. 30, 2017",
            "May 40",
        ] {
            assert_eq!(resolve(words, published), None, "{words}");
        }
    }

    #[test]
    fn iso_round_trips_at_every_precision() {
        for text in ["2016", "2016-07", "2017-03-01", "2000-02-29"] {
            assert_eq!(day(text).iso(), text);
        }
        for bad in [
            "2017-13",
            "2017-02-29",
            "17-01-01",
            "2017-1-01",
            "2017-01-01-01",
            "x",
        ] {
            assert_eq!(PartialDate::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn mixed_precisions_order_by_start_then_wider_first() {
        let mut dates = [
            day("2017-03-01"),
            day("2016"),
            day("2017-03"),
            day("2016-12"),
        ];
        dates.sort();
        let isos: Vec<String> = dates.iter().map(PartialDate::iso).collect();
        assert_eq!(isos, ["2016", "2016-12", "2017-03", "2017-03-01"]);
    }

    #[test]
    fn day_bounds_cover_the_whole_precision() {
        let (a, b) = day("2016-02").day_bounds();
        assert_eq!(b - a, 28, "February 2016 has 29 days");
        let (a, b) = day("2016").day_bounds();
        assert_eq!(b - a, 365);
        let (a, b) = day("2017-03-01").day_bounds();
        assert_eq!(a, b);
        assert_eq!(day("2017-03").day_bounds().0, a);
    }

    #[test]
    fn display_is_news_style() {
        assert_eq!(day("2017-03-01").to_string(), "March 1, 2017");
        assert_eq!(day("2016-07").to_string(), "July 2016");
        assert_eq!(day("2016").to_string(), "2016");
    }

    #[test]
    fn day_arithmetic_agrees_with_known_weekdays() {
        // 1970-01-01 Thursday, 2000-02-29 Tuesday, 2017-03-01 Wednesday.
        assert_eq!(day("1970-01-01").weekday_index(), Some(3));
        assert_eq!(day("2000-02-29").weekday_index(), Some(1));
        assert_eq!(day("2017-03-01").weekday_index(), Some(2));
        assert_eq!(day("2017-03-01").plus_days(-1), Some(day("2017-02-28")));
    }
}
