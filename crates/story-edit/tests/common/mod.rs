//! The seed story and its draft, shared by the tests.
#![allow(dead_code)] // Each test file uses its own part of this module.

use story_core::dates::PartialDate;
use story_core::story::StoryFile;
use story_edit::{open, start, Options, Session};

pub const ARTICLE: &str = include_str!("../../../../stories/sessions-kislyak/article.txt");
pub const STORY: &str = include_str!("../../../../stories/sessions-kislyak/story.toml");

pub fn seed() -> Session {
    open(ARTICLE, STORY).unwrap()
}

pub fn draft() -> Session {
    let options = Options {
        published: PartialDate::day(2017, 3, 2),
    };
    start(ARTICLE, &options).unwrap()
}

/// Every id in the story, of every kind, in story order.
pub fn ids(file: &StoryFile) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    out.extend(file.sides.iter().map(|x| x.id.clone()));
    out.extend(file.entities.iter().map(|x| x.id.clone()));
    out.extend(file.quotes.iter().map(|x| x.id.clone()));
    out.extend(file.events.iter().map(|x| x.id.clone()));
    out.extend(file.relationships.iter().map(|x| x.id.clone()));
    for c in &file.claims {
        out.push(c.id.clone());
        out.extend(c.responses.iter().map(|x| x.id.clone()));
    }
    out
}

/// The byte range of the `nth` occurrence of `words` in the article.
pub fn range_of(words: &str, nth: usize) -> std::ops::Range<usize> {
    let start = ARTICLE
        .match_indices(words)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap();
    start..start + words.len()
}
