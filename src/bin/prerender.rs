//! Run by Trunk after each build (see Trunk.toml): writes the explorer's first view, the article
//! for readers without the explorer, the preview meta tags and `oembed.json` into the staged
//! bundle, defers the WebAssembly until it is needed, and adds the Content-Security-Policy.
//!
//! `PUBLIC_URL` (e.g. `https://news.example/graphics/sessions/`) makes the preview image and the
//! oEmbed snippet absolute, as link previews need; without it they are relative to the page.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::path::PathBuf;
    use story_explorer::{bundled, first_view, static_page};

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
        ("<!-- first-view -->", first_view::explorer(&story)),
        ("<!-- article -->", static_page::article(&story)),
    ]
    .into_iter()
    .try_fold(index, |html, (marker, content)| {
        html.contains(marker)
            .then(|| html.replacen(marker, &content, 1))
            .ok_or(marker)
    })
    .unwrap_or_else(|marker| fail(format!("{} has no {marker} marker", index_path.display())));
    let replaced = static_page::defer_engine(&replaced)
        .unwrap_or_else(|what| fail(format!("{}: {what}", index_path.display())));
    let replaced = with_csp(&replaced).unwrap_or_else(|| {
        fail(format!(
            "{} has no <meta charset> to follow",
            index_path.display()
        ))
    });
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

/// Inserts the Content-Security-Policy right after `<meta charset>`, allowing each inline script
/// (Trunk's loader) by its SHA-256 hash.
#[cfg(not(target_arch = "wasm32"))]
fn with_csp(html: &str) -> Option<String> {
    use sha2::{Digest, Sha256};
    use story_explorer::static_page::{csp_meta, inline_scripts};
    let hashes: Vec<String> = inline_scripts(html)
        .into_iter()
        .map(|s| base64(&Sha256::digest(s.as_bytes())))
        .collect();
    let anchor = "<meta charset=\"utf-8\">";
    let at = html.find(anchor)? + anchor.len();
    Some(format!(
        "{}\n    {}{}",
        &html[..at],
        csp_meta(&hashes),
        &html[at..]
    ))
}

#[cfg(not(target_arch = "wasm32"))]
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(target_arch = "wasm32")]
fn main() {}
