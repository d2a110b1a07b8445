//! Events: one per dated phrase, its source the sentence the phrase is in (or the clause, when the
//! sentence repeats the words), its participants the actors named around the date, its track
//! "reported" when the words are a saying or a report. The title is a first draft for the editor
//! to rewrite: the clause without its date.

use crate::credits::Caption;
use crate::dates::Dated;
use crate::doc::Doc;
use crate::entities::Entities;
use crate::lexicon::{self, has};
use crate::published::Published;
use std::ops::Range;
use story_core::dates::PartialDate;
use story_core::story::{EntityKind, Track};

/// Why an event dated from words relative to a stand-in publication date is a guess; setting the
/// real date makes it untrue.
pub const STAND_IN_REASON: &str = "Resolved against a stand-in for the publication date, which the article does not print (see published_note).";

#[derive(Clone, Debug)]
pub struct Event {
    pub source: Range<usize>,
    pub when: Range<usize>,
    pub date: PartialDate,
    pub title: String,
    pub track: Track,
    pub participants: Vec<usize>,
    pub inferred: Option<String>,
}

/// A sentence longer than this is a poor source; the clause is used instead.
const MAX_SOURCE_WORDS: usize = 60;
const MAX_TITLE_WORDS: usize = 10;
const MAX_PARTICIPANTS: usize = 4;

pub fn find(
    doc: &Doc,
    entities: &Entities,
    dated: &[Dated],
    caption: Option<&Caption>,
    published: &Published,
) -> Vec<Event> {
    let in_caption = |r: &Range<usize>| {
        caption.is_some_and(|c| c.caption.start <= r.start && r.end <= c.caption.end)
    };
    dated
        .iter()
        .filter(|d| !(in_caption(&d.when) && caption.is_some_and(|c| c.file)))
        .filter_map(|d| {
            let clause = clause(doc, &d.when);
            let source = source(doc, &d.when, &clause)?;
            let inferred = if in_caption(&d.when) {
                Some("The photo caption dates the photo; what it shows is taken to have happened that day.".to_owned())
            } else if d.relative && published.stand_in {
                Some(STAND_IN_REASON.to_owned())
            } else {
                d.note.clone()
            };
            Some(Event {
                title: title(doc, &clause, &d.when),
                track: track(doc, &clause),
                participants: participants(doc, entities, &clause, &source),
                source,
                when: d.when.clone(),
                date: d.date,
                inferred,
            })
        })
        .collect()
}

/// The comma-, semicolon- or dash-bounded part of the sentence around `when`; a comma inside a
/// date ("Feb. 9, 2017") does not bound it.
fn clause(doc: &Doc, when: &Range<usize>) -> Range<usize> {
    let sentence = doc.sentences[doc.sentence_of(when.start)].clone();
    let text = doc.text;
    let bound = |c: char| matches!(c, ',' | ';' | '—' | '–' | ':');
    let start = text[sentence.start..when.start]
        .rfind(bound)
        .map_or(sentence.start, |i| sentence.start + i + 1);
    let end = text[when.end..sentence.end.max(when.end)]
        .find(bound)
        .map_or(sentence.end.max(when.end), |i| when.end + i);
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    start + lead..start + piece.trim_end().len()
}

fn count(hay: &str, needle: &str) -> usize {
    hay.match_indices(needle).count()
}

/// The sentence around `when` if it holds the dating words once and is not too long; else the
/// clause.
fn source(doc: &Doc, when: &Range<usize>, clause: &Range<usize>) -> Option<Range<usize>> {
    let words = &doc.text[when.clone()];
    let sentence = doc.sentences[doc.sentence_of(when.start)].clone();
    let length = doc.word_from(sentence.end) - doc.word_from(sentence.start);
    if length <= MAX_SOURCE_WORDS && count(&doc.text[sentence.clone()], words) == 1 {
        let text = &doc.text[sentence.clone()];
        return Some(sentence.start..sentence.start + text.trim_end().len());
    }
    (count(&doc.text[clause.clone()], words) == 1).then(|| clause.clone())
}

fn title(doc: &Doc, clause: &Range<usize>, when: &Range<usize>) -> String {
    let words: Vec<&str> = (doc.word_from(clause.start)..doc.word_from(clause.end))
        .filter(|&i| {
            let w = &doc.words[i].range;
            w.end <= when.start || w.start >= when.end
        })
        .take(MAX_TITLE_WORDS)
        .map(|i| doc.word(i))
        .collect();
    let mut title = words.join(" ");
    if title.is_empty() {
        title = doc.text[when.clone()].to_owned();
    }
    let mut chars = title.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Dated event".to_owned(),
    }
}

fn track(doc: &Doc, clause: &Range<usize>) -> Track {
    let reported = (doc.word_from(clause.start)..doc.word_from(clause.end)).any(|i| {
        let w = story_core::fold::lower(doc.word(i));
        has(lexicon::REPORTING_VERBS, &w)
            || has(lexicon::STATEMENT_WORDS, &w)
            || matches!(w.as_str(), "broke" | "report" | "reports")
    });
    if reported {
        Track::Reported
    } else {
        Track::Happened
    }
}

/// The actors named in the clause, or in the source when the clause names none.
fn participants(
    doc: &Doc,
    entities: &Entities,
    clause: &Range<usize>,
    source: &Range<usize>,
) -> Vec<usize> {
    let pick = |range: &Range<usize>| {
        let mut out: Vec<usize> = Vec::new();
        for m in entities.within(range) {
            let e = &entities.list[m.entity];
            if !m.credit && !m.quoted && e.kind != EntityKind::Place && !out.contains(&m.entity) {
                out.push(m.entity);
            }
        }
        out.truncate(MAX_PARTICIPANTS);
        out
    };
    let _ = doc;
    let found = pick(clause);
    if found.is_empty() {
        pick(source)
    } else {
        found
    }
}
