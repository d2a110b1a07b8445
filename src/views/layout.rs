//! The graph layout lives in `crates/graph-layout`, compiled for speed; the views use it from
//! here. What it guarantees of the bundled story is tested here, where the story is.

pub use graph_layout::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    #[test]
    fn the_seed_graph_has_every_relationship_and_no_overlapping_labels() {
        let story = bundled::load().unwrap();
        let graph = layout(&story);
        assert_eq!(graph.edges.len(), story.relationships().len());
        for (i, a) in graph.nodes.iter().enumerate() {
            for b in &graph.nodes[i + 1..] {
                assert!(
                    !a.rect().overlaps(&b.rect()),
                    "{:?} overlaps {:?}",
                    a.lines,
                    b.lines
                );
            }
        }
    }

    #[test]
    fn the_same_story_always_gives_the_same_positions() {
        let story = bundled::load().unwrap();
        assert_eq!(layout(&story), layout(&story));
    }
}
