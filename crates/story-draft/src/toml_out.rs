//! Writes a draft as TOML an editor reads and edits: the story format's own fields in its own
//! order, items grouped by kind under headings, each preceded by a comment saying which pass made
//! it and, for a guess, why. Written by hand, not through a serializer, so the output is the same
//! bytes for the same input and reads like the hand-made seed story.

use crate::Draft;
use std::collections::HashMap;
use std::fmt::Write;
use story_core::story::{Entity, EntityKind, Event, Quote, Relationship, Sourcing, Span, Track};

pub fn write(draft: &Draft) -> String {
    let notes: HashMap<&str, &str> = draft
        .notes
        .iter()
        .map(|(id, n)| (id.as_str(), n.as_str()))
        .collect();
    let note = |id: &str| notes.get(id).copied();
    let mut out = String::new();
    header(&mut out, draft);
    meta(&mut out, draft);
    for (kind, heading) in [
        (EntityKind::Person, "People"),
        (EntityKind::Organization, "Organizations"),
        (EntityKind::Group, "Groups"),
        (EntityKind::Place, "Places"),
    ] {
        let of_kind: Vec<&Entity> = draft
            .file
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .collect();
        if !of_kind.is_empty() {
            section(&mut out, heading);
            of_kind.into_iter().for_each(|e| entity(&mut out, e));
        }
    }
    if !draft.file.quotes.is_empty() {
        section(
            &mut out,
            "Quotes: the words inside the quotation marks, as printed.",
        );
        for q in &draft.file.quotes {
            quote(&mut out, q, note(&q.id));
        }
    }
    if !draft.file.events.is_empty() {
        section(
            &mut out,
            "Events: `when` is found inside `source`; `date` is how the draft read it.",
        );
        for e in &draft.file.events {
            event(&mut out, e, note(&e.id));
        }
    }
    if !draft.file.relationships.is_empty() {
        section(&mut out, "Relationships: read as \"from <label> to\".");
        draft
            .file
            .relationships
            .iter()
            .for_each(|r| relationship(&mut out, r));
    }
    out
}

fn header(out: &mut String, draft: &Draft) {
    comment(
        out,
        "DRAFT made by story-draft from article.txt: not yet checked by an editor.",
    );
    comment(
        out,
        "Format: docs/story-format.md. Before publishing, work through the checklist in",
    );
    comment(out, "docs/drafting.md, then remove `draft = true`.");
    if !draft.left_out.is_empty() {
        comment(out, "");
        comment(out, "Found but left out (add them by hand if they belong):");
        for item in &draft.left_out {
            comment(out, &format!("- {item}"));
        }
    }
    out.push('\n');
}

fn section(out: &mut String, heading: &str) {
    out.push_str("\n# ---------------------------------------------------------------------------------------------\n");
    comment(out, heading);
}

fn meta(out: &mut String, draft: &Draft) {
    let m = &draft.file.meta;
    out.push_str("[meta]\n");
    field(out, "id", &m.id);
    span(out, "headline", &m.headline);
    span(out, "summary", &m.summary);
    field(out, "published", &m.published.iso());
    if let Some(note) = &m.published_note {
        field(out, "published_note", note);
    }
    if let Some(publisher) = &m.publisher {
        field(out, "publisher", publisher);
    }
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
    out.push_str("\n[[entities]]\n");
    field(out, "id", &e.id);
    let kind = match e.kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Group => "group",
        EntityKind::Place => "place",
    };
    field(out, "kind", kind);
    field(out, "name", &e.name);
    list(out, "aliases", &e.aliases);
    optional(out, "role", &e.role);
    optional(out, "side", &e.side);
    optional(out, "note", &e.note);
    span(out, "source", &e.source);
    optional(out, "inferred", &e.inferred);
}

fn quote(out: &mut String, q: &Quote, note: Option<&str>) {
    out.push('\n');
    if let Some(note) = note {
        comment(out, note);
    }
    out.push_str("[[quotes]]\n");
    field(out, "id", &q.id);
    field(out, "speaker", &q.speaker);
    span(out, "text", &q.text);
    let sourcing = match q.sourcing {
        Sourcing::OnRecord => "on-record",
        Sourcing::Anonymous => "anonymous",
        Sourcing::OfficialStatement => "official-statement",
        Sourcing::ReportedByOutlet => "reported-by-outlet",
    };
    field(out, "sourcing", sourcing);
    optional(out, "via", &q.via);
    optional(out, "event", &q.event);
    optional(out, "inferred", &q.inferred);
}

fn event(out: &mut String, e: &Event, note: Option<&str>) {
    out.push('\n');
    if let Some(note) = note {
        comment(out, note);
    }
    comment(out, "title: a first draft; say it in your own words.");
    out.push_str("[[events]]\n");
    field(out, "id", &e.id);
    field(out, "title", &e.title);
    let track = match e.track {
        Track::Happened => "happened",
        Track::Reported => "reported",
    };
    field(out, "track", track);
    list(out, "participants", &e.participants);
    span(out, "source", &e.source);
    field(out, "when", &e.when);
    if let Some(date) = e.date {
        field(out, "date", &date.iso());
    }
    optional(out, "inferred", &e.inferred);
}

fn relationship(out: &mut String, r: &Relationship) {
    out.push_str("\n[[relationships]]\n");
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
