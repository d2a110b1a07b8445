//! What each view shows, derived from `(story, view state)`: pure functions, tested natively.

pub mod cards;
pub mod claims;
pub mod graph;
pub mod graph_drawing;
pub mod graph_export;
pub mod layout;
pub mod mentions;
pub mod panel_labels;
pub mod query;
pub mod reader;
pub mod related;
pub mod share;
pub mod timeline;
pub mod title;
pub mod url_state;
pub mod view_state;

/// "1 relationship", "31 relationships": a count with the word its number takes.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_count_takes_the_word_its_number_takes() {
        assert_eq!(super::count(0, "response", "responses"), "0 responses");
        assert_eq!(super::count(1, "response", "responses"), "1 response");
        assert_eq!(super::count(9, "response", "responses"), "9 responses");
    }
}
