//! The document's title: what the reader has open, the view, the story — so a tab, a bookmark and
//! the browser's history say where the reader was. The build writes it into every page it renders
//! and the engine keeps it in step, from this one function.

use crate::views::related::sentence_of;
use crate::views::view_state::{View, ViewState};
use story_core::story::{ItemRef, Story};

/// How many characters of an item's words a title keeps.
const ITEM_CHARS: usize = 60;

/// "Dmitry Peskov · Relationships · Jeff Sessions: story explorer": the open item, the view
/// (the cards are the default and go unsaid), the story.
pub fn document_title(story: &Story, state: &ViewState) -> String {
    let item = state
        .selected
        .as_deref()
        .and_then(|id| item_label(story, id));
    let view = (state.view != View::Cards).then(|| state.view.label().to_owned());
    let story_part = format!(
        "{}: story explorer",
        story.words(&story.meta().headline_at.span)
    );
    [item, view, Some(story_part)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// An item in a few words: a name, an event's title, a quote's opening words, a claim, a
/// relationship's sentence.
pub fn item_label(story: &Story, id: &str) -> Option<String> {
    Some(match story.find(id)? {
        ItemRef::Entity(i) => shorten(&story.entities()[i].name),
        ItemRef::Quote(i) => format!("“{}”", shorten(story.words(&story.quotes()[i].at.span))),
        ItemRef::Event(i) => shorten(&story.events()[i].title),
        ItemRef::Relationship(i) => shorten(&sentence_of(story, &story.relationships()[i])),
        ItemRef::Claim(i) => shorten(&story.claims()[i].text),
        _ => return None,
    })
}

/// `text` cut at a word end to at most `ITEM_CHARS` characters, with an ellipsis when cut.
fn shorten(text: &str) -> String {
    if text.chars().count() <= ITEM_CHARS {
        return text.to_owned();
    }
    let end = text
        .char_indices()
        .nth(ITEM_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let cut = text[..end]
        .rfind(' ')
        .filter(|&at| at > end / 2)
        .unwrap_or(end);
    format!("{}…", text[..cut].trim_end_matches([' ', ',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    fn state(view: View, selected: Option<&str>) -> ViewState {
        ViewState {
            view,
            selected: selected.map(str::to_owned),
            ..Default::default()
        }
    }

    #[test]
    fn the_title_names_the_item_then_the_view_then_the_story() {
        let story = bundled::load().unwrap();
        let base = format!(
            "{}: story explorer",
            story.words(&story.meta().headline_at.span)
        );
        assert_eq!(document_title(&story, &state(View::Cards, None)), base);
        assert_eq!(
            document_title(&story, &state(View::Graph, None)),
            format!("Relationships · {base}")
        );
        let peskov = story
            .entities()
            .iter()
            .find(|e| e.name == "Dmitry Peskov")
            .unwrap();
        assert_eq!(
            document_title(&story, &state(View::Timeline, Some(&peskov.id))),
            format!("Dmitry Peskov · Timeline · {base}")
        );
        assert_eq!(
            document_title(&story, &state(View::Cards, Some("no-such-item"))),
            base
        );
    }

    #[test]
    fn long_words_are_cut_at_a_word_end_with_an_ellipsis() {
        let story = bundled::load().unwrap();
        for q in story.quotes() {
            let label = item_label(&story, &q.id).unwrap();
            assert!(label.chars().count() <= ITEM_CHARS + 3, "{label}");
            let words = story.words(&q.at.span);
            if words.chars().count() > ITEM_CHARS {
                assert!(label.ends_with("…”"), "{label}");
                let kept = label.trim_start_matches('“').trim_end_matches("…”");
                assert!(words.starts_with(kept), "{label}");
                assert!(
                    words[kept.len()..].starts_with([' ', ',', ';', ':']),
                    "cut at a word end: {label}"
                );
            }
        }
    }
}
