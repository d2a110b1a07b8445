//! One card: kind, name or words, role or speaker, date, and the sentence it comes from.

use super::date::DateView;
use super::StoryRef;
use crate::cards::{Card, CardKind};
use crate::text::split_around;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardViewProps {
    pub story: StoryRef,
    pub card: Card,
    pub selected: bool,
    pub on_select: Callback<String>,
}

#[component]
pub fn CardView(props: &CardViewProps) -> Html {
    let card = &props.card;
    let slug = card.kind.slug();
    let onclick = {
        let (id, on_select) = (card.id.clone(), props.on_select.clone());
        Callback::from(move |_| on_select.emit(id.clone()))
    };
    let title = if card.kind == CardKind::Quote {
        format!("“{}”", card.title)
    } else {
        card.title.clone()
    };
    html! {
        <article class={classes!("card", format!("card--{slug}"), props.selected.then_some("card--selected"))}
            data-kind={slug} data-id={card.id.clone()}>
            <p class="card__kind">{ card.kind.label() }</p>
            <h3 class="card__title">
                <button type="button" id={format!("open-{}", card.id)} class="card__open" {onclick}
                    aria-controls={props.selected.then_some("detail")}>
                    { title }
                </button>
            </h3>
            if let Some(subtitle) = &card.subtitle {
                <p class="card__subtitle">{ subtitle.clone() }</p>
            }
            if let Some(dated) = &card.date {
                <p class="card__date"><DateView dated={dated.clone()} /></p>
            }
            <SourceSentence story={props.story.clone()} at={card.at.clone()} />
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct SourceSentenceProps {
    pub story: StoryRef,
    pub at: crate::story::Located,
}

/// The article's sentence with the item's own words marked.
#[component]
pub fn SourceSentence(props: &SourceSentenceProps) -> Html {
    let [before, words, after] = split_around(&props.at.sentence, &props.at.span);
    let story = &props.story;
    html! {
        <p class="source">
            <span class="visually-hidden">{ "From the article: " }</span>
            { story.words(&before) }<mark>{ story.words(&words) }</mark>{ story.words(&after) }
        </p>
    }
}
