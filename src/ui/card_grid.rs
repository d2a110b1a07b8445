//! The cards view: one section per kind of item, each a responsive grid of cards.

use super::card::CardView;
use super::StoryRef;
use crate::cards::{Card, CardKind};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardGridProps {
    pub story: StoryRef,
    pub cards: Rc<Vec<Card>>,
    pub selected: Option<String>,
    pub on_select: Callback<String>,
}

#[component]
pub fn CardGrid(props: &CardGridProps) -> Html {
    let sections = CardKind::ALL.iter().filter_map(|&kind| {
        let cards: Vec<&Card> = props.cards.iter().filter(|c| c.kind == kind).collect();
        if cards.is_empty() {
            return None;
        }
        let heading_id = format!("section-{}", kind.slug());
        Some(html! {
            <section class="cards" aria-labelledby={heading_id.clone()} key={kind.slug()}>
                <h2 id={heading_id}>{ kind.plural() }<span class="cards__count">{ format!(" ({})", cards.len()) }</span></h2>
                <ul class="cards__grid" role="list">
                    { for cards.into_iter().map(|card| html! {
                        <li key={card.id.clone()}>
                            <CardView story={props.story.clone()} card={card.clone()}
                                selected={props.selected.as_deref() == Some(card.id.as_str())}
                                on_select={props.on_select.clone()} />
                        </li>
                    }) }
                </ul>
            </section>
        })
    });
    html! { <div class="card-sections">{ for sections }</div> }
}
