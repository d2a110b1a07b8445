//! Tells the host page how tall the embed is, whenever that changes, in the two formats news
//! pages already listen for: pym.js child messages and Datawrapper height messages.

use crate::share::{pym_height_message, MAX_HEIGHT};
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

/// Starts reporting, if the page is in a frame. `child_id` is the id pym.js gave the iframe
/// (its `childId` parameter), also used as the Datawrapper chart id.
pub fn report_height(child_id: String) -> Option<HeightReporter> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    if parent == window {
        return None;
    }
    let body = window.document()?.body()?;
    let mut last = 0u32;
    let measured = body.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
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
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str("datawrapper-height"), &inner);
        let _ = parent.post_message(&message, "*");
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&body);
    Some(HeightReporter {
        observer,
        _callback: callback,
    })
}
