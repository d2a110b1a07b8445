//! The story compiled into the app: build.rs validated it and packed the result
//! (`story::packed`), so loading only unpacks it, with a checksum and bounds checks in place of a
//! second validation: a damaged bundle gives a message rather than a broken page.

use story_core::story::{packed, LoadError, Story};

const PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/story.bin"));

const ARTICLE: &str = include_str!(concat!(env!("OUT_DIR"), "/article.txt"));

pub fn load() -> Result<Story, LoadError> {
    packed::unpack(PACKED, ARTICLE)
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
    fn the_bundled_bytes_are_the_story_file_of_the_json_validated() {
        let from_json: story_core::story::StoryFile =
            serde_json::from_str(super::source_json()).unwrap();
        let validated = story_core::story::validate(from_json, super::ARTICLE).unwrap();
        let bundled = super::load().unwrap();
        assert_eq!(format!("{bundled:?}"), format!("{validated:?}"));
    }
}
