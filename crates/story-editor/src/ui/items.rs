//! The items pane: the story and its items grouped by kind, each with whether it waits for
//! review and how many problems it has; the selected one opens its form in place.

use super::item_form::ItemForm;
use super::state::{Act, Note, Shared};
use crate::outline::{story_problems, Group, Row};
use std::ops::Range;
use std::rc::Rc;
use story_edit::{Edit, Problem, Session};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ItemsPaneProps {
    pub session: Shared,
    pub version: u64,
    pub groups: Rc<Vec<Group>>,
    pub problems: Rc<Vec<Problem>>,
    pub selected: Option<String>,
    pub selection: Option<Range<usize>>,
    pub note: Option<Note>,
    pub on_act: Callback<Act>,
}

pub fn problem_count(n: usize) -> String {
    match n {
        1 => "1 problem".to_owned(),
        n => format!("{n} problems"),
    }
}

#[component]
pub fn ItemsPane(props: &ItemsPaneProps) -> Html {
    let selected = props.selected.as_deref();
    let form = |row: &Row| {
        html! {
            <ItemForm session={props.session.clone()} version={props.version} row={row.clone()}
                selection={props.selection.clone()} note={props.note.clone().filter(|n| n.about.as_deref() == Some(row.id.as_str()))}
                on_act={props.on_act.clone()} />
        }
    };
    let row = |row: &Row| {
        let open = selected == Some(row.id.as_str());
        let id = row.id.clone();
        let toggle = props
            .on_act
            .reform(move |_| Act::Select((!open).then(|| id.clone())));
        html! {
            <li class={classes!("item-row", row.nested.then_some("item-row--nested"), open.then_some("item-row--open"))}
                data-id={row.id.clone()} key={row.id.clone()}>
                <button type="button" class="item-row__button" aria-expanded={open.to_string()} onclick={toggle}>
                    <span class={format!("item-row__kind kind--{}", row.class)}>{ row.kind }</span>
                    <span class="item-row__label">{ row.label.clone() }</span>
                    if !row.detail.is_empty() { <span class="item-row__detail">{ row.detail.clone() }</span> }
                    if row.drafted { <span class="badge badge--review">{ "To review" }</span> }
                    if !row.problems.is_empty() { <span class="badge badge--problem">{ problem_count(row.problems.len()) }</span> }
                </button>
                if open { { form(row) } }
            </li>
        }
    };
    let session = props.session.borrow();
    let meta_open = selected == Some(Session::META);
    let general = story_problems(&props.problems);
    let meta_row = Row {
        id: Session::META.to_owned(),
        class: "story",
        kind: "Story",
        label: session.file().meta.headline.text().to_owned(),
        detail: session.file().meta.published.iso(),
        drafted: false,
        problems: general.clone(),
        range: story_edit::resolve(&session.file().meta.headline, session.article()),
        nested: false,
    };
    let toggle_meta = props
        .on_act
        .reform(move |_| Act::Select((!meta_open).then(|| Session::META.to_owned())));
    let items: usize = props.groups.iter().map(|g| g.rows.len()).sum();
    // An item removed (rejected, merged, deleted) takes the focused button with it: focus goes
    // to the pane's heading rather than to the top of the page.
    let first = use_mut_ref(|| true);
    use_effect_with(props.version, move |_| {
        if first.replace(false) {
            return;
        }
        let document = gloo::utils::document();
        let lost = document
            .active_element()
            .is_none_or(|el| el.tag_name() == "BODY");
        if lost {
            if let Some(heading) = document.get_element_by_id("items-title") {
                if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading)
                {
                    let _ = heading.focus();
                }
            }
        }
    });
    let new_side = use_node_ref();
    let on_side = {
        let (new_side, on_act) = (new_side.clone(), props.on_act.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = new_side.cast::<web_sys::HtmlInputElement>() {
                let name = input.value();
                if !name.trim().is_empty() {
                    input.set_value("");
                    on_act.emit(Act::Edit(Edit::MakeSide {
                        name: name.trim().to_owned(),
                    }));
                }
            }
        })
    };
    html! {
        <section class="pane pane--items" aria-labelledby="items-title">
            <h2 id="items-title" class="pane__title" tabindex="-1">{ "Items" }</h2>
            <p class="pane__summary">{ format!("{items} items, {} to review, {}.", session.unreviewed().len(), problem_count(props.problems.len())) }</p>
            <ul class="item-list">
                <li class={classes!("item-row", meta_open.then_some("item-row--open"))} data-id="meta">
                    <button type="button" class="item-row__button" aria-expanded={meta_open.to_string()} onclick={toggle_meta}>
                        <span class="item-row__kind kind--story">{ "The story" }</span>
                        <span class="item-row__label">{ meta_row.label.clone() }</span>
                        <span class="item-row__detail">{ meta_row.detail.clone() }</span>
                        if !general.is_empty() { <span class="badge badge--problem">{ problem_count(general.len()) }</span> }
                    </button>
                    if meta_open { { form(&meta_row) } }
                </li>
            </ul>
            { for props.groups.iter().filter(|g| !g.rows.is_empty() || g.title == "Sides").map(|g| html! {
                <section class="item-group" aria-label={g.title}>
                    <h3 class="item-group__title">{ format!("{} ({})", g.title, g.rows.len()) }</h3>
                    <ul class="item-list">{ for g.rows.iter().map(row) }</ul>
                    if g.title == "Sides" {
                        <form class="inline-form" onsubmit={on_side.clone()}>
                            <label for="new-side">{ "New side" }</label>
                            <input id="new-side" type="text" ref={new_side.clone()} placeholder="Democrats" />
                            <button type="submit" class="button">{ "Add side" }</button>
                        </form>
                    }
                </section>
            }) }
        </section>
    }
}
