//! What each view shows, derived from `(story, view state)`: pure functions, tested natively.

pub mod cards;
pub mod claims;
pub mod graph;
pub mod graph_drawing;
pub mod layout;
pub mod mentions;
pub mod panel_labels;
pub mod query;
pub mod reader;
pub mod related;
pub mod share;
pub mod timeline;
pub mod title;
pub mod url_state;
pub mod view_state;
