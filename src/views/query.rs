//! Filters, search and facet counts over a story's cards.
//!
//! A [`SearchIndex`] is built once per story: for every card, its kind, the sides of its actors,
//! every entity it involves, its dates, its sourcing and every text the views print for it,
//! folded (`Context::texts` says which, and why not the article's sentence). [`run`]
//! then answers a [`Query`] in one pass, with the count each facet value would leave, so the
//! counts shown beside each filter always match what selecting it shows.

use crate::views::cards::{event_date, Card, CardKind, Dated};
use crate::views::mentions::{self, Mention};
use crate::views::panel_labels::card_title;
use std::ops::Range;
use story_core::dates::PartialDate;
use story_core::fold;
use story_core::set::SortedSet;
use story_core::story::{ItemRef, Sourcing, Story};

pub const SOURCINGS: [Sourcing; 4] = [
    Sourcing::OnRecord,
    Sourcing::Anonymous,
    Sourcing::OfficialStatement,
    Sourcing::ReportedByOutlet,
];

/// What the reader asked for. Within a facet, values combine with "or"; facets combine with "and".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub kinds: SortedSet<CardKind>,
    /// Side ids.
    pub sides: SortedSet<String>,
    /// An entity id: items that mention or connect to it.
    pub involving: Option<String>,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    pub sourcing: SortedSet<Sourcing>,
    pub text: String,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        *self == Query::default()
    }

    /// The number of active filters, search included.
    pub fn active_count(&self) -> usize {
        self.kinds.len()
            + self.sides.len()
            + self.sourcing.len()
            + usize::from(self.involving.is_some())
            + usize::from(self.from.is_some())
            + usize::from(self.to.is_some())
            + usize::from(!self.text.trim().is_empty())
    }
}

/// One card as the query sees it, built by [`Context::entry`] and then packed into the index.
struct Built {
    kind: CardKind,
    sides: Vec<usize>,
    involves: Vec<usize>,
    days: Option<(i64, i64)>,
    sourcing: Option<Sourcing>,
    haystack: String,
}

/// A packed entry: its sides, involved entities and folded text are ranges of arrays the whole
/// index shares, so a query reads memory in order instead of chasing three allocations per card
/// (at 50,000 items that was most of a query's time). Offsets and days are 32-bit: a query is a
/// pass over every entry, and at 50,000 items one half the size stays in the processor's cache.
struct Entry {
    kind: CardKind,
    sourcing: Option<Sourcing>,
    sides: Range<u32>,
    involves: Range<u32>,
    days: Option<(i32, i32)>,
    haystack: Range<u32>,
}

pub struct SearchIndex {
    entries: Vec<Entry>,
    /// Side and entity slots of every entry, back to back.
    slots: Vec<u32>,
    /// The folded text of every entry, back to back.
    text: String,
    side_ids: Vec<String>,
    entity_ids: Vec<String>,
}

/// The items a query leaves, and what each facet value would leave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Results {
    /// Indices into the cards the index was built from, in their order.
    pub items: Vec<usize>,
    /// Per [`CardKind::ALL`] position.
    pub kinds: [usize; 7],
    /// Per side, in story order.
    pub sides: Vec<usize>,
    /// Per entity, in story order.
    pub involving: Vec<usize>,
    /// Per [`SOURCINGS`] position.
    pub sourcing: [usize; 4],
    /// Items every other filter and the words keep but the dates leave out, having none.
    pub undated: usize,
}

