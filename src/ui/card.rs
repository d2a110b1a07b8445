//! One card: kind, name or words, role or speaker, date, and the sentence it comes from.

use super::date::date_view;
use super::highlight::highlighted;
use super::inferred::inferred_note;
use super::StoryRef;
use super::{class_list, when};
use crate::views::cards::Card;
use crate::views::panel_labels::card_title;
use crate::views::view_state::Action;
use std::rc::Rc;
use story_core::text::split_around;
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
    let title = card_title(card);
    html! {
        <article class={class_list(&["card", &format!("card--{slug}"), when(props.selected, "card--selected")])}
            data-kind={slug} data-id={card.id.clone()}>
            <p class="card__kind">{ card.kind.label() }</p>
            <h3 class="card__title">
                <button type="button" id={format!("open-{}", card.id)} class="card__open" onclick={open}
                    aria-controls={props.selected.then_some("detail")}>
                    { highlighted(&title, &props.terms) }
                </button>
            </h3>
            if let Some(subtitle) = &card.subtitle {
                <p class="card__subtitle">{ highlighted(subtitle, &props.terms) }</p>
            }
            { inferred_note(&card.inferred) }
            if let Some(dated) = &card.date {
                <p class="card__date">{ date_view(dated) }</p>
            }
            { source_sentence(&props.story, &card.at) }
            <div class="card__actions">
                <button type="button" class="card__show" onclick={show}
                    aria-label={format!("Show in article: {}", card.title)}>{ "Show in article" }</button>
                { permalink(&props.story, &card.id, &card.title, &props.on_action) }
            </div>
        </article>
    }
}

/// A link that reopens the explorer with this item open: the item's own page where it has one
/// (its link previews that item), else the explorer's link. Copy it to share the item; a plain
/// click opens the item here, without reloading.
pub fn permalink(story: &StoryRef, id: &str, title: &str, on_action: &Callback<Action>) -> Html {
    let href = if story.1 && crate::views::share::has_page(story, id) {
        crate::views::share::item_path(id)
    } else {
        let state = crate::views::view_state::ViewState {
            selected: Some(id.to_owned()),
            ..Default::default()
        };
        format!("?{}", crate::views::url_state::encode(&state))
    };
    let onclick = {
        let (id, on_action) = (id.to_owned(), on_action.clone());
        Callback::from(move |e: MouseEvent| {
            if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
                e.prevent_default();
                on_action.emit(Action::Select(id.clone()));
            }
        })
    };
    html! {
        <a class="permalink" {href} {onclick} data-id={id.to_owned()} aria-label={format!("Link to this: {title}")}>{ "Link" }</a>
    }
}

/// The article's sentence with the item's own words marked.
pub fn source_sentence(story: &StoryRef, at: &story_core::story::Located) -> Html {
    let [before, words, after] = split_around(&at.sentence, &at.span);
    html! {
        <p class="source">
            <span class="visually-hidden">{ "From the article: " }</span>
            { story.words(&before).to_owned() }<mark>{ story.words(&words).to_owned() }</mark>{ story.words(&after).to_owned() }
        </p>
    }
}
