//! Drafts a story in the format of docs/story-format.md from an article's plain text (first line
//! the headline, one paragraph per line): quotes and their speakers, people, organizations,
//! groups and places, dated events, the relationships the article states, the publication date.
//!
//! Data flows one way, through passes that each leave what they cannot decide to the next:
//! `doc` indexes the text once → `credits` (captions and credit lines) → `quotes` (marks paired
//! into quotations) → `entities` (names, groups, roles) → `attribution` + `coref` (speakers,
//! sourcing) → `published` + `dates` + `events` → `relationships` → `assemble` (spans, ids,
//! inferences) → `repair` (story-core validation; anything it refuses is left out and listed).
//! `toml_out` writes the result for an editor. Std and story-core only, so it can run in a
//! browser page.

mod assemble;
mod attribution;
mod coref;
mod credits;
mod dates;
mod doc;
mod entities;
mod events;
mod groups;
mod ids;
mod lexicon;
mod marks;
mod names;
mod published;
mod quotes;
mod relationships;
mod repair;
mod roles;
mod spans;
pub mod toml_out;

pub use events::STAND_IN_REASON;
pub use published::{is_stand_in, NOT_PRINTED};
use std::ops::Range;
use story_core::dates::PartialDate;
use story_core::story::StoryFile;

/// What the editor tells the extractor.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The publication date, when the article does not print it (or prints it wrongly).
    pub published: Option<PartialDate>,
}

/// A drafted story: a story file that validates against its article, and the notes an editor
/// needs to check it.
#[derive(Clone, Debug)]
pub struct Draft {
    pub file: StoryFile,
    /// Why each item was made (which pass, how a date was read), by item id.
    pub notes: Vec<(String, String)>,
    /// What was found but left out, and why: an unattributed quote, an item validation refused.
    pub left_out: Vec<String>,
}

/// Why no draft could be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftError(pub String);

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DraftError {}

/// Drafts the story of `article`.
pub fn draft(article: &str, options: &Options) -> Result<Draft, DraftError> {
    if article.trim().is_empty() {
        return Err(DraftError("the article is empty".to_owned()));
    }
    let doc = doc::Doc::new(article);
    let credits = credits::find(&doc);
    let published =
        published::decide(&doc, credits.caption.as_ref(), options.published).map_err(DraftError)?;
    let pieces = quotes::pieces(&doc);
    let totals = quotes::quotation_words(&doc, &pieces);
    let words_of = |q: usize| totals.iter().find(|t| t.0 == q).map_or(0, |t| t.1);
    let kept: Vec<&quotes::Piece> = pieces
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            let previous = i.checked_sub(1).map(|j| &pieces[j]);
            !credits.contains(p.open.start)
                && quotes::is_quote(&doc, p, words_of(p.quotation), previous)
        })
        .map(|(_, p)| p)
        .collect();
    let quoted: Vec<Range<usize>> = kept.iter().map(|p| p.words.clone()).collect();
    let mut entities = entities::find(&doc, &credits, &quoted);
    let attributions = attribution::attribute(&doc, &mut entities, &kept);
    let dated = dates::find(&doc, published.date);
    let events = events::find(
        &doc,
        &entities,
        &dated,
        credits.caption.as_ref(),
        &published,
    );
    let told: Vec<(attribution::Attribution, usize)> = attributions
        .iter()
        .flatten()
        .filter_map(|a| a.via.map(|v| (a.clone(), v)))
        .collect();
    let relationships = relationships::find(&doc, &entities, &told);
    let found = assemble::Found {
        doc: &doc,
        credits: &credits,
        published: &published,
        pieces: &kept,
        attributions: &attributions,
        entities: &entities,
        events: &events,
        relationships: &relationships,
    };
    let draft = assemble::assemble(&found);
    repair::repair(draft, article)
}

/// Sorts byte ranges by start, then end.
fn sort_ranges(ranges: &mut [Range<usize>]) {
    ranges.sort_by_key(|r| (r.start, r.end));
}
