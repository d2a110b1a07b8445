//! Search and filters, each value with the count of items it would leave; the active filters as
//! removable chips; the result count announced to screen readers. The groups are plain functions
//! rather than components: they hold no state, and each component adds its own copy of Yew's
//! lifecycle code to the wasm.

use super::effects::use_effect_on;
use super::{field_value, StoryRef};
use crate::views::cards::{sourcing_label, CardKind};
use crate::views::panel_labels::{capitalize, filters_summary, involving_options, status};
use crate::views::query::{Query, Results, SOURCINGS};
use crate::views::view_state::{Action, Filter};
use std::rc::Rc;
use story_core::dates::PartialDate;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Clone, Properties, PartialEq)]
pub struct FilterPanelProps {
    pub story: StoryRef,
    pub query: Query,
    pub filters: Vec<Filter>,
    pub results: Rc<Results>,
    pub total: usize,
    pub on_action: Callback<Action>,
}

#[component]
pub fn FilterPanel(props: &FilterPanelProps) -> Html {
    let act = props.on_action.clone();
    let oninput = act.reform(|e: InputEvent| {
        Action::SetText(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let shown = props.results.items.len();
    let status = status(shown, props.total, props.query.is_empty());
    let date_note = crate::views::panel_labels::date_note(&props.query, props.results.undated);
    // The sheet's own filters: the words typed are in the search box already. Counted with them,
    // the first keystroke would rename the Filters button and add a row of chips, moving the box
    // being typed in and the results under the reader's eyes.
    let active = props.filters.iter().filter(|f| f.in_sheet()).count();
    let search = use_node_ref();
    let hydrated = use_state(super::hydrating);
    {
        // What the reader typed or chose in the page as built, before the engine hydrated it, is
        // still in the fields (see `field_value`; hydration leaves a select's choice alone):
        // adopt it.
        let (search, act, query) = (search.clone(), act.clone(), props.query.clone());
        use_effect_on((), move |_| {
            if !*hydrated {
                return;
            }
            let typed = search
                .cast::<HtmlInputElement>()
                .map(|input| input.value())
                .unwrap_or_default();
            if typed != query.text {
                act.emit(Action::SetText(typed));
            }
            let field = |id: &str| {
                gloo::utils::document()
                    .get_element_by_id(id)
                    .and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
                    .map(|input| input.value())
                    .filter(|value| !value.is_empty())
            };
            let chosen = gloo::utils::document()
                .get_element_by_id("involving")
                .and_then(|el| el.dyn_into::<HtmlSelectElement>().ok())
                .map(|select| select.value())
                .filter(|value| !value.is_empty());
            if chosen.is_some() && chosen != query.involving {
                act.emit(Action::SetInvolving(chosen));
            }
            let from = field("date-from").and_then(|v| PartialDate::parse_iso(&v));
            if from.is_some() && from != query.from {
                act.emit(Action::SetFrom(from));
            }
            let to = field("date-to").and_then(|v| PartialDate::parse_iso(&v));
            if to.is_some() && to != query.to {
                act.emit(Action::SetTo(to));
            }
        });
    }
    let panel = use_node_ref();
    let close = |panel: &NodeRef| {
        if let Some(details) = panel.cast::<web_sys::HtmlDetailsElement>() {
            details.set_open(false);
            if let Some(summary) = details.first_element_child() {
                super::guest::focus_in_sight(&summary);
            }
        }
    };
    let on_key = {
        let panel = panel.clone();
        Callback::from(move |e: KeyboardEvent| {
            let open = panel
                .cast::<web_sys::HtmlDetailsElement>()
                .is_some_and(|d| d.open());
            if e.key() == "Escape" && open {
                e.stop_propagation();
                close(&panel);
            }
        })
    };
    // A tap on the sheet's scrim lands on the <details> itself (the scrim is its ::before).
    let on_scrim = {
        let panel = panel.clone();
        Callback::from(move |e: MouseEvent| {
            let on_details = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                == panel.cast::<web_sys::Element>();
            if on_details {
                close(&panel);
            }
        })
    };
    let on_done = {
        let panel = panel.clone();
        Callback::from(move |_: MouseEvent| close(&panel))
    };
    html! {
        <section class="filters" aria-label="Search and filters">
            <div class="filters__row">
                <search class="filters__search">
                    <label for="search" class="visually-hidden">{ "Search names, roles, quotes and events" }</label>
                    <input type="search" id="search" ref={search} value={field_value(&props.query.text)} {oninput}
                        placeholder="Search names, roles, quotes…"
                        autocomplete="off" spellcheck="false" maxlength="500" />
                </search>
                <details class="filters__more" ref={panel} onkeydown={on_key} onclick={on_scrim}>
                    <summary>{ filters_summary(active) }</summary>
                    <div class="filters__panel" role="group" aria-label="Filters">
                        <div class="filters__groups">
                            { kind_filter(props) }
                            { side_filter(props) }
                            { sourcing_filter(props) }
                            { involving_filter(props) }
                            { date_filter(props) }
                        </div>
                        <div class="filters__done">
                            <button type="button" class="button" onclick={on_done}>{ "Done" }</button>
                        </div>
                    </div>
                </details>
            </div>
            if active > 0 {
                <ul class="chips" aria-label="Active filters">
                    { for props.filters.iter().map(|f| {
                        let label = f.label(&props.story);
                        let onclick = act.reform({ let f = f.clone(); move |_| Action::Remove(f.clone()) });
                        html! {
                            <li><button type="button" class="chip" aria-label={format!("Remove filter {label}")} {onclick}>
                                { label }<span aria-hidden="true">{ " ×" }</span>
                            </button></li>
                        }
                    }) }
                    <li><button type="button" class="chip chip--clear" onclick={act.reform(|_| Action::ClearFilters)}>{ "Clear all" }</button></li>
                </ul>
            }
            <p class="status" role="status">{ status }</p>
            if let Some(note) = date_note { <p class="date-note" role="status">{ note }</p> }
        </section>
    }
}

/// One checkbox with its label and live count.
fn checkbox(
    id: String,
    label: String,
    count: usize,
    checked: bool,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <li>
            <input type="checkbox" id={id.clone()} {checked} {onchange} />
            <label for={id}>{ label }<span class="count">{ format!(" ({count})") }</span></label>
        </li>
    }
}

fn kind_filter(props: &FilterPanelProps) -> Html {
    let boxes = CardKind::ALL.iter().enumerate().map(|(slot, &kind)| {
        let onchange = props.on_action.reform(move |_| Action::ToggleKind(kind));
        let checked = props.query.kinds.contains(&kind);
        checkbox(
            format!("kind-{}", kind.slug()),
            kind.label().to_owned(),
            props.results.kinds[slot],
            checked,
            onchange,
        )
    });
    html! { <fieldset><legend>{ "Kind" }</legend><ul>{ for boxes }</ul></fieldset> }
}

fn side_filter(props: &FilterPanelProps) -> Html {
    let boxes = props.story.sides().iter().enumerate().map(|(slot, side)| {
        let id = side.id.clone();
        let onchange = props
            .on_action
            .reform(move |_| Action::ToggleSide(id.clone()));
        let checked = props.query.sides.contains(&side.id);
        checkbox(
            format!("side-{}", side.id),
            side.name.clone(),
            props.results.sides[slot],
            checked,
            onchange,
        )
    });
    html! { <fieldset><legend>{ "Side" }</legend><ul>{ for boxes }</ul></fieldset> }
}

fn sourcing_filter(props: &FilterPanelProps) -> Html {
    let boxes = SOURCINGS.iter().enumerate().map(|(slot, &sourcing)| {
        let onchange = props
            .on_action
            .reform(move |_| Action::ToggleSourcing(sourcing));
        let label = sourcing_label(sourcing);
        let id = format!("sourcing-{}", label.replace(' ', "-"));
        let checked = props.query.sourcing.contains(&sourcing);
        checkbox(
            id,
            capitalize(label),
            props.results.sourcing[slot],
            checked,
            onchange,
        )
    });
    html! { <fieldset><legend>{ "Sourcing of quotes" }</legend><ul>{ for boxes }</ul></fieldset> }
}

fn involving_filter(props: &FilterPanelProps) -> Html {
    let onchange = props.on_action.reform(|e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::SetInvolving((!value.is_empty()).then_some(value))
    });
    let current = props.query.involving.clone().unwrap_or_default();
    let options = involving_options(&props.story, &props.results.involving, &current).into_iter().map(|(slot, count)| {
        let e = &props.story.entities()[slot];
        html! { <option value={e.id.clone()} selected={e.id == current}>{ format!("{} ({count})", e.name) }</option> }
    });
    html! {
        <div class="filters__field">
            <label for="involving">{ "Involving" }</label>
            <select id="involving" {onchange}>
                <option value="" selected={current.is_empty()}>{ "Anyone" }</option>
                { for options }
            </select>
        </div>
    }
}

fn date_filter(props: &FilterPanelProps) -> Html {
    let month =
        |e: Event| PartialDate::parse_iso(&e.target_unchecked_into::<HtmlInputElement>().value());
    let value = |d: Option<PartialDate>| {
        d.map(|d| d.iso().chars().take(7).collect::<String>())
            .unwrap_or_default()
    };
    html! {
        <fieldset class="filters__dates">
            <legend>{ "Date" }</legend>
            <label for="date-from">{ "From month" }</label>
            <input type="month" id="date-from" value={field_value(&value(props.query.from))}
                onchange={props.on_action.reform(move |e| Action::SetFrom(month(e)))} />
            <label for="date-to">{ "To month" }</label>
            <input type="month" id="date-to" value={field_value(&value(props.query.to))}
                onchange={props.on_action.reform(move |e| Action::SetTo(month(e)))} />
        </fieldset>
    }
}
