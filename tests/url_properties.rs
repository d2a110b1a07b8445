//! The link codec: any view state survives a round trip, and any string at all decodes without
//! panicking into a state whose link decodes to itself.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::sync::OnceLock;
use story_core::dates::PartialDate;
use story_core::story::Story;
use story_explorer::bundled;
use story_explorer::views::cards::CardKind;
use story_explorer::views::query::{Query, SOURCINGS};
use story_explorer::views::url_state::{decode, encode, MAX_TEXT};
use story_explorer::views::view_state::{GraphView, View, ViewState, MAX_ZOOM, MIN_ZOOM};

fn story() -> &'static Story {
    static STORY: OnceLock<Story> = OnceLock::new();
    STORY.get_or_init(|| bundled::load().expect("seed story"))
}

fn item_ids() -> Vec<String> {
    let s = story();
    let mut ids: Vec<String> = s.entities().iter().map(|e| e.id.clone()).collect();
    ids.extend(s.quotes().iter().map(|q| q.id.clone()));
    ids.extend(s.events().iter().map(|e| e.id.clone()));
    ids.extend(s.relationships().iter().map(|r| r.id.clone()));
    ids.extend(s.claims().iter().flat_map(|c| {
        std::iter::once(c.id.clone()).chain(c.responses.iter().map(|r| r.id.clone()))
    }));
    ids
}

fn date() -> impl Strategy<Value = PartialDate> {
    (
        1990i32..2030,
        proptest::option::of(1u8..=12),
        proptest::option::of(1u8..=28),
    )
        .prop_map(|(y, m, d)| match (m, d) {
            (Some(m), Some(d)) => PartialDate::day(y, m, d).unwrap_or(PartialDate::year(y)),
            (Some(m), None) => PartialDate::month(y, m).unwrap_or(PartialDate::year(y)),
            _ => PartialDate::year(y),
        })
}

fn state() -> impl Strategy<Value = ViewState> {
    let sides: Vec<String> = story().sides().iter().map(|s| s.id.clone()).collect();
    let entities: Vec<String> = story().entities().iter().map(|e| e.id.clone()).collect();
    let query = (
        proptest::sample::subsequence(CardKind::ALL.to_vec(), 0..=7),
        proptest::sample::subsequence(sides, 0..=3),
        proptest::option::of(proptest::sample::select(entities)),
        proptest::option::of(date()),
        proptest::option::of(date()),
        proptest::sample::subsequence(SOURCINGS.to_vec(), 0..=4),
        proptest::string::string_regex(".{0,60}").unwrap(),
    )
        .prop_map(
            |(kinds, sides, involving, from, to, sourcing, text)| Query {
                kinds: kinds.into_iter().collect(),
                sides: sides.into_iter().collect(),
                involving,
                from,
                to,
                sourcing: sourcing.into_iter().collect(),
                text,
            },
        );
    let graph = (
        MIN_ZOOM..=MAX_ZOOM,
        -100_000i32..=100_000,
        -100_000i32..=100_000,
    )
        .prop_map(|(zoom, x, y)| GraphView { zoom, x, y });
    (
        proptest::sample::select(View::ALL.to_vec()),
        query,
        proptest::option::of(proptest::sample::select(item_ids())),
        proptest::option::of(proptest::sample::select(item_ids())),
        graph,
    )
        .prop_map(|(view, query, selected, target, graph)| ViewState {
            view,
            query,
            selected,
            target,
            graph,
            ..ViewState::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn every_state_round_trips(state in state()) {
        let link = encode(&state);
        let back = decode(&link, story());
        prop_assert_eq!(&back.state, &state, "link: {}", link);
        prop_assert!(back.notices.is_empty());
        prop_assert!(link.bytes().all(|b| b.is_ascii_graphic()), "a link is plain ASCII: {}", link);
    }

    #[test]
    fn any_string_decodes_without_panic_to_a_stable_state(link in ".{0,400}") {
        let decoded = decode(&link, story());
        prop_assert!(decoded.state.query.text.chars().count() <= MAX_TEXT);
        let again = decode(&encode(&decoded.state), story());
        prop_assert_eq!(again.state, decoded.state);
    }

    #[test]
    fn link_shaped_strings_decode_without_panic(
        pairs in proptest::collection::vec(("(view|q|kind|side|with|from|to|src|item|at|embed|[a-z%]{1,4})", "[%a-z0-9,<>\"'&=+\\-]{0,30}"), 0..12)
    ) {
        let link: String = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
        let decoded = decode(&link, story());
        prop_assert_eq!(decode(&encode(&decoded.state), story()).state, decoded.state);
    }
}
