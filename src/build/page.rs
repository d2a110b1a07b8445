//! The page around the rendered explorer: the article for readers without the explorer, the meta
//! tags that make a pasted link preview well, the oEmbed description, the settings the boot script
//! shares with the app, and the Content-Security-Policy. Written into the built `index.html` by
//! `src/bin/prerender.rs`.

use crate::ui::BUILT_LINK_ATTRIBUTE;
use crate::views::share::{DATAWRAPPER_HEIGHT, MAX_HEIGHT, PYM_HEIGHT, PYM_PREFIX};
use crate::views::url_state::{
    DEFAULT_CHILD_ID, EMBED_VALUES, PAGE_SETTINGS, PAGE_SETTING_PREFIXES, THEMES,
};
use story_core::escape::escape_html as esc;
use story_core::story::Story;

/// `#app` holding the explorer as rendered for `link`, which the browser hydrates with the same.
pub fn app_root(link: &str, rendered: &str) -> String {
    format!(
        "<div id=\"app\" {BUILT_LINK_ATTRIBUTE}=\"{}\">{rendered}</div>",
        esc(link)
    )
}

/// The id of the settings static/boot.js reads.
pub const BOOT_SETTINGS_ID: &str = "explorer-settings";

/// What static/boot.js must agree on with the app before the engine runs — which links show the
/// page as built, the embed flag, the height messages and their limit — as a JSON data block
/// written from the Rust constants, so nothing is typed twice. A data block is not executed, so
/// the Content-Security-Policy need not allow it.
/// How long the engine's download may go without a byte before `boot.js` says it is slow and
/// offers to try again (where the browser lets it watch the bytes arrive; elsewhere, how long the
/// whole download may take): a download that is progressing, however slowly, is never restarted.
pub const ENGINE_WAIT_MS: u32 = 6_000;

/// How many times a reader can try to load the engine before being asked to reload; each try
/// that imports the glue anew has its own address, and the import map gives each its integrity.
pub const ENGINE_TRIES: u32 = 5;

pub fn boot_settings() -> String {
    let settings = serde_json::json!({
        "pageSettings": PAGE_SETTINGS,
        "pageSettingPrefixes": PAGE_SETTING_PREFIXES,
        "embedValues": EMBED_VALUES,
        "themes": THEMES,
        "childId": DEFAULT_CHILD_ID,
        "maxHeight": MAX_HEIGHT,
        "pym": [PYM_PREFIX, PYM_HEIGHT],
        "datawrapper": DATAWRAPPER_HEIGHT,
        "engineWait": ENGINE_WAIT_MS,
        "engineTries": ENGINE_TRIES,
    });
    // `<` never appears in it, so the block cannot be closed early.
    format!(
        "<script type=\"application/json\" id=\"{BOOT_SETTINGS_ID}\">{}</script>",
        settings.to_string().replace('<', "\\u003c")
    )
}

fn headline(story: &Story) -> &str {
    story.words(&story.meta().headline_at.span)
}

/// The article itself, for readers without the interactive explorer (no JavaScript, or no
/// WebAssembly): the first view shows the cards, and this follows them.
pub fn article(story: &Story) -> String {
    let mut html = String::from(
        "<section id=\"essentials\" class=\"essentials\" aria-labelledby=\"essentials-title\">\
         <h2 id=\"essentials-title\">The article</h2><div class=\"essentials__article\">",
    );
    for p in story.paragraphs().iter().skip(1) {
        html.push_str(&format!("<p>{}</p>", esc(story.words(p))));
    }
    html.push_str("</div></section>");
    html
}

/// Where a page's link-preview tags point. Link-preview crawlers fetch them as written, without
/// applying `<base>`, and Open Graph wants absolute addresses: a publishing build, told its
/// public address, writes them absolute (with the canonical link and `og:url`); any other build
/// writes them relative to the page itself, so that they still resolve for a crawler, and leaves
/// out the canonical link and `og:url`, which cannot be relative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareUrls {
    /// The page's own absolute address, in a publishing build.
    pub page: Option<String>,
    pub image: String,
    pub oembed: String,
}

/// The share addresses of the page at `path` under the explorer (`""` for the front page,
/// `q/<id>/` for an item's), whose preview image is `image` beside it; `public` is the
/// explorer's public address (see [`public_url`]), if the build was told it.
pub fn share_urls(public: Option<&str>, path: &str, image: &str) -> ShareUrls {
    match public {
        Some(public) => ShareUrls {
            page: Some(format!("{public}{path}")),
            image: format!("{public}{path}{image}"),
            oembed: format!("{public}{path}oembed.json"),
        },
        None => ShareUrls {
            page: None,
            image: image.to_owned(),
            oembed: "oembed.json".to_owned(),
        },
    }
}

