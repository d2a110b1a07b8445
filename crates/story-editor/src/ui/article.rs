//! The article pane: the exact text with every item's words marked, a caret and selection by
//! mouse, touch or keyboard (a read-only text box), and the acts on the selected words.

use super::state::{Act, Note, Shared, Tab};
use crate::outline::Group;
use crate::runs::{byte_at, paragraphs, Mark};
use std::ops::Range;
use std::rc::Rc;
use story_core::story::EntityKind;
use story_edit::{Edit, NewItem};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticlePaneProps {
    pub session: Shared,
    pub version: u64,
    pub groups: Rc<Vec<Group>>,
    pub selected: Option<String>,
    pub selection: Option<Range<usize>>,
    pub on_selection: Callback<Option<Range<usize>>>,
    pub on_act: Callback<Act>,
}

/// The byte offset in the article of a selection's boundary (`node`, `offset` as the DOM gives
/// them), read from the runs' `data-at` and `data-end`.
fn boundary(node: &Node, offset: u32) -> Option<usize> {
    if node.node_type() == Node::TEXT_NODE {
        let run = node.parent_element()?;
        let at: usize = run.get_attribute("data-at")?.parse().ok()?;
        return Some(at + byte_at(&node.text_content().unwrap_or_default(), offset as usize));
    }
    let element: &Element = node.dyn_ref()?;
    let children = element.child_nodes();
    if offset < children.length() {
        let child = children.get(offset)?;
        let first = match child.dyn_ref::<Element>() {
            Some(e) if e.has_attribute("data-at") => Some(e.clone()),
            Some(e) => e.query_selector("[data-at]").ok().flatten(),
            None => child.parent_element(),
        }?;
        first.get_attribute("data-at")?.parse().ok()
    } else {
        let all = element.query_selector_all("[data-end]").ok()?;
        let last = if element.has_attribute("data-end") {
            element.clone()
        } else {
            all.get(all.length().checked_sub(1)?)?.dyn_into().ok()?
        };
        last.get_attribute("data-end")?.parse().ok()
    }
}

/// The selection in `root` as bytes of the article, when there is one inside it.
fn read_selection(root: &Element) -> Option<Option<Range<usize>>> {
    let selection = gloo::utils::window().get_selection().ok().flatten()?;
    if selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let inside = |n: Node| root.contains(Some(&n));
    if !inside(range.start_container().ok()?) || !inside(range.end_container().ok()?) {
        return None;
    }
    if range.collapsed() {
        return Some(None);
    }
    let start = boundary(&range.start_container().ok()?, range.start_offset().ok()?)?;
    let end = boundary(&range.end_container().ok()?, range.end_offset().ok()?)?;
    Some((start < end).then_some(start..end))
}

