//! What the explorer computes, on synthetic stories of 1k, 5k and 50k items: validating the story,
//! building the search index, a search keystroke, a combined filter with every facet's counts, an
//! item's detail, the timeline, and the graph's visible set. Each should grow at most linearly
//! (docs/performance.md: growth from 5k to 50k, target at most 12×).

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use std::rc::Rc;
use story_core::set::SortedSet;
use story_core::story::validate;
use story_explorer::fixtures::synthetic;
use story_explorer::views::cards::{cards, story_indices, CardKind};
use story_explorer::views::mentions::mentions;
use story_explorer::views::query::{run, Query, SearchIndex};
use story_explorer::views::{graph, layout, related, timeline};

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
            b.iter(|| {
                let all = mentions(black_box(&story));
                SearchIndex::new(black_box(&story), black_box(&cards), &all).len()
            })
        });
        let all_mentions = mentions(&story);
        let index = SearchIndex::new(&story, &cards, &all_mentions);
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
        // The most connected entity: the detail with the most to list.
        let busiest = &story.entities()[0].id;
        group.bench_with_input(BenchmarkId::new("detail", items), &items, |b, _| {
            b.iter(|| {
                related::detail(black_box(&story), black_box(busiest)).map(|d| d.groups.len())
            })
        });
        let everything = run(&index, &Query::default());
        let events = story_indices(&story, &cards, &everything.items, CardKind::Event);
        group.bench_with_input(BenchmarkId::new("timeline", items), &items, |b, _| {
            b.iter(|| timeline::timeline(black_box(&story), black_box(&events)).len())
        });
        let full = Rc::new(layout::layout(&story));
        let shown = story_explorer::views::cards::entity_indices(&story, &cards, &everything.items);
        group.bench_with_input(BenchmarkId::new("graph-visible", items), &items, |b, _| {
            b.iter(|| {
                graph::visible(black_box(&full), black_box(&shown), None)
                    .nodes
                    .len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
