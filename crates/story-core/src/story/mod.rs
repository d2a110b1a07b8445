//! A story: the article text and the structured layer over it, validated.
//!
//! A [`Story`] can only be made by [`validate`] (or unpacked, checksum checked, from what it made:
//! [`packed`]), so holding one means every span was found in the
//! article exactly once, every reference points at an item of the right kind and every event has
//! a date. The app treats it as immutable and shares it behind an `Rc`.

#[cfg(feature = "editorial")]
mod inference;
mod model;
pub mod packed;
mod span;
mod validate;
pub mod words;

#[cfg(feature = "editorial")]
pub use inference::names;
pub use model::*;
pub use span::ArticleIndex;
pub use validate::{validate, Problem};

use crate::set::SortedMap;
use std::ops::Range;

/// Where an id points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemRef {
    Side(usize),
    Entity(usize),
    Quote(usize),
    Event(usize),
    Relationship(usize),
    Claim(usize),
    /// A response, by claim and position in that claim.
    Response(usize, usize),
}

#[derive(Clone, Debug)]
pub struct Story {
    file: StoryFile,
    article: String,
    sentences: Vec<Range<usize>>,
    paragraphs: Vec<Range<usize>>,
    index: SortedMap<String, ItemRef>,
}

impl Story {
    pub fn meta(&self) -> &Meta {
        &self.file.meta
    }
    pub fn sides(&self) -> &[Side] {
        &self.file.sides
    }
    pub fn entities(&self) -> &[Entity] {
        &self.file.entities
    }
    pub fn quotes(&self) -> &[Quote] {
        &self.file.quotes
    }
    pub fn events(&self) -> &[Event] {
        &self.file.events
    }
    pub fn relationships(&self) -> &[Relationship] {
        &self.file.relationships
    }
    pub fn claims(&self) -> &[Claim] {
        &self.file.claims
    }
    pub fn article(&self) -> &str {
        &self.article
    }
    pub fn paragraphs(&self) -> &[Range<usize>] {
        &self.paragraphs
    }
    pub fn sentences(&self) -> &[Range<usize>] {
        &self.sentences
    }

    /// The article's words at `range`, which validation guarantees is in bounds.
    pub fn words(&self, range: &Range<usize>) -> &str {
        self.article.get(range.clone()).unwrap_or("")
    }

    pub fn find(&self, id: &str) -> Option<ItemRef> {
        self.index.get(id).copied()
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        match self.find(id)? {
            ItemRef::Entity(i) => self.file.entities.get(i),
            _ => None,
        }
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        match self.find(id)? {
            ItemRef::Event(i) => self.file.events.get(i),
            _ => None,
        }
    }

    pub fn quote(&self, id: &str) -> Option<&Quote> {
        match self.find(id)? {
            ItemRef::Quote(i) => self.file.quotes.get(i),
            _ => None,
        }
    }

    pub fn side(&self, id: &str) -> Option<&Side> {
        match self.find(id)? {
            ItemRef::Side(i) => self.file.sides.get(i),
            _ => None,
        }
    }

    /// The days an event covers, as day numbers: an open-ended event ("since Wednesday") runs
    /// to the publication date.
    pub fn event_days(&self, event: &Event) -> Option<(i64, i64)> {
        let date = event.on()?;
        Some(crate::dates::extent_bounds(
            date,
            event.extent(),
            self.meta().published,
        ))
    }

    /// Why the item `id` is inferred, if its story says it is.
    pub fn inferred(&self, id: &str) -> Option<&str> {
        let f = &self.file;
        match self.find(id)? {
            ItemRef::Entity(i) => f.entities.get(i)?.inferred.as_deref(),
            ItemRef::Quote(i) => f.quotes.get(i)?.inferred.as_deref(),
            ItemRef::Event(i) => f.events.get(i)?.inferred.as_deref(),
            ItemRef::Relationship(i) => f.relationships.get(i)?.inferred.as_deref(),
            ItemRef::Claim(i) => f.claims.get(i)?.inferred.as_deref(),
            ItemRef::Response(c, r) => f.claims.get(c)?.responses.get(r)?.inferred.as_deref(),
            ItemRef::Side(_) => None,
        }
    }

    /// The display name of an entity id, or the id itself if it is not an entity.
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.entity(id).map_or(id, |e| e.name.as_str())
    }
}

/// Every item's id with its kind and place, in the file's order (validation reports duplicates).
fn item_ids(file: &StoryFile) -> Vec<(&'static str, &str, ItemRef)> {
    let mut ids: Vec<(&'static str, &str, ItemRef)> = Vec::new();
    for (i, x) in file.sides.iter().enumerate() {
        ids.push(("side", &x.id, ItemRef::Side(i)));
    }
    for (i, x) in file.entities.iter().enumerate() {
        ids.push(("entity", &x.id, ItemRef::Entity(i)));
    }
    for (i, x) in file.quotes.iter().enumerate() {
        ids.push(("quote", &x.id, ItemRef::Quote(i)));
    }
    for (i, x) in file.events.iter().enumerate() {
        ids.push(("event", &x.id, ItemRef::Event(i)));
    }
    for (i, x) in file.relationships.iter().enumerate() {
        ids.push(("relationship", &x.id, ItemRef::Relationship(i)));
    }
    for (c, claim) in file.claims.iter().enumerate() {
        ids.push(("claim", &claim.id, ItemRef::Claim(c)));
        for (r, x) in claim.responses.iter().enumerate() {
            ids.push(("response", &x.id, ItemRef::Response(c, r)));
        }
    }
    ids
}

/// Id → item, for a file whose ids are unique (a duplicate keeps its first item).
fn id_index(file: &StoryFile) -> SortedMap<String, ItemRef> {
    SortedMap::from_pairs(
        item_ids(file)
            .into_iter()
            .map(|(_, id, item)| (id.to_owned(), item))
            .collect(),
    )
}

/// Why a story could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The data is not a story file at all (a syntax or type error).
    Format(String),
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Format(message) => write!(f, "the story data cannot be read: {message}"),
            LoadError::Invalid(problems) => {
                write!(f, "the story data has {} problem(s):", problems.len())?;
                problems.iter().try_for_each(|p| write!(f, "\n- {p}"))
            }
        }
    }
}

/// Parses the JSON form of a story file and validates it against the article.
pub fn load_json(json: &str, article: &str) -> Result<Story, LoadError> {
    let file: StoryFile =
        serde_json::from_str(json).map_err(|e| LoadError::Format(e.to_string()))?;
    validate(file, article).map_err(LoadError::Invalid)
}
