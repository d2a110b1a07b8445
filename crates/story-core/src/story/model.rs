//! The story format: what an editor writes (see `docs/story-format.md`), as serde types.
//!
//! Every item quotes the article through a [`Span`]; validation resolves each span to byte
//! offsets and the sentence around it and stores them in the item's `at` field, which is never
//! read from or written to the file.

use crate::dates::PartialDate;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Exact words of the article. A plain string must occur exactly once in the article; the table
/// form `{ text, within }` picks one occurrence of a common phrase by naming longer, unique
/// words around it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Span {
    Text(String),
    Within { text: String, within: String },
}

impl Span {
    pub fn text(&self) -> &str {
        match self {
            Span::Text(text) | Span::Within { text, .. } => text,
        }
    }
}

/// Where an item's words are: the words themselves and the sentence(s) around them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Located {
    pub span: Range<usize>,
    pub sentence: Range<usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryFile {
    pub meta: Meta,
    #[serde(default)]
    pub sides: Vec<Side>,
    #[serde(default)]
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub relationships: Vec<Relationship>,
    #[serde(default)]
    pub claims: Vec<Claim>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub id: String,
    pub headline: Span,
    /// A sentence of the article that sums it up, shown under the headline.
    pub summary: Span,
    pub published: PartialDate,
    /// Where the publication date comes from when the article does not print it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<Photo>,
    /// A draft made by the extractor (crates/story-draft) that no editor has checked yet; the
    /// reader should be told. Omitted from the file when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    #[serde(skip)]
    pub headline_at: Located,
    #[serde(skip)]
    pub summary_at: Located,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Photo {
    pub caption: Span,
    pub credit: Span,
    #[serde(skip)]
    pub caption_at: Located,
}

/// A camp the story's actors belong to, defined per story ("Russian government", "the press").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Side {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Group,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    /// The normalized name an editor chose; the article's own spellings go in `aliases`.
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<String>,
    /// An editor's remark, e.g. on an inconsistency in the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: Span,
    /// Why a value the article does not state outright (an identification, a role, a stance, an
    /// attribution) was chosen; shown to the reader as "inferred" wherever the value appears.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred: Option<String>,
    #[serde(skip)]
    pub at: Located,
}

/// How a quote reached the article, which a reader weighs differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sourcing {
    OnRecord,
    Anonymous,
    OfficialStatement,
    ReportedByOutlet,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub id: String,
    pub speaker: String,
    /// The quoted words, verbatim, without the quotation marks.
    pub text: Span,
    pub sourcing: Sourcing,
    /// The outlet that carried the quote, when the article names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// The event at which it was said, which gives the quote its date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Why a value the article does not state outright (an identification, a role, a stance, an
    /// attribution) was chosen; shown to the reader as "inferred" wherever the value appears.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred: Option<String>,
    #[serde(skip)]
    pub at: Located,
}

/// The two clocks of a news story: when things happened, and when they came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Track {
    Happened,
    Reported,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub title: String,
    pub track: Track,
    #[serde(default)]
    pub participants: Vec<String>,
    pub source: Span,
    /// The words that date the event, found inside `source` ("Wednesday", "last month").
    pub when: String,
    /// Needed only when `when` cannot be resolved automatically; checked against it otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Why a value the article does not state outright (an identification, a role, a stance, an
    /// attribution) was chosen; shown to the reader as "inferred" wherever the value appears.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred: Option<String>,
    #[serde(skip)]
    pub at: Located,
    #[serde(skip)]
    pub when_at: Range<usize>,
    #[serde(skip)]
    pub resolved: Option<PartialDate>,
}

impl Event {
    /// The resolved date; always present once the story has been validated.
    pub fn on(&self) -> Option<PartialDate> {
        self.resolved
    }

    /// Whether the event is on its date or runs from it ("since Wednesday").
    pub fn extent(&self) -> crate::dates::Extent {
        crate::dates::extent(&self.when)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relationship {
    pub id: String,
    pub from: String,
    pub to: String,
    /// Reads as "from <label> to": "met with", "spokesman for".
    pub label: String,
    pub source: Span,
    /// The events that date the relationship, if the article dates it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
    /// Why a value the article does not state outright (an identification, a role, a stance, an
    /// attribution) was chosen; shown to the reader as "inferred" wherever the value appears.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred: Option<String>,
    #[serde(skip)]
    pub at: Located,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    Denial,
    NonDenial,
    Dismissal,
    Characterization,
    Criticism,
    CallToAct,
    Support,
}

impl Stance {
    pub const ALL: [Stance; 7] = [
        Stance::Denial,
        Stance::NonDenial,
        Stance::Dismissal,
        Stance::Characterization,
        Stance::Criticism,
        Stance::CallToAct,
        Stance::Support,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Stance::Denial => "Denial",
            Stance::NonDenial => "Non-denial",
            Stance::Dismissal => "Dismissal",
            Stance::Characterization => "Characterization",
            Stance::Criticism => "Criticism",
            Stance::CallToAct => "Call to act",
            Stance::Support => "Support",
        }
    }

    /// What the stance says of a response, in one line: the claims legend shows it, and
    /// docs/story-format.md defines the vocabulary with the same words (a test compares them).
    pub fn meaning(self) -> &'static str {
        match self {
            Stance::Denial => {
                "Says the claim is false; the summary states how far the denial goes."
            }
            Stance::NonDenial => "Answers without confirming or denying the claim.",
            Stance::Dismissal => "Rejects the report as a whole without taking up its facts.",
            Stance::Characterization => {
                "Describes what the claim reports (as unusual, for instance) without disputing it."
            }
            Stance::Criticism => "Faults someone for what the claim reports.",
            Stance::CallToAct => {
                "Asks for something to be done: a recusal, a resignation, an inquiry."
            }
            Stance::Support => "Confirms or backs the claim.",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: String,
    /// The claim in an editor's words, each of them backed by `source`.
    pub text: String,
    /// Who makes or reports the claim.
    pub claimant: String,
    pub source: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub responses: Vec<Response>,
    /// Why a value the article does not state outright (an identification, a role, a stance, an
    /// attribution) was chosen; shown to the reader as "inferred" wherever the value appears.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred: Option<String>,
    #[serde(skip)]
    pub at: Located,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// What the article says of the evidence, in the editor's words.
    pub note: String,
    /// `true` when the article notes the evidence as missing.
    #[serde(default)]
    pub missing: bool,
    pub source: Span,
    #[serde(skip)]
    pub at: Located,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    pub id: String,
    pub speaker: String,
    pub stance: Stance,
    /// The response in an editor's words, for responses the article paraphrases.
    pub summary: String,
    pub source: Span,
    /// The quotes that carry the response, verbatim.
    #[serde(default)]
    pub quotes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Why a value the article does not state outright (an identification, a role, a stance, an
    /// attribution) was chosen; shown to the reader as "inferred" wherever the value appears.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred: Option<String>,
    #[serde(skip)]
    pub at: Located,
}
