//! Search and the views never contradict each other. For any search, on the seed story and on
//! generated ones:
//!
//! - each view shows exactly the counted items of the kinds it lists: the cards every counted
//!   item; the timeline the counted events (those with a date: it places nothing else); the
//!   claims view the counted claims; the graph the counted entities that are in it (those with a
//!   relationship); and each kind's count beside the filters is what its view shows;
//! - an item is counted exactly when every search word is in a text a view prints for it: its
//!   card, its timeline row, its claims-view row (responses, quotes and evidence notes
//!   included), its graph node, its detail. These texts are read here from what each view
//!   derives (`views::cards`, `timeline`, `claims`, `layout`, `related`), not from the index.
//!
//! Not texts of an item: the article's sentence shown with it (context shared by every item from
//! that sentence; see `Context::texts` in `src/views/query.rs`), labels every item of a kind
//! carries, and the items a detail links to (each is its own item). The article view lists no
//! items: a search does not change it.
//!
//! Searches are drawn from the words and phrases of every text the views show, the article's own
//! words, fragments of words, labels, and random letters; in mixed case; from fixed seeds, so a
//! failure reproduces and CI never flakes. Every text of every item is also searched whole.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Instant;
use story_core::fold;
use story_core::set::SortedSet;
use story_core::story::{validate, ItemRef, Story};
use story_explorer::fixtures::{hostile, synthetic};
use story_explorer::views::cards::{
    cards, entity_indices, names, story_indices, Card, CardKind, Dated,
};
use story_explorer::views::panel_labels::card_title;
use story_explorer::views::query::{run, Query, SearchIndex};
use story_explorer::views::{claims, graph, layout, mentions, related, timeline};

struct Fixture {
    name: &'static str,
    story: Story,
    cards: Vec<Card>,
    index: SearchIndex,
    layout: Rc<layout::Layout>,
    /// Per card: every text a view prints for its item, as shown (unfolded).
    texts: Vec<Vec<String>>,
    /// The same, folded for matching.
    folded: Vec<Vec<String>>,
    /// Words and phrases to search for.
    vocabulary: Vec<String>,
}

fn fixture(name: &'static str, story: Story) -> Fixture {
    let cards = cards(&story);
    let index = SearchIndex::new(&story, &cards, &mentions::mentions(&story));
    let layout = Rc::new(layout::layout(&story));
    let texts = shown_texts(&story, &cards, &layout);
    let folded = texts
        .iter()
        .map(|t| t.iter().map(|s| fold::fold(s)).collect())
        .collect();
    let vocabulary = vocabulary(&story, &texts);
    Fixture {
        name,
        story,
        cards,
        index,
        layout,
        texts,
        folded,
        vocabulary,
    }
}

fn generated(name: &'static str, items: usize, seed: u64) -> Fixture {
    let (file, article) = synthetic::story(items, seed);
    fixture(name, validate(file, &article).expect("synthetic story"))
}

fn fixtures() -> Vec<Fixture> {
    let (file, article) = hostile::story();
    vec![
        fixture("seed", story_explorer::bundled::load().expect("seed story")),
        generated("synthetic 60", 60, 5),
        generated("synthetic 150", 150, 9),
        fixture("hostile", validate(file, &article).expect("hostile story")),
    ]
}

/// A date as the views print it: the date, and the article's words for it (the glue around
/// them, "from" and the quotation marks, is the same for every date).
fn date_texts(out: &mut Vec<String>, date: Option<&Dated>) {
    if let Some(d) = date {
        out.push(d.date.to_string());
        out.push(d.words.clone());
    }
}

fn some(out: &mut Vec<String>, text: Option<&String>) {
    out.extend(text.cloned());
}