fn kind_slot(kind: CardKind) -> usize {
    CardKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

fn sourcing_slot(sourcing: Sourcing) -> usize {
    SOURCINGS.iter().position(|s| *s == sourcing).unwrap_or(0)
}

impl SearchIndex {
    /// Indexes `cards` (as made by [`crate::views::cards::cards`]) of `story`, whose mentions
    /// (as made by [`mentions::mentions`], which the reader view shares) are `all_mentions`.
    pub fn new(story: &Story, cards: &[Card], all_mentions: &[Mention]) -> Self {
        let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); story.entities().len()];
        for r in story.relationships() {
            if let (Some(a), Some(b)) = (entity_slot(story, &r.from), entity_slot(story, &r.to)) {
                neighbours[a].push(b);
                neighbours[b].push(a);
            }
        }
        let ctx = Context {
            story,
            mentions: all_mentions,
            neighbours,
        };
        let (mut slots, mut text) = (Vec::new(), String::new());
        let mut place = |values: &[usize]| {
            let start = offset(slots.len());
            slots.extend(values.iter().map(|&v| offset(v)));
            start..offset(slots.len())
        };
        let mut entries = Vec::with_capacity(cards.len());
        for card in cards {
            let built = ctx.entry(card);
            let (sides, involves) = (place(&built.sides), place(&built.involves));
            let start = text.len();
            text.push_str(&built.haystack);
            entries.push(Entry {
                kind: built.kind,
                sourcing: built.sourcing,
                sides,
                involves,
                days: built.days.map(|(a, b)| (day32(a), day32(b))),
                haystack: offset(start)..offset(text.len()),
            });
        }
        Self {
            entries,
            slots,
            text,
            side_ids: story.sides().iter().map(|s| s.id.clone()).collect(),
            entity_ids: story.entities().iter().map(|e| e.id.clone()).collect(),
        }
    }

    fn sides(&self, entry: &Entry) -> &[u32] {
        &self.slots[span(&entry.sides)]
    }

    fn involves(&self, entry: &Entry) -> &[u32] {
        &self.slots[span(&entry.involves)]
    }

    fn haystack(&self, entry: &Entry) -> &str {
        &self.text[span(&entry.haystack)]
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// An offset into the index's arrays. The wasm's whole memory is 4 GiB, so an index of a story
/// that loaded cannot reach it; saturating rather than wrapping keeps natively built tools safe.
fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn span(range: &Range<u32>) -> Range<usize> {
    range.start as usize..range.end as usize
}

/// A day number (days from 1970-01-01) in 32 bits; open ends (`i64::MIN`, `i64::MAX`) saturate,
/// which keeps every comparison the query makes.
fn day32(day: i64) -> i32 {
    day.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32
}

/// The position of entity `id` in the story's entities.
fn entity_slot(story: &Story, id: &str) -> Option<usize> {
    match story.find(id)? {
        ItemRef::Entity(i) => Some(i),
        _ => None,
    }
}

struct Context<'a> {
    story: &'a Story,
    mentions: &'a [Mention],
    neighbours: Vec<Vec<usize>>,
}

