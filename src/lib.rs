//! Story Explorer: one news story and the structured layer over it, in the browser.
//!
//! Data flows one way. `bundled` loads the story compiled into the app and `story` validates it
//! into an immutable [`story::Story`]. The pure modules (`dates`, `text`, `cards`, `related`)
//! derive what a view shows from the story and the view state; they know nothing of the browser
//! and are tested natively. `ui` (wasm only) renders that and turns clicks into state changes.

pub mod bundled;
pub mod cards;
pub mod claims;
pub mod dates;
pub mod first_view;
pub mod fold;
pub mod graph;
pub mod hostile;
pub mod layout;
pub mod mentions;
pub mod order;
pub mod panel_labels;
pub mod query;
pub mod reader;
pub mod related;
pub mod share;
pub mod static_page;
pub mod story;
pub mod synthetic;
pub mod text;
pub mod timeline;
pub mod url_state;
pub mod view_state;

#[cfg(target_arch = "wasm32")]
pub mod ui;
