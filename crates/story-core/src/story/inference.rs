//! Where a story goes beyond what the article states outright, it must say so: an item that
//! attributes words or a link to someone the paragraph only describes ("A Russian Foreign
//! Ministry Spokeswoman"), an entity known by a description rather than a name, a role the
//! paragraphs naming the entity do not give. Each needs `inferred = "why"`, which the reader
//! sees beside the value. These checks find the places mechanically, so none is missed.

use super::model::{Entity, StoryFile};
use super::span::ArticleIndex;
use crate::fold;
use std::ops::Range;

/// One place that needs an `inferred` reason: the item, and what to tell the editor.
pub struct Needed {
    pub item: String,
    pub message: String,
}

/// The words that can name: four letters or more, or a capitalized three-letter word ("Bob"),
/// lower-cased; "The" and "And" name nothing.
fn long_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| match w.chars().count() {
            0..=2 => false,
            3 => w.starts_with(char::is_uppercase) && !matches!(*w, "The" | "And" | "For"),
            _ => true,
        })
        .map(fold::lower)
}

/// Whether the article's words `alias` name the entity called `name`, rather than describe it:
/// they contain a word of the name ("Sessions", "Kremlin") or abbreviate it ("U.S." for United
/// States, "Mo." for Missouri). "A Russian Foreign Ministry Spokeswoman" names no one.
pub fn names(name: &str, alias: &str) -> bool {
    let name_words: Vec<String> = long_words(name).collect();
    if long_words(alias).any(|w| name_words.contains(&w)) || alias.contains(name) {
        return true;
    }
    let letters = fold::lower(
        &alias
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect::<String>(),
    );
    let initials: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .collect();
    let lower_name = fold::lower(name);
    !letters.is_empty()
        && ((initials.chars().count() >= 2 && letters == fold::lower(&initials))
            || (alias.ends_with('.') && letters.len() >= 2 && abbreviates(&letters, &lower_name)))
}

/// "mo" abbreviates "missouri": same first letter, the rest in order.
fn abbreviates(short: &str, long: &str) -> bool {
    let mut rest = long.chars();
    short.chars().next() == long.chars().next() && short.chars().all(|c| rest.any(|l| l == c))
}

/// `needle` in `hay` as whole words (not "US" inside "USA").
#[cfg(test)]
fn has_words(hay: &str, needle: &str) -> bool {
    !needle.is_empty()
        && hay
            .match_indices(needle)
            .any(|(at, _)| whole_words(hay, at..at + needle.len()))
}

/// The article and, for each entity, the paragraphs that name it: found once through the
/// article's index, so the checks stay linear in the size of the story.
struct Text<'a> {
    article: &'a str,
    paragraphs: &'a [Range<usize>],
    /// Entity ids, sorted, with their index in the file.
    ids: Vec<(&'a str, usize)>,
    /// By entity index: the indices of the paragraphs that name it, in order.
    named_in: Vec<Vec<usize>>,
}

impl<'a> Text<'a> {
    fn new(
        file: &'a StoryFile,
        article: &'a str,
        index: &ArticleIndex,
        paragraphs: &'a [Range<usize>],
    ) -> Self {
        let mut ids: Vec<(&str, usize)> = file
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        crate::order::sort_by(&mut ids, |a, b| a.0.cmp(b.0));
        let paragraph_at = |at: usize| paragraphs.partition_point(|p| p.end <= at);
        let named_in = file
            .entities
            .iter()
            .map(|e| {
                let mut found: Vec<usize> = std::iter::once(&e.name)
                    .chain(e.aliases.iter().filter(|a| names(&e.name, a)))
                    .filter(|a| !a.is_empty())
                    .flat_map(|a| {
                        index
                            .occurrences(a)
                            .into_iter()
                            .filter(|&at| whole_words(article, at..at + a.len()))
                            .map(paragraph_at)
                            .collect::<Vec<_>>()
                    })
                    .collect();
                crate::order::sort(&mut found);
                found.dedup();
                found
            })
            .collect();
        Text {
            article,
            paragraphs,
            ids,
            named_in,
        }
    }

    fn entity(&self, id: &str) -> Option<usize> {
        let at = self.ids.binary_search_by(|probe| probe.0.cmp(id)).ok()?;
        Some(self.ids[at].1)
    }

    fn paragraph_of(&self, span: &Range<usize>) -> usize {
        self.paragraphs.partition_point(|p| p.end <= span.start)
    }

    fn names_in(&self, entity: usize, paragraph: usize) -> bool {
        self.named_in[entity].binary_search(&paragraph).is_ok()
    }

    fn naming_paragraphs(&self, entity: usize) -> impl Iterator<Item = &str> + '_ {
        self.named_in[entity]
            .iter()
            .filter_map(|&p| self.paragraphs.get(p))
            .filter_map(|p| self.article.get(p.clone()))
    }
}

