//! Setting an item's fields, its span and its `inferred` reason. Values arrive as text from
//! the page; each is checked for the kind of item and field it goes to, and a value the format
//! cannot hold (a stance that is not one, a date that is not a date) is refused in plain words.
//! Whether a value is *right* (a speaker that exists, a role the article supports) is left to
//! live validation, so an editor can type through an unfinished state.

use crate::edit::{Applied, EditError, Field, Value};
use crate::session::Session;
use crate::spans;
use serde::de::DeserializeOwned;
use std::ops::Range;
use story_core::dates::PartialDate;
use story_core::story::{
    Claim, Entity, Event, ItemRef, Quote, Relationship, Response, Side, Span, StoryFile,
};

/// Where an item is in the file: found once (`locate`), then borrowed as wanted. The story's own
/// `ItemRef` for the items, and the metadata, which the editor edits like one.
#[derive(Clone, Copy)]
enum Place {
    Meta,
    Item(ItemRef),
}

/// Where `id` is among `ids`.
fn at<'a>(mut ids: impl Iterator<Item = &'a String>, id: &str) -> Option<usize> {
    ids.position(|x| x == id)
}

fn locate(file: &StoryFile, id: &str) -> Option<Place> {
    if id == Session::META {
        return Some(Place::Meta);
    }
    if let Some(i) = at(file.sides.iter().map(|x| &x.id), id) {
        return Some(Place::Item(ItemRef::Side(i)));
    }
    if let Some(i) = at(file.entities.iter().map(|x| &x.id), id) {
        return Some(Place::Item(ItemRef::Entity(i)));
    }
    if let Some(i) = at(file.quotes.iter().map(|x| &x.id), id) {
        return Some(Place::Item(ItemRef::Quote(i)));
    }
    if let Some(i) = at(file.events.iter().map(|x| &x.id), id) {
        return Some(Place::Item(ItemRef::Event(i)));
    }
    if let Some(i) = at(file.relationships.iter().map(|x| &x.id), id) {
        return Some(Place::Item(ItemRef::Relationship(i)));
    }
    for (c, claim) in file.claims.iter().enumerate() {
        if claim.id == id {
            return Some(Place::Item(ItemRef::Claim(c)));
        }
        if let Some(r) = at(claim.responses.iter().map(|x| &x.id), id) {
            return Some(Place::Item(ItemRef::Response(c, r)));
        }
    }
    None
}

