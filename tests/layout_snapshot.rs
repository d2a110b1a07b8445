//! The seed story's graph must come out the same in every build: its node positions are compared
//! with the ones committed in `tests/data/seed-layout.txt` (the end-to-end tests compare the
//! positions the browser draws with the same file). After an intended change to the layout,
//! regenerate it with `UPDATE_SNAPSHOTS=1 cargo test --test layout_snapshot`.

use story_explorer::bundled;
use story_explorer::views::graph::Coord;
use story_explorer::views::layout::layout;

const SNAPSHOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seed-layout.txt");

#[test]
fn the_seed_graph_is_drawn_exactly_as_committed() {
    let story = bundled::load().expect("seed story");
    let graph = layout(&story);
    let lines: String = graph
        .nodes
        .iter()
        .map(|n| {
            // Written as the app writes coordinates into the SVG.
            let id = &story.entities()[n.entity].id;
            format!("{id} {} {}\n", Coord(n.x), Coord(n.y))
        })
        .collect();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(SNAPSHOT, &lines).expect("write snapshot");
        // Comparing the file just written with itself would prove nothing: stop here.
        panic!("snapshot written to {SNAPSHOT}; review it and run again without UPDATE_SNAPSHOTS");
    }
    let committed = std::fs::read_to_string(SNAPSHOT).expect("tests/data/seed-layout.txt exists");
    assert_eq!(
        lines, committed,
        "the layout changed; if intended, regenerate the snapshot (see above)"
    );
}
