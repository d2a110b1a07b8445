//! The edits an editor makes most, on the seed story and its draft: items from selections,
//! merges, deletes, review, marking the story checked, and the saved form.

mod common;

use common::{draft, range_of, seed, ARTICLE};
use story_core::story::Span;
use story_edit::{problems, references_to, Edit, EditError, Field, NewItem, Session, Value};

#[test]
fn an_item_made_from_repeated_words_gets_the_shortest_unique_passage() {
    let mut session = seed();
    let applied = session
        .apply(Edit::MakeItem {
            item: NewItem::Entity,
            range: range_of("Jeff Sessions", 1),
        })
        .unwrap();
    assert_eq!(applied.made.as_deref(), Some("jeff-sessions-2"));
    let made = session
        .file()
        .entities
        .iter()
        .find(|e| e.id == "jeff-sessions-2")
        .unwrap();
    let Span::Within { text, within } = &made.source else {
        panic!("{:?}", made.source)
    };
    assert_eq!(text, "Jeff Sessions");
    assert_eq!(within, "Jeff Sessions speaks");
    assert_eq!(
        story_edit::resolve(&made.source, ARTICLE),
        Some(range_of("Jeff Sessions", 1))
    );
}

#[test]
fn a_new_quote_asks_for_its_speaker_next_to_it() {
    let mut session = seed();
    let made = session
        .apply(Edit::MakeItem {
            item: NewItem::Quote,
            range: range_of("sworn-in in the Oval Office", 0),
        })
        .unwrap()
        .made
        .unwrap();
    let found = problems(&session);
    let about: Vec<_> = found
        .iter()
        .filter(|p| matches!(&p.target, story_edit::Target::Item { id, .. } if *id == made))
        .collect();
    assert!(
        about
            .iter()
            .any(|p| p.message == "Choose the speaker (who says this)."),
        "{found:?}"
    );
}

#[test]
fn merging_moves_every_reference_and_combines_aliases() {
    let mut session = seed();
    let before = references_to(session.file(), "sergey-kislyak").len();
    assert!(before >= 3);
    session
        .apply(Edit::MergeEntities {
            keep: "jeff-sessions".into(),
            absorb: "sergey-kislyak".into(),
        })
        .unwrap();
    let file = session.file();
    assert!(file.entities.iter().all(|e| e.id != "sergey-kislyak"));
    assert!(references_to(file, "sergey-kislyak").is_empty());
    let sessions = file
        .entities
        .iter()
        .find(|e| e.id == "jeff-sessions")
        .unwrap();
    for alias in ["Sessions", "Kislyak", "Sergey Kislyak"] {
        assert_eq!(
            sessions.aliases.iter().filter(|a| *a == alias).count(),
            1,
            "{alias}"
        );
    }
    // The two met: the meeting's participants name the merged entity once, not twice.
    for event in &file.events {
        let n = event
            .participants
            .iter()
            .filter(|p| *p == "jeff-sessions")
            .count();
        assert!(n <= 1, "{}", event.id);
    }
    assert!(session
        .apply(Edit::MergeEntities {
            keep: "jeff-sessions".into(),
            absorb: "peskov-no-details".into(),
        })
        .is_err());
}

