//! The view state as a link: `?view=timeline&q=kislyak&kind=quote,event&item=peskov-no-details`.
//!
//! One codec, so the URL and the state can never disagree. [`encode`] writes keys in a fixed
//! order and leaves defaults out, so equal states give equal, short links. [`decode`] never fails:
//! whatever it cannot use (an unknown key, a bad value, an id the story lacks, broken encoding)
//! it drops, with a notice that names it, and the rest of the link still applies.

use crate::views::cards::CardKind;
use crate::views::query::SOURCINGS;
use crate::views::view_state::{GraphView, View, ViewState, MAX_ZOOM, MIN_ZOOM};
use story_core::dates::PartialDate;
use story_core::story::{ItemRef, Sourcing, Story};

/// Longest search text a link may carry, in chars.
pub const MAX_TEXT: usize = 500;

/// Keys that set up the page rather than the view: the embed flag, what embedding scripts add
/// (pym.js), and campaign trackers (with every `utm_…`). A link made only of these shows the page
/// as it was built, so the boot script leaves the engine until the reader needs it; the build
/// hands this list to it (see `build::page::boot_settings`).
pub const PAGE_SETTINGS: [&str; 28] = [
    "embed",
    "theme",
    "childId",
    "initialWidth",
    "parentTitle",
    "parentUrl",
    // What share buttons, newsletters and social apps add to a link.
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "twclid",
    "ttclid",
    "yclid",
    "igshid",
    "igsh",
    "mc_cid",
    "mc_eid",
    "mkt_tok",
    "_ga",
    "_gl",
    "s",
    "si",
    "ref",
    "ref_src",
    "ref_url",
    "smid",
    "ocid",
    "cmpid",
];

/// Prefixes of page-setting keys.
pub const PAGE_SETTING_PREFIXES: [&str; 1] = ["utm_"];

/// The values of `embed` that ask for the compact presentation (`embed` alone means yes).
pub const EMBED_VALUES: [&str; 3] = ["1", "true", ""];

/// The values of `theme`: the colours an embed's host page asks for. Without it an embed is light
/// (news pages are, and a dark block in a light article is jarring) and a page of its own follows
/// the reader's system; `auto` asks for the system's in an embed too.
pub const THEMES: [&str; 3] = ["light", "dark", "auto"];

/// The id the embed reports its height under when the host page gave none.
pub const DEFAULT_CHILD_ID: &str = "story-explorer";

/// Keys that choose the story or a test behaviour: `synthetic=N`, `synthetic=hostile`,
/// `fault=panic`. Only a build with the `fixtures` feature knows them; elsewhere they are unknown
/// settings, dropped with a notice.
#[cfg(feature = "fixtures")]
pub const FIXTURE_KEYS: [&str; 2] = ["synthetic", "fault"];
#[cfg(not(feature = "fixtures"))]
pub const FIXTURE_KEYS: [&str; 0] = [];

pub fn is_page_setting(key: &str) -> bool {
    PAGE_SETTINGS.contains(&key) || PAGE_SETTING_PREFIXES.iter().any(|p| key.starts_with(p))
}

/// The pairs of a query string (with or without `?`), decoded; `None` for a pair that is not
/// properly percent-encoded. The one reader of query strings in the app.
pub fn pairs(query: &str) -> impl Iterator<Item = Option<(String, String)>> + '_ {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            Some((unescape(key)?, unescape(value)?))
        })
}

