//! Measures the drafts against hand-made truth, article by article, and fails below the bars.
//!
//! Data-driven over `testdata/<article>/`: each folder holds `article.txt` and `truth.toml` (a
//! story in the format of docs/story-format.md, annotated by hand before the extractor is run
//! on it), or a `case.toml` whose `story` names a story folder to use as both (the seed story is
//! read in place that way). `case.toml` may also give `published` (what `--published` would)
//! and `credits` (names that must never be drafted as actors). See docs/drafting.md.
//!
//! Matching: a drafted quote finds a true one when their spans overlap by half the shorter;
//! a speaker, an entity, is right when a name or alias of each is the same (ignoring case and a
//! leading "the"); a dated phrase is right when a drafted event's `when` overlaps the true one's
//! and resolves to the same date.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use story_core::dates::PartialDate;
use story_core::story::{validate, EntityKind, Story, StoryFile};
use story_draft::{draft, toml_out, Options};

#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Case {
    story: Option<String>,
    published: Option<String>,
    #[serde(default)]
    credits: Vec<String>,
}

struct Loaded {
    name: String,
    article: String,
    truth: Story,
    published: Option<PartialDate>,
    credits: Vec<String>,
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn load(dir: &Path) -> Loaded {
    let case_path = dir.join("case.toml");
    let case: Case = if case_path.exists() {
        toml::from_str(&read(&case_path)).unwrap_or_else(|e| panic!("{}: {e}", case_path.display()))
    } else {
        Case::default()
    };
    let (article_path, truth_path) = match &case.story {
        Some(story) => (
            dir.join(story).join("article.txt"),
            dir.join(story).join("story.toml"),
        ),
        None => (dir.join("article.txt"), dir.join("truth.toml")),
    };
    let article = read(&article_path);
    let file: StoryFile = toml::from_str(&read(&truth_path))
        .unwrap_or_else(|e| panic!("{}: {e}", truth_path.display()));
    let truth = validate(file, &article).unwrap_or_else(|p| {
        panic!(
            "{}: the truth does not validate: {p:?}",
            truth_path.display()
        )
    });
    Loaded {
        name: dir
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned()),
        published: case
            .published
            .as_deref()
            .map(|d| PartialDate::parse_iso(d).expect("published")),
        credits: case.credits,
        article,
        truth,
    }
}

fn key(name: &str) -> String {
    let folded = story_core::fold::fold(name.trim());
    folded
        .strip_prefix("the ")
        .map_or(folded.clone(), str::to_owned)
}

fn names_of(story: &Story, id: &str) -> Vec<String> {
    story.entity(id).map_or(Vec::new(), |e| {
        std::iter::once(&e.name)
            .chain(&e.aliases)
            .map(|n| key(n))
            .collect()
    })
}

fn same_entity(a: &Story, a_id: &str, b: &Story, b_id: &str) -> bool {
    let b_names = names_of(b, b_id);
    names_of(a, a_id).iter().any(|n| b_names.contains(n))
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    let shared = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    shared > 0 && 2 * shared >= (a.len()).min(b.len())
}

#[derive(Default, Clone, Copy)]
struct Tally {
    quotes: usize,
    quotes_found: usize,
    drafted_quotes: usize,
    drafted_real: usize,
    speakers_right: usize,
    actors: usize,
    actors_found: usize,
    places: usize,
    places_found: usize,
    dates: usize,
    dates_right: usize,
    credit_actors: usize,
    silent_dates: usize,
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, o: Tally) {
        self.quotes += o.quotes;
        self.quotes_found += o.quotes_found;
        self.drafted_quotes += o.drafted_quotes;
        self.drafted_real += o.drafted_real;
        self.speakers_right += o.speakers_right;
        self.actors += o.actors;
        self.actors_found += o.actors_found;
        self.places += o.places;
        self.places_found += o.places_found;
        self.dates += o.dates;
        self.dates_right += o.dates_right;
        self.credit_actors += o.credit_actors;
        self.silent_dates += o.silent_dates;
    }
}

/// The draft as an editor gets it: written, read back and validated.
fn drafted(article: &str, published: Option<PartialDate>) -> Result<Story, String> {
    let d = draft(article, &Options { published }).map_err(|e| e.0)?;
    let toml = toml_out::write(&d);
    let file: StoryFile = toml::from_str(&toml).map_err(|e| format!("does not read back: {e}"))?;
    validate(file, article).map_err(|p| format!("does not validate: {p:?}"))
}

