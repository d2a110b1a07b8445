//! Roles from the words beside a person's name: a role noun just before it ("spokeswoman Maria
//! Zakharova") and an appositive just after it ("Priya Raman, the city's auditor general,").
//! Titles before a name are read with the name itself (`names`). The role is always the
//! article's own words, from a paragraph that names the person, so validation never finds a
//! role word the article lacks.

use crate::doc::Doc;
use crate::entities::Entities;
use crate::lexicon::{self, has};
use std::ops::Range;
use story_core::story::EntityKind;

/// An appositive is a short phrase; longer ones are clauses.
const MAX_APPOSITIVE_WORDS: usize = 10;

pub fn find(doc: &Doc, entities: &mut Entities) {
    let mut found: Vec<(usize, Range<usize>, String)> = Vec::new();
    for m in &entities.mentions {
        if entities.list[m.entity].kind != EntityKind::Person || m.credit {
            continue;
        }
        let first = doc.word_from(m.range.start);
        if let Some(noun) = role_noun_before(doc, first) {
            found.push((m.entity, doc.words[first - 1].range.clone(), noun));
        }
        let after = doc.word_from(m.range.end);
        if let Some((role, noun)) = appositive(doc, after) {
            found.push((m.entity, role, noun));
        }
    }
    for (entity, role, noun) in found {
        let e = &mut entities.list[entity];
        if e.role.is_none() {
            e.role = Some(role);
        }
        if !e.role_nouns.contains(&noun) {
            e.role_nouns.push(noun);
        }
    }
}

/// "spokeswoman" in "said spokeswoman Maria Zakharova".
fn role_noun_before(doc: &Doc, first: usize) -> Option<String> {
    let before = first.checked_sub(1)?;
    let word = doc.word(before);
    (doc.gap_before(first) == " "
        && doc.words[before].sentence == doc.words[first].sentence
        && has(lexicon::PERSON_NOUNS, word))
    .then(|| word.to_owned())
}

/// ", the city's auditor general," after a name: the role's words and its head noun.
fn appositive(doc: &Doc, after: usize) -> Option<(Range<usize>, String)> {
    if after >= doc.words.len()
        || doc.gap_before(after) != ", "
        || !matches!(
            doc.word(after),
            "a" | "an" | "the" | "its" | "his" | "her" | "their"
        )
    {
        return None;
    }
    let sentence = doc.words[after].sentence;
    let first = after + 1;
    let mut last = first;
    while last < doc.words.len() && last - first < MAX_APPOSITIVE_WORDS {
        if doc.words[last].sentence != sentence {
            return None;
        }
        let next = last + 1;
        let gap = doc.plain_gap_before(next);
        if gap.starts_with(',') && next < doc.words.len() {
            let head = doc.word(last).to_lowercase();
            let lowercase_head = doc.word(last).chars().all(|c| !c.is_uppercase());
            let names_a_role = has(lexicon::PERSON_NOUNS, &head)
                || (first..=last).any(|i| matches!(doc.word(i), "of" | "for" | "at"));
            return (lowercase_head || names_a_role).then(|| (doc.span_of(first..last + 1), head));
        }
        if gap.chars().any(|c| !c.is_whitespace()) {
            return None;
        }
        last += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(text: &str) -> Option<(String, Vec<String>)> {
        let doc = Doc::new(text);
        let credits = crate::credits::find(&doc);
        let found = crate::entities::find(&doc, &credits, &[]);
        let person = found.list.iter().find(|e| e.kind == EntityKind::Person)?;
        Some((
            text[person.role.clone()?].to_owned(),
            person.role_nouns.clone(),
        ))
    }

    #[test]
    fn appositives_and_role_nouns_give_roles() {
        assert_eq!(
            role("Head\nPriya Raman, the city's auditor general, said it was late."),
            Some((
                "city's auditor general".to_owned(),
                vec!["general".to_owned()]
            ))
        );
        assert_eq!(
            role("Head\nIt is over, said spokeswoman Maria Zakharova on Monday."),
            Some(("spokeswoman".to_owned(), vec!["spokeswoman".to_owned()]))
        );
        assert_eq!(
            role("Head\nKremlin Spokesman Dmitry Peskov spoke."),
            Some(("Kremlin Spokesman".to_owned(), vec!["spokesman".to_owned()]))
        );
    }

    #[test]
    fn a_clause_after_a_name_is_not_a_role() {
        assert_eq!(
            role("Head\nPriya Raman, the woman who ran the city's budget office for twenty long years, left."),
            None
        );
    }
}
