//! The timeline view: months down the page, two lanes across — what happened, and when it was
//! reported or reacted to. Month-precision events are bars spanning their month; day events are
//! dots; compressed gaps say how many empty months they hide.

use super::date::date_view;
use super::inferred::inferred_note;
use super::StoryRef;
use super::{class_list, when};
use crate::views::cards::{names, Dated};
use crate::views::timeline::{row_of, Entry, Row};
use crate::views::view_state::Action;
use std::rc::Rc;
use story_core::dates::Extent;
use yew::prelude::*;

pub struct TimelineViewProps {
    pub story: StoryRef,
    pub rows: Rc<Vec<Row>>,
    pub selected: Option<String>,
    pub on_action: Callback<Action>,
    /// How many items match the search and filters, of every kind.
    pub matching: usize,
    /// The open item's detail, shown right after the month of its event (at the top when the
    /// timeline does not show it).
    pub detail: Option<Html>,
}

/// A plain function, not a component: it holds no state, and each component carries its own copy
/// of Yew's lifecycle code.
pub fn timeline_view(props: &TimelineViewProps) -> Html {
    if props.rows.is_empty() {
        return super::claims::none_here(
            "dated events",
            "a dated event",
            props.matching,
            &props.on_action,
        );
    }
    let here = props
        .detail
        .as_ref()
        .and(props.selected.as_deref())
        .and_then(|id| row_of(&props.story, &props.rows, id));
    // Each month keyed, with the detail after it: Yew matches unkeyed siblings from the end, so
    // the detail would otherwise take the month's place, and the button the reader tapped.
    let rows = props.rows.iter().enumerate().map(|(n, row)| match row {
        Row::Gap { months, from, to } => {
            let span = if from == to { from.to_string() } else { format!("{from} – {to}") };
            let noun = if *months == 1 { "month" } else { "months" };
            html! {
                <li class="timeline__gap">
                    <span aria-hidden="true" class="timeline__gap-mark">{ "⋮" }</span>
                    { format!("{months} {noun} without events ({span}), compressed") }
                </li>
            }
        }
        Row::Period { period, happened, reported } => {
            let detail = (here == Some(n)).then(|| html! {
                <li class="timeline__detail" key="detail">{ for props.detail.clone() }</li>
            });
            html! {
                <>
                    <li class="timeline__period" data-period={period.iso()} key={period.iso()}>
                        <h3 class="timeline__when"><time datetime={period.iso()}>{ period.to_string() }</time></h3>
                        { lane(props, "happened", "What happened", happened) }
                        { lane(props, "reported", "Reported or reacted to", reported) }
                    </li>
                    { for detail }
                </>
            }
        }
    });
    let at_top = here.is_none().then(|| props.detail.clone()).flatten();
    html! {
        <section class="timeline" aria-labelledby="timeline-title">
            { at_top.unwrap_or_default() }
            <h2 id="timeline-title">{ "Timeline" }</h2>
            // Each mark kept on one line with its words, so that a narrow screen never leaves a
            // mark at the end of a line and its meaning on the next.
            <p class="timeline__legend">
                <span class="timeline__key"><span class="legend-bar" aria-hidden="true"></span>{ " known to the month" }</span>{ "  " }
                <span class="timeline__key"><span class="legend-dot" aria-hidden="true"></span>{ " known to the day" }</span>{ "  " }
                <span class="timeline__key"><span class="legend-from" aria-hidden="true"></span>{ " from that day on" }</span>
                { "  · the article’s own words in quotes" }
            </p>
            <ol class="timeline__rows">{ for rows }</ol>
        </section>
    }
}

fn lane(
    props: &TimelineViewProps,
    slug: &'static str,
    name: &'static str,
    entries: &[Entry],
) -> Html {
    html! {
        <div class={class_list(&["timeline__lane", &format!("timeline__lane--{slug}")])} data-lane={slug}>
            <h4 class="timeline__lane-name">{ name }</h4>
            if entries.is_empty() {
                <p class="timeline__none">{ "—" }</p>
            } else {
                <ul>{ for entries.iter().map(|entry| event(props, entry)) }</ul>
            }
        </div>
    }
}

fn event(props: &TimelineViewProps, entry: &Entry) -> Html {
    let story = &props.story;
    let Some(e) = story.events().get(entry.event) else {
        return Html::default();
    };
    let onclick = props.on_action.reform({
        let id = e.id.clone();
        move |_| Action::Select(id.clone())
    });
    let shape = match (entry.spans(), entry.extent) {
        (_, Extent::From) => "tl-event--from",
        (true, _) => "tl-event--span",
        (false, _) => "tl-event--point",
    };
    let selected = props.selected.as_deref() == Some(e.id.as_str());
    html! {
        <li class={class_list(&["tl-event", shape, when(selected, "tl-event--selected")])} data-id={e.id.clone()}>
            <span class="tl-event__mark" aria-hidden="true"></span>
            <div class="tl-event__body">
                <button type="button" class="tl-event__open" {onclick}>{ e.title.clone() }</button>
                <p class="tl-event__date">{ date_view(&Dated { date: entry.date, words: entry.words.clone(), extent: entry.extent }) }</p>
                <p class="tl-event__who">{ names(story, &e.participants) }</p>
                { inferred_note(&e.inferred) }
            </div>
        </li>
    }
}
