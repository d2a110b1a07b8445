//! Drafting speed: a 1,000-word article and a 100,000-word one, both made of the seed article's
//! paragraphs, must take at most 20 ms and 100 times that (the extractor indexes the text once;
//! no pass scans it again per item). Each copy of a paragraph gets its own names, as a long text
//! of different articles would, so its items can be pointed at alone and are all drafted.

use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;
use story_core::dates::PartialDate;
use story_draft::{draft, Options};

const SEED: &str = include_str!("../../../stories/sessions-kislyak/article.txt");

/// Names of the seed that each copy renames, so copies differ where a span needs them to.
const NAMES: [&str; 8] = [
    "Sessions",
    "Peskov",
    "Zakharova",
    "Kislyak",
    "Pelosi",
    "McCaskill",
    "Flynn",
    "Trump",
];

/// The seed's body paragraphs, copied with renamed people until the text has `words` words.
pub fn article(words: usize) -> String {
    let mut lines = SEED.lines();
    let headline = lines.next().unwrap_or("Headline");
    let body: Vec<&str> = lines.filter(|l| !l.trim().is_empty()).collect();
    let mut out = format!("{headline}\n");
    let mut count = 0;
    let mut copy = 0usize;
    while count < words {
        let suffix: String = format!("{copy:x}")
            .chars()
            .map(|c| (b'a' + c.to_digit(16).unwrap_or(0) as u8) as char)
            .collect();
        for paragraph in &body {
            let mut p = (*paragraph).to_owned();
            for name in NAMES {
                p = p.replace(name, &format!("{name}{suffix}"));
            }
            count += p.split_whitespace().count();
            out.push_str(&p);
            out.push('\n');
            if count >= words {
                break;
            }
        }
        copy += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let options = Options {
        published: PartialDate::parse_iso("2017-03-02"),
    };
    let small = article(1_000);
    let large = article(100_000);
    let mut group = c.benchmark_group("draft");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("1,000 words", |b| b.iter(|| draft(&small, &options)));
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("100,000 words", |b| b.iter(|| draft(&large, &options)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