impl Context<'_> {
    fn slots<'b>(&self, ids: impl IntoIterator<Item = &'b String>) -> Vec<usize> {
        ids.into_iter()
            .filter_map(|id| entity_slot(self.story, id))
            .collect()
    }

    fn mentioned(&self, range: &std::ops::Range<usize>) -> impl Iterator<Item = usize> + '_ {
        mentions::within(self.mentions, range)
            .iter()
            .map(|m| m.entity)
    }

    fn sides_of(&self, actors: &[usize]) -> Vec<usize> {
        let sides = actors
            .iter()
            .filter_map(|&e| self.story.entities()[e].side.as_deref());
        let mut slots: Vec<usize> = sides
            .filter_map(|s| match self.story.find(s) {
                Some(ItemRef::Side(i)) => Some(i),
                _ => None,
            })
            .collect();
        story_core::order::sort(&mut slots);
        slots.dedup();
        slots
    }

    fn event_days(&self, id: Option<&String>) -> Option<(i64, i64)> {
        id.and_then(|id| self.story.event(id))
            .and_then(|e| self.story.event_days(e))
    }

    fn entry(&self, card: &Card) -> Built {
        let story = self.story;
        let item = story.find(&card.id);
        let (actors, mut involves, days, sourcing) = match item {
            Some(ItemRef::Entity(i)) => {
                let mut involves = vec![i];
                involves.extend(&self.neighbours[i]);
                (vec![i], involves, None, None)
            }
            Some(ItemRef::Quote(i)) => {
                let q = &story.quotes()[i];
                let actors = self.slots([&q.speaker]);
                let mut involves = self.slots([&q.speaker].into_iter().chain(&q.via));
                involves.extend(self.mentioned(&q.at.span));
                if let Some(event) = q.event.as_ref().and_then(|e| story.event(e)) {
                    involves.extend(self.slots(&event.participants));
                }
                (
                    actors,
                    involves,
                    self.event_days(q.event.as_ref()),
                    Some(q.sourcing),
                )
            }
            Some(ItemRef::Event(i)) => {
                let ev = &story.events()[i];
                let actors = self.slots(&ev.participants);
                let mut involves = actors.clone();
                involves.extend(self.mentioned(&ev.at.span));
                (actors, involves, story.event_days(ev), None)
            }
            Some(ItemRef::Claim(i)) => {
                let c = &story.claims()[i];
                let actors = self.slots([&c.claimant]);
                let mut involves = self.slots(
                    [&c.claimant]
                        .into_iter()
                        .chain(c.responses.iter().map(|r| &r.speaker)),
                );
                involves.extend(self.mentioned(&c.at.span));
                (actors, involves, self.event_days(c.event.as_ref()), None)
            }
            _ => (Vec::new(), Vec::new(), None, None),
        };
        story_core::order::sort(&mut involves);
        involves.dedup();
        Built {
            kind: card.kind,
            sides: self.sides_of(&actors),
            involves,
            days,
            sourcing,
            haystack: fold::fold(&self.texts(card, item)),
        }
    }

    /// Every text the views print for the item of `card`, one a line (a search term has no
    /// whitespace, so none matches across two texts): what its card says (the heading as shown,
    /// quoted words in their quotation marks; the subtitle; why a value is inferred; its date,
    /// as written and in the article's words), which is also all the timeline's row for an event
    /// and the graph's node for an entity say; what its detail adds (an entity's aliases, as
    /// listed there, and editor's note); and a claim's whole row in the claims view (its evidence
    /// notes and each response's stance, speaker, date, summary, inference and quoted words).
    /// The count and every view are derived from the same matches, so what a view shows for a
    /// search is exactly what is counted, and each counted item shows the words somewhere.
    ///
    /// Left out: labels every item of a kind carries ("Show in article", "Evidence", the lane
    /// names), and the article's sentence a card or row shows the item's words in. A sentence is
    /// context, not the item: one sentence is often the source of several items (a person, their
    /// quote, the event it was said at), and an entity's is one of its many mentions, so a word
    /// of it would bring in items that are not about that word — and the central claim, whose
    /// row shows eleven sentences, would match most searches. Nor could the card say why: it
    /// marks the search's words in its heading and subtitle, while its sentence carries its own
    /// mark, the item's words. The article view is where the sentences are read.
    fn texts(&self, card: &Card, item: Option<ItemRef>) -> String {
        let story = self.story;
        let mut text = String::new();
        let out = &mut text;
        line(out, &card_title(card));
        line(out, card.subtitle.as_deref().unwrap_or(""));
        line(out, card.inferred.as_deref().unwrap_or(""));
        dated(out, card.date.as_ref());
        match item {
            Some(ItemRef::Entity(i)) => {
                let e = &story.entities()[i];
                line(out, &e.aliases.join("; "));
                line(out, e.note.as_deref().unwrap_or(""));
            }
            Some(ItemRef::Claim(i)) => {
                let c = &story.claims()[i];
                for evidence in &c.evidence {
                    line(out, &evidence.note);
                }
                for r in &c.responses {
                    line(out, r.stance.label());
                    line(out, story.name_of(&r.speaker));
                    line(out, &r.summary);
                    line(out, r.inferred.as_deref().unwrap_or(""));
                    let event = r.event.as_ref().and_then(|e| story.event(e));
                    dated(out, event.and_then(event_date).as_ref());
                    for q in r.quotes.iter().filter_map(|q| story.quote(q)) {
                        line(out, &format!("“{}”", story.words(&q.at.span)));
                        line(out, q.inferred.as_deref().unwrap_or(""));
                    }
                }
            }
            _ => {}
        }
        text
    }
}

/// One text of an item's haystack, on its own line.
fn line(out: &mut String, words: &str) {
    out.push_str(words);
    out.push('\n');
}

/// A date as the views print it: the date, and the article's words for it.
fn dated(out: &mut String, date: Option<&Dated>) {
    if let Some(date) = date {
        line(out, &date.date.to_string());
        line(out, &date.words);
    }
}

/// Which of the query's filters an entry passes, one flag per facet.
struct Passes {
    kind: bool,
    side: bool,
    involving: bool,
    date: bool,
    sourcing: bool,
    text: bool,
}