/// The explorer's public address from `PUBLIC_URL` as given: `None` when unset or empty; an
/// absolute http(s) address, given a final `/` if it lacks one; else what is wrong with it, in
/// words a newsroom developer can act on.
pub fn public_url(given: &str) -> Result<Option<String>, String> {
    let given = given.trim();
    if given.is_empty() {
        return Ok(None);
    }
    let rest = given
        .strip_prefix("https://")
        .or_else(|| given.strip_prefix("http://"))
        .ok_or_else(|| format!("PUBLIC_URL must start with https:// (or http://), as in https://news.example/graphics/story/; it is \"{given}\""))?;
    let host = rest.split('/').next().unwrap_or_default();
    let file = rest
        .rsplit('/')
        .next()
        .is_some_and(|last| last.ends_with(".html") || last.ends_with(".htm"));
    if host.is_empty()
        || file
        || rest.contains(['?', '#', '"', '<', '>'])
        || rest.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(format!("PUBLIC_URL must be the address of the folder the explorer is published in, with no query, fragment or spaces, as in https://news.example/graphics/story/; it is \"{given}\""));
    }
    Ok(Some(if given.ends_with('/') {
        given.to_owned()
    } else {
        format!("{given}/")
    }))
}

/// Description, Open Graph and Twitter card tags of the front page.
#[cfg(not(target_arch = "wasm32"))]
pub fn head_meta(preview: &super::preview::Preview, urls: &ShareUrls) -> String {
    share_tags(preview, urls).join("\n    ")
}

/// The head of an item's own page (two folders down): a `<base>` that makes every relative address
/// in it the explorer's, then its description, Open Graph and Twitter card tags.
#[cfg(not(target_arch = "wasm32"))]
pub fn item_head(preview: &super::preview::Preview, urls: &ShareUrls) -> String {
    let mut tags = vec!["<base href=\"../../\">".to_owned()];
    tags.extend(share_tags(preview, urls));
    tags.join("\n    ")
}

#[cfg(not(target_arch = "wasm32"))]
fn share_tags(preview: &super::preview::Preview, urls: &ShareUrls) -> Vec<String> {
    let (title, description) = (esc(&preview.title), esc(&preview.description));
    let (image, alt) = (esc(&urls.image), esc(&preview.alt));
    let mut tags = Vec::new();
    if let Some(page) = &urls.page {
        tags.push(format!("<link rel=\"canonical\" href=\"{}\">", esc(page)));
        tags.push(format!(
            "<meta property=\"og:url\" content=\"{}\">",
            esc(page)
        ));
    }
    tags.extend([
        format!("<meta name=\"description\" content=\"{description}\">"),
        "<meta property=\"og:type\" content=\"article\">".to_owned(),
        format!("<meta property=\"og:title\" content=\"{title}\">"),
        format!("<meta property=\"og:description\" content=\"{description}\">"),
        format!("<meta property=\"og:image\" content=\"{image}\">"),
        "<meta property=\"og:image:type\" content=\"image/png\">".to_owned(),
        "<meta property=\"og:image:width\" content=\"1200\">".to_owned(),
        "<meta property=\"og:image:height\" content=\"630\">".to_owned(),
        format!("<meta property=\"og:image:alt\" content=\"{alt}\">"),
        "<meta name=\"twitter:card\" content=\"summary_large_image\">".to_owned(),
        format!("<meta name=\"twitter:title\" content=\"{title}\">"),
        format!("<meta name=\"twitter:description\" content=\"{description}\">"),
        format!("<meta name=\"twitter:image\" content=\"{image}\">"),
        format!("<meta name=\"twitter:image:alt\" content=\"{alt}\">"),
    ]);
    tags
}

/// The oEmbed "rich" response for the explorer hosted at `base` (absolute, ending in `/`).
pub fn oembed(story: &Story, base: &str) -> String {
    oembed_of(
        &format!("{}: story explorer", headline(story)),
        base,
        "",
        &format!("{base}og-image.png"),
    )
}

/// `html` with its oEmbed discovery link pointing at `href`.
pub fn with_oembed_link(html: &str, href: &str) -> String {
    html.replacen(
        "type=\"application/json+oembed\" href=\"oembed.json\"",
        &format!("type=\"application/json+oembed\" href=\"{}\"", esc(href)),
        1,
    )
}

