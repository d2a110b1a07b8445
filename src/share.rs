//! What sharing produces, as plain text: the link to a view, the embed snippet a newsroom pastes
//! into its page, and the messages that tell a host page the embed's height.

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

/// Escapes text for a double-quoted HTML or XML attribute or element content, dropping the
/// control characters XML forbids (they would make an exported SVG file unreadable).
pub fn escape_html(text: &str) -> String {
    escape(text, false)
}

/// The pym.js child message for a height: `pymxPYMx<id>xPYMxheightxPYMx<px>`.
pub fn pym_height_message(child_id: &str, height: u32) -> String {
    format!("pymxPYMx{child_id}xPYMxheightxPYMx{height}")
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
    if (typeof data === "string" && data.indexOf("pymxPYMx") === 0) {{
      var parts = data.split("xPYMx");
      if (parts[2] === "height") height = Number(parts[3]);
    }} else if (data && typeof data === "object" && data["datawrapper-height"]) {{
      for (var key in data["datawrapper-height"]) height = Number(data["datawrapper-height"][key]);
    }}
    if (!(height > 0) || height > {MAX_HEIGHT}) return;
    frame.style.height = Math.max(200, Math.ceil(height)) + "px";
  }});
}})();
</script>
<noscript><a href="{full}">{title}</a></noscript>"#
    )
}

/// Escapes text for HTML that the browser's parser turns back into exactly `text`, as the engine
/// puts it in the DOM: control characters and noncharacters (which `escape_html` drops for XML)
/// become character references, which HTML keeps; so does CR, which HTML would read as LF.
/// NUL has no spelling in HTML; it is dropped, as story validation would not show it either.
pub fn escape_html_exact(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, exact: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let xml_forbids = matches!(c, '\u{1}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}');
        let html_changes = matches!(c, '\u{D}' | '\u{7F}') || is_noncharacter(c);
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\u{0}' => {}
            c if exact && (xml_forbids || html_changes) => {
                out.push_str(&format!("&#x{:X};", u32::from(c)));
            }
            _ if xml_forbids => {}
            c => out.push(c),
        }
    }
    out
}

fn is_noncharacter(c: char) -> bool {
    let n = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_escaping_spells_out_what_html_would_drop_or_change() {
        assert_eq!(
            escape_html_exact("<b>\u{1}\r\u{FFFF}\u{1FFFE}\t\u{0}é"),
            "&lt;b&gt;&#x1;&#xD;&#xFFFF;&#x1FFFE;\té"
        );
    }

    #[test]
    fn escaping_leaves_no_markup_and_no_characters_xml_forbids() {
        assert_eq!(
            escape_html("<a href=\"x\" onclick='y'>&\u{1}\u{FFFF}\té</a>"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;\té&lt;/a&gt;"
        );
    }

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
