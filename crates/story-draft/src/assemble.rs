//! Turns what the passes found into a story file: spans made from byte ranges (`spans`), ids
//! (`ids`), every guess marked `inferred` with its reason, and a note per item saying which pass
//! made it. Nothing here decides what the article says; it only writes it down.

use crate::attribution::Attribution;
use crate::credits::Credits;
use crate::doc::Doc;
use crate::entities::Entities;
use crate::events::Event as FoundEvent;
use crate::ids::Ids;
use crate::published::Published;
use crate::quotes::Piece;
use crate::relationships::Relationship as FoundRelationship;
use crate::spans::Spans;
use crate::Draft;
use story_core::story::{
    Entity, EntityKind, Event, Located, Meta, Photo, Quote, Relationship, Span, StoryFile,
};

pub struct Found<'a> {
    pub doc: &'a Doc<'a>,
    pub credits: &'a Credits,
    pub published: &'a Published,
    pub pieces: &'a [&'a Piece],
    pub attributions: &'a [Option<Attribution>],
    pub entities: &'a Entities,
    pub events: &'a [FoundEvent],
    pub relationships: &'a [FoundRelationship],
}

/// Words shown in a quote's id after the speaker's.
const QUOTE_ID_WORDS: usize = 4;

pub fn assemble(found: &Found) -> Draft {
    let doc = found.doc;
    let spans = Spans::new(doc);
    let mut ids = Ids::default();
    let mut notes: Vec<(String, String)> = Vec::new();
    let mut left_out: Vec<String> = Vec::new();
    let meta = meta(found, &spans);

    // Entity ids by index into `found.entities.list`, for the ones written.
    let mut entity_ids: Vec<Option<String>> = vec![None; found.entities.list.len()];
    let mut entities: Vec<Entity> = Vec::new();
    let mut first_mention: Vec<Option<std::ops::Range<usize>>> =
        vec![None; found.entities.list.len()];
    for m in &found.entities.mentions {
        first_mention[m.entity].get_or_insert_with(|| m.range.clone());
    }
    for kind in [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Group,
        EntityKind::Place,
    ] {
        for (i, e) in found.entities.list.iter().enumerate() {
            if e.kind != kind || e.aliases.is_empty() {
                continue;
            }
            let first = first_mention[i].clone();
            let Some(source) = spans
                .span(e.source.clone())
                .or_else(|| first.and_then(|r| spans.span(r)))
            else {
                left_out.push(format!(
                    "entity “{}”: its words occur more than once, in repeated paragraphs",
                    e.name
                ));
                continue;
            };
            let id = ids.make(&e.name, story_core::story::words::kind_word(kind));
            let note = if e.credit {
                Some("Named only in a credit (the photo's or the report's): not an actor in the story.".to_owned())
            } else if e.unnamed {
                Some("Not named in the article: known only by this description.".to_owned())
            } else {
                None
            };
            entity_ids[i] = Some(id.clone());
            entities.push(Entity {
                id,
                kind,
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                role: e.role.clone().map(|r| doc.text[r].to_owned()),
                side: None,
                note,
                source,
                inferred: None,
                at: Located::default(),
            });
        }
    }
    let actor = |e: usize| -> Option<String> {
        entity_ids[e]
            .clone()
            .filter(|_| !found.entities.list[e].credit)
    };

    let mut events: Vec<Event> = Vec::new();
    let mut event_ids: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for ev in found.events {
        let Some(source) = spans.span(ev.source.clone()) else {
            left_out.push(format!(
                "event “{}”: its words occur more than once",
                &doc.text[ev.when.clone()]
            ));
            continue;
        };
        let id = ids.make(&ev.title, "event");
        notes.push((
            id.clone(),
            format!(
                "“{}” read as {}.",
                &doc.text[ev.when.clone()],
                ev.date.iso()
            ),
        ));
        event_ids.push((ev.when.clone(), id.clone()));
        events.push(Event {
            id,
            title: ev.title.clone(),
            track: ev.track,
            participants: ev.participants.iter().filter_map(|&p| actor(p)).collect(),
            source,
            when: doc.text[ev.when.clone()].to_owned(),
            date: Some(ev.date),
            inferred: ev.inferred.clone(),
            at: Located::default(),
            when_at: 0..0,
            resolved: None,
        });
    }

    let mut quotes: Vec<Quote> = Vec::new();
    for (piece, attribution) in found.pieces.iter().zip(found.attributions) {
        let words = &doc.text[piece.words.clone()];
        let Some(a) = attribution else {
            left_out.push(format!("quote “{}”: no speaker found", shorten(words)));
            continue;
        };
        let Some(speaker) = actor(a.speaker) else {
            left_out.push(format!(
                "quote “{}”: its speaker is a credit or could not be written",
                shorten(words)
            ));
            continue;
        };
        let Some(text) = spans.span(piece.words.clone()) else {
            left_out.push(format!(
                "quote “{}”: its words occur more than once",
                shorten(words)
            ));
            continue;
        };
        let named = found.entities.named_in(a.speaker, piece.paragraph);
        let inferred = a.guess.clone().or_else(|| {
            (!named).then(|| {
                format!(
                    "The paragraph does not name the speaker; the attribution is taken to be {}'s.",
                    found.entities.list[a.speaker].name
                )
            })
        });
        let first_words: Vec<&str> = words.split_whitespace().take(QUOTE_ID_WORDS).collect();
        let surname = found.entities.list[a.speaker]
            .name
            .split_whitespace()
            .last()
            .unwrap_or("quote");
        let id = ids.make(&format!("{surname} {}", first_words.join(" ")), "quote");
        notes.push((id.clone(), format!("Speaker from {}.", a.pass.describe())));
        // Events are in text order: the first one starting inside the clause, if it ends there.
        let at = event_ids.partition_point(|(when, _)| when.start < a.clause.start);
        let event = event_ids
            .get(at)
            .filter(|(when, _)| when.end <= a.clause.end)
            .map(|(_, id)| id.clone());
        quotes.push(Quote {
            id,
            speaker,
            text,
            sourcing: a.sourcing,
            via: a.via.and_then(actor),
            event,
            inferred,
            at: Located::default(),
        });
    }

    let mut relationships: Vec<Relationship> = Vec::new();
    for r in found.relationships {
        let (Some(from), Some(to)) = (actor(r.from), actor(r.to)) else {
            continue;
        };
        let Some(source) = spans.span(r.source.clone()) else {
            continue;
        };
        let id = ids.make(&format!("{from} {} {to}", r.label), "relationship");
        relationships.push(Relationship {
            id,
            from,
            to,
            label: r.label.clone(),
            source,
            events: Vec::new(),
            inferred: r.inferred.clone(),
            at: Located::default(),
        });
    }

    // Grouped by kind, as its story.toml lists them (toml_out), so that the editor's session
    // and the draft file agree on the order.
    entities.sort_by_key(|e| crate::toml_out::kind_rank(e.kind));
    Draft {
        file: StoryFile {
            meta,
            sides: Vec::new(),
            entities,
            quotes,
            events,
            relationships,
            claims: Vec::new(),
        },
        notes,
        left_out,
    }
}

