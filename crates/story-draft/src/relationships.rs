//! Relationships the article states in so many words, each with the words that state it:
//! a title naming an organization ("Kremlin Spokesman Dmitry Peskov"), an appositive ("Jo Roe,
//! a spokesman for Acme,"), a possessive ("Acme's chief executive, Jo Roe"), "X of Y", a party
//! and state label ("(D-Mo.)", read in the usual way and marked so), and a speaker who told an
//! outlet. Both ends are named in the span's paragraph by construction, or the item says why not.

use crate::attribution::Attribution;
use crate::doc::Doc;
use crate::entities::{Entities, Mention};
use std::ops::Range;
use story_core::story::EntityKind;

#[derive(Clone, Debug)]
pub struct Relationship {
    pub from: usize,
    pub to: usize,
    pub label: String,
    pub source: Range<usize>,
    pub inferred: Option<String>,
}

fn is(entities: &Entities, m: &Mention, kind: EntityKind) -> bool {
    !m.credit && entities.list[m.entity].kind == kind
}

pub fn find(
    doc: &Doc,
    entities: &Entities,
    attributions: &[(Attribution, usize)],
) -> Vec<Relationship> {
    let mut out = Vec::new();
    for t in &entities.titled {
        let title = doc.text[t.title.clone()].trim();
        let label = if title.to_lowercase().contains("spokes") {
            format!("is {} for", story_core::fold::lower(title))
        } else {
            format!("is {title} of")
        };
        out.push(Relationship {
            from: t.person,
            to: t.organization,
            label,
            source: t.phrase.clone(),
            inferred: None,
        });
    }
    for (i, m) in entities.mentions.iter().enumerate() {
        if !is(entities, m, EntityKind::Person) {
            continue;
        }
        let next = entities.mentions.get(i + 1);
        if let Some(r) = party_state(doc, entities, m, next) {
            out.push(r);
        } else if let Some(r) = of_organization(doc, entities, m, next) {
            out.push(r);
        }
    }
    for (a, outlet) in attributions {
        out.extend(told(doc, entities, a, *outlet));
    }
    out
}

/// "Claire McCaskill (D-Mo.)": party and state, read as the usual label, so marked inferred.
fn party_state(
    doc: &Doc,
    entities: &Entities,
    person: &Mention,
    next: Option<&Mention>,
) -> Option<Relationship> {
    let place = next.filter(|n| is(entities, n, EntityKind::Place))?;
    let between = doc.text.get(person.range.end..place.range.start)?;
    let party = match between {
        " (D-" => "a Democrat",
        " (R-" => "a Republican",
        " (I-" => "an independent",
        _ => return None,
    };
    let end = place.range.end + usize::from(doc.text[place.range.end..].starts_with(')'));
    let label = &doc.text[person.range.end + 2..end.min(place.range.end)];
    Some(Relationship {
        from: person.entity,
        to: place.entity,
        label: format!("is {party} from"),
        source: person.range.start..end,
        inferred: Some(format!(
            "“({label})” is read in the usual way, as party and state; the article does not spell it out."
        )),
    })
}

/// "Jo Roe, a spokesman for Acme", "Jo Roe of the firm Acme": a person and an organization
/// joined by a role and "for", "of" or "at", in one stretch of words.
fn of_organization(
    doc: &Doc,
    entities: &Entities,
    person: &Mention,
    next: Option<&Mention>,
) -> Option<Relationship> {
    let org = next.filter(|n| is(entities, n, EntityKind::Organization))?;
    let between = doc.text.get(person.range.end..org.range.start)?;
    let words: Vec<&str> = between.split_whitespace().collect();
    if words.len() > 8 || between.contains(['.', ';', '(', ')', '"', '“', '”']) {
        return None;
    }
    let label = if matches!(
        words.as_slice(),
        ["of"] | ["of", "the"] | ["of", "the", "firm" | "company" | "group"]
    ) {
        "is with".to_owned()
    } else {
        // ", a spokesman for ": an appositive role that ends in "for", "of" or "at".
        let role: Vec<&str> = between.strip_prefix(", ")?.split_whitespace().collect();
        match role.as_slice() {
            ["a" | "an" | "the", middle @ .., "for" | "of" | "at"] if !middle.is_empty() => {
                format!("is {}", role[1..].join(" "))
            }
            _ => return None,
        }
    };
    Some(Relationship {
        from: person.entity,
        to: org.entity,
        label,
        source: person.range.start..org.range.end,
        inferred: None,
    })
}

/// "an anonymous staffer told the Washington Post": the speaker spoke to the outlet.
fn told(doc: &Doc, entities: &Entities, a: &Attribution, outlet: usize) -> Option<Relationship> {
    let speaker = entities
        .within(&a.clause)
        .iter()
        .find(|m| m.entity == a.speaker)?
        .clone();
    let via = entities
        .within(&a.clause)
        .iter()
        .find(|m| m.entity == outlet)?
        .clone();
    if via.range.start < speaker.range.end {
        return None;
    }
    let between = &doc.text[speaker.range.end..via.range.start];
    let label = if between.contains("told") {
        "spoke to"
    } else if between.contains(" in ") {
        "was quoted in"
    } else {
        return None;
    };
    Some(Relationship {
        from: a.speaker,
        to: outlet,
        label: label.to_owned(),
        source: speaker.range.start..via.range.end,
        inferred: a.guess.clone(),
    })
}