#[test]
fn deleting_a_referenced_item_says_what_uses_it_and_forcing_leaves_nothing_dangling() {
    let mut session = seed();
    let err = session
        .apply(Edit::Delete {
            id: "dmitry-peskov".into(),
            force: false,
        })
        .unwrap_err();
    let EditError::Referenced { by, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(
        by.contains(&("peskov-no-details".to_owned(), "speaker")),
        "{by:?}"
    );
    assert!(err.to_string().contains("peskov-no-details (speaker)"));
    let applied = session
        .apply(Edit::Delete {
            id: "dmitry-peskov".into(),
            force: true,
        })
        .unwrap();
    assert!(applied.removed.contains(&"peskov-no-details".to_owned()));
    for id in &applied.removed {
        assert!(references_to(session.file(), id).is_empty(), "{id}");
    }
    let left = problems(&session);
    assert!(
        left.iter().all(|p| !p.message.contains("does not exist")),
        "{left:?}"
    );
}

#[test]
fn a_draft_is_marked_checked_only_when_reviewed_and_valid() {
    let mut session = draft();
    let refused = session.apply(Edit::MarkChecked).unwrap_err();
    assert!(
        refused.to_string().contains("not yet accepted or rejected"),
        "{refused}"
    );
    for id in session.unreviewed().to_vec() {
        session.apply(Edit::Accept { id }).unwrap();
    }
    let quote = session.file().quotes[0].id.clone();
    session
        .apply(Edit::SetField {
            id: quote,
            field: Field::Speaker,
            value: Value::Text(String::new()),
        })
        .unwrap();
    let refused = session.apply(Edit::MarkChecked).unwrap_err();
    assert!(
        refused.to_string().contains("while it has a problem."),
        "{refused}"
    );
    session.undo().unwrap();
    session.apply(Edit::MarkChecked).unwrap();
    assert!(!session.file().meta.draft);
    session.undo().unwrap();
    assert!(session.file().meta.draft);
}

#[test]
fn rejecting_a_drafted_item_drops_it_and_only_drafted_items_wait() {
    let mut session = draft();
    let relationship = session.file().relationships[0].id.clone();
    session
        .apply(Edit::Reject {
            id: relationship.clone(),
        })
        .unwrap();
    assert!(!session.unreviewed().contains(&relationship));
    assert!(session
        .file()
        .relationships
        .iter()
        .all(|r| r.id != relationship));
    assert!(session.apply(Edit::Accept { id: relationship }).is_err());
    assert!(seed()
        .apply(Edit::Reject {
            id: "kremlin".into()
        })
        .is_err());
}

#[test]
fn the_saved_form_loads_with_its_history_and_refuses_what_it_cannot_read() {
    let mut session = draft();
    let first = session.file().entities[0].id.clone();
    session.apply(Edit::Accept { id: first.clone() }).unwrap();
    session
        .apply(Edit::SetField {
            id: first,
            field: Field::Note,
            value: Value::Text("Checked.".into()),
        })
        .unwrap();
    session.undo().unwrap();
    let json = session.to_json();
    let mut loaded = Session::from_json(&json).unwrap();
    assert_eq!(loaded.state(), session.state());
    assert!(loaded.can_undo() && loaded.can_redo());
    loaded.redo().unwrap();
    session.redo().unwrap();
    assert_eq!(loaded.state(), session.state());
    assert_eq!(loaded.to_json(), session.to_json());

    let said = |json: &str| Session::from_json(json).unwrap_err().to_string();
    assert_eq!(said("{}"), "The saved data is not an editing session.");
    assert!(said("not json").starts_with("The saved session is damaged"));
    assert!(said(&json[..json.len() / 2]).starts_with("The saved session is damaged"));
    let newer = json.replacen("\"version\":1", "\"version\":2", 1);
    assert!(said(&newer).contains("newer editor"), "{}", said(&newer));
    let older = json.replacen("\"version\":1", "\"version\":0", 1);
    assert!(said(&older).contains("older format"));
    let tampered = json.replacen(
        "\"edit\":\"accept\",\"id\":\"",
        "\"edit\":\"accept\",\"id\":\"x",
        1,
    );
    assert!(
        said(&tampered).contains("edit 1 no longer applies"),
        "{}",
        said(&tampered)
    );
}

/// A draft's story.toml lists its entities under one heading per kind; a person the editor adds
/// joins the people, so the export keeps those headings.
#[test]
fn a_new_person_joins_the_people_and_the_export_keeps_its_headings() {
    let mut session = draft();
    let headings = |toml: &str| -> Vec<String> {
        toml.lines()
            .filter(|l| {
                ["# People", "# Organizations", "# Groups", "# Places"].contains(l)
                    || l.starts_with("# People, organizations")
            })
            .map(str::to_owned)
            .collect()
    };
    let before = headings(&story_edit::write_toml(session.file()));
    assert!(before.iter().any(|h| h == "# Places"), "{before:?}");
    let made = session
        .apply(Edit::MakeItem {
            item: NewItem::Entity,
            range: range_of("Oval Office", 0),
        })
        .unwrap()
        .made
        .unwrap();
    let toml = story_edit::write_toml(session.file());
    assert_eq!(headings(&toml), before);
    let people =
        &toml[toml.find("\n# People\n").unwrap()..toml.find("\n# Organizations\n").unwrap()];
    assert!(
        people.contains(&format!("id = \"{made}\"")),
        "{made} among the people"
    );
}
