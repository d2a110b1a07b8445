//! Validation names the item and the problem for every way a story can be broken, and catches
//! a one-character change inside any span the bundled story quotes.

use serde_json::{json, Value};
use story_core::story::{load_json, LoadError};
use story_explorer::bundled;

const ARTICLE: &str = "Headline here\n\nAlice Smith said Wednesday that Bob met Carol. Bob said Wednesday he did not.\n\n\"It is false,\" Bob said.";

fn base() -> Value {
    json!({
        "meta": {
            "id": "test",
            "headline": "Headline here",
            "summary": "Alice Smith said Wednesday that Bob met Carol.",
            "published": "2017-03-02",
            "published_note": "The article does not print its date."
        },
        "sides": [{ "id": "press", "name": "The press" }],
        "entities": [
            { "id": "alice", "kind": "person", "name": "Alice Smith", "aliases": ["Alice Smith"], "side": "press", "source": "Alice Smith said" },
            { "id": "bob", "kind": "person", "name": "Bob", "aliases": ["Bob"], "source": "Bob met Carol" }
        ],
        "quotes": [{ "id": "bob-false", "speaker": "bob", "text": "It is false", "sourcing": "on-record" }],
        "events": [{ "id": "alice-says", "title": "Alice says so", "track": "reported", "source": "Alice Smith said Wednesday", "when": "Wednesday", "participants": ["alice"] }],
        "relationships": [{ "id": "bob-carol", "from": "bob", "to": "alice", "label": "met", "source": "Bob met Carol" }],
        "claims": [{
            "id": "meeting", "text": "Bob met Carol.", "claimant": "alice", "source": "that Bob met Carol",
            "responses": [{ "id": "bob-denies", "speaker": "bob", "stance": "denial", "summary": "Bob denies it.", "source": "he did not", "quotes": ["bob-false"] }]
        }]
    })
}

fn problems(story: &Value, article: &str) -> Vec<String> {
    match load_json(&story.to_string(), article) {
        Ok(_) => Vec::new(),
        Err(LoadError::Invalid(problems)) => problems.iter().map(ToString::to_string).collect(),
        Err(e) => vec![e.to_string()],
    }
}

fn assert_problem(story: &Value, expected: &str) {
    let found = problems(story, ARTICLE);
    assert!(
        found.iter().any(|p| p.contains(expected)),
        "expected a problem containing {expected:?}, got {found:#?}"
    );
}

#[test]
fn the_base_story_is_valid() {
    assert_eq!(problems(&base(), ARTICLE), Vec::<String>::new());
}

#[test]
fn each_kind_of_problem_names_the_item() {
    type Edit = fn(&mut Value);
    let cases: [(Edit, &str); 12] = [
        (|s| s["entities"][1]["source"] = json!("Bob meets Carol"), "entity `bob`: source: the words \"Bob meets Carol\" are not in the article"),
        (|s| s["entities"][1]["source"] = json!("Bob said"), "entity `bob`: source: the words \"Bob said\" occur 2 times"),
        (|s| s["quotes"][0]["text"] = json!(""), "quote `bob-false`: text: quotes no words"),
        (|s| s["quotes"][0]["id"] = json!("bob"), "quote `bob`: duplicate id"),
        (|s| s["quotes"][0]["speaker"] = json!("dave"), "quote `bob-false`: speaker `dave` does not exist"),
        (|s| s["quotes"][0]["speaker"] = json!("press"), "quote `bob-false`: speaker `press` is not an entity"),
        (|s| s["relationships"][0]["to"] = json!("carol"), "relationship `bob-carol`: to `carol` does not exist"),
        (|s| s["claims"][0]["responses"][0]["quotes"] = json!(["nope"]), "response `bob-denies`: quote `nope` does not exist"),
        (|s| s["events"][0]["when"] = json!("soon"), "event `alice-says`: when: \"soon\" does not occur exactly once"),
        (|s| { s["events"][0]["source"] = json!("that Bob met Carol"); s["events"][0]["when"] = json!("Bob met"); }, "event `alice-says`: cannot resolve the date \"Bob met\""),
        (|s| s["events"][0]["date"] = json!("2017-02-22"), "event `alice-says`: date 2017-02-22 disagrees with \"Wednesday\", which resolves to 2017-03-01"),
        (|s| s["entities"][0]["role"] = json!("Senator"), "entity `alice`: role word \"Senator\" is not in the article"),
    ];
    for (edit, expected) in cases {
        let mut story = base();
        edit(&mut story);
        assert_problem(&story, expected);
    }
}

#[test]
fn within_picks_one_of_several_occurrences() {
    let mut story = base();
    story["entities"][1]["source"] =
        json!({ "text": "Bob said", "within": "\"It is false,\" Bob said" });
    assert_eq!(problems(&story, ARTICLE), Vec::<String>::new());
    story["entities"][1]["source"] =
        json!({ "text": "Carol", "within": "\"It is false,\" Bob said" });
    assert_problem(
        &story,
        "entity `bob`: source: the words \"Carol\" do not occur exactly once within",
    );
}

#[test]
fn ids_must_be_link_safe_and_unknown_fields_are_refused() {
    let mut story = base();
    story["entities"][0]["id"] = json!("Alice <script>");
    assert_problem(&story, "lowercase letters, digits and hyphens");
    let mut story = base();
    story["entities"][0]["nickname"] = json!("Al");
    assert!(problems(&story, ARTICLE)[0].contains("unknown field `nickname`"));
}

