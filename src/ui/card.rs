//! One card: kind, name or words, role or speaker, date, and the sentence it comes from.

use super::date::DateView;
use super::highlight::Highlighted;
use super::StoryRef;
use crate::cards::{Card, CardKind};
use crate::text::split_around;
use crate::view_state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardViewProps {
    pub story: StoryRef,
    pub card: Card,
    pub selected: bool,
    /// Search terms to mark in the card's text.
    #[prop_or_default]
    pub terms: Rc<Vec<String>>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn CardView(props: &CardViewProps) -> Html {
    let card = &props.card;
    let slug = card.kind.slug();
    let id = card.id.clone();
    let open = props.on_action.reform({
        let id = id.clone();
        move |_| Action::Select(id.clone())
    });
    let show = props
        .on_action
        .reform(move |_| Action::ShowInArticle(id.clone()));
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
                <button type="button" id={format!("open-{}", card.id)} class="card__open" onclick={open}
                    aria-controls={props.selected.then_some("detail")}>
                    <Highlighted text={title} terms={props.terms.clone()} />
                </button>
            </h3>
            if let Some(subtitle) = &card.subtitle {
                <p class="card__subtitle"><Highlighted text={subtitle.clone()} terms={props.terms.clone()} /></p>
            }
            if let Some(dated) = &card.date {
                <p class="card__date"><DateView dated={dated.clone()} /></p>
            }
            <SourceSentence story={props.story.clone()} at={card.at.clone()} />
            <button type="button" class="card__show" onclick={show}
                aria-label={format!("Show in article: {}", card.title)}>{ "Show in article" }</button>
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
