//! The relationship view's code — its layout, its drawing and its component — which no other view
//! uses. Built with the `split` feature, it is a wasm chunk of its own (scripts/split-engine.mjs),
//! fetched once the explorer is ready (`prefetch`), or before, for a link that shows the graph;
//! without the feature, it is simply part of the engine.

use super::graph::{GraphViewProps, RelationshipGraph};
use crate::views::graph::{self, Visible};
use crate::views::layout::{self, Layout};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use story_core::set::SortedSet;
use story_core::story::Story;
use yew::prelude::*;

/// The full layout, made the first time the graph is shown and then kept.
pub type LayoutCache = RefCell<Option<Rc<Layout>>>;

/// What the explorer calls into the graph's code through.
#[derive(Clone, Copy)]
pub struct GraphCode {
    /// The part of the graph these entities show, around `focus`; the full layout is made once,
    /// the first time, and kept in `full`.
    pub visible: fn(&Story, &LayoutCache, &SortedSet<usize>, Option<usize>) -> Visible,
    pub render: fn(GraphViewProps) -> Html,
}

fn visible(
    story: &Story,
    full: &LayoutCache,
    entities: &SortedSet<usize>,
    focus: Option<usize>,
) -> Visible {
    let full = full
        .borrow_mut()
        .get_or_insert_with(|| {
            super::perf::mark("layout-start");
            let graph = Rc::new(layout::layout(story));
            super::perf::measure("layout", "layout-start");
            graph
        })
        .clone();
    graph::visible(&full, entities, focus)
}

fn render(props: GraphViewProps) -> Html {
    html! { <RelationshipGraph ..props /> }
}

fn code() -> GraphCode {
    GraphCode { visible, render }
}

thread_local! {
    static LOADED: Cell<Option<GraphCode>> = const { Cell::new(None) };
}

/// The graph's code if it is here: always without `split`; with it, once `load` has finished.
pub fn get() -> Option<GraphCode> {
    if cfg!(not(all(feature = "split", target_arch = "wasm32"))) {
        return Some(code());
    }
    LOADED.with(Cell::get)
}

/// The chunk could not be fetched or did not match its hash.
#[derive(Debug)]
pub struct LoadFailed;

#[cfg(all(feature = "split", target_arch = "wasm32"))]
impl From<wasm_split_helpers::SplitLoaderError> for LoadFailed {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        LoadFailed
    }
}

#[cfg(all(feature = "split", target_arch = "wasm32"))]
#[wasm_split_helpers::wasm_split(graph, fallible)]
fn split_code() -> Result<GraphCode, LoadFailed> {
    Ok(code())
}

/// Whether a link shows the graph, whose code must then be here before the link is drawn.
#[cfg(target_arch = "wasm32")]
pub fn shown_by(link: &str) -> bool {
    crate::views::url_state::view_named(link) == Some(crate::views::view_state::View::Graph)
}

/// The graph's code as the explorer sees it while rendering.
pub enum Chunk {
    Here(GraphCode),
    Loading,
    /// Its download failed; the callback tries again.
    Failed(Callback<()>),
}

/// The graph's code, fetched the first time it is `wanted`; the component renders again when it
/// arrives or fails.
#[hook]
pub fn use_graph_code(wanted: bool) -> Chunk {
    let arrived = use_force_update();
    let failed = use_state_eq(|| false);
    let code = get();
    super::effects::use_effect_on((wanted && code.is_none(), *failed), {
        let failed = failed.clone();
        move |(fetch, failed_before)| {
            if *fetch && !*failed_before {
                wasm_bindgen_futures::spawn_local(async move {
                    match load().await {
                        Ok(_) => arrived.force_update(),
                        Err(_) => failed.set(true),
                    }
                });
            }
        }
    });
    match (code, *failed) {
        (Some(code), _) => Chunk::Here(code),
        (None, false) => Chunk::Loading,
        (None, true) => Chunk::Failed(Callback::from(move |_| failed.set(false))),
    }
}

/// Fetches the graph's chunk (once; a failure is not kept, so a later call tries again). The
/// root's `data-graph-code` says how the last fetch went: `here` or `failed`.
pub async fn load() -> Result<GraphCode, LoadFailed> {
    if let Some(code) = get() {
        return Ok(code);
    }
    let fetched = fetch_chunk().await;
    let outcome = match fetched {
        Ok(code) => {
            LOADED.with(|l| l.set(Some(code)));
            "here"
        }
        Err(_) => "failed",
    };
    let _ = gloo::utils::document_element().set_attribute("data-graph-code", outcome);
    fetched
}

#[cfg(all(feature = "split", target_arch = "wasm32"))]
async fn fetch_chunk() -> Result<GraphCode, LoadFailed> {
    split_code().await
}

#[cfg(not(all(feature = "split", target_arch = "wasm32")))]
async fn fetch_chunk() -> Result<GraphCode, LoadFailed> {
    Ok(code())
}

/// Once the explorer is ready, its graph's code follows straight away: off the way to the first
/// view, but here before the reader needs it, so that the graph opens without a wait and the
/// explorer keeps working offline. If it fails, the graph fetches it again when shown.
pub fn prefetch() {
    thread_local! {
        static STARTED: Cell<bool> = const { Cell::new(false) };
    }
    if !STARTED.with(|s| s.replace(true)) {
        wasm_bindgen_futures::spawn_local(async {
            let _ = load().await;
        });
    }
}
