//! References between items, and the two edits that must keep them whole: merging two entities
//! (every reference to the absorbed one moves to the kept one) and deleting an item (refused
//! while anything refers to it, or, forced, clearing what can be cleared and removing what
//! cannot stand without it). No edit leaves a reference dangling.
//!
//! Every reference field of the format is listed once, in [`slots`]; merge, delete and
//! [`references_to`] all read that one list, so a field added to the model is added here once.

use crate::edit::{Applied, EditError};
use story_core::story::StoryFile;

/// An item's reference to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The id of the item that refers.
    pub item: String,
    pub field: &'static str,
    /// The referring item cannot stand without it (a quote's speaker, a relationship's end).
    pub required: bool,
}

/// Where a reference lives: one id, an optional id, or one id of a list.
enum Slot<'a> {
    One(&'a mut String),
    Maybe(&'a mut Option<String>),
    Many(&'a mut Vec<String>),
}

/// Every reference field of the story: (referring item id, field, slot).
fn slots(file: &mut StoryFile) -> Vec<(String, &'static str, Slot<'_>)> {
    let mut out = Vec::new();
    for x in &mut file.entities {
        out.push((x.id.clone(), "side", Slot::Maybe(&mut x.side)));
    }
    for x in &mut file.quotes {
        out.push((x.id.clone(), "speaker", Slot::One(&mut x.speaker)));
        out.push((x.id.clone(), "via", Slot::Maybe(&mut x.via)));
        out.push((x.id.clone(), "event", Slot::Maybe(&mut x.event)));
    }
    for x in &mut file.events {
        out.push((
            x.id.clone(),
            "participants",
            Slot::Many(&mut x.participants),
        ));
    }
    for x in &mut file.relationships {
        out.push((x.id.clone(), "from", Slot::One(&mut x.from)));
        out.push((x.id.clone(), "to", Slot::One(&mut x.to)));
        out.push((x.id.clone(), "events", Slot::Many(&mut x.events)));
    }
    for c in &mut file.claims {
        out.push((c.id.clone(), "claimant", Slot::One(&mut c.claimant)));
        out.push((c.id.clone(), "event", Slot::Maybe(&mut c.event)));
        for r in &mut c.responses {
            out.push((r.id.clone(), "speaker", Slot::One(&mut r.speaker)));
            out.push((r.id.clone(), "quotes", Slot::Many(&mut r.quotes)));
            out.push((r.id.clone(), "event", Slot::Maybe(&mut r.event)));
        }
    }
    out
}

impl Slot<'_> {
    fn holds(&self, id: &str) -> bool {
        match self {
            Slot::One(x) => *x == id,
            Slot::Maybe(x) => x.as_deref() == Some(id),
            Slot::Many(xs) => xs.iter().any(|x| x == id),
        }
    }

    fn rename(&mut self, from: &str, to: &str) {
        match self {
            Slot::One(x) if *x == from => to.clone_into(x),
            Slot::Maybe(Some(x)) if x == from => to.clone_into(x),
            Slot::Many(xs) => {
                xs.iter_mut()
                    .filter(|x| *x == from)
                    .for_each(|x| to.clone_into(x));
                dedupe(xs);
            }
            _ => {}
        }
    }

    /// Clears `id` from an optional or list slot; a required one cannot be cleared.
    fn clear(&mut self, id: &str) {
        match self {
            Slot::Maybe(x) if x.as_deref() == Some(id) => **x = None,
            Slot::Many(xs) => xs.retain(|x| x != id),
            _ => {}
        }
    }
}

/// Removes later copies, keeping the first of each: a merge can make a list name one entity twice.
fn dedupe(xs: &mut Vec<String>) {
    let mut seen: Vec<String> = Vec::new();
    xs.retain(|x| {
        let new = !seen.contains(x);
        if new {
            seen.push(x.clone());
        }
        new
    });
}

/// The items that refer to `id`, in story order.
pub fn references_to(file: &StoryFile, id: &str) -> Vec<Reference> {
    // `slots` lends mutably so that one list serves every edit; reading works on a copy.
    let mut copy = file.clone();
    slots(&mut copy)
        .into_iter()
        .filter(|(_, _, slot)| slot.holds(id))
        .map(|(item, field, slot)| Reference {
            item,
            field,
            required: matches!(slot, Slot::One(_)),
        })
        .collect()
}

pub fn merge(
    file: &mut StoryFile,
    article: &str,
    keep: &str,
    absorb: &str,
) -> Result<Applied, EditError> {
    if keep == absorb {
        return Err(EditError::BadValue(
            "Choose two different entities to merge.".to_owned(),
        ));
    }
    let find = |id: &str| file.entities.iter().position(|e| e.id == id);
    let (Some(k), Some(a)) = (find(keep), find(absorb)) else {
        let missing = if find(keep).is_none() { keep } else { absorb };
        return Err(EditError::BadValue(format!(
            "“{missing}” is not a person, organization, group or place in this story; only \
             entities can be merged."
        )));
    };
    let gone = file.entities.remove(a);
    let k = if a < k { k - 1 } else { k };
    let kept = &mut file.entities[k];
    let mut aliases = std::mem::take(&mut kept.aliases);
    aliases.extend(gone.aliases);
    // An alias must be in the article as written; a normalized name ("Missouri") may not be.
    if article.contains(gone.name.as_str()) {
        aliases.push(gone.name);
    }
    dedupe(&mut aliases);
    kept.aliases = aliases;
    kept.role = kept.role.take().or(gone.role);
    kept.side = kept.side.take().or(gone.side);
    kept.note = kept.note.take().or(gone.note);
    // A descriptive alias of the absorbed entity may need its reason on the kept one.
    kept.inferred = kept.inferred.take().or(gone.inferred);
    for (_, _, mut slot) in slots(file) {
        slot.rename(absorb, keep);
    }
    Ok(Applied {
        made: None,
        removed: vec![absorb.to_owned()],
    })
}

pub fn delete(file: &mut StoryFile, id: &str, force: bool) -> Result<Applied, EditError> {
    if !crate::ids::all(file).contains(&id) {
        return Err(EditError::NoSuchItem(id.to_owned()));
    }
    if !force {
        let by = references_to(file, id);
        if !by.is_empty() {
            return Err(EditError::Referenced {
                id: id.to_owned(),
                by: by.into_iter().map(|r| (r.item, r.field)).collect(),
            });
        }
    }
    let mut removed: Vec<String> = Vec::new();
    let mut queue = vec![id.to_owned()];
    while let Some(target) = queue.pop() {
        if removed.contains(&target) {
            continue;
        }
        let mut needing = Vec::new();
        for (item, _, mut slot) in slots(file) {
            if matches!(slot, Slot::One(_)) && slot.holds(&target) {
                needing.push(item);
            } else {
                slot.clear(&target);
            }
        }
        removed.extend(remove(file, &target));
        queue.extend(needing);
    }
    Ok(Applied {
        made: None,
        removed,
    })
}

/// Removes the item `id`, and a claim's responses with it; returns the ids removed.
fn remove(file: &mut StoryFile, id: &str) -> Vec<String> {
    let before = crate::ids::all(file)
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
    file.sides.retain(|x| x.id != id);
    file.entities.retain(|x| x.id != id);
    file.quotes.retain(|x| x.id != id);
    file.events.retain(|x| x.id != id);
    file.relationships.retain(|x| x.id != id);
    file.claims.retain(|x| x.id != id);
    for c in &mut file.claims {
        c.responses.retain(|x| x.id != id);
    }
    let after = crate::ids::all(file);
    before
        .into_iter()
        .filter(|x| !after.contains(&x.as_str()))
        .collect()
}
