//! The story and what is true of it, with no browser in sight: the format an editor writes
//! ([`story`]), where each item sits in the article (spans, sentences), validation, dates, and
//! the text helpers every view shares (folding for search, one stable sort, escaping).
//!
//! The app builds on it, and so does the build script, which validates the bundled story with the
//! same code before a reader can see it.

pub mod dates;
pub mod escape;
pub mod fold;
pub mod order;
pub mod set;
pub mod story;
pub mod text;
