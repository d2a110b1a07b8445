//! What sharing produces, as plain text: the link to a view, the embed snippet a newsroom pastes
//! into its page, and the messages that tell a host page the embed's height.

use story_core::escape::escape_html;
use story_core::story::Story;

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

/// The folder of the items' own pages: `q/<id>/` under the explorer, each the explorer opened at
/// that item, with link-preview tags and an image of its own (written by src/bin/prerender.rs).
pub const ITEM_DIR: &str = "q";

/// Whether the build writes item pages: `ITEM_PAGES=0` at build time turns them off (build.rs
/// passes it on, so the app and the prerender step agree).
pub const ITEM_PAGES: bool = match option_env!("STORY_ITEM_PAGES") {
    Some(value) => !(value.len() == 1 && value.as_bytes()[0] == b'0'),
    None => true,
};

/// A story with more shareable items than this gets no item pages: each is a whole pre-rendered
/// explorer (about 80 KB, 10 KB gzip, for the seed story) and a preview image (about 40 KB).
pub const MAX_ITEM_PAGES: usize = 1_000;

/// The items that get a page of their own: every entity, quote, event, claim and relationship.
pub fn shareable(story: &Story) -> Vec<&str> {
    let ids = story.entities().iter().map(|e| e.id.as_str());
    ids.chain(story.quotes().iter().map(|q| q.id.as_str()))
        .chain(story.events().iter().map(|e| e.id.as_str()))
        .chain(story.claims().iter().map(|c| c.id.as_str()))
        .chain(story.relationships().iter().map(|r| r.id.as_str()))
        .collect()
}

/// Whether a build of `story` writes its item pages.
pub fn writes_item_pages(story: &Story) -> bool {
    let count = story.entities().len()
        + story.quotes().len()
        + story.events().len()
        + story.claims().len()
        + story.relationships().len();
    ITEM_PAGES && count <= MAX_ITEM_PAGES
}

/// Whether `id` is an item with a page of its own, in a story whose pages were written.
pub fn has_page(story: &Story, id: &str) -> bool {
    use story_core::story::ItemRef;
    matches!(
        story.find(id),
        Some(
            ItemRef::Entity(_)
                | ItemRef::Quote(_)
                | ItemRef::Event(_)
                | ItemRef::Claim(_)
                | ItemRef::Relationship(_)
        )
    )
}

/// An item's page, relative to the explorer: `q/<id>/`.
pub fn item_path(id: &str) -> String {
    format!("{ITEM_DIR}/{id}/")
}

/// Whether `path` is the page of item `id`.
pub fn is_item_page(path: &str, id: &str) -> bool {
    path.ends_with(&format!("/{}", item_path(id)))
}

/// The explorer's own address (ending in `/`, or a file name) from the address of any of its
/// pages: an item page `…/q/<id>/` is two folders under it.
pub fn explorer_root(page: &str) -> &str {
    let trimmed = page.strip_suffix('/').unwrap_or(page);
    let Some((parent, id)) = trimmed.rsplit_once('/') else {
        return page;
    };
    let is_id = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    match parent
        .strip_suffix(ITEM_DIR)
        .filter(|_| is_id && page.ends_with('/'))
    {
        Some(root) if root.ends_with('/') => root,
        _ => page,
    }
}

/// The address that shows `query` (a view's query string) with `item` open: the item's own page
/// when it has one (`paged`), so that a pasted link previews that item; the query follows it
/// unless it says no more than that the item is open.
pub fn item_link(root: &str, item: Option<&str>, paged: bool, query: &str) -> String {
    match item.filter(|_| paged) {
        Some(id) => {
            let page = format!("{root}{}", item_path(id));
            let alone = query == format!("item={id}");
            link(&page, if alone { "" } else { query })
        }
        None => link(root, query),
    }
}

/// The path the address bar shows for a state with `selected` open, on the page at `path`: an
/// item page's own path only while its item is open, else the explorer's.
pub fn page_path<'a>(path: &'a str, selected: Option<&str>) -> &'a str {
    let root = explorer_root(path);
    let id = path[root.len()..]
        .trim_start_matches(ITEM_DIR)
        .trim_matches('/');
    if root.len() == path.len() || selected == Some(id) {
        path
    } else {
        root
    }
}