/// One item of any kind, to change.
pub enum ItemMut<'a> {
    Meta(&'a mut story_core::story::Meta),
    Side(&'a mut Side),
    Entity(&'a mut Entity),
    Quote(&'a mut Quote),
    Event(&'a mut Event),
    Relationship(&'a mut Relationship),
    Claim(&'a mut Claim),
    Response(&'a mut Response),
}

pub fn find_mut<'a>(file: &'a mut StoryFile, id: &str) -> Result<ItemMut<'a>, EditError> {
    let place = locate(file, id).ok_or_else(|| EditError::NoSuchItem(id.to_owned()))?;
    Ok(match place {
        Place::Meta => ItemMut::Meta(&mut file.meta),
        Place::Item(ItemRef::Side(i)) => ItemMut::Side(&mut file.sides[i]),
        Place::Item(ItemRef::Entity(i)) => ItemMut::Entity(&mut file.entities[i]),
        Place::Item(ItemRef::Quote(i)) => ItemMut::Quote(&mut file.quotes[i]),
        Place::Item(ItemRef::Event(i)) => ItemMut::Event(&mut file.events[i]),
        Place::Item(ItemRef::Relationship(i)) => ItemMut::Relationship(&mut file.relationships[i]),
        Place::Item(ItemRef::Claim(c)) => ItemMut::Claim(&mut file.claims[c]),
        Place::Item(ItemRef::Response(c, r)) => ItemMut::Response(&mut file.claims[c].responses[r]),
    })
}

/// What an item's form shows besides its fields.
pub struct ItemSummary<'a> {
    /// The words of the article it is made from (the metadata's: the headline); none for a side.
    pub words: Option<&'a str>,
    /// Why it is a guess, if it is one; `None` for the kinds that cannot be one (metadata, sides).
    pub inferred: Option<Option<&'a str>>,
}

/// The item with `id`, as its form shows it; `None` if there is no such item.
pub fn summary<'a>(file: &'a StoryFile, id: &str) -> Option<ItemSummary<'a>> {
    let guess = |inferred: &'a Option<String>| Some(inferred.as_deref());
    let (span, inferred) = match locate(file, id)? {
        Place::Meta => (Some(&file.meta.headline), None),
        Place::Item(ItemRef::Side(_)) => (None, None),
        Place::Item(ItemRef::Entity(i)) => (
            Some(&file.entities[i].source),
            guess(&file.entities[i].inferred),
        ),
        Place::Item(ItemRef::Quote(i)) => {
            (Some(&file.quotes[i].text), guess(&file.quotes[i].inferred))
        }
        Place::Item(ItemRef::Event(i)) => (
            Some(&file.events[i].source),
            guess(&file.events[i].inferred),
        ),
        Place::Item(ItemRef::Relationship(i)) => {
            let r = &file.relationships[i];
            (Some(&r.source), guess(&r.inferred))
        }
        Place::Item(ItemRef::Claim(c)) => (
            Some(&file.claims[c].source),
            guess(&file.claims[c].inferred),
        ),
        Place::Item(ItemRef::Response(c, r)) => {
            let r = &file.claims[c].responses[r];
            (Some(&r.source), guess(&r.inferred))
        }
    };
    Some(ItemSummary {
        words: span.map(Span::text),
        inferred,
    })
}

/// The span an item is made from: the one a selection sets. The metadata's is the headline.
fn main_span<'a>(item: &'a mut ItemMut) -> Result<&'a mut Span, EditError> {
    Ok(match item {
        ItemMut::Meta(m) => &mut m.headline,
        ItemMut::Entity(x) => &mut x.source,
        ItemMut::Quote(x) => &mut x.text,
        ItemMut::Event(x) => &mut x.source,
        ItemMut::Relationship(x) => &mut x.source,
        ItemMut::Claim(x) => &mut x.source,
        ItemMut::Response(x) => &mut x.source,
        ItemMut::Side(_) => {
            return Err(EditError::BadValue(
                "A side is not tied to words of the article.".to_owned(),
            ))
        }
    })
}

pub fn set_span(
    file: &mut StoryFile,
    article: &str,
    id: &str,
    range: Range<usize>,
) -> Result<Applied, EditError> {
    let span = spans::span_for(article, range)?;
    let mut item = find_mut(file, id)?;
    *main_span(&mut item)? = span;
    Ok(Applied::default())
}

pub fn set_span_ends(
    file: &mut StoryFile,
    article: &str,
    id: &str,
    start_delta: i64,
    end_delta: i64,
) -> Result<Applied, EditError> {
    let mut item = find_mut(file, id)?;
    let slot = main_span(&mut item)?;
    *slot = spans::adjust(slot, article, start_delta, end_delta)?;
    Ok(Applied::default())
}

pub fn set_inferred(
    file: &mut StoryFile,
    id: &str,
    reason: Option<&str>,
) -> Result<Applied, EditError> {
    if reason.is_some_and(|r| r.trim().is_empty()) {
        return Err(EditError::BadValue(
            "Say why this is inferred, in words a reader can weigh.".to_owned(),
        ));
    }
    let slot = match find_mut(file, id)? {
        ItemMut::Entity(x) => &mut x.inferred,
        ItemMut::Quote(x) => &mut x.inferred,
        ItemMut::Event(x) => &mut x.inferred,
        ItemMut::Relationship(x) => &mut x.inferred,
        ItemMut::Claim(x) => &mut x.inferred,
        ItemMut::Response(x) => &mut x.inferred,
        ItemMut::Meta(_) | ItemMut::Side(_) => {
            return Err(EditError::BadValue(
                "Only entities, quotes, events, relationships, claims and responses can be \
                 marked inferred; for the date, write the published note."
                    .to_owned(),
            ))
        }
    };
    *slot = reason.map(str::to_owned);
    Ok(Applied::default())
}

fn text(field: Field, value: &Value) -> Result<String, EditError> {
    match value {
        Value::Text(t) => Ok(t.clone()),
        _ => Err(EditError::BadValue(format!(
            "{} takes one piece of text.",
            label(field)
        ))),
    }
}

