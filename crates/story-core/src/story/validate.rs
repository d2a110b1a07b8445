//! Checks a story file against its article and resolves it into a [`Story`].
//!
//! Runs at build time (build.rs fails the build, and packs what it returns for the app), in the
//! editor after every edit, and on the test build's generated stories, so a
//! broken story reaches neither a reader nor a release. Every problem names the item it is about
//! and says what to change; all problems are reported at once, not just the first.

use super::model::{EntityKind, Located, Span, StoryFile};
use super::span::{self, SpanError};
use super::{ItemRef, Story};
use crate::order;
use crate::set::{SortedMap, SortedSet};
use crate::{dates, text};
use std::fmt;
use std::ops::Range;

/// One thing wrong with a story, and the item it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What kind of item and its id, e.g. "quote `peskov-details`".
    pub item: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.item, self.message)
    }
}

struct Checker<'a> {
    article: &'a str,
    index: span::ArticleIndex<'a>,
    sentences: &'a [Range<usize>],
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, item: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            item: item.to_owned(),
            message: message.into(),
        });
    }

    fn locate(&mut self, item: &str, field: &str, span: &Span) -> Located {
        span::locate(&self.index, self.sentences, span).unwrap_or_else(|e| {
            self.report(item, format!("{field}: {e}"));
            Located::default()
        })
    }
}

/// Validates `file` against `article`; on success every `at` field holds real offsets.
pub fn validate(mut file: StoryFile, article: &str) -> Result<Story, Vec<Problem>> {
    let sentences = text::sentences(article);
    let paragraphs = text::paragraphs(article);
    let mut check = Checker {
        article,
        index: span::ArticleIndex::new(article),
        sentences: &sentences,
        problems: Vec::new(),
    };
    let index = index_ids(&file, &mut check);

    locate_all(&mut file, &mut check);
    check_references(&file, &index, &mut check);
    check_words(&file, &mut check);
    check_bidi(&file, &mut check);
    // Editorial rules, checked where stories are built, tested and edited (the editor's wasm
    // included): the reader's bundle carries a story that passed them, and its load-time check is
    // about what a corrupted bundle breaks (spans, references, dates). Leaving them out of the
    // reader's wasm saves 4 KB gzip.
    #[cfg(feature = "editorial")]
    check_inferences(&file, &paragraphs, &mut check);
    resolve_dates(&mut file, &mut check);

    if check.problems.is_empty() {
        Ok(Story {
            file,
            article: article.to_owned(),
            sentences,
            paragraphs,
            index,
        })
    } else {
        Err(check.problems)
    }
}

fn index_ids(file: &StoryFile, check: &mut Checker) -> SortedMap<String, ItemRef> {
    let mut ids = super::item_ids(file);
    for (kind, id, _) in &ids {
        if id.is_empty()
            || !id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            check.report(
                &format!("{kind} `{id}`"),
                "an id is made of lowercase letters, digits and hyphens, so it can live in a link",
            );
        }
    }
    // Stable: of items sharing an id, the first in the file keeps it and the later are reported.
    order::sort_by(&mut ids, |a, b| a.1.cmp(b.1));
    for pair in ids.windows(2) {
        let (kind, id, _) = pair[1];
        if id == pair[0].1 {
            check.report(
                &format!("{kind} `{id}`"),
                "duplicate id: another item already uses it",
            );
        }
    }
    SortedMap::from_pairs(
        ids.into_iter()
            .map(|(_, id, item)| (id.to_owned(), item))
            .collect(),
    )
}

