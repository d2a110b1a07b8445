//! The editor page: an editor pastes an article (or opens a story's files), corrects the draft
//! against the text with live validation, previews the explorer and exports the files the build
//! takes. Everything that is not the browser is in `story-edit`; what this crate adds that is
//! not the browser either — the article cut into marked runs, the outline of items with their
//! problems, the fields of each item's form — is here, in plain modules tested natively. `ui`
//! renders it and turns the editor's acts into `story_edit::Edit`s.

pub mod form;
pub mod outline;
pub mod runs;
pub mod shortcuts;
pub mod typing;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// Where the session is kept in the browser's storage (`Session::to_json`).
pub const STORAGE_KEY: &str = "story-editor/session";
/// Where a saved session this editor cannot read is put aside, so that starting again never
/// destroys it.
pub const UNREADABLE_KEY: &str = "story-editor/unreadable";
/// The name of the preview's frame: the same page, started as the explorer over the saved story.
pub const PREVIEW_FRAME: &str = "story-preview";
/// The largest article the editor takes: far above any news article (the seed is 3 KB), far
/// below what would make every edit slow or overflow the browser's storage.
pub const MAX_ARTICLE_BYTES: usize = 500_000;
