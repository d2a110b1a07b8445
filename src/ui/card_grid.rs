//! The cards that match the query, one section per kind, each a responsive grid; only the
//! first `limit` are rendered, with a button for more, so a huge story stays fast.

use super::card::CardView;
use super::StoryRef;
use crate::views::cards::{Card, CardKind};
use crate::views::view_state::{visible, Action};
use std::rc::Rc;
use yew::prelude::*;

pub struct CardGridProps {
    pub story: StoryRef,
    pub cards: Rc<Vec<Card>>,
    /// Indices into `cards` of the items to show, in order.
    pub items: Rc<Vec<usize>>,
    pub limit: usize,
    pub selected: Option<String>,
    pub terms: Rc<Vec<String>>,
    pub on_action: Callback<Action>,
    /// The open item's detail, shown right after its card (at the top when its card is not shown).
    pub detail: Option<Html>,
}

/// A plain function, not a component: it holds no state, and each component carries its own copy
/// of Yew's lifecycle code.
pub fn card_grid(props: &CardGridProps) -> Html {
    if props.items.is_empty() {
        return html! {
            <div class="empty">
                <p>{ "No items match the search and filters." }</p>
                <button type="button" class="button" onclick={props.on_action.reform(|_| Action::ClearFilters)}>
                    { "Clear search and filters" }
                </button>
            </div>
        };
    }
    let count = visible(props.items.len(), props.cards.len(), props.limit);
    let shown: Vec<&Card> = props
        .items
        .iter()
        .take(count)
        .filter_map(|&i| props.cards.get(i))
        .collect();
    let selected = props.selected.as_deref();
    let placed = props.detail.is_some() && shown.iter().any(|c| Some(c.id.as_str()) == selected);
    let sections = CardKind::ALL.iter().filter_map(|&kind| {
        let cards: Vec<&Card> = shown.iter().copied().filter(|c| c.kind == kind).collect();
        if cards.is_empty() {
            return None;
        }
        let matching = props.items.iter().filter(|&&i| props.cards.get(i).is_some_and(|c| c.kind == kind)).count();
        let heading_id = format!("section-{}", kind.slug());
        Some(html! {
            <section class="cards" aria-labelledby={heading_id.clone()} key={kind.slug()}>
                <h2 id={heading_id}>{ kind.plural() }<span class="cards__count">{ format!(" ({matching})") }</span></h2>
                <ul class="cards__grid" role="list">
                    { for cards.into_iter().flat_map(|card| {
                        let open = selected == Some(card.id.as_str());
                        let after = (open && placed).then(|| html! {
                            <li key="detail" class="cards__detail">{ for props.detail.clone() }</li>
                        });
                        std::iter::once(html! {
                            <li key={card.id.clone()}>
                                <CardView story={props.story.clone()} card={card.clone()} selected={open}
                                    terms={props.terms.clone()} on_action={props.on_action.clone()} />
                            </li>
                        }).chain(after)
                    }) }
                </ul>
            </section>
        })
    });
    let remaining = props.items.len() - count;
    html! {
        <div class="card-sections">
            { (!placed).then(|| props.detail.clone()).flatten().unwrap_or_default() }
            { for sections }
            if remaining > 0 {
                <button type="button" class="button more" onclick={props.on_action.reform(|_| Action::ShowMore)}>
                    { format!("Show more ({remaining} not shown)") }
                </button>
            }
        </div>
    }
}
