//! The editorial review of the seed story (issue 16): every rule it added rejects the data as it
//! stood before, and each point it found holds in the bundled story.
#![cfg(not(target_arch = "wasm32"))]

use story_core::dates::Extent;
use story_core::story::{validate, Stance, Story, StoryFile};
use story_explorer::bundled;
use story_explorer::views::view_state::GraphView;
use story_explorer::views::{cards, claims, graph, graph_drawing, graph_export, layout, related};

const BEFORE: &str = include_str!("data/story-before-editorial-review.toml");

fn story() -> Story {
    bundled::load().unwrap_or_else(|e| panic!("the bundled story must load: {e}"))
}

fn problems_of(file: StoryFile) -> Vec<String> {
    match validate(file, bundled::article()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

fn before() -> StoryFile {
    toml::from_str(BEFORE).expect("the old story file still parses")
}

fn current() -> StoryFile {
    serde_json::from_str(bundled::source_json()).expect("the bundled story file")
}

fn assert_reported(problems: &[String], item: &str, words: &str) {
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with(item) && p.contains(words)),
        "expected a problem for {item} containing {words:?}, got {problems:#?}"
    );
}

#[test]
fn each_new_rule_rejects_the_story_as_it_was_before_the_review() {
    let problems = problems_of(before());
    // An attribution to someone the paragraph only describes.
    assert_reported(
        &problems,
        "quote `zakharova-fake-news`",
        "speaker `maria-zakharova` is not named",
    );
    assert_reported(
        &problems,
        "relationship `zakharova-speaks-for-ministry`",
        "from `maria-zakharova`",
    );
    assert_reported(
        &problems,
        "response `ministry-fake-news`",
        "speaker `maria-zakharova`",
    );
    assert_reported(
        &problems,
        "response `kremlin-knows-nothing`",
        "speaker `dmitry-peskov`",
    );
    assert_reported(
        &problems,
        "claim `sessions-met-ambassador`",
        "claimant `washington-post`",
    );
    // An alias that describes rather than names.
    assert_reported(
        &problems,
        "entity `maria-zakharova`",
        "alias \"A Russian Foreign Ministry Spokeswoman\"",
    );
    assert_reported(
        &problems,
        "entity `sergey-kislyak`",
        "alias \"a Russian ambassador\"",
    );
    // A role the paragraphs naming the entity do not give.
    assert_reported(
        &problems,
        "entity `maria-zakharova`",
        "role word \"Foreign\"",
    );
    assert_reported(&problems, "entity `michael-flynn`", "role word \"Former\"");
}

#[test]
fn an_unprinted_publication_date_needs_its_note_and_a_reason_cannot_be_blank() {
    let mut file = current();
    file.meta.published_note = None;
    assert_reported(
        &problems_of(file),
        "story metadata",
        "does not print March 2, 2017",
    );

    let mut file = current();
    let quote = file
        .quotes
        .iter_mut()
        .find(|q| q.id == "zakharova-fake-news")
        .unwrap();
    quote.inferred = Some("  ".into());
    assert_reported(
        &problems_of(file),
        "quote `zakharova-fake-news`",
        "inferred: say why",
    );

    let mut file = current();
    let quote = file
        .quotes
        .iter_mut()
        .find(|q| q.id == "zakharova-fake-news")
        .unwrap();
    quote.inferred = None;
    assert_reported(
        &problems_of(file),
        "quote `zakharova-fake-news`",
        "is not named",
    );
}

#[test]
fn point_1_and_3_sessions_statement_is_a_denial_of_campaign_talk_and_his_claim_has_the_evidence() {
    let story = story();
    let central = &story.claims()[0];
    let statement = central
        .responses
        .iter()
        .find(|r| r.id == "sessions-statement-denial")
        .unwrap();
    assert_eq!(statement.stance, Stance::Denial);
    assert!(statement
        .summary
        .contains("limited to discussions of the campaign"));
    assert!(central.evidence.iter().all(|e| !e.missing));
    let his = story
        .claims()
        .iter()
        .find(|c| c.claimant == "jeff-sessions")
        .expect("Sessions' claim");
    assert!(his.text.contains("discuss issues of the campaign"));
    assert!(his
        .evidence
        .iter()
        .any(|e| e.missing && e.note.starts_with("No notes")));
}

#[test]
fn point_2_stances_say_what_the_article_does_and_each_is_defined() {
    let story = story();
    let stance = |id: &str| {
        story
            .claims()
            .iter()
            .flat_map(|c| &c.responses)
            .find(|r| r.id == id)
            .map(|r| r.stance)
    };
    for id in [
        "committee-members-unusual",
        "staffer-unusual",
        "mccaskill-similar",
    ] {
        assert_eq!(
            stance(id),
            Some(Stance::Characterization),
            "response `{id}`"
        );
    }
    assert!(
        story.inferred("mccaskill-similar").is_some(),
        "her unquoted statement's stance is a guess"
    );
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/story-format.md"))
        .unwrap();
    for s in Stance::ALL {
        let slug = serde_json::to_value(s).unwrap();
        let row = format!("| `{}` | {} |", slug.as_str().unwrap(), s.meaning());
        assert!(
            doc.contains(&row),
            "docs/story-format.md lacks the row {row}"
        );
    }
}

