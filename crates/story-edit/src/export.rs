//! The files the build reads: `story.toml` written from the story as it is now, and the
//! article unchanged. Written by hand in the format's own field order (docs/story-format.md),
//! items in the session's order, so the same story is always the same bytes and opening an
//! export and exporting again changes nothing. Strings are escaped by story-draft's writer, so
//! a draft and an edited story quote the article the same way.

use crate::session::Session;
use std::fmt::Write;
use story_core::story::{
    Claim, Entity, Event, Meta, Quote, Relationship, Response, Span, StoryFile,
};
use story_draft::toml_out::string;

/// `(story.toml, article.txt)` for the session's story.
pub fn export(session: &Session) -> (String, String) {
    (write_toml(session.file()), session.article().to_owned())
}

pub fn write_toml(file: &StoryFile) -> String {
    let mut out = String::new();
    out.push_str("# The structured layer over article.txt. Format: docs/story-format.md.\n");
    out.push_str("# Written by the story editor; every span quotes the article verbatim.\n\n");
    meta(&mut out, &file.meta);
    if !file.sides.is_empty() {
        section(&mut out, "Sides: the camps the story's actors belong to.");
        for s in &file.sides {
            out.push_str("\n[[sides]]\n");
            field(&mut out, "id", &s.id);
            field(&mut out, "name", &s.name);
        }
    }
    if !file.entities.is_empty() {
        section(&mut out, "People, organizations, groups and places");
        file.entities.iter().for_each(|e| entity(&mut out, e));
    }
    if !file.quotes.is_empty() {
        section(&mut out, "Quotes");
        file.quotes.iter().for_each(|q| quote(&mut out, q));
    }
    if !file.events.is_empty() {
        section(&mut out, "Events");
        file.events.iter().for_each(|e| event(&mut out, e));
    }
    if !file.relationships.is_empty() {
        section(&mut out, "Relationships: read as \"from <label> to\".");
        file.relationships
            .iter()
            .for_each(|r| relationship(&mut out, r));
    }
    if !file.claims.is_empty() {
        section(&mut out, "Claims and the responses to them");
        file.claims.iter().for_each(|c| claim(&mut out, c));
    }
    out
}

fn section(out: &mut String, heading: &str) {
    out.push_str("\n# ---------------------------------------------------------------------------------------------\n");
    let _ = writeln!(out, "# {heading}");
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
    out.push_str("\n[[entities]]\n");
    field(out, "id", &e.id);
    word(out, "kind", &e.kind);
    field(out, "name", &e.name);
    list(out, "aliases", &e.aliases);
    optional(out, "role", &e.role);
    optional(out, "side", &e.side);
    optional(out, "note", &e.note);
    span(out, "source", &e.source);
    optional(out, "inferred", &e.inferred);
}

fn quote(out: &mut String, q: &Quote) {
    out.push_str("\n[[quotes]]\n");
    field(out, "id", &q.id);
    field(out, "speaker", &q.speaker);
    span(out, "text", &q.text);
    word(out, "sourcing", &q.sourcing);
    optional(out, "via", &q.via);
    optional(out, "event", &q.event);
    optional(out, "inferred", &q.inferred);
}

fn event(out: &mut String, e: &Event) {
    out.push_str("\n[[events]]\n");
    field(out, "id", &e.id);
    field(out, "title", &e.title);
    word(out, "track", &e.track);
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

fn claim(out: &mut String, c: &Claim) {
    out.push_str("\n[[claims]]\n");
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
    word(out, "stance", &r.stance);
    field(out, "summary", &r.summary);
    span(out, "source", &r.source);
    if !r.quotes.is_empty() {
        list(out, "quotes", &r.quotes);
    }
    optional(out, "event", &r.event);
    optional(out, "inferred", &r.inferred);
}

fn field(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {}", string(value));
}

fn optional(out: &mut String, key: &str, value: &Option<String>) {
    if let Some(value) = value {
        field(out, key, value);
    }
}

/// A word of one of the format's lists, by the name serde gives it, so the file and the model
/// can never disagree on spelling.
fn word<T: serde::Serialize>(out: &mut String, key: &str, value: &T) {
    let name = match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    };
    field(out, key, &name);
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
