//! The items of the story as the editor's list shows them: grouped by kind, each with a label in
//! words, whether it waits for review, the problems validation finds in it, and where its words
//! are in the article (for the marks).

use crate::runs::Mark;
use std::collections::HashMap;
use std::ops::Range;
use story_core::story::{EntityKind, Span, StoryFile};
use story_edit::{resolve, EditError, Problem, Session, Target};

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: String,
    /// The item's kind as a class name and in words: `person`, "Person".
    pub class: &'static str,
    pub kind: &'static str,
    pub label: String,
    /// One line under the label: a quote's speaker, an entity's role, a date.
    pub detail: String,
    pub drafted: bool,
    pub problems: Vec<Problem>,
    /// Where its words are in the article, when they are found there once.
    pub range: Option<Range<usize>>,
    /// A response, shown under its claim.
    pub nested: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub title: &'static str,
    pub rows: Vec<Row>,
}

/// The story's items in groups (sides last), with `problems` given to the items they are about.
pub fn outline(session: &Session, problems: &[Problem]) -> Vec<Group> {
    let file = session.file();
    let article = session.article();
    let mut by_id: HashMap<&str, Vec<Problem>> = HashMap::new();
    for p in problems {
        if let Target::Item { id, .. } = &p.target {
            by_id.entry(id.as_str()).or_default().push(p.clone());
        }
    }
    let names: HashMap<&str, &str> = file
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    let name = |id: &str| names.get(id).copied().unwrap_or(id).to_owned();
    let row = |id: &str, class, kind, label: String, detail: String, span: Option<&Span>| Row {
        id: id.to_owned(),
        class,
        kind,
        label,
        detail,
        drafted: session.unreviewed().iter().any(|u| u == id),
        problems: by_id.get(id).cloned().unwrap_or_default(),
        range: span.and_then(|s| resolve(s, article)),
        nested: false,
    };
    let mut groups = Vec::new();
    for (title, kind) in [
        ("People", EntityKind::Person),
        ("Organizations", EntityKind::Organization),
        ("Groups", EntityKind::Group),
        ("Places", EntityKind::Place),
    ] {
        let rows = file
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| {
                let (class, word) = entity_kind(e.kind);
                row(
                    &e.id,
                    class,
                    word,
                    e.name.clone(),
                    e.role.clone().unwrap_or_default(),
                    Some(&e.source),
                )
            })
            .collect();
        groups.push(Group { title, rows });
    }
    let quotes = file
        .quotes
        .iter()
        .map(|q| {
            let speaker = if q.speaker.is_empty() {
                "no speaker yet".to_owned()
            } else {
                name(&q.speaker)
            };
            row(
                &q.id,
                "quote",
                "Quote",
                quoted(q.text.text()),
                speaker,
                Some(&q.text),
            )
        })
        .collect();
    groups.push(Group {
        title: "Quotes",
        rows: quotes,
    });
    let events = file
        .events
        .iter()
        .map(|e| {
            let when = e.date.map(|d| d.iso()).unwrap_or_else(|| e.when.clone());
            row(
                &e.id,
                "event",
                "Event",
                e.title.clone(),
                when,
                Some(&e.source),
            )
        })
        .collect();
    groups.push(Group {
        title: "Events",
        rows: events,
    });
    let relationships = file
        .relationships
        .iter()
        .map(|r| {
            let label = format!(
                "{} {} {}",
                blank(&name(&r.from)),
                blank(&r.label),
                blank(&name(&r.to))
            );
            row(
                &r.id,
                "relationship",
                "Relationship",
                label,
                String::new(),
                Some(&r.source),
            )
        })
        .collect();
    groups.push(Group {
        title: "Relationships",
        rows: relationships,
    });
    let mut claims = Vec::new();
    for c in &file.claims {
        claims.push(row(
            &c.id,
            "claim",
            "Claim",
            c.text.clone(),
            name(&c.claimant),
            Some(&c.source),
        ));
        for r in &c.responses {
            let mut response = row(
                &r.id,
                "response",
                "Response",
                r.summary.clone(),
                format!("{}: {}", name(&r.speaker), r.stance.label()),
                Some(&r.source),
            );
            response.nested = true;
            claims.push(response);
        }
    }
    groups.push(Group {
        title: "Claims and responses",
        rows: claims,
    });
    let sides = file
        .sides
        .iter()
        .map(|s| row(&s.id, "side", "Side", s.name.clone(), String::new(), None))
        .collect();
    groups.push(Group {
        title: "Sides",
        rows: sides,
    });
    groups
}

/// Every item's words in the article, for the marks.
pub fn marks(groups: &[Group]) -> Vec<Mark> {
    groups
        .iter()
        .flat_map(|g| &g.rows)
        .filter_map(|r| {
            r.range.clone().map(|range| Mark {
                range,
                class: r.class,
                id: r.id.clone(),
            })
        })
        .collect()
}

