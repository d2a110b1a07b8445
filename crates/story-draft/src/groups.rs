//! Groups and organizations the article names with ordinary words around a name: "Russian
//! officials", "American intelligence agencies", "others on the Armed Forces Committee",
//! "Trump’s campaign". Each is a phrase of the article, found by its shape.

use crate::doc::Doc;
use crate::lexicon::{self, has};
use std::ops::Range;
use story_core::story::EntityKind;

/// A phrase that names a group or organization, with the name it is given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub kind: EntityKind,
    pub words: Range<usize>,
    pub name: String,
}

/// Nouns that, after a person's possessive, name an organization of theirs ("Trump’s campaign").
const OWNED: [&str; 4] = ["administration", "campaign", "government", "team"];

fn joined(doc: &Doc, a: usize, b: usize) -> bool {
    doc.words[a].sentence == doc.words[b].sentence && doc.plain_gap_before(b) == " "
}

/// "Russian officials", "American intelligence agencies", "US media": a nationality, at most
/// two lowercase words, and a plural noun for people or bodies.
pub fn nationality_groups(doc: &Doc) -> Vec<Phrase> {
    let mut out = Vec::new();
    for i in 0..doc.words.len() {
        if !has(lexicon::NATIONALITIES, doc.word(i)) {
            continue;
        }
        for k in i + 1..(i + 4).min(doc.words.len()) {
            if !joined(doc, k - 1, k) || doc.words[k - 1].possessive {
                break;
            }
            let word = doc.word(k);
            if has(lexicon::GROUP_NOUNS, word) {
                let text = &doc.text[doc.span_of(i..k + 1)];
                out.push(Phrase {
                    kind: EntityKind::Group,
                    words: i..k + 1,
                    name: text.to_owned(),
                });
                break;
            }
            if !word.chars().all(|c| c.is_lowercase() || c == '-') {
                break;
            }
        }
    }
    out
}

/// "others on the Armed Forces Committee", "members of the board": the unnamed members of an
/// organization named at `org` (word indices).
pub fn members_of(doc: &Doc, org: &Range<usize>) -> Option<Phrase> {
    let at = org.start.checked_sub(3)?;
    let shape = matches!(doc.word(at), "others" | "members" | "Others" | "Members")
        && matches!(doc.word(at + 1), "on" | "of" | "from")
        && doc.word(at + 2) == "the"
        && (at + 1..org.start + 1).all(|k| joined(doc, k - 1, k));
    shape.then(|| {
        let text = &doc.text[doc.span_of(at..org.end)];
        Phrase {
            kind: EntityKind::Group,
            words: at..org.end,
            name: text.to_owned(),
        }
    })
}

/// "Trump’s campaign": a person's possessive and a noun for something they run, given the
/// person's word at `word`.
pub fn owned_by(doc: &Doc, word: usize) -> Option<Phrase> {
    let next = word + 1;
    let shape = doc.words.get(word)?.possessive
        && next < doc.words.len()
        && joined(doc, word, next)
        && OWNED.contains(&doc.word(next));
    shape.then(|| Phrase {
        kind: EntityKind::Organization,
        words: word..next + 1,
        name: format!("{} {}", doc.word(word), doc.word(next)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nationalities_before_plural_nouns_are_groups() {
        let text = "American intelligence agencies said Russian officials and the US media lied; Russian state-run TV did not.";
        let doc = Doc::new(text);
        let names: Vec<String> = nationality_groups(&doc)
            .into_iter()
            .map(|g| g.name)
            .collect();
        assert_eq!(
            names,
            [
                "American intelligence agencies",
                "Russian officials",
                "US media"
            ]
        );
    }

    #[test]
    fn members_and_possessions_are_read_from_their_shape() {
        let text = "Since then, others on the Armed Forces Committee said Trump’s campaign erred.";
        let doc = Doc::new(text);
        let org =
            doc.word_from(text.find("Armed").unwrap())..doc.word_from(text.find(" said").unwrap());
        assert_eq!(
            members_of(&doc, &org).unwrap().name,
            "others on the Armed Forces Committee"
        );
        let trump = doc.word_from(text.find("Trump").unwrap());
        assert_eq!(owned_by(&doc, trump).unwrap().name, "Trump campaign");
    }
}
