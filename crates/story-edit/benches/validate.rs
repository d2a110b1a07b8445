//! Live validation runs after every edit, so it must fit in a frame (16 ms) for a story the size
//! of the seed, with room for the page to render. Also measured: one edit (its undo snapshot is
//! a clone of the state) and the export, which the page may run on every save.

use criterion::{criterion_group, criterion_main, Criterion};
use story_edit::{export, open, problems, Edit, Field, Session, Value};

const ARTICLE: &str = include_str!("../../../stories/sessions-kislyak/article.txt");
const STORY: &str = include_str!("../../../stories/sessions-kislyak/story.toml");

fn seed() -> Session {
    match open(ARTICLE, STORY) {
        Ok(session) => session,
        Err(e) => panic!("the seed story opens: {e}"),
    }
}

fn bench(c: &mut Criterion) {
    let session = seed();
    c.bench_function("problems: the seed story", |b| {
        b.iter(|| problems(std::hint::black_box(&session)))
    });
    c.bench_function("one edit (with its undo snapshot) and undo", |b| {
        let mut session = seed();
        b.iter(|| {
            let edit = Edit::SetField {
                id: "jeff-sessions".into(),
                field: Field::Note,
                value: Value::Text("x".into()),
            };
            let _ = session.apply(edit);
            let _ = session.undo();
        })
    });
    c.bench_function("export: the seed story", |b| b.iter(|| export(&session)));
}

criterion_group!(benches, bench);
criterion_main!(benches);
