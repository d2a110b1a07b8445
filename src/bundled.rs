//! The story compiled into the app. build.rs has already validated it and written it as Rust
//! constructors (`story.rs`, see `story::rust_source`); loading validates again to resolve
//! offsets, and so that a corrupted bundle gives a message rather than a broken page.

use story_core::dates::PartialDate;
// A glob: which constructors the generated code calls depends on the story (a draft has no
// claims, sides or responses), and a named import it does not use would fail the lints.
use story_core::story::*;

include!(concat!(env!("OUT_DIR"), "/story.rs"));

const ARTICLE: &str = include_str!(concat!(env!("OUT_DIR"), "/article.txt"));

pub fn load() -> Result<Story, LoadError> {
    validate(file(), ARTICLE).map_err(LoadError::Invalid)
}

/// The story file as bundled, in its JSON form, for checks that change it and validate again.
/// Nothing in the app calls it, so the JSON never reaches the bundle.
pub fn source_json() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/story.json"))
}

/// The article text exactly as bundled, for checks that read it independently of the story.
pub fn article() -> &'static str {
    ARTICLE
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_generated_constructors_build_exactly_the_story_file_of_the_json() {
        let from_json: super::StoryFile = serde_json::from_str(super::source_json()).unwrap();
        assert_eq!(super::file(), from_json);
    }
}
