//! The relationship graph as a standalone SVG file: the drawing on screen as it is. The same
//! canvas, zoom, pan and lens; the same labels in the same places, and none that the screen left
//! out for want of room (a file of every name at once is a pile of text in the middle); what the
//! screen fades, faded. Every colour and size is written on its element, since the file is read
//! without the page's stylesheet.

use crate::views::graph::{edge_title, kind_colour, shape_path, Coord, Visible};
use crate::views::graph_drawing::{
    crosses, segment, Align, Drawing, EDGE_FONT_PX, LINE_PX, NODE_FONT_PX,
};
use story_core::escape::escape_html as esc;
use story_core::story::Story;

/// Between the lines of a two-line edge label, as the screen draws them.
const EDGE_LINE_PX: f64 = 14.0;
/// How far a node's shape reaches from its centre (see `shape_path`): a node further off the
/// canvas than this is not in the picture.
const SHAPE_REACH: f64 = 10.0;
const EDGE_COLOUR: &str = "#555";
const LIT_COLOUR: &str = "#1d4f91";

/// What the reader has picked out, as the screen shows it.
struct Picked<'a> {
    lit: Option<usize>,
    /// The lit node and its neighbours: not faded.
    near: Vec<usize>,
    selected: Option<&'a str>,
}

/// The drawing `d` of the visible graph `v` as an SVG document, with the node `lit` (hovered,
/// active or selected) and the `selected` item (an entity's or relationship's id) picked out
/// as the screen shows them: what is not lit nor next to it faded.
pub fn export_svg(
    story: &Story,
    v: &Visible,
    d: &Drawing,
    lit: Option<usize>,
    selected: Option<&str>,
) -> String {
    let near = match lit {
        Some(n) => v
            .edges
            .iter()
            .map(|&e| &v.layout.edges[e])
            .filter(|e| e.from == n || e.to == n)
            .flat_map(|e| [e.from, e.to])
            .chain([n])
            .collect(),
        None => Vec::new(),
    };
    let picked = Picked {
        lit,
        near,
        selected,
    };
    let mut svg = header(story, d);
    for &e in &v.edges {
        edge(&mut svg, story, v, d, e, &picked);
    }
    for &n in &v.nodes {
        let (x, y) = d.at[n];
        let reach = |at: f64, size: f64| (-SHAPE_REACH..=size + SHAPE_REACH).contains(&at);
        if reach(x, d.width) && reach(y, d.height) {
            node(&mut svg, story, v, d, n, &picked);
        }
    }
    svg.push_str("</svg>");
    svg
}

/// An edge that crosses the canvas: its line as drawn, and its label where the drawing placed
/// one.
fn edge(svg: &mut String, story: &Story, v: &Visible, d: &Drawing, e: usize, picked: &Picked) {
    let edge = &v.layout.edges[e];
    let canvas = d.canvas();
    let s = segment(d, edge.from, edge.to);
    if !crosses(&canvas, s) {
        return;
    }
    let r = &story.relationships()[edge.relationship];
    let on = picked.lit.is_some_and(|n| edge.from == n || edge.to == n)
        || picked.selected == Some(r.id.as_str());
    let (colour, width) = if on {
        (LIT_COLOUR, "2.5")
    } else {
        (EDGE_COLOUR, "1.5")
    };
    let (x1, y1, x2, y2) = s;
    svg.push_str(&format!(
        r#"<g data-id="{}"{}><title>{}</title><line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{colour}" stroke-width="{width}" marker-end="url(#arrow)"/>"#,
        esc(&r.id),
        faded(picked.lit.is_some() && !on, "0.2"),
        esc(&edge_title(story, r)),
        Coord(x1),
        Coord(y1),
        Coord(x2),
        Coord(y2),
    ));
    if let Some(label) = &d.edge_labels[e] {
        let r = label.rect;
        svg.push_str(&format!(
            r##"<text font-size="{}" text-anchor="middle" fill="#333" paint-order="stroke" stroke="#fff" stroke-width="4">"##,
            EDGE_FONT_PX as u32
        ));
        let x = (r.left + r.right) / 2.0;
        lines(svg, &label.lines, x, r.top + EDGE_FONT_PX, EDGE_LINE_PX);
        svg.push_str("</text>");
    }
    svg.push_str("</g>");
}

