//! Names: runs of capitalized words, and what each run is — a person behind a title ("Kremlin
//! Spokesman Dmitry Peskov"), an organization ("Senate Armed Services Committee"), a place, a
//! group ("Democrats") — read from the word lists, most specific first. A capital that only
//! starts a sentence is not a name unless the word is capitalized elsewhere too.

use crate::doc::{capitalized, Doc};
use crate::lexicon::{self, has};
use std::collections::HashSet;
use std::ops::Range;
use story_core::story::EntityKind;

/// What a run of capitalized words names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    pub kind: EntityKind,
    /// The words that name (word indices): "Dmitry Peskov", not his title.
    pub words: Range<usize>,
    /// The whole run, title and affiliation included: "Kremlin Spokesman Dmitry Peskov".
    pub phrase: Range<usize>,
    /// The words up to and including the title, which give a person's role.
    pub title: Option<Range<usize>>,
    /// An organization named before the title ("Kremlin" in "Kremlin Spokesman").
    pub affiliation: Option<Range<usize>>,
    /// The normalized name when the article abbreviates or decorates it ("United States" for
    /// "U.S.", "Kremlin" for "Russian Kremlin").
    pub canonical: Option<String>,
    pub outlet: bool,
    /// One capitalized word the lists do not know: a surname, or nothing.
    pub unknown: bool,
}

/// Capitalized words seen where a capital is not owed to the sentence: evidence that a
/// sentence's first word is a name.
pub fn capitalized_mid_sentence<'a>(doc: &Doc<'a>) -> HashSet<&'a str> {
    (0..doc.words.len())
        .filter(|&i| !doc.starts_sentence(i) && capitalized(doc.word(i)))
        .map(|i| doc.word(i))
        .collect()
}

fn is_month_or_day(word: &str) -> bool {
    lexicon::MONTHS.iter().any(|m| m.0 == word) || lexicon::WEEKDAYS.contains(&word)
}

/// Whether word `i` may be part of a name.
fn name_like(doc: &Doc, i: usize) -> bool {
    let word = doc.word(i);
    capitalized(word) && !is_month_or_day(word) && word.chars().any(char::is_alphabetic)
}

/// Every run of capitalized words, function words trimmed from its start, in text order.
pub fn runs(doc: &Doc) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.words.len() {
        if !name_like(doc, i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < doc.words.len() && !doc.words[end - 1].possessive {
            let same_sentence = doc.words[end].sentence == doc.words[start].sentence;
            let gap = doc.gap_before(end);
            let spaced = gap.chars().all(|c| c == ' ');
            let joins = (spaced && name_like(doc, end))
                || (gap == ", " && comma_place(doc, start..end + 1));
            if same_sentence && joins {
                end += 1;
            } else if same_sentence
                && spaced
                && matches!(doc.word(end), "of" | "for")
                && end + 1 < doc.words.len()
                && name_like(doc, end + 1)
                && (start..end).any(|w| organization_word(doc.word(w)))
            {
                end += 2;
            } else {
                break;
            }
        }
        let mut from = start;
        while from < end && has(lexicon::FUNCTION_WORDS, doc.word(from)) {
            from += 1;
        }
        if from < end {
            out.push(from..end);
        }
        i = end;
    }
    out
}

/// "Washington, D.C.": a known place written with a comma inside it.
fn comma_place(doc: &Doc, words: Range<usize>) -> bool {
    let text = &doc.text[doc.span_of(words)];
    lexicon::KNOWN_PLACES.contains(&text)
}

fn organization_word(word: &str) -> bool {
    has(lexicon::ORGANIZATION_WORDS, word) || word == "House"
}

fn known_organization(text: &str) -> Option<bool> {
    lexicon::KNOWN_ORGANIZATIONS
        .binary_search_by(|o| o.0.cmp(text))
        .ok()
        .map(|i| lexicon::KNOWN_ORGANIZATIONS[i].1)
}