struct Compiled {
    kinds: Vec<bool>,
    sides: Option<Vec<bool>>,
    involving: Option<Option<u32>>,
    days: Option<(i32, i32)>,
    sourcing: Vec<bool>,
    terms: Vec<String>,
}

fn compile(index: &SearchIndex, query: &Query) -> Compiled {
    let sides = (!query.sides.is_empty()).then(|| {
        index
            .side_ids
            .iter()
            .map(|id| query.sides.contains(id))
            .collect()
    });
    let involving = query
        .involving
        .as_ref()
        .map(|id| index.entity_ids.iter().position(|e| e == id).map(offset));
    let days = match (query.from, query.to) {
        (None, None) => None,
        (from, to) => Some((
            from.map_or(i32::MIN, |d| day32(d.day_bounds().0)),
            to.map_or(i32::MAX, |d| day32(d.day_bounds().1)),
        )),
    };
    Compiled {
        kinds: CardKind::ALL
            .iter()
            .map(|k| query.kinds.is_empty() || query.kinds.contains(k))
            .collect(),
        sides,
        involving,
        days,
        sourcing: SOURCINGS
            .iter()
            .map(|s| query.sourcing.is_empty() || query.sourcing.contains(s))
            .collect(),
        terms: fold::terms(&query.text),
    }
}

fn passes(index: &SearchIndex, entry: &Entry, q: &Compiled) -> Passes {
    Passes {
        kind: q.kinds[kind_slot(entry.kind)],
        side: q
            .sides
            .as_ref()
            .is_none_or(|wanted| index.sides(entry).iter().any(|&s| wanted[s as usize])),
        involving: match q.involving {
            None => true,
            Some(None) => false,
            Some(Some(e)) => index.involves(entry).binary_search(&e).is_ok(),
        },
        date: q
            .days
            .is_none_or(|(from, to)| entry.days.is_some_and(|(a, b)| a <= to && b >= from)),
        sourcing: q.sourcing.iter().all(|&on| on)
            || entry.sourcing.is_some_and(|s| q.sourcing[sourcing_slot(s)]),
        text: {
            let haystack = index.haystack(entry);
            q.terms.iter().all(|t| haystack.contains(t.as_str()))
        },
    }
}