fn locate_all(file: &mut StoryFile, check: &mut Checker) {
    let meta = &mut file.meta;
    meta.headline_at = check.locate("story metadata", "headline", &meta.headline);
    meta.summary_at = check.locate("story metadata", "summary", &meta.summary);
    if let Some(photo) = meta.photo.as_mut() {
        photo.caption_at = check.locate("story metadata", "photo caption", &photo.caption);
        check.locate("story metadata", "photo credit", &photo.credit);
    }
    for x in &mut file.entities {
        x.at = check.locate(&format!("entity `{}`", x.id), "source", &x.source);
    }
    for x in &mut file.quotes {
        x.at = check.locate(&format!("quote `{}`", x.id), "text", &x.text);
    }
    for x in &mut file.events {
        x.at = check.locate(&format!("event `{}`", x.id), "source", &x.source);
    }
    for x in &mut file.relationships {
        x.at = check.locate(&format!("relationship `{}`", x.id), "source", &x.source);
    }
    for claim in &mut file.claims {
        let name = format!("claim `{}`", claim.id);
        claim.at = check.locate(&name, "source", &claim.source);
        for (n, evidence) in claim.evidence.iter_mut().enumerate() {
            evidence.at = check.locate(&name, &format!("evidence {}", n + 1), &evidence.source);
        }
        for r in &mut claim.responses {
            r.at = check.locate(&format!("response `{}`", r.id), "source", &r.source);
        }
    }
}

/// The kinds of item a reference may point to.
#[derive(Clone, Copy)]
enum Want {
    Side,
    Entity,
    Outlet,
    Quote,
    Event,
}

fn check_references(file: &StoryFile, index: &SortedMap<String, ItemRef>, check: &mut Checker) {
    let mut refer = |item: String, field: &str, id: &str, want: Want| {
        let target = index.get(id);
        let fits = match (want, target) {
            (Want::Side, Some(ItemRef::Side(_))) => true,
            (Want::Entity, Some(ItemRef::Entity(_))) => true,
            (Want::Outlet, Some(ItemRef::Entity(i))) => {
                file.entities[*i].kind == EntityKind::Organization
            }
            (Want::Quote, Some(ItemRef::Quote(_))) => true,
            (Want::Event, Some(ItemRef::Event(_))) => true,
            _ => false,
        };
        if target.is_none() {
            check.report(&item, format!("{field} `{id}` does not exist"));
        } else if !fits {
            let what = match want {
                Want::Side => "a side",
                Want::Entity => "an entity",
                Want::Outlet => "an organization",
                Want::Quote => "a quote",
                Want::Event => "an event",
            };
            check.report(&item, format!("{field} `{id}` is not {what}"));
        }
    };
    for x in &file.entities {
        if let Some(side) = &x.side {
            refer(format!("entity `{}`", x.id), "side", side, Want::Side);
        }
    }
    for x in &file.quotes {
        let name = format!("quote `{}`", x.id);
        refer(name.clone(), "speaker", &x.speaker, Want::Entity);
        x.via
            .iter()
            .for_each(|v| refer(name.clone(), "via", v, Want::Outlet));
        x.event
            .iter()
            .for_each(|e| refer(name.clone(), "event", e, Want::Event));
    }
    for x in &file.events {
        x.participants
            .iter()
            .for_each(|p| refer(format!("event `{}`", x.id), "participant", p, Want::Entity));
    }
    for x in &file.relationships {
        let name = format!("relationship `{}`", x.id);
        refer(name.clone(), "from", &x.from, Want::Entity);
        refer(name.clone(), "to", &x.to, Want::Entity);
        x.events
            .iter()
            .for_each(|e| refer(name.clone(), "event", e, Want::Event));
    }
    for claim in &file.claims {
        let name = format!("claim `{}`", claim.id);
        refer(name.clone(), "claimant", &claim.claimant, Want::Entity);
        claim
            .event
            .iter()
            .for_each(|e| refer(name.clone(), "event", e, Want::Event));
        for r in &claim.responses {
            let name = format!("response `{}`", r.id);
            refer(name.clone(), "speaker", &r.speaker, Want::Entity);
            r.quotes
                .iter()
                .for_each(|q| refer(name.clone(), "quote", q, Want::Quote));
            r.event
                .iter()
                .for_each(|e| refer(name.clone(), "event", e, Want::Event));
        }
    }
}

