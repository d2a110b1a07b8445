//! The relationship view: an SVG graph drawn in screen pixels at the canvas's measured width
//! (one tab stop; arrows move between nodes, Enter selects, Escape clears), zoom and pan by
//! buttons, drag, pinch and Ctrl/⌘ + wheel (a plain wheel scrolls the page, so an embed never
//! traps it), a legend, a summary and the table of the same edges.

use super::card::source_sentence;
use super::date::date_view;
use super::effects::use_effect_on;
use super::inferred::inferred_note;
use super::StoryRef;
use super::{class_list, when};
use crate::views::graph::{
    edge_title, kind_colour, kind_word, rows, shape_path, summary, Coord, Visible,
};
use crate::views::graph_drawing::{draw, segment, Align, Emphasis, LINE_PX, NODE_FONT_PX};
use crate::views::graph_export::export_svg;
use crate::views::layout::{nearest, Direction};
use crate::views::view_state::{Action, GraphView};
use std::rc::Rc;
use story_core::set::SortedSet;
use story_core::story::EntityKind;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GraphViewProps {
    pub story: StoryRef,
    pub visible: Rc<Visible>,
    pub selected: Option<String>,
    pub view: GraphView,
    pub on_action: Callback<Action>,
    /// The open item's detail, shown right after the canvas: a tap on a node on a phone leaves
    /// the graph where it was, its neighbourhood lit, with the detail below it.
    #[prop_or_default]
    pub detail: Option<Html>,
}

/// Where each pointer on the graph was last seen, by pointer id: one or two (a pinch), kept in a
/// vector rather than a hash map, whose code the wasm would carry for this alone.
#[derive(Default)]
struct Pointers(Vec<(i32, (f64, f64))>);

impl Pointers {
    fn get(&self, id: &i32) -> Option<&(f64, f64)> {
        self.0.iter().find(|(p, _)| p == id).map(|(_, at)| at)
    }
    fn insert(&mut self, id: i32, at: (f64, f64)) {
        self.remove(&id);
        self.0.push((id, at));
    }
    fn remove(&mut self, id: &i32) {
        self.0.retain(|(p, _)| p != id);
    }
    fn len(&self) -> usize {
        self.0.len()
    }
    fn other_than(&self, id: i32) -> Option<(f64, f64)> {
        self.0.iter().find(|(p, _)| *p != id).map(|(_, at)| *at)
    }
}

fn entity_id_ref<'a>(story: &'a StoryRef, v: &Visible, n: usize) -> &'a str {
    story.entities()[v.layout.nodes[n].entity].id.as_str()
}

/// The node ids in the DOM, for `aria-activedescendant` and tests.
fn node_dom_id(story: &StoryRef, v: &Visible, n: usize) -> String {
    format!("node-{}", story.entities()[v.layout.nodes[n].entity].id)
}