/// The problems about the story as a whole (its metadata, the article).
pub fn story_problems(problems: &[Problem]) -> Vec<Problem> {
    problems
        .iter()
        .filter(|p| !matches!(p.target, Target::Item { .. }))
        .cloned()
        .collect()
}

pub fn entity_kind(kind: EntityKind) -> (&'static str, &'static str) {
    match kind {
        EntityKind::Person => ("person", "Person"),
        EntityKind::Organization => ("organization", "Organization"),
        EntityKind::Group => ("group", "Group"),
        EntityKind::Place => ("place", "Place"),
    }
}

fn quoted(words: &str) -> String {
    const MAX: usize = 90;
    let cut = if words.chars().count() > MAX {
        let end = words
            .char_indices()
            .nth(MAX)
            .map_or(words.len(), |(i, _)| i);
        format!("{}…", words[..end].trim_end())
    } else {
        words.to_owned()
    };
    format!("“{cut}”")
}

fn blank(text: &str) -> &str {
    if text.is_empty() {
        "…"
    } else {
        text
    }
}

/// The whole file's ids, for tests and pickers.
pub fn entity_choices(file: &StoryFile) -> Vec<(String, String)> {
    file.entities
        .iter()
        .map(|e| (e.id.clone(), e.name.clone()))
        .collect()
}

/// A refusal in the editor's words: the items it names as the list shows them, not by their ids.
pub fn refusal(groups: &[Group], error: &EditError) -> String {
    let EditError::Referenced { id, by } = error else {
        return error.to_string();
    };
    let name = |id: &str| {
        groups
            .iter()
            .flat_map(|g| &g.rows)
            .find(|r| r.id == id)
            .map_or_else(
                || format!("“{id}”"),
                |r| format!("the {} “{}”", r.kind.to_lowercase(), short(&r.label)),
            )
    };
    let uses: Vec<String> = by
        .iter()
        .map(|(item, field)| format!("{} (its {field})", name(item)))
        .collect();
    let mut text = name(id);
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    format!(
        "{text} is still used by {}: change those first, or delete them with it.",
        uses.join(", ")
    )
}

/// A label cut to a line, at a word.
fn short(label: &str) -> String {
    const MAX: usize = 60;
    if label.chars().count() <= MAX {
        return label.to_owned();
    }
    let cut: String = label.chars().take(MAX).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use story_edit::{open, problems, Edit, NewItem};

    const ARTICLE: &str = include_str!("../../../stories/sessions-kislyak/article.txt");
    const STORY: &str = include_str!("../../../stories/sessions-kislyak/story.toml");

    #[test]
    fn a_refused_delete_names_what_uses_the_item_as_the_list_shows_it() {
        let mut session = open(ARTICLE, STORY).unwrap();
        let error = session
            .apply(Edit::Delete {
                id: "dmitry-peskov".into(),
                force: false,
            })
            .unwrap_err();
        let groups = outline(&session, &problems(&session));
        let text = refusal(&groups, &error);
        assert!(
            text.starts_with("The person “Dmitry Peskov” is still used by the quote “"),
            "{text}"
        );
        assert!(text.contains("(its speaker)"), "{text}");
        assert!(!text.contains("peskov-"), "no id: {text}");
        assert!(text.ends_with(": change those first, or delete them with it."));
        assert_eq!(
            refusal(&groups, &EditError::NothingToUndo),
            "There is nothing to undo."
        );
    }

    #[test]
    fn every_item_is_listed_once_with_its_words_found_and_problems_beside_it() {
        let mut session = open(ARTICLE, STORY).unwrap();
        let groups = outline(&session, &problems(&session));
        let file = session.file();
        let listed: usize = groups.iter().map(|g| g.rows.len()).sum();
        let responses: usize = file.claims.iter().map(|c| c.responses.len()).sum();
        assert_eq!(
            listed,
            file.entities.len()
                + file.quotes.len()
                + file.events.len()
                + file.relationships.len()
                + file.claims.len()
                + responses
                + file.sides.len()
        );
        assert!(groups
            .iter()
            .flat_map(|g| &g.rows)
            .all(|r| r.problems.is_empty()));
        let marked = marks(&groups);
        assert_eq!(
            marked.len(),
            listed - file.sides.len(),
            "every item but sides has words"
        );

        let at = ARTICLE.find("Sessions").unwrap();
        session
            .apply(Edit::MakeItem {
                item: NewItem::Quote,
                range: at..at + "Sessions".len(),
            })
            .unwrap();
        let groups = outline(&session, &problems(&session));
        let quote = groups[4].rows.last().unwrap();
        assert_eq!(quote.detail, "no speaker yet");
        assert!(quote
            .problems
            .iter()
            .any(|p| p.field.as_deref() == Some("speaker")));
    }
}
