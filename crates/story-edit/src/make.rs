//! Making items from selected words. A new item quotes the selection and starts with what the
//! words give (a name, a title, a claim's text); what only the editor knows (a speaker, a
//! claimant, the ends of a relationship) starts empty, and live validation asks for it next to
//! the item, so an item is never refused for being unfinished.

use crate::edit::{Applied, EditError, NewItem};
use crate::{ids, spans};
use std::ops::Range;
use story_core::story::{
    Claim, Entity, EntityKind, Event, Located, Quote, Relationship, Response, Side, Sourcing,
    Stance, StoryFile, Track,
};

pub fn item(
    file: &mut StoryFile,
    article: &str,
    item: &NewItem,
    range: Range<usize>,
) -> Result<Applied, EditError> {
    let span = spans::span_for(article, range)?;
    let words = span.text().to_owned();
    let at = Located::default();
    let id = match item {
        NewItem::Entity => {
            let id = ids::fresh(file, "", &words);
            // After the last person, so that a file grouped by kind (a draft's) stays grouped
            // and its export keeps one heading per kind.
            let after = file
                .entities
                .iter()
                .rposition(|e| e.kind == EntityKind::Person)
                .map_or(0, |i| i + 1);
            file.entities.insert(
                after,
                Entity {
                    id: id.clone(),
                    kind: EntityKind::Person,
                    name: words.clone(),
                    aliases: vec![words],
                    role: None,
                    side: None,
                    note: None,
                    source: span,
                    inferred: None,
                    at,
                },
            );
            id
        }
        NewItem::Quote => {
            let id = ids::fresh(file, "quote", &words);
            file.quotes.push(Quote {
                id: id.clone(),
                speaker: String::new(),
                text: span,
                sourcing: Sourcing::OnRecord,
                via: None,
                event: None,
                inferred: None,
                at,
            });
            id
        }
        NewItem::Event => {
            let id = ids::fresh(file, "event", &words);
            // The whole selection stands as the dating words until the editor narrows them.
            file.events.push(Event {
                id: id.clone(),
                title: words.clone(),
                track: Track::Happened,
                participants: Vec::new(),
                source: span,
                when: words,
                date: None,
                inferred: None,
                at,
                when_at: 0..0,
                resolved: None,
            });
            id
        }
        NewItem::Relationship => {
            let id = ids::fresh(file, "relationship", &words);
            file.relationships.push(Relationship {
                id: id.clone(),
                from: String::new(),
                to: String::new(),
                label: String::new(),
                source: span,
                events: Vec::new(),
                inferred: None,
                at,
            });
            id
        }
        NewItem::Claim => {
            let id = ids::fresh(file, "claim", &words);
            file.claims.push(Claim {
                id: id.clone(),
                text: words,
                claimant: String::new(),
                source: span,
                event: None,
                evidence: Vec::new(),
                responses: Vec::new(),
                inferred: None,
                at,
            });
            id
        }
        NewItem::Response { claim } => {
            let id = ids::fresh(file, "response", &words);
            let target = file
                .claims
                .iter_mut()
                .find(|c| c.id == *claim)
                .ok_or_else(|| EditError::NoSuchItem(claim.clone()))?;
            // A stance is a judgment: it starts at the mildest and the editor chooses.
            target.responses.push(Response {
                id: id.clone(),
                speaker: String::new(),
                stance: Stance::Characterization,
                summary: words,
                source: span,
                quotes: Vec::new(),
                event: None,
                inferred: None,
                at,
            });
            id
        }
    };
    Ok(Applied {
        made: Some(id),
        removed: Vec::new(),
    })
}

pub fn side(file: &mut StoryFile, name: &str) -> Result<Applied, EditError> {
    if name.trim().is_empty() {
        return Err(EditError::BadValue("Give the side a name.".to_owned()));
    }
    let id = ids::fresh(file, "", name);
    file.sides.push(Side {
        id: id.clone(),
        name: name.to_owned(),
    });
    Ok(Applied {
        made: Some(id),
        removed: Vec::new(),
    })
}
