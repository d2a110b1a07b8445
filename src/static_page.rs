//! The page before (or without) WebAssembly: the story's essentials as plain HTML, the meta tags
//! that make a pasted link preview well, and the oEmbed description. Written into the built
//! `index.html` by `src/bin/prerender.rs`; the app replaces the essentials when it starts.

use crate::cards::sourcing_label;
use crate::share::escape_html as esc;
use crate::story::{EntityKind, Story};

fn headline(story: &Story) -> &str {
    story.words(&story.meta().headline_at.span)
}

fn summary(story: &Story) -> &str {
    story.words(&story.meta().summary_at.span)
}

/// Headline, summary, date, the people, the quotes with their speakers, and the article itself.
pub fn essentials(story: &Story) -> String {
    let meta = story.meta();
    let mut html = String::new();
    html.push_str(
        "<section id=\"essentials\" class=\"essentials\" aria-labelledby=\"essentials-title\">",
    );
    html.push_str(&format!(
        "<h1 id=\"essentials-title\">{}</h1>",
        esc(headline(story))
    ));
    html.push_str(&format!(
        "<p class=\"essentials__summary\">{}</p>",
        esc(summary(story))
    ));
    html.push_str(&format!(
        "<p>Published <time datetime=\"{}\">{}</time></p>",
        meta.published.iso(),
        esc(&meta.published.to_string())
    ));
    html.push_str("<h2>People</h2><ul>");
    for e in story
        .entities()
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
    {
        let role = e
            .role
            .as_deref()
            .map(|r| format!(", {}", esc(r)))
            .unwrap_or_default();
        html.push_str(&format!("<li><strong>{}</strong>{role}</li>", esc(&e.name)));
    }
    html.push_str("</ul><h2>Quotes</h2><ul class=\"essentials__quotes\">");
    for q in story.quotes() {
        html.push_str(&format!(
            "<li><blockquote>“{}”</blockquote><p>— {} ({})</p></li>",
            esc(story.words(&q.at.span)),
            esc(story.name_of(&q.speaker)),
            sourcing_label(q.sourcing)
        ));
    }
    html.push_str("</ul><h2>The article</h2><div class=\"essentials__article\">");
    for p in story.paragraphs().iter().skip(1) {
        html.push_str(&format!("<p>{}</p>", esc(story.words(p))));
    }
    html.push_str("</div></section>");
    html
}

/// Description, Open Graph and Twitter card tags; `image` is the preview image's URL.
pub fn head_meta(story: &Story, image: &str) -> String {
    let title = esc(&format!("{}: story explorer", headline(story)));
    let description = esc(summary(story));
    let image = esc(image);
    [
        format!("<meta name=\"description\" content=\"{description}\">"),
        "<meta property=\"og:type\" content=\"article\">".to_owned(),
        format!("<meta property=\"og:title\" content=\"{title}\">"),
        format!("<meta property=\"og:description\" content=\"{description}\">"),
        format!("<meta property=\"og:image\" content=\"{image}\">"),
        "<meta property=\"og:image:width\" content=\"1200\">".to_owned(),
        "<meta property=\"og:image:height\" content=\"630\">".to_owned(),
        "<meta name=\"twitter:card\" content=\"summary_large_image\">".to_owned(),
        format!("<meta name=\"twitter:title\" content=\"{title}\">"),
        format!("<meta name=\"twitter:description\" content=\"{description}\">"),
        format!("<meta name=\"twitter:image\" content=\"{image}\">"),
    ]
    .join("\n    ")
}

/// The oEmbed "rich" response for the explorer hosted at `base` (absolute, ending in `/`).
pub fn oembed(story: &Story, base: &str) -> String {
    let title = format!("{}: story explorer", headline(story));
    let snippet = crate::share::embed_snippet(base, "", &title);
    serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "provider_name": "Story Explorer",
        "title": title,
        "width": 640,
        "height": 720,
        "thumbnail_url": format!("{base}og-image.png"),
        "thumbnail_width": 1200,
        "thumbnail_height": 630,
        "html": snippet,
    })
    .to_string()
}

/// The contents of every inline `<script>` (one without `src`) in `html`, which a strict
/// Content-Security-Policy must allow by hash.
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
        let external = tag
            .split(|c: char| c.is_ascii_whitespace())
            .any(|attribute| attribute.starts_with("src="));
        if !external && tag_end < close {
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
    fn essentials_hold_headline_people_quotes_and_article_as_inert_html() {
        let story = bundled::load().unwrap();
        let html = essentials(&story);
        assert!(html.contains("<h1 id=\"essentials-title\">Jeff Sessions</h1>"));
        for name in [
            "Dmitry Peskov",
            "Maria Zakharova",
            "Nancy Pelosi",
            "Sergey Kislyak",
        ] {
            assert!(html.contains(&format!("<strong>{name}</strong>")), "{name}");
        }
        assert_eq!(html.matches("<blockquote>").count(), story.quotes().len());
        assert!(
            html.contains("I don&#39;t know the details of any meetings"),
            "quotes are escaped"
        );
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
    fn meta_and_oembed_describe_the_story() {
        let story = bundled::load().unwrap();
        let meta = head_meta(&story, "og-image.png");
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
