//! "Inferred", and why: shown wherever the story states something the article does not say
//! outright, so a guess is never read as a fact.

use yew::prelude::*;

/// A function, not a component: cards render one each, and updates must fit in a frame.
pub fn inferred_note(reason: &Option<String>) -> Html {
    match reason {
        Some(reason) => html! {
            <p class="inferred"><strong class="inferred__tag">{ "Inferred" }</strong>{ ": " }{ reason.clone() }</p>
        },
        None => Html::default(),
    }
}
