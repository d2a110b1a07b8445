//! The story's masthead: kicker, headline and dateline, with the share controls on the kicker's
//! row; the summary, how the date was inferred and the photo caption in "About this story", which
//! the stylesheet opens out on wide screens and leaves a disclosure on phones, so the story's
//! content starts in the first screen. Embedded, the stylesheet shows the headline only (keyed on
//! `data-embed`), so every presentation is one DOM, and all of it is in the page without
//! JavaScript.

use super::StoryRef;
use yew::prelude::*;

/// A function rather than a component: it holds no state, and each component adds its own copy
/// of Yew's lifecycle code to the wasm. `share` is drawn on the kicker's row.
pub fn header(story: &StoryRef, share: Html) -> Html {
    let meta = story.meta();
    let caption = meta.photo.as_ref().map(|p| {
        (
            story.words(&p.caption_at.span).to_owned(),
            p.credit.text().to_owned(),
        )
    });
    html! {
        <header class="masthead">
            if meta.draft {
                <p class="draft-banner" role="note"><strong>{ "Draft:" }</strong>{ " not yet checked by an editor. Names, speakers and dates may be wrong." }</p>
            }
            <div class="masthead__top">
                <p class="masthead__eyebrow">{ "Story explorer" }</p>
                { share }
            </div>
            <h1 class="masthead__headline">{ story.words(&meta.headline_at.span) }</h1>
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
            <details class="masthead__more">
                <summary>{ "About this story" }</summary>
                <p class="masthead__summary">{ story.words(&meta.summary_at.span) }</p>
                if let Some(note) = &meta.published_note {
                    <details class="masthead__note">
                        <summary>{ "How this date was inferred" }</summary>
                        <p>{ note.clone() }</p>
                    </details>
                }
                if let Some((caption, credit)) = caption {
                    <p class="masthead__caption">{ format!("Photo: {caption} ({credit})") }</p>
                }
            </details>
        </header>
    }
}
