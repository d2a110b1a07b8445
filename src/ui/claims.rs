//! The claims view: each claim, its evidence, and every response side by side.

use super::card::source_sentence;
use super::date::date_view;
use super::inferred::inferred_note;
use super::StoryRef;
use super::{class_list, when};
use crate::views::claims::{claim_of, ClaimView, ResponseView};
use crate::views::view_state::{Action, View};
use std::rc::Rc;
use story_core::story::Stance;
use yew::prelude::*;

pub struct ClaimsViewProps {
    pub story: StoryRef,
    pub claims: Rc<Vec<ClaimView>>,
    pub selected: Option<String>,
    pub on_action: Callback<Action>,
    /// How many items match the search and filters, of every kind.
    pub matching: usize,
    /// The open item's detail, shown right after the first claim that shows it (at the top when
    /// none does).
    pub detail: Option<Html>,
}

/// A shape for each stance, so it never rests on colour alone.
fn stance_icon(stance: Stance) -> &'static str {
    match stance {
        Stance::Denial => "✕",
        Stance::NonDenial => "∼",
        Stance::Dismissal => "⊘",
        Stance::Characterization => "≈",
        Stance::Criticism => "!",
        Stance::CallToAct => "➜",
        Stance::Support => "✓",
    }
}

fn select(on_action: &Callback<Action>, id: &str) -> Callback<MouseEvent> {
    let id = id.to_owned();
    on_action.reform(move |_| Action::Select(id.clone()))
}

/// A view of one kind with nothing to show: whether other items match, and where they are.
pub fn none_here(plural: &str, one: &str, matching: usize, on_action: &Callback<Action>) -> Html {
    html! {
        <div class="empty">
            <p>{ crate::views::panel_labels::none_here(plural, one, matching) }</p>
            if matching > 0 {
                <button type="button" class="button" onclick={on_action.reform(|_| Action::Show(View::Cards))}>
                    { if matching == 1 { "Show it as a card".to_owned() } else { format!("Show them as cards ({matching})") } }
                </button>
            }
        </div>
    }
}

/// A plain function, not a component: it holds no state, and each component carries its own copy
/// of Yew's lifecycle code.
pub fn claims_view(props: &ClaimsViewProps) -> Html {
    if props.claims.is_empty() {
        return none_here("claims", "a claim", props.matching, &props.on_action);
    }
    let here = props
        .detail
        .as_ref()
        .and(props.selected.as_deref())
        .and_then(|id| claim_of(&props.claims, id));
    // Each claim keyed, with the detail after it (see `timeline_view`).
    let claims = props.claims.iter().enumerate().map(|(n, c)| {
        let detail = (here == Some(n)).then(|| props.detail.clone()).flatten();
        html! { <>{ claim(props, c) }{ for detail }</> }
    });
    html! {
        <section class="claims" aria-labelledby="claims-title">
            { here.is_none().then(|| props.detail.clone()).flatten().unwrap_or_default() }
            <h2 id="claims-title">{ "Claims and responses" }</h2>
            { legend() }
            { for claims }
        </section>
    }
}

/// What each stance means, in the words docs/story-format.md defines them with.
fn legend() -> Html {
    html! {
        <details class="claims__legend">
            <summary>{ "What the stances mean" }</summary>
            <dl>
                { for Stance::ALL.iter().map(|&s| html! {
                    <div>
                        <dt><span class="response__icon" aria-hidden="true">{ stance_icon(s) }</span>{ s.label() }</dt>
                        <dd>{ s.meaning() }</dd>
                    </div>
                }) }
            </dl>
        </details>
    }
}

fn claim(props: &ClaimsViewProps, c: &ClaimView) -> Html {
    let title_id = format!("claim-{}", c.id);
    html! {
        <article class="claim" key={c.id.clone()} data-id={c.id.clone()} aria-labelledby={title_id.clone()}>
            <p class="claim__by">
                { "Claim reported by " }
                <button type="button" class="link-button" onclick={select(&props.on_action, &c.claimant)}>{ c.claimant_name.clone() }</button>
                if let Some(d) = &c.date { { " · " }{ date_view(d) } }
            </p>
            <h3 id={title_id} class="claim__text">
                <button type="button" class="card__open" onclick={select(&props.on_action, &c.id)}>{ c.text.clone() }</button>
            </h3>
            { inferred_note(&c.inferred) }
            { source_sentence(&props.story, &c.at) }
            if !c.evidence.is_empty() {
                <h4>{ "Evidence" }</h4>
                <ul class="evidence">
                    { for c.evidence.iter().map(|e| html! {
                        <li class={class_list(&["evidence__item", when(e.missing, "evidence__item--missing")])}>
                            <p><strong>{ if e.missing { "Missing: " } else { "Noted: " } }</strong>{ e.note.clone() }</p>
                            { source_sentence(&props.story, &e.at) }
                        </li>
                    }) }
                </ul>
            }
            <h4>{ format!("Responses ({})", c.responses.len()) }</h4>
            if c.responses.is_empty() {
                <p>{ "The article reports no response to this claim." }</p>
            } else {
                <ul class="responses">{ for c.responses.iter().map(|r| response(props, r)) }</ul>
            }
        </article>
    }
}

fn response(props: &ClaimsViewProps, r: &ResponseView) -> Html {
    let stance = r.stance.label();
    let slug = stance.to_ascii_lowercase().replace(' ', "-");
    html! {
        <li class={class_list(&["response", &format!("response--{slug}")])} data-id={r.id.clone()} data-stance={slug.clone()}>
            <p class="response__stance"><span class="response__icon" aria-hidden="true">{ stance_icon(r.stance) }</span>{ stance }</p>
            <p class="response__who">
                <button type="button" class="link-button" onclick={select(&props.on_action, &r.speaker)}>{ r.speaker_name.clone() }</button>
                if let Some(d) = &r.date { { " · " }{ date_view(d) } }
            </p>
            <p class="response__summary">
                <button type="button" class="link-button" onclick={select(&props.on_action, &r.id)}>{ r.summary.clone() }</button>
            </p>
            // A row that opens in embeds and on phones; opened out on wider pages (see the
            // stylesheet), and in the page without JavaScript either way. A guess says so in
            // the row; why is inside.
            <details class="response__more">
                <summary>
                    if r.inferred.is_some() { <strong class="inferred__tag">{ "Inferred" }</strong>{ " · why, " } }
                    { if r.quotes.is_empty() { "source" } else { "quote and source" } }
                </summary>
                { inferred_note(&r.inferred) }
                { for r.quotes.iter().map(|q| html! {
                    <div class="response__quoted">
                        <blockquote class="response__quote" data-quote={q.id.clone()}>{ format!("“{}”", q.words) }</blockquote>
                        { inferred_note(&q.inferred) }
                    </div>
                }) }
                { source_sentence(&props.story, &r.at) }
            </details>
        </li>
    }
}
