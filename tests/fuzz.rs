//! Random-input testing of everything that reads untrusted text: links, story files, the spans
//! that tie a story to its article, and the date words. Each target checks that nothing panics
//! and that what comes out is consistent.
//!
//! In `cargo test` each target runs a fixed number of cases from a fixed seed (CI is
//! deterministic). `scripts/fuzz.sh` runs them for as long as asked from fresh seeds
//! (`FUZZ_SECONDS`, `FUZZ_SEED`), with overflow checks on, and prints the cases run; a failure
//! prints its seed and input, and becomes a fixed case here once fixed.
#![cfg(not(target_arch = "wasm32"))]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use story_core::dates::{self, PartialDate};
use story_core::story::{validate, Entity, EntityKind, Located, Meta, Span, Story, StoryFile};
use story_explorer::bundled;
use story_explorer::fixtures::synthetic::Rng;
use story_explorer::views::url_state::{decode, encode, MAX_TEXT};

fn pick<'a, T>(rng: &mut Rng, from: &'a [T]) -> &'a T {
    &from[rng.below(from.len())]
}

fn chance(rng: &mut Rng, percent: usize) -> bool {
    rng.below(100) < percent
}

/// Characters that break parsers: quotes of every kind, markup, escapes, separators, accents,
/// right-to-left text, direction controls, emoji with joiners, a NUL and a lone combining mark.
const NASTY: [&str; 32] = [
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "<",
    ">",
    "&",
    "=",
    "?",
    "#",
    "%",
    "%2",
    "%zz",
    "%C3",
    "+",
    ",",
    "\n",
    "\r",
    "\t",
    " ",
    "\\",
    "é",
    "ß",
    "İ",
    "إ",
    "\u{202E}",
    "\u{2066}",
    "👩🏽‍💻",
    "\0",
    "\u{301}",
];

fn word(rng: &mut Rng) -> String {
    const WORDS: [&str; 16] = [
        "Sessions",
        "Kislyak",
        "met",
        "said",
        "the",
        "a",
        "U.S.",
        "Sen.",
        "(D-Mo.)",
        "Wednesday",
        "Feb.",
        "9,",
        "2017",
        "“fake news.”",
        "Ambassador",
        "—",
    ];
    if chance(rng, 30) {
        (*pick(rng, &NASTY)).to_owned()
    } else {
        (*pick(rng, &WORDS)).to_owned()
    }
}

fn text(rng: &mut Rng, words: usize) -> String {
    let n = rng.below(words + 1);
    (0..n)
        .map(|_| word(rng))
        .collect::<Vec<_>>()
        .join(if chance(rng, 80) { " " } else { "" })
}

fn story() -> &'static Story {
    static STORY: OnceLock<Story> = OnceLock::new();
    STORY.get_or_init(|| bundled::load().expect("seed story"))
}

/// Runs `case` on inputs from `make` until the budget is spent; returns the cases run. A panic
/// or a broken invariant (`Err`) fails the test with the seed and the input. `case` says whether
/// the input got past parsing, so a generator that only ever produces rejects is noticed.
fn fuzz<I: std::fmt::Debug>(
    name: &str,
    make: impl Fn(&mut Rng) -> I,
    case: impl Fn(&I) -> Result<bool, String>,
) -> u64 {
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED);
    let (deadline, cap) = if seconds > 0 {
        (
            Some(Instant::now() + Duration::from_secs(seconds)),
            u64::MAX,
        )
    } else {
        (None, 2_000)
    };
    let mut rng = Rng(seed
        ^ name
            .bytes()
            .fold(0u64, |h, b| h.wrapping_mul(31) ^ u64::from(b)));
    let (mut cases, mut deep) = (0, 0);
    while cases < cap && deadline.is_none_or(|d| Instant::now() < d) {
        let input = make(&mut rng);
        let outcome = catch_unwind(AssertUnwindSafe(|| case(&input)));
        match outcome {
            Ok(Ok(went_deep)) => deep += u64::from(went_deep),
            Ok(Err(why)) => panic!("{name}: seed {seed}, case {cases}: {why}\ninput: {input:?}"),
            Err(_) => panic!("{name}: seed {seed}, case {cases}: panicked\ninput: {input:?}"),
        }
        cases += 1;
    }
    println!("fuzz {name}: {cases} cases ({deep} past the parser), seed {seed}, no failure");
    assert!(
        deep > 0,
        "{name}: no case got past the parser; the generator needs work"
    );
    cases
}