/// An optional text: empty text clears it, as an emptied text box should.
fn optional(field: Field, value: &Value) -> Result<Option<String>, EditError> {
    match value {
        Value::None => Ok(None),
        Value::Text(t) if t.trim().is_empty() => Ok(None),
        Value::Text(t) => Ok(Some(t.clone())),
        Value::List(_) => Err(EditError::BadValue(format!(
            "{} takes one piece of text, or nothing.",
            label(field)
        ))),
    }
}

fn list(field: Field, value: &Value) -> Result<Vec<String>, EditError> {
    match value {
        Value::List(items) => Ok(items.clone()),
        Value::None => Ok(Vec::new()),
        Value::Text(_) => Err(EditError::BadValue(format!(
            "{} takes a list.",
            label(field)
        ))),
    }
}

/// A value of one of the format's word lists (kinds, sourcing, stances, tracks), by its name
/// in the file, so the page and the file use the same words.
fn word<T: DeserializeOwned>(field: Field, value: &Value, allowed: &str) -> Result<T, EditError> {
    let t = text(field, value)?;
    serde_json::from_value(serde_json::Value::String(t.clone())).map_err(|_| {
        EditError::BadValue(format!(
            "“{t}” is not a {}; choose one of: {allowed}.",
            label(field)
        ))
    })
}

fn date(field: Field, value: &Value) -> Result<Option<PartialDate>, EditError> {
    optional(field, value)?
        .map(|t| {
            PartialDate::parse_iso(t.trim()).ok_or_else(|| {
                EditError::BadValue(format!(
                    "“{t}” is not a date; write it as 2017-03-02, 2017-03 or 2017."
                ))
            })
        })
        .transpose()
}

/// The field as an editor calls it.
pub fn label(field: Field) -> &'static str {
    match field {
        Field::Kind => "kind",
        Field::Name => "name",
        Field::Aliases => "aliases",
        Field::Role => "role",
        Field::Side => "side",
        Field::Note => "note",
        Field::Speaker => "speaker",
        Field::Sourcing => "sourcing",
        Field::Via => "outlet (via)",
        Field::Event => "event",
        Field::Quotes => "quotes",
        Field::Stance => "stance",
        Field::Summary => "summary",
        Field::Title => "title",
        Field::Track => "track",
        Field::Participants => "participants",
        Field::When => "dating words (when)",
        Field::Date => "date",
        Field::From => "from",
        Field::To => "to",
        Field::Label => "label",
        Field::Events => "events",
        Field::Text => "claim text",
        Field::Claimant => "claimant",
        Field::SideName => "side name",
        Field::StoryId => "story id",
        Field::Published => "publication date",
        Field::PublishedNote => "note on the publication date",
        Field::Publisher => "publisher",
    }
}

const KINDS: &str = "person, organization, group, place";
const SOURCING: &str = "on-record, anonymous, official-statement, reported-by-outlet";
const STANCES: &str =
    "denial, non-denial, dismissal, characterization, criticism, call-to-act, support";
const TRACKS: &str = "happened, reported";

