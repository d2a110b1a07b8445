//! The explorer rendered at build time by the same components the browser runs, through Yew's
//! server renderer, with the markers hydration needs to adopt the DOM in place.

use crate::ui::{App, AppProps};

/// The explorer as it renders for `link` (a query string without `?`), as HTML for `#app`.
pub fn explorer(link: &str) -> String {
    let props = AppProps {
        link: link.to_owned().into(),
    };
    let renderer = yew::LocalServerRenderer::<App>::with_props(props).hydratable(true);
    // Nothing in the app suspends or spawns while rendering, so no runtime is needed.
    futures::executor::block_on(renderer.render())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_front_page_renders_the_cards_view_with_hydration_markers() {
        let html = explorer("");
        assert!(
            html.starts_with("<!--<[") && html.ends_with("]>-->"),
            "{:.80}",
            html
        );
        assert!(html.contains("id=\"open-sergey-kislyak\""));
        let at = html.find("id=\"search\"").expect("a search box");
        let tag = &html[html[..at].rfind('<').unwrap()..at + html[at..].find('>').unwrap()];
        assert!(
            tag.starts_with("<input") && tag.contains("type=\"search\""),
            "{tag}"
        );
        assert!(!html.contains("class=\"tl-event"));
    }

    #[test]
    fn a_link_renders_the_view_it_names() {
        let html = explorer("view=timeline");
        assert!(
            html.contains("class=\"tl-event"),
            "the timeline is rendered"
        );
        assert!(!html.contains("id=\"open-sergey-kislyak\""));
    }

    #[test]
    fn every_view_renders_at_build_time_with_an_item_open() {
        // Rendering natively would panic on any component that read the browser while rendering.
        for view in ["cards", "timeline", "claims", "graph", "article"] {
            let html = explorer(&format!("view={view}&item=sergey-kislyak"));
            assert!(html.contains("id=\"detail\""), "{view}: the detail is open");
        }
    }
}
