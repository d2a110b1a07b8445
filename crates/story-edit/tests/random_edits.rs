//! 500 random edits to the seed story and to its draft, from a fixed-seed SplitMix64 generator
//! (the project's generator, so a failure reproduces from its seed). After each: no panic, a
//! refused edit changed nothing; every 25 edits the export round-trips and builds exactly when
//! the problems list is empty; at the end, undoing everything gives back the starting story,
//! redoing everything the end state, and the saved form loads to the same session.

mod common;

use common::{draft, ids, seed, ARTICLE};
use story_core::story::{validate, StoryFile};
use story_edit::{export, open, problems, Edit, Field, NewItem, Session, Value};

/// SplitMix64: tiny, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    fn delta(&mut self) -> i64 {
        self.below(11) as i64 - 5
    }
}

const FIELDS: [Field; 29] = [
    Field::Kind,
    Field::Name,
    Field::Aliases,
    Field::Role,
    Field::Side,
    Field::Note,
    Field::Speaker,
    Field::Sourcing,
    Field::Via,
    Field::Event,
    Field::Quotes,
    Field::Stance,
    Field::Summary,
    Field::Title,
    Field::Track,
    Field::Participants,
    Field::When,
    Field::Date,
    Field::From,
    Field::To,
    Field::Label,
    Field::Events,
    Field::Text,
    Field::Claimant,
    Field::SideName,
    Field::StoryId,
    Field::Published,
    Field::PublishedNote,
    Field::Publisher,
];

const WORDS: [&str; 12] = [
    "person",
    "organization",
    "reported",
    "denial",
    "anonymous",
    "2017-03",
    "Wednesday",
    "last month",
    "Sessions",
    "",
    "“fake news”",
    "\u{202E}",
];

/// A range of the article on character boundaries, sometimes empty or whitespace.
fn range(rng: &mut Rng) -> std::ops::Range<usize> {
    let bounds: Vec<usize> = ARTICLE
        .char_indices()
        .map(|(i, _)| i)
        .chain([ARTICLE.len()])
        .collect();
    let start = rng.below(bounds.len());
    let end = (start + rng.below(60)).min(bounds.len() - 1);
    bounds[start]..bounds[end]
}

fn value(rng: &mut Rng, ids: &[String]) -> Value {
    match rng.below(5) {
        0 => Value::None,
        1 => Value::Text(rng.pick(ids).cloned().unwrap_or_default()),
        2 => {
            let n = rng.below(3);
            Value::List(
                (0..n)
                    .map(|_| rng.pick(ids).cloned().unwrap_or_default())
                    .collect(),
            )
        }
        _ => Value::Text(rng.pick(&WORDS).copied().unwrap_or("").to_owned()),
    }
}

fn edit(rng: &mut Rng, session: &Session) -> Edit {
    let mut ids = ids(session.file());
    ids.push(Session::META.to_owned());
    ids.push("no-such-item".to_owned());
    let entities: Vec<String> = session
        .file()
        .entities
        .iter()
        .map(|e| e.id.clone())
        .collect();
    let claims: Vec<String> = session.file().claims.iter().map(|c| c.id.clone()).collect();
    let id = rng.pick(&ids).cloned().unwrap_or_default();
    match rng.below(12) {
        0 => {
            let item = match rng.below(6) {
                0 => NewItem::Entity,
                1 => NewItem::Quote,
                2 => NewItem::Event,
                3 => NewItem::Relationship,
                4 => NewItem::Claim,
                _ => NewItem::Response {
                    claim: rng.pick(&claims).cloned().unwrap_or_default(),
                },
            };
            Edit::MakeItem {
                item,
                range: range(rng),
            }
        }
        1 => Edit::SetSpan {
            id,
            range: range(rng),
        },
        2 => Edit::SetSpanEnds {
            id,
            start_delta: rng.delta(),
            end_delta: rng.delta(),
        },
        3 | 4 => Edit::SetField {
            id,
            field: FIELDS[rng.below(FIELDS.len())],
            value: value(rng, &ids),
        },
        5 => Edit::SetInferred {
            id,
            reason: [None, Some("Read so.".to_owned()), Some(" ".to_owned())][rng.below(3)].clone(),
        },
        6 => Edit::Accept { id },
        7 => Edit::Reject { id },
        8 => Edit::MergeEntities {
            keep: rng.pick(&entities).cloned().unwrap_or_default(),
            absorb: rng.pick(&entities).cloned().unwrap_or_default(),
        },
        9 => Edit::Delete {
            id,
            force: rng.below(2) == 0,
        },
        10 => Edit::MakeSide {
            name: "Others".to_owned(),
        },
        _ => Edit::MarkChecked,
    }
}

fn builds(toml: &str) -> bool {
    let file: StoryFile = toml::from_str(toml).unwrap();
    validate(file, ARTICLE).is_ok()
}

fn run(mut session: Session, seed: u64) {
    let start = session.state().clone();
    let mut rng = Rng(seed);
    let (mut made, mut refused) = (0, 0);
    for n in 1..=500 {
        let before = session.state().clone();
        let edit = edit(&mut rng, &session);
        match session.apply(edit.clone()) {
            Ok(_) => made += 1,
            Err(e) => {
                refused += 1;
                assert_eq!(
                    session.state(),
                    &before,
                    "a refused edit changed nothing: {edit:?}"
                );
                assert!(!e.to_string().is_empty());
            }
        }
        if n % 25 == 0 {
            let (toml, article) = export(&session);
            let reopened = open(&article, &toml).unwrap();
            assert_eq!(reopened.file(), session.file(), "after edit {n}");
            assert_eq!(export(&reopened).0, toml, "after edit {n}");
            assert_eq!(
                builds(&toml),
                problems(&session).is_empty(),
                "after edit {n}"
            );
        }
    }
    eprintln!("seed {seed:#x}: {made} edits made, {refused} refused");
    assert!(made > 100, "the generator makes real edits: {made}");
    let end = session.state().clone();

    let saved = Session::from_json(&session.to_json()).unwrap();
    assert_eq!(
        saved.state(),
        &end,
        "the saved form loads to the same story"
    );

    let mut undone = 0;
    while session.undo().is_ok() {
        undone += 1;
    }
    assert_eq!(undone, made);
    assert_eq!(
        session.state(),
        &start,
        "undoing everything gives back the start"
    );
    while session.redo().is_ok() {}
    assert_eq!(
        session.state(),
        &end,
        "redoing everything gives back the end"
    );
}

#[test]
fn random_edits_to_the_seed_story_undo_and_redo_exactly() {
    run(seed(), 0x5E55_1025);
}

#[test]
fn random_edits_to_the_draft_undo_and_redo_exactly() {
    run(draft(), 0xD2AF_7025);
}
