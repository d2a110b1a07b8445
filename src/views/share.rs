//! What sharing produces, as plain text: the link to a view, the embed snippet a newsroom pastes
//! into its page, and the messages that tell a host page the embed's height.

use story_core::escape::escape_html;

/// Tallest height a host page should accept from the embed, in CSS pixels; larger is a forgery
/// or a runaway layout.
pub const MAX_HEIGHT: u32 = 20_000;

/// A page URL (origin + path, no query) with a view's query string.
pub fn link(page: &str, query: &str) -> String {
    if query.is_empty() {
        page.to_owned()
    } else {
        format!("{page}?{query}")
    }
}

/// The same view, in the compact embed presentation.
pub fn embed_link(page: &str, query: &str) -> String {
    link(
        page,
        &if query.is_empty() {
            "embed=1".to_owned()
        } else {
            format!("{query}&embed=1")
        },
    )
}

/// How a pym.js child message starts, and what separates the child's id from its height:
/// `pymxPYMx<id>xPYMxheightxPYMx<px>`.
pub const PYM_PREFIX: &str = "pymxPYMx";
pub const PYM_HEIGHT: &str = "xPYMxheightxPYMx";

/// The key of Datawrapper's height message: `{"datawrapper-height": {"<id>": <px>}}`.
pub const DATAWRAPPER_HEIGHT: &str = "datawrapper-height";

/// The pym.js child message for a height.
pub fn pym_height_message(child_id: &str, height: u32) -> String {
    format!("{PYM_PREFIX}{child_id}{PYM_HEIGHT}{height}")
}

/// The snippet to paste into a news page: a lazy, sandboxed iframe starting at the current view,
/// a host script that follows the embed's height (pym.js and Datawrapper formats, only from this
/// iframe, clamped), and a link for readers without JavaScript.
pub fn embed_snippet(page: &str, query: &str, title: &str) -> String {
    let src = escape_html(&embed_link(page, query));
    let full = escape_html(&link(page, query));
    let title = escape_html(title);
    format!(
        r#"<iframe src="{src}" title="{title}" loading="lazy" width="100%" height="600" style="width:100%;max-width:100%;border:0" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" referrerpolicy="strict-origin-when-cross-origin"></iframe>
<script>
(function () {{
  var frame = document.currentScript.previousElementSibling;
  window.addEventListener("message", function (event) {{
    if (event.source !== frame.contentWindow) return;
    var data = event.data, height = NaN;
    if (typeof data === "string" && data.indexOf("{PYM_PREFIX}") === 0) {{
      var parts = data.split("xPYMx");
      if (parts[2] === "height") height = Number(parts[3]);
    }} else if (data && typeof data === "object" && data["{DATAWRAPPER_HEIGHT}"]) {{
      for (var key in data["{DATAWRAPPER_HEIGHT}"]) height = Number(data["{DATAWRAPPER_HEIGHT}"][key]);
    }}
    if (!(height > 0) || height > {MAX_HEIGHT}) return;
    frame.style.height = Math.max(200, Math.ceil(height)) + "px";
  }});
}})();
</script>
<noscript><a href="{full}">{title}</a></noscript>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_the_view_and_add_embed() {
        assert_eq!(link("https://n.example/g/", ""), "https://n.example/g/");
        assert_eq!(
            link("https://n.example/g/", "view=claims"),
            "https://n.example/g/?view=claims"
        );
        assert_eq!(
            embed_link("https://n.example/g/", ""),
            "https://n.example/g/?embed=1"
        );
        assert_eq!(
            embed_link("https://n.example/g/", "q=x"),
            "https://n.example/g/?q=x&embed=1"
        );
    }

    #[test]
    fn the_snippet_is_an_accessible_lazy_sandboxed_iframe_with_escaped_values() {
        let s = embed_snippet(
            "https://n.example/g/",
            "q=a&item=b",
            "Story \"explorer\" <x>",
        );
        assert!(s.starts_with(r#"<iframe src="https://n.example/g/?q=a&amp;item=b&amp;embed=1" title="Story &quot;explorer&quot; &lt;x&gt;" loading="lazy""#));
        assert!(s.contains(r#"sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox""#));
        assert!(s.contains("event.source !== frame.contentWindow"));
        assert!(s.contains(&format!("height > {MAX_HEIGHT}")));
        assert!(s.ends_with(r#"<noscript><a href="https://n.example/g/?q=a&amp;item=b">Story &quot;explorer&quot; &lt;x&gt;</a></noscript>"#));
    }

    #[test]
    fn pym_messages_follow_the_child_format() {
        assert_eq!(
            pym_height_message("story", 812),
            "pymxPYMxstoryxPYMxheightxPYMx812"
        );
    }
}
