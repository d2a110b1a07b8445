//! A panic must never leave a blank page: the hook replaces the app with a readable message.
//! It uses the DOM directly, because after a panic no Yew component can be trusted to render.

use wasm_bindgen::JsCast;

/// Installs the hook through Yew, which otherwise replaces any hook with its own when it renders.
#[cfg(target_arch = "wasm32")]
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        gloo::console::error!(format!("Story Explorer stopped: {info}"));
        show_fatal_error(&info.to_string());
    }));
}

/// Hides the app and shows `#fatal` (created if the page lacks it) with `detail` under a plain
/// explanation. Never panics itself.
pub fn show_fatal_error(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(app) = document.get_element_by_id("app") {
        let _ = app.set_attribute("hidden", "");
    }
    // The page's stylesheet shows the article written at build time (#essentials) once the
    // engine is marked failed, so a reader who came for the story still has it.
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-engine", "failed");
    }
    let article_below = document.get_element_by_id("essentials").is_some();
    let fatal = document.get_element_by_id("fatal").or_else(|| {
        let made = document.create_element("div").ok()?;
        made.set_id("fatal");
        document.body()?.append_child(&made).ok()?;
        Some(made)
    });
    let Some(fatal) = fatal else { return };
    let _ = fatal.set_attribute("role", "alert");
    fatal.set_text_content(None);
    let parts = [
        ("h2", "Sorry, the story explorer stopped working."),
        (
            "p",
            if article_below {
                "Reloading the page usually helps. The article is below."
            } else {
                "Reloading the page usually helps. The article itself is unaffected."
            },
        ),
        ("p", detail),
    ];
    for (tag, text) in parts {
        if let Ok(el) = document.create_element(tag) {
            el.set_text_content(Some(text));
            let _ = fatal.append_child(&el);
        }
    }
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", "");
        link.set_text_content(Some("Reload the explorer"));
        let _ = fatal.append_child(&link);
    }
    if let Some(el) = fatal.dyn_ref::<web_sys::HtmlElement>() {
        el.set_hidden(false);
        let _ = el.set_attribute("tabindex", "-1");
        super::guest::focus(el);
    }
}
