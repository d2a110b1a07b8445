//! The article itself, paragraph by paragraph, with every entity mention and quote marked:
//! a mention shows the cards involving its entity, a quote opens its card, and the sentence a
//! reader came to see is highlighted and scrolled to.

use super::StoryRef;
use crate::views::reader::Piece;
use crate::views::view_state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub story: StoryRef,
    pub paragraphs: Rc<Vec<Vec<Piece>>>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let target = use_node_ref();
    {
        let target = target.clone();
        use_effect_with(props.paragraphs.clone(), move |_| {
            if let Some(el) = target.cast::<web_sys::Element>() {
                super::guest::scroll_into_view(&el);
                // Focus without a second, instant scroll that would cut the smooth one short.
                super::guest::focus_in_place(&el);
            }
        });
    }
    let story = &props.story;
    let paragraphs = props.paragraphs.iter().enumerate().map(|(n, pieces)| {
        let body = group(pieces, |p| p.target).into_iter().map(|(is_target, run)| {
            let inner = render_quotes(story, run, &props.on_action);
            if is_target {
                html! { <mark class="target" id="article-target" tabindex="-1" ref={target.clone()}>{ inner }</mark> }
            } else {
                inner
            }
        });
        if n == 0 {
            html! { <h2 class="article__headline">{ for body }</h2> }
        } else {
            html! { <p>{ for body }</p> }
        }
    });
    html! {
        <article class="article" aria-label="The article">
            { for paragraphs }
        </article>
    }
}

/// Consecutive runs of pieces that share `key`.
fn group<K: PartialEq + Copy>(pieces: &[Piece], key: impl Fn(&Piece) -> K) -> Vec<(K, &[Piece])> {
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 1..=pieces.len() {
        if i == pieces.len() || key(&pieces[i]) != key(&pieces[start]) {
            runs.push((key(&pieces[start]), &pieces[start..i]));
            start = i;
        }
    }
    runs
}

fn render_quotes(story: &StoryRef, pieces: &[Piece], on_action: &Callback<Action>) -> Html {
    let runs = group(pieces, |p| p.quote).into_iter().map(|(quote, run)| {
        let words = run.iter().map(|p| render_piece(story, p, on_action));
        match quote.and_then(|q| story.quotes().get(q)) {
            None => html! { <>{ for words }</> },
            Some(q) => {
                let speaker = story.name_of(&q.speaker).to_owned();
                let open = on_action.reform({
                    let id = q.id.clone();
                    move |_| Action::OpenCard(id.clone())
                });
                html! {
                    <>
                        <span class="quote" data-quote={q.id.clone()}>{ for words }</span>
                        <button type="button" class="quote__open" aria-label={format!("Open the card of this quote by {speaker}")}
                            onclick={open}>{ "❝" }</button>
                    </>
                }
            }
        }
    });
    html! { <>{ for runs }</> }
}

fn render_piece(story: &StoryRef, piece: &Piece, on_action: &Callback<Action>) -> Html {
    let words = story.words(&piece.range).to_owned();
    match piece.entity.and_then(|e| story.entities().get(e)) {
        None => html! { { words } },
        Some(entity) => {
            let onclick = on_action.reform({
                let id = entity.id.clone();
                move |_| Action::FilterToEntity(id.clone())
            });
            html! {
                <button type="button" class="mention" data-entity={entity.id.clone()}
                    title={format!("Show everything involving {}", entity.name)} {onclick}>{ words }</button>
            }
        }
    }
}
