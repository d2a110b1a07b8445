//! Ids for new items: made from the item's words so links read well, unique across every kind
//! (validation requires it), and only lowercase letters, digits and hyphens.

use story_core::story::StoryFile;

/// Words of the id at most; the rest of a long selection adds nothing to a link.
const MAX_WORDS: usize = 5;

/// Every id in the story, of every kind.
pub fn all(file: &StoryFile) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    out.extend(file.sides.iter().map(|x| x.id.as_str()));
    out.extend(file.entities.iter().map(|x| x.id.as_str()));
    out.extend(file.quotes.iter().map(|x| x.id.as_str()));
    out.extend(file.events.iter().map(|x| x.id.as_str()));
    out.extend(file.relationships.iter().map(|x| x.id.as_str()));
    for c in &file.claims {
        out.push(&c.id);
        out.extend(c.responses.iter().map(|x| x.id.as_str()));
    }
    out
}

/// A new id from `words`, prefixed with `kind` when the words give no letters or digits
/// ("“…”" selected) or when the kind helps tell items apart ("quote-i-don-t-know").
pub fn fresh(file: &StoryFile, prefix: &str, words: &str) -> String {
    let slug = slug(words);
    let base = match (prefix.is_empty(), slug.is_empty()) {
        (_, true) => prefix.to_owned(),
        (true, false) => slug,
        (false, false) => format!("{prefix}-{slug}"),
    };
    let base = if base.is_empty() {
        "item".to_owned()
    } else {
        base
    };
    let taken = all(file);
    std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|id| !taken.contains(&id.as_str()))
        .unwrap_or(base)
}

/// Lowercase ASCII letters and digits of the first few words, joined by hyphens.
fn slug(words: &str) -> String {
    words
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_and_digits_of_the_first_words() {
        assert_eq!(slug("Jeff Sessions' meetings"), "jeff-sessions-meetings");
        assert_eq!(
            slug("I don’t know the details of any meetings"),
            "i-don-t-know-the"
        );
        assert_eq!(slug("“…”"), "");
    }
}
