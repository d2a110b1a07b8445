//! A session: the article, the story being edited, and its history. Every change goes through
//! [`Session::apply`]; undo and redo restore exactly an earlier state.
//!
//! Undo keeps the whole state before each edit (a snapshot). An inverse for every edit would be
//! smaller but is a second implementation of each edit that must agree with the first; merges
//! and forced deletes touch many items. A seed-size state clones in microseconds (see
//! docs/editing.md for the numbers), so snapshots are the simpler safe choice. Redo re-applies
//! the undone edit, which is deterministic, to the state it was first applied to.

use crate::edit::{Applied, Edit, EditError};
use crate::{fields, make, problems, refs};
use serde::{Deserialize, Serialize};
use story_core::story::StoryFile;

/// What undo restores: the story file and the drafted items not yet reviewed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub file: StoryFile,
    /// Ids of drafted items the editor has neither accepted nor rejected, in story order.
    pub unreviewed: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Session {
    pub(crate) article: String,
    pub(crate) state: State,
    /// The state the session opened with: the saved form is it plus the edits since.
    pub(crate) opened: State,
    /// Each edit made, with the state before it.
    pub(crate) done: Vec<(Edit, State)>,
    /// Undone edits, the most recently undone last.
    pub(crate) undone: Vec<Edit>,
}

impl Session {
    /// The id that names the story's metadata in an edit (not a valid item id, so never one).
    pub const META: &'static str = "#meta";

    /// A session over a story file whose items are all taken as reviewed.
    pub fn new(article: String, file: StoryFile) -> Self {
        Self::with_state(
            article,
            State {
                file,
                unreviewed: Vec::new(),
            },
        )
    }

    /// A session over a draft: every drafted item waits to be accepted or rejected.
    pub fn from_draft(article: String, file: StoryFile) -> Self {
        let unreviewed = crate::ids::all(&file)
            .into_iter()
            .map(str::to_owned)
            .collect();
        Self::with_state(article, State { file, unreviewed })
    }

    pub(crate) fn with_state(article: String, state: State) -> Self {
        Session {
            article,
            opened: state.clone(),
            state,
            done: Vec::new(),
            undone: Vec::new(),
        }
    }

    pub fn article(&self) -> &str {
        &self.article
    }
    pub fn file(&self) -> &StoryFile {
        &self.state.file
    }
    pub fn state(&self) -> &State {
        &self.state
    }
    pub fn unreviewed(&self) -> &[String] {
        &self.state.unreviewed
    }
    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }
    /// The edits made, oldest first (for a history list).
    pub fn history(&self) -> impl Iterator<Item = &Edit> {
        self.done.iter().map(|(edit, _)| edit)
    }

    /// Applies `edit`, or refuses it and changes nothing. A new edit clears the redo list.
    pub fn apply(&mut self, edit: Edit) -> Result<Applied, EditError> {
        let applied = self.apply_keeping_redo(edit)?;
        self.undone.clear();
        Ok(applied)
    }

    fn apply_keeping_redo(&mut self, edit: Edit) -> Result<Applied, EditError> {
        let mut next = self.state.clone();
        let applied = apply_to(&mut next, &self.article, &edit)?;
        let before = std::mem::replace(&mut self.state, next);
        self.done.push((edit, before));
        Ok(applied)
    }

    pub fn undo(&mut self) -> Result<(), EditError> {
        let (edit, before) = self.done.pop().ok_or(EditError::NothingToUndo)?;
        self.state = before;
        self.undone.push(edit);
        Ok(())
    }

    pub fn redo(&mut self) -> Result<Applied, EditError> {
        let edit = self.undone.pop().ok_or(EditError::NothingToRedo)?;
        self.apply_keeping_redo(edit.clone())
            .inspect_err(|_| self.undone.push(edit))
    }
}

/// The one function that changes a story: `state` is changed only when it returns `Ok`
/// (callers pass a copy, so a refusal half-way leaves the session as it was).
fn apply_to(state: &mut State, article: &str, edit: &Edit) -> Result<Applied, EditError> {
    let file = &mut state.file;
    let applied = match edit {
        Edit::MakeItem { item, range } => make::item(file, article, item, range.clone())?,
        Edit::MakeSide { name } => make::side(file, name)?,
        Edit::SetSpan { id, range } => fields::set_span(file, article, id, range.clone())?,
        Edit::SetSpanEnds {
            id,
            start_delta,
            end_delta,
        } => fields::set_span_ends(file, article, id, *start_delta, *end_delta)?,
        Edit::SetField { id, field, value } => fields::set(file, id, *field, value)?,
        Edit::SetInferred { id, reason } => fields::set_inferred(file, id, reason.as_deref())?,
        Edit::Accept { id } => accept(state, id)?,
        Edit::Reject { id } if !state.unreviewed.contains(id) => {
            return Err(EditError::BadValue(format!(
                "“{id}” is not a drafted item waiting to be checked; delete it instead."
            )))
        }
        Edit::Reject { id } => refs::delete(file, id, false)?,
        Edit::MergeEntities { keep, absorb } => refs::merge(file, article, keep, absorb)?,
        Edit::Delete { id, force } => refs::delete(file, id, *force)?,
        Edit::MarkChecked => mark_checked(state, article)?,
    };
    let removed: Vec<&String> = applied.removed.iter().collect();
    state.unreviewed.retain(|id| !removed.contains(&id));
    Ok(applied)
}

fn accept(state: &mut State, id: &str) -> Result<Applied, EditError> {
    let before = state.unreviewed.len();
    state.unreviewed.retain(|x| x != id);
    if state.unreviewed.len() == before {
        return Err(EditError::BadValue(format!(
            "“{id}” is not a drafted item waiting to be checked."
        )));
    }
    Ok(Applied::default())
}

fn mark_checked(state: &mut State, article: &str) -> Result<Applied, EditError> {
    let found = problems::problems_of(&state.file, article);
    if let Some(first) = found.first() {
        let count = match found.len() {
            1 => "a problem".to_owned(),
            n => format!("{n} problems"),
        };
        return Err(EditError::NotReady(format!(
            "The story cannot be marked checked while it has {count}. The first: {}",
            first.message
        )));
    }
    if !state.unreviewed.is_empty() {
        let count = match state.unreviewed.len() {
            1 => "1 drafted item is".to_owned(),
            n => format!("{n} drafted items are"),
        };
        return Err(EditError::NotReady(format!(
            "{count} not yet accepted or rejected: each says “To review” in the list."
        )));
    }
    if !state.file.meta.draft {
        return Err(EditError::NotReady(
            "The story is already marked checked.".to_owned(),
        ));
    }
    state.file.meta.draft = false;
    Ok(Applied::default())
}
