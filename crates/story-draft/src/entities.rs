//! Entities: the names of `names` and the phrases of `groups`, clustered into one entity per
//! person, organization, group and place, each with every spelling the article uses for it
//! (a surname alone joins the full name it belongs to) and every place it is mentioned.
//!
//! Roles come from the words beside a name: a title before it ("Kremlin Spokesman"), a role noun
//! ("spokeswoman Maria Zakharova"), an appositive after it ("Priya Raman, the city's auditor
//! general,"). Credits (see `credits`) make entities that are never actors.

use crate::credits::Credits;
use crate::doc::Doc;
use crate::groups;
use crate::lexicon::{self, has};
use crate::names::{self, Name};
use std::collections::HashMap;
use std::ops::Range;
use story_core::story::EntityKind;

#[derive(Clone, Debug)]
pub struct Entity {
    pub kind: EntityKind,
    pub name: String,
    /// The article's own spellings, each as printed, first seen first.
    pub aliases: Vec<String>,
    /// The words of the article that give the role.
    pub role: Option<Range<usize>>,
    /// Lowercase nouns the article describes the entity with ("spokeswoman"), for resolving
    /// "the spokeswoman said".
    pub role_nouns: Vec<String>,
    /// The first mention, with its title: "Attorney General Jeff Sessions".
    pub source: Range<usize>,
    pub outlet: bool,
    /// Named only in credits: not an actor.
    pub credit: bool,
    /// Known only by a description ("an anonymous senior … staffer").
    pub unnamed: bool,
}

#[derive(Clone, Debug)]
pub struct Mention {
    pub range: Range<usize>,
    pub entity: usize,
    pub paragraph: usize,
    pub credit: bool,
    /// Inside a quotation: the quoted speaker's words, not the article's narration.
    pub quoted: bool,
}

/// An affiliation a title states: the person (entity), the organization, and the title's words.
#[derive(Clone, Debug)]
pub struct Titled {
    pub person: usize,
    pub organization: usize,
    pub phrase: Range<usize>,
    pub title: Range<usize>,
}

#[derive(Default)]
pub struct Entities {
    pub list: Vec<Entity>,
    /// Sorted by start.
    pub mentions: Vec<Mention>,
    pub titled: Vec<Titled>,
    keys: HashMap<(u8, String), usize>,
}

fn kind_key(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Group => 2,
        EntityKind::Place => 3,
    }
}

impl Entities {
    /// The entity `key` names, made on first sight.
    fn entity(&mut self, kind: EntityKind, name: &str, source: Range<usize>) -> usize {
        let key = (kind_key(kind), name.to_lowercase());
        if let Some(&e) = self.keys.get(&key) {
            return e;
        }
        self.list.push(Entity {
            kind,
            name: name.to_owned(),
            aliases: Vec::new(),
            role: None,
            role_nouns: Vec::new(),
            source,
            outlet: false,
            credit: true,
            unnamed: false,
        });
        self.keys.insert(key, self.list.len() - 1);
        self.list.len() - 1
    }

    fn mention(&mut self, doc: &Doc, entity: usize, range: Range<usize>, credits: &Credits) {
        let text = &doc.text[range.clone()];
        let e = &mut self.list[entity];
        if naming_alias(&e.name, text) && !e.aliases.iter().any(|a| a == text) {
            e.aliases.push(text.to_owned());
        }
        let credit = credits.contains(range.start);
        e.credit &= credit;
        self.mentions.push(Mention {
            paragraph: doc.paragraph_of(range.start),
            range,
            entity,
            credit,
            quoted: false,
        });
    }

    /// Adds an entity known only by the words at `range` ("an anonymous senior staffer"), with
    /// that description as its name, and mentions it there.
    pub fn add_unnamed(&mut self, doc: &Doc, kind: EntityKind, range: Range<usize>) -> usize {
        // "an anonymous senior staffer" is named "Anonymous senior staffer".
        let text = &doc.text[range.clone()];
        let bare = ["a ", "an ", "the ", "A ", "An ", "The "]
            .iter()
            .find_map(|a| text.strip_prefix(a))
            .unwrap_or(text);
        let mut chars = bare.chars();
        let name: String = match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => text.to_owned(),
        };
        let e = self.entity(kind, &name, range.clone());
        self.list[e].unnamed = true;
        self.mention(doc, e, range, &Credits::default());
        sort_mentions(&mut self.mentions);
        e
    }

    /// Whether `entity` is named (not only described) in `paragraph`.
    pub fn named_in(&self, entity: usize, paragraph: usize) -> bool {
        let from = self.mentions.partition_point(|m| m.paragraph < paragraph);
        self.mentions[from..]
            .iter()
            .take_while(|m| m.paragraph == paragraph)
            .any(|m| m.entity == entity)
    }

    /// The mentions that start inside `range`.
    pub fn within(&self, range: &Range<usize>) -> &[Mention] {
        let from = self
            .mentions
            .partition_point(|m| m.range.start < range.start);
        let to = self.mentions.partition_point(|m| m.range.start < range.end);
        &self.mentions[from..to.max(from)]
    }
}

