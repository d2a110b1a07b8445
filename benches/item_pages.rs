//! What item pages cost the build: for the seed story and a 1,000-item synthetic one, the time to
//! render every shareable item's page (the explorer opened at it, and the article after it) and
//! its preview image, and their bytes. `cargo bench --bench item_pages`; the README has the
//! figures. (The build itself does this in src/bin/prerender.rs and prints its own total.)

use std::time::Instant;
use story_explorer::build::{page, preview, preview_image, render};
use story_explorer::views::share::{shareable, MAX_ITEM_PAGES};

fn main() {
    let seed = story_explorer::bundled::load().expect("the bundled story validates");
    let synthetic = story_explorer::fixtures::load("1000").expect("a synthetic story");
    for (label, prefix, story) in [
        ("seed story", "", &seed),
        ("synthetic, 1,000 items", "synthetic=1000&", &synthetic),
    ] {
        let ids = shareable(story);
        let cards = story_explorer::views::cards::cards(story);
        let article = page::article(story).len();
        let started = Instant::now();
        let (mut html, mut images) = (0usize, 0usize);
        for id in &ids {
            html += render::explorer(&format!("{prefix}item={id}")).len() + article;
            let p =
                preview::preview(story, &cards, id).expect("every shareable item has a preview");
            images += preview_image::render(&p).expect("a preview image").len();
        }
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "{label}: {} item pages in {seconds:.1} s ({:.1} ms each); pages {:.1} MB, images {:.1} MB{}",
            ids.len(),
            seconds * 1000.0 / ids.len().max(1) as f64,
            html as f64 / 1e6,
            images as f64 / 1e6,
            if ids.len() > MAX_ITEM_PAGES { " — over the limit: a build writes none" } else { "" },
        );
    }
}
