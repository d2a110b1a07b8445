//! Speakers for quotations, in passes from the most precise: the attribution after a quote
//! ("…," X said / said X / X, a role, said / according to X / — X), then the one before it
//! (X said: "…"; X called it "…"), then continuation (a quotation with no attribution of its own
//! after one that has one). The speaker phrase is resolved by `coref`; a guess says why.
//! Sourcing comes from the same words: anonymity, a statement, an outlet the words were told to.

use crate::coref::{self, Speaker};
use crate::doc::Doc;
use crate::entities::Entities;
use crate::lexicon::{self, has};
use crate::quotes::Piece;
use std::ops::Range;
use story_core::story::{EntityKind, Sourcing};

/// Which pass attributed a quotation, for the editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    After,
    Before,
    Continuation,
}

impl Pass {
    pub fn describe(self) -> &'static str {
        match self {
            Pass::After => "the attribution after the quote",
            Pass::Before => "the attribution before the quote",
            Pass::Continuation => "continuation of the previous quote",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Attribution {
    pub speaker: usize,
    pub pass: Pass,
    /// Why the speaker is a guess (pronoun, role noun, continuation); `None` when named.
    pub guess: Option<String>,
    pub sourcing: Sourcing,
    pub via: Option<usize>,
    /// The attribution's words, where a date may say when the words were said.
    pub clause: Range<usize>,
}

/// The most words a speaker phrase may have.
const MAX_PHRASE: usize = 12;
/// The most words read around a quote for its attribution: bounded, so a text with no sentence
/// ends costs no more per quote than an ordinary one.
const MAX_CLAUSE: usize = 40;

/// One attribution per quotation number, for the pieces in `pieces` (text order).
pub fn attribute(
    doc: &Doc,
    entities: &mut Entities,
    pieces: &[&Piece],
) -> Vec<Option<Attribution>> {
    let mut out: Vec<Option<Attribution>> = vec![None; pieces.len()];
    // The last piece with an attribution, which an unattributed quotation may continue.
    let mut last: Option<usize> = None;
    let mut i = 0;
    while i < pieces.len() {
        let q = pieces[i].quotation;
        let end = i + pieces[i..].iter().take_while(|p| p.quotation == q).count();
        let found = (i..end).find_map(|k| {
            let next = pieces
                .get(k + 1)
                .filter(|n| n.paragraph == pieces[k].paragraph);
            let prev = k.checked_sub(1).map(|j| pieces[j]);
            direct(doc, entities, pieces[k], next, prev)
        });
        let found = found.or_else(|| {
            let k = last?;
            continuation(doc, entities, pieces[k], out[k].as_ref()?, pieces[i])
        });
        if found.is_some() {
            last = Some(end - 1);
        }
        for slot in &mut out[i..end] {
            *slot = found.clone();
        }
        i = end;
    }
    out
}

fn direct(
    doc: &Doc,
    entities: &mut Entities,
    piece: &Piece,
    next: Option<&&Piece>,
    prev: Option<&Piece>,
) -> Option<Attribution> {
    let limit = next.map_or(usize::MAX, |n| n.open.start);
    let after = piece
        .close
        .as_ref()
        .and_then(|close| after_quote(doc, close.end, doc.sentence_of(close.start), limit))
        .map(|found| (found, Pass::After));
    let from = prev
        .and_then(|p| p.close.as_ref())
        .filter(|c| doc.sentence_of(c.start) == doc.sentence_of(piece.open.start))
        .map_or(0, |c| c.end);
    let before = || before_quote(doc, piece.open.start, from).map(|found| (found, Pass::Before));
    let ((phrase, clause), pass) = after.or_else(before)?;
    let at = piece.open.start;
    let (speaker, guess) = match coref::resolve(doc, entities, phrase.clone(), at) {
        Speaker::Named(e) => (e, None),
        Speaker::Guessed(e, why) => (e, Some(why)),
        Speaker::Described => {
            let e = entities.add_unnamed(doc, EntityKind::Person, doc.span_of(phrase.clone()));
            (e, None)
        }
        Speaker::Unknown => return None,
    };
    let (sourcing, via) = sourcing(doc, entities, &phrase, &clause);
    Some(Attribution {
        speaker,
        pass,
        guess,
        sourcing,
        via,
        clause: doc.span_of(clause),
    })
}

fn is_verb(doc: &Doc, i: usize) -> bool {
    has(lexicon::REPORTING_VERBS, &doc.word(i).to_lowercase())
}

/// Words of `sentence` from byte `from`, up to byte `limit`: (speaker phrase, whole clause).
fn after_quote(
    doc: &Doc,
    from: usize,
    sentence: usize,
    limit: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    let first = doc.word_from(from);
    let end = (first..doc.words.len())
        .take(MAX_CLAUSE)
        .take_while(|&i| doc.words[i].sentence == sentence && doc.words[i].range.start < limit)
        .last()?
        + 1;
    let clause = first..end;
    let dash = doc.gap_before(first).contains(['—', '–', '-']);
    if dash && crate::doc::capitalized(doc.word(first)) {
        let name_end = (first..end)
            .take_while(|&i| {
                crate::doc::capitalized(doc.word(i)) && (i == first || doc.gap_before(i) == " ")
            })
            .count();
        return Some((first..first + name_end, clause));
    }
    if doc.word(first) == "according" && doc.word(first + 1) == "to" {
        return Some((phrase_after(doc, first + 1, end), clause));
    }
    let verb = (first..end.min(first + MAX_PHRASE)).find(|&i| is_verb(doc, i))?;
    if verb == first {
        let phrase = phrase_after(doc, verb, end);
        return (!phrase.is_empty()).then_some((phrase, clause));
    }
    // "X, a role, said": the speaker is the words before the first comma.
    let cut = (first + 1..verb)
        .find(|&i| doc.gap_before(i).contains(','))
        .unwrap_or(verb);
    Some((first..cut, clause))
}

/// The noun phrase after word `verb`, up to a preposition, a comma or a date.
fn phrase_after(doc: &Doc, verb: usize, end: usize) -> Range<usize> {
    let start = verb + 1;
    let mut stop = start;
    while stop < end && stop - start < MAX_PHRASE {
        let word = doc.word(stop);
        let gap = doc.gap_before(stop);
        let broken = stop > start && gap.chars().any(|c| !c.is_whitespace());
        let date = lexicon::WEEKDAYS.contains(&word) || lexicon::MONTHS.iter().any(|m| m.0 == word);
        if broken || has(lexicon::PHRASE_ENDS, word) || date {
            break;
        }
        stop += 1;
    }
    start..stop
}

/// The subject of the last reporting verb before byte `open`, in its sentence and after byte
/// `from`: (speaker phrase, whole clause).
fn before_quote(doc: &Doc, open: usize, from: usize) -> Option<(Range<usize>, Range<usize>)> {
    let end = doc.word_from(open);
    let sentence = doc.sentence_of(open);
    let start = (0..end)
        .rev()
        .take(MAX_CLAUSE)
        .take_while(|&i| doc.words[i].sentence == sentence && doc.words[i].range.start >= from)
        .last()?;
    let clause = start..end;
    if doc.word(start).eq_ignore_ascii_case("according") && doc.word(start + 1) == "to" {
        let phrase = (start + 2..end)
            .take_while(|&i| i == start + 2 || !doc.gap_before(i).contains(','))
            .count();
        return Some((start + 2..start + 2 + phrase, clause));
    }
    let verb = (end.saturating_sub(15).max(start)..end)
        .rev()
        .find(|&i| is_verb(doc, i))?;
    let mut subject = verb;
    while subject > start
        && verb - subject < MAX_PHRASE
        && !doc
            .gap_before(subject)
            .contains([',', ';', ':', '(', '"', '“', '”'])
    {
        subject -= 1;
    }
    while subject < verb && matches!(doc.word(subject), "and" | "but" | "then" | "And" | "But") {
        subject += 1;
    }
    (subject < verb).then_some((subject..verb, clause))
}

/// A quotation with no attribution of its own continues the last attributed one: earlier in its
/// paragraph, or in the paragraph before when it opens its own paragraph.
fn continuation(
    doc: &Doc,
    entities: &Entities,
    earlier: &Piece,
    last: &Attribution,
    piece: &Piece,
) -> Option<Attribution> {
    let same = earlier.paragraph == piece.paragraph;
    let opens = doc.text[doc.paragraphs[piece.paragraph].start..piece.open.start]
        .trim()
        .is_empty();
    if !(same || (opens && earlier.paragraph + 1 == piece.paragraph)) {
        return None;
    }
    let name = &entities.list[last.speaker].name;
    let where_ = if same {
        "earlier in the paragraph"
    } else {
        "in the paragraph before"
    };
    Some(Attribution {
        pass: Pass::Continuation,
        guess: Some(format!(
            "No attribution of its own: it follows words attributed to {name} {where_}."
        )),
        clause: 0..0,
        ..last.clone()
    })
}

/// Anonymous, an official statement, or words an outlet carried; on the record otherwise.
fn sourcing(
    doc: &Doc,
    entities: &Entities,
    phrase: &Range<usize>,
    clause: &Range<usize>,
) -> (Sourcing, Option<usize>) {
    let lower = |i: usize| doc.word(i).to_lowercase();
    let words = phrase.start.min(clause.start)..phrase.end.max(clause.end);
    let via = entities
        .within(&doc.span_of(words.clone()))
        .iter()
        .filter(|m| {
            entities.list[m.entity].outlet && m.range.start >= doc.span_of(phrase.clone()).end
        })
        .find(|m| {
            let at = doc.word_from(m.range.start);
            (at.saturating_sub(5)..at)
                .any(|i| matches!(lower(i).as_str(), "told" | "to" | "in" | "on" | "according"))
        })
        .map(|m| m.entity);
    let any = |list: &[&str]| words.clone().any(|i| has(list, &lower(i)));
    let sourcing = if any(lexicon::ANONYMOUS_WORDS) {
        Sourcing::Anonymous
    } else if any(lexicon::STATEMENT_WORDS) {
        Sourcing::OfficialStatement
    } else if via.is_some() {
        Sourcing::ReportedByOutlet
    } else {
        Sourcing::OnRecord
    };
    (sourcing, via)
}