pub fn set(
    file: &mut StoryFile,
    id: &str,
    field: Field,
    value: &Value,
) -> Result<Applied, EditError> {
    let item = find_mut(file, id)?;
    let v = value;
    let mut stand_in_replaced = false;
    match (item, field) {
        (ItemMut::Meta(m), Field::StoryId) => m.id = text(field, v)?,
        (ItemMut::Meta(m), Field::Published) => {
            let published = date(field, v)?.ok_or_else(|| {
                EditError::BadValue("The story needs a publication date.".to_owned())
            })?;
            stand_in_replaced = published != m.published
                && m.published_note
                    .as_deref()
                    .is_some_and(story_draft::is_stand_in);
            if stand_in_replaced {
                m.published_note = None;
            }
            m.published = published;
        }
        (ItemMut::Meta(m), Field::PublishedNote) => m.published_note = optional(field, v)?,
        (ItemMut::Meta(m), Field::Publisher) => m.publisher = optional(field, v)?,
        (ItemMut::Side(x), Field::SideName | Field::Name) => x.name = text(field, v)?,
        (ItemMut::Entity(x), Field::Kind) => x.kind = word(field, v, KINDS)?,
        (ItemMut::Entity(x), Field::Name) => x.name = text(field, v)?,
        (ItemMut::Entity(x), Field::Aliases) => x.aliases = list(field, v)?,
        (ItemMut::Entity(x), Field::Role) => x.role = optional(field, v)?,
        (ItemMut::Entity(x), Field::Side) => x.side = optional(field, v)?,
        (ItemMut::Entity(x), Field::Note) => x.note = optional(field, v)?,
        (ItemMut::Quote(x), Field::Speaker) => x.speaker = text(field, v)?,
        (ItemMut::Quote(x), Field::Sourcing) => x.sourcing = word(field, v, SOURCING)?,
        (ItemMut::Quote(x), Field::Via) => x.via = optional(field, v)?,
        (ItemMut::Quote(x), Field::Event) => x.event = optional(field, v)?,
        (ItemMut::Event(x), Field::Title) => x.title = text(field, v)?,
        (ItemMut::Event(x), Field::Track) => x.track = word(field, v, TRACKS)?,
        (ItemMut::Event(x), Field::Participants) => x.participants = list(field, v)?,
        (ItemMut::Event(x), Field::When) => x.when = text(field, v)?,
        (ItemMut::Event(x), Field::Date) => x.date = date(field, v)?,
        (ItemMut::Relationship(x), Field::From) => x.from = text(field, v)?,
        (ItemMut::Relationship(x), Field::To) => x.to = text(field, v)?,
        (ItemMut::Relationship(x), Field::Label) => x.label = text(field, v)?,
        (ItemMut::Relationship(x), Field::Events) => x.events = list(field, v)?,
        (ItemMut::Claim(x), Field::Text) => x.text = text(field, v)?,
        (ItemMut::Claim(x), Field::Claimant) => x.claimant = text(field, v)?,
        (ItemMut::Claim(x), Field::Event) => x.event = optional(field, v)?,
        (ItemMut::Response(x), Field::Speaker) => x.speaker = text(field, v)?,
        (ItemMut::Response(x), Field::Stance) => x.stance = word(field, v, STANCES)?,
        (ItemMut::Response(x), Field::Summary) => x.summary = text(field, v)?,
        (ItemMut::Response(x), Field::Quotes) => x.quotes = list(field, v)?,
        (ItemMut::Response(x), Field::Event) => x.event = optional(field, v)?,
        (_, field) => {
            return Err(EditError::BadValue(format!(
                "“{id}” has no {}.",
                label(field)
            )))
        }
    }
    // The draft's stand-in date replaced by the real one: its note, and the guesses resolved
    // against it, are no longer true (readers would see them). Emptied, the editorial rules ask
    // how the date was set when the article does not print it, and each date that moved says so.
    if stand_in_replaced {
        for e in &mut file.events {
            if e.inferred.as_deref() == Some(story_draft::STAND_IN_REASON) {
                e.inferred = None;
            }
        }
    }
    Ok(Applied::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use story_core::story::Track;

    fn file() -> StoryFile {
        let toml = r#"
[meta]
id = "s"
headline = "Head"
summary = "Body"
published = "2017-03-02"
[[events]]
id = "e"
title = "t"
track = "happened"
source = "Body"
when = "Body"
"#;
        toml::from_str(toml).unwrap()
    }

    #[test]
    fn the_real_date_set_over_a_stand_in_takes_the_stand_in_note_and_guesses_with_it() {
        let stand_in = format!(
            "{} The latest date it gives, “March 3”, stands in for it: the story appeared on or after it. Dates relative to publication are resolved against it and marked inferred; set `published` and check them.",
            story_draft::NOT_PRINTED
        );
        assert!(story_draft::is_stand_in(&stand_in));
        let set_date = |f: &mut StoryFile, iso: &str| {
            set(f, Session::META, Field::Published, &Value::Text(iso.into())).unwrap();
        };
        let mut f = file();
        f.meta.published_note = Some(stand_in.clone());
        f.events[0].inferred = Some(story_draft::STAND_IN_REASON.to_owned());
        set_date(&mut f, "2017-03-02");
        assert_eq!(
            f.meta.published_note.as_deref(),
            Some(stand_in.as_str()),
            "the same date is no new one"
        );
        set_date(&mut f, "2017-03-09");
        assert_eq!(f.meta.published_note, None);
        assert_eq!(f.events[0].inferred, None);
        // An editor's own note, or another reason, is theirs: kept.
        let mut f = file();
        f.meta.published_note = Some("From the wire's dateline.".into());
        f.events[0].inferred = Some("The article says “last week”.".into());
        set_date(&mut f, "2017-03-09");
        assert_eq!(
            f.meta.published_note.as_deref(),
            Some("From the wire's dateline.")
        );
        assert!(f.events[0].inferred.is_some());
    }

    /// Every item of the seed story is found, with the words it is made from and its guess;
    /// the lookup that finds an item to change finds the same one.
    #[test]
    fn every_item_is_summarized_from_its_own_words() {
        let mut seed: StoryFile = toml::from_str(
            &std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../stories/sessions-kislyak/story.toml"
            ))
            .unwrap(),
        )
        .unwrap();
        // An item as its form should show it: its id, its words, its guess.
        type Row = (String, Option<String>, Option<Option<String>>);
        let row = |id: &str, span: &Span, inferred: &Option<String>| -> Row {
            (
                id.to_owned(),
                Some(span.text().to_owned()),
                Some(inferred.clone()),
            )
        };
        let mut expected: Vec<Row> = vec![(
            Session::META.to_owned(),
            Some(seed.meta.headline.text().to_owned()),
            None,
        )];
        expected.extend(seed.sides.iter().map(|s| (s.id.clone(), None, None)));
        expected.extend(
            seed.entities
                .iter()
                .map(|e| row(&e.id, &e.source, &e.inferred)),
        );
        expected.extend(seed.quotes.iter().map(|q| row(&q.id, &q.text, &q.inferred)));
        expected.extend(
            seed.events
                .iter()
                .map(|e| row(&e.id, &e.source, &e.inferred)),
        );
        expected.extend(
            seed.relationships
                .iter()
                .map(|r| row(&r.id, &r.source, &r.inferred)),
        );
        for c in &seed.claims {
            expected.push(row(&c.id, &c.source, &c.inferred));
            expected.extend(
                c.responses
                    .iter()
                    .map(|r| row(&r.id, &r.source, &r.inferred)),
            );
        }
        assert!(expected.len() > 100, "{} items", expected.len());
        assert!(
            expected.iter().any(|(_, _, g)| matches!(g, Some(Some(_)))),
            "a guess among them"
        );
        for (id, words, inferred) in expected {
            let s = summary(&seed, &id).unwrap_or_else(|| panic!("{id} not found"));
            assert_eq!(s.words.map(str::to_owned), words, "{id}");
            assert_eq!(s.inferred.map(|g| g.map(str::to_owned)), inferred, "{id}");
            assert!(find_mut(&mut seed, &id).is_ok(), "{id}");
        }
        assert!(summary(&seed, "no-such-item").is_none());
    }

    #[test]
    fn values_are_checked_for_their_field_and_refused_in_plain_words() {
        let mut f = file();
        set(&mut f, "e", Field::Track, &Value::Text("reported".into())).unwrap();
        assert_eq!(f.events[0].track, Track::Reported);
        let wrong = set(&mut f, "e", Field::Track, &Value::Text("later".into())).unwrap_err();
        assert_eq!(
            wrong.to_string(),
            "“later” is not a track; choose one of: happened, reported."
        );
        let no_field = set(&mut f, "e", Field::Speaker, &Value::Text("x".into())).unwrap_err();
        assert_eq!(no_field.to_string(), "“e” has no speaker.");
        let bad_date = set(&mut f, "e", Field::Date, &Value::Text("March 2".into())).unwrap_err();
        assert!(bad_date.to_string().contains("write it as 2017-03-02"));
        set(&mut f, "e", Field::Date, &Value::Text("2017-03".into())).unwrap();
        assert_eq!(f.events[0].date, PartialDate::month(2017, 3));
        set(&mut f, "e", Field::Date, &Value::Text(" ".into())).unwrap();
        assert_eq!(f.events[0].date, None);
    }

    #[test]
    fn inferred_needs_a_reason_and_belongs_to_items() {
        let mut f = file();
        assert!(set_inferred(&mut f, "e", Some("  ")).is_err());
        set_inferred(&mut f, "e", Some("Read so.")).unwrap();
        assert_eq!(f.events[0].inferred.as_deref(), Some("Read so."));
        set_inferred(&mut f, "e", None).unwrap();
        assert_eq!(f.events[0].inferred, None);
        assert!(set_inferred(&mut f, Session::META, Some("x")).is_err());
        assert_eq!(
            set_inferred(&mut f, "nope", None),
            Err(EditError::NoSuchItem("nope".into()))
        );
    }
}