fn known_place(text: &str) -> Option<String> {
    if let Ok(i) = lexicon::PLACE_ABBREVIATIONS.binary_search_by(|p| p.0.cmp(text)) {
        return Some(lexicon::PLACE_ABBREVIATIONS[i].1.to_owned());
    }
    lexicon::KNOWN_PLACES
        .contains(&text)
        .then(|| text.to_owned())
}

fn nationality(word: &str) -> bool {
    has(lexicon::NATIONALITIES, word)
        || (word.contains('-')
            && word
                .split('-')
                .all(|part| has(lexicon::NATIONALITIES, part)))
}

/// "Russians", "Democrats": the plural of a nationality or party names a group.
fn plural_of_nationality(word: &str) -> bool {
    word.strip_suffix('s')
        .is_some_and(|stem| has(lexicon::NATIONALITIES, stem))
}

/// Reads a run (`words`, word indices) as a name, or `None` if it names nothing.
pub fn read(doc: &Doc, words: Range<usize>, mid_sentence: &HashSet<&str>) -> Option<Name> {
    let text = &doc.text[doc.span_of(words.clone())];
    let plain = |kind| Name {
        kind,
        words: words.clone(),
        phrase: words.clone(),
        title: None,
        affiliation: None,
        canonical: None,
        outlet: false,
        unknown: false,
    };
    if let Some(canonical) = known_place(text) {
        return Some(Name {
            canonical: (canonical != text).then_some(canonical),
            ..plain(EntityKind::Place)
        });
    }
    if let Some(outlet) = known_organization(text) {
        return Some(Name {
            outlet,
            ..plain(EntityKind::Organization)
        });
    }
    if let Some(name) = titled(doc, words.clone()) {
        return Some(name);
    }
    // "Russian Kremlin": a known organization behind a nationality.
    let mut first = words.start;
    while first + 1 < words.end && nationality(doc.word(first)) {
        first += 1;
    }
    if first > words.start {
        let rest = &doc.text[doc.span_of(first..words.end)];
        if let Some(outlet) = known_organization(rest) {
            return Some(Name {
                canonical: Some(rest.to_owned()),
                outlet,
                ..plain(EntityKind::Organization)
            });
        }
    }
    let all = || words.clone().map(|i| doc.word(i));
    if all().any(organization_word) {
        let outlet = all().any(|w| has(lexicon::OUTLET_WORDS, w));
        return Some(Name {
            outlet,
            ..plain(EntityKind::Organization)
        });
    }
    if all().any(|w| has(lexicon::PLACE_WORDS, w)) {
        return Some(plain(EntityKind::Place));
    }
    // A title with no name after it ("National Security Adviser") is a role, not a name.
    if all().any(|w| has(lexicon::TITLES, w)) {
        return None;
    }
    if words.len() == 1 {
        return single(doc, words.start, mid_sentence).map(|(kind, unknown)| Name {
            unknown,
            ..plain(kind)
        });
    }
    if all().any(nationality) || !(2..=4).contains(&words.len()) {
        return None;
    }
    let name_shaped = all().all(|w| {
        w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    });
    name_shaped.then(|| plain(EntityKind::Person))
}

/// One capitalized word: an acronym is an organization, a plural nationality a group; any other
/// word is a possible surname if it is capitalized where no sentence starts.
fn single(doc: &Doc, i: usize, mid_sentence: &HashSet<&str>) -> Option<(EntityKind, bool)> {
    let word = doc.word(i);
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    // "D-Mo.": a party and state label, read by `entities`.
    let party_label = ["D-", "R-", "I-"].iter().any(|p| word.starts_with(p));
    if nationality(word) || has(lexicon::TITLES, word) || party_label {
        return None;
    }
    if plural_of_nationality(word) {
        return Some((EntityKind::Group, false));
    }
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        return Some((EntityKind::Organization, false));
    }
    let evidenced = !doc.starts_sentence(i) || mid_sentence.contains(word);
    (evidenced && letters.len() >= 2).then_some((EntityKind::Person, true))
}