/// The decoded value of `key`, the first time it appears.
pub fn param(query: &str, key: &str) -> Option<String> {
    pairs(query)
        .flatten()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// The view `query` names, as `decode` settles it: the last `view` that names one.
pub fn view_named(query: &str) -> Option<View> {
    pairs(query)
        .flatten()
        .filter(|(k, _)| k == "view")
        .filter_map(|(_, v)| View::ALL.into_iter().find(|view| view_slug(*view) == v))
        .last()
}

/// Whether `query` asks for the compact embed presentation.
pub fn is_embed(query: &str) -> bool {
    param(query, "embed").is_some_and(|v| EMBED_VALUES.contains(&v.as_str()))
}

/// The part of `query` that chooses what is shown (the story and the view): everything but the
/// page settings, as written. Two links with the same view part render the same DOM.
pub fn view_part(query: &str) -> String {
    keep(query, |key| !key.is_some_and(is_page_setting))
}

/// The settings every address the app writes keeps: the embed flag, and the story choice.
#[cfg(feature = "fixtures")]
const STICKY_KEYS: [&str; 3] = ["embed", "theme", "synthetic"];
#[cfg(not(feature = "fixtures"))]
const STICKY_KEYS: [&str; 2] = ["embed", "theme"];

pub fn sticky_part(query: &str) -> String {
    keep(query, |key| key.is_some_and(|k| STICKY_KEYS.contains(&k)))
}

/// The raw pairs of `query` whose decoded key passes `wanted` (`None` for a broken key).
fn keep(query: &str, wanted: impl Fn(Option<&str>) -> bool) -> String {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|pair| wanted(unescape(pair.split('=').next().unwrap_or("")).as_deref()))
        .collect::<Vec<_>>()
        .join("&")
}

/// The link the explorer opens at, on a page built for `built` and reached at `address`: the
/// page as built, with whatever the address adds or changes. An item's page (`q/<id>/`, built for
/// `item=<id>`) keeps its item under any parameters a share tool or reader adds (`?s=1`,
/// `?view=graph`), unless the address names another item.
pub fn effective(built: &str, address: &str) -> String {
    let address = address.trim_start_matches('?');
    let named: Vec<Option<String>> = pairs(address).map(|p| p.map(|(k, _)| k)).collect();
    let kept = keep(built, |key| {
        !named.iter().flatten().any(|k| Some(k.as_str()) == key)
    });
    match (kept.is_empty(), address.is_empty()) {
        (_, true) => kept,
        (true, false) => address.to_owned(),
        (false, false) => format!("{kept}&{address}"),
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    pub state: ViewState,
    /// `embed=1`: the compact presentation for iframes.
    pub embed: bool,
    /// What was dropped, in words a reader understands.
    pub notices: Vec<String>,
}

fn view_slug(view: View) -> &'static str {
    match view {
        View::Cards => "cards",
        View::Timeline => "timeline",
        View::Claims => "claims",
        View::Graph => "graph",
        View::Article => "article",
    }
}

fn sourcing_slug(s: Sourcing) -> &'static str {
    match s {
        Sourcing::OnRecord => "on-record",
        Sourcing::Anonymous => "anonymous",
        Sourcing::OfficialStatement => "official-statement",
        Sourcing::ReportedByOutlet => "reported-by-outlet",
    }
}

