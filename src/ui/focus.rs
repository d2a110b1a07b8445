//! Focus is never dropped to the page: when a change removes the control a keyboard reader was on
//! (a chip they removed, "Clear all" once nothing is left, "Show more" once everything is shown, a
//! view that Back replaced), focus moves to the main region, so Tab goes on from where they were
//! reading rather than from the top of the page. Found by the monkey test (e2e/monkey.test.mjs).

use super::effects::{use_effect_each, use_effect_on};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use yew::prelude::*;

thread_local! {
    /// The element inside the explorer that last had focus.
    static LAST: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Remembers where focus is, and after every render of the caller puts it back in the main
/// region if the element that had it is gone.
#[hook]
pub fn use_focus_kept() {
    use_effect_on((), |_| {
        let document = gloo::utils::document();
        let listener = gloo::events::EventListener::new(&document, "focusin", |event| {
            let target = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            if let Some(element) = target.filter(|e| e.closest("#app").ok().flatten().is_some()) {
                LAST.with(|last| *last.borrow_mut() = Some(element));
            }
        });
        move || drop(listener)
    });
    use_effect_each(|| {
        rescue();
    });
}

fn rescue() {
    let document = gloo::utils::document();
    let dropped = document
        .active_element()
        .is_none_or(|active| Some(&active) == document.body().as_ref().map(AsRef::as_ref));
    let lost = LAST.with(|last| last.borrow().as_ref().is_some_and(|e| !e.is_connected()));
    if dropped && lost {
        // Without scrolling: the region holds the page the reader is on, and a scroll here would
        // race the place being restored after an item closes (`ui::place`).
        if let Some(main) = document.get_element_by_id("main") {
            super::guest::focus_in_place(&main);
        }
    }
}
