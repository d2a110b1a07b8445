//! The size of the element the graph is drawn in, kept in state: the drawing is laid out in
//! screen pixels (see `views::graph_drawing`).

use super::effects::use_effect_on;
use crate::views::graph_drawing::Screen;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The size of `target` (its content box, in CSS pixels), from when it is first drawn and
/// whenever it changes; `None` until then (and when rendered at build time). `key` changes when
/// `target` may have been replaced.
#[hook]
pub fn use_screen(target: NodeRef, key: bool) -> Option<Screen> {
    let screen = use_state_eq(|| None::<Screen>);
    {
        let screen = screen.clone();
        use_effect_on(key, move |_| {
            let watched = target.cast::<web_sys::Element>().and_then(|element| {
                let measured = element.clone();
                let callback = Closure::<dyn FnMut()>::new(move || {
                    let width = f64::from(measured.client_width());
                    let height = f64::from(measured.client_height());
                    if width > 0.0 && height > 0.0 {
                        screen.set(Some(Screen { width, height }));
                    }
                });
                let observer =
                    web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
                observer.observe(&element);
                Some((observer, callback))
            });
            move || {
                if let Some((observer, _callback)) = watched {
                    observer.disconnect();
                }
            }
        });
    }
    *screen
}
