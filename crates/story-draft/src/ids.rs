//! Ids: lowercase letters, digits and hyphens (they go into links), unique across every kind of
//! item, made from the words an item is known by so an editor recognizes them.

use std::collections::HashSet;

/// The longest id made from words; a counter may follow.
const MAX_LEN: usize = 40;

#[derive(Default)]
pub struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    /// A new id from `words`, or from `fallback` when they hold no ASCII letters or digits;
    /// `-2`, `-3`, … make it unique.
    pub fn make(&mut self, words: &str, fallback: &str) -> String {
        let mut base = slug(words);
        if base.is_empty() {
            base = slug(fallback);
        }
        if base.is_empty() {
            base = "item".to_owned();
        }
        let mut id = base.clone();
        let mut n = 2;
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(id.clone());
        id
    }
}

/// "Jeff Sessions’ claim" → "jeff-sessions-claim": letters and digits folded to ASCII where
/// they have a plain form, everything else a separator, cut at a word boundary.
pub fn slug(words: &str) -> String {
    let mut out = String::new();
    for c in words.chars().map(story_core::fold::fold_char) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c == '\'' {
            // "Kislyak’s" → "kislyaks".
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= MAX_LEN {
            break;
        }
    }
    if out.len() > MAX_LEN {
        out.truncate(out[..MAX_LEN].rfind('-').unwrap_or(MAX_LEN));
    }
    out.trim_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_ascii_words() {
        assert_eq!(slug("Jeff Sessions"), "jeff-sessions");
        assert_eq!(slug("Kislyak’s door"), "kislyaks-door");
        assert_eq!(slug("Zakharová, Maria"), "zakharova-maria");
        assert_eq!(slug("שלום"), "");
        let long = slug("a very long phrase that goes on and on past the limit of ids");
        assert!(long.len() <= MAX_LEN && !long.ends_with('-'));
    }

    #[test]
    fn ids_are_unique_and_never_empty() {
        let mut ids = Ids::default();
        assert_eq!(ids.make("Jeff Sessions", "person"), "jeff-sessions");
        assert_eq!(ids.make("Jeff Sessions", "person"), "jeff-sessions-2");
        assert_eq!(ids.make("שלום", "person"), "person");
        assert_eq!(ids.make("", ""), "item");
    }
}