/// Names may be normalized ("Missouri" for "Mo."), but a role must not bring in words the
/// article lacks, so no role is invented; aliases are the article's own spellings and must appear in it as written.
fn check_words(file: &StoryFile, check: &mut Checker) {
    let lower = crate::fold::lower(check.article);
    let words: SortedSet<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    for x in &file.entities {
        let name = format!("entity `{}`", x.id);
        for alias in &x.aliases {
            if check.index.occurrences(alias).is_empty() {
                check.report(
                    &name,
                    format!("alias \"{alias}\" is not in the article as written"),
                );
            }
        }
        if let Some(role) = &x.role {
            for word in role
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 4)
            {
                if !words.contains(&crate::fold::lower(word).as_str()) {
                    check.report(&name, format!("role word \"{word}\" is not in the article"));
                }
            }
        }
    }
}

/// Every inference is disclosed: where the article does not state a value outright, the item
/// says why it was chosen (see `inference`), and the publication date, when the article does not
/// print it, says how it was set.
#[cfg(feature = "editorial")]
fn check_inferences(file: &StoryFile, paragraphs: &[Range<usize>], check: &mut Checker) {
    for needed in super::inference::missing(file, check.article, &check.index, paragraphs) {
        check.report(&needed.item, needed.message);
    }
    for (item, reason) in inferred_reasons(file) {
        if reason.trim().is_empty() {
            check.report(&item, "inferred: say why, in words a reader can weigh");
        }
    }
    let meta = &file.meta;
    let printed = dates::written_forms(meta.published)
        .iter()
        .any(|form| check.article.contains(form.as_str()));
    if !printed
        && meta
            .published_note
            .as_deref()
            .is_none_or(|n| n.trim().is_empty())
    {
        check.report(
            "story metadata",
            format!(
                "published: the article does not print {}; say how the date was set with \
                 `published_note = \"…\"`",
                meta.published
            ),
        );
    }
}

fn tag<'a>(kind: &str, id: &str, reason: &'a Option<String>) -> Option<(String, &'a str)> {
    reason.as_deref().map(|r| (format!("{kind} `{id}`"), r))
}

fn inferred_reasons(file: &StoryFile) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = Vec::new();
    out.extend(
        file.entities
            .iter()
            .filter_map(|x| tag("entity", &x.id, &x.inferred)),
    );
    out.extend(
        file.quotes
            .iter()
            .filter_map(|x| tag("quote", &x.id, &x.inferred)),
    );
    out.extend(
        file.events
            .iter()
            .filter_map(|x| tag("event", &x.id, &x.inferred)),
    );
    out.extend(
        file.relationships
            .iter()
            .filter_map(|x| tag("relationship", &x.id, &x.inferred)),
    );
    for c in &file.claims {
        out.extend(tag("claim", &c.id, &c.inferred));
        out.extend(
            c.responses
                .iter()
                .filter_map(|x| tag("response", &x.id, &x.inferred)),
        );
    }
    out
}

