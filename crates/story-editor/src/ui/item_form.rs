//! One item's form, in place under its row: its words in the article, its fields with their
//! problems beside them, whether it is a guess and why, and what can be done with it.

use super::state::{Act, Note, Shared};
use crate::form::{entity_id, fields, value, FieldRow, Input};
use crate::outline::Row;
use crate::typing::Typing;
use std::ops::Range;
use story_edit::{Edit, Problem, Session};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ItemFormProps {
    pub session: Shared,
    pub version: u64,
    pub row: Row,
    pub selection: Option<Range<usize>>,
    pub note: Option<Note>,
    pub on_act: Callback<Act>,
}

fn typed(e: &Event) -> String {
    let target = e.target();
    if let Some(t) = target
        .clone()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(t).ok())
    {
        return t.value();
    }
    if let Some(t) = target
        .clone()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<HtmlTextAreaElement>(t).ok())
    {
        return t.value();
    }
    target
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<HtmlSelectElement>(t).ok())
        .map(|t| t.value())
        .unwrap_or_default()
}

fn problem_list(id: &str, problems: &[&Problem]) -> Html {
    if problems.is_empty() {
        return html! {};
    }
    html! {
        <ul class="problems" id={id.to_owned()}>
            { for problems.iter().map(|p| html! { <li>{ p.message.clone() }</li> }) }
        </ul>
    }
}

