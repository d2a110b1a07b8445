//! Tells the host page how tall the embed is, whenever that changes, in the two formats news
//! pages already listen for: pym.js child messages and Datawrapper height messages.

use crate::views::share::{pym_height_message, DATAWRAPPER_HEIGHT, MAX_HEIGHT};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Observes the page's height while alive; dropping it stops the observer.
pub struct HeightReporter {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// The embed's presentation: `data-embed` on the root element, which the stylesheet keys the
/// compact look on (the boot script sets it before first paint; this keeps it true after a move
/// to a link that turns it on or off), and the height reports while in a frame.
pub fn present(embed: bool, child_id: String) -> Option<HeightReporter> {
    let root = web_sys::window()?.document()?.document_element()?;
    let _ = if embed {
        root.set_attribute("data-embed", "")
    } else {
        root.remove_attribute("data-embed")
    };
    embed.then(|| report_height(child_id)).flatten()
}

/// Starts watching the page's height: to mark the capped region (see [`mark_clipped`]), and,
/// if the page is in a frame, to report it. `child_id` is the id pym.js gave the iframe (its
/// `childId` parameter), also used as the Datawrapper chart id.
fn report_height(child_id: String) -> Option<HeightReporter> {
    let window = web_sys::window()?;
    let framed = window.parent().ok().flatten().filter(|p| *p != window);
    let body = window.document()?.body()?;
    let mut last = 0u32;
    let measured = body.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        mark_clipped();
        let Some(parent) = &framed else {
            return;
        };
        let height = measured
            .get_bounding_client_rect()
            .height()
            .ceil()
            .clamp(0.0, f64::from(MAX_HEIGHT)) as u32;
        if height == last || height == 0 {
            return;
        }
        last = height;
        let _ = parent.post_message(
            &JsValue::from_str(&pym_height_message(&child_id, height)),
            "*",
        );
        let inner = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &inner,
            &JsValue::from_str(&child_id),
            &JsValue::from(height),
        );
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(DATAWRAPPER_HEIGHT), &inner);
        let _ = parent.post_message(&message, "*");
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&body);
    Some(HeightReporter {
        observer,
        _callback: callback,
    })
}

/// Sets `data-clipped` on the root while the embed's main region, which the stylesheet caps in
/// height when embedded, holds more than it shows: that shows its "Show more". Called after each
/// render and whenever the page's height changes.
pub fn mark_clipped() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(root), Some(main)) = (
        document.document_element(),
        document.get_element_by_id("main"),
    ) else {
        return;
    };
    let clipped =
        root.has_attribute("data-embed") && main.scroll_height() > main.client_height() + 1;
    let _ = if clipped {
        root.set_attribute("data-clipped", "")
    } else {
        root.remove_attribute("data-clipped")
    };
}

/// Whether the article's target, or the end of the open detail, is below the embed's capped main
/// region (so hidden by the cap).
pub fn target_hidden() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let embedded = document
        .document_element()
        .is_some_and(|root| root.has_attribute("data-embed"));
    let Some(main) = document.get_element_by_id("main") else {
        return false;
    };
    let bottom = main.get_bounding_client_rect().bottom();
    embedded
        && ["article-target", "detail"].into_iter().any(|id| {
            document
                .get_element_by_id(id)
                .is_some_and(|e| e.get_bounding_client_rect().bottom() > bottom)
        })
}
