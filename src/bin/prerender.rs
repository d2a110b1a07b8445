//! Run by Trunk after each build (see Trunk.toml): writes the story's essentials, its preview
//! meta tags and `oembed.json` into the staged bundle, so the page has content before the
//! WebAssembly loads, and without it.
//!
//! `PUBLIC_URL` (e.g. `https://news.example/graphics/sessions/`) makes the preview image and the
//! oEmbed snippet absolute, as link previews need; without it they are relative to the page.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::path::PathBuf;
    use story_explorer::{bundled, static_page};

    let dir =
        PathBuf::from(std::env::var("TRUNK_STAGING_DIR").unwrap_or_else(|_| "dist".to_owned()));
    let index_path = dir.join("index.html");
    let fail = |what: String| -> ! {
        eprintln!("prerender: {what}");
        std::process::exit(1)
    };
    let story = bundled::load().unwrap_or_else(|e| fail(e.to_string()));
    let base = std::env::var("PUBLIC_URL").unwrap_or_default();
    let index = std::fs::read_to_string(&index_path)
        .unwrap_or_else(|e| fail(format!("{}: {e}", index_path.display())));
    let replaced = [
        (
            "<!-- head-meta -->",
            static_page::head_meta(&story, &format!("{base}og-image.png")),
        ),
        ("<!-- essentials -->", static_page::essentials(&story)),
    ]
    .into_iter()
    .try_fold(index, |html, (marker, content)| {
        html.contains(marker)
            .then(|| html.replacen(marker, &content, 1))
            .ok_or(marker)
    })
    .unwrap_or_else(|marker| fail(format!("{} has no {marker} marker", index_path.display())));
    std::fs::write(&index_path, replaced)
        .unwrap_or_else(|e| fail(format!("{}: {e}", index_path.display())));
    let oembed_base = if base.is_empty() {
        "./".to_owned()
    } else {
        base
    };
    std::fs::write(
        dir.join("oembed.json"),
        static_page::oembed(&story, &oembed_base),
    )
    .unwrap_or_else(|e| fail(format!("oembed.json: {e}")));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