/// A person behind a title: "Attorney General Jeff Sessions", "Kremlin Spokesman Dmitry
/// Peskov", "House Minority Leader Nancy Pelosi". With no name after the title, the words before
/// it may still name an organization ("Russian Foreign Ministry Spokeswoman").
fn titled(doc: &Doc, words: Range<usize>) -> Option<Name> {
    let last_title = words
        .clone()
        .rev()
        .find(|&i| has(lexicon::TITLES, doc.word(i)))?;
    let mut block = last_title;
    while block > words.start && has(lexicon::TITLES, doc.word(block - 1)) {
        block -= 1;
    }
    // "Russian Foreign Ministry Spokeswoman" keeps the nationality in the organization's name;
    // "Russian Kremlin Spokesman" names the Kremlin.
    let before = words.start..block;
    let affiliation = if before.clone().any(|i| organization_word(doc.word(i))) {
        Some(before)
    } else {
        before
            .clone()
            .find(|&i| !nationality(doc.word(i)))
            .map(|from| from..block)
            .filter(|r| known_organization(&doc.text[doc.span_of(r.clone())]).is_some())
    };
    let name = last_title + 1..words.end;
    if name.is_empty() {
        let org = affiliation?;
        return Some(Name {
            kind: EntityKind::Organization,
            words: org.clone(),
            phrase: org,
            title: None,
            affiliation: None,
            canonical: None,
            outlet: false,
            unknown: false,
        });
    }
    let person_like = name.len() <= 4
        && name.clone().all(|i| {
            let w = doc.word(i);
            !organization_word(w) && !nationality(w) && w.chars().any(char::is_alphabetic)
        });
    person_like.then(|| Name {
        kind: EntityKind::Person,
        words: name,
        phrase: words.clone(),
        title: Some(words.start..last_title + 1),
        affiliation,
        canonical: None,
        outlet: false,
        unknown: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, EntityKind, Option<String>)> {
        let doc = Doc::new(text);
        let mid = capitalized_mid_sentence(&doc);
        runs(&doc)
            .into_iter()
            .filter_map(|r| read(&doc, r, &mid))
            .map(|n| {
                let title = n.title.map(|t| text[doc.span_of(t)].to_owned());
                (text[doc.span_of(n.words)].to_owned(), n.kind, title)
            })
            .collect()
    }

    #[test]
    fn titles_split_from_names_and_give_roles() {
        use EntityKind::*;
        assert_eq!(
            names("He met Kremlin Spokesman Dmitry Peskov and Democratic Sen. Claire McCaskill (D-Mo.) today."),
            [
                ("Dmitry Peskov".to_owned(), Person, Some("Kremlin Spokesman".to_owned())),
                ("Claire McCaskill".to_owned(), Person, Some("Democratic Sen.".to_owned())),
            ]
        );
        assert_eq!(
            names("A Russian Foreign Ministry Spokeswoman spoke."),
            [("Russian Foreign Ministry".to_owned(), Organization, None)]
        );
    }

    #[test]
    fn organizations_places_and_groups_come_from_the_word_lists() {
        use EntityKind::*;
        let found = names(
            "The Russian Kremlin and the Washington Post met in Washington, D.C., near the White House with Democrats.",
        );
        let kinds: Vec<(&str, EntityKind)> = found.iter().map(|n| (n.0.as_str(), n.1)).collect();
        assert_eq!(
            kinds,
            [
                ("Russian Kremlin", Organization),
                ("Washington Post", Organization),
                ("Washington, D.C.", Place),
                ("White House", Place),
                ("Democrats", Group),
            ]
        );
    }

    #[test]
    fn a_capital_owed_to_the_sentence_is_not_a_name() {
        assert!(names("Members of the panel met. Nothing changed.").is_empty());
        assert_eq!(names("Sessions spoke. Then Sessions left.").len(), 2);
    }
}
