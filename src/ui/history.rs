//! Keeps the address bar and the view state one thing: every change of view is written to the
//! URL (typing replaces the entry, anything else adds one, so Back walks the reader's steps), and
//! Back/Forward restore the state the URL describes.

use crate::views::share::{built_at, is_item_page, page_path};
use crate::views::url_state::{decode, effective, encode};
use crate::views::view_state::ViewState;
use story_core::story::Story;

pub fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The page's address without query or fragment, e.g. `https://news.example/graphics/story/`.
pub fn page_url() -> String {
    location()
        .map(|l| {
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

pub fn current_query() -> String {
    location().and_then(|l| l.search().ok()).unwrap_or_default()
}

/// The query string the page should show for `state`, keeping the sticky settings.
pub fn query_for(state: &ViewState, sticky: &str) -> String {
    let query = encode(state);
    match (sticky.is_empty(), query.is_empty()) {
        (true, _) => query,
        (false, true) => sticky.to_owned(),
        (false, false) => format!("{query}&{sticky}"),
    }
}

/// The page's path, e.g. `/graphics/story/q/peskov-no-details/`.
pub fn current_path() -> String {
    location()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default()
}

/// Writes `state` to the address bar if it differs; `replace` for edits that should not each
/// become a step of history (typing). On an item's own page the address stays there while that
/// item is open, and moves to the explorer's otherwise.
pub fn write(state: &ViewState, sticky: &str, replace: bool) {
    let here = current_path();
    let path = page_path(&here, state.selected.as_deref());
    let mut query = query_for(state, sticky);
    if query
        .strip_prefix("item=")
        .is_some_and(|id| is_item_page(path, id))
    {
        query.clear();
    }
    if here == path && current_query().trim_start_matches('?') == query {
        return;
    }
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let path = path.to_owned();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    let result = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        // The entry being left keeps where the reader was on it, for Back (`ui::place`).
        let _ = history.replace_state(&scroll_state(super::place::leaving()), "");
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
    if result.is_err() {
        gloo::console::warn!("the address bar could not be updated");
    }
}

/// The state the current URL describes (after Back or Forward), on a page built for `built`.
pub fn read(story: &Story, built: &str) -> ViewState {
    let built = built_at(built, &current_path());
    decode(&effective(built, &current_query()), story).state
}

/// A history entry's state: `{ "scroll": y }`.
fn scroll_state(y: f64) -> wasm_bindgen::JsValue {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &"scroll".into(), &y.into());
    state.into()
}

/// Where the reader was on an entry, from its state, if it says.
pub fn scroll_of(state: &wasm_bindgen::JsValue) -> Option<f64> {
    if !state.is_object() {
        return None;
    }
    js_sys::Reflect::get(state, &"scroll".into())
        .ok()?
        .as_f64()
        .filter(|y| y.is_finite() && *y >= 0.0)
}
