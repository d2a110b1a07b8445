//! Graph layout (force simulation and label separation) at 100 and 1,000 entities.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use story_core::story::validate;
use story_explorer::fixtures::synthetic;
use story_explorer::views::layout::layout;

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
}

criterion_group!(benches, bench);
criterion_main!(benches);