#[test]
fn links_decode_without_panic_to_a_state_whose_link_decodes_to_itself() {
    const KEYS: [&str; 14] = [
        "view", "q", "kind", "side", "with", "from", "to", "src", "item", "at", "zoom", "pan",
        "embed", "more",
    ];
    let ids: Vec<String> = story().entities().iter().map(|e| e.id.clone()).collect();
    fuzz(
        "links",
        |rng| {
            let pairs = rng.below(8);
            (0..pairs)
                .map(|_| {
                    let key = if chance(rng, 85) {
                        (*pick(rng, &KEYS)).to_owned()
                    } else {
                        text(rng, 2)
                    };
                    let value = match rng.below(4) {
                        0 => pick(rng, &ids).clone(),
                        1 => format!("{}", rng.next_u64() as i64 % 100_000),
                        2 => format!("{}-{:02}", 1990 + rng.below(60), rng.below(14)),
                        _ => text(rng, 6),
                    };
                    format!("{key}={value}")
                })
                .collect::<Vec<_>>()
                .join(if chance(rng, 90) { "&" } else { ";" })
        },
        |link| {
            let decoded = decode(link, story());
            if decoded.state.query.text.chars().count() > MAX_TEXT {
                return Err("search text longer than the limit".into());
            }
            let again = decode(&encode(&decoded.state), story());
            (again.state == decoded.state)
                .then_some(true)
                .ok_or_else(|| {
                    format!(
                        "re-encoded link decodes differently: {}",
                        encode(&decoded.state)
                    )
                })
        },
    );
}

/// The seed story file, mutated: ranges deleted or duplicated, nasty characters inserted, lines
/// swapped. Parsing and validating it must never panic; what validates must be usable.
#[test]
fn story_files_mutated_at_random_load_or_explain_without_panic() {
    let source = include_str!("../stories/sessions-kislyak/story.toml");
    fuzz(
        "story-toml",
        |rng| {
            let mut text: Vec<char> = source.chars().collect();
            for _ in 0..1 + rng.below(6) {
                let at = rng.below(text.len());
                match rng.below(4) {
                    0 => {
                        let end = (at + rng.below(40)).min(text.len());
                        text.drain(at..end);
                    }
                    1 => {
                        let end = (at + rng.below(80)).min(text.len());
                        let copy: Vec<char> = text[at..end].to_vec();
                        let to = rng.below(text.len());
                        text.splice(to..to, copy);
                    }
                    2 => {
                        let nasty: Vec<char> = word(rng).chars().collect();
                        text.splice(at..at, nasty);
                    }
                    _ => {
                        if let Some(c) = text.get_mut(at) {
                            *c = *pick(rng, &['"', '=', '[', ']', '{', '}', '#', '\n', 'x', '0']);
                        }
                    }
                }
            }
            text.into_iter().collect::<String>()
        },
        |toml_text| {
            let Ok(file) = toml::from_str::<StoryFile>(toml_text) else {
                return Ok(false);
            };
            if let Ok(story) = validate(file, bundled::article()) {
                let cards = story_explorer::views::cards::cards(&story);
                if cards.is_empty() && !story.entities().is_empty() {
                    return Err("a valid story with entities shows no card".into());
                }
            }
            Ok(true)
        },
    );
}

fn entity(id: String, source: Span, aliases: Vec<String>) -> Entity {
    Entity {
        id,
        kind: EntityKind::Person,
        name: "Someone".into(),
        aliases,
        role: None,
        side: None,
        note: None,
        inferred: None,
        source,
        at: Located::default(),
    }
}

