//! The story's masthead: headline, one-line summary, date and photo caption. Embedded, the
//! stylesheet shows the headline only (keyed on `data-embed`), so both presentations are one DOM.

use super::StoryRef;
use yew::prelude::*;

/// A function rather than a component: it holds no state, and each component adds its own copy
/// of Yew's lifecycle code to the wasm.
pub fn header(story: &StoryRef) -> Html {
    let meta = story.meta();
    let caption = meta.photo.as_ref().map(|p| {
        (
            story.words(&p.caption_at.span).to_owned(),
            p.credit.text().to_owned(),
        )
    });
    html! {
        <header class="masthead">
            <p class="masthead__eyebrow">{ "Story explorer" }</p>
            <h1 class="masthead__headline">{ story.words(&meta.headline_at.span) }</h1>
            <p class="masthead__summary">{ story.words(&meta.summary_at.span) }</p>
            <p class="masthead__dateline">
                { "Published " }
                <time datetime={meta.published.iso()}>{ meta.published.to_string() }</time>
                if meta.published_note.is_some() {
                    { " " }<strong class="inferred__tag">{ "(inferred)" }</strong>
                }
                if let Some(publisher) = &meta.publisher {
                    { format!(" by {publisher}") }
                }
            </p>
            if let Some(note) = &meta.published_note {
                <details class="masthead__note">
                    <summary>{ "How this date was inferred" }</summary>
                    <p>{ note.clone() }</p>
                </details>
            }
            if let Some((caption, credit)) = caption {
                <p class="masthead__caption">{ format!("Photo: {caption} ({credit})") }</p>
            }
        </header>
    }
}