fn shorten(words: &str) -> String {
    let short: String = words.chars().take(60).collect();
    if short.len() < words.len() {
        format!("{short}…")
    } else {
        short
    }
}

fn meta(found: &Found, spans: &Spans) -> Meta {
    let doc = found.doc;
    let headline_range = doc.paragraphs.first().cloned().unwrap_or(0..0);
    let headline = spans
        .span(headline_range.clone())
        .unwrap_or_else(|| Span::Text(doc.text[headline_range.clone()].to_owned()));
    let caption_paragraph = found.credits.caption.as_ref().map(|c| c.paragraph);
    let summary = (1..doc.paragraphs.len())
        .filter(|&p| {
            Some(p) != caption_paragraph && !found.credits.contains(doc.paragraphs[p].start)
        })
        .filter_map(|p| {
            let s = doc.sentence_of(doc.paragraphs[p].start);
            let sentence = doc.sentences.get(s)?.clone();
            let words = doc.word_from(sentence.end) - doc.word_from(sentence.start);
            (words >= 6).then(|| spans.span(sentence)).flatten()
        })
        .next()
        .unwrap_or_else(|| headline.clone());
    let photo = found.credits.caption.as_ref().and_then(|c| {
        Some(Photo {
            caption: spans.span(c.caption.clone())?,
            credit: spans.span(c.credit.clone())?,
            caption_at: Located::default(),
        })
    });
    Meta {
        // The story's id is not an item id: it does not take a name an entity may want.
        id: Some(crate::ids::slug(&doc.text[headline_range]))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "draft".to_owned()),
        headline,
        summary,
        published: found.published.date,
        published_note: Some(found.published.note.clone()),
        publisher: None,
        photo,
        draft: true,
        headline_at: Located::default(),
        summary_at: Located::default(),
    }
}
