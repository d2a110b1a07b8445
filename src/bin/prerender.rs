//! Run by Trunk after each build (see Trunk.toml and scripts/prerender.sh): renders the explorer
//! with the app's own components into the staged `index.html`, with the article for readers
//! without the explorer, the preview meta tags, the boot script's settings and `oembed.json`;
//! defers the WebAssembly until it is needed, and adds the Content-Security-Policy.
//!
//! `PUBLIC_URL` (e.g. `https://news.example/graphics/sessions/`, set by `scripts/publish.sh`)
//! makes every link-preview address absolute, as crawlers and Open Graph need; without it they
//! are relative to each page itself (see `build::page::ShareUrls`).
//!
//! Every entity, quote, event, claim and relationship gets a page of its own, `q/<id>/`: the
//! explorer opened at it, with its own title and link-preview tags, a 1200 × 630 preview image
//! drawn here, and its oEmbed response (`ITEM_PAGES=0` at build time writes none; see
//! `views::share::MAX_ITEM_PAGES` for big stories).
//!
//! `prerender --csp PAGE` only gives PAGE the same Content-Security-Policy (the editor's page,
//! which scripts/build-editor.sh builds): one policy, written in one place, for both pages.
//!
//! Built with the `fixtures` feature (the test bundle), it also writes `fixture-<story>-<view>.html`:
//! the page as built for each view of the seed, hostile and 200-item stories, so tests can
//! compare what the build rendered with what the engine hydrates, everywhere.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::path::PathBuf;
    use story_explorer::build::page;
    use story_explorer::bundled;

    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => {}
        [flag, path] if flag == "--csp" => return csp_only(path),
        _ => {
            eprintln!("usage: prerender (in Trunk's post-build hook) | prerender --csp PAGE");
            std::process::exit(2)
        }
    }
    let dir =
        PathBuf::from(std::env::var("TRUNK_STAGING_DIR").unwrap_or_else(|_| "dist".to_owned()));
    let index_path = dir.join("index.html");
    let fail = |what: String| -> ! {
        eprintln!("prerender: {what}");
        std::process::exit(1)
    };
    let story = bundled::load().unwrap_or_else(|e| fail(e.to_string()));
    let public = page::public_url(&std::env::var("PUBLIC_URL").unwrap_or_default())
        .unwrap_or_else(|problem| fail(problem));
    if public.is_none() {
        eprintln!(
            "prerender: no PUBLIC_URL, so link previews point relative to each page and oembed.json \
             cannot be pasted elsewhere; to publish: scripts/publish.sh https://your.site/path/"
        );
    }
    let template = std::fs::read_to_string(&index_path)
        .unwrap_or_else(|e| fail(format!("{}: {e}", index_path.display())));
    let write = |name: &str, html: String| {
        std::fs::write(dir.join(name), html).unwrap_or_else(|e| fail(format!("{name}: {e}")))
    };
    let front = story_explorer::build::preview::front(&story);
    let front_urls = page::share_urls(public.as_deref(), "", "og-image.png");
    let story_head = page::head_meta(&front, &front_urls);
    let built = |story: &story_core::story::Story, link: &str, head: &str| {
        built_page(&template, story, link, head)
            .unwrap_or_else(|what| fail(format!("{}: {what}", index_path.display())))
    };
    write(
        "index.html",
        page::with_oembed_link(&built(&story, "", &story_head), &front_urls.oembed),
    );
    let image = story_explorer::build::preview_image::render(&front)
        .unwrap_or_else(|e| fail(format!("og-image.png: {e}")));
    std::fs::write(dir.join("og-image.png"), image)
        .unwrap_or_else(|e| fail(format!("og-image.png: {e}")));
    let oembed_base = public.as_deref().unwrap_or("./");
    write("oembed.json", page::oembed(&story, oembed_base));
    if story_explorer::views::share::writes_item_pages(&story) {
        let (count, bytes, seconds) = item_pages(&story, public.as_deref(), &dir, &|link, head| {
            built(&story, link, head)
        })
        .unwrap_or_else(|e| fail(e));
        eprintln!(
            "prerender: {count} item pages with their preview images, {:.1} MB, in {seconds:.1} s",
            bytes as f64 / 1e6
        );
    }

    #[cfg(feature = "fixtures")]
    for (name, source) in [
        ("seed", None),
        ("hostile", Some("hostile")),
        ("200", Some("200")),
    ] {
        let story = match source {
            Some(source) => story_explorer::fixtures::load(source),
            None => bundled::load(),
        }
        .unwrap_or_else(|e| fail(e.to_string()));
        for view in story_explorer::views::view_state::View::of(&story) {
            let state = story_explorer::views::view_state::ViewState {
                view,
                ..Default::default()
            };
            let link = [
                source.map(|s| format!("synthetic={s}")).unwrap_or_default(),
                story_explorer::views::url_state::encode(&state),
            ]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("&");
            let file = format!("fixture-{name}-{}.html", view.label().to_lowercase());
            write(&file, built(&story, &link, &story_head));
        }
    }
}

