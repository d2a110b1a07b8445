//! The detail of one item: what it is, where the article says so, and everything connected to it
//! (an entity's quotes, relationships, events and claims; a claim's responses; …), each a link
//! to another item's detail.

use crate::views::cards::{event_date, names, sourcing_label, Dated};
use story_core::story::{ItemRef, Located, Relationship, Response, Story};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub id: String,
    pub text: String,
    pub date: Option<Dated>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkGroup {
    pub heading: &'static str,
    pub links: Vec<Link>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detail {
    pub id: String,
    pub kind: &'static str,
    pub title: String,
    /// Labelled facts: role, side, speaker, stance, aliases, notes.
    pub facts: Vec<(&'static str, String)>,
    pub dates: Vec<Dated>,
    pub at: Located,
    pub groups: Vec<LinkGroup>,
}

/// The detail of any item with an id, or `None` for an id the story does not have.
pub fn detail(story: &Story, id: &str) -> Option<Detail> {
    let item = story.find(id)?;
    let mut d = match item {
        ItemRef::Entity(i) => entity_detail(story, i),
        ItemRef::Quote(i) => quote_detail(story, i),
        ItemRef::Event(i) => event_detail(story, i),
        ItemRef::Relationship(i) => relationship_detail(story, &story.relationships()[i]),
        ItemRef::Claim(i) => claim_detail(story, i),
        ItemRef::Response(c, r) => response_detail(story, &story.claims()[c].responses[r]),
        ItemRef::Side(_) => return None,
    };
    d.groups.retain(|g| !g.links.is_empty());
    if let Some(reason) = story.inferred(id) {
        d.facts.push(("Inferred", reason.to_owned()));
    }
    Some(d)
}

fn link(story: &Story, id: &str) -> Link {
    let (text, date) = match story.find(id) {
        Some(ItemRef::Entity(i)) => (story.entities()[i].name.clone(), None),
        Some(ItemRef::Quote(i)) => {
            let q = &story.quotes()[i];
            (
                format!(
                    "{}: “{}”",
                    story.name_of(&q.speaker),
                    story.words(&q.at.span)
                ),
                None,
            )
        }
        Some(ItemRef::Event(i)) => (
            story.events()[i].title.clone(),
            event_date(&story.events()[i]),
        ),
        Some(ItemRef::Relationship(i)) => (sentence_of(story, &story.relationships()[i]), None),
        Some(ItemRef::Claim(i)) => (story.claims()[i].text.clone(), None),
        Some(ItemRef::Response(c, r)) => {
            let resp = &story.claims()[c].responses[r];
            (
                format!(
                    "{} ({}): {}",
                    story.name_of(&resp.speaker),
                    resp.stance.label(),
                    resp.summary
                ),
                None,
            )
        }
        Some(ItemRef::Side(_)) | None => (id.to_owned(), None),
    };
    let text = match story.inferred(id) {
        Some(_) => format!("{text} (inferred)"),
        None => text,
    };
    Link {
        id: id.to_owned(),
        text,
        date,
    }
}

fn links<'a>(story: &Story, ids: impl IntoIterator<Item = &'a String>) -> Vec<Link> {
    ids.into_iter().map(|id| link(story, id)).collect()
}

/// "Jeff Sessions met with Sergey Kislyak".
pub fn sentence_of(story: &Story, r: &Relationship) -> String {
    format!(
        "{} {} {}",
        story.name_of(&r.from),
        r.label,
        story.name_of(&r.to)
    )
}

fn entity_detail(story: &Story, i: usize) -> Detail {
    let e = &story.entities()[i];
    let id = &e.id;
    let mut facts = Vec::new();
    if let Some(role) = &e.role {
        facts.push(("Role", role.clone()));
    }
    if let Some(side) = e.side.as_ref().and_then(|s| story.side(s)) {
        facts.push(("Side", side.name.clone()));
    }
    if !e.aliases.is_empty() {
        facts.push(("Called in the article", e.aliases.join("; ")));
    }
    if let Some(note) = &e.note {
        facts.push(("Editor’s note", note.clone()));
    }
    let quotes = story
        .quotes()
        .iter()
        .filter(|q| &q.speaker == id || q.via.as_ref() == Some(id));
    let rels = story
        .relationships()
        .iter()
        .filter(|r| &r.from == id || &r.to == id);
    let mut events: Vec<_> = story
        .events()
        .iter()
        .filter(|ev| ev.participants.contains(id))
        .collect();
    story_core::order::sort_by_key(&mut events, |ev| ev.on());
    let claims = story.claims().iter().filter(|c| &c.claimant == id);
    let responses = story
        .claims()
        .iter()
        .flat_map(|c| &c.responses)
        .filter(|r| &r.speaker == id);
    Detail {
        id: id.clone(),
        kind: kind_label(story, id),
        title: e.name.clone(),
        facts,
        dates: Vec::new(),
        at: e.at.clone(),
        groups: vec![
            LinkGroup {
                heading: "Quotes",
                links: links(story, quotes.map(|q| &q.id)),
            },
            LinkGroup {
                heading: "Relationships",
                links: links(story, rels.map(|r| &r.id)),
            },
            LinkGroup {
                heading: "Events",
                links: links(story, events.into_iter().map(|ev| &ev.id)),
            },
            LinkGroup {
                heading: "Claims reported",
                links: links(story, claims.map(|c| &c.id)),
            },
            LinkGroup {
                heading: "Responses to claims",
                links: links(story, responses.map(|r| &r.id)),
            },
        ],
    }
}

fn quote_detail(story: &Story, i: usize) -> Detail {
    let q = &story.quotes()[i];
    let mut facts = vec![("Sourcing", sourcing_label(q.sourcing).to_owned())];
    if let Some(via) = &q.via {
        facts.push(("Carried by", story.name_of(via).to_owned()));
    }
    let responses = story
        .claims()
        .iter()
        .flat_map(|c| &c.responses)
        .filter(|r| r.quotes.contains(&q.id));
    let mut people = vec![&q.speaker];
    people.extend(q.via.iter());
    Detail {
        id: q.id.clone(),
        kind: "Quote",
        title: story.words(&q.at.span).to_owned(),
        facts,
        dates: q
            .event
            .iter()
            .filter_map(|e| story.event(e))
            .filter_map(event_date)
            .collect(),
        at: q.at.clone(),
        groups: vec![
            LinkGroup {
                heading: "Said by",
                links: links(story, people),
            },
            LinkGroup {
                heading: "Event",
                links: links(story, q.event.iter()),
            },
            LinkGroup {
                heading: "Part of the response",
                links: links(story, responses.map(|r| &r.id)),
            },
        ],
    }
}

fn event_detail(story: &Story, i: usize) -> Detail {
    let ev = &story.events()[i];
    let id = &ev.id;
    let track = match ev.track {
        story_core::story::Track::Happened => "What happened",
        story_core::story::Track::Reported => "When it was reported or reacted to",
    };
    let quotes = story
        .quotes()
        .iter()
        .filter(|q| q.event.as_ref() == Some(id));
    let rels = story
        .relationships()
        .iter()
        .filter(|r| r.events.contains(id));
    let claims = story
        .claims()
        .iter()
        .filter(|c| c.event.as_ref() == Some(id));
    let responses = story
        .claims()
        .iter()
        .flat_map(|c| &c.responses)
        .filter(|r| r.event.as_ref() == Some(id));
    Detail {
        id: id.clone(),
        kind: "Event",
        title: ev.title.clone(),
        facts: vec![
            ("Timeline", track.to_owned()),
            ("Who", names(story, &ev.participants)),
        ],
        dates: event_date(ev).into_iter().collect(),
        at: ev.at.clone(),
        groups: vec![
            LinkGroup {
                heading: "People and organizations",
                links: links(story, &ev.participants),
            },
            LinkGroup {
                heading: "Quotes",
                links: links(story, quotes.map(|q| &q.id)),
            },
            LinkGroup {
                heading: "Relationships",
                links: links(story, rels.map(|r| &r.id)),
            },
            LinkGroup {
                heading: "Claims",
                links: links(story, claims.map(|c| &c.id)),
            },
            LinkGroup {
                heading: "Responses to claims",
                links: links(story, responses.map(|r| &r.id)),
            },
        ],
    }
}

fn relationship_detail(story: &Story, r: &Relationship) -> Detail {
    Detail {
        id: r.id.clone(),
        kind: "Relationship",
        title: sentence_of(story, r),
        facts: vec![("Relation", r.label.clone())],
        dates: r
            .events
            .iter()
            .filter_map(|e| story.event(e))
            .filter_map(event_date)
            .collect(),
        at: r.at.clone(),
        groups: vec![
            LinkGroup {
                heading: "Between",
                links: links(story, [&r.from, &r.to]),
            },
            LinkGroup {
                heading: "Events",
                links: links(story, &r.events),
            },
        ],
    }
}

fn claim_detail(story: &Story, i: usize) -> Detail {
    let c = &story.claims()[i];
    let mut facts = vec![("Reported by", story.name_of(&c.claimant).to_owned())];
    for evidence in &c.evidence {
        let label = if evidence.missing {
            "Evidence missing"
        } else {
            "Evidence"
        };
        facts.push((label, evidence.note.clone()));
    }
    Detail {
        id: c.id.clone(),
        kind: "Claim",
        title: c.text.clone(),
        facts,
        dates: c
            .event
            .iter()
            .filter_map(|e| story.event(e))
            .filter_map(event_date)
            .collect(),
        at: c.at.clone(),
        groups: vec![
            LinkGroup {
                heading: "Reported by",
                links: links(story, [&c.claimant]),
            },
            LinkGroup {
                heading: "Responses",
                links: links(story, c.responses.iter().map(|r| &r.id)),
            },
            LinkGroup {
                heading: "Event",
                links: links(story, c.event.iter()),
            },
        ],
    }
}

fn response_detail(story: &Story, r: &Response) -> Detail {
    let claim = story
        .claims()
        .iter()
        .find(|c| c.responses.iter().any(|x| x.id == r.id));
    Detail {
        id: r.id.clone(),
        kind: "Response",
        title: r.summary.clone(),
        facts: vec![
            (
                "Stance",
                format!("{}: {}", r.stance.label(), r.stance.meaning()),
            ),
            ("Who", story.name_of(&r.speaker).to_owned()),
        ],
        dates: r
            .event
            .iter()
            .filter_map(|e| story.event(e))
            .filter_map(event_date)
            .collect(),
        at: r.at.clone(),
        groups: vec![
            LinkGroup {
                heading: "In response to",
                links: links(story, claim.map(|c| &c.id)),
            },
            LinkGroup {
                heading: "Who",
                links: links(story, [&r.speaker]),
            },
            LinkGroup {
                heading: "Quotes",
                links: links(story, &r.quotes),
            },
            LinkGroup {
                heading: "Event",
                links: links(story, r.event.iter()),
            },
        ],
    }
}

fn kind_label(story: &Story, id: &str) -> &'static str {
    crate::views::cards::kind_of(story, id).map_or("Item", crate::views::cards::CardKind::label)
}
