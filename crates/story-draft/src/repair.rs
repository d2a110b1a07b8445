//! Every draft validates: the draft is checked with story-core's own validation, and an item it
//! refuses is left out (with whatever refers to it) and listed for the editor, until nothing is
//! refused. The passes aim never to need this; it is what keeps an odd article — a direction
//! control inside a name, a span validation reads differently — from making an invalid draft.

use crate::{Draft, DraftError};
use story_core::story::{validate, Problem, StoryFile};

/// Rounds of leaving items out before giving up: each round removes every refused item, and
/// removing one can only orphan items that refer to it, which the same round removes.
const ROUNDS: usize = 4;

pub fn repair(mut draft: Draft, article: &str) -> Result<Draft, DraftError> {
    for _ in 0..ROUNDS {
        let problems = match validate(draft.file.clone(), article) {
            Ok(_) => return Ok(draft),
            Err(problems) => problems,
        };
        let mut fixable = true;
        for problem in &problems {
            match item_of(problem) {
                Some(("story metadata", _))
                    if draft.file.meta.photo.is_some() && problem.message.contains("photo") =>
                {
                    draft.file.meta.photo = None;
                }
                Some((kind, id)) if kind != "story metadata" => {
                    remove(&mut draft.file, kind, id);
                    draft
                        .left_out
                        .push(format!("{kind} `{id}`: {}", problem.message));
                }
                _ => fixable = false,
            }
        }
        if !fixable {
            return Err(refused(&problems));
        }
    }
    match validate(draft.file.clone(), article) {
        Ok(_) => Ok(draft),
        Err(problems) => Err(refused(&problems)),
    }
}

fn refused(problems: &[Problem]) -> DraftError {
    let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
    DraftError(format!(
        "the draft cannot be made valid: {}",
        list.join("; ")
    ))
}

/// "quote `peskov-1`" → ("quote", "peskov-1"); "story metadata" → ("story metadata", "").
fn item_of(problem: &Problem) -> Option<(&str, &str)> {
    if problem.item == "story metadata" {
        return Some(("story metadata", ""));
    }
    let (kind, rest) = problem.item.split_once(" `")?;
    Some((kind, rest.strip_suffix('`')?))
}

/// Removes an item and every reference to it.
fn remove(file: &mut StoryFile, kind: &str, id: &str) {
    match kind {
        "entity" => {
            file.entities.retain(|e| e.id != id);
            file.quotes.retain(|q| q.speaker != id);
            for q in &mut file.quotes {
                if q.via.as_deref() == Some(id) {
                    q.via = None;
                }
            }
            for e in &mut file.events {
                e.participants.retain(|p| p != id);
            }
            file.relationships.retain(|r| r.from != id && r.to != id);
        }
        "quote" => file.quotes.retain(|q| q.id != id),
        "event" => {
            file.events.retain(|e| e.id != id);
            for q in &mut file.quotes {
                if q.event.as_deref() == Some(id) {
                    q.event = None;
                }
            }
            for r in &mut file.relationships {
                r.events.retain(|e| e != id);
            }
        }
        "relationship" => file.relationships.retain(|r| r.id != id),
        _ => {}
    }
}
