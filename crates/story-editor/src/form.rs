//! The fields of an item's form: what each is called, how it is typed, and its value now; and the
//! reverse, a typed value read into the `Value` an edit takes. Entities are typed by name (a
//! picker offers the story's names) and stored by id.

use story_core::story::words;
use story_core::story::{EntityKind, Sourcing, Stance, StoryFile, Track};
use story_edit::{Field, Session, Value};

#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    Text,
    /// A longer text (a note, a summary).
    Long,
    /// One of the format's words, with the editor's word for each; `optional` adds "none".
    Choice {
        options: Vec<(String, String)>,
        optional: bool,
    },
    /// One entity, typed by name.
    Entity,
    /// Entities, one name per line.
    Entities,
    /// Texts, one per line (aliases: each the article's own words).
    Lines,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FieldRow {
    pub field: Field,
    pub label: &'static str,
    /// The name the file gives the field, which problems name.
    pub key: &'static str,
    pub input: Input,
    pub value: String,
    pub hint: &'static str,
}

fn row(
    field: Field,
    label: &'static str,
    key: &'static str,
    input: Input,
    value: String,
    hint: &'static str,
) -> FieldRow {
    FieldRow {
        field,
        label,
        key,
        input,
        value,
        hint,
    }
}

fn words<T: Copy>(
    all: &[T],
    word: impl Fn(T) -> (&'static str, &'static str),
) -> Vec<(String, String)> {
    all.iter()
        .map(|&x| {
            let (v, l) = word(x);
            (v.to_owned(), l.to_owned())
        })
        .collect()
}

// The values are the format's own words (story_core::story::words); the labels are the editor's.
pub fn kind_word(k: EntityKind) -> (&'static str, &'static str) {
    let label = match k {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organization",
        EntityKind::Group => "Group",
        EntityKind::Place => "Place",
    };
    (words::kind_word(k), label)
}

pub fn sourcing_word(s: Sourcing) -> (&'static str, &'static str) {
    let label = match s {
        Sourcing::OnRecord => "On the record",
        Sourcing::Anonymous => "Anonymous",
        Sourcing::OfficialStatement => "Official statement",
        Sourcing::ReportedByOutlet => "Reported by an outlet",
    };
    (words::sourcing_word(s), label)
}

fn stance_word(s: Stance) -> (&'static str, &'static str) {
    (words::stance_word(s), s.label())
}

fn track_word(t: Track) -> (&'static str, &'static str) {
    let label = match t {
        Track::Happened => "What happened",
        Track::Reported => "When it was reported or answered",
    };
    (words::track_word(t), label)
}