/// The document's opening: its size, title, arrowhead and white background.
fn header(story: &Story, d: &Drawing) -> String {
    let title = esc(&format!(
        "{}: relationships",
        story.words(&story.meta().headline_at.span)
    ));
    let (w, h) = (Coord(d.width), Coord(d.height));
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" font-family="system-ui, sans-serif"><title>{title}</title><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="{EDGE_COLOUR}"/></marker></defs><rect width="{w}" height="{h}" fill="#fff"/>"##
    )
}

/// A node: its shape where the drawing put it, and its name where the drawing placed one, at
/// the positions the screen uses; else its name as the shape's tooltip, as on screen.
fn node(svg: &mut String, story: &Story, v: &Visible, d: &Drawing, n: usize, picked: &Picked) {
    let node = &v.layout.nodes[n];
    let e = &story.entities()[node.entity];
    let (x, y) = d.at[n];
    svg.push_str(&format!(
        r#"<g data-id="{}"{}>"#,
        esc(&e.id),
        faded(picked.lit.is_some() && !picked.near.contains(&n), "0.25")
    ));
    match &e.inferred {
        Some(why) => svg.push_str(&format!(
            "<title>{}</title>",
            esc(&format!("{}. Inferred: {why}", e.name))
        )),
        None if d.labels[n].is_none() => svg.push_str(&format!("<title>{}</title>", esc(&e.name))),
        None => {}
    }
    if picked.selected == Some(e.id.as_str()) {
        svg.push_str(&format!(
            r#"<circle cx="{}" cy="{}" r="15" fill="none" stroke="{LIT_COLOUR}" stroke-width="3"/>"#,
            Coord(x),
            Coord(y)
        ));
    }
    // A neighbour of what the search matched: its shape faded, its name in full contrast.
    let context = v.context.binary_search(&n).is_ok();
    svg.push_str(&format!(
        r##"<path transform="translate({} {})" d="{}" fill="{}" stroke="#fff" stroke-width="1.5"{}/>"##,
        Coord(x),
        Coord(y),
        shape_path(node.kind),
        kind_colour(node.kind),
        faded(context, "0.4")
    ));
    if let Some(label) = d.labels[n] {
        let r = label.rect;
        let (x, anchor) = match label.align {
            Align::Start => (r.left + 4.0, "start"),
            Align::Middle => ((r.left + r.right) / 2.0, "middle"),
            Align::End => (r.right - 4.0, "end"),
        };
        let bold = if picked.lit == Some(n) {
            r#" font-weight="700""#
        } else {
            ""
        };
        svg.push_str(&format!(
            r##"<text font-size="{}" text-anchor="{anchor}"{bold} fill="#111" paint-order="stroke" stroke="#fff" stroke-width="3">"##,
            NODE_FONT_PX as u32
        ));
        lines(svg, &node.lines, x, r.top + NODE_FONT_PX, LINE_PX);
        svg.push_str("</text>");
    }
    svg.push_str("</g>");
}

/// A label's lines at `x`, the first with its baseline at `y`, each `step` below the last. Each
/// line but the last ends in the space it was wrapped at, so copied text reads as the name does.
fn lines(svg: &mut String, lines: &[String], x: f64, y: f64, step: f64) {
    for (i, line) in lines.iter().enumerate() {
        let space = if i + 1 < lines.len() { " " } else { "" };
        svg.push_str(&format!(
            r#"<tspan x="{}" y="{}">{}{space}</tspan>"#,
            Coord(x),
            Coord(y + step * i as f64),
            esc(line)
        ));
    }
}

