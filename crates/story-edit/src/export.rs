//! The files the build reads: `story.toml` written from the story as it is now, and the
//! article unchanged, items in the session's order, so the same story is always the same bytes
//! and opening an export and exporting again changes nothing. Written by the format's one writer
//! (`story_draft::toml_out`), so a draft and an edited story are laid out and quoted alike.

use crate::session::Session;
use story_core::story::StoryFile;

/// `(story.toml, article.txt)` for the session's story.
pub fn export(session: &Session) -> (String, String) {
    (write_toml(session.file()), session.article().to_owned())
}

/// The story file, by the format's one writer (story-draft's).
pub fn write_toml(file: &StoryFile) -> String {
    let header = [
        "The structured layer over article.txt. Format: docs/story-format.md.".to_owned(),
        "Written by the story editor; every span quotes the article verbatim.".to_owned(),
    ];
    story_draft::toml_out::write_file(file, &header, &|_, _| Vec::new())
}
