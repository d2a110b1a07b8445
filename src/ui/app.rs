//! The root component: loads the story once, holds the view state, lays out the views.

use super::card_grid::CardGrid;
use super::detail::DetailPanel;
use super::header::Header;
use super::StoryRef;
use crate::view_state::{Action, ViewState};
use crate::{bundled, cards, related};
use std::rc::Rc;
use yew::prelude::*;

struct State(ViewState);

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(State(self.0.apply(action)))
    }
}

#[component]
pub fn App() -> Html {
    let loaded = use_memo((), |_| {
        bundled::load().map(|story| StoryRef(Rc::new(story)))
    });
    use_effect_with((), |_| panic_if_asked());
    match &*loaded {
        Ok(story) => html! { <Explorer story={story.clone()} /> },
        Err(error) => html! {
            <main class="load-error" role="alert">
                <h1>{ "This story cannot be shown" }</h1>
                <p>{ "The story data bundled with the explorer is broken, so nothing is shown rather than something wrong." }</p>
                <pre>{ error.to_string() }</pre>
            </main>
        },
    }
}

/// `?fault=panic` makes the app panic on purpose, so the panic message can be seen and tested
/// against the real release build. It affects only the reader's own tab.
fn panic_if_asked() {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    if search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair == "fault=panic")
    {
        panic!("a panic was requested by the link (fault=panic)");
    }
}

#[derive(Properties, PartialEq)]
struct ExplorerProps {
    story: StoryRef,
}

#[component]
fn Explorer(props: &ExplorerProps) -> Html {
    let story = props.story.clone();
    let state = use_reducer(|| State(ViewState::default()));
    let all_cards = use_memo(story.clone(), |story| cards::cards(story));
    let selected = state.0.selected.clone();
    let detail = use_memo((story.clone(), selected.clone()), |(story, id)| {
        id.as_deref().and_then(|id| related::detail(story, id))
    });

    let on_select = {
        let state = state.dispatcher();
        Callback::from(move |id: String| state.dispatch(Action::Select(id)))
    };
    let on_close = {
        let state = state.dispatcher();
        let selected = selected.clone();
        Callback::from(move |()| {
            state.dispatch(Action::Close);
            if let Some(id) = &selected {
                focus_card(id);
            }
        })
    };

    html! {
        <>
            <Header story={story.clone()} />
            <main id="main" class={classes!("layout", detail.is_some().then_some("layout--detail"))}>
                if let Some(detail) = (*detail).clone() {
                    <DetailPanel story={story.clone()} {detail} on_select={on_select.clone()} {on_close} />
                }
                <CardGrid story={story.clone()} cards={all_cards.clone()} {selected} {on_select} />
            </main>
        </>
    }
}

/// Returns focus to the card whose detail was just closed, so keyboard readers keep their place.
fn focus_card(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("open-{id}")))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