fn sort_mentions(mentions: &mut [Mention]) {
    mentions.sort_by_key(|m| (m.range.start, m.range.end));
}

/// Whether `alias` names the entity called `name` as validation reads it (a word of four
/// letters or more in common), rather than describing it. Stricter than validation's own test,
/// so an alias kept here never needs an inference there.
pub fn naming_alias(name: &str, alias: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let in_name = words(name);
    alias == name
        || words(alias).iter().any(|w| in_name.contains(w))
        || lexicon::PLACE_ABBREVIATIONS.contains(&(alias, name))
}

/// Every entity of the article and its mentions. `quoted` holds the quotations' byte ranges,
/// sorted.
pub fn find(doc: &Doc, credits: &Credits, quoted: &[Range<usize>]) -> Entities {
    let mid = names::capitalized_mid_sentence(doc);
    let found: Vec<Name> = names::runs(doc)
        .into_iter()
        .filter_map(|r| names::read(doc, r, &mid))
        .collect();
    let mut entities = Entities::default();
    let mut surnames: Vec<Name> = Vec::new();
    for name in &found {
        if name.unknown {
            surnames.push(name.clone());
            continue;
        }
        add_name(doc, credits, &mut entities, name);
    }
    for phrase in groups::nationality_groups(doc) {
        add_phrase(doc, credits, &mut entities, &phrase);
    }
    for name in &found {
        if name.kind == EntityKind::Organization {
            if let Some(phrase) = groups::members_of(doc, &name.words) {
                add_phrase(doc, credits, &mut entities, &phrase);
            }
        }
    }
    add_surnames(doc, credits, &mut entities, &surnames);
    for word in 0..doc.words.len() {
        if let Some(phrase) = groups::owned_by(doc, word) {
            let owner = doc.words[word].range.clone();
            if entities
                .within(&owner)
                .iter()
                .any(|m| m.range == owner && entities.list[m.entity].kind == EntityKind::Person)
            {
                add_phrase(doc, credits, &mut entities, &phrase);
            }
        }
    }
    add_party_states(doc, credits, &mut entities);
    merge_shortened(&mut entities);
    sort_mentions(&mut entities.mentions);
    for m in &mut entities.mentions {
        let i = quoted.partition_point(|q| q.end <= m.range.start);
        m.quoted = quoted.get(i).is_some_and(|q| q.start <= m.range.start);
    }
    crate::roles::find(doc, &mut entities);
    entities
}

fn add_name(doc: &Doc, credits: &Credits, entities: &mut Entities, name: &Name) {
    let words = doc.span_of(name.words.clone());
    let text = &doc.text[words.clone()];
    let canonical = name.canonical.as_deref().unwrap_or(text);
    let e = entities.entity(name.kind, canonical, doc.span_of(name.phrase.clone()));
    entities.list[e].outlet |= name.outlet;
    entities.mention(doc, e, words, credits);
    if let Some(title) = &name.title {
        let person = &mut entities.list[e];
        if person.role.is_none() {
            person.role = Some(doc.span_of(title.clone()));
        }
        for i in title.clone() {
            let noun = doc.word(i).to_lowercase();
            if has(lexicon::PERSON_NOUNS, &noun) && !person.role_nouns.contains(&noun) {
                person.role_nouns.push(noun);
            }
        }
    }
    if let (Some(affiliation), Some(title)) = (&name.affiliation, &name.title) {
        let org_words = doc.span_of(affiliation.clone());
        let org_name = doc.text[org_words.clone()].to_owned();
        let org = entities.entity(EntityKind::Organization, &org_name, org_words.clone());
        entities.mention(doc, org, org_words, credits);
        entities.titled.push(Titled {
            person: e,
            organization: org,
            phrase: doc.span_of(name.phrase.clone()),
            title: doc.span_of(affiliation.end..title.end),
        });
    }
}

fn add_phrase(doc: &Doc, credits: &Credits, entities: &mut Entities, phrase: &groups::Phrase) {
    let range = doc.span_of(phrase.words.clone());
    let e = entities.entity(phrase.kind, &phrase.name, range.clone());
    entities.mention(doc, e, range, credits);
}

/// A capitalized word alone joins the person whose surname it is: the nearest one named before
/// it, or else the first named after. One that joins no one is a person only where it speaks.
fn add_surnames(doc: &Doc, credits: &Credits, entities: &mut Entities, surnames: &[Name]) {
    let mut by_surname: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for m in &entities.mentions {
        let e = &entities.list[m.entity];
        if e.kind == EntityKind::Person {
            if let Some(last) = e.name.split_whitespace().last() {
                by_surname
                    .entry(last.to_owned())
                    .or_default()
                    .push((m.range.start, m.entity));
            }
        }
    }
    for name in surnames {
        let range = doc.span_of(name.words.clone());
        let word = &doc.text[range.clone()];
        // Mentions are listed in text order, so the nearest before is found by binary search.
        let person = by_surname.get(word).and_then(|seen| {
            let i = seen.partition_point(|(at, _)| *at < range.start);
            i.checked_sub(1)
                .and_then(|j| seen.get(j))
                .or(seen.first())
                .map(|&(_, e)| e)
        });
        let entity = match person {
            Some(e) => Some(e),
            None if speaks(doc, name.words.end) => {
                Some(entities.entity(EntityKind::Person, word, range.clone()))
            }
            None => None,
        };
        if let Some(e) = entity {
            entities.mention(doc, e, range, credits);
        }
    }
}

