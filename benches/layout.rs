//! Graph layout (force simulation and label separation) at 100 and 1,000 entities, and drawing
//! it for a phone's canvas (labels placed; a selected hub tries every lens): the seed story and
//! the 150-node neighbourhood a 1,000-entity story shows.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use std::rc::Rc;
use story_core::story::validate;
use story_explorer::fixtures::synthetic;
use story_explorer::views::graph::visible;
use story_explorer::views::graph_drawing::{draw, Emphasis, Screen};
use story_explorer::views::layout::layout;
use story_explorer::views::view_state::GraphView;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    group.sample_size(10);
    for entities in [100, 1_000] {
        // Synthetic stories give 40 % of their items to entities.
        let (file, article) = synthetic::story(entities * 10 / 4, 42);
        let story = validate(file, &article).expect("synthetic stories validate");
        assert_eq!(story.entities().len(), entities);
        group.bench_with_input(BenchmarkId::new("entities", entities), &entities, |b, _| {
            b.iter(|| layout(black_box(&story)).nodes.len())
        });
    }
    group.finish();
    let mut group = c.benchmark_group("drawing");
    let phone = Screen {
        width: 358.0,
        height: 624.0,
    };
    let seed = story_explorer::bundled::load().expect("the bundled story validates");
    let (file, article) = synthetic::story(2_500, 42);
    let big = validate(file, &article).expect("synthetic stories validate");
    for (name, story) in [("seed", &seed), ("neighbourhood", &big)] {
        let all = (0..story.entities().len()).collect();
        let v = visible(&Rc::new(layout(story)), &all, None);
        let hub = v
            .nodes
            .iter()
            .copied()
            .max_by_key(|&n| v.layout.nodes[n].degree)
            .expect("a graph");
        for (state, emphasis) in [
            ("plain", Emphasis::default()),
            (
                "hub selected",
                Emphasis {
                    lit: Some(hub),
                    selected: Some(hub),
                    all_edges: false,
                },
            ),
        ] {
            group.bench_function(format!("{name}, {state}"), |b| {
                b.iter(|| {
                    draw(story, black_box(&v), GraphView::default(), phone, emphasis)
                        .labels
                        .len()
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