fn opt(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// An entity's name for a field, or the stored id when no entity has it.
pub fn name_of(file: &StoryFile, id: &str) -> String {
    file.entities
        .iter()
        .find(|e| e.id == id)
        .map_or_else(|| id.to_owned(), |e| e.name.clone())
}

/// The entity typed: an id, or a name (or alias) that names one entity; otherwise the text as
/// typed, which validation then reports next to the field.
pub fn entity_id(file: &StoryFile, typed: &str) -> String {
    let typed = typed.trim();
    if file.entities.iter().any(|e| e.id == typed) {
        return typed.to_owned();
    }
    let key = typed.to_lowercase();
    let by_name: Vec<&str> = file
        .entities
        .iter()
        .filter(|e| e.name.to_lowercase() == key)
        .map(|e| e.id.as_str())
        .collect();
    if let [one] = by_name.as_slice() {
        return (*one).to_owned();
    }
    let by_alias: Vec<&str> = file
        .entities
        .iter()
        .filter(|e| e.aliases.iter().any(|a| a.to_lowercase() == key))
        .map(|e| e.id.as_str())
        .collect();
    match by_alias.as_slice() {
        [one] => (*one).to_owned(),
        _ => typed.to_owned(),
    }
}

fn event_choices(file: &StoryFile) -> Input {
    Input::Choice {
        options: file
            .events
            .iter()
            .map(|e| (e.id.clone(), e.title.clone()))
            .collect(),
        optional: true,
    }
}

/// The form of the item `id` (or of the story, for `Session::META`).
pub fn fields(session: &Session, id: &str) -> Vec<FieldRow> {
    let file = session.file();
    let names = |ids: &[String]| {
        ids.iter()
            .map(|i| name_of(file, i))
            .collect::<Vec<_>>()
            .join("\n")
    };
    if id == Session::META {
        let m = &file.meta;
        return vec![
            row(
                Field::Published,
                "Publication date",
                "published",
                Input::Date,
                m.published.iso(),
                "YYYY-MM-DD, as the article was published",
            ),
            row(
                Field::PublishedNote,
                "Note on the date",
                "published_note",
                Input::Text,
                opt(&m.published_note),
                "Where the date comes from, when the article does not print it",
            ),
            row(
                Field::Publisher,
                "Publisher",
                "publisher",
                Input::Text,
                opt(&m.publisher),
                "",
            ),
            row(
                Field::StoryId,
                "Story id",
                "id",
                Input::Text,
                m.id.clone(),
                "Lowercase words joined by hyphens; names the story's files and links",
            ),
        ];
    }
    if let Some(e) = file.entities.iter().find(|e| e.id == id) {
        let sides = Input::Choice {
            options: file
                .sides
                .iter()
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect(),
            optional: true,
        };
        return vec![
            row(
                Field::Name,
                "Name",
                "name",
                Input::Text,
                e.name.clone(),
                "The name the explorer shows",
            ),
            row(
                Field::Kind,
                "Kind",
                "kind",
                Input::Choice {
                    options: words(
                        &[
                            EntityKind::Person,
                            EntityKind::Organization,
                            EntityKind::Group,
                            EntityKind::Place,
                        ],
                        kind_word,
                    ),
                    optional: false,
                },
                kind_word(e.kind).0.to_owned(),
                "",
            ),
            row(
                Field::Aliases,
                "Other names in the article",
                "aliases",
                Input::Lines,
                e.aliases.join("\n"),
                "One per line, each as the article writes it",
            ),
            row(
                Field::Role,
                "Role",
                "role",
                Input::Text,
                opt(&e.role),
                "As the article gives it",
            ),
            row(Field::Side, "Side", "side", sides, opt(&e.side), ""),
            row(Field::Note, "Note", "note", Input::Long, opt(&e.note), ""),
        ];
    }
    if let Some(q) = file.quotes.iter().find(|q| q.id == id) {
        return vec![
            row(
                Field::Speaker,
                "Speaker",
                "speaker",
                Input::Entity,
                name_of(file, &q.speaker),
                "Who says this: type a name",
            ),
            row(
                Field::Sourcing,
                "Sourcing",
                "sourcing",
                Input::Choice {
                    options: words(
                        &[
                            Sourcing::OnRecord,
                            Sourcing::Anonymous,
                            Sourcing::OfficialStatement,
                            Sourcing::ReportedByOutlet,
                        ],
                        sourcing_word,
                    ),
                    optional: false,
                },
                sourcing_word(q.sourcing).0.to_owned(),
                "",
            ),
            row(
                Field::Via,
                "Outlet that carried it",
                "via",
                Input::Entity,
                q.via
                    .as_deref()
                    .map(|v| name_of(file, v))
                    .unwrap_or_default(),
                "Only when the article names one",
            ),
            row(
                Field::Event,
                "Said at",
                "event",
                event_choices(file),
                opt(&q.event),
                "The event that dates the quote",
            ),
        ];
    }
    if let Some(e) = file.events.iter().find(|e| e.id == id) {
        return vec![
            row(
                Field::Title,
                "Title",
                "title",
                Input::Text,
                e.title.clone(),
                "",
            ),
            row(
                Field::Track,
                "Track",
                "track",
                Input::Choice {
                    options: words(&[Track::Happened, Track::Reported], track_word),
                    optional: false,
                },
                track_word(e.track).0.to_owned(),
                "",
            ),
            row(
                Field::When,
                "Dating words",
                "when",
                Input::Text,
                e.when.clone(),
                "The article's own words that date it (\"last month\")",
            ),
            row(
                Field::Date,
                "Date",
                "date",
                Input::Date,
                e.date.map(|d| d.iso()).unwrap_or_default(),
                "YYYY, YYYY-MM or YYYY-MM-DD; empty when the dating words are enough",
            ),
            row(
                Field::Participants,
                "Participants",
                "participants",
                Input::Entities,
                names(&e.participants),
                "One name per line",
            ),
        ];
    }
    if let Some(r) = file.relationships.iter().find(|r| r.id == id) {
        return vec![
            row(
                Field::From,
                "From",
                "from",
                Input::Entity,
                name_of(file, &r.from),
                "Type a name",
            ),
            row(
                Field::Label,
                "Relation",
                "label",
                Input::Text,
                r.label.clone(),
                "As a reader says it: \"met with\"",
            ),
            row(
                Field::To,
                "To",
                "to",
                Input::Entity,
                name_of(file, &r.to),
                "Type a name",
            ),
        ];
    }
    if let Some(c) = file.claims.iter().find(|c| c.id == id) {
        return vec![
            row(
                Field::Text,
                "Claim",
                "text",
                Input::Long,
                c.text.clone(),
                "What is claimed, in one sentence",
            ),
            row(
                Field::Claimant,
                "Claimed by",
                "claimant",
                Input::Entity,
                name_of(file, &c.claimant),
                "Type a name",
            ),
            row(
                Field::Event,
                "Made at",
                "event",
                event_choices(file),
                opt(&c.event),
                "",
            ),
        ];
    }
    if let Some(r) = file
        .claims
        .iter()
        .flat_map(|c| &c.responses)
        .find(|r| r.id == id)
    {
        return vec![
            row(
                Field::Speaker,
                "Speaker",
                "speaker",
                Input::Entity,
                name_of(file, &r.speaker),
                "Type a name",
            ),
            row(
                Field::Stance,
                "Stance",
                "stance",
                Input::Choice {
                    options: words(&Stance::ALL, stance_word),
                    optional: false,
                },
                stance_word(r.stance).0.to_owned(),
                "",
            ),
            row(
                Field::Summary,
                "Summary",
                "summary",
                Input::Long,
                r.summary.clone(),
                "What the response says, in a line",
            ),
            row(
                Field::Event,
                "Made at",
                "event",
                event_choices(file),
                opt(&r.event),
                "",
            ),
        ];
    }
    if let Some(s) = file.sides.iter().find(|s| s.id == id) {
        return vec![row(
            Field::SideName,
            "Name",
            "name",
            Input::Text,
            s.name.clone(),
            "",
        )];
    }
    Vec::new()
}

/// What the editor typed into a field, as the value its edit takes.
pub fn value(session: &Session, input: &Input, typed: &str) -> Value {
    let file = session.file();
    let lines = || typed.lines().map(str::trim).filter(|l| !l.is_empty());
    match input {
        _ if typed.trim().is_empty() && !matches!(input, Input::Lines | Input::Entities) => {
            Value::None
        }
        Input::Entity => Value::Text(entity_id(file, typed)),
        Input::Entities => Value::List(lines().map(|l| entity_id(file, l)).collect()),
        Input::Lines => Value::List(lines().map(str::to_owned).collect()),
        _ => Value::Text(typed.trim().to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use story_edit::{apply, open, Edit};

    const ARTICLE: &str = include_str!("../../../stories/sessions-kislyak/article.txt");
    const STORY: &str = include_str!("../../../stories/sessions-kislyak/story.toml");

    #[test]
    fn every_field_of_every_item_writes_back_the_value_it_shows() {
        let session = open(ARTICLE, STORY).unwrap();
        let mut ids: Vec<String> = vec![Session::META.to_owned()];
        let f = session.file();
        ids.extend(f.entities.iter().map(|x| x.id.clone()));
        ids.extend(f.quotes.iter().map(|x| x.id.clone()));
        ids.extend(f.events.iter().map(|x| x.id.clone()));
        ids.extend(f.relationships.iter().map(|x| x.id.clone()));
        ids.extend(f.sides.iter().map(|x| x.id.clone()));
        for c in &f.claims {
            ids.push(c.id.clone());
            ids.extend(c.responses.iter().map(|x| x.id.clone()));
        }
        for id in &ids {
            let rows = fields(&session, id);
            assert!(!rows.is_empty(), "{id} has a form");
            for r in rows {
                let mut copy = session.clone();
                let v = value(&copy, &r.input, &r.value);
                apply(
                    &mut copy,
                    Edit::SetField {
                        id: id.clone(),
                        field: r.field,
                        value: v,
                    },
                )
                .unwrap_or_else(|e| panic!("{id} {:?}: {e}", r.field));
                assert_eq!(
                    copy.file(),
                    session.file(),
                    "{id} {:?} unchanged by its own value",
                    r.field
                );
            }
        }
    }

    #[test]
    fn an_entity_is_typed_by_name_or_alias_and_stored_by_id() {
        let session = open(ARTICLE, STORY).unwrap();
        let f = session.file();
        let sessions = f
            .entities
            .iter()
            .find(|e| e.name == "Jeff Sessions")
            .unwrap();
        assert_eq!(entity_id(f, "jeff sessions"), sessions.id);
        assert_eq!(entity_id(f, &sessions.id), sessions.id);
        assert_eq!(entity_id(f, "Nobody Known"), "Nobody Known");
        assert_eq!(
            value(&session, &Input::Entities, "Jeff Sessions\n\n  nobody \n"),
            Value::List(vec![sessions.id.clone(), "nobody".into()])
        );
        assert_eq!(value(&session, &Input::Text, "  "), Value::None);
    }
}
