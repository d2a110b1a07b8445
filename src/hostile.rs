//! A valid story with hostile content in every free-text field — markup, `javascript:` URLs, SVG
//! with handlers, attribute breakouts, right-to-left scripts, a bidi override, emoji sequences,
//! control characters — and 100 KB strings in a quote, a name, a role and a note, for the
//! robustness test: it must render inert and readable (`?synthetic=hostile`).
//!
//! It is a synthetic story with some of its words swapped for payloads, consistently in the
//! structured layer and the article, so every span is still found verbatim and exactly once.

use crate::story::{Entity, EntityKind, Located, Photo, Quote, Sourcing, Span, StoryFile};
use crate::synthetic;

/// Words of the synthetic vocabulary and what replaces them.
pub const PAYLOADS: [(&str, &str); 10] = [
    ("Anna", "<script>alert(\"Anna\")</script>"),
    ("Boris", "javascript:alert(1)//Boris"),
    (
        "Carla",
        "<svg onload=alert(1)><a href=\"javascript:alert(2)\">Carla</a></svg>",
    ),
    ("David", "\"><img src=x onerror=alert(1)> David"),
    ("Elena", "إيلينا بوتروفا"),
    ("Farid", "פריד כהן"),
    ("Grace", "\u{202E}Grace\u{202C}"),
    ("Hiro", "👩🏽‍💻 Hiro\u{1}\u{FFFF} 🇺🇦🏳️‍🌈"),
    ("contract", "{{contract}} ${contract} %s %n"),
    (
        "Synthetic story",
        "<h1 style=\"font-size:900px\">Synthetic story</h1> 🧨",
    ),
];

/// Length of the unbroken strings that test wrapping and speed.
pub const LONG: usize = 100_000;

/// The hostile story and its article.
pub fn story() -> (StoryFile, String) {
    let (mut file, article) = synthetic::story(40, 11);
    let mut article = poison(&article);
    visit_text(&mut file, &mut |s| *s = poison(s));

    // One unbroken 100 KB word as a quote, and 100 KB in fields that need no span.
    let long_word = "W".repeat(LONG);
    let speaker = file.entities[0].id.clone();
    article.push_str(&format!("“{long_word},” said the long speaker.\n"));
    file.quotes.push(Quote {
        id: "long-quote".into(),
        speaker,
        text: Span::Text(long_word),
        sourcing: Sourcing::OnRecord,
        via: None,
        event: None,
        at: Located::default(),
    });
    let source = "The long entity is named here.".to_owned();
    article.push_str(&format!("{source}\n"));
    file.entities.push(Entity {
        id: "long-entity".into(),
        kind: EntityKind::Organization,
        name: format!("Long {}", "Ω".repeat(LONG / 2)),
        aliases: vec!["long entity".into()],
        role: Some("named ".repeat(LONG / 6).trim_end().to_owned()),
        side: None,
        note: Some("x".repeat(LONG)),
        source: Span::Text(source),
        at: Located::default(),
    });

    let caption = "<img src=x onerror=alert(1)> at the scene".to_owned();
    let credit = "javascript:alert(document.domain)".to_owned();
    article.push_str(&format!("Photo {caption} by {credit}\n"));
    file.meta.photo = Some(Photo {
        caption: Span::Text(caption),
        credit: Span::Text(credit),
        caption_at: Located::default(),
    });
    file.meta.publisher = Some("<b onmouseover=alert(1)>The Publisher</b>".to_owned());
    (file, article)
}

fn poison(text: &str) -> String {
    PAYLOADS.iter().fold(text.to_owned(), |t, (word, payload)| {
        t.replace(word, payload)
    })
}

fn span_text(span: &mut Span, f: &mut impl FnMut(&mut String)) {
    match span {
        Span::Text(text) => f(text),
        Span::Within { text, within } => {
            f(text);
            f(within);
        }
    }
}

/// Applies `f` to every free-text field a reader may see (ids and references excluded).
fn visit_text(file: &mut StoryFile, f: &mut impl FnMut(&mut String)) {
    let meta = &mut file.meta;
    span_text(&mut meta.headline, f);
    span_text(&mut meta.summary, f);
    meta.publisher.as_mut().map(&mut *f);
    meta.published_note.as_mut().map(&mut *f);
    file.sides.iter_mut().for_each(|s| f(&mut s.name));
    for e in &mut file.entities {
        f(&mut e.name);
        e.aliases.iter_mut().for_each(&mut *f);
        e.role.as_mut().map(&mut *f);
        e.note.as_mut().map(&mut *f);
        span_text(&mut e.source, f);
    }
    file.quotes
        .iter_mut()
        .for_each(|q| span_text(&mut q.text, f));
    for e in &mut file.events {
        f(&mut e.title);
        f(&mut e.when);
        span_text(&mut e.source, f);
    }
    for r in &mut file.relationships {
        f(&mut r.label);
        span_text(&mut r.source, f);
    }
    for c in &mut file.claims {
        f(&mut c.text);
        span_text(&mut c.source, f);
        for e in &mut c.evidence {
            f(&mut e.note);
            span_text(&mut e.source, f);
        }
        for r in &mut c.responses {
            f(&mut r.summary);
            r.quotes.iter_mut().for_each(&mut *f);
            span_text(&mut r.source, f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::validate;

    #[test]
    fn the_hostile_story_is_valid_and_carries_every_payload() {
        let (file, article) = story();
        for (_, payload) in PAYLOADS {
            assert!(article.contains(payload), "{payload} is missing");
        }
        let story = validate(file, &article).unwrap_or_else(|problems| {
            panic!(
                "{}",
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        let names: String = story.entities().iter().map(|e| e.name.as_str()).collect();
        for payload in [
            "<script>",
            "javascript:",
            "<svg onload",
            "إيلينا",
            "\u{202E}",
            "👩🏽‍💻",
        ] {
            assert!(names.contains(payload), "no entity name carries {payload}");
        }
        assert!(story
            .quotes()
            .iter()
            .any(|q| story.words(&q.at.span).len() == LONG));
    }
}
