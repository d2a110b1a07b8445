//! The story compiled into the app. build.rs has already validated it; loading validates again
//! to resolve offsets, and so that a corrupted bundle gives a message rather than a broken page.

use crate::story::{load_json, LoadError, Story};

const STORY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/story.json"));
const ARTICLE: &str = include_str!(concat!(env!("OUT_DIR"), "/article.txt"));

pub fn load() -> Result<Story, LoadError> {
    load_json(STORY_JSON, ARTICLE)
}

/// The story file as bundled (JSON), for checks that change it and validate again.
pub fn source_json() -> &'static str {
    STORY_JSON
}

/// The article text exactly as bundled, for checks that read it independently of the story.
pub fn article() -> &'static str {
    ARTICLE
}
