//! A good guest: embedded in another site's page, the explorer never takes that page's focus or
//! scrolls it. Focusing an element inside a frame moves the host page's keyboard focus into the
//! frame (what the reader types in the host's own search box lands here) and scrolls the host to
//! show it; `scrollIntoView` scrolls every scrollable ancestor, the host's included. So every
//! programmatic focus and scroll goes through here: in an embed, focus waits until the reader
//! has acted inside the frame (a press, tap or key there; one in the host page does not count),
//! and never scrolls; a page of its own focuses as before.

use wasm_bindgen::JsCast;

/// Whether the page is embedded (`data-embed`, set by the boot script before first paint).
pub fn embedded() -> bool {
    gloo::utils::document()
        .document_element()
        .is_some_and(|root| root.has_attribute("data-embed"))
}

/// Whether the reader has pressed, tapped, clicked or typed inside this document since it loaded:
/// `data-acted`, which static/boot.js sets on the first trusted pointer, key or click event (a
/// screen reader's browse mode activates controls with a bare click). (The
/// browser's own `navigator.userActivation` would do, but automation's script evaluation grants
/// it, so tests could not tell a guest from an intruder.)
fn reader_has_acted() -> bool {
    gloo::utils::document()
        .document_element()
        .is_some_and(|root| root.has_attribute("data-acted"))
}

/// Whether the page may move focus now: always on a page of its own; in an embed, once the
/// reader has acted inside it, or while it has focus already (moving it within the frame takes
/// nothing from the host).
pub fn may_focus() -> bool {
    !embedded() || reader_has_acted() || gloo::utils::document().has_focus().unwrap_or(false)
}

/// Focuses `element` if the page may (see [`may_focus`]); embedded, without scrolling, since the
/// embed's document is never taller than its frame and any scroll would be the host page's.
pub fn focus(element: &web_sys::Element) {
    if may_focus() {
        focus_with(element, embedded());
    }
}

/// Focuses an HTML or an SVG element (the graph's canvas is one), with or without its scroll.
fn focus_with(element: &web_sys::Element, prevent_scroll: bool) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(prevent_scroll);
    if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus_with_options(&options);
    } else if let Some(svg) = element.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus_with_options(&options);
    }
}

/// Focuses `element` without a scroll of its own, for a caller that scrolls (see
/// [`scroll_into_view`]).
pub fn focus_in_place(element: &web_sys::Element) {
    if may_focus() {
        focus_with(element, true);
    }
}

/// Scrolls `element` to the middle of the screen on a page of its own. Embedded it does nothing:
/// the caller shows it by lifting the embed's cap instead (see `ui::app`).
pub fn scroll_into_view(element: &web_sys::Element) {
    if embedded() {
        return;
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Focuses `element` and, on a page of its own, brings it on screen if it is not (the least
/// scroll that shows it): focus is never left on something out of sight, which a focus after a
/// mouse click, or on an element that just moved, does not guarantee.
pub fn focus_in_sight(element: &web_sys::Element) {
    focus_in_place(element);
    if embedded() {
        return;
    }
    let r = element.get_bounding_client_rect();
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if r.top() < 0.0 || r.bottom() > height {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