#[test]
fn point_4_and_8_relations_say_only_what_the_article_says() {
    let story = story();
    let sentences: Vec<String> = story
        .relationships()
        .iter()
        .map(|r| related::sentence_of(&story, r))
        .collect();
    assert!(!sentences.iter().any(|s| s.contains("faces calls")));
    for expected in [
        "Nancy Pelosi is Minority Leader of U.S. House of Representatives",
        "Claire McCaskill is a senator in U.S. Senate",
        "Claire McCaskill is a Democrat from Missouri",
        "Nancy Pelosi is a Democrat from California",
    ] {
        assert!(
            sentences.iter().any(|s| s == expected),
            "no relation {expected:?}: {sentences:#?}"
        );
    }
    let full = std::rc::Rc::new(layout::layout(&story));
    let all = graph::visible(&full, &(0..story.entities().len()).collect(), None);
    let rows = graph::rows(&story, &all);
    assert!(rows
        .iter()
        .any(|r| r.from == "Nancy Pelosi" && r.to == "U.S. House of Representatives"));
    assert!(rows
        .iter()
        .any(|r| r.from == "Claire McCaskill" && r.to == "U.S. Senate"));
}

#[test]
fn point_5_the_zakharova_attribution_is_marked_where_a_reader_sees_it() {
    let story = story();
    let all = cards::cards(&story);
    let card = |id: &str| all.iter().find(|c| c.id == id).unwrap();
    assert!(card("zakharova-fake-news")
        .inferred
        .as_deref()
        .is_some_and(|w| w.contains("Zakharova")));
    assert!(card("maria-zakharova")
        .inferred
        .as_deref()
        .is_some_and(|w| w.contains("Foreign Ministry")));
    let detail = related::detail(&story, "maria-zakharova").unwrap();
    assert!(detail.facts.iter().any(|(label, _)| *label == "Inferred"));
    let rel = story
        .relationships()
        .iter()
        .find(|r| r.id == "zakharova-speaks-for-ministry")
        .unwrap();
    assert!(graph::edge_title(&story, rel).contains("Inferred: "));
    assert_eq!(graph::edge_label(rel), "is spokeswoman for (inferred)");
    // In the SVG file: in the relation's tooltip always, and on its label where the drawing has
    // room for one, as with Zakharova selected.
    let full = std::rc::Rc::new(layout::layout(&story));
    let v = graph::visible(&full, &(0..story.entities().len()).collect(), None);
    let zakharova = v
        .nodes
        .iter()
        .copied()
        .find(|&n| story.entities()[v.layout.nodes[n].entity].id == "maria-zakharova");
    let emphasis = graph_drawing::Emphasis {
        lit: zakharova,
        selected: zakharova,
        all_edges: false,
    };
    let d = graph_drawing::draw(
        &story,
        &v,
        GraphView::default(),
        graph_drawing::Screen::default(),
        emphasis,
    );
    let svg = graph_export::export_svg(&story, &v, &d, zakharova, Some("maria-zakharova"));
    assert!(svg.contains("is spokeswoman for Russian Foreign Ministry. Inferred: "));
    assert!(svg.contains(">is spokeswoman for (inferred)<"));
    let views = claims::claims(&story, &[0]);
    let quoted = views[0]
        .responses
        .iter()
        .flat_map(|r| &r.quotes)
        .find(|q| q.id == "zakharova-fake-news");
    assert!(quoted.and_then(|q| q.inferred.as_ref()).is_some());
}

#[test]
fn point_6_and_7_participants_and_sides_are_what_the_article_says() {
    let story = story();
    let participants = |id: &str| {
        story
            .event(id)
            .map(|e| e.participants.clone())
            .unwrap_or_default()
    };
    assert_eq!(participants("post-report"), ["washington-post"]);
    assert_eq!(participants("intelligence-conclusion"), ["us-intelligence"]);
    assert_eq!(participants("flynn-resigns"), ["michael-flynn"]);
    let side = |id: &str| story.entity(id).and_then(|e| e.side.clone());
    assert_eq!(side("reuters"), None, "a photo credit is not an actor");
    assert_eq!(
        side("michael-flynn"),
        None,
        "he was forced out of the administration"
    );
    assert_eq!(side("nancy-pelosi").as_deref(), Some("democratic-party"));
    assert!(
        story
            .sides()
            .iter()
            .all(|s| s.id != "democrats-in-congress"),
        "the article does not say “in Congress”"
    );
    assert!(!story
        .relationships()
        .iter()
        .any(|r| r.to == "democrats" && r.label == "is one of the"));
}

#[test]
fn point_9_since_events_run_from_their_day() {
    let story = story();
    for id in ["committee-members-react", "democrats-call-for-recusal"] {
        let event = story.event(id).unwrap();
        assert_eq!(event.extent(), Extent::From, "event `{id}`");
        assert_eq!(event.on().map(|d| d.iso()).as_deref(), Some("2017-03-01"));
        let (first, last) = story.event_days(event).unwrap();
        assert_eq!(
            last - first,
            1,
            "from Wednesday through Thursday, the publication day"
        );
        let dated = cards::event_date(event).unwrap();
        assert_eq!(dated.extent, Extent::From);
    }
    assert_eq!(story.event("post-report").unwrap().extent(), Extent::At);
}
