//! The words and choices the search and filter panel shows, derived from the query and its
//! results: shared by the live panel and the pre-rendered first view, so both say the same.

use crate::views::cards::{Card, CardKind, Dated};
use story_core::dates::Extent;
use story_core::story::Story;

/// The result line under the search box, announced to screen readers.
pub fn status(shown: usize, total: usize, query_is_empty: bool) -> String {
    match (shown, query_is_empty) {
        (_, true) => format!("Showing all {total} items"),
        (0, false) => "No items match the search and filters".to_owned(),
        (n, false) => format!("{n} of {total} items match"),
    }
}

/// What a view of one kind of item says when it has none to show. The count above it is of every
/// kind: when items match but none is of this kind, it says so, rather than "no match" under
/// "2 of 58 items match".
pub fn none_here(plural: &str, one: &str, matching: usize) -> String {
    match matching {
        0 => format!("No {plural} match the search and filters."),
        1 => format!("The one matching item is not {one}."),
        n => format!("None of the {n} matching items is {one}."),
    }
}

/// What the dates leave out that a reader would not guess: everything, when "from" is after "to";
/// the items that have no date at all. Said after the result line.
pub fn date_note(query: &crate::views::query::Query, undated: usize) -> Option<String> {
    if let (Some(from), Some(to)) = (query.from, query.to) {
        if from.day_bounds().0 > to.day_bounds().1 {
            return Some(format!(
                "The “from” date ({}) is after the “to” date ({}), so nothing can fall between them.",
                from.iso(),
                to.iso()
            ));
        }
    }
    (undated > 0).then(|| {
        let verb = if undated == 1 { "is" } else { "are" };
        format!(
            "{} without a date {verb} left out by the dates.",
            super::count(undated, "item", "items")
        )
    })
}

/// The filters disclosure's label: how many filters are on.
pub fn filters_summary(active: usize) -> String {
    if active > 0 {
        format!("Filters ({active} active)")
    } else {
        "Filters".to_owned()
    }
}

/// "on the record" → "On the record".
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| {
            std::iter::once(c.to_ascii_uppercase())
                .chain(chars)
                .collect()
        })
        .unwrap_or_default()
}

/// The most entities the "Involving" list offers.
pub const MAX_INVOLVING: usize = 100;

/// The entities a reader can pick, as (entity index, count): those involved in something the
/// other filters leave, most involved first, at most [`MAX_INVOLVING`] so the list stays usable
/// (and fast) in huge stories; the current choice is always kept. Sorted by name.
pub fn involving_options(story: &Story, counts: &[usize], current: &str) -> Vec<(usize, usize)> {
    let mut options: Vec<(usize, usize)> = counts
        .iter()
        .copied()
        .enumerate()
        .filter(|&(_, n)| n > 0)
        .collect();
    story_core::order::sort_by_key(&mut options, |&(slot, n)| (std::cmp::Reverse(n), slot));
    options.truncate(MAX_INVOLVING);
    if let Some(slot) = story.entities().iter().position(|e| e.id == current) {
        if !options.iter().any(|&(s, _)| s == slot) {
            options.push((slot, counts.get(slot).copied().unwrap_or(0)));
        }
    }
    story_core::order::sort_by_key(&mut options, |&(slot, _)| {
        story_core::fold::fold(&story.entities()[slot].name)
    });
    options
}

/// A card's heading: quoted words in quotation marks, anything else as it is.
pub fn card_title(card: &Card) -> String {
    if card.kind == CardKind::Quote {
        format!("“{}”", card.title)
    } else {
        card.title.clone()
    }
}

/// How the article words a date, shown after the date when the words differ from it:
/// ` (“Wednesday”)`.
pub fn date_words(dated: &Dated) -> Option<String> {
    (dated.words != dated.date.to_string()).then(|| format!(" (“{}”)", dated.words))
}

/// What goes before an open-ended date: "from March 1, 2017", "until February 2017".
pub fn extent_word(extent: Extent) -> &'static str {
    match extent {
        Extent::At => "",
        Extent::From => "from ",
        Extent::Until => "until ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    #[test]
    fn a_view_with_nothing_to_show_says_whether_other_items_match() {
        assert_eq!(
            none_here("dated events", "a dated event", 0),
            "No dated events match the search and filters."
        );
        assert_eq!(
            none_here("claims", "a claim", 1),
            "The one matching item is not a claim."
        );
        assert_eq!(
            none_here("dated events", "a dated event", 2),
            "None of the 2 matching items is a dated event."
        );
    }

    #[test]
    fn status_says_what_is_shown() {
        assert_eq!(status(5, 80, true), "Showing all 80 items");
        assert_eq!(
            status(0, 80, false),
            "No items match the search and filters"
        );
        assert_eq!(status(3, 80, false), "3 of 80 items match");
        use crate::views::query::Query;
        use story_core::dates::PartialDate;
        let mut q = Query {
            from: PartialDate::month(2017, 3),
            to: PartialDate::month(2016, 12),
            ..Default::default()
        };
        assert_eq!(
            date_note(&q, 4).as_deref(),
            Some("The “from” date (2017-03) is after the “to” date (2016-12), so nothing can fall between them.")
        );
        q.to = PartialDate::month(2017, 3);
        assert_eq!(
            date_note(&q, 4).as_deref(),
            Some("4 items without a date are left out by the dates.")
        );
        assert_eq!(
            date_note(&q, 1).as_deref(),
            Some("1 item without a date is left out by the dates.")
        );
        assert_eq!(date_note(&q, 0), None);
        assert_eq!(filters_summary(0), "Filters");
        assert_eq!(filters_summary(2), "Filters (2 active)");
        assert_eq!(capitalize("on the record"), "On the record");
        assert_eq!(capitalize(""), "");
    }

    #[test]
    fn involving_lists_the_most_involved_by_name_and_keeps_the_choice() {
        let story = bundled::load().unwrap();
        let n = story.entities().len();
        let mut counts = vec![0; n];
        counts[0] = 1;
        counts[1] = 5;
        let options = involving_options(&story, &counts, "");
        assert_eq!(options.len(), 2);
        let names: Vec<&str> = options
            .iter()
            .map(|&(i, _)| story.entities()[i].name.as_str())
            .collect();
        let mut sorted = names.clone();
        sorted.sort_by_key(|s| story_core::fold::fold(s));
        assert_eq!(names, sorted);
        let chosen = story.entities()[n - 1].id.clone();
        let kept = involving_options(&story, &counts, &chosen);
        assert!(
            kept.contains(&(n - 1, 0)),
            "an uninvolved current choice stays"
        );
    }
}