fn faded(dim: bool, opacity: &str) -> String {
    if dim {
        format!(r#" opacity="{opacity}""#)
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;
    use crate::fixtures::hostile;
    use crate::views::graph::visible;
    use crate::views::graph_drawing::{
        draw, edge_label_size, node_label_size, overlaps, Emphasis, Screen,
    };
    use crate::views::layout::layout;
    use crate::views::layout::Rect;
    use crate::views::view_state::GraphView;
    use std::rc::Rc;

    fn graph(story: &Story) -> Visible {
        let all = (0..story.entities().len()).collect();
        visible(&Rc::new(layout(story)), &all, None)
    }

    const PHONE: Screen = Screen {
        width: 390.0,
        height: 500.0,
    };
    const DESKTOP: Screen = Screen {
        width: 1000.0,
        height: 600.0,
    };
    /// Unzoomed, and zoomed in with a pan that puts some nodes off the canvas.
    const VIEWS: [GraphView; 2] = [
        GraphView {
            zoom: 100,
            x: 0,
            y: 0,
        },
        GraphView {
            zoom: 250,
            x: 40,
            y: -30,
        },
    ];

    /// One `<text>` as the file has it: its group's id, font size, anchor, and lines (x,
    /// baseline y, text), read back by plain string scanning.
    #[derive(Debug)]
    struct Written {
        group: String,
        font: String,
        anchor: String,
        lines: Vec<(f64, f64, String)>,
    }

    fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        tag[start..].split('"').next()
    }

    fn unescape(text: &str) -> String {
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    fn number(text: Option<&str>) -> f64 {
        text.unwrap().parse().unwrap()
    }

    /// Every group (`<g data-id=…>…</g>`) in the file, by id: whether it holds a line (an edge)
    /// and its text.
    fn groups(svg: &str) -> Vec<(String, &str)> {
        svg.split("<g ")
            .skip(1)
            .map(|g| {
                let body = g.split("</g>").next().unwrap();
                (
                    unescape(attr(&format!(" {body}"), "data-id").unwrap()),
                    body,
                )
            })
            .collect()
    }

    fn written(svg: &str) -> Vec<Written> {
        let mut out = Vec::new();
        for (group, body) in groups(svg) {
            for text in body.split("<text ").skip(1) {
                let text = text.split("</text>").next().unwrap();
                let tag = format!(" {}", text.split('>').next().unwrap());
                let lines = text
                    .split("<tspan ")
                    .skip(1)
                    .map(|t| {
                        let (tag, rest) = t.split_once('>').unwrap();
                        let tag = format!(" {tag}");
                        let content = rest.split("</tspan>").next().unwrap();
                        (
                            number(attr(&tag, "x")),
                            number(attr(&tag, "y")),
                            unescape(content),
                        )
                    })
                    .collect();
                out.push(Written {
                    group: group.clone(),
                    font: attr(&tag, "font-size").unwrap().to_owned(),
                    anchor: attr(&tag, "text-anchor").unwrap().to_owned(),
                    lines,
                });
            }
        }
        out
    }

    /// The box a written label occupies, worked out from its text alone with the drawing's
    /// estimates of glyph widths, and the lines as the label has them (without the spaces
    /// they were wrapped at).
    fn box_of(w: &Written) -> (Rect, Vec<String>) {
        let last = w.lines.len() - 1;
        let lines: Vec<String> = w
            .lines
            .iter()
            .enumerate()
            .map(|(i, (_, _, t))| {
                if i < last {
                    let kept = t.strip_suffix(' ');
                    kept.expect("a wrapped line keeps its space").into()
                } else {
                    t.clone()
                }
            })
            .collect();
        let (x, y) = (w.lines[0].0, w.lines[0].1);
        let node = w.font == "12";
        let ((width, height), baseline, step) = if node {
            (node_label_size(&lines), NODE_FONT_PX, LINE_PX)
        } else {
            assert_eq!(w.font, "11");
            (edge_label_size(&lines), EDGE_FONT_PX, EDGE_LINE_PX)
        };
        for (i, line) in w.lines.iter().enumerate() {
            assert!((line.0 - x).abs() < 1e-9, "{w:?}");
            assert!((line.1 - y - step * i as f64).abs() < 0.11, "{w:?}");
        }
        let left = match w.anchor.as_str() {
            "start" => x - 4.0,
            "middle" => x - width / 2.0,
            "end" => x + 4.0 - width,
            other => panic!("anchor {other}"),
        };
        let top = y - baseline;
        let rect = Rect {
            left,
            top,
            right: left + width,
            bottom: top + height,
        };
        (rect, lines)
    }

    fn near(a: &Rect, b: &Rect) -> bool {
        [
            a.left - b.left,
            a.top - b.top,
            a.right - b.right,
            a.bottom - b.bottom,
        ]
        .iter()
        .all(|d| d.abs() <= 0.11)
    }

    fn within(a: &Rect, b: &Rect) -> bool {
        a.left >= b.left - 0.11
            && a.top >= b.top - 0.11
            && a.right <= b.right + 0.11
            && a.bottom <= b.bottom + 0.11
    }

    /// Checks the export of `d` against `d` itself, and returns (labels placed, labels written).
    fn check(story: &Story, v: &Visible, d: &Drawing, lit: Option<usize>) -> (usize, usize) {
        let svg = export_svg(story, v, d, lit, None);
        let size = format!(
            r#"viewBox="0 0 {w} {h}" width="{w}" height="{h}""#,
            w = Coord(d.width),
            h = Coord(d.height)
        );
        assert!(svg.contains(&size));
        let written = written(&svg);
        let boxes: Vec<(Rect, Vec<String>)> = written.iter().map(box_of).collect();
        // Written labels overlap no other (each shrunk by the rounding of its coordinates).
        let shrunk = |r: &Rect| Rect {
            left: r.left + 0.11,
            top: r.top + 0.11,
            right: r.right - 0.11,
            bottom: r.bottom - 0.11,
        };
        for (i, (a, _)) in boxes.iter().enumerate() {
            assert!(a.left > -0.11 && a.top > -0.11, "{a:?}");
            assert!(
                a.right < d.width + 0.11 && a.bottom < d.height + 0.11,
                "{a:?}"
            );
            for (b, _) in &boxes[i + 1..] {
                assert!(!shrunk(a).overlaps(&shrunk(b)), "{a:?} × {b:?}");
            }
        }
        assert_eq!(overlaps(v, d).labels, 0);
        // Each written label is the drawing's, in its place with its words; no other is written.
        let mut placed = 0;
        for (w, (rect, lines)) in written.iter().zip(&boxes) {
            let node = v
                .nodes
                .iter()
                .find(|&&n| story.entities()[v.layout.nodes[n].entity].id == w.group);
            let (want, want_lines) = match node {
                Some(&n) => (d.labels[n].map(|l| l.rect), &v.layout.nodes[n].lines),
                None => {
                    let e = v
                        .edges
                        .iter()
                        .copied()
                        .find(|&e| {
                            story.relationships()[v.layout.edges[e].relationship].id == w.group
                        })
                        .unwrap();
                    let label = d.edge_labels[e].as_ref().expect("labelled on screen");
                    (Some(label.rect), &label.lines)
                }
            };
            let want = want.expect("labelled on screen");
            // XML forbids some control characters, which `esc` drops: a label that had them is
            // written narrower than the drawing's box, inside it, from the same anchor.
            let kept: Vec<String> = want_lines.iter().map(|l| unescape(&esc(l))).collect();
            assert_eq!(lines, &kept);
            if kept == *want_lines {
                assert!(near(rect, &want), "{rect:?} is not {want:?}");
            } else {
                assert!(within(rect, &want), "{rect:?} is not in {want:?}");
            }
        }
        for &n in &v.nodes {
            placed += usize::from(d.labels[n].is_some());
        }
        for &e in &v.edges {
            placed += usize::from(d.edge_labels[e].is_some());
        }
        let names = written.iter().filter(|w| w.font == "12").count();
        assert_eq!(names, d.labels.iter().flatten().count());
        assert_eq!(
            written.len() - names,
            d.edge_labels.iter().flatten().count()
        );
        // Every edge the screen shows is a line, and every group holds at most one label.
        assert_eq!(
            groups(&svg)
                .iter()
                .filter(|(_, body)| body.contains("<line"))
                .count(),
            v.edges
                .iter()
                .filter(|&&e| {
                    let edge = &v.layout.edges[e];
                    crosses(&d.canvas(), segment(d, edge.from, edge.to))
                })
                .count()
        );
        assert!(groups(&svg)
            .iter()
            .all(|(_, body)| body.matches("<text").count() <= 1));
        (placed, written.len())
    }

    fn hub(v: &Visible) -> usize {
        v.nodes
            .iter()
            .copied()
            .max_by_key(|&n| v.layout.nodes[n].degree)
            .unwrap()
    }

    #[test]
    fn the_export_writes_exactly_the_labels_the_screen_placed_where_it_placed_them() {
        let story = bundled::load().unwrap();
        let v = graph(&story);
        let hub = hub(&v);
        for screen in [PHONE, DESKTOP] {
            for view in VIEWS {
                for lit in [None, Some(hub)] {
                    let emphasis = Emphasis {
                        lit,
                        selected: lit,
                        all_edges: view.zoom >= 175,
                    };
                    let d = draw(&story, &v, view, screen, emphasis);
                    let (placed, written) = check(&story, &v, &d, lit);
                    assert_eq!(placed, written);
                    println!(
                        "{} × {} at {} % pan {},{}, {}: {placed} labels placed ({} names of {} nodes), {written} written",
                        screen.width,
                        screen.height,
                        view.zoom,
                        view.x,
                        view.y,
                        if lit.is_some() { "the hub selected" } else { "nothing selected" },
                        d.labels.iter().flatten().count(),
                        v.nodes.len(),
                    );
                }
            }
        }
    }

    #[test]
    fn the_export_draws_nodes_where_the_screen_does_and_fades_what_it_fades() {
        let story = bundled::load().unwrap();
        let v = graph(&story);
        let hub = hub(&v);
        let view = VIEWS[1];
        let emphasis = Emphasis {
            lit: Some(hub),
            selected: Some(hub),
            all_edges: true,
        };
        let d = draw(&story, &v, view, DESKTOP, emphasis);
        let hub_id = &story.entities()[v.layout.nodes[hub].entity].id;
        let svg = export_svg(&story, &v, &d, Some(hub), Some(hub_id));
        let groups = groups(&svg);
        let mut off_canvas = 0;
        for &n in &v.nodes {
            let id = &story.entities()[v.layout.nodes[n].entity].id;
            let Some((_, body)) = groups.iter().find(|(g, _)| g == id) else {
                let (x, y) = d.at[n];
                assert!(x < 0.0 || y < 0.0 || x > d.width || y > d.height, "{id}");
                off_canvas += 1;
                continue;
            };
            let at = format!(
                "<path transform=\"translate({} {})\"",
                Coord(d.at[n].0),
                Coord(d.at[n].1)
            );
            assert!(body.contains(&at), "{id}");
            let next_to_hub = n == hub
                || v.edges.iter().any(|&e| {
                    let edge = &v.layout.edges[e];
                    (edge.from, edge.to) == (n, hub) || (edge.from, edge.to) == (hub, n)
                });
            let tag = format!(" {}", body.split('>').next().unwrap());
            assert_eq!(attr(&tag, "opacity").is_some(), !next_to_hub, "{id}");
        }
        assert!(off_canvas > 0, "the pan puts some nodes off the canvas");
        assert_eq!(
            svg.matches("<circle").count(),
            1,
            "the selected node's ring"
        );
        assert!(svg.contains(r#"font-weight="700""#), "the lit name in bold");
    }

    /// A small checker of XML's shape: tags nest and close, attribute values are quoted and
    /// hold no markup, and every `&` starts one of the entities `esc` writes.
    fn well_formed(svg: &str) {
        let mut open: Vec<&str> = Vec::new();
        let mut rest = svg;
        let mut roots = 0;
        while let Some(lt) = rest.find('<') {
            let text = &rest[..lt];
            for (i, _) in text.match_indices('&') {
                let entity = &text[i..];
                assert!(
                    ["&lt;", "&gt;", "&amp;", "&quot;", "&#39;"]
                        .iter()
                        .any(|e| entity.starts_with(e)),
                    "{entity}"
                );
            }
            let gt = rest[lt..].find('>').unwrap() + lt;
            let tag = &rest[lt + 1..gt];
            assert_eq!(tag.matches('"').count() % 2, 0, "{tag}");
            assert!(!tag.contains('<'), "{tag}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(open.pop(), Some(name));
            } else {
                if open.is_empty() {
                    roots += 1;
                }
                let name = tag.split([' ', '/']).next().unwrap();
                if !tag.ends_with('/') {
                    open.push(name);
                }
            }
            rest = &rest[gt + 1..];
        }
        assert!(open.is_empty() && rest.is_empty() && roots == 1);
    }

    #[test]
    fn the_export_is_a_standalone_well_formed_inert_svg_even_of_hostile_names() {
        let (file, article) = hostile::story();
        let story = story_core::story::validate(file, &article).unwrap();
        let v = graph(&story);
        for view in VIEWS {
            let d = draw(&story, &v, view, DESKTOP, Emphasis::default());
            let svg = export_svg(&story, &v, &d, None, None);
            assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
            assert!(svg.ends_with("</svg>"));
            assert!(!svg.contains("<script") && !svg.contains("<img") && !svg.contains("<h1"));
            assert!(svg.contains("&lt;script&gt;alert(&quot;Anna&quot;)&lt;/script&gt;"));
            well_formed(&svg);
            check(&story, &v, &d, None);
        }
        let story = bundled::load().unwrap();
        let v = graph(&story);
        let d = draw(
            &story,
            &v,
            GraphView::default(),
            DESKTOP,
            Emphasis::default(),
        );
        let svg = export_svg(&story, &v, &d, None, None);
        well_formed(&svg);
        assert!(written(&svg)
            .iter()
            .any(|w| w.lines.iter().any(|l| l.2 == "Jeff Sessions")));
        assert!(!svg.contains("href=\"http"));
    }
}