/// "(D-Mo.)": the state in a party and state label is a place.
fn add_party_states(doc: &Doc, credits: &Credits, entities: &mut Entities) {
    for i in 0..doc.words.len() {
        let word = doc.word(i);
        let Some(state) = ["D-", "R-", "I-"].iter().find_map(|p| word.strip_prefix(p)) else {
            continue;
        };
        if let Ok(k) = lexicon::PLACE_ABBREVIATIONS.binary_search_by(|p| p.0.cmp(state)) {
            let at = doc.words[i].range.start + 2;
            let range = at..at + state.len();
            let e = entities.entity(
                EntityKind::Place,
                lexicon::PLACE_ABBREVIATIONS[k].1,
                range.clone(),
            );
            entities.mention(doc, e, range, credits);
        }
    }
}

/// Whether the word at `next` is a reporting verb: "Smith said".
fn speaks(doc: &Doc, next: usize) -> bool {
    next < doc.words.len() && has(lexicon::REPORTING_VERBS, doc.word(next))
}

/// "Armed Services Committee" is the "Senate Armed Services Committee" named in full elsewhere:
/// an organization whose name ends another's joins it.
fn merge_shortened(entities: &mut Entities) {
    let n = entities.list.len();
    let mut into: Vec<usize> = (0..n).collect();
    // Every tail of two words or more of every organization's name, to the first organization
    // that has it: one pass over the names instead of a pass per name.
    let mut tails: HashMap<&str, usize> = HashMap::new();
    for (l, e) in entities.list.iter().enumerate() {
        if e.kind != EntityKind::Organization {
            continue;
        }
        let starts = e.name.match_indices(' ').map(|(i, _)| i + 1);
        for start in starts {
            let tail = &e.name[start..];
            if tail.contains(' ') {
                tails.entry(tail).or_insert(l);
            }
        }
    }
    for (short, s) in entities.list.iter().enumerate() {
        if s.kind == EntityKind::Organization && s.name.contains(' ') {
            if let Some(&long) = tails.get(s.name.as_str()).filter(|&&l| l != short) {
                into[short] = long;
            }
        }
    }
    for (short, &long) in into.iter().enumerate() {
        if long == short {
            continue;
        }
        let moved = std::mem::take(&mut entities.list[short].aliases);
        let credit = entities.list[short].credit;
        let target = &mut entities.list[long];
        target.credit &= credit;
        for alias in moved {
            if !target.aliases.contains(&alias) {
                target.aliases.push(alias);
            }
        }
        if entities.list[short].source.start < entities.list[long].source.start {
            entities.list[long].source = entities.list[short].source.clone();
        }
    }
    for m in &mut entities.mentions {
        m.entity = into[m.entity];
    }
    for t in &mut entities.titled {
        t.organization = into[t.organization];
    }
    // Merged-away entities stay in the list with no mentions; assembly leaves them out.
    for (short, &long) in into.iter().enumerate() {
        if long != short {
            entities.list[short].aliases.clear();
            entities.list[short].credit = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(text: &str) -> Vec<(String, EntityKind, Vec<String>)> {
        let doc = Doc::new(text);
        let found = find(&doc, &crate::credits::find(&doc), &[]);
        found
            .list
            .iter()
            .filter(|e| !e.aliases.is_empty())
            .map(|e| (e.name.clone(), e.kind, e.aliases.clone()))
            .collect()
    }

    #[test]
    fn a_surname_joins_the_full_name_and_a_shortened_organization_the_long_one() {
        let found = entities(
            "Attorney General Jeff Sessions sat on the Senate Armed Services Committee.\nLater Sessions left the Armed Services Committee.",
        );
        let names: Vec<&str> = found.iter().map(|e| e.0.as_str()).collect();
        assert_eq!(names, ["Jeff Sessions", "Senate Armed Services Committee"]);
        assert_eq!(found[0].2, ["Jeff Sessions", "Sessions"]);
        assert_eq!(
            found[1].2,
            [
                "Senate Armed Services Committee",
                "Armed Services Committee"
            ]
        );
    }

    #[test]
    fn abbreviated_places_get_their_full_names() {
        let found = entities("She flew to the U.S. from Moscow.");
        assert_eq!(found[0].0, "United States");
        assert_eq!(found[0].2, ["U.S."]);
        assert_eq!(found[1].0, "Moscow");
    }

    #[test]
    fn a_lone_capitalized_word_is_a_person_only_where_it_speaks() {
        let found = entities("The deal with Acme fell through, Smith said.");
        let names: Vec<&str> = found.iter().map(|e| e.0.as_str()).collect();
        assert_eq!(names, ["Smith"]);
    }
}
