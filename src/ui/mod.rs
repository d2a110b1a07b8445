//! The browser side: Yew components that render what the pure modules derive, and the few
//! places that must touch the DOM directly (mounting, the panic message, focus).

mod app;
mod card;
mod card_grid;
mod claims;
mod date;
mod detail;
mod embed;
mod filters;
mod graph;
mod header;
mod highlight;
mod history;
mod panic;
mod perf;
mod reader;
mod share;
mod timeline;

pub use app::App;
pub use card::{CardView, CardViewProps};
pub use detail::{DetailPanel, DetailPanelProps};
pub use panic::{install_panic_hook, show_fatal_error};

use crate::story::Story;
use std::rc::Rc;

/// The story, shared by every component; compared by identity, since it never changes.
#[derive(Clone, Debug)]
pub struct StoryRef(pub Rc<Story>);

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

/// Mounts the app in `#app`, or in `<body>` if a host page lacks it.
pub fn start() {
    // Read by the browser benchmark: the wasm is downloaded, compiled and running.
    perf::mark("app-start");
    install_panic_hook();
    let document = web_sys::window().and_then(|w| w.document());
    let root = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("app"))
        .or_else(|| {
            document
                .as_ref()
                .and_then(|d| d.body())
                .map(web_sys::Element::from)
        });
    match root {
        Some(root) => {
            announce("explorer-mounting");
            yew::Renderer::<App>::with_root(root).render();
        }
        None => show_fatal_error("the page has no place to show the explorer"),
    }
}

/// Tells the page's boot script (static/boot.js) where the engine is: `explorer-mounting` just
/// before it replaces the pre-rendered first view, `explorer-ready` once its own render is shown.
pub(crate) fn announce(name: &str) {
    let event = web_sys::Event::new(name);
    let document = web_sys::window().and_then(|w| w.document());
    if let (Ok(event), Some(document)) = (event, document) {
        let _ = document.dispatch_event(&event);
    }
}
