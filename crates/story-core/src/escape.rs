//! Escaping text for HTML and XML. Everything the build writes into a page or an SVG file passes
//! through here, so story text is always shown as text, never read as markup.

/// Escapes text for a double-quoted HTML or XML attribute or element content, dropping the
/// control characters XML forbids (they would make an exported SVG file unreadable).
pub fn escape_html(text: &str) -> String {
    escape(text, false)
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
}