#[test]
fn a_direction_control_left_open_is_a_problem_but_a_closed_one_is_not() {
    // U+202E (right-to-left override) reverses everything after it until U+202C closes it.
    let article = ARTICLE.replace("Bob met Carol", "Bob met \u{202E}Carol\u{202C}");
    let mut story = base();
    for path in [("entities", 1, "source"), ("relationships", 0, "source")] {
        story[path.0][path.1][path.2] = json!("Bob met \u{202E}Carol\u{202C}");
    }
    story["claims"][0]["source"] = json!("that Bob met \u{202E}Carol\u{202C}");
    story["meta"]["summary"] =
        json!("Alice Smith said Wednesday that Bob met \u{202E}Carol\u{202C}.");
    assert_eq!(problems(&story, &article), Vec::<String>::new());

    story["entities"][1]["name"] = json!("Bob \u{202E}the builder");
    let found = problems(&story, &article);
    assert_eq!(
        found,
        ["entity `bob`: the text has a direction control (U+202E) that it does not close; it would reverse the text shown after it"]
    );
}

#[test]
fn all_problems_are_reported_at_once() {
    let mut story = base();
    story["entities"][0]["source"] = json!("nowhere");
    story["quotes"][0]["speaker"] = json!("nobody");
    assert_eq!(problems(&story, ARTICLE).len(), 2);
}

#[test]
fn malformed_data_is_a_message_not_a_panic() {
    for data in [
        "",
        "{",
        "[]",
        "{\"meta\": 3}",
        "null",
        "{\"meta\":{\"published\":\"2017-02-30\"}}",
    ] {
        let Err(error) = load_json(data, ARTICLE) else {
            panic!("{data:?} loaded")
        };
        assert!(
            error
                .to_string()
                .starts_with("the story data cannot be read"),
            "{error}"
        );
    }
}

/// Every span of the bundled story file, as a JSON pointer to it and the name problems give its
/// item: every item's words, each claim's evidence and responses, and the story's metadata.
fn span_sites(source: &Value) -> Vec<(String, String)> {
    let mut sites: Vec<(String, String)> = ["headline", "summary", "photo/caption", "photo/credit"]
        .iter()
        .filter(|field| source.pointer(&format!("/meta/{field}")).is_some())
        .map(|field| (format!("/meta/{field}"), "story metadata".to_owned()))
        .collect();
    let items = |list: &str| source[list].as_array().cloned().unwrap_or_default();
    for (list, field, kind) in [
        ("entities", "source", "entity"),
        ("quotes", "text", "quote"),
        ("events", "source", "event"),
        ("relationships", "source", "relationship"),
        ("claims", "source", "claim"),
    ] {
        for (i, item) in items(list).iter().enumerate() {
            let name = format!("{kind} `{}`", item["id"].as_str().unwrap());
            sites.push((format!("/{list}/{i}/{field}"), name));
        }
    }
    for (c, claim) in items("claims").iter().enumerate() {
        let name = format!("claim `{}`", claim["id"].as_str().unwrap());
        for n in 0..claim["evidence"].as_array().map_or(0, Vec::len) {
            sites.push((format!("/claims/{c}/evidence/{n}/source"), name.clone()));
        }
        for (r, response) in claim["responses"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            let name = format!("response `{}`", response["id"].as_str().unwrap());
            sites.push((format!("/claims/{c}/responses/{r}/source"), name));
        }
    }
    sites
}

/// `text` with its middle character replaced by one that cannot be there.
fn with_middle_changed(text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let middle = chars.len() / 2;
    chars[middle] = if chars[middle] == '#' { '%' } else { '#' };
    chars.into_iter().collect()
}

/// Every span of the bundled story whose words are changed by one character in the article is
/// named in the problems.
#[test]
fn changing_one_character_of_any_quoted_span_in_the_article_names_the_item() {
    let source: Value = serde_json::from_str(bundled::source_json()).unwrap();
    let article = bundled::article();
    let sites = span_sites(&source);
    assert!(
        sites.len() > 80,
        "{} spans: the walk misses some",
        sites.len()
    );
    for (pointer, item) in sites {
        let span = &source.pointer(&pointer).unwrap();
        let words = span.as_str().or_else(|| span["text"].as_str()).unwrap();
        let context = span["within"].as_str().unwrap_or(words);
        let at = article.find(context).unwrap() + context.find(words).unwrap();
        let changed = format!(
            "{}{}{}",
            &article[..at],
            with_middle_changed(words),
            &article[at + words.len()..]
        );
        let found = problems(&source, &changed);
        assert!(
            found.iter().any(|p| p.starts_with(&item)),
            "changing {pointer} in the article went unnoticed: {found:#?}"
        );
    }
}

/// The same for the story file: a changed character in any span's words, or in the longer words
/// (`within`) that pick one occurrence of them.
#[test]
fn changing_one_character_of_any_quoted_span_in_the_story_file_names_the_item() {
    let source: Value = serde_json::from_str(bundled::source_json()).unwrap();
    let mut checked_within = 0;
    for (pointer, item) in span_sites(&source) {
        let span = source.pointer(&pointer).unwrap().clone();
        let mut variants = Vec::new();
        match &span {
            Value::String(words) => variants.push(json!(with_middle_changed(words))),
            _ => {
                let (text, within) = (
                    span["text"].as_str().unwrap(),
                    span["within"].as_str().unwrap(),
                );
                variants.push(json!({ "text": with_middle_changed(text), "within": within }));
                variants.push(json!({ "text": text, "within": with_middle_changed(within) }));
                checked_within += 1;
            }
        }
        for variant in variants {
            let mut story = source.clone();
            *story.pointer_mut(&pointer).unwrap() = variant.clone();
            let found = problems(&story, bundled::article());
            assert!(
                found.iter().any(|p| p.starts_with(&item)),
                "{pointer} = {variant}: change went unnoticed: {found:#?}"
            );
        }
    }
    assert!(checked_within > 0, "the story has `within` spans to check");
}
