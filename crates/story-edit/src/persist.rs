//! The saved form of a session, for browser storage: the article, the state the session opened
//! with, and the edits made since (plus those undone, so redo survives a reload). Edits are
//! small, so saving after every edit writes little beyond the story itself, and loading replays
//! them, which rebuilds undo exactly. The form is versioned: anything that is not a session of
//! a version this code reads is refused with a reason, never a panic or a wrong story.

use crate::edit::{Edit, EditError};
use crate::session::{Session, State};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The name every saved session carries, so another app's data in the same storage key is
/// told apart from a damaged session.
pub const FORMAT: &str = "story-edit session";
/// The version written; bump it when the saved form changes, and read older ones if possible.
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Saved {
    format: String,
    version: u32,
    article: String,
    opened: State,
    edits: Vec<Edit>,
    undone: Vec<Edit>,
}

/// Why a saved session could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    NotASession,
    Version {
        found: u64,
    },
    Damaged(String),
    /// Edit `at` (from 1) no longer applies: the saved data was changed outside the editor.
    Replay {
        at: usize,
        why: String,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotASession => f.write_str("The saved data is not an editing session."),
            LoadError::Version { found } if *found > u64::from(VERSION) => write!(
                f,
                "This session was saved by a newer editor (format {found}; this one reads \
                 {VERSION}). Open it in the newer editor, or export it there."
            ),
            LoadError::Version { found } => write!(
                f,
                "This session was saved in an older format ({found}) this editor no longer reads; \
                 export it from the editor that saved it and open the files here."
            ),
            LoadError::Damaged(why) => write!(f, "The saved session is damaged: {why}"),
            LoadError::Replay { at, why } => write!(
                f,
                "The saved session is damaged: its edit {at} no longer applies ({why})."
            ),
        }
    }
}

impl std::error::Error for LoadError {}

impl Session {
    pub fn to_json(&self) -> String {
        let saved = Saved {
            format: FORMAT.to_owned(),
            version: VERSION,
            article: self.article.clone(),
            opened: self.opened.clone(),
            edits: self.done.iter().map(|(edit, _)| edit.clone()).collect(),
            undone: self.undone.clone(),
        };
        // Serializing plain data with string keys cannot fail.
        serde_json::to_string(&saved).unwrap_or_default()
    }

    pub fn from_json(json: &str) -> Result<Session, LoadError> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| LoadError::Damaged(e.to_string()))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(LoadError::NotASession);
        }
        let found = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
        if found != u64::from(VERSION) {
            return Err(LoadError::Version { found });
        }
        let saved: Saved =
            serde_json::from_value(value).map_err(|e| LoadError::Damaged(e.to_string()))?;
        let mut session = Session::with_state(saved.article, saved.opened);
        for (n, edit) in saved.edits.into_iter().enumerate() {
            session
                .apply(edit)
                .map_err(|e: EditError| LoadError::Replay {
                    at: n + 1,
                    why: e.to_string(),
                })?;
        }
        session.undone = saved.undone;
        Ok(session)
    }
}
