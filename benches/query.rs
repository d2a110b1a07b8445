//! The query engine on synthetic stories of 1k, 5k and 50k items: building the index, a search
//! keystroke, a combined filter, and validating the story itself.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use story_core::set::SortedSet;
use story_core::story::validate;
use story_explorer::fixtures::synthetic;
use story_explorer::views::cards::{cards, CardKind};
use story_explorer::views::query::{run, Query, SearchIndex};

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("query");
    group.sample_size(10);
    for items in [1_000, 5_000, 50_000] {
        let (file, article) = synthetic::story(items, 42);
        let story = validate(file.clone(), &article).expect("synthetic stories validate");
        let cards = cards(&story);
        group.bench_with_input(BenchmarkId::new("validate", items), &items, |b, _| {
            b.iter(|| {
                validate(black_box(file.clone()), black_box(&article)).map(|s| s.entities().len())
            })
        });
        group.bench_with_input(BenchmarkId::new("index", items), &items, |b, _| {
            b.iter(|| SearchIndex::new(black_box(&story), black_box(&cards)).len())
        });
        let index = SearchIndex::new(&story, &cards);
        let search = Query {
            text: "berg contract".into(),
            ..Query::default()
        };
        group.bench_with_input(BenchmarkId::new("search", items), &items, |b, _| {
            b.iter(|| run(black_box(&index), black_box(&search)).items.len())
        });
        let filters = Query {
            kinds: SortedSet::from([CardKind::Quote, CardKind::Event]),
            sides: SortedSet::from(["side-1".to_owned(), "side-3".to_owned()]),
            involving: Some(story.entities()[0].id.clone()),
            text: "the".into(),
            ..Query::default()
        };
        group.bench_with_input(BenchmarkId::new("filters", items), &items, |b, _| {
            b.iter(|| run(black_box(&index), black_box(&filters)).items.len())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