#[component]
pub fn ItemForm(props: &ItemFormProps) -> Html {
    let session = props.session.borrow();
    let id = props.row.id.clone();
    let rows = fields(&session, &id);
    let on_act = props.on_act.clone();
    let html_id = |part: &str| format!("f-{}-{part}", id.trim_start_matches('#'));
    let keys: Vec<&str> = rows.iter().map(|r| r.key).collect();
    let spanned = ["source", "text", "headline", "span"];
    let general: Vec<&Problem> = props
        .row
        .problems
        .iter()
        .filter(|p| {
            p.field
                .as_deref()
                .is_none_or(|f| !keys.contains(&f) && !spanned.contains(&f))
        })
        .collect();
    let span_problems: Vec<&Problem> = props
        .row
        .problems
        .iter()
        .filter(|p| {
            p.field
                .as_deref()
                .is_some_and(|f| spanned.contains(&f) && !keys.contains(&f))
        })
        .collect();
    let field = |r: &FieldRow| {
        let input_id = html_id(r.key);
        let problems: Vec<&Problem> = props
            .row
            .problems
            .iter()
            .filter(|p| p.field.as_deref() == Some(r.key))
            .collect();
        let problems_id = format!("{input_id}-problems");
        let hint_id = format!("{input_id}-hint");
        let described = [
            (!r.hint.is_empty()).then_some(hint_id.clone()),
            (!problems.is_empty()).then_some(problems_id.clone()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        let described = (!described.is_empty()).then_some(described);
        let invalid = (!problems.is_empty()).then_some("true");
        let onchange = {
            let (session, on_act, id, row) = (
                props.session.clone(),
                props.on_act.clone(),
                id.clone(),
                r.clone(),
            );
            Callback::from(move |e: Event| {
                let text = typed(&e);
                super::storage::typing_done();
                if text.trim() == row.value.trim() {
                    return;
                }
                let v = value(&session.borrow(), &row.input, &text);
                on_act.emit(Act::Edit(Edit::SetField {
                    id: id.clone(),
                    field: row.field,
                    value: v,
                }));
            })
        };
        // Kept at every keystroke, so that a reload or a closed tab before the field is left
        // loses nothing (see `crate::typing`).
        let oninput = {
            let (item, field) = (id.clone(), r.key);
            Callback::from(move |e: InputEvent| {
                super::storage::keep_typing(&Typing {
                    item: item.clone(),
                    field: field.to_owned(),
                    text: typed(&e),
                })
            })
        };
        // Keyed by item and field only: a refused value stays as typed, and focus stays put.
        let key = format!("{}-{}", id, r.key);
        let control = match &r.input {
            Input::Choice { options, optional } => html! {
                <select id={input_id.clone()} aria-describedby={described} aria-invalid={invalid} {onchange}>
                    if *optional { <option value="" selected={r.value.is_empty()}>{ "None" }</option> }
                    { for options.iter().map(|(v, l)| html! { <option value={v.clone()} selected={*v == r.value}>{ l.clone() }</option> }) }
                </select>
            },
            Input::Long | Input::Lines | Input::Entities => html! {
                <textarea id={input_id.clone()} rows={if matches!(r.input, Input::Long) { "3" } else { "2" }}
                    value={r.value.clone()} aria-describedby={described} aria-invalid={invalid} {onchange} {oninput} />
            },
            Input::Entity => html! {
                <input id={input_id.clone()} type="text" list="entity-names" autocomplete="off" value={r.value.clone()}
                    aria-describedby={described} aria-invalid={invalid} {onchange} {oninput} />
            },
            Input::Date => html! {
                <input id={input_id.clone()} type="text" inputmode="numeric" placeholder="YYYY-MM-DD" value={r.value.clone()}
                    aria-describedby={described} aria-invalid={invalid} {onchange} {oninput} />
            },
            Input::Text => html! {
                <input id={input_id.clone()} type="text" value={r.value.clone()} aria-describedby={described} aria-invalid={invalid} {onchange} {oninput} />
            },
        };
        html! {
            <div class={classes!("field", (!problems.is_empty()).then_some("field--problem"))} key={key}>
                <label for={input_id.clone()}>{ r.label }</label>
                { control }
                if !r.hint.is_empty() { <p class="editor-hint" id={hint_id}>{ r.hint }</p> }
                { problem_list(&problems_id, &problems) }
            </div>
        }
    };
    let summary = story_edit::summary(session.file(), &id);
    let words = summary.as_ref().and_then(|s| s.words).map(str::to_owned);
    let step = |label: &'static str, start: i64, end: i64| {
        let (on_act, id) = (props.on_act.clone(), id.clone());
        html! {
            <button type="button" class="button button--small" onclick={Callback::from(move |_| on_act.emit(Act::Edit(Edit::SetSpanEnds { id: id.clone(), start_delta: start, end_delta: end })))}>{ label }</button>
        }
    };
    let use_selection = {
        let (range, on_act, id) = (props.selection.clone(), props.on_act.clone(), id.clone());
        html! {
            <button type="button" class="button button--small" disabled={range.is_none()}
                onclick={Callback::from(move |_| if let Some(range) = range.clone() { on_act.emit(Act::Edit(Edit::SetSpan { id: id.clone(), range })) })}>
                { "Use the selected words" }</button>
        }
    };
    let guess: Option<Option<String>> = summary
        .as_ref()
        .and_then(|s| s.inferred)
        .map(|reason| reason.map(str::to_owned));
    let on_inferred = {
        let (on_act, id) = (props.on_act.clone(), id.clone());
        let current = guess.clone().flatten().unwrap_or_default();
        Callback::from(move |e: Event| {
            let text = typed(&e);
            if text.trim() == current.trim() {
                return;
            }
            let reason = (!text.trim().is_empty()).then(|| text.trim().to_owned());
            on_act.emit(Act::Edit(Edit::SetInferred {
                id: id.clone(),
                reason,
            }));
        })
    };
    let is_entity = session.file().entities.iter().any(|e| e.id == id);
    let merge_input = use_node_ref();
    let on_merge = {
        let (merge_input, session, on_act, id) = (
            merge_input.clone(),
            props.session.clone(),
            props.on_act.clone(),
            id.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let typed = merge_input
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            if typed.trim().is_empty() {
                return;
            }
            let keep = entity_id(session.borrow().file(), &typed);
            on_act.emit(Act::Edit(Edit::MergeEntities {
                keep,
                absorb: id.clone(),
            }));
        })
    };
    let is_meta = id == Session::META;
    let is_side = session.file().sides.iter().any(|s| s.id == id);
    let note = props.note.clone().map(|n| html! {
        <div class={classes!("editor-note", n.error.then_some("editor-note--error"))} role="alert">
            <p>{ n.text.clone() }</p>
            if let Some(force) = n.force_delete.clone() {
                <button type="button" class="button button--danger"
                    onclick={props.on_act.reform(move |_| Act::Edit(Edit::Delete { id: force.clone(), force: true }))}>
                    { "Delete it with the items that need it" }</button>
            }
        </div>
    });
    let drafted = props.row.drafted;
    html! {
        <div class="item-form" id={html_id("form")}>
            { note }
            { problem_list(&html_id("problems"), &general) }
            if !is_meta {
                <div class="editor-actions">
                    if drafted {
                        <button type="button" class="button button--primary" onclick={let id = id.clone(); let on_act = on_act.clone(); Callback::from(move |_| on_act.emit(Act::Edit(Edit::Accept { id: id.clone() })))}>{ "Accept" }</button>
                        <button type="button" class="button" onclick={let id = id.clone(); let on_act = on_act.clone(); Callback::from(move |_| on_act.emit(Act::Edit(Edit::Reject { id: id.clone() })))}>{ "Reject" }</button>
                    } else {
                        <button type="button" class="button button--danger" onclick={let id = id.clone(); let on_act = on_act.clone(); Callback::from(move |_| on_act.emit(Act::Edit(Edit::Delete { id: id.clone(), force: false })))}>{ "Delete" }</button>
                    }
                </div>
            }
            if let Some(words) = words {
                <div class="field field--words">
                    <p class="field__label">{ if is_meta { "Headline (the article’s first line)" } else { "Words in the article" } }</p>
                    <blockquote class="item-form__words">{ words }</blockquote>
                    { problem_list(&html_id("words-problems"), &span_problems) }
                    <div class="item-form__steps" role="group" aria-label="Move the ends of the words">
                        { step("◀ Start", -1, 0) }{ step("Start ▶", 1, 0) }{ step("◀ End", 0, -1) }{ step("End ▶", 0, 1) }
                        { use_selection }
                    </div>
                </div>
            }
            { for rows.iter().map(field) }
            if !is_meta && !is_side {
                <div class="field">
                    <label for={html_id("inferred")}>{ "Inferred: why (empty when the article says it outright)" }</label>
                    <textarea id={html_id("inferred")} rows="3" value={guess.flatten().unwrap_or_default()} onchange={on_inferred}
                        key={format!("{id}-inferred")} />
                </div>
            }
            if is_entity {
                <form class="inline-form" onsubmit={on_merge}>
                    <label for={html_id("merge")}>{ "The same as another entity? Merge it into" }</label>
                    <input id={html_id("merge")} type="text" list="entity-names" autocomplete="off" ref={merge_input} />
                    <button type="submit" class="button">{ "Merge" }</button>
                </form>
            }
        </div>
    }
}