/// The oEmbed response for the explorer at `base` opened at `query`, with `thumbnail`.
pub fn oembed_of(title: &str, base: &str, query: &str, thumbnail: &str) -> String {
    let snippet = crate::views::share::embed_snippet(base, query, title, "light");
    serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "provider_name": "Story Explorer",
        "title": title,
        "width": 640,
        "height": 720,
        "thumbnail_url": thumbnail,
        "thumbnail_width": 1200,
        "thumbnail_height": 630,
        "html": snippet,
    })
    .to_string()
}

/// Gives static/boot.js, a classic script, the module loader: `import(` in boot.js itself would
/// be a syntax error in browsers without it, and would take the explanation down with it.
const IMPORTER: &str = "window.storyExplorerImport = function (url) { return import(url); };";

/// Rewrites Trunk's loader so that the WebAssembly is fetched only when `boot.js` starts it (see
/// its `quietly` and `start`: a Save-Data reader's only on reaching for a control): drops the
/// eager preloads and the inline start script, and names the two files in a meta tag before
/// `boot.js`, which can then start the download the moment it runs. The glue script keeps its
/// Subresource Integrity through an import map, the wasm through `data-integrity`, which
/// static/boot.js passes to its fetch.
pub fn defer_engine(html: &str) -> Result<String, &'static str> {
    let open = html
        .find("<script type=\"module\">")
        .ok_or("no loader <script type=\"module\">")?;
    let close = html[open..]
        .find("</script>")
        .map(|at| open + at + "</script>".len())
        .ok_or("an unclosed loader script")?;
    let loader = &html[open..close];
    let quoted_after = |marker: &str| -> Option<&str> {
        let from = loader.find(marker)? + marker.len();
        loader[from..].split('\'').next()
    };
    let glue = quoted_after("from '").ok_or("no glue script in the loader")?;
    let wasm = quoted_after("module_or_path: '").ok_or("no wasm file in the loader")?;
    let (without_glue, glue_link) = remove_tag(html, "<link rel=\"modulepreload\"")
        .ok_or("no modulepreload link for the glue script")?;
    let integrity = attribute(glue_link, "integrity").ok_or("the glue script has no integrity")?;
    let (without_preloads, wasm_link) =
        remove_tag(&without_glue, "<link rel=\"preload\"").ok_or("no preload link for the wasm")?;
    let wasm_integrity = attribute(wasm_link, "integrity").ok_or("the wasm has no integrity")?;
    let retries: String = (2..=ENGINE_TRIES)
        .map(|n| format!(",\"{glue}?attempt={n}\":\"{integrity}\""))
        .collect();
    let replacement = format!(
        "<script type=\"importmap\">{{\"integrity\":{{\"{glue}\":\"{integrity}\"{retries}}}}}</script>\n    \
         <script type=\"module\">{IMPORTER}</script>"
    );
    // The loader precedes the preload links, so its offsets still hold.
    let deferred = without_preloads.replacen(loader, &replacement, 1);
    let meta = format!(
        "<meta name=\"explorer-engine\" content=\"{glue}\" data-wasm=\"{wasm}\" data-integrity=\"{wasm_integrity}\">\n    "
    );
    let at = deferred
        .find("<script src=\"./boot-")
        .ok_or("no boot script (static/boot.js) to name the engine before")?;
    Ok(format!("{}{meta}{}", &deferred[..at], &deferred[at..]))
}

/// `html` without the first tag starting with `start`, and that tag.
fn remove_tag<'a>(html: &'a str, start: &str) -> Option<(String, &'a str)> {
    let at = html.find(start)?;
    let end = at + html[at..].find('>')? + 1;
    Some((format!("{}{}", &html[..at], &html[end..]), &html[at..end]))
}

/// The value of `name="…"` in one tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let marker = format!(" {name}=\"");
    let from = tag.find(&marker)? + marker.len();
    tag[from..].split('"').next()
}

/// The contents of every inline `<script>` (one without `src`, and not a JSON data block) in
/// `html`, which a strict Content-Security-Policy must allow by hash.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    // ASCII lowercasing keeps every byte offset, so positions found in `lower` index `html`.
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = lower[from..].find("<script").map(|at| from + at) {
        let Some(tag_end) = lower[open..].find('>').map(|at| open + at) else {
            break;
        };
        let Some(close) = lower[open..].find("</script").map(|at| open + at) else {
            break;
        };
        let tag = &lower[open..tag_end];
        let mut attributes = tag.split(|c: char| c.is_ascii_whitespace());
        let external_or_data =
            attributes.any(|a| a.starts_with("src=") || a == "type=\"application/json\"");
        if !external_or_data && tag_end < close {
            found.push(&html[tag_end + 1..close]);
        }
        from = close + "</script".len();
    }
    found
}