/// Writes `q/<id>/` for every shareable item of `story`: the explorer opened at the item (built
/// by `build`), its preview image and its oEmbed response; `public` is the explorer's public
/// address, if the build was told it. Returns how many, their bytes and the seconds taken.
#[cfg(not(target_arch = "wasm32"))]
fn item_pages(
    story: &story_core::story::Story,
    public: Option<&str>,
    dir: &std::path::Path,
    build: &dyn Fn(&str, &str) -> String,
) -> Result<(usize, u64, f64), String> {
    use story_explorer::build::{page, preview, preview_image};
    use story_explorer::views::share::{item_path, shareable};
    let started = std::time::Instant::now();
    let ids = shareable(story);
    let cards = story_explorer::views::cards::cards(story);
    let mut bytes = 0u64;
    for id in &ids {
        let preview =
            preview::preview(story, &cards, id).ok_or_else(|| format!("{id}: no preview"))?;
        let folder = dir.join(item_path(id));
        std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        let urls = page::share_urls(public, &item_path(id), "preview.png");
        let png = preview_image::render(&preview).map_err(|e| format!("{id}: {e}"))?;
        let image = render_to(&folder.join("preview.png"), &png)?;
        let head = page::item_head(&preview, &urls);
        let html = page::with_oembed_link(&build(&format!("item={id}"), &head), &urls.oembed);
        let oembed_base = public.unwrap_or("./");
        let thumbnail = match public {
            Some(_) => urls.image.clone(),
            None => format!("./{}preview.png", item_path(id)),
        };
        let oembed = page::oembed_of(
            &preview.title,
            oembed_base,
            &format!("item={id}"),
            &thumbnail,
        );
        bytes += image
            + render_to(&folder.join("index.html"), html.as_bytes())?
            + render_to(&folder.join("oembed.json"), oembed.as_bytes())?;
    }
    Ok((ids.len(), bytes, started.elapsed().as_secs_f64()))
}

/// Writes `bytes` to `path`; how many.
#[cfg(not(target_arch = "wasm32"))]
fn render_to(path: &std::path::Path, bytes: &[u8]) -> Result<u64, String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(bytes.len() as u64)
}

/// `html` with its `<title>` saying `title`.
#[cfg(not(target_arch = "wasm32"))]
fn retitle(html: &str, title: &str) -> String {
    let (Some(open), Some(close)) = (html.find("<title>"), html.find("</title>")) else {
        return html.to_owned();
    };
    format!(
        "{}<title>{}</title>{}",
        &html[..open],
        story_core::escape::escape_html(title),
        &html[close + "</title>".len()..]
    )
}

/// The page as built for `link`: Trunk's `template` with the rendered explorer, the article, the
/// `head` meta and the boot settings in place, the engine deferred and the CSP added.
#[cfg(not(target_arch = "wasm32"))]
fn built_page(
    template: &str,
    story: &story_core::story::Story,
    link: &str,
    head: &str,
) -> Result<String, String> {
    use story_explorer::build::{page, render};
    let head = format!("{head}\n    {}", page::boot_settings());
    let replaced = [
        ("<!-- head-meta -->", head),
        (
            "<div id=\"app\"><!-- first-view --></div>",
            page::app_root(link, &render::explorer(link)),
        ),
        ("<!-- article -->", page::article(story)),
    ]
    .into_iter()
    .try_fold(template.to_owned(), |html, (marker, content)| {
        html.contains(marker)
            .then(|| html.replacen(marker, &content, 1))
            .ok_or_else(|| format!("no {marker} marker"))
    })?;
    // The title the engine keeps in step once it runs (`views::title`).
    let state = story_explorer::views::url_state::decode(link, story).state;
    let titled = retitle(
        &replaced,
        &story_explorer::views::title::document_title(story, &state),
    );
    let deferred = page::defer_engine(&titled).map_err(str::to_owned)?;
    with_csp(&deferred).ok_or_else(|| "no <meta charset> to follow".to_owned())
}

/// Gives the page at `path` the Content-Security-Policy; exits 1 if it cannot. A page that has
/// one already is refused: a policy written by hand would not know the loader's hash.
#[cfg(not(target_arch = "wasm32"))]
fn csp_only(path: &str) {
    let fail = |what: String| -> ! {
        eprintln!("prerender --csp: {path}: {what}");
        std::process::exit(1)
    };
    let html = std::fs::read_to_string(path).unwrap_or_else(|e| fail(e.to_string()));
    if html.contains("http-equiv=\"Content-Security-Policy\"") {
        fail("it has a Content-Security-Policy already; the build writes it".to_owned());
    }
    let with = with_csp(&html).unwrap_or_else(|| fail("no <meta charset> to follow".to_owned()));
    std::fs::write(path, with).unwrap_or_else(|e| fail(e.to_string()));
}

/// Inserts the Content-Security-Policy right after `<meta charset>`, allowing each inline script
/// (Trunk's loader) by its SHA-256 hash.
#[cfg(not(target_arch = "wasm32"))]
fn with_csp(html: &str) -> Option<String> {
    use sha2::{Digest, Sha256};
    use story_explorer::build::page::{csp_meta, inline_scripts};
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
