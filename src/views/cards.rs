//! What each card of the cards view says, derived from the story: the view only renders these.

use story_core::dates::{Extent, PartialDate};
use story_core::story::{EntityKind, Event, ItemRef, Located, Sourcing, Story};

/// The kinds of card, in the order the cards view shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CardKind {
    Person,
    Organization,
    Group,
    Place,
    Quote,
    Event,
    Claim,
}

impl CardKind {
    pub const ALL: [CardKind; 7] = [
        CardKind::Person,
        CardKind::Organization,
        CardKind::Group,
        CardKind::Place,
        CardKind::Quote,
        CardKind::Event,
        CardKind::Claim,
    ];

    /// Lowercase, stable: used in CSS classes, test selectors and (later) links.
    pub fn slug(self) -> &'static str {
        match self {
            CardKind::Person => "person",
            CardKind::Organization => "organization",
            CardKind::Group => "group",
            CardKind::Place => "place",
            CardKind::Quote => "quote",
            CardKind::Event => "event",
            CardKind::Claim => "claim",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CardKind::Person => "Person",
            CardKind::Organization => "Organization",
            CardKind::Group => "Group",
            CardKind::Place => "Place",
            CardKind::Quote => "Quote",
            CardKind::Event => "Event",
            CardKind::Claim => "Claim",
        }
    }

    pub fn plural(self) -> &'static str {
        match self {
            CardKind::Person => "People",
            CardKind::Organization => "Organizations",
            CardKind::Group => "Groups",
            CardKind::Place => "Places",
            CardKind::Quote => "Quotes",
            CardKind::Event => "Events",
            CardKind::Claim => "Claims",
        }
    }

    fn of_entity(kind: EntityKind) -> Self {
        match kind {
            EntityKind::Person => CardKind::Person,
            EntityKind::Organization => CardKind::Organization,
            EntityKind::Group => CardKind::Group,
            EntityKind::Place => CardKind::Place,
        }
    }
}

/// A date as the article words it, and what those words resolve to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dated {
    pub date: PartialDate,
    pub words: String,
    /// On the date, or from it on ("since Wednesday").
    pub extent: Extent,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub id: String,
    pub kind: CardKind,
    /// A name, the quoted words, an event's or claim's text.
    pub title: String,
    /// A role, a speaker, who reports a claim.
    pub subtitle: Option<String>,
    pub date: Option<Dated>,
    /// The item's own words in the article, and the sentence(s) around them.
    pub at: Located,
    /// Why a value on the card is inferred rather than stated by the article.
    pub inferred: Option<String>,
}

pub fn sourcing_label(sourcing: Sourcing) -> &'static str {
    match sourcing {
        Sourcing::OnRecord => "on the record",
        Sourcing::Anonymous => "anonymous source",
        Sourcing::OfficialStatement => "official statement",
        Sourcing::ReportedByOutlet => "reported by another outlet",
    }
}

pub fn event_date(event: &Event) -> Option<Dated> {
    event.on().map(|date| Dated {
        date,
        words: event.when.clone(),
        extent: event.extent(),
    })
}

fn date_of(story: &Story, event: Option<&String>) -> Option<Dated> {
    event.and_then(|id| story.event(id)).and_then(event_date)
}