/// The query string for `state` (without `?`), empty for the default view.
pub fn encode(state: &ViewState) -> String {
    let q = &state.query;
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if state.view != View::Cards {
        pairs.push(("view", view_slug(state.view).to_owned()));
    }
    if !q.text.is_empty() {
        pairs.push(("q", q.text.clone()));
    }
    let join = |items: Vec<&str>| items.join(",");
    if !q.kinds.is_empty() {
        pairs.push(("kind", join(q.kinds.iter().map(|k| k.slug()).collect())));
    }
    if !q.sides.is_empty() {
        pairs.push(("side", join(q.sides.iter().map(String::as_str).collect())));
    }
    if let Some(e) = &q.involving {
        pairs.push(("with", e.clone()));
    }
    if let Some(d) = q.from {
        pairs.push(("from", d.iso()));
    }
    if let Some(d) = q.to {
        pairs.push(("to", d.iso()));
    }
    if !q.sourcing.is_empty() {
        pairs.push((
            "src",
            join(q.sourcing.iter().map(|s| sourcing_slug(*s)).collect()),
        ));
    }
    if let Some(id) = &state.selected {
        pairs.push(("item", id.clone()));
    }
    if let Some(id) = &state.target {
        pairs.push(("at", id.clone()));
    }
    let g = state.graph;
    if g.zoom != GraphView::default().zoom {
        pairs.push(("zoom", g.zoom.to_string()));
    }
    if (g.x, g.y) != (0, 0) {
        pairs.push(("pan", format!("{},{}", g.x, g.y)));
    }
    pairs
        .into_iter()
        .map(|(k, v)| format!("{k}={}", escape(&v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Reads a query string (with or without `?`) against `story`.
pub fn decode(query: &str, story: &Story) -> Decoded {
    let mut out = Decoded {
        embed: is_embed(query),
        ..Decoded::default()
    };
    for pair in pairs(query) {
        let Some((key, value)) = pair else {
            out.notices
                .push("a part of the link that is not properly encoded".to_owned());
            continue;
        };
        if let Err(notice) = apply(&mut out, &key, &value, story) {
            out.notices.push(notice);
        }
    }
    out
}

fn shorten(text: &str) -> String {
    let short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

fn apply(out: &mut Decoded, key: &str, value: &str, story: &Story) -> Result<(), String> {
    let state = &mut out.state;
    let bad = |what: &str| format!("{what} “{}”", shorten(value));
    match key {
        "view" => {
            let view = View::ALL
                .into_iter()
                .find(|v| view_slug(*v) == value)
                .ok_or_else(|| bad("the unknown view"))?;
            if !view.has_content(story) {
                return Err(format!(
                    "the {} view, which this story has nothing for",
                    view.label()
                ));
            }
            state.view = view;
        }
        "q" => {
            let text: String = value.chars().take(MAX_TEXT).collect();
            let cut = text.len() < value.len();
            state.query.text = text;
            if cut {
                return Err(format!(
                    "the end of a search longer than {MAX_TEXT} characters"
                ));
            }
        }
        "kind" => {
            let parse = |v: &str| CardKind::ALL.into_iter().find(|k| k.slug() == v);
            return list(value, parse, "kind", &mut state.query.kinds);
        }
        "side" => {
            let parse = |v: &str| story.side(v).map(|s| s.id.clone());
            return list(value, parse, "side", &mut state.query.sides);
        }
        "src" => {
            let parse = |v: &str| SOURCINGS.into_iter().find(|s| sourcing_slug(*s) == v);
            return list(value, parse, "sourcing", &mut state.query.sourcing);
        }
        "with" => {
            state.query.involving = Some(
                story
                    .entity(value)
                    .ok_or_else(|| bad("the unknown person or organization"))?
                    .id
                    .clone(),
            )
        }
        "from" => {
            state.query.from = Some(PartialDate::parse_iso(value).ok_or_else(|| bad("the date"))?)
        }
        "to" => {
            state.query.to = Some(PartialDate::parse_iso(value).ok_or_else(|| bad("the date"))?)
        }
        "item" => {
            state.selected = Some(known_item(story, value).ok_or_else(|| bad("the unknown item"))?)
        }
        "at" => {
            state.target = Some(known_item(story, value).ok_or_else(|| bad("the unknown item"))?)
        }
        "zoom" => {
            state.graph.zoom = value
                .parse()
                .ok()
                .filter(|z| (MIN_ZOOM..=MAX_ZOOM).contains(z))
                .ok_or_else(|| bad("the zoom"))?
        }
        "pan" => {
            let (x, y) = value.split_once(',').ok_or_else(|| bad("the position"))?;
            let parse = |v: &str| v.parse::<i32>().ok().filter(|n| n.abs() <= 100_000);
            (state.graph.x, state.graph.y) =
                parse(x).zip(parse(y)).ok_or_else(|| bad("the position"))?;
        }
        "theme" if !THEMES.contains(&value) => return Err(bad("the theme")),
        k if is_page_setting(k) || FIXTURE_KEYS.contains(&k) => {}
        _ => return Err(format!("the unknown setting “{}”", shorten(key))),
    }
    Ok(())
}

fn known_item(story: &Story, id: &str) -> Option<String> {
    match story.find(id)? {
        ItemRef::Side(_) => None,
        _ => Some(id.to_owned()),
    }
}

/// A comma-separated set; any value that does not parse drops the whole key.
/// Sets `into` to the values of a comma-separated list it can use; the others are said, and a
/// list's usable values are kept beside them (`kind=quote,spaceship` still filters quotes).
fn list<T: Ord>(
    value: &str,
    parse: impl Fn(&str) -> Option<T>,
    what: &str,
    into: &mut story_core::set::SortedSet<T>,
) -> Result<(), String> {
    let mut unknown = Vec::new();
    *into = value
        .split(',')
        .filter(|v| !v.is_empty())
        .filter_map(|v| {
            let parsed = parse(v);
            if parsed.is_none() {
                unknown.push(format!("the unknown {what} “{}”", shorten(v)));
            }
            parsed
        })
        .collect();
    match unknown.is_empty() {
        true => Ok(()),
        false => Err(unknown.join("; ")),
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986), so links survive any channel.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b',' => {
                out.push(char::from(byte))
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Decodes `%XX` and `+`; `None` for a broken escape or bytes that are not UTF-8.
fn unescape(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    #[test]
    fn the_default_view_is_the_empty_link() {
        assert_eq!(encode(&ViewState::default()), "");
    }

    #[test]
    fn a_full_state_round_trips_through_a_readable_link() {
        let story = bundled::load().unwrap();
        let mut state = ViewState {
            view: View::Timeline,
            ..ViewState::default()
        };
        state.query.text = "kislyak’s door & more".into();
        state.query.kinds = [CardKind::Quote, CardKind::Event].into();
        state.query.sides = ["press".to_owned()].into();
        state.query.involving = Some("sergey-kislyak".into());
        state.query.from = PartialDate::parse_iso("2016-07");
        state.query.sourcing = [Sourcing::Anonymous].into();
        state.selected = Some("staffer-kislyaks-door".into());
        let link = encode(&state);
        assert_eq!(
            link,
            "view=timeline&q=kislyak%E2%80%99s%20door%20%26%20more&kind=quote,event&side=press&with=sergey-kislyak&from=2016-07&src=anonymous&item=staffer-kislyaks-door"
        );
        let back = decode(&format!("?{link}"), &story);
        assert_eq!(back.state, state);
        assert!(back.notices.is_empty());
    }

    #[test]
    fn what_cannot_be_used_is_dropped_with_a_notice_and_the_rest_applies() {
        let story = bundled::load().unwrap();
        let d = decode("view=graphs&q=ok&kind=quote,spaceship&with=nobody&from=2017-13&item=%E0%A4&zzz=1&utm_source=x&childId=e1", &story);
        assert_eq!(d.state.query.text, "ok");
        assert_eq!(d.state.view, View::Cards);
        // A list keeps the values it can use.
        assert_eq!(
            d.state.query.kinds.iter().copied().collect::<Vec<_>>(),
            [CardKind::Quote]
        );
        assert!(d.state.query.involving.is_none() && d.state.selected.is_none());
        assert_eq!(d.notices.len(), 6, "{:?}", d.notices);
        assert!(d.notices.iter().any(|n| n.contains("spaceship")));
        assert!(d.notices.iter().any(|n| n.contains("“zzz”")));
    }

    #[test]
    fn embed_and_other_tools_keys_are_not_state_and_not_errors() {
        let story = bundled::load().unwrap();
        let d = decode("?embed=1&initialWidth=320&childId=story&parentUrl=https%3A%2F%2Fnews.example%2F&fbclid=1", &story);
        assert!(d.embed);
        assert!(d.notices.is_empty());
        assert_eq!(d.state, ViewState::default());
    }

    #[test]
    fn broken_escapes_and_huge_values_are_survivable() {
        let story = bundled::load().unwrap();
        for link in [
            "%",
            "q=%G1",
            "q=%FF%FE",
            "=&&=&",
            "q",
            &format!("q={}", "a".repeat(100_000)),
        ] {
            let d = decode(link, &story);
            assert!(d.state.query.text.chars().count() <= MAX_TEXT, "{link:.20}");
        }
        assert_eq!(unescape("a+b%20c"), Some("a b c".into()));
        assert_eq!(unescape("%E2%80%99"), Some("’".into()));
    }

    #[test]
    fn the_view_a_link_names_is_the_one_decode_settles_on() {
        let story = bundled::load().unwrap();
        for link in [
            "view=graph",
            "view=graph&view=timeline",
            "view=graph&view=graphs",
            "item=a&view=%67raph",
            "item=a",
            "view=nope",
        ] {
            let decoded = decode(link, &story).state.view;
            assert_eq!(view_named(link).unwrap_or(View::Cards), decoded, "{link}");
        }
        assert_eq!(view_named("item=a"), None);
    }

    #[test]
    fn a_link_of_page_settings_shows_the_page_as_built() {
        assert_eq!(effective("", ""), "");
        assert_eq!(effective("", "?embed=1&childId=x"), "embed=1&childId=x");
        assert_eq!(effective("item=a", ""), "item=a");
        assert_eq!(
            effective("item=a", "?utm_source=n&embed"),
            "item=a&utm_source=n&embed"
        );
        assert_eq!(effective("", "?view=graph"), "view=graph");
    }

    #[test]
    fn an_item_page_keeps_its_item_under_any_parameters() {
        assert_eq!(effective("item=a", "?q=b&embed=1"), "item=a&q=b&embed=1");
        assert_eq!(effective("item=a", "?view=graph"), "item=a&view=graph");
        assert_eq!(
            effective("item=a", "?s=1&mc_cid=x&igshid=y"),
            "item=a&s=1&mc_cid=x&igshid=y"
        );
        assert_eq!(
            effective("item=a", "?item=b&view=graph"),
            "item=b&view=graph"
        );
        let story = bundled::load().unwrap();
        let opened = decode(
            &effective(
                "item=dmitry-peskov",
                "?s=1&mc_cid=x&mc_eid=z&igshid=y&si=q&fbclid=f",
            ),
            &story,
        );
        assert_eq!(opened.state.selected.as_deref(), Some("dmitry-peskov"));
        assert_eq!(
            opened.notices,
            Vec::<String>::new(),
            "share tools' parameters are quiet"
        );
    }

    #[test]
    fn the_first_embed_key_decides_as_in_the_boot_script() {
        let story = bundled::load().unwrap();
        assert!(decode("embed=1&embed=0", &story).embed);
        assert!(!decode("embed=0&embed=1", &story).embed);
    }

    #[test]
    fn one_parser_reads_every_part_of_a_link() {
        assert_eq!(param("?childId=a%20b&x=1", "childId"), Some("a b".into()));
        assert_eq!(param("x=1", "childId"), None);
        assert!(is_embed("?embed") && is_embed("q=x&embed=true") && !is_embed("embed=0"));
        assert_eq!(
            view_part("?view=graph&embed=1&utm_x=2&q=a"),
            "view=graph&q=a"
        );
        assert_eq!(sticky_part("?view=graph&embed=1&childId=c"), "embed=1");
        assert_eq!(
            sticky_part("?theme=dark&view=graph&embed=1"),
            "theme=dark&embed=1"
        );
        assert_eq!(
            pairs("a=%ZZ&b=2").collect::<Vec<_>>(),
            [None, Some(("b".into(), "2".into()))]
        );
    }
}