/// Every text a reader sees, by the item it belongs to.
fn shown_texts(file: &StoryFile) -> Vec<(String, &str)> {
    let meta = &file.meta;
    let story = "story metadata".to_owned();
    let mut out = vec![
        (story.clone(), meta.headline.text()),
        (story.clone(), meta.summary.text()),
    ];
    out.extend(meta.publisher.as_deref().map(|t| (story.clone(), t)));
    out.extend(meta.published_note.as_deref().map(|t| (story.clone(), t)));
    if let Some(photo) = &meta.photo {
        out.push((story.clone(), photo.caption.text()));
        out.push((story.clone(), photo.credit.text()));
    }
    for x in &file.sides {
        out.push((format!("side `{}`", x.id), x.name.as_str()));
    }
    out.extend(inferred_reasons(file));
    for x in &file.entities {
        let item = format!("entity `{}`", x.id);
        out.push((item.clone(), x.name.as_str()));
        out.extend(x.aliases.iter().map(|a| (item.clone(), a.as_str())));
        out.extend(x.role.as_deref().map(|t| (item.clone(), t)));
        out.extend(x.note.as_deref().map(|t| (item.clone(), t)));
        out.push((item, x.source.text()));
    }
    for x in &file.quotes {
        out.push((format!("quote `{}`", x.id), x.text.text()));
    }
    for x in &file.events {
        let item = format!("event `{}`", x.id);
        out.push((item.clone(), x.title.as_str()));
        out.push((item, x.source.text()));
    }
    for x in &file.relationships {
        let item = format!("relationship `{}`", x.id);
        out.push((item.clone(), x.label.as_str()));
        out.push((item, x.source.text()));
    }
    for x in &file.claims {
        let item = format!("claim `{}`", x.id);
        out.push((item.clone(), x.text.as_str()));
        out.push((item.clone(), x.source.text()));
        for e in &x.evidence {
            out.push((item.clone(), e.note.as_str()));
            out.push((item.clone(), e.source.text()));
        }
        for r in &x.responses {
            let item = format!("response `{}`", r.id);
            out.push((item.clone(), r.summary.as_str()));
            out.push((item, r.source.text()));
        }
    }
    out
}

/// A direction override or embedding (U+202A–202E) or isolate (U+2066–2068) left open — or a
/// close without its open — would reverse whatever the page shows after the text, so each text
/// must close its own. Returns the first offending control.
pub fn unclosed_direction_control(text: &str) -> Option<char> {
    let mut open: Vec<char> = Vec::new();
    for c in text.chars() {
        match c {
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' | '\u{2066}'..='\u{2068}' => {
                open.push(c)
            }
            '\u{202C}' if !matches!(open.pop(), Some('\u{202A}'..='\u{202E}')) => return Some(c),
            '\u{2069}' if !matches!(open.pop(), Some('\u{2066}'..='\u{2068}')) => return Some(c),
            _ => {}
        }
    }
    open.first().copied()
}

fn check_bidi(file: &StoryFile, check: &mut Checker) {
    let mut texts = shown_texts(file);
    texts.push(("the article".to_owned(), check.article));
    for (item, text) in texts {
        if let Some(c) = unclosed_direction_control(text) {
            check.report(
                &item,
                format!(
                    "the text has a direction control (U+{:04X}) that it does not close; \
                     it would reverse the text shown after it",
                    u32::from(c)
                ),
            );
        }
    }
}

fn resolve_dates(file: &mut StoryFile, check: &mut Checker) {
    let published = file.meta.published;
    for event in &mut file.events {
        let name = format!("event `{}`", event.id);
        let found = span::find_once(check.article, &event.when, event.at.span.clone());
        match found {
            Ok(range) => event.when_at = range,
            Err(SpanError::Empty) => {
                check.report(&name, "when: give the words that date the event")
            }
            Err(_) if event.at.span.is_empty() => {}
            Err(_) => check.report(
                &name,
                format!(
                    "when: \"{}\" does not occur exactly once in its source",
                    event.when
                ),
            ),
        }
        let automatic = dates::resolve(&event.when, published);
        event.resolved = match (automatic, event.date) {
            (Some(auto), Some(given)) if auto != given => {
                check.report(
                    &name,
                    format!(
                        "date {} disagrees with \"{}\", which resolves to {}",
                        given.iso(),
                        event.when,
                        auto.iso()
                    ),
                );
                None
            }
            (None, None) => {
                check.report(
                    &name,
                    format!("cannot resolve the date \"{}\"; add `date = \"YYYY-MM-DD\"` (or YYYY-MM, YYYY)", event.when),
                );
                None
            }
            (auto, given) => auto.or(given),
        };
    }
}
