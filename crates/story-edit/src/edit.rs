//! What an editor can do to a story, as values: the page sends an [`Edit`], the session applies
//! it or refuses it with an [`EditError`] that says, in an editor's words, what to do instead.
//! Edits are data (serde) so a session can be saved as the list of edits made since it opened.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// The kinds of item an editor makes by selecting words of the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum NewItem {
    /// A person (the default kind; change it with [`Field::Kind`]).
    Entity,
    Quote,
    Event,
    Relationship,
    Claim,
    /// A response to the claim `claim`.
    Response {
        claim: String,
    },
}

/// A field of an item an editor can set. `Span` fields are set by selection instead
/// ([`Edit::SetSpan`]); ids are fixed once made, so links and references stay put.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    // Entities
    Kind,
    Name,
    Aliases,
    Role,
    Side,
    Note,
    // Quotes and responses
    Speaker,
    Sourcing,
    Via,
    Event,
    Quotes,
    Stance,
    Summary,
    // Events
    Title,
    Track,
    Participants,
    When,
    Date,
    // Relationships
    From,
    To,
    Label,
    Events,
    // Claims
    Text,
    Claimant,
    // Sides
    SideName,
    // The story's metadata (target id [`META`](crate::Session::META))
    StoryId,
    Published,
    PublishedNote,
    Publisher,
}

/// A field's new value: one text, a list of texts, or nothing (clears an optional field).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "type", content = "value")]
pub enum Value {
    Text(String),
    List(Vec<String>),
    None,
}

/// One change to the story. Items are named by id (ids are shared by all kinds); the story's
/// metadata by [`Session::META`](crate::Session::META).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "edit")]
pub enum Edit {
    /// A new item quoting the selected words (byte range of the article).
    MakeItem { item: NewItem, range: Range<usize> },
    /// A new side (a camp the story's actors belong to).
    MakeSide { name: String },
    /// Points the item's span (for the metadata: the headline) at other selected words.
    SetSpan { id: String, range: Range<usize> },
    /// Moves the ends of the item's span by whole characters (negative: to the left).
    SetSpanEnds {
        id: String,
        start_delta: i64,
        end_delta: i64,
    },
    SetField {
        id: String,
        field: Field,
        value: Value,
    },
    /// Marks the item inferred with `reason`, or unmarks it with `None`.
    SetInferred { id: String, reason: Option<String> },
    /// The editor has checked a drafted item and keeps it.
    Accept { id: String },
    /// The editor has checked a drafted item and drops it (refused while it is referenced).
    Reject { id: String },
    /// `absorb` becomes part of `keep`: aliases combined, every reference moved, `absorb` gone.
    MergeEntities { keep: String, absorb: String },
    /// Removes the item. Refused while other items refer to it, unless `force`: then optional
    /// references are cleared and items that cannot stand without it are removed too.
    Delete { id: String, force: bool },
    /// The story is checked (`meta.draft = false`); refused while validation finds anything.
    MarkChecked,
}

/// What an edit did, for the page to show or select.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// The item made, when the edit made one.
    pub made: Option<String>,
    /// Items removed: the one named and, for a forced delete or a merge, those removed with it.
    pub removed: Vec<String>,
}

/// Why an edit was refused. Nothing changed; `Display` says what to do, in an editor's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    NoSuchItem(String),
    /// The selection is not words of the article (empty, out of range, or inside a character).
    BadSelection(String),
    /// The selected words occur `n` times and nothing around them tells this one apart.
    Repeated {
        words: String,
        times: usize,
    },
    /// Items that refer to the one to delete: (item id, field).
    Referenced {
        id: String,
        by: Vec<(String, &'static str)>,
    },
    /// The field does not belong to that kind of item, or the value is not one it takes.
    BadValue(String),
    /// Mark checked while validation still finds problems, or drafted items wait for review.
    NotReady(String),
    NothingToUndo,
    NothingToRedo,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NoSuchItem(id) => {
                write!(f, "There is no item “{id}” in this story any more.")
            }
            EditError::BadSelection(why) | EditError::BadValue(why) | EditError::NotReady(why) => {
                f.write_str(why)
            }
            EditError::Repeated { words, times } => write!(
                f,
                "“{words}” occurs {times} times in the article, and the words around this one \
                 do not tell it apart; select whole words, or a longer passage."
            ),
            EditError::Referenced { id, by } => {
                write!(f, "“{id}” is still used by ")?;
                let list: Vec<String> = by
                    .iter()
                    .map(|(item, field)| format!("{item} ({field})"))
                    .collect();
                write!(
                    f,
                    "{}; change those first, or delete them with it.",
                    list.join(", ")
                )
            }
            EditError::NothingToUndo => f.write_str("There is nothing to undo."),
            EditError::NothingToRedo => f.write_str("There is nothing to redo."),
        }
    }
}

impl std::error::Error for EditError {}
