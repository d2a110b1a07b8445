//! The editor's pure core: the article and the story being edited, every change an [`Edit`]
//! applied by one function ([`Session::apply`]), undo and redo, live validation said in an
//! editor's words ([`problems`]), spans made from selected words ([`span_for`]), export to the
//! files the build reads ([`export`], [`open`]) and a saved form for browser storage
//! ([`Session::to_json`]).
//!
//! Data flows one way: the page sends an `Edit`; `apply` checks it against the current story and
//! either refuses it (an [`EditError`] in plain words, nothing changed) or makes a new story and
//! keeps the one before it for undo. Validation is a function of the current story, run after
//! each edit. No web-sys and no yew, so all of it is tested natively.

mod edit;
mod export;
mod fields;
mod ids;
mod make;
mod open;
mod persist;
mod problems;
mod refs;
mod session;
mod spans;

pub use edit::{Applied, Edit, EditError, Field, NewItem, Value};
pub use export::{export, write_toml};
pub use fields::{summary, ItemSummary};
pub use open::{open, start, OpenError};
pub use persist::{LoadError, FORMAT};
pub use problems::{problems, Problem, Target};
pub use refs::{references_to, Reference};
pub use session::{Session, State};
pub use story_draft::Options;

/// Applies `edit` to `session`, or refuses it and changes nothing (the same as [`Session::apply`]).
pub fn apply(session: &mut Session, edit: Edit) -> Result<Applied, EditError> {
    session.apply(edit)
}
pub use spans::{adjust, resolve, span_for};