/// Every card of the story, grouped by kind in [`CardKind::ALL`] order; events by date.
pub fn cards(story: &Story) -> Vec<Card> {
    let mut all: Vec<Card> = story
        .entities()
        .iter()
        .map(|e| entity_card(story, e))
        .collect();
    all.extend(story.quotes().iter().map(|q| {
        let speaker = story.name_of(&q.speaker);
        let via = q
            .via
            .as_ref()
            .map(|v| format!(", via {}", story.name_of(v)))
            .unwrap_or_default();
        Card {
            id: q.id.clone(),
            kind: CardKind::Quote,
            title: story.words(&q.at.span).to_owned(),
            subtitle: Some(format!("{speaker} ({}{via})", sourcing_label(q.sourcing))),
            date: date_of(story, q.event.as_ref()),
            at: q.at.clone(),
            inferred: q.inferred.clone(),
        }
    }));
    let mut events: Vec<&Event> = story.events().iter().collect();
    story_core::order::sort_by_key(&mut events, |e| e.on());
    all.extend(events.into_iter().map(|e| Card {
        id: e.id.clone(),
        kind: CardKind::Event,
        title: e.title.clone(),
        subtitle: Some(names(story, &e.participants)),
        date: event_date(e),
        at: e.at.clone(),
        inferred: e.inferred.clone(),
    }));
    all.extend(story.claims().iter().map(|c| Card {
        id: c.id.clone(),
        kind: CardKind::Claim,
        title: c.text.clone(),
        subtitle: Some(format!(
            "Reported by {} · {}",
            story.name_of(&c.claimant),
            super::count(c.responses.len(), "response", "responses")
        )),
        date: date_of(story, c.event.as_ref()),
        at: c.at.clone(),
        inferred: c.inferred.clone(),
    }));
    story_core::order::sort_by_key(&mut all, |c| c.kind);
    all
}

fn entity_card(story: &Story, e: &story_core::story::Entity) -> Card {
    let side = e
        .side
        .as_ref()
        .and_then(|s| story.side(s))
        .map(|s| s.name.as_str());
    let subtitle = match (&e.role, side) {
        (Some(role), Some(side)) => Some(format!("{role} · {side}")),
        (Some(role), None) => Some(role.clone()),
        (None, Some(side)) => Some(side.to_owned()),
        (None, None) => None,
    };
    Card {
        id: e.id.clone(),
        kind: CardKind::of_entity(e.kind),
        title: e.name.clone(),
        subtitle,
        date: None,
        at: e.at.clone(),
        inferred: e.inferred.clone(),
    }
}

/// "A, B and C".
pub fn names(story: &Story, ids: &[String]) -> String {
    let all: Vec<&str> = ids.iter().map(|id| story.name_of(id)).collect();
    match all.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// Of the cards at `items`, the indices into the story's events (or claims) of those that are
/// events (or claims): what the timeline (or the claims view) shows under the current query.
pub fn story_indices(story: &Story, cards: &[Card], items: &[usize], kind: CardKind) -> Vec<usize> {
    items
        .iter()
        .filter_map(|&i| cards.get(i))
        .filter(|c| c.kind == kind)
        .filter_map(|c| match (story.find(&c.id)?, kind) {
            (ItemRef::Event(i), CardKind::Event) | (ItemRef::Claim(i), CardKind::Claim) => Some(i),
            _ => None,
        })
        .collect()
}

/// Of the cards at `items`, the indices into the story's entities of those that are entities:
/// the nodes the relationship graph shows under the current query.
pub fn entity_indices(
    story: &Story,
    cards: &[Card],
    items: &[usize],
) -> story_core::set::SortedSet<usize> {
    items
        .iter()
        .filter_map(|&i| cards.get(i))
        .filter_map(|c| match story.find(&c.id)? {
            ItemRef::Entity(i) => Some(i),
            _ => None,
        })
        .collect()
}

/// The sentence(s) of the article that any item with an id comes from.
pub fn sentence_of(story: &Story, id: &str) -> Option<std::ops::Range<usize>> {
    let at = match story.find(id)? {
        ItemRef::Entity(i) => &story.entities()[i].at,
        ItemRef::Quote(i) => &story.quotes()[i].at,
        ItemRef::Event(i) => &story.events()[i].at,
        ItemRef::Relationship(i) => &story.relationships()[i].at,
        ItemRef::Claim(i) => &story.claims()[i].at,
        ItemRef::Response(c, r) => &story.claims()[c].responses[r].at,
        ItemRef::Side(_) => return None,
    };
    Some(at.sentence.clone())
}

/// The kind of card an id opens, if it has one.
pub fn kind_of(story: &Story, id: &str) -> Option<CardKind> {
    match story.find(id)? {
        ItemRef::Entity(i) => Some(CardKind::of_entity(story.entities()[i].kind)),
        ItemRef::Quote(_) => Some(CardKind::Quote),
        ItemRef::Event(_) => Some(CardKind::Event),
        ItemRef::Claim(_) => Some(CardKind::Claim),
        _ => None,
    }
}