fn measure(case: &Loaded) -> Tally {
    let truth = &case.truth;
    let draft = drafted(&case.article, case.published)
        .unwrap_or_else(|e| panic!("{}: the draft {e}", case.name));
    let mut t = Tally {
        quotes: truth.quotes().len(),
        drafted_quotes: draft.quotes().len(),
        ..Tally::default()
    };
    for q in truth.quotes() {
        if let Some(d) = draft
            .quotes()
            .iter()
            .find(|d| overlap(&d.at.span, &q.at.span))
        {
            t.quotes_found += 1;
            t.speakers_right += usize::from(same_entity(&draft, &d.speaker, truth, &q.speaker));
        }
    }
    t.drafted_real = draft
        .quotes()
        .iter()
        .filter(|d| {
            truth
                .quotes()
                .iter()
                .any(|q| overlap(&d.at.span, &q.at.span))
        })
        .count();
    for e in truth.entities() {
        let found = draft
            .entities()
            .iter()
            .any(|d| same_entity(&draft, &d.id, truth, &e.id));
        if e.kind == EntityKind::Place {
            t.places += 1;
            t.places_found += usize::from(found);
        } else {
            t.actors += 1;
            t.actors_found += usize::from(found);
        }
    }
    for e in truth.events() {
        t.dates += 1;
        t.dates_right += usize::from(
            draft
                .events()
                .iter()
                .any(|d| overlap(&d.when_at, &e.when_at) && d.on().is_some() && d.on() == e.on()),
        );
    }
    let credit = |id: &str| {
        names_of(&draft, id)
            .iter()
            .any(|n| case.credits.iter().any(|c| key(c) == *n))
    };
    t.credit_actors = draft.quotes().iter().filter(|q| credit(&q.speaker)).count()
        + draft
            .events()
            .iter()
            .flat_map(|e| &e.participants)
            .filter(|p| credit(p))
            .count()
        + draft
            .relationships()
            .iter()
            .filter(|r| credit(&r.from) || credit(&r.to))
            .count();
    // Drafted without a date given, the publication date is the article's or is explained.
    if let Ok(undated) = drafted(&case.article, None) {
        let meta = undated.meta();
        let printed = story_core::dates::written_forms(meta.published)
            .iter()
            .any(|f| case.article.contains(f.as_str()));
        let explained = meta
            .published_note
            .as_deref()
            .is_some_and(|n| !n.trim().is_empty());
        t.silent_dates = usize::from(!printed && !explained);
    }
    t
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

fn row(name: &str, t: &Tally) -> String {
    format!(
        "| {name:<18} | {:>5.1} ({}/{}) | {:>5.1} ({}/{}) | {:>5.1} ({}/{}) | {:>5.1} ({}/{}) | {:>5.1} ({}/{}) | {:>5.1} ({}/{}) | {} | {} |",
        percent(t.quotes_found, t.quotes), t.quotes_found, t.quotes,
        percent(t.drafted_real, t.drafted_quotes), t.drafted_real, t.drafted_quotes,
        percent(t.speakers_right, t.quotes_found), t.speakers_right, t.quotes_found,
        percent(t.actors_found, t.actors), t.actors_found, t.actors,
        percent(t.places_found, t.places), t.places_found, t.places,
        percent(t.dates_right, t.dates), t.dates_right, t.dates,
        t.credit_actors, t.silent_dates,
    )
}

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn drafts_reach_the_bars_on_every_annotated_article() {
    let mut per: BTreeMap<String, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    for dir in cases() {
        let case = load(&dir);
        let t = measure(&case);
        total += t;
        per.insert(case.name, t);
    }
    assert!(!per.is_empty(), "no annotated articles in testdata/");
    println!("| article            | quote recall | quote precision | right speaker | people+orgs | places | dated phrases | credits as actors | silent dates |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for (name, t) in &per {
        println!("{}", row(name, t));
    }
    println!("{}", row("total", &total));
    let bar = |what: &str, part: usize, whole: usize, min: f64| {
        let got = percent(part, whole);
        assert!(
            got >= min,
            "{what}: {got:.1} % ({part}/{whole}) is below {min} %"
        );
    };
    bar("quote recall", total.quotes_found, total.quotes, 95.0);
    bar(
        "quote precision",
        total.drafted_real,
        total.drafted_quotes,
        95.0,
    );
    bar(
        "right speaker",
        total.speakers_right,
        total.quotes_found,
        95.0,
    );
    bar(
        "people and organizations",
        total.actors_found,
        total.actors,
        90.0,
    );
    bar("dated phrases", total.dates_right, total.dates, 95.0);
    assert_eq!(
        total.credit_actors, 0,
        "a credit was drafted as a speaker, participant or end"
    );
    assert_eq!(
        total.silent_dates, 0,
        "a publication date was set without a note"
    );
}