#[component]
pub fn RelationshipGraph(props: &GraphViewProps) -> Html {
    let v = &props.visible;
    let story = &props.story;
    // Entity ids, never layout indices: the layout is rebuilt when filters or the neighbourhood
    // change, and an index kept across that would point at another node, or past the end.
    let active = use_state(|| None::<String>);
    let hover = use_state(|| None::<String>);
    let pointers = use_mut_ref(Pointers::default);
    let svg_ref = use_node_ref();
    let screen = super::measure::use_screen(svg_ref.clone(), v.nodes.is_empty());
    {
        // Ctrl/⌘ + wheel zooms; a plain wheel is left alone so it scrolls the page, even over an
        // embedded graph. Attached by hand because zooming must cancel the browser's own zoom,
        // which a passive listener cannot.
        let (svg_ref, act) = (svg_ref.clone(), props.on_action.clone());
        use_effect_on(v.nodes.is_empty(), move |_| {
            let listener = svg_ref.cast::<web_sys::Element>().map(|svg| {
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(
                    &svg,
                    "wheel",
                    options,
                    move |event| {
                        let Some(e) = event.dyn_ref::<web_sys::WheelEvent>() else {
                            return;
                        };
                        if e.ctrl_key() || e.meta_key() {
                            e.prevent_default();
                            act.emit(Action::Zoom(if e.delta_y() < 0.0 { 115 } else { 87 }));
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }
    if v.nodes.is_empty() {
        return html! { <>{ for props.detail.clone() }<p class="empty">{ summary(story, v) }</p></> };
    }
    let act = props.on_action.clone();
    let entity_id = |n: usize| story.entities()[v.layout.nodes[n].entity].id.clone();

    // Where each visible node is, by entity id: one pass, so lookups stay cheap in large stories.
    let mut slots: Vec<(&str, usize)> = v
        .nodes
        .iter()
        .map(|&n| (entity_id_ref(story, v, n), n))
        .collect();
    story_core::order::sort_by(&mut slots, |a, b| a.0.cmp(b.0));
    let slot = |id: &str| {
        slots
            .binary_search_by(|probe| probe.0.cmp(id))
            .ok()
            .map(|i| slots[i].1)
    };
    let active_node = active.as_deref().and_then(slot);
    let selected_node = props.selected.as_deref().and_then(slot);
    // A selected node (opened here or by a link) lights its neighbourhood while nothing else is
    // hovered or active.
    let lit = hover
        .as_deref()
        .and_then(slot)
        .or(active_node)
        .or(selected_node);
    let neighbours: SortedSet<usize> = lit
        .map(|n| {
            v.edges
                .iter()
                .map(|&e| &v.layout.edges[e])
                .filter(|e| e.from == n || e.to == n)
                .flat_map(|e| [e.from, e.to])
                .collect()
        })
        .unwrap_or_default();
    let emphasis = Emphasis {
        lit,
        selected: selected_node,
        all_edges: props.view.zoom >= 175,
    };
    // Not memoized: a hook here would run only when the graph is not empty. Hover and focus
    // change the emphasis, which is most of what renders this.
    let d = Rc::new(draw(
        story,
        v,
        props.view,
        screen.unwrap_or_default(),
        emphasis,
    ));
    let view_box = format!("0 0 {} {}", Coord(d.width), Coord(d.height));

    let onkeydown = {
        let (active, act, visible, d) = (
            active.clone(),
            act.clone(),
            props.visible.clone(),
            d.clone(),
        );
        let ids: Vec<String> = (0..v.layout.nodes.len()).map(entity_id).collect();
        let from = active_node.or_else(|| v.nodes.first().copied());
        Callback::from(move |e: KeyboardEvent| {
            let direction = match e.key().as_str() {
                "ArrowUp" => Some(Direction::Up),
                "ArrowDown" => Some(Direction::Down),
                "ArrowLeft" => Some(Direction::Left),
                "ArrowRight" => Some(Direction::Right),
                _ => None,
            };
            match (e.key().as_str(), direction, from) {
                (_, Some(direction), Some(from)) => {
                    e.prevent_default();
                    let next = if active.is_none() {
                        Some(from)
                    } else {
                        nearest(&d.at, &visible.nodes, from, direction)
                    };
                    if let Some(id) = next.and_then(|n| ids.get(n)) {
                        active.set(Some(id.clone()));
                    }
                }
                ("Enter" | " ", _, Some(from)) => {
                    e.prevent_default();
                    if let Some(id) = ids.get(from) {
                        act.emit(Action::Select(id.clone()));
                    }
                }
                ("Escape", _, _) => {
                    active.set(None);
                    act.emit(Action::Close);
                }
                ("+" | "=", _, _) => act.emit(Action::Zoom(125)),
                ("-", _, _) => act.emit(Action::Zoom(80)),
                ("0", _, _) => act.emit(Action::Fit),
                _ => {}
            }
        })
    };
    let onfocus = {
        let (active, first) = (
            active.clone(),
            selected_node
                .or_else(|| v.nodes.first().copied())
                .map(entity_id),
        );
        Callback::from(move |e: FocusEvent| {
            let target = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            // Focus given back after a node's detail closed: that node is the place.
            if let Some(id) = target.as_ref().and_then(|t| t.get_attribute("data-return")) {
                if let Some(t) = &target {
                    let _ = t.remove_attribute("data-return");
                }
                active.set(Some(id));
                return;
            }
            // From the keyboard only: a click on the canvas is no reason to light a node.
            let by_keyboard = target.is_some_and(|t| t.matches(":focus-visible").unwrap_or(false));
            if active.is_none() && by_keyboard {
                active.set(first.clone());
            }
        })
    };
    // A click on the canvas itself (not a node, an edge or its label, and not the end of a drag)
    // clears what was selected or lit. Where it began is read when the button goes down: by the
    // click, selecting a node may have redrawn (and detached) the element clicked.
    let dragged = use_mut_ref(|| false);
    let on_item = use_mut_ref(|| false);
    let onclick_canvas = {
        let (active, act, dragged, on_item, selected) = (
            active.clone(),
            act.clone(),
            dragged.clone(),
            on_item.clone(),
            props.selected.is_some(),
        );
        Callback::from(move |e: MouseEvent| {
            // A click without a pointer (a screen reader's, a script's) is judged by its target.
            let target_on_item = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .filter(|t| t.is_connected())
                .and_then(|t| t.closest(".node, .edge").ok().flatten())
                .is_some();
            let was_item = on_item.replace(false) || target_on_item;
            if !dragged.replace(false) && !was_item {
                active.set(None);
                if selected {
                    act.emit(Action::Close);
                }
            }
        })
    };
    // Layout units per CSS pixel across and down, for turning pointer movement into pan (the
    // canvas is drawn at its measured width, but may have been resized since).
    let scale = {
        let (svg_ref, d) = (svg_ref.clone(), d.clone());
        move || {
            let shown = svg_ref
                .cast::<web_sys::Element>()
                .map_or(d.width, |s| s.get_bounding_client_rect().width().max(1.0));
            let px = d.width / shown;
            (px / d.scale.max(1e-9), px / d.scale_y.max(1e-9))
        }
    };
    let onpointerdown = {
        let (pointers, on_item) = (pointers.clone(), on_item.clone());
        Callback::from(move |e: PointerEvent| {
            *on_item.borrow_mut() = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest(".node, .edge").ok().flatten())
                .is_some();
            pointers.borrow_mut().insert(
                e.pointer_id(),
                (f64::from(e.client_x()), f64::from(e.client_y())),
            );
        })
    };
    let onpointermove = {
        let (pointers, act, dragged) = (pointers.clone(), act.clone(), dragged.clone());
        Callback::from(move |e: PointerEvent| {
            let mut down = pointers.borrow_mut();
            let Some(&before) = down.get(&e.pointer_id()) else {
                return;
            };
            let now = (f64::from(e.client_x()), f64::from(e.client_y()));
            if down.len() == 2 {
                // Pinch: zoom by how much the distance between the two fingers changed.
                let other = down.other_than(e.pointer_id()).unwrap_or(before);
                let (d0, d1) = (dist(before, other), dist(now, other));
                if d0 > 0.0 && (d1 / d0 - 1.0).abs() > 0.02 {
                    act.emit(Action::Zoom((d1 / d0 * 100.0).round() as u32));
                    down.insert(e.pointer_id(), now);
                }
                return;
            }
            // Capture only once this is a drag, so a plain click still reaches its node or edge.
            if dist(before, now) < 3.0 {
                return;
            }
            if let Some(target) = e
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = target.set_pointer_capture(e.pointer_id());
            }
            *dragged.borrow_mut() = true;
            let (sx, sy) = scale();
            let (dx, dy) = (
                ((before.0 - now.0) * sx).round() as i32,
                ((before.1 - now.1) * sy).round() as i32,
            );
            if dx != 0 || dy != 0 {
                act.emit(Action::Pan(dx, dy));
                down.insert(e.pointer_id(), now);
            }
        })
    };
    let onpointerup = {
        let pointers = pointers.clone();
        Callback::from(move |e: PointerEvent| {
            pointers.borrow_mut().remove(&e.pointer_id());
        })
    };

    let edges = v.edges.iter().map(|&e| {
        let edge = &v.layout.edges[e];
        let r = &story.relationships()[edge.relationship];
        let (x1, y1, x2, y2) = segment(&d, edge.from, edge.to);
        let on = lit.is_some_and(|n| edge.from == n || edge.to == n) || props.selected.as_deref() == Some(r.id.as_str());
        let dim = lit.is_some() && !on;
        let onclick = act.reform({
            let id = r.id.clone();
            move |_| Action::Select(id.clone())
        });
        html! {
            <g class={class_list(&["edge", when(on, "edge--lit"), when(dim, "edge--dim")])} data-id={r.id.clone()}>
                <title>{ edge_title(story, r) }</title>
                <line class="edge__line" x1={fmt(x1)} y1={fmt(y1)} x2={fmt(x2)} y2={fmt(y2)} marker-end="url(#arrow)" />
                <line class="edge__hit" x1={fmt(x1)} y1={fmt(y1)} x2={fmt(x2)} y2={fmt(y2)} onclick={onclick.clone()} />
                if let Some(label) = &d.edge_labels[e] {
                    // The label is a target as large as its words, not only the thin line.
                    <rect class="edge__label-hit" x={fmt(label.rect.left)} y={fmt(label.rect.top)}
                        width={fmt(label.rect.right - label.rect.left)} height={fmt(label.rect.bottom - label.rect.top)}
                        onclick={onclick.clone()} />
                    <text class="edge__label" onclick={onclick.clone()} x={fmt((label.rect.left + label.rect.right) / 2.0)} y={fmt(label.rect.top + 11.0)}>
                        { for label.lines.iter().enumerate().map(|(i, line)| {
                            let last = i + 1 == label.lines.len();
                            html! { <tspan x={fmt((label.rect.left + label.rect.right) / 2.0)} dy={if i == 0 { "0" } else { "14" }}>{ if last { line.clone() } else { format!("{line} ") } }</tspan> }
                        }) }
                    </text>
                }
            </g>
        }
    });
    // Each node's number of visible edges, in one pass over them.
    let mut degrees = vec![0usize; v.layout.nodes.len()];
    for &e in &v.edges {
        let edge = &v.layout.edges[e];
        for end in [edge.from, edge.to] {
            if let Some(d) = degrees.get_mut(end) {
                *d += 1;
            }
        }
    }
    let nodes = v.nodes.iter().map(|&n| {
        let node = &v.layout.nodes[n];
        let e = &story.entities()[node.entity];
        let degree = degrees.get(n).copied().unwrap_or(0);
        let dim = lit.is_some() && !neighbours.contains(&n);
        // Shown as a neighbour of what the search or filters matched, not matched itself.
        let context = v.context.binary_search(&n).is_ok();
        let onclick = {
            let (act, active, id) = (act.clone(), active.clone(), e.id.clone());
            Callback::from(move |_| {
                active.set(Some(id.clone()));
                act.emit(Action::Select(id.clone()));
            })
        };
        let onpointerenter = {
            let (hover, id) = (hover.clone(), e.id.clone());
            Callback::from(move |_| hover.set(Some(id.clone())))
        };
        let onpointerleave = {
            let hover = hover.clone();
            Callback::from(move |_| hover.set(None))
        };
        let label = format!("{}, {}, {degree} relationship{}{}", e.name, kind_word(node.kind), if degree == 1 { "" } else { "s" },
            if context { ", connected to a match" } else { "" });
        html! {
            <g id={node_dom_id(story, v, n)} role="option" aria-selected={(selected_node == Some(n)).to_string()} aria-label={label}
                class={class_list(&["node", &format!("node--{}", kind_word(node.kind)), when(active_node == Some(n), "node--active"),
                    when(selected_node == Some(n), "node--selected"), when(dim, "node--dim"), when(lit == Some(n), "node--lit"), when(context, "node--context")])}
                data-id={e.id.clone()} transform={format!("translate({} {})", fmt(d.at[n].0), fmt(d.at[n].1))}
                {onclick} {onpointerenter} {onpointerleave}>
                if let Some(why) = &e.inferred {
                    <title>{ format!("{}. Inferred: {why}", e.name) }</title>
                }
                <circle class="node__ring" r="15" />
                <path class="node__shape" d={shape_path(node.kind)} fill={kind_colour(node.kind)} />
                // Each wrapped line ends in the space it was wrapped at (not drawn: SVG drops a
                // line's trailing space), so the node's text reads as its name does. Where the
                // label would collide with another, it is not drawn: the name stays in the
                // node's accessible name and its tooltip.
                if let Some(label) = d.labels[n] {
                    { for node.lines.iter().enumerate().map(|(i, line)| {
                        let last = i + 1 == node.lines.len();
                        let r = label.rect;
                        let (x, class) = match label.align {
                            Align::Start => (r.left + 4.0, "node__label node__label--start"),
                            Align::Middle => ((r.left + r.right) / 2.0, "node__label"),
                            Align::End => (r.right - 4.0, "node__label node__label--end"),
                        };
                        let y = r.top - d.at[n].1 + NODE_FONT_PX + LINE_PX * i as f64;
                        html! {
                            <text {class} x={fmt(x - d.at[n].0)} y={fmt(y)}>{ if last { line.clone() } else { format!("{line} ") } }</text>
                        }
                    }) }
                } else if e.inferred.is_none() {
                    <title>{ e.name.clone() }</title>
                }
            </g>
        }
    });
    let described = summary(story, v);
    let download = {
        let (story, visible, d) = (props.story.clone(), props.visible.clone(), d.clone());
        let selected = props.selected.clone();
        Callback::from(move |_| {
            download_svg(&export_svg(&story, &visible, &d, lit, selected.as_deref()))
        })
    };
    html! {
        <section class={class_list(&["graph", when(props.detail.is_some(), "graph--detail")])} aria-labelledby="graph-title">
            <h2 id="graph-title">{ "Relationships" }</h2>
            <svg ref={svg_ref} class="graph__canvas" viewBox={view_box} role="listbox" tabindex="0"
                aria-label="Relationship graph" aria-describedby="graph-help graph-summary"
                aria-activedescendant={active_node.map(|n| node_dom_id(story, v, n))}
                {onkeydown} {onfocus} {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}
                onclick={onclick_canvas}>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" class="edge__arrow" />
                    </marker>
                </defs>
                <g class="edges" aria-hidden="true">{ for edges }</g>
                { for nodes }
            </svg>
            // Always a node, empty or not: Yew matches unkeyed siblings from the end, and a
            // child that comes and goes would make it redraw the canvas (and lose its observer).
            { props.detail.clone().unwrap_or_default() }
            <div class="graph__toolbar">
                <button type="button" class="button" onclick={act.reform(|_| Action::Zoom(125))}>{ "Zoom in" }</button>
                <button type="button" class="button" onclick={act.reform(|_| Action::Zoom(80))}>{ "Zoom out" }</button>
                <button type="button" class="button" onclick={act.reform(|_| Action::Fit)}>{ "Fit to view" }</button>
                <button type="button" class="button" onclick={download}>{ "Download SVG" }</button>
            </div>
            <p class="graph__help" id="graph-help">{ "Drag to move, pinch or Ctrl/⌘ + scroll to zoom. In the graph: arrow keys move between people and organizations, Enter opens one, Escape clears." }</p>
            <ul class="graph__legend" aria-label="Legend">
                { for [EntityKind::Person, EntityKind::Organization, EntityKind::Group, EntityKind::Place].into_iter().map(|kind| html! {
                    <li>
                        <svg viewBox="-11 -11 22 22" width="18" height="18" aria-hidden="true" focusable="false">
                            <path d={shape_path(kind)} fill={kind_colour(kind)} />
                        </svg>
                        { kind_word(kind) }
                    </li>
                }) }
                <li><svg viewBox="0 0 30 10" width="30" height="10" aria-hidden="true" focusable="false"><line x1="0" y1="5" x2="24" y2="5" class="edge__line" marker-end="url(#arrow)" /></svg>{ "relationship, read from → to" }</li>
            </ul>
            <p class="graph__summary" id="graph-summary">{ described }</p>
            { table(props) }
        </section>
    }
}

fn dist(a: (f64, f64), b: (f64, f64)) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

fn fmt(x: f64) -> String {
    Coord(x).to_string()
}

/// The table of exactly the edges the graph shows.
fn table(props: &GraphViewProps) -> Html {
    let story = &props.story;
    let rows = rows(story, &props.visible);
    // Behind a disclosure in an embed, whose height is the host page's; open elsewhere.
    html! {
        <details class="relationships__more">
        <summary>{ format!("Table of the relationships shown ({})", rows.len()) }</summary>
        <div class="table-scroll" role="region" aria-labelledby="relationships-caption" tabindex="0">
            <table class="relationships">
                <caption id="relationships-caption">{ format!("Relationships shown ({})", rows.len()) }</caption>
                <thead><tr>
                    <th scope="col">{ "Source" }</th><th scope="col">{ "Relation" }</th><th scope="col">{ "Target" }</th>
                    <th scope="col">{ "Date" }</th><th scope="col">{ "Source sentence" }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|row| {
                        let at = story.find(&row.id).and_then(|item| match item {
                            story_core::story::ItemRef::Relationship(i) => Some(story.relationships()[i].at.clone()),
                            _ => None,
                        }).unwrap_or_default();
                        let onclick = props.on_action.reform({ let id = row.id.clone(); move |_| Action::Select(id.clone()) });
                        html! {
                            <tr data-id={row.id.clone()}>
                                <td>{ row.from.clone() }</td>
                                <td><button type="button" class="link-button" {onclick}>{ row.label.clone() }</button>{ inferred_note(&row.inferred) }</td>
                                <td>{ row.to.clone() }</td>
                                <td>
                                    if !row.dates.is_empty() {
                                        <ul class="dates">{ for row.dates.iter().map(|d| html! { <li>{ date_view(d) }</li> }) }</ul>
                                    }
                                </td>
                                <td>{ source_sentence(story, &at) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
        </details>
    }
}

/// Saves `svg` as a file through a same-origin blob URL: no request leaves the page.
fn download_svg(svg: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let link = gloo::utils::document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(link) = link {
        link.set_href(&url);
        link.set_download("relationships.svg");
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