/// Random articles and spans cut from them (on any character, across sentences and paragraphs,
/// or slightly wrong): every span either resolves to exactly its words or is reported.
#[test]
fn spans_resolve_to_their_exact_words_or_are_reported() {
    fuzz(
        "spans",
        |rng| {
            let paragraphs = 1 + rng.below(5);
            let article: String = (0..paragraphs)
                .map(|_| text(rng, 30))
                .collect::<Vec<_>>()
                .join(if chance(rng, 80) { "\n" } else { "\n\n" });
            let chars: Vec<char> = article.chars().collect();
            let spans: Vec<Span> = (0..1 + rng.below(4))
                .map(|_| {
                    let a = rng.below(chars.len());
                    let b = (a + 1 + rng.below(20)).min(chars.len());
                    let mut words: String = chars[a..b].iter().collect();
                    if chance(rng, 10) {
                        words.push_str(&word(rng));
                    }
                    if chance(rng, 25) {
                        let w0 = a.saturating_sub(rng.below(10));
                        let w1 = (b + rng.below(10)).min(chars.len());
                        Span::Within {
                            text: words,
                            within: chars[w0..w1].iter().collect(),
                        }
                    } else {
                        Span::Text(words)
                    }
                })
                .collect();
            (article, spans)
        },
        |(article, spans)| {
            let first = article.lines().next().unwrap_or("").to_owned();
            let file = StoryFile {
                meta: Meta {
                    id: "fuzz".into(),
                    headline: Span::Text(first.clone()),
                    summary: Span::Text(first),
                    published: PartialDate::day(2017, 3, 2).unwrap(),
                    published_note: Some("Set by the fuzzer.".into()),
                    publisher: None,
                    photo: None,
                    draft: false,
                    headline_at: Located::default(),
                    summary_at: Located::default(),
                },
                sides: Vec::new(),
                entities: spans
                    .iter()
                    .enumerate()
                    .map(|(i, s)| entity(format!("e{i}"), s.clone(), vec![s.text().to_owned()]))
                    .collect(),
                quotes: Vec::new(),
                events: Vec::new(),
                relationships: Vec::new(),
                claims: Vec::new(),
            };
            let Ok(story) = validate(file, article) else {
                return Ok(false);
            };
            for (e, span) in story.entities().iter().zip(spans) {
                if story.words(&e.at.span) != span.text() {
                    return Err(format!(
                        "{:?} resolved to {:?}",
                        span.text(),
                        story.words(&e.at.span)
                    ));
                }
                let s = &e.at.sentence;
                if !(s.start <= e.at.span.start && e.at.span.end <= s.end) {
                    return Err(format!("sentence {s:?} does not hold span {:?}", e.at.span));
                }
            }
            Ok(true)
        },
    );
}

/// Date words of every kind against any publication date: what resolves is a real date, and an
/// open-ended period never ends before it starts.
#[test]
fn date_words_resolve_to_real_dates_or_to_nothing() {
    const TOKENS: [&str; 24] = [
        "since",
        "until",
        "in",
        "on",
        "last",
        "this",
        "month",
        "year",
        "Wednesday",
        "Sunday",
        "morning",
        "night",
        "January",
        "Feb.",
        "Sept.",
        "December",
        "9,",
        "31",
        "29",
        "2017",
        "0000",
        "9999",
        "2016-02-29",
        "-",
    ];
    fuzz(
        "dates",
        |rng| {
            let words: Vec<String> = (0..rng.below(5))
                .map(|_| {
                    if chance(rng, 85) {
                        (*pick(rng, &TOKENS)).to_owned()
                    } else {
                        word(rng)
                    }
                })
                .collect();
            let published = format!(
                "{:04}-{:02}-{:02}",
                rng.below(10_000),
                1 + rng.below(12),
                1 + rng.below(31)
            );
            (words.join(" "), published)
        },
        |(words, published)| {
            let Some(published) = PartialDate::parse_iso(published) else {
                return Ok(false);
            };
            let Some(date) = dates::resolve(words, published) else {
                return Ok(false);
            };
            if PartialDate::parse_iso(&date.iso()) != Some(date) {
                return Err(format!("{date:?} is not a real date"));
            }
            let (first, last) = dates::extent_bounds(date, dates::extent(words), published);
            (first <= last)
                .then_some(true)
                .ok_or_else(|| format!("period {first}..{last} is reversed"))
        },
    );
}
