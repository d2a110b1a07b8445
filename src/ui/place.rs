//! The reader's place on the page, kept across opening and closing an item (Close, Escape, Back):
//! where the page was scrolled before an item opened, and where it was when each history entry
//! was left. Restored after the render that closes the item, not before: on a phone the detail
//! sits above the cards, so the card moves when the detail goes, and a position restored too
//! early lands hundreds of pixels off.

use super::effects::use_effect_on;
use std::cell::{Cell, RefCell};

/// What to do once the next render is on screen.
struct Pending {
    /// Where to scroll the page back to.
    scroll: Option<f64>,
    /// The item whose card (or place in the view) takes focus again, without scrolling.
    focus: Option<String>,
    /// Where the item's card was on screen when it opened: put back there, which holds even when
    /// what is above it changed height meanwhile (cards laid out late, the detail gone).
    anchor: Option<Anchor>,
}

#[derive(Clone)]
struct Anchor {
    id: String,
    top: f64,
}

/// The element that shows item `id` in the view (its card's button, or its place in the view).
fn element_of(id: &str) -> Option<web_sys::Element> {
    let document = gloo::utils::document();
    document
        .get_element_by_id(&format!("open-{id}"))
        .or_else(|| {
            document
                .query_selector(&format!(":not(#detail)[data-id=\"{id}\"]"))
                .ok()
                .flatten()
        })
}

thread_local! {
    /// The scroll position when the reader last acted, before the render it caused.
    static BEFORE: Cell<Option<f64>> = const { Cell::new(None) };
    /// The item opened from a closed state, where the page was then, and where its card was.
    static OPENED: RefCell<Option<(String, f64, Option<f64>)>> = const { RefCell::new(None) };
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
    /// The control an item was opened from (a card's title, a name in the article, a speaker in
    /// the claims): focus goes back to it when the item closes, whatever the detail showed since.
    static FROM: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
    /// The control the reader's last click landed on.
    static CLICKED: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
    /// The frame that checks the card's place once more (kept alive until it runs).
    static KEEP: RefCell<Option<gloo::render::AnimationFrame>> = const { RefCell::new(None) };
}

pub fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0)
}

/// The reader acts: remembers where the page is, and where it was when an item opens.
pub fn acting(opens: Option<&str>, selected: Option<&str>) {
    let y = scroll_y();
    BEFORE.with(|b| b.set(Some(y)));
    // Opened by a click in the view (not a link inside the open detail): that control is where
    // focus returns when the item closes.
    if opens.is_some() {
        let clicked = CLICKED.with(|c| c.borrow_mut().take());
        let in_detail = |c: &web_sys::Element| c.closest("#detail").ok().flatten().is_some();
        match clicked {
            Some(c) if in_detail(&c) => {}
            // Not by a click on a control (a key in the graph, a link): none to go back to.
            clicked => FROM.with(|f| *f.borrow_mut() = clicked),
        }
    }
    if let (Some(id), None) = (opens, selected) {
        let top = element_of(id).map(|e| e.get_bounding_client_rect().top());
        OPENED.with(|o| *o.borrow_mut() = Some((id.to_owned(), y, top)));
    }
}

/// Remembers the control each click lands on (see `FROM`). Capturing, so it runs before the
/// click's own handler opens anything; a click replayed by the boot script is not the reader's.
#[yew::hook]
pub fn use_clicks_remembered() {
    use_effect_on((), |_| {
        let options = gloo::events::EventListenerOptions::run_in_capture_phase();
        let listener = gloo::events::EventListener::new_with_options(
            &gloo::utils::document(),
            "click",
            options,
            |event| {
                let control = event
                    .target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                    .and_then(|t| t.closest("button, a[href]").ok().flatten())
                    .filter(|_| event.is_trusted());
                CLICKED.with(|c| *c.borrow_mut() = control);
            },
        );
        move || drop(listener)
    });
}

/// Where focus goes back to when the open item closes, if it was opened from a place of its own
/// still on the page.
pub fn return_to() -> Option<web_sys::Element> {
    FROM.with(|f| f.borrow_mut().take())
        .filter(|e| e.is_connected())
}

/// The scroll position to record for the history entry being left.
pub fn leaving() -> f64 {
    BEFORE.with(|b| b.take()).unwrap_or_else(scroll_y)
}

/// Item `id` was closed by Close or Escape. Returns whether its place is known (it was the item
/// opened), in which case the next render restores it; otherwise the caller focuses as before.
pub fn closed(id: &str) -> bool {
    let opened = OPENED.with(|o| o.borrow_mut().take());
    match opened {
        Some((opened, y, top)) if opened == id => {
            PENDING.with(|p| {
                *p.borrow_mut() = Some(Pending {
                    scroll: Some(y),
                    focus: Some(id.to_owned()),
                    anchor: top.map(|top| Anchor { id: opened, top }),
                })
            });
            true
        }
        _ => false,
    }
}

/// Back or Forward to an entry left at `scroll`; `closing` is the item the move closes, whose
/// card takes focus again.
pub fn returned(scroll: Option<f64>, closing: Option<String>) {
    let opened = match &closing {
        Some(id) => OPENED
            .with(|o| o.borrow_mut().take())
            .filter(|(opened, _, _)| opened == id),
        None => None,
    };
    let anchor = opened.as_ref().and_then(|(id, _, top)| {
        top.map(|top| Anchor {
            id: id.clone(),
            top,
        })
    });
    PENDING.with(|p| {
        *p.borrow_mut() = Some(Pending {
            scroll,
            focus: closing,
            anchor,
        })
    });
}

/// Scrolls so that the anchor's card is where it was on screen.
fn anchor(a: &Anchor) {
    if let Some(el) = element_of(&a.id) {
        let drift = el.get_bounding_client_rect().top() - a.top;
        if drift.abs() >= 0.5 {
            scroll_to(scroll_y() + drift);
        }
    }
}

/// Scrolls the page to `y` at once: the page's smooth scrolling is for the reader's own jumps.
fn scroll_to(y: f64) {
    if let Some(w) = web_sys::window() {
        let options = web_sys::ScrollToOptions::new();
        options.set_top(y);
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        w.scroll_to_with_scroll_to_options(&options);
    }
}

/// After a render: restores what `closed` or `returned` asked for. `focus` puts focus on an
/// item's card without scrolling (true) or with the browser's scroll to it (false).
pub fn settle(focus: impl Fn(&str, bool)) {
    let Some(pending) = PENDING.with(|p| p.borrow_mut().take()) else {
        return;
    };
    let restored = match (pending.scroll, super::guest::embedded()) {
        (Some(y), false) => {
            scroll_to(y);
            // Then the card exactly where it was on screen, whatever moved above it; again on
            // the next frame, once the cards brought into view have their real heights.
            if let Some(a) = pending.anchor.clone() {
                anchor(&a);
                let frame = gloo::render::request_animation_frame(move |_| anchor(&a));
                KEEP.with(|k| *k.borrow_mut() = Some(frame));
            }
            true
        }
        _ => false,
    };
    if let Some(id) = pending.focus {
        focus(&id, restored);
    }
}