/// Per card, the texts each view prints for its item, read from what the views derive.
fn shown_texts(story: &Story, cards: &[Card], layout: &layout::Layout) -> Vec<Vec<String>> {
    let slot: HashMap<&str, usize> = cards
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut texts: Vec<Vec<String>> = vec![Vec::new(); cards.len()];

    // The cards view: heading (marked), subtitle (marked), why inferred, date.
    for (card, out) in cards.iter().zip(&mut texts) {
        out.push(card_title(card));
        some(out, card.subtitle.as_ref());
        some(out, card.inferred.as_ref());
        date_texts(out, card.date.as_ref());
    }

    // The timeline, every event it can place: title, date, who, why inferred.
    let every_event: Vec<usize> = (0..story.events().len()).collect();
    for row in timeline::timeline(story, &every_event) {
        let timeline::Row::Period {
            happened, reported, ..
        } = row
        else {
            continue;
        };
        for entry in happened.iter().chain(&reported) {
            let e = &story.events()[entry.event];
            let out = &mut texts[slot[e.id.as_str()]];
            out.push(e.title.clone());
            let dated = Dated {
                date: entry.date,
                words: entry.words.clone(),
                extent: entry.extent,
            };
            date_texts(out, Some(&dated));
            out.push(names(story, &e.participants));
            some(out, e.inferred.as_ref());
        }
    }

    // The claims view: the claim, who reports it, its evidence, every response in full.
    let every_claim: Vec<usize> = (0..story.claims().len()).collect();
    for c in claims::claims(story, &every_claim) {
        let out = &mut texts[slot[c.id.as_str()]];
        out.push(c.claimant_name.clone());
        out.push(c.text.clone());
        date_texts(out, c.date.as_ref());
        some(out, c.inferred.as_ref());
        out.extend(c.evidence.iter().map(|e| e.note.clone()));
        for r in &c.responses {
            out.push(r.stance.label().to_owned());
            out.push(r.speaker_name.clone());
            date_texts(out, r.date.as_ref());
            out.push(r.summary.clone());
            some(out, r.inferred.as_ref());
            for q in &r.quotes {
                out.push(format!("“{}”", q.words));
                some(out, q.inferred.as_ref());
            }
        }
    }

    // The graph: each node's name and, as its tooltip, why it is inferred.
    for node in &layout.nodes {
        let e = &story.entities()[node.entity];
        let out = &mut texts[slot[e.id.as_str()]];
        out.push(e.name.clone());
        some(out, e.inferred.as_ref());
    }

    // The detail: its heading, its facts (but the timeline lane an event sits in, which like
    // its kind is a heading for many items, not its text), its dates.
    for (card, out) in cards.iter().zip(&mut texts) {
        let detail = related::detail(story, &card.id).expect("every card has a detail");
        out.push(detail.title.clone());
        out.extend(
            detail
                .facts
                .iter()
                .filter(|(label, _)| *label != "Timeline")
                .map(|(_, text)| text.clone()),
        );
        for d in &detail.dates {
            date_texts(out, Some(d));
        }
    }
    texts
}

/// Labels the views print around items, searched to show they find nothing by themselves.
const LABELS: [&str; 14] = [
    "Show in article",
    "Link",
    "Evidence",
    "Noted:",
    "Missing:",
    "Responses",
    "What happened",
    "Reported or reacted to",
    "quote and source",
    "From the article",
    "Person",
    "Claim",
    "from",
    "Inferred",
];

/// Words, two- and three-word phrases, and fragments of every text, and the article's words.
fn vocabulary(story: &Story, texts: &[Vec<String>]) -> Vec<String> {
    let mut all = SortedSet::new();
    let mut add = |text: &str| {
        let words: Vec<&str> = text.split_whitespace().collect();
        for (i, word) in words.iter().enumerate() {
            all.insert((*word).to_owned());
            let chars: Vec<char> = word.chars().collect();
            if chars.len() > 4 {
                all.insert(chars[..3].iter().collect());
                all.insert(chars[chars.len() - 4..].iter().collect());
            }
            for n in [2, 3] {
                if i + n <= words.len() {
                    all.insert(words[i..i + n].join(" "));
                }
            }
        }
    };
    texts.iter().flatten().for_each(|t| add(t));
    for paragraph in story.paragraphs() {
        add(story.words(paragraph));
    }
    LABELS.iter().for_each(|l| add(l));
    // Capped: the hostile story's 100 KB words are searched whole below, not in every query.
    all.into_iter()
        .filter(|w: &String| w.chars().count() <= 200)
        .collect()
}