/// What a page built for `built` stands for at `path`: an item page's link (`item=<id>`) only at
/// that item's own path, since Back can bring its document to the explorer's address.
pub fn built_at<'a>(built: &'a str, path: &str) -> &'a str {
    match built.strip_prefix("item=") {
        Some(id) if !is_item_page(path, id) => "",
        _ => built,
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
/// iframe, clamped), and a link for readers without JavaScript. `theme` is one of
/// `url_state::THEMES`; light, an embed's default, is left out of the link.
pub fn embed_snippet(page: &str, query: &str, title: &str, theme: &str) -> String {
    let themed = match (theme, query.is_empty()) {
        ("light" | "", _) => query.to_owned(),
        (_, true) => format!("theme={theme}"),
        (_, false) => format!("{query}&theme={theme}"),
    };
    let src = escape_html(&embed_link(page, &themed));
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
    fn an_item_page_sits_two_folders_under_the_explorer() {
        let page = "https://n.example/graphics/sessions/q/peskov-no-details/";
        assert_eq!(explorer_root(page), "https://n.example/graphics/sessions/");
        assert_eq!(explorer_root("/q/a-1/"), "/");
        for not_an_item in [
            "https://n.example/graphics/sessions/",
            "https://n.example/faq/peskov/",
            "/q/Peskov/",
            "/q/peskov",
            "/index.html",
            "https://n.example",
        ] {
            assert_eq!(explorer_root(not_an_item), not_an_item);
        }
        assert!(
            is_item_page("/g/q/peskov/", "peskov") && !is_item_page("/g/faq/peskov/", "peskov")
        );
    }

    #[test]
    fn the_address_stays_on_an_item_page_only_while_its_item_is_open() {
        let page = "/g/q/peskov/";
        assert_eq!(page_path(page, Some("peskov")), page);
        assert_eq!(page_path(page, Some("kislyak")), "/g/");
        assert_eq!(page_path(page, None), "/g/");
        assert_eq!(
            page_path("/g/", Some("peskov")),
            "/g/",
            "the explorer's own page stays"
        );
        assert_eq!(built_at("item=peskov", page), "item=peskov");
        assert_eq!(
            built_at("item=peskov", "/g/"),
            "",
            "Back to the explorer's address"
        );
        assert_eq!(
            built_at("view=timeline", "/g/fixture.html"),
            "view=timeline"
        );
    }

    #[test]
    fn a_shared_item_links_to_its_own_page() {
        let root = "https://n.example/g/";
        assert_eq!(
            item_link(root, Some("peskov"), true, "item=peskov"),
            "https://n.example/g/q/peskov/"
        );
        assert_eq!(
            item_link(root, Some("peskov"), true, "view=timeline&item=peskov"),
            "https://n.example/g/q/peskov/?view=timeline&item=peskov"
        );
        assert_eq!(
            item_link(root, Some("r-1"), false, "item=r-1"),
            "https://n.example/g/?item=r-1"
        );
        assert_eq!(item_link(root, None, true, ""), root);
    }

    #[test]
    fn every_entity_quote_event_claim_and_relationship_has_a_page_and_nothing_else() {
        let story = crate::bundled::load().unwrap();
        let ids = shareable(&story);
        assert_eq!(
            ids.len(),
            story.entities().len()
                + story.quotes().len()
                + story.events().len()
                + story.claims().len()
                + story.relationships().len()
        );
        assert!(ids.iter().all(|id| has_page(&story, id)));
        let response = &story.claims()[0].responses[0].id;
        assert!(!has_page(&story, response) && !ids.contains(&response.as_str()));
        assert!(writes_item_pages(&story));
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
            "light",
        );
        assert!(s.starts_with(r#"<iframe src="https://n.example/g/?q=a&amp;item=b&amp;embed=1" title="Story &quot;explorer&quot; &lt;x&gt;" loading="lazy""#));
        assert!(s.contains(r#"sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox""#));
        assert!(s.contains("event.source !== frame.contentWindow"));
        assert!(s.contains(&format!("height > {MAX_HEIGHT}")));
        assert!(s.ends_with(r#"<noscript><a href="https://n.example/g/?q=a&amp;item=b">Story &quot;explorer&quot; &lt;x&gt;</a></noscript>"#));
    }

    #[test]
    fn the_snippet_carries_a_theme_other_than_the_default_light() {
        let src = |query: &str, theme: &str| {
            let s = embed_snippet("https://n.example/g/", query, "T", theme);
            s[s.find("src=\"").unwrap() + 5..s.find("\" title").unwrap()].to_owned()
        };
        assert_eq!(src("", "light"), "https://n.example/g/?embed=1");
        assert_eq!(
            src("", "dark"),
            "https://n.example/g/?theme=dark&amp;embed=1"
        );
        assert_eq!(
            src("view=graph", "auto"),
            "https://n.example/g/?view=graph&amp;theme=auto&amp;embed=1"
        );
    }

    #[test]
    fn pym_messages_follow_the_child_format() {
        assert_eq!(
            pym_height_message("story", 812),
            "pymxPYMxstoryxPYMxheightxPYMx812"
        );
    }
}
