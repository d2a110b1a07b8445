//! The article itself, paragraph by paragraph, with every entity mention and quote marked:
//! a mention opens what involves its entity and a quote its detail, right below the paragraph
//! the reader is in (never elsewhere: the article is where they are reading), and the sentence a
//! reader came to see is highlighted and scrolled to.

use super::effects::use_effect_on;
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
    /// The open item's detail, shown below the paragraph it was opened from (at the top when it
    /// was opened by a link or Back).
    #[prop_or_default]
    pub detail: Option<Html>,
}

#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let target = use_node_ref();
    {
        let target = target.clone();
        use_effect_on(props.paragraphs.clone(), move |_| {
            if let Some(el) = target.cast::<web_sys::Element>() {
                super::guest::scroll_into_view(&el);
                // Focus without a second, instant scroll that would cut the smooth one short.
                super::guest::focus_in_place(&el);
            }
        });
    }
    // The paragraph the open detail was opened from; forgotten once it closes.
    let opened_in = use_mut_ref(|| None::<usize>);
    if props.detail.is_none() {
        opened_in.replace(None);
    }
    let story = &props.story;
    let open_from = |n: usize| {
        let (opened_in, on_action) = (opened_in.clone(), props.on_action.clone());
        Callback::from(move |id: String| {
            opened_in.replace(Some(n));
            on_action.emit(Action::Select(id));
        })
    };
    let here = *opened_in.borrow();
    let paragraphs = props.paragraphs.iter().enumerate().map(|(n, pieces)| {
        let open = open_from(n);
        let body = group(pieces, |p| p.target).into_iter().map(|(is_target, run)| {
            let inner = render_quotes(story, run, &open);
            if is_target {
                html! { <mark class="target" id="article-target" tabindex="-1" ref={target.clone()}>{ inner }</mark> }
            } else {
                inner
            }
        });
        // Keyed: Yew matches unkeyed siblings from the end, so a detail added after the
        // paragraph would otherwise replace it, and the name the reader tapped with it.
        let paragraph = if n == 0 {
            html! { <h2 key="text" class="article__headline">{ for body }</h2> }
        } else {
            html! { <p key="text">{ for body }</p> }
        };
        let detail = (here == Some(n)).then(|| props.detail.clone()).flatten();
        html! { <>{ paragraph }{ for detail }</> }
    });
    let at_top = here.is_none().then(|| props.detail.clone()).flatten();
    html! {
        <>
            { for at_top }
            <article class="article" aria-label="The article">
                { for paragraphs }
            </article>
        </>
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

/// Opens an item, below the paragraph it is in.
type Open = Callback<String>;

fn opener(open: &Open, id: &str) -> Callback<MouseEvent> {
    let id = id.to_owned();
    open.reform(move |_| id.clone())
}

fn render_quotes(story: &StoryRef, pieces: &[Piece], open: &Open) -> Html {
    let runs = group(pieces, |p| p.quote).into_iter().map(|(quote, run)| {
        let words = run.iter().map(|p| render_piece(story, p, open));
        match quote.and_then(|q| story.quotes().get(q)) {
            None => html! { <>{ for words }</> },
            Some(q) => {
                let speaker = story.name_of(&q.speaker).to_owned();
                let open = opener(open, &q.id);
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

fn render_piece(story: &StoryRef, piece: &Piece, open: &Open) -> Html {
    let words = story.words(&piece.range).to_owned();
    match piece.entity.and_then(|e| story.entities().get(e)) {
        None => html! { { words } },
        Some(entity) => {
            let onclick = opener(open, &entity.id);
            html! {
                <button type="button" class="mention" data-entity={entity.id.clone()}
                    title={format!("Show everything involving {}", entity.name)} {onclick}>{ words }</button>
            }
        }
    }
}