fn kind_of(f: &Fixture, id: &str) -> Option<CardKind> {
    story_explorer::views::cards::kind_of(&f.story, id)
}

fn ids(f: &Fixture, items: impl IntoIterator<Item = usize>) -> SortedSet<String> {
    items.into_iter().map(|i| f.cards[i].id.clone()).collect()
}

/// What each view shows for `text`, against what the status counts and what the texts hold.
fn check(f: &Fixture, text: &str) -> Result<(), TestCaseError> {
    let query = Query {
        text: text.to_owned(),
        ..Query::default()
    };
    let results = run(&f.index, &query);
    let counted = ids(f, results.items.iter().copied());
    let of_kind = |kinds: &[CardKind]| -> SortedSet<String> {
        counted
            .iter()
            .filter(|id| kind_of(f, id).is_some_and(|k| kinds.contains(&k)))
            .cloned()
            .collect()
    };

    // The cards view shows every counted item (a page at a time): its sections are the kinds'.
    for (slot, kind) in CardKind::ALL.iter().enumerate() {
        prop_assert_eq!(
            results.kinds[slot],
            of_kind(&[*kind]).len(),
            "{}: {:?}: the {:?} count beside the filters is not what is shown",
            f.name,
            text,
            kind
        );
    }

    // The timeline: the counted events that have a date.
    let events = story_indices(&f.story, &f.cards, &results.items, CardKind::Event);
    let on_timeline: SortedSet<String> = timeline::timeline(&f.story, &events)
        .iter()
        .flat_map(|row| match row {
            timeline::Row::Period {
                happened, reported, ..
            } => happened.iter().chain(reported).collect::<Vec<_>>(),
            timeline::Row::Gap { .. } => Vec::new(),
        })
        .map(|entry| f.story.events()[entry.event].id.clone())
        .collect();
    let dated_events: SortedSet<String> = of_kind(&[CardKind::Event])
        .into_iter()
        .filter(|id| f.story.event(id).is_some_and(|e| e.on().is_some()))
        .collect();
    prop_assert_eq!(
        &on_timeline,
        &dated_events,
        "{}: {:?}: the timeline",
        f.name,
        text
    );

    // The claims view: the counted claims.
    let claim_indices = story_indices(&f.story, &f.cards, &results.items, CardKind::Claim);
    let in_claims: SortedSet<String> = claims::claims(&f.story, &claim_indices)
        .into_iter()
        .map(|c| c.id)
        .collect();
    prop_assert_eq!(
        &in_claims,
        &of_kind(&[CardKind::Claim]),
        "{}: {:?}: the claims view",
        f.name,
        text
    );

    // The graph: the counted entities that are nodes of it.
    let entities = entity_indices(&f.story, &f.cards, &results.items);
    let visible = graph::visible(&f.layout, &entities, None);
    // The matched nodes; their neighbours are drawn too, as context, and are not counted.
    let in_graph: SortedSet<String> = visible
        .nodes
        .iter()
        .filter(|n| visible.context.binary_search(n).is_err())
        .map(|&n| {
            f.story.entities()[visible.layout.nodes[n].entity]
                .id
                .clone()
        })
        .collect();
    let nodes: SortedSet<usize> = f.layout.nodes.iter().map(|n| n.entity).collect();
    let counted_nodes: SortedSet<String> = of_kind(&[
        CardKind::Person,
        CardKind::Organization,
        CardKind::Group,
        CardKind::Place,
    ])
    .into_iter()
    .filter(|id| matches!(f.story.find(id), Some(ItemRef::Entity(i)) if nodes.contains(&i)))
    .collect();
    prop_assert_eq!(
        &in_graph,
        &counted_nodes,
        "{}: {:?}: the graph",
        f.name,
        text
    );

    // Counted exactly when every search word is in a text a view prints for the item.
    let terms = fold::terms(text);
    let shows = (0..f.cards.len()).filter(|&i| {
        terms
            .iter()
            .all(|t| f.folded[i].iter().any(|s| s.contains(t.as_str())))
    });
    let shows = ids(f, shows);
    if counted != shows {
        let counted_only: Vec<&String> = counted.iter().filter(|id| !shows.contains(*id)).collect();
        let shown_only: Vec<&String> = shows.iter().filter(|id| !counted.contains(*id)).collect();
        return Err(TestCaseError::fail(format!(
            "{}: {text:?}: counted without the words in any text a view shows: {counted_only:?}; \
             the words shown but not counted: {shown_only:?}",
            f.name
        )));
    }
    Ok(())
}