/// A strict Content-Security-Policy for the built page: nothing but its own files, scripts only
/// from itself or with one of `script_hashes` (base64 SHA-256), WebAssembly compilation allowed,
/// no plugins, no inline styles. `frame-ancestors` cannot be set from a meta tag: see the README.
pub fn csp_meta(script_hashes: &[String]) -> String {
    let hashes: String = script_hashes
        .iter()
        .map(|h| format!(" 'sha256-{h}'"))
        .collect();
    format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'{hashes} 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'none'\">"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    #[test]
    fn the_article_fallback_holds_every_paragraph_as_inert_html() {
        let story = bundled::load().unwrap();
        let html = article(&story);
        assert_eq!(html.matches("<p>").count(), story.paragraphs().len() - 1);
        assert!(
            html.contains("Since the news broke Wednesday night"),
            "the article is there"
        );
        assert!(!html.contains("<script"));
    }

    #[test]
    fn inline_scripts_are_found_and_external_ones_skipped() {
        let html = "<script src=\"a.js\"></script><script type=\"module\">import x;</script><p>x</p><script>y()</script>\
                    <SCRIPT\tsrc=b.js></SCRIPT><Script data-x=\"1\">z()</Script >";
        assert_eq!(inline_scripts(html), ["import x;", "y()", "z()"]);
        let meta = csp_meta(&["abc=".to_owned()]);
        assert!(meta.contains("script-src 'self' 'sha256-abc=' 'wasm-unsafe-eval';"));
        assert!(!meta.contains("unsafe-inline") && meta.contains("object-src 'none'"));
    }

    #[test]
    fn the_boot_settings_are_inert_data_from_the_rust_constants() {
        let block = boot_settings();
        assert!(
            inline_scripts(&block).is_empty(),
            "not a script the CSP must allow"
        );
        let json = &block[block.find('>').unwrap() + 1..block.rfind("</script>").unwrap()];
        let settings: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(settings["maxHeight"], MAX_HEIGHT);
        assert_eq!(settings["pageSettings"][0], "embed");
        assert_eq!(
            format!(
                "{}x{}7",
                settings["pym"][0].as_str().unwrap(),
                settings["pym"][1].as_str().unwrap()
            ),
            crate::views::share::pym_height_message("x", 7)
        );
    }

    #[test]
    fn the_root_carries_its_link_escaped() {
        assert_eq!(
            app_root("q=a&view=graph", "<p>x</p>"),
            "<div id=\"app\" data-link=\"q=a&amp;view=graph\"><p>x</p></div>"
        );
    }

    #[test]
    fn share_addresses_are_absolute_when_published_and_relative_to_the_page_otherwise() {
        let public = public_url("https://news.example/graphics/sessions").unwrap();
        assert_eq!(
            public.as_deref(),
            Some("https://news.example/graphics/sessions/")
        );
        let item = share_urls(public.as_deref(), "q/dmitry-peskov/", "preview.png");
        assert_eq!(
            item,
            ShareUrls {
                page: Some("https://news.example/graphics/sessions/q/dmitry-peskov/".into()),
                image: "https://news.example/graphics/sessions/q/dmitry-peskov/preview.png".into(),
                oembed: "https://news.example/graphics/sessions/q/dmitry-peskov/oembed.json".into(),
            }
        );
        let local = share_urls(None, "q/dmitry-peskov/", "preview.png");
        assert_eq!((local.page, local.image.as_str()), (None, "preview.png"));
        assert_eq!(public_url("  ").unwrap(), None);
        for bad in [
            "news.example/g/",
            "/g/",
            "https://",
            "https://n.example/g/?x=1",
            "ftp://n/",
        ] {
            let problem = public_url(bad).unwrap_err();
            assert!(problem.starts_with("PUBLIC_URL must"), "{bad}: {problem}");
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn meta_and_oembed_describe_the_story() {
        let story = bundled::load().unwrap();
        let front = crate::build::preview::front(&story);
        let meta = head_meta(&front, &share_urls(None, "", "og-image.png"));
        assert!(!meta.contains("canonical") && !meta.contains("og:url"));
        assert!(
            meta.contains("<meta property=\"og:title\" content=\"Jeff Sessions: story explorer\">")
        );
        assert!(meta.contains("og:description\" content=\"The Russian Kremlin was denying"));
        let oembed: serde_json::Value =
            serde_json::from_str(&oembed(&story, "https://n.example/g/")).unwrap();
        assert_eq!(oembed["type"], "rich");
        assert!(oembed["html"]
            .as_str()
            .unwrap()
            .starts_with("<iframe src=\"https://n.example/g/?embed=1\""));
    }
}
