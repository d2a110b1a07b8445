//! Who a speaker phrase stands for. A phrase that contains the name is that entity; "she", "he",
//! "it", "they" are the last person (or organization) named before them; a role noun ("the
//! spokeswoman", "A Russian Foreign Ministry Spokeswoman") is the entity the article describes
//! with the same noun, nearest before or, failing that, in the next paragraphs ("spokeswoman
//! Maria Zakharova"); "the company" is the last organization named. Every such reading is a
//! guess, and says why, so the draft can mark it `inferred`.

use crate::doc::Doc;
use crate::entities::{Entities, Mention};
use crate::lexicon::{self, has};
use std::ops::Range;
use story_core::story::EntityKind;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Speaker {
    /// The phrase names the entity.
    Named(usize),
    /// The phrase stands for the entity; the reason says why it is taken to.
    Guessed(usize, String),
    /// A description of someone the article does not name: "an anonymous senior staffer".
    Described,
    Unknown,
}

/// How far back a pronoun or role noun looks for what it stands for, in paragraphs.
const LOOK_BACK: usize = 4;
/// How far ahead a role noun looks when nothing before fits.
const LOOK_AHEAD: usize = 2;

fn actor(entities: &Entities, m: &Mention) -> bool {
    !m.credit && entities.list[m.entity].kind != EntityKind::Place
}

/// Resolves the speaker phrase `words` (word indices) of a quote at byte `at`.
pub fn resolve(doc: &Doc, entities: &Entities, words: Range<usize>, at: usize) -> Speaker {
    let Some(last) = words.end.checked_sub(1).filter(|&l| l >= words.start) else {
        return Speaker::Unknown;
    };
    let phrase = doc.span_of(words.clone());
    let head = doc.word(last).to_lowercase();
    let inside: Vec<&Mention> = entities
        .within(&phrase)
        .iter()
        .filter(|m| actor(entities, m))
        .collect();
    if let Some(m) = inside.iter().find(|m| m.range.end == phrase.end) {
        return Speaker::Named(m.entity);
    }
    let person_noun = has(lexicon::PERSON_NOUNS, &head);
    if !person_noun {
        if let Some(m) = inside
            .iter()
            .rev()
            .find(|m| entities.list[m.entity].kind == EntityKind::Person)
            .or(inside.last())
        {
            return Speaker::Named(m.entity);
        }
    }
    let text = &doc.text[phrase];
    if words.len() == 1 {
        if let Some(&(_, person)) = lexicon::PRONOUNS.iter().find(|p| p.0 == head) {
            return pronoun(doc, entities, text, person, at);
        }
    }
    if person_noun {
        return role_noun(doc, entities, text, &head, at);
    }
    if has(lexicon::ORGANIZATION_NOUNS, &head) {
        return organization_noun(doc, entities, text, &head, at);
    }
    Speaker::Unknown
}

/// The mentions before byte `at`, nearest first, within `LOOK_BACK` paragraphs, narration only.
fn before<'e>(doc: &Doc, entities: &'e Entities, at: usize) -> impl Iterator<Item = &'e Mention> {
    let here = doc.paragraph_of(at);
    let end = entities.mentions.partition_point(|m| m.range.start < at);
    entities.mentions[..end]
        .iter()
        .rev()
        .take_while(move |m| m.paragraph + LOOK_BACK >= here)
        .filter(move |m| actor(entities, m) && !m.quoted)
}

fn pronoun(doc: &Doc, entities: &Entities, text: &str, person: bool, at: usize) -> Speaker {
    let wanted = |m: &&Mention| (entities.list[m.entity].kind == EntityKind::Person) == person;
    match before(doc, entities, at).find(wanted) {
        Some(m) => {
            let what = if person {
                "person"
            } else {
                "organization or group"
            };
            Speaker::Guessed(
                m.entity,
                format!(
                    "The article gives these words to “{text}”, taken to be {}, the last {what} named before it.",
                    entities.list[m.entity].name
                ),
            )
        }
        None => Speaker::Unknown,
    }
}

fn role_noun(doc: &Doc, entities: &Entities, text: &str, noun: &str, at: usize) -> Speaker {
    let described = |m: &&Mention| entities.list[m.entity].role_nouns.iter().any(|r| r == noun);
    let here = doc.paragraph_of(at);
    let earlier = before(doc, entities, at).find(described);
    let later = || {
        let from = entities.mentions.partition_point(|m| m.range.start < at);
        entities.mentions[from..]
            .iter()
            .take_while(|m| m.paragraph <= here + LOOK_AHEAD)
            .filter(|m| actor(entities, m))
            .find(described)
    };
    let Some(m) = earlier.or_else(later) else {
        return Speaker::Described;
    };
    let e = &entities.list[m.entity];
    let place = match m.paragraph {
        p if p == here => "in the same paragraph".to_owned(),
        p if p < here => "in an earlier paragraph".to_owned(),
        _ => "in a later paragraph".to_owned(),
    };
    Speaker::Guessed(
        m.entity,
        format!(
            "The article gives these words to “{text}” without naming them; taken to be {}, described as “{noun}” {place}.",
            e.name
        ),
    )
}

fn organization_noun(doc: &Doc, entities: &Entities, text: &str, noun: &str, at: usize) -> Speaker {
    let generic = matches!(noun, "company" | "firm" | "group" | "organization");
    let fits = |m: &&Mention| {
        let e = &entities.list[m.entity];
        e.kind == EntityKind::Organization
            && !e.outlet
            && (generic || e.name.to_lowercase().contains(noun))
    };
    match before(doc, entities, at).find(fits) {
        Some(m) => Speaker::Guessed(
            m.entity,
            format!(
                "The article gives these words to “{text}”, taken to be {}, the last such organization named before it.",
                entities.list[m.entity].name
            ),
        ),
        None => Speaker::Unknown,
    }
}
