//! Yew components that render what `views` derives — in the browser, and at build time through
//! Yew's server renderer (see `build::render`) — and the few places that must touch the DOM
//! directly (hydrating, the panic message, focus, the address bar, embed heights).

mod app;
mod card;
mod card_grid;
mod claims;
mod date;
mod detail;
mod effects;
mod embed;
mod filters;
mod focus;
mod graph;
mod graph_code;
mod guest;
mod header;
mod highlight;
mod history;
mod inferred;
mod measure;
mod panic;
mod perf;
mod place;
mod reader;
mod share;
mod timeline;

pub use app::{App, AppProps};
pub use card::{CardView, CardViewProps};
pub use detail::{DetailPanel, DetailPanelProps};
#[cfg(target_arch = "wasm32")]
pub use panic::install_panic_hook;
pub use panic::show_fatal_error;

use std::rc::Rc;
use story_core::story::Story;

/// The story, shared by every component; compared by identity, since it never changes.
#[derive(Clone, Debug)]
/// The story shown, and whether the build wrote a page for each of its items (see
/// `views::share::item_path`).
pub struct StoryRef(pub Rc<Story>, pub bool);

impl PartialEq for StoryRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for StoryRef {
    type Target = Story;
    fn deref(&self) -> &Story {
        &self.0
    }
}

/// A `class` attribute from its parts, skipping empty ones: what `classes!` does, without the
/// ordered hash map that Yew's `Classes` brings into the wasm.
pub(crate) fn class_list(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `name` when `on`, else nothing: a modifier class.
pub(crate) fn when(on: bool, name: &str) -> &str {
    if on {
        name
    } else {
        ""
    }
}

thread_local! {
    static HYDRATING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the engine is adopting the page as built (from `start` until the app's first effect).
pub(crate) fn hydrating() -> bool {
    HYDRATING.with(|h| h.get())
}

pub(crate) fn set_hydrating(on: bool) {
    HYDRATING.with(|h| h.set(on));
}

/// A text field's value for Yew to set: none while hydrating, so that what a reader typed into
/// the page as built stays in the field (the field adopts it, see `filters`). Yew keeps the value
/// of a field's first render as the base it compares with, so afterwards it is always given.
pub(crate) fn field_value(value: &str) -> Option<String> {
    (!hydrating()).then(|| value.to_owned())
}

/// The attribute of `#app` that holds the link the page was built for; the build writes it.
pub const BUILT_LINK_ATTRIBUTE: &str = "data-link";

/// Hydrates the explorer the build rendered into `#app`, with the props it was rendered with; a
/// page without one (a host page that lacks it) gets a fresh render in `<body>`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    // Read by the browser benchmark: the wasm is downloaded, compiled and running.
    perf::mark("app-start");
    install_panic_hook();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return show_fatal_error("the page has no document to show the explorer in");
    };
    let built = document
        .get_element_by_id("app")
        .and_then(|root| root.get_attribute(BUILT_LINK_ATTRIBUTE))
        .unwrap_or_default();
    let wanted = crate::views::url_state::effective(&built, &history::current_query());
    if graph_code::get().is_none()
        && (graph_code::shown_by(&built) || graph_code::shown_by(&wanted))
    {
        // The graph is what the page or its link shows: its code comes first, so that the page
        // is adopted and moved to the link at once, and what the reader does meanwhile is kept
        // by the boot script (which replays it) rather than undone by the move.
        wasm_bindgen_futures::spawn_local(async move {
            let here = graph_code::load().await.is_ok();
            mount(&document, here);
        });
    } else {
        mount(&document, true);
    }
}

/// Hydrates the page as built if it can be (`graph_here`: the graph's code is, if it shows the
/// graph), or else renders the explorer afresh, which says in the graph's place what went wrong.
#[cfg(target_arch = "wasm32")]
fn mount(document: &web_sys::Document, graph_here: bool) {
    let app = document.get_element_by_id("app");
    let built = app
        .as_ref()
        .and_then(|root| root.get_attribute(BUILT_LINK_ATTRIBUTE));
    announce("explorer-mounting");
    match (app, built) {
        (Some(root), Some(link))
            if as_built(document, &root) && (graph_here || !graph_code::shown_by(&link)) =>
        {
            hydrate(root, link);
        }
        // A page changed since it was built (translated by the browser, its comments stripped
        // by a proxy) cannot be hydrated, which would panic: render it afresh, from the same link.
        (Some(root), built) => {
            root.set_text_content(None);
            let props = AppProps {
                link: built.unwrap_or_default().into(),
            };
            yew::Renderer::<App>::with_root_and_props(root, props).render();
        }
        (None, _) => match document.body() {
            Some(body) => {
                yew::Renderer::<App>::with_root(body.into()).render();
            }
            None => show_fatal_error("the page has no place to show the explorer"),
        },
    }
}

#[cfg(target_arch = "wasm32")]
fn hydrate(root: web_sys::Element, link: String) {
    let props = AppProps { link: link.into() };
    set_hydrating(true);
    yew::Renderer::<App>::with_root_and_props(root, props).hydrate();
}

/// Whether `root` still holds the explorer exactly as the build rendered it: it opens with the
/// render's hydration marker, and no browser translation has rewritten its text (translators
/// wrap words in `<font>` and mark `<html>` as translated).
#[cfg(target_arch = "wasm32")]
fn as_built(document: &web_sys::Document, root: &web_sys::Element) -> bool {
    let marked = root.first_child().is_some_and(|node| {
        node.node_type() == web_sys::Node::COMMENT_NODE
            && node.node_value().is_some_and(|text| text.starts_with("<["))
    });
    let translated = document
        .document_element()
        .is_some_and(|html| html.class_name().contains("translated-"));
    let rewritten = root.query_selector("font").ok().flatten().is_some();
    marked && !translated && !rewritten
}

/// Tells the page's boot script (static/boot.js) where the engine is: `explorer-mounting` just
/// before it hydrates the page (clicks from then on are the engine's), `explorer-ready` once it
/// shows what the page's link asks for.
pub(crate) fn announce(name: &str) {
    let event = web_sys::Event::new(name);
    let document = web_sys::window().and_then(|w| w.document());
    if let (Ok(event), Some(document)) = (event, document) {
        let _ = document.dispatch_event(&event);
    }
}

// The editor's preview (crates/story-editor); see `app::preview`.
#[cfg(feature = "preview")]
pub use app::preview::{Preview, PreviewProps};
