//! Properties of the query engine, on the seed story and a synthetic one: results are subsets,
//! every facet count equals what selecting that value alone would show, clearing restores all,
//! and no search text panics.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::sync::OnceLock;
use story_core::dates::PartialDate;
use story_core::set::SortedSet;
use story_core::story::{validate, Story};
use story_explorer::views::cards::{cards, Card, CardKind};
use story_explorer::views::query::{run, Query, SearchIndex, SOURCINGS};
use story_explorer::{bundled, fixtures::synthetic};

struct Fixture {
    story: Story,
    cards: Vec<Card>,
    index: SearchIndex,
}

fn fixture(synthetic_items: Option<usize>) -> Fixture {
    let story = match synthetic_items {
        None => bundled::load().expect("seed story"),
        Some(n) => {
            let (file, article) = synthetic::story(n, 3);
            validate(file, &article).expect("synthetic story")
        }
    };
    let cards = cards(&story);
    let index = SearchIndex::new(
        &story,
        &cards,
        &story_explorer::views::mentions::mentions(&story),
    );
    Fixture {
        story,
        cards,
        index,
    }
}

fn seed() -> &'static Fixture {
    static SEED: OnceLock<Fixture> = OnceLock::new();
    SEED.get_or_init(|| fixture(None))
}

fn synthetic() -> &'static Fixture {
    static SYNTHETIC: OnceLock<Fixture> = OnceLock::new();
    SYNTHETIC.get_or_init(|| fixture(Some(400)))
}

const WORDS: [&str; 8] = [
    "sessions", "kislyak", "russian", "the", "berg", "contract", "é", "zz",
];
const DATES: [&str; 6] = [
    "2015",
    "2016-07",
    "2016-12",
    "2017-01",
    "2017-03-01",
    "2017-03-02",
];

fn query_strategy(f: &'static Fixture) -> impl Strategy<Value = Query> {
    let sides: Vec<String> = f.story.sides().iter().map(|s| s.id.clone()).collect();
    let entities: Vec<String> = f.story.entities().iter().map(|e| e.id.clone()).collect();
    (
        proptest::sample::subsequence(CardKind::ALL.to_vec(), 0..=3),
        proptest::sample::subsequence(sides, 0..=2),
        proptest::option::of(proptest::sample::select(entities)),
        proptest::option::of(proptest::sample::select(DATES.to_vec())),
        proptest::option::of(proptest::sample::select(DATES.to_vec())),
        proptest::sample::subsequence(SOURCINGS.to_vec(), 0..=2),
        proptest::sample::subsequence(WORDS.to_vec(), 0..=2),
    )
        .prop_map(
            |(kinds, sides, involving, from, to, sourcing, words)| Query {
                kinds: kinds.into_iter().collect(),
                sides: sides.into_iter().collect(),
                involving,
                from: from.and_then(PartialDate::parse_iso),
                to: to.and_then(PartialDate::parse_iso),
                sourcing: sourcing.into_iter().collect(),
                text: words.join(" "),
            },
        )
}

fn count(f: &Fixture, query: &Query) -> usize {
    run(&f.index, query).items.len()
}

fn check_counts(f: &Fixture, query: &Query) -> Result<(), TestCaseError> {
    let results = run(&f.index, query);
    let all: SortedSet<usize> = (0..f.cards.len()).collect();
    prop_assert!(results.items.iter().all(|i| all.contains(i)));
    for (slot, kind) in CardKind::ALL.iter().enumerate() {
        let alone = Query {
            kinds: SortedSet::from([*kind]),
            ..query.clone()
        };
        prop_assert_eq!(results.kinds[slot], count(f, &alone), "kind {:?}", kind);
    }
    for (slot, side) in f.story.sides().iter().enumerate() {
        let alone = Query {
            sides: SortedSet::from([side.id.clone()]),
            ..query.clone()
        };
        prop_assert_eq!(results.sides[slot], count(f, &alone), "side {}", side.id);
    }
    for (slot, sourcing) in SOURCINGS.iter().enumerate() {
        let alone = Query {
            sourcing: SortedSet::from([*sourcing]),
            ..query.clone()
        };
        prop_assert_eq!(
            results.sourcing[slot],
            count(f, &alone),
            "sourcing {:?}",
            sourcing
        );
    }
    for (slot, entity) in f.story.entities().iter().enumerate().step_by(7) {
        let alone = Query {
            involving: Some(entity.id.clone()),
            ..query.clone()
        };
        prop_assert_eq!(
            results.involving[slot],
            count(f, &alone),
            "involving {}",
            entity.id
        );
    }
    Ok(())
}

fn check_subsets(f: &Fixture, query: &Query) -> Result<(), TestCaseError> {
    let narrowed: SortedSet<usize> = run(&f.index, query).items.into_iter().collect();
    let loosened = [
        Query {
            kinds: SortedSet::new(),
            ..query.clone()
        },
        Query {
            sides: SortedSet::new(),
            ..query.clone()
        },
        Query {
            involving: None,
            ..query.clone()
        },
        Query {
            from: None,
            to: None,
            ..query.clone()
        },
        Query {
            sourcing: SortedSet::new(),
            ..query.clone()
        },
        Query {
            text: String::new(),
            ..query.clone()
        },
    ];
    for wider in loosened {
        let wider: SortedSet<usize> = run(&f.index, &wider).items.into_iter().collect();
        prop_assert!(narrowed.is_subset(&wider));
    }
    prop_assert_eq!(count(f, &Query::default()), f.cards.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn seed_story_counts_match_results(query in query_strategy(seed())) {
        check_counts(seed(), &query)?;
        check_subsets(seed(), &query)?;
    }

    #[test]
    fn synthetic_story_counts_match_results(query in query_strategy(synthetic())) {
        check_counts(synthetic(), &query)?;
        check_subsets(synthetic(), &query)?;
    }

    #[test]
    fn another_search_word_only_narrows_and_any_text_is_safe(text in ".{0,300}", more in "[a-z]{1,8}") {
        let search = |text: String| run(&seed().index, &Query { text, ..Query::default() }).items;
        let wider = search(text.clone());
        let narrower = search(format!("{text} {more}"));
        prop_assert!(narrower.iter().all(|item| wider.contains(item)));
    }

    #[test]
    fn search_ignores_letter_case(text in "[a-zA-Z ]{1,30}") {
        let search = |text: String| run(&seed().index, &Query { text, ..Query::default() }).items;
        prop_assert_eq!(search(text.to_uppercase()), search(text.to_lowercase()));
    }
}

#[test]
fn hostile_search_strings_neither_panic_nor_match_everything() {
    let f = seed();
    for text in [
        "x".repeat(10_000),
        "<script>alert(1)</script>".to_owned(),
        "<img src=x onerror=alert(1)>".to_owned(),
        "🦀🔥👩‍👩‍👧".to_owned(),
        "مرحبا بالعالم".to_owned(),
        "\u{202E}sessions".to_owned(),
        "\0\u{FFFF}".to_owned(),
    ] {
        let results = run(
            &f.index,
            &Query {
                text: text.clone(),
                ..Query::default()
            },
        );
        assert!(results.items.is_empty(), "{text:.40} matched something");
    }
}