fn runner(cases: u32, seed: u64) -> TestRunner {
    TestRunner::new(Config {
        cases,
        rng_seed: RngSeed::Fixed(seed),
        // Nothing written next to the sources; the seed is the reproduction.
        failure_persistence: None,
        ..Config::default()
    })
}

/// A search: one to three pieces of the vocabulary or random letters, in some case.
fn search(vocabulary: Vec<String>) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => select(vocabulary),
        1 => "[a-zé’'“]{1,5}",
    ];
    (proptest::collection::vec(piece, 1..=3), 0..3u8).prop_map(|(pieces, case)| {
        let text = pieces.join(" ");
        match case {
            0 => text,
            1 => text.to_uppercase(),
            _ => text.to_lowercase(),
        }
    })
}

#[test]
fn every_view_shows_what_the_search_counts_and_the_count_is_what_views_show() {
    let started = Instant::now();
    for (n, f) in fixtures().iter().enumerate() {
        let cases = match f.name {
            "seed" => 2_000,
            "hostile" => 100,
            _ => 400,
        };
        let mut runner = runner(cases, 0x5EA7C4 + n as u64);
        let result = runner.run(&search(f.vocabulary.clone()), |text| check(f, &text));
        if let Err(e) = result {
            panic!("{}: {e}", f.name);
        }
        // Every text of every item, searched whole (the first words of a long one), finds it
        // and agrees; each different text checked once.
        let mut checked = SortedSet::new();
        for (i, texts) in f.texts.iter().enumerate() {
            for text in texts {
                if checked.insert(text.as_str()) {
                    check(f, text).unwrap_or_else(|e| panic!("{e}"));
                }
                let found = run(
                    &f.index,
                    &Query {
                        text: text.clone(),
                        ..Query::default()
                    },
                );
                assert!(
                    found.items.contains(&i),
                    "{}: {} is not found by its own text {text:.80?}",
                    f.name,
                    f.cards[i].id
                );
            }
        }
    }
    println!("checked in {:.1?}", started.elapsed());
}

#[test]
fn fake_news_finds_the_quote_and_the_claim_whose_response_says_it() {
    let f = fixture("seed", story_explorer::bundled::load().expect("seed story"));
    let results = run(
        &f.index,
        &Query {
            text: "fake news".into(),
            ..Query::default()
        },
    );
    let counted = ids(&f, results.items.iter().copied());
    assert_eq!(
        counted,
        SortedSet::from([
            "sessions-met-ambassador".to_owned(),
            "zakharova-fake-news".to_owned()
        ]),
        "the quote, and the claim the Foreign Ministry calls “fake news”"
    );
    check(&f, "fake news").unwrap();
    check(&f, "FAKE NEWS").unwrap();
    let claim = story_indices(&f.story, &f.cards, &results.items, CardKind::Claim);
    let shown = claims::claims(&f.story, &claim);
    assert!(shown[0]
        .responses
        .iter()
        .any(|r| r.id == "ministry-fake-news"));
    let events = story_indices(&f.story, &f.cards, &results.items, CardKind::Event);
    assert!(
        timeline::timeline(&f.story, &events).is_empty(),
        "no event's row says it"
    );
}
