//! Export and open: the seed story and its draft export to files that open to the same story,
//! export again to the same bytes, and validate with story-core exactly when the editor's
//! problems list is empty.

mod common;

use common::{draft, seed, ARTICLE};
use story_core::story::{validate, StoryFile};
use story_edit::{export, open, problems, Edit, Field, Value};

fn builds(story_toml: &str, article: &str) -> bool {
    let file: StoryFile = toml::from_str(story_toml).unwrap();
    validate(file, article).is_ok()
}

fn round_trips(session: &story_edit::Session) {
    let (toml, article) = export(session);
    assert_eq!(article, ARTICLE);
    let reopened = open(&article, &toml).unwrap();
    assert_eq!(
        reopened.file(),
        session.file(),
        "the export opens to the same story"
    );
    assert_eq!(export(&reopened).0, toml, "exporting again changes nothing");
    assert_eq!(builds(&toml, &article), problems(session).is_empty());
}

#[test]
fn the_seed_story_round_trips_and_builds() {
    let session = seed();
    assert_eq!(problems(&session), []);
    round_trips(&session);
}

#[test]
fn the_draft_of_the_seed_round_trips_and_builds() {
    let session = draft();
    assert!(session.file().meta.draft);
    assert!(!session.unreviewed().is_empty());
    assert_eq!(problems(&session), []);
    round_trips(&session);
}

#[test]
fn a_broken_story_exports_to_files_the_build_refuses() {
    let mut session = seed();
    session
        .apply(Edit::SetField {
            id: "peskov-no-details".into(),
            field: Field::Speaker,
            value: Value::Text("nobody".into()),
        })
        .unwrap();
    let found = problems(&session);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].field.as_deref(), Some("speaker"));
    round_trips(&session);
    assert!(!builds(&export(&session).0, ARTICLE));
}

#[test]
fn a_story_file_with_a_typo_is_refused_with_its_line() {
    let err = open(ARTICLE, "[meta]\nid = \"x\"\nheadlin = \"y\"\n").unwrap_err();
    let said = err.to_string();
    assert!(said.starts_with("This story.toml cannot be read"), "{said}");
    assert!(said.contains("line"), "{said}");
}