/// Shows `range` of the article as the page's selection (after "Find").
fn show_selection(root: &Element, range: &Range<usize>) -> Option<()> {
    let document = gloo::utils::document();
    let runs = root.query_selector_all("[data-at]").ok()?;
    let point = |byte: usize, is_end: bool| -> Option<(Node, u32)> {
        for i in 0..runs.length() {
            let run: Element = runs.get(i)?.dyn_into().ok()?;
            if run.tag_name() == "P" {
                continue;
            }
            let at: usize = run.get_attribute("data-at")?.parse().ok()?;
            let end: usize = run.get_attribute("data-end")?.parse().ok()?;
            let inside = if is_end {
                at < byte && byte <= end
            } else {
                at <= byte && byte < end
            };
            if inside {
                let text = run.first_child()?;
                let words = text.text_content()?;
                let units = words.get(..byte - at)?.encode_utf16().count() as u32;
                return Some((text, units));
            }
        }
        None
    };
    let (start, start_offset) = point(range.start, false)?;
    let (end, end_offset) = point(range.end, true)?;
    let dom = document.create_range().ok()?;
    dom.set_start(&start, start_offset).ok()?;
    dom.set_end(&end, end_offset).ok()?;
    let selection = gloo::utils::window().get_selection().ok().flatten()?;
    selection.remove_all_ranges().ok()?;
    selection.add_range(&dom).ok()?;
    if let Some(el) = start.parent_element() {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
    Some(())
}

/// The next place `words` occur after `from` (wrapping), ignoring case when it must.
fn find(article: &str, words: &str, from: usize) -> Option<Range<usize>> {
    let words = words.trim();
    if words.is_empty() {
        return None;
    }
    let exact = |start: usize| article.get(start..)?.find(words).map(|i| start + i);
    let at = exact(from).or_else(|| exact(0)).or_else(|| {
        let lower = article.to_lowercase();
        (lower.len() == article.len())
            .then(|| lower.find(&words.to_lowercase()))
            .flatten()
    })?;
    Some(at..at + words.len())
}

/// A button of the selection bar: its label, the entity kind it makes (if an entity) and the item.
type Make = (&'static str, Option<EntityKind>, fn() -> NewItem);

const MAKE: [Make; 8] = [
    ("Quote", None, || NewItem::Quote),
    ("Person", Some(EntityKind::Person), || NewItem::Entity),
    ("Organization", Some(EntityKind::Organization), || {
        NewItem::Entity
    }),
    ("Group", Some(EntityKind::Group), || NewItem::Entity),
    ("Place", Some(EntityKind::Place), || NewItem::Entity),
    ("Event", None, || NewItem::Event),
    ("Relationship", None, || NewItem::Relationship),
    ("Claim", None, || NewItem::Claim),
];

#[component]
pub fn ArticlePane(props: &ArticlePaneProps) -> Html {
    let root = use_node_ref();
    let paras = use_memo((props.version, props.groups.clone()), {
        let session = props.session.clone();
        move |(_, groups)| {
            let marks: Vec<Mark> = crate::outline::marks(groups);
            let article = session.borrow().article().to_owned();
            (paragraphs(&article, &marks), marks, article)
        }
    });
    {
        let (root, on_selection) = (root.clone(), props.on_selection.clone());
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            // While a button is held down in the article, the selection is said once it is let
            // go: the words and buttons it shows above the text would move the text under the
            // pointer mid-drag, and the drag would end on other words than the ones aimed at.
            let held = Rc::new(std::cell::Cell::new(false));
            let report = move || {
                if let Some(el) = root.cast::<Element>() {
                    if let Some(read) = read_selection(&el) {
                        on_selection.emit(read);
                    }
                }
            };
            let report = Rc::new(report);
            let changed = {
                let (held, report) = (held.clone(), report.clone());
                gloo::events::EventListener::new(&document, "selectionchange", move |_| {
                    if !held.get() {
                        report();
                    }
                })
            };
            let pressed = {
                let held = held.clone();
                gloo::events::EventListener::new(&document, "pointerdown", move |e| {
                    let in_article = e
                        .target()
                        .and_then(|t| t.dyn_into::<Element>().ok())
                        .and_then(|t| t.closest(".article-text").ok().flatten())
                        .is_some();
                    let mouse = e
                        .dyn_ref::<web_sys::PointerEvent>()
                        .is_some_and(|p| p.pointer_type() != "touch");
                    held.set(in_article && mouse);
                })
            };
            // Let go anywhere, or the press taken over by the browser: the selection as it is now.
            let released = ["pointerup", "pointercancel", "blur"].map(|name| {
                let (held, report) = (held.clone(), report.clone());
                gloo::events::EventListener::new(&gloo::utils::window(), name, move |_| {
                    if held.replace(false) {
                        report();
                    }
                })
            });
            move || drop((changed, pressed, released))
        });
    }
    {
        // The text box is read-only: it has a caret and a selection, and takes no typing.
        let root = root.clone();
        use_effect_with((), move |_| {
            let listener = root.cast::<Element>().map(|el| {
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(&el, "beforeinput", options, |e| {
                    e.prevent_default()
                })
            });
            move || drop(listener)
        });
    }
    {
        let root = root.clone();
        use_effect_with(props.selected.clone(), move |selected| {
            let found = selected
                .as_ref()
                .zip(root.cast::<Element>())
                .and_then(|(id, el)| {
                    el.query_selector(&format!("[data-items~=\"{}\"]", id.replace('"', "")))
                        .ok()
                        .flatten()
                });
            if let Some(mark) = found {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                mark.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
    let (paragraphs_, marks, article) = &*paras;
    let selected = props.selected.as_deref();
    let render_run = |run: &crate::runs::Run| {
        let words = article[run.range.clone()].to_owned();
        let classes: Vec<&str> = run.marks.iter().map(|&i| marks[i].class).collect();
        let ids: Vec<&str> = run.marks.iter().map(|&i| marks[i].id.as_str()).collect();
        let is_selected = selected.is_some_and(|s| ids.contains(&s));
        let class = classes.first().map(|c| format!("mark mark--{c}"));
        html! {
            <span data-at={run.range.start.to_string()} data-end={run.range.end.to_string()}
                class={classes!(class, is_selected.then_some("mark--selected"))}
                data-items={(!ids.is_empty()).then(|| ids.join(" "))}>{ words }</span>
        }
    };
    let onclick = {
        let on_act = props.on_act.clone();
        Callback::from(move |e: MouseEvent| {
            let collapsed = gloo::utils::window()
                .get_selection()
                .ok()
                .flatten()
                .is_none_or(|s| s.is_collapsed());
            let mark = e
                .target_dyn_into::<Element>()
                .and_then(|t| t.closest("[data-items]").ok().flatten());
            if let (true, Some(mark)) = (collapsed, mark) {
                let first = mark.get_attribute("data-items").unwrap_or_default();
                if let Some(id) = first.split(' ').next() {
                    on_act.emit(Act::Select(Some(id.to_owned())));
                }
            }
        })
    };
    let session = props.session.borrow();
    let text = session.article();
    let chosen = props.selection.as_ref().and_then(|r| text.get(r.clone()));
    let make = |(label, kind, item): Make| {
        let range = props.selection.clone();
        let on_act = props.on_act.clone();
        html! {
            <button type="button" class="button" disabled={range.is_none()}
                onclick={Callback::from(move |_| if let Some(range) = range.clone() {
                    match kind {
                        Some(kind) if kind != EntityKind::Person => on_act.emit(Act::MakeEntity { kind, range }),
                        _ => on_act.emit(Act::Edit(Edit::MakeItem { item: item(), range })),
                    }
                })}>{ label }</button>
        }
    };
    let claim = selected.filter(|id| session.file().claims.iter().any(|c| c.id == *id));
    let response = claim.map(|claim| {
        let (range, on_act, claim) = (props.selection.clone(), props.on_act.clone(), claim.to_owned());
        html! {
            <button type="button" class="button" disabled={range.is_none()}
                onclick={Callback::from(move |_| if let Some(range) = range.clone() {
                    on_act.emit(Act::Edit(Edit::MakeItem { item: NewItem::Response { claim: claim.clone() }, range }));
                })}>{ "Response to the selected claim" }</button>
        }
    });
    let respan = selected
        .filter(|id| !session.file().sides.iter().any(|s| s.id == *id))
        .map(|id| {
            let (range, on_act, id) =
                (props.selection.clone(), props.on_act.clone(), id.to_owned());
            html! {
                <button type="button" class="button" disabled={range.is_none()}
                    onclick={Callback::from(move |_| if let Some(range) = range.clone() {
                        on_act.emit(Act::Edit(Edit::SetSpan { id: id.clone(), range }));
                    })}>{ "Use as the selected item’s words" }</button>
            }
        });
    let find_input = use_node_ref();
    let on_find = {
        let (find_input, root, on_selection, on_act) = (
            find_input.clone(),
            root.clone(),
            props.on_selection.clone(),
            props.on_act.clone(),
        );
        let (article, from) = (
            text.to_owned(),
            props.selection.as_ref().map_or(0, |r| r.start + 1),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let words = find_input
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            match find(&article, &words, from.min(article.len())) {
                Some(range) => {
                    if let Some(el) = root.cast::<Element>() {
                        show_selection(&el, &range);
                    }
                    on_selection.emit(Some(range));
                }
                None => on_act.emit(Act::Say(Note {
                    text: format!("“{}” is not in the article.", words.trim()),
                    error: true,
                    about: None,
                    force_delete: None,
                })),
            }
        })
    };
    html! {
        <section class="pane pane--article" aria-labelledby="article-title">
            <h2 id="article-title" class="pane__title">{ "The article" }</h2>
            <div class="selection-bar">
                <p class="selection-bar__words" aria-live="polite">
                    { match chosen {
                        Some(words) => html! { <>{ "Selected: " }<q>{ short(words) }</q></> },
                        None => html! { "Select words (or find them) to make an item of them, or to change an item’s words." },
                    } }
                </p>
                // Shown once there are words to act on: on a phone, the article stays on the first screen.
                if chosen.is_some() {
                    <div class="selection-bar__make" role="group" aria-label="Make the selected words">
                        { for MAKE.into_iter().map(make) }
                        { response }
                        { respan }
                    </div>
                }
                <form class="selection-bar__find" onsubmit={on_find} role="search">
                    <label for="find-words">{ "Find words" }</label>
                    <input id="find-words" type="search" ref={find_input} autocomplete="off" />
                    <button type="submit" class="button">{ "Select them" }</button>
                </form>
            </div>
            <div class="article-text" ref={root} contenteditable="true" role="textbox" aria-readonly="true"
                aria-multiline="true" aria-label="The article. Select words to make an item of them." spellcheck="false"
                onpaste={Callback::from(|e: Event| e.prevent_default())}
                oncut={Callback::from(|e: Event| e.prevent_default())} ondrop={Callback::from(|e: DragEvent| e.prevent_default())}
                {onclick}>
                { for paragraphs_.iter().map(|p| html! {
                    <p data-at={p.range.start.to_string()} data-end={p.range.end.to_string()}>{ for p.runs.iter().map(render_run) }</p>
                }) }
            </div>
            if selected.is_some() {
                <button type="button" class="button narrow-only" onclick={props.on_act.reform(|_| Act::Show(Tab::Items))}>{ "Edit the selected item" }</button>
            }
        </section>
    }
}

fn short(words: &str) -> String {
    const MAX: usize = 120;
    match words.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &words[..at]),
        None => words.to_owned(),
    }
}
