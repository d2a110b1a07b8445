//! Starting a session: from an article and its story.toml (an existing story, or an export of
//! this editor), or from an article alone, through the draft extractor.

use crate::session::Session;
use std::fmt;
use story_core::story::StoryFile;
use story_draft::{draft, DraftError, Options};

/// Why a story could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// story.toml is not a story file (a typo in a field name, a malformed value).
    Format(String),
    /// The extractor could not draft the article (empty, or no date and none given).
    Draft(String),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Format(why) => write!(f, "This story.toml cannot be read: {why}"),
            OpenError::Draft(why) => write!(f, "No draft could be made: {why}."),
        }
    }
}

impl std::error::Error for OpenError {}

/// A session over an existing story. Its items count as reviewed: the file does not record
/// review, and a story someone saved has been worked on (a saved session keeps review; see
/// [`Session::to_json`]).
pub fn open(article: &str, story_toml: &str) -> Result<Session, OpenError> {
    let file: StoryFile =
        toml::from_str(story_toml).map_err(|e| OpenError::Format(e.to_string()))?;
    Ok(Session::new(article.to_owned(), file))
}

/// A session over the extractor's draft of `article`: every drafted item waits for review.
pub fn start(article: &str, options: &Options) -> Result<Session, OpenError> {
    let drafted = draft(article, options).map_err(|DraftError(why)| OpenError::Draft(why))?;
    Ok(Session::from_draft(article.to_owned(), drafted.file))
}
