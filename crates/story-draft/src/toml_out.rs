//! Writes a story file as TOML an editor reads and edits: the story format's own fields in its
//! own order, items grouped by kind under headings, each item after any comment its writer gives
//! it (for a draft: which pass made it and, for a guess, why). Written by hand, not through a
//! serializer, so the output is the same bytes for the same input and reads like the hand-made
//! seed story. The one writer of the format: drafts here, and the editor's export (story-edit).

use crate::Draft;
use std::collections::HashMap;
use std::fmt::Write;
use story_core::story::words::{kind_word, sourcing_word, stance_word, track_word};
use story_core::story::{
    Claim, Entity, EntityKind, Event, Meta, Quote, Relationship, Response, Span, StoryFile,
};

/// The draft's story.toml: its header says it is a draft and what was left out; each quote and
/// event says how it was found.
pub fn write(draft: &Draft) -> String {
    let notes: HashMap<&str, &str> = draft
        .notes
        .iter()
        .map(|(id, n)| (id.as_str(), n.as_str()))
        .collect();
    let comments = |table: &str, id: &str| -> Vec<String> {
        let note = notes.get(id).map(|n| n.to_string());
        match table {
            "quotes" => note.into_iter().collect(),
            "events" => note
                .into_iter()
                .chain([
                    "title: a first draft; say it in your own words.".to_owned(),
                    "date: how the draft read `when`; check it against the article.".to_owned(),
                ])
                .collect(),
            _ => Vec::new(),
        }
    };
    write_file(&draft.file, &header(draft), &comments)
}

/// `file` as TOML: `header` as comment lines on top, and before each item the comment lines
/// `comments(table, id)` gives (`table` is the file's: "entities", "quotes", "events"…).
pub fn write_file(
    file: &StoryFile,
    header: &[String],
    comments: &dyn Fn(&str, &str) -> Vec<String>,
) -> String {
    let mut out = String::new();
    header.iter().for_each(|line| comment(&mut out, line));
    out.push('\n');
    meta(&mut out, &file.meta);
    if !file.sides.is_empty() {
        section(&mut out, "Sides: the camps the story's actors belong to.");
        for s in &file.sides {
            item(&mut out, "sides", &s.id, comments);
            out.push_str("[[sides]]\n");
            field(&mut out, "id", &s.id);
            field(&mut out, "name", &s.name);
        }
    }
    entities(&mut out, &file.entities, comments);
    if !file.quotes.is_empty() {
        section(
            &mut out,
            "Quotes: the words inside the quotation marks, as printed.",
        );
        for q in &file.quotes {
            item(&mut out, "quotes", &q.id, comments);
            quote(&mut out, q);
        }
    }
    if !file.events.is_empty() {
        section(
            &mut out,
            "Events: `when` is found inside `source`; `date` is the day it means.",
        );
        for e in &file.events {
            item(&mut out, "events", &e.id, comments);
            event(&mut out, e);
        }
    }
    if !file.relationships.is_empty() {
        section(&mut out, "Relationships: read as \"from <label> to\".");
        for r in &file.relationships {
            item(&mut out, "relationships", &r.id, comments);
            relationship(&mut out, r);
        }
    }
    if !file.claims.is_empty() {
        section(&mut out, "Claims and the responses to them");
        for c in &file.claims {
            item(&mut out, "claims", &c.id, comments);
            claim(&mut out, c);
        }
    }
    out
}

/// The kinds in the order a file groups them, with their headings.
const KINDS: [(EntityKind, &str); 4] = [
    (EntityKind::Person, "People"),
    (EntityKind::Organization, "Organizations"),
    (EntityKind::Group, "Groups"),
    (EntityKind::Place, "Places"),
];

/// Where entities of `kind` come in a file grouped by kind.
pub(crate) fn kind_rank(kind: EntityKind) -> usize {
    KINDS
        .iter()
        .position(|(k, _)| *k == kind)
        .unwrap_or(KINDS.len())
}

/// Entities under one heading per kind when they come grouped in that order (a draft's do),
/// else under one heading in their own order, which the file keeps.
fn entities(out: &mut String, list: &[Entity], comments: &dyn Fn(&str, &str) -> Vec<String>) {
    let grouped = list
        .windows(2)
        .all(|w| kind_rank(w[0].kind) <= kind_rank(w[1].kind));
    let mut heading = None;
    for e in list {
        let now = if grouped {
            KINDS
                .iter()
                .find(|(k, _)| *k == e.kind)
                .map_or("People, organizations, groups and places", |(_, h)| h)
        } else {
            "People, organizations, groups and places"
        };
        if heading != Some(now) {
            section(out, now);
            heading = Some(now);
        }
        item(out, "entities", &e.id, comments);
        entity(out, e);
    }
}

/// The blank line and comments before an item's table header.
fn item(out: &mut String, table: &str, id: &str, comments: &dyn Fn(&str, &str) -> Vec<String>) {
    out.push('\n');
    comments(table, id).iter().for_each(|c| comment(out, c));
}

fn header(draft: &Draft) -> Vec<String> {
    let mut lines = vec![
        "DRAFT made by story-draft from article.txt: not yet checked by an editor.".to_owned(),
        "Format: docs/story-format.md. Before publishing, work through the checklist in".to_owned(),
        "docs/drafting.md, then remove `draft = true`.".to_owned(),
    ];
    if !draft.left_out.is_empty() {
        lines.push(String::new());
        lines.push("Found but left out (add them by hand if they belong):".to_owned());
        lines.extend(draft.left_out.iter().map(|item| format!("- {item}")));
    }
    lines
}