/// Answers `query` over the index: the matching items and every facet's counts.
pub fn run(index: &SearchIndex, query: &Query) -> Results {
    let compiled = compile(index, query);
    let mut results = Results {
        items: Vec::new(),
        kinds: [0; 7],
        sides: vec![0; index.side_ids.len()],
        involving: vec![0; index.entity_ids.len()],
        sourcing: [0; 4],
        undated: 0,
    };
    for (i, entry) in index.entries.iter().enumerate() {
        let p = passes(index, entry, &compiled);
        if !p.date
            && entry.days.is_none()
            && p.text
            && p.kind
            && p.side
            && p.involving
            && p.sourcing
        {
            results.undated += 1;
        }
        let common = p.date && p.text;
        if !common {
            continue;
        }
        if p.side && p.involving && p.sourcing {
            results.kinds[kind_slot(entry.kind)] += 1;
        }
        if p.kind && p.involving && p.sourcing {
            index
                .sides(entry)
                .iter()
                .for_each(|&s| results.sides[s as usize] += 1);
        }
        if p.kind && p.side && p.sourcing {
            index
                .involves(entry)
                .iter()
                .for_each(|&e| results.involving[e as usize] += 1);
        }
        if p.kind && p.side && p.involving {
            if let Some(s) = entry.sourcing {
                results.sourcing[sourcing_slot(s)] += 1;
            }
        }
        if p.kind && p.side && p.involving && p.sourcing {
            results.items.push(i);
        }
    }
    results
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{bundled, views::cards::cards};

    fn seed() -> (Story, Vec<Card>) {
        let story = bundled::load().unwrap();
        let cards = cards(&story);
        (story, cards)
    }

    fn ids(cards: &[Card], results: &Results) -> Vec<String> {
        results.items.iter().map(|&i| cards[i].id.clone()).collect()
    }

    #[test]
    fn the_empty_query_leaves_everything() {
        let (story, cards) = seed();
        let index = SearchIndex::new(&story, &cards, &mentions::mentions(&story));
        assert_eq!(run(&index, &Query::default()).items.len(), cards.len());
    }

    #[test]
    fn search_matches_names_aliases_roles_and_quote_words_ignoring_case_and_accents() {
        let (story, cards) = seed();
        let index = SearchIndex::new(&story, &cards, &mentions::mentions(&story));
        let search = |text: &str| {
            ids(
                &cards,
                &run(
                    &index,
                    &Query {
                        text: text.into(),
                        ..Query::default()
                    },
                ),
            )
        };
        assert!(search("ZAKHAROVÁ").contains(&"maria-zakharova".to_owned()));
        assert!(search("armed forces").contains(&"armed-services-committee".to_owned()));
        assert!(search("spokeswoman").contains(&"maria-zakharova".to_owned()));
        assert!(
            search("kislyak's door").contains(&"staffer-kislyaks-door".to_owned()),
            "curly apostrophe"
        );
        assert!(search("recuse").contains(&"democrats-call-for-recusal".to_owned()));
        assert_eq!(search("no such words anywhere"), Vec::<String>::new());
    }

    #[test]
    fn search_matches_what_the_views_print_for_an_item_but_not_its_sentence() {
        let (story, cards) = seed();
        let index = SearchIndex::new(&story, &cards, &mentions::mentions(&story));
        let search = |text: &str| {
            let query = Query {
                text: text.into(),
                ..Query::default()
            };
            ids(&cards, &run(&index, &query))
        };
        // The claims view's row: a response's summary, its stance, a quote, an evidence note.
        assert_eq!(
            search("fake news"),
            ["zakharova-fake-news", "sessions-met-ambassador"]
        );
        assert_eq!(search("dismissal"), ["sessions-met-ambassador"]);
        assert!(search("total disinformation").contains(&"sessions-met-ambassador".to_owned()));
        assert!(search("no notes").contains(&"sessions-no-campaign-talk".to_owned()));
        // An event's people and the article's words for its date; an entity's editor's note.
        assert!(search("kislyak").contains(&"meeting-july".to_owned()));
        assert!(search("thursday morning").contains(&"mccaskill-statement".to_owned()));
        assert_eq!(search("by whom"), ["michael-flynn"]);
        // Only the sentence the quote comes from says who called it so.
        assert_eq!(search("called the report"), Vec::<String>::new());
    }

    #[test]
    fn involving_an_entity_finds_what_mentions_or_connects_to_it() {
        let (story, cards) = seed();
        let index = SearchIndex::new(&story, &cards, &mentions::mentions(&story));
        let query = Query {
            involving: Some("sergey-kislyak".into()),
            ..Query::default()
        };
        let found = ids(&cards, &run(&index, &query));
        for id in [
            "sergey-kislyak",
            "jeff-sessions",
            "staffer-kislyaks-door",
            "meeting-july",
            "sessions-met-ambassador",
        ] {
            assert!(
                found.contains(&id.to_owned()),
                "{id} is not involved: {found:?}"
            );
        }
        assert!(!found.contains(&"twitter".to_owned()));
    }

    #[test]
    fn dates_filter_by_overlap_at_each_precision() {
        let (story, cards) = seed();
        let index = SearchIndex::new(&story, &cards, &mentions::mentions(&story));
        let between = |from: &str, to: &str| {
            let q = Query {
                from: PartialDate::parse_iso(from),
                to: PartialDate::parse_iso(to),
                ..Query::default()
            };
            ids(&cards, &run(&index, &q))
        };
        assert_eq!(between("2016-07", "2016-07"), ["meeting-july"]);
        let march = between("2017-03-02", "2017-03-02");
        assert!(
            march.contains(&"peskov-comments".to_owned())
                && march.contains(&"peskov-no-details".to_owned())
        );
        assert!(!march.contains(&"post-report".to_owned()));
        assert!(
            march.contains(&"committee-members-react".to_owned())
                && march.contains(&"democrats-call-for-recusal".to_owned()),
            "an event since Wednesday is still going on on Thursday"
        );
        let after = between("2017-03-03", "2017-12-31");
        assert!(
            after.is_empty(),
            "the article knows nothing after publication: {after:?}"
        );
    }
}