/// Whether `range` of `text` is whole words: no letter or digit just before or after it.
fn whole_words(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// A word of a role found in `paragraph`, whole or abbreviated ("Sen." for "senator").
fn has_role_word(paragraph: &str, word: &str) -> bool {
    let word = fold::lower(word);
    let lower = fold::lower(paragraph);
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == word)
        || lower.split_whitespace().any(|w| {
            let stem = w.trim_start_matches(|c: char| !c.is_alphanumeric());
            stem.len() >= 4 && stem.ends_with('.') && word.starts_with(stem.trim_end_matches('.'))
        })
}

/// Every place in `file` that needs an `inferred` reason and lacks one.
pub fn missing(
    file: &StoryFile,
    article: &str,
    index: &ArticleIndex,
    paragraphs: &[Range<usize>],
) -> Vec<Needed> {
    let text = Text::new(file, article, index, paragraphs);
    let mut out = Vec::new();
    let mut attributed =
        |item: String, inferred: &Option<String>, at: &Range<usize>, fields: &[(&str, &str)]| {
            if inferred.is_some() || at.is_empty() {
                return;
            }
            let paragraph = text.paragraph_of(at);
            for (field, id) in fields {
                let Some(e) = text.entity(id) else { continue };
                if !text.names_in(e, paragraph) {
                    out.push(Needed {
                        item: item.clone(),
                        message: format!(
                            "{field} `{id}` is not named in the paragraph this comes from; \
                             say why it is taken to be {} with `inferred = \"…\"`",
                            file.entities[e].name
                        ),
                    });
                }
            }
        };
    for q in &file.quotes {
        attributed(
            format!("quote `{}`", q.id),
            &q.inferred,
            &q.at.span,
            &[("speaker", &q.speaker)],
        );
    }
    for r in &file.relationships {
        attributed(
            format!("relationship `{}`", r.id),
            &r.inferred,
            &r.at.span,
            &[("from", &r.from), ("to", &r.to)],
        );
    }
    for c in &file.claims {
        attributed(
            format!("claim `{}`", c.id),
            &c.inferred,
            &c.at.span,
            &[("claimant", &c.claimant)],
        );
        for r in &c.responses {
            attributed(
                format!("response `{}`", r.id),
                &r.inferred,
                &r.at.span,
                &[("speaker", &r.speaker)],
            );
        }
    }
    for (i, e) in file.entities.iter().enumerate() {
        if e.inferred.is_none() {
            out.extend(identification(&text, i, e));
        }
    }
    out
}

/// An entity's descriptive aliases and role words the naming paragraphs lack: both need a reason.
fn identification(text: &Text, i: usize, e: &Entity) -> Vec<Needed> {
    let item = format!("entity `{}`", e.id);
    let named_somewhere = !text.named_in[i].is_empty();
    let mut out: Vec<Needed> = e
        .aliases
        .iter()
        .filter(|a| named_somewhere && !names(&e.name, a))
        .map(|a| Needed {
            item: item.clone(),
            message: format!(
                "alias \"{a}\" describes {} rather than naming them; say why these words are \
                 taken to mean them with `inferred = \"…\"`",
                e.name
            ),
        })
        .collect();
    if let Some(role) = &e.role {
        let paragraphs: Vec<&str> = text.naming_paragraphs(i).collect();
        out.extend(
            role.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 4)
                .filter(|w| !paragraphs.iter().any(|p| has_role_word(p, w)))
                .map(|w| Needed {
                    item: item.clone(),
                    message: format!(
                        "role word \"{w}\" is not in a paragraph that names {}; say why the role \
                         is theirs with `inferred = \"…\"`",
                        e.name
                    ),
                }),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_tell_a_name_from_a_description() {
        assert!(names("Jeff Sessions", "Sessions"));
        assert!(names("The Kremlin", "The Russian Kremlin"));
        assert!(names("United States", "U.S."));
        assert!(names("United States", "US"));
        assert!(names("Missouri", "Mo."));
        assert!(names("California", "Calif."));
        assert!(names("Li Na", "Li Na"));
        assert!(names("Bob the builder", "Bob"));
        assert!(!names("The Kremlin", "The president"));
        assert!(!names(
            "Maria Zakharova",
            "A Russian Foreign Ministry Spokeswoman"
        ));
        assert!(!names("Sergey Kislyak", "a Russian ambassador"));
        assert!(!names("United States", "our country"));
        assert!(!names("Missouri", "M"));
        assert!(!names("Missouri", "Ma."));
        assert!(!names("Missouri", "Om."));
    }

    #[test]
    fn whole_words_and_abbreviated_role_words() {
        assert!(has_words("the US media", "US"));
        assert!(!has_words("the USA", "US"));
        assert!(has_role_word("Democratic Sen. Claire McCaskill", "senator"));
        assert!(has_role_word(
            "Kremlin Spokesman Dmitry Peskov",
            "spokesman"
        ));
        assert!(!has_role_word(
            "said spokeswoman Maria Zakharova",
            "Ministry"
        ));
    }
}