fn section(out: &mut String, heading: &str) {
    out.push_str("\n# ---------------------------------------------------------------------------------------------\n");
    comment(out, heading);
}

fn meta(out: &mut String, m: &Meta) {
    out.push_str("[meta]\n");
    field(out, "id", &m.id);
    span(out, "headline", &m.headline);
    span(out, "summary", &m.summary);
    field(out, "published", &m.published.iso());
    optional(out, "published_note", &m.published_note);
    optional(out, "publisher", &m.publisher);
    if m.draft {
        out.push_str("draft = true\n");
    }
    if let Some(photo) = &m.photo {
        out.push_str("\n[meta.photo]\n");
        span(out, "caption", &photo.caption);
        span(out, "credit", &photo.credit);
    }
}

fn entity(out: &mut String, e: &Entity) {
    out.push_str("[[entities]]\n");
    field(out, "id", &e.id);
    field(out, "kind", kind_word(e.kind));
    field(out, "name", &e.name);
    list(out, "aliases", &e.aliases);
    optional(out, "role", &e.role);
    optional(out, "side", &e.side);
    optional(out, "note", &e.note);
    span(out, "source", &e.source);
    optional(out, "inferred", &e.inferred);
}

fn quote(out: &mut String, q: &Quote) {
    out.push_str("[[quotes]]\n");
    field(out, "id", &q.id);
    field(out, "speaker", &q.speaker);
    span(out, "text", &q.text);
    field(out, "sourcing", sourcing_word(q.sourcing));
    optional(out, "via", &q.via);
    optional(out, "event", &q.event);
    optional(out, "inferred", &q.inferred);
}

fn event(out: &mut String, e: &Event) {
    out.push_str("[[events]]\n");
    field(out, "id", &e.id);
    field(out, "title", &e.title);
    field(out, "track", track_word(e.track));
    list(out, "participants", &e.participants);
    span(out, "source", &e.source);
    field(out, "when", &e.when);
    if let Some(date) = e.date {
        field(out, "date", &date.iso());
    }
    optional(out, "inferred", &e.inferred);
}

fn relationship(out: &mut String, r: &Relationship) {
    out.push_str("[[relationships]]\n");
    field(out, "id", &r.id);
    field(out, "from", &r.from);
    field(out, "to", &r.to);
    field(out, "label", &r.label);
    span(out, "source", &r.source);
    if !r.events.is_empty() {
        list(out, "events", &r.events);
    }
    optional(out, "inferred", &r.inferred);
}

fn claim(out: &mut String, c: &Claim) {
    out.push_str("[[claims]]\n");
    field(out, "id", &c.id);
    field(out, "text", &c.text);
    field(out, "claimant", &c.claimant);
    span(out, "source", &c.source);
    optional(out, "event", &c.event);
    optional(out, "inferred", &c.inferred);
    for e in &c.evidence {
        out.push_str("\n[[claims.evidence]]\n");
        field(out, "note", &e.note);
        if e.missing {
            out.push_str("missing = true\n");
        }
        span(out, "source", &e.source);
    }
    c.responses.iter().for_each(|r| response(out, r));
}

fn response(out: &mut String, r: &Response) {
    out.push_str("\n[[claims.responses]]\n");
    field(out, "id", &r.id);
    field(out, "speaker", &r.speaker);
    field(out, "stance", stance_word(r.stance));
    field(out, "summary", &r.summary);
    span(out, "source", &r.source);
    if !r.quotes.is_empty() {
        list(out, "quotes", &r.quotes);
    }
    optional(out, "event", &r.event);
    optional(out, "inferred", &r.inferred);
}

/// A comment line; characters a comment cannot hold (line breaks, controls) become spaces.
fn comment(out: &mut String, text: &str) {
    out.push('#');
    if !text.is_empty() {
        out.push(' ');
        out.extend(
            text.chars()
                .map(|c| if c.is_control() && c != '\t' { ' ' } else { c }),
        );
    }
    out.push('\n');
}

fn field(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {}", string(value));
}

fn optional(out: &mut String, key: &str, value: &Option<String>) {
    if let Some(value) = value {
        field(out, key, value);
    }
}

fn list(out: &mut String, key: &str, values: &[String]) {
    let items: Vec<String> = values.iter().map(|v| string(v)).collect();
    let _ = writeln!(out, "{key} = [{}]", items.join(", "));
}

fn span(out: &mut String, key: &str, span: &Span) {
    match span {
        Span::Text(text) => field(out, key, text),
        Span::Within { text, within } => {
            let _ = writeln!(
                out,
                "{key} = {{ text = {}, within = {} }}",
                string(text),
                string(within)
            );
        }
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped, everything else as
/// it is, so curly quotes and accents stay readable.
pub fn string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_toml_needs_and_keep_the_rest() {
        assert_eq!(string("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
        assert_eq!(
            string("line\nnext\u{0}\u{7f}"),
            "\"line\\nnext\\u0000\\u007F\""
        );
        assert_eq!(string("Kislyak’s “door”"), "\"Kislyak’s “door”\"");
    }
}
