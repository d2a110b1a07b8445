//! Performance API marks, so benchmarks can read how long the app itself took. Nothing at all
//! when the components render at build time.

#[cfg(target_arch = "wasm32")]
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Measures from the mark `start` (if it was set) to now, as `name`.
#[cfg(target_arch = "wasm32")]
pub fn measure(name: &str, start: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        if performance.get_entries_by_name(start).length() == 0 {
            return;
        }
        let _ = performance.measure_with_start_mark(name, start);
        performance.clear_marks_with_mark_name(start);
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn mark(_name: &str) {}

#[cfg(not(target_arch = "wasm32"))]
pub fn measure(_name: &str, _start: &str) {}
