//! The relationship graph as drawn on a screen of a given size, every position in CSS pixels.
//!
//! Drawing in screen pixels rather than scaling a view box keeps labels one size at every zoom
//! (sigma.js does the same): a phone shows the same 12 px names as a desktop, and where they
//! would collide, fewer of them — the most connected first, the focused node and its neighbours
//! always (Cytoscape hides a label rather than shrink it). A landscape drawing is turned a
//! quarter on a narrow screen, so a phone gets a graph taller than wide. Pure and
//! deterministic: the same story, view and screen always give the same picture.

use crate::views::graph::{edge_label, Visible};
use crate::views::layout::Rect;
use crate::views::view_state::GraphView;
use story_core::story::Story;

/// Label sizes on screen, in CSS pixels, and generous estimates of their glyphs' widths, so a
/// label that fits here fits in the browser.
pub const NODE_FONT_PX: f64 = 12.0;
pub const EDGE_FONT_PX: f64 = 11.0;
const NODE_CHAR_PX: f64 = 7.4;
const EDGE_CHAR_PX: f64 = 6.8;
pub const LINE_PX: f64 = 15.0;
const EDGE_LABEL_HEIGHT: f64 = 14.0;
/// Half the side of the box a node's shape occupies; no label covers a node.
const GLYPH: f64 = 11.0;
/// Between a node's shape and its label.
const GAP: f64 = 2.0;
/// How far an edge stops short of its nodes, so arrowheads stay visible.
const EDGE_GAP: f64 = 13.0;
/// Canvases narrower than this draw a landscape graph turned a quarter.
pub const TURN_BELOW: f64 = 600.0;
const PAD_X: f64 = 24.0;
const PAD_TOP: f64 = 20.0;
/// Room below the lowest node for a two-line label.
const PAD_BOTTOM: f64 = 20.0 + 2.0 * LINE_PX;
/// Nodes are never spread further apart than this many pixels per layout unit when fitted.
const MAX_FIT: f64 = 1.5;

/// The canvas's size in CSS pixels (the stylesheet sets it; the drawing fills it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Screen {
    pub width: f64,
    pub height: f64,
}

impl Default for Screen {
    /// Before the canvas is measured (and when the page is rendered at build time): a desktop.
    fn default() -> Self {
        Self {
            width: 960.0,
            height: 600.0,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawing {
    pub width: f64,
    pub height: f64,
    /// Pixels per layout unit across and down, zoom included: pointer movement divided by them
    /// is pan.
    pub scale: f64,
    pub scale_y: f64,
    /// Whether the layout was turned a quarter to suit a narrow screen.
    pub turned: bool,
    /// Where each layout node is drawn (meaningful for visible nodes only).
    pub at: Vec<(f64, f64)>,
    /// Each layout node's label, if drawn.
    pub labels: Vec<Option<NodeLabel>>,
    /// Each layout edge's label, if drawn.
    pub edge_labels: Vec<Option<EdgeLabel>>,
}

impl Drawing {
    /// The canvas itself, as a box.
    pub fn canvas(&self) -> Rect {
        Rect {
            left: 0.0,
            top: 0.0,
            right: self.width,
            bottom: self.height,
        }
    }
}

/// A node's label as drawn: its box, and which side of the box its lines are aligned to (the
/// side towards the node, since the box is wider than most text).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NodeLabel {
    pub rect: Rect,
    pub align: Align,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Start,
    Middle,
    End,
}

/// An edge's label as drawn: its box, and its text in one line or two.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeLabel {
    pub rect: Rect,
    pub lines: Vec<String>,
}

/// Edge labels longer than this may also be drawn in two lines, to fit between close nodes.
const EDGE_LINE_CHARS: usize = 14;

/// An edge label's text as one line, and (if long) as two, split at the space nearest its
/// middle.
pub fn edge_label_forms(text: &str) -> Vec<Vec<String>> {
    let mut forms = vec![vec![text.to_owned()]];
    if text.chars().count() > EDGE_LINE_CHARS {
        let middle = text.len() / 2;
        let split = text
            .match_indices(' ')
            .map(|(i, _)| i)
            .min_by_key(|&i| i.abs_diff(middle));
        if let Some(i) = split {
            forms.push(vec![text[..i].to_owned(), text[i + 1..].to_owned()]);
        }
    }
    forms
}

/// What the reader has picked out in the graph (layout nodes).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Emphasis {
    /// Hovered, active or selected: it and its neighbours are always labelled, with their edges.
    pub lit: Option<usize>,
    /// Selected: the drawing is magnified around it, to give its neighbourhood room.
    pub selected: Option<usize>,
    /// Label every edge that finds room (when zoomed in).
    pub all_edges: bool,
}

/// How strongly a selected node's surroundings are magnified (Sarkar and Brown's graphical
/// fisheye, per axis): the area next to it grows this much + 1 times, the edges of the canvas
/// stay where they are. Tried in order until its neighbourhood's labels all fit.
const LENSES: [f64; 4] = [1.5, 2.5, 4.0, 6.0];

/// A canvas shorter than this (a phone turned sideways) is crowded down, as a narrow one is across.
const SHORT_BELOW: f64 = 450.0;

/// How many of the most connected nodes are always named while nothing is lit.
const HUBS: usize = 4;

/// The gentler lens on the most connected node of a phone's unselected graph.
const HUB_LENS: f64 = 0.6;

/// What to draw for the visible graph `v` at `view`'s zoom and pan on `screen`.
pub fn draw(
    story: &Story,
    v: &Visible,
    view: GraphView,
    screen: Screen,
    emphasis: Emphasis,
) -> Drawing {
    let mut d = project(v, view, screen);
    if v.nodes.is_empty() {
        return d;
    }
    let base = d.at.clone();
    // On a narrow or short screen with nothing selected, the lens sits on the most connected node,
    // where the drawing is most crowded.
    let hub = v
        .nodes
        .iter()
        .copied()
        .max_by_key(|&n| (v.layout.nodes[n].degree, std::cmp::Reverse(n)));
    let centre = emphasis
        .selected
        .or(hub.filter(|_| d.width < TURN_BELOW || d.height < SHORT_BELOW));
    let lens_at = centre
        .and_then(|f| base.get(f).copied())
        .filter(|&(x, y)| (0.0..=d.width).contains(&x) && (0.0..=d.height).contains(&y));
    let magnified = |d: &mut Drawing, strength: f64| {
        if let Some((fx, fy)) = lens_at {
            for &n in &v.nodes {
                let (x, y) = base[n];
                d.at[n] = (
                    fisheye(x, fx, d.width, strength),
                    fisheye(y, fy, d.height, strength),
                );
            }
        }
    };
    let strengths: &[f64] = match (lens_at, emphasis.selected) {
        (None, _) => &[0.0],
        (Some(_), Some(_)) => &LENSES,
        (Some(_), None) => &[HUB_LENS],
    };
    for &strength in strengths {
        magnified(&mut d, strength);
        for edges_first in [true, false] {
            let mut attempt = d.clone();
            if place_labels(story, v, &mut attempt, emphasis, edges_first, true) {
                return attempt;
            }
        }
    }
    // Too crowded even so (zoomed far out): the focus keeps its label, the rest of its
    // neighbourhood is labelled where there is room.
    magnified(&mut d, strengths[0]);
    place_labels(story, v, &mut d, emphasis, true, false);
    d
}

/// The visible nodes' places on `screen`, at `view`'s zoom and pan, and the canvas's size.
fn project(v: &Visible, view: GraphView, screen: Screen) -> Drawing {
    let nodes = &v.layout.nodes;
    let width = screen.width.max(200.0);
    let mut d = Drawing {
        width,
        height: 200.0,
        scale: 1.0,
        scale_y: 1.0,
        labels: vec![None; nodes.len()],
        edge_labels: vec![None; v.layout.edges.len()],
        at: vec![(0.0, 0.0); nodes.len()],
        ..Drawing::default()
    };
    if v.nodes.is_empty() {
        return d;
    }
    let (mut left, mut top, mut right, mut bottom) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &n in &v.nodes {
        left = left.min(nodes[n].x);
        right = right.max(nodes[n].x);
        top = top.min(nodes[n].y);
        bottom = bottom.max(nodes[n].y);
    }
    d.turned = width < TURN_BELOW && right - left > bottom - top;
    // Turned clockwise: what was to the right is now below.
    let turn = |x: f64, y: f64| if d.turned { (-y, x) } else { (x, y) };
    let (left, top, right, bottom) = if d.turned {
        (-bottom, left, -top, right)
    } else {
        (left, top, right, bottom)
    };
    let (bw, bh) = ((right - left).max(1.0), (bottom - top).max(1.0));
    let narrow = width < TURN_BELOW;
    d.height = screen.height.max(160.0);
    let fit_x = (width - 2.0 * PAD_X) / bw;
    let fit_y = (d.height - PAD_TOP - PAD_BOTTOM) / bh;
    let fit = fit_x.min(fit_y).min(MAX_FIT);
    // A phone's canvas is taller than wide, and labels (wide and short) need room across more
    // than down: there the drawing is stretched down to fill it, up to twice.
    // A short one (a phone turned sideways) is wider than tall: stretched across instead.
    let (fit_x, fit_y) = if narrow {
        (fit, fit_y.min(2.0 * fit).max(fit))
    } else if d.height < SHORT_BELOW {
        (fit_x.min(2.0 * fit).max(fit), fit)
    } else {
        (fit, fit)
    };
    let zoom = f64::from(view.zoom.max(1)) / 100.0;
    d.scale = fit_x * zoom;
    d.scale_y = fit_y * zoom;
    let (cx, cy) = (
        (left + right) / 2.0 + f64::from(view.x),
        (top + bottom) / 2.0 + f64::from(view.y),
    );
    let middle_y = PAD_TOP + (d.height - PAD_TOP - PAD_BOTTOM) / 2.0;
    for &n in &v.nodes {
        let (x, y) = turn(nodes[n].x, nodes[n].y);
        d.at[n] = (
            width / 2.0 + (x - cx) * d.scale,
            middle_y + (y - cy) * d.scale_y,
        );
    }
    d
}

/// `x` moved away from the focus `f` as a fisheye lens of `strength` centred there would show
/// it: points near `f` spread apart, points at 0 and `size` stay put, and order is kept. Outside
/// the canvas, unchanged.
pub fn fisheye(x: f64, f: f64, size: f64, strength: f64) -> f64 {
    let edge = if x >= f { size } else { 0.0 };
    let span = edge - f;
    if span.abs() < 1e-9 || !(0.0..=size).contains(&x) {
        return x;
    }
    let t = (x - f) / span;
    f + span * (strength + 1.0) * t / (strength * t + 1.0)
}

/// An edge as drawn: from just outside one node to just outside the other.
pub fn segment(d: &Drawing, from: usize, to: usize) -> (f64, f64, f64, f64) {
    trim(d.at[from], d.at[to])
}

/// The line from `a` to `b`, stopping [`EDGE_GAP`] (or a third of its length) short of each end.
pub fn trim(a: (f64, f64), b: (f64, f64)) -> (f64, f64, f64, f64) {
    let ((x1, y1), (x2, y2)) = (a, b);
    let (dx, dy) = (x2 - x1, y2 - y1);
    let l = (dx * dx + dy * dy).sqrt().max(1e-6);
    let gap = EDGE_GAP.min(l / 3.0);
    (
        x1 + dx / l * gap,
        y1 + dy / l * gap,
        x2 - dx / l * gap,
        y2 - dy / l * gap,
    )
}

/// Whether the segment crosses the box (Liang–Barsky clipping).
pub fn crosses(r: &Rect, (x1, y1, x2, y2): (f64, f64, f64, f64)) -> bool {
    let (dx, dy) = (x2 - x1, y2 - y1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, x1 - r.left),
        (dx, r.right - x1),
        (-dy, y1 - r.top),
        (dy, r.bottom - y1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                if t > t1 {
                    return false;
                }
                t0 = t0.max(t);
            } else {
                if t < t0 {
                    return false;
                }
                t1 = t1.min(t);
            }
        }
    }
    true
}

fn glyph(at: (f64, f64)) -> Rect {
    Rect {
        left: at.0 - GLYPH,
        right: at.0 + GLYPH,
        top: at.1 - GLYPH,
        bottom: at.1 + GLYPH,
    }
}

/// A box of `w` × `h` with its top-left corner at `x`, `y`, moved inside the canvas.
fn boxed(d: &Drawing, x: f64, y: f64, w: f64, h: f64) -> Rect {
    // Not f64::clamp: its panic message formats floats, which would bring 15 KB of std's float
    // formatting into the wasm.
    let x = x.min(d.width - w).max(0.0);
    let y = y.min(d.height - h).max(0.0);
    Rect {
        left: x,
        top: y,
        right: x + w,
        bottom: y + h,
    }
}

/// Where a node's label may go, in groups of four in order of preference: below and above,
/// centred, and beside; below and above, reaching out to one side; the same, reaching out a
/// quarter; then all of it further out.
fn node_spots(d: &Drawing, at: (f64, f64), w: f64, h: f64) -> Vec<(Rect, Align)> {
    let (x, y) = at;
    let mut spots = Vec::with_capacity(36);
    for near in [GLYPH + GAP, GLYPH + GAP + 10.0, GLYPH + GAP + 26.0] {
        let (below, above) = (y + near, y - near - h);
        // Reaching out to one side from under or over the node: past its centre by a little.
        let (right, left) = (x - GLYPH, x + GLYPH - w);
        spots.extend([
            (boxed(d, x - w / 2.0, below, w, h), Align::Middle),
            (boxed(d, x - w / 2.0, above, w, h), Align::Middle),
            (boxed(d, x + near, y - h / 2.0, w, h), Align::Start),
            (boxed(d, x - near - w, y - h / 2.0, w, h), Align::End),
            (boxed(d, right, below, w, h), Align::Start),
            (boxed(d, left, below, w, h), Align::End),
            (boxed(d, right, above, w, h), Align::Start),
            (boxed(d, left, above, w, h), Align::End),
            (boxed(d, x - w * 0.25, below, w, h), Align::Start),
            (boxed(d, x - w * 0.75, below, w, h), Align::End),
            (boxed(d, x - w * 0.25, above, w, h), Align::Start),
            (boxed(d, x - w * 0.75, above, w, h), Align::End),
        ]);
    }
    spots
}

/// Where an edge's label of `w` × `h` may go: centred on points along it, the middle first,
/// then a little above or below the line.
fn edge_spots(d: &Drawing, s: (f64, f64, f64, f64), w: f64, h: f64) -> Vec<Rect> {
    let (x1, y1, x2, y2) = s;
    let mut spots = Vec::with_capacity(21);
    if w > d.width {
        return spots;
    }
    for shift in [0.0, -EDGE_LABEL_HEIGHT * 0.6, EDGE_LABEL_HEIGHT * 0.6] {
        for t in [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8] {
            let (x, y) = (x1 + (x2 - x1) * t, y1 + (y2 - y1) * t + shift);
            if !(0.0..=d.width).contains(&x) || !(0.0..=d.height).contains(&y) {
                continue;
            }
            spots.push(boxed(d, x - w / 2.0, y - h / 2.0, w, h));
        }
    }
    spots
}

/// The size of a node's label on screen.
pub fn node_label_size(lines: &[String]) -> (f64, f64) {
    let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64;
    (widest * NODE_CHAR_PX + 8.0, lines.len() as f64 * LINE_PX)
}

/// The size of an edge's label on screen.
pub fn edge_label_size(lines: &[String]) -> (f64, f64) {
    let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64;
    (
        widest * EDGE_CHAR_PX + 6.0,
        lines.len() as f64 * EDGE_LABEL_HEIGHT,
    )
}

/// Labels in priority order, each at its free spot with the fewest edges across it: the lit
/// node's, its edges' and its neighbours' (or its neighbours' first), then the others by
/// degree, then (zoomed in) the other edges'. A label with no free spot is not drawn; if it is
/// one of the lit neighbourhood's and `strict`, the attempt fails (returns false).
fn place_labels(
    story: &Story,
    v: &Visible,
    d: &mut Drawing,
    emphasis: Emphasis,
    edges_first: bool,
    strict: bool,
) -> bool {
    let layout = &v.layout;
    let focus = emphasis.lit.filter(|&f| f < layout.nodes.len());
    let segments: Vec<(usize, (f64, f64, f64, f64))> = v
        .edges
        .iter()
        .map(|&e| (e, segment(d, layout.edges[e].from, layout.edges[e].to)))
        .collect();
    let near: Vec<usize> = match focus {
        Some(f) => {
            let mut near: Vec<usize> = v
                .edges
                .iter()
                .map(|&e| &layout.edges[e])
                .filter_map(|e| match (e.from == f, e.to == f) {
                    (true, _) => Some(e.to),
                    (_, true) => Some(e.from),
                    _ => None,
                })
                .filter(|&n| n != f)
                .collect();
            story_core::order::sort_by_key(&mut near, |&n| {
                (std::cmp::Reverse(layout.nodes[n].degree), n)
            });
            near.dedup();
            near
        }
        None => Vec::new(),
    };
    let mut others: Vec<usize> = v
        .nodes
        .iter()
        .copied()
        .filter(|&n| Some(n) != focus && !near.contains(&n))
        .collect();
    story_core::order::sort_by_key(&mut others, |&n| {
        (std::cmp::Reverse(layout.nodes[n].degree), n)
    });
    // No label covers a node, except that the lit neighbourhood's may cover the dimmed nodes
    // around it where there is no other room (drawn with a halo, they stay readable).
    let in_focus = |n: &usize| focus.is_none() || Some(*n) == focus || near.contains(n);
    let mut taken: Vec<Rect> = v
        .nodes
        .iter()
        .filter(|n| in_focus(n))
        .map(|&n| glyph(d.at[n]))
        .collect();
    let dimmed: Vec<Rect> = v
        .nodes
        .iter()
        .filter(|n| !in_focus(n))
        .map(|&n| glyph(d.at[n]))
        .collect();
    let best = |spots: &[Rect], taken: &[Rect], except: Option<usize>, lit: bool, group: usize| {
        // Spots come in groups, nearest first: a node's label one group further from its node
        // must save two edges crossing it. Only the lit neighbourhood's labels take the
        // furthest ring, where a label could be taken for another node's.
        spots
            .iter()
            .enumerate()
            .filter(|(_, r)| !taken.iter().any(|t| t.overlaps(r)))
            .filter(|(_, r)| lit || !dimmed.iter().any(|t| t.overlaps(r)))
            .min_by_key(|&(i, r)| {
                let across = segments
                    .iter()
                    .filter(|(e, s)| Some(*e) != except && crosses(r, *s))
                    .count();
                across + 3 * dimmed.iter().filter(|t| t.overlaps(r)).count() + 2 * (i / group)
            })
            .map(|(i, _)| i)
    };
    // Each returns whether every label it was given that could be on the canvas was drawn.
    // With nothing lit, the most connected nodes (the story's hubs, in the crowded middle) may
    // also take the furthest ring.
    let hubs: Vec<usize> = if focus.is_none() {
        others.iter().copied().take(HUBS).collect()
    } else {
        Vec::new()
    };
    // The nodes' own boxes come first in `taken`; labels are pushed after them.
    let glyphs = taken.len();
    let label_node = |n: usize, taken: &mut Vec<Rect>, d: &mut Drawing| {
        let (x, y) = d.at[n];
        if x < 0.0 || y < 0.0 || x > d.width || y > d.height {
            return true;
        }
        let (w, h) = node_label_size(&layout.nodes[n].lines);
        let lit = Some(n) == focus || near.contains(&n);
        let hub = hubs.contains(&n);
        let spots = node_spots(d, d.at[n], w, h);
        let rects: Vec<Rect> = spots.iter().map(|(r, _)| *r).collect();
        let reach = if lit || hub { 36 } else { 24 };
        let found = best(&rects[..reach], taken, None, lit, 4).or_else(|| {
            // A hub is always named: where no spot is free, its label may lie over smaller
            // nodes (drawn with a halo, both stay readable), never over a label or a hub.
            hub.then(|| {
                let mut kept: Vec<Rect> = taken[glyphs.min(taken.len())..].to_vec();
                kept.extend(hubs.iter().map(|&h| glyph(d.at[h])));
                best(&rects[..reach], &kept, None, true, 4)
            })
            .flatten()
        });
        let Some(i) = found else {
            return false;
        };
        let (rect, align) = spots[i];
        taken.push(rect);
        d.labels[n] = Some(NodeLabel { rect, align });
        true
    };
    let label_edges = |d: &mut Drawing, taken: &mut Vec<Rect>, lit: bool| {
        let mut all = true;
        for &(e, s) in &segments {
            let edge = &layout.edges[e];
            if focus.is_some_and(|f| edge.from == f || edge.to == f) != lit {
                continue;
            }
            let text = edge_label(&story.relationships()[edge.relationship]);
            // One line anywhere along the edge before two lines anywhere.
            let forms = edge_label_forms(&text);
            let spots: Vec<(Rect, usize)> = forms
                .iter()
                .enumerate()
                .flat_map(|(i, lines)| {
                    let (w, h) = edge_label_size(lines);
                    edge_spots(d, s, w, h).into_iter().map(move |r| (r, i))
                })
                .collect();
            if spots.is_empty() {
                continue;
            }
            let rects: Vec<Rect> = spots.iter().map(|(r, _)| *r).collect();
            let Some(i) = best(&rects, taken, Some(e), lit, usize::MAX) else {
                all = false;
                if strict {
                    return false;
                }
                continue;
            };
            let (r, form) = spots[i];
            taken.push(r);
            d.edge_labels[e] = Some(EdgeLabel {
                rect: r,
                lines: forms[form].clone(),
            });
        }
        all
    };
    for &n in focus.iter() {
        label_node(n, &mut taken, d);
    }
    if edges_first && !label_edges(d, &mut taken, true) && strict {
        return false;
    }
    for &n in &near {
        if !label_node(n, &mut taken, d) && strict {
            return false;
        }
    }
    if !edges_first && !label_edges(d, &mut taken, true) && strict {
        return false;
    }
    for &n in &others {
        label_node(n, &mut taken, d);
    }
    if emphasis.all_edges {
        label_edges(d, &mut taken, false);
    }
    true
}

/// Overlaps in a drawing: label boxes that overlap another label, and (label, edge) pairs where
/// an edge crosses a label. The first is kept at zero; the second where the layout allows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Overlaps {
    pub labels: usize,
    pub edges_across_labels: usize,
}

pub fn overlaps(v: &Visible, d: &Drawing) -> Overlaps {
    let boxes: Vec<(Option<usize>, Rect)> = d
        .labels
        .iter()
        .flatten()
        .map(|l| (None, l.rect))
        .chain(
            d.edge_labels
                .iter()
                .enumerate()
                .filter_map(|(e, l)| l.as_ref().map(|l| (Some(e), l.rect))),
        )
        .collect();
    let mut count = Overlaps::default();
    for (i, (_, a)) in boxes.iter().enumerate() {
        count.labels += boxes[i + 1..].iter().filter(|(_, b)| a.overlaps(b)).count();
    }
    for &e in &v.edges {
        let edge = &v.layout.edges[e];
        let s = segment(d, edge.from, edge.to);
        count.edges_across_labels += boxes
            .iter()
            .filter(|(own, r)| *own != Some(e) && crosses(r, s))
            .count();
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;
    use crate::views::graph::visible;
    use crate::views::layout::{layout, GraphNode, Layout};
    use std::rc::Rc;

    fn seed() -> (Story, Visible) {
        let story = bundled::load().unwrap();
        let all = (0..story.entities().len()).collect();
        let v = visible(&Rc::new(layout(&story)), &all, None);
        (story, v)
    }

    /// The canvas at 390 × 844 and at 1280 × 900 (see the stylesheet).
    const PHONE: Screen = Screen {
        width: 358.0,
        height: 624.0,
    };
    const DESKTOP: Screen = Screen {
        width: 1118.0,
        height: 672.0,
    };

    /// The canvas on a screen `width` wide and 844 px tall, as the stylesheet sizes it.
    fn canvas(width: f64) -> Screen {
        let height = if width <= 640.0 {
            (0.75 * 844.0_f64).min(1.6 * width)
        } else {
            672.0
        };
        Screen {
            width: width - 32.0,
            height,
        }
    }

    /// The drawing unzoomed, with nothing picked out.
    fn plain(story: &Story, v: &Visible, screen: Screen) -> Drawing {
        draw(story, v, GraphView::default(), screen, Emphasis::default())
    }

    fn selecting(n: usize) -> Emphasis {
        Emphasis {
            lit: Some(n),
            selected: Some(n),
            all_edges: false,
        }
    }

    fn inside(d: &Drawing, r: &Rect) -> bool {
        r.left >= 0.0 && r.top >= 0.0 && r.right <= d.width + 1e-9 && r.bottom <= d.height + 1e-9
    }

    #[test]
    fn no_label_overlaps_another_at_any_width_zoom_or_focus() {
        let (story, v) = seed();
        for width in [320.0, 390.0, 768.0, 1280.0] {
            for zoom in [25, 50, 100, 175, 400] {
                let view = GraphView { zoom, x: 0, y: 0 };
                let screen = canvas(width);
                let mut emphases = vec![Emphasis::default()];
                emphases.extend(v.nodes.iter().map(|&n| selecting(n)));
                for mut emphasis in emphases {
                    emphasis.all_edges = zoom >= 175;
                    let d = draw(&story, &v, view, screen, emphasis);
                    assert_eq!(
                        overlaps(&v, &d).labels,
                        0,
                        "{width} px, {zoom} %, {emphasis:?}"
                    );
                    let drawn = d.labels.iter().flatten().map(|l| &l.rect);
                    let edges = d.edge_labels.iter().flatten().map(|l| &l.rect);
                    for r in drawn.chain(edges) {
                        assert!(
                            inside(&d, r),
                            "{width} {zoom} {r:?} {} {}",
                            d.width,
                            d.height
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_selected_node_its_neighbours_and_its_edges_are_all_labelled() {
        let (story, v) = seed();
        // On a 320 px phone the hub's nine edges do not all find room: there the lit
        // neighbourhood is labelled where there is room (no overlap, tested above).
        for screen in [PHONE, canvas(768.0), DESKTOP] {
            for &f in &v.nodes {
                let d = draw(&story, &v, GraphView::default(), screen, selecting(f));
                assert!(d.labels[f].is_some());
                for &e in &v.edges {
                    let edge = &v.layout.edges[e];
                    if edge.from == f || edge.to == f {
                        let name = &v.layout.nodes[f].lines;
                        assert!(d.edge_labels[e].is_some(), "{name:?}: edge {e}");
                        assert!(
                            d.labels[edge.from].is_some() && d.labels[edge.to].is_some(),
                            "{} px, {name:?}",
                            screen.width
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn most_names_show_unzoomed_and_more_on_wider_screens() {
        let (story, v) = seed();
        let shown = |screen| {
            let d = plain(&story, &v, screen);
            d.labels.iter().flatten().count()
        };
        let (phone, desktop) = (shown(PHONE), shown(DESKTOP));
        assert!(
            phone * 4 >= v.nodes.len() * 3,
            "{phone} of {}",
            v.nodes.len()
        );
        assert!(
            desktop >= phone && desktop + 2 >= v.nodes.len(),
            "{desktop}"
        );
    }

    #[test]
    fn the_most_connected_node_is_always_named() {
        let (story, v) = seed();
        let hub = v
            .nodes
            .iter()
            .copied()
            .max_by_key(|&n| v.layout.nodes[n].degree)
            .unwrap();
        for width in [320.0, 390.0, 768.0, 1024.0, 1280.0] {
            let screen = canvas(width);
            let d = plain(&story, &v, screen);
            assert!(d.labels[hub].is_some(), "{width} px");
        }
    }

    #[test]
    fn a_phone_gets_a_drawing_taller_than_wide_and_a_landscape_one_turned() {
        let (story, v) = seed();
        let spread = |d: &Drawing, nodes: &[usize]| {
            let span = |pick: fn(&(f64, f64)) -> f64| {
                let values = nodes.iter().map(|&n| pick(&d.at[n]));
                let (lo, hi) =
                    values.fold((f64::MAX, f64::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
                hi - lo
            };
            (span(|p| p.0), span(|p| p.1))
        };
        let d = plain(&story, &v, PHONE);
        let (across, down) = spread(&d, &v.nodes);
        assert!(down > across * 1.3 && !d.turned, "{across} × {down}");
        let node = |x: f64, y: f64| GraphNode {
            entity: 0,
            kind: story_core::story::EntityKind::Person,
            x,
            y,
            lines: vec!["A".into()],
            degree: 0,
        };
        let wide = Visible {
            layout: Rc::new(Layout {
                nodes: vec![node(-300.0, 0.0), node(0.0, 20.0), node(300.0, 0.0)],
                edges: vec![],
            }),
            nodes: vec![0, 1, 2],
            edges: vec![],
            centre: None,
            context: Vec::new(),
        };
        let d = plain(&story, &wide, PHONE);
        let (across, down) = spread(&d, &wide.nodes);
        assert!(d.turned && down > across);
        // Turned clockwise: left to right becomes top to bottom, and the middle node, below
        // the others, is now to their left.
        assert!(d.at[0].1 < d.at[1].1 && d.at[1].1 < d.at[2].1 && d.at[1].0 < d.at[0].0);
        let d = plain(&story, &wide, DESKTOP);
        let (across, down) = spread(&d, &wide.nodes);
        assert!(!d.turned && across > down && d.at[0].0 < d.at[2].0);
    }

    #[test]
    fn the_lens_spreads_points_near_the_focus_and_keeps_the_edges_and_order() {
        for strength in LENSES {
            assert_eq!(fisheye(0.0, 40.0, 100.0, strength), 0.0);
            assert_eq!(fisheye(100.0, 40.0, 100.0, strength), 100.0);
            assert_eq!(fisheye(40.0, 40.0, 100.0, strength), 40.0);
            assert!(fisheye(45.0, 40.0, 100.0, strength) > 45.0);
            assert!(fisheye(35.0, 40.0, 100.0, strength) < 35.0);
            let mut last = f64::MIN;
            for i in 0..=100 {
                let x = fisheye(f64::from(i), 40.0, 100.0, strength);
                assert!(x >= last);
                last = x;
            }
            assert_eq!(fisheye(-5.0, 40.0, 100.0, strength), -5.0, "off the canvas");
        }
    }

    #[test]
    fn long_edge_labels_may_also_take_two_lines() {
        assert_eq!(edge_label_forms("met with"), [vec!["met with"]]);
        assert_eq!(
            edge_label_forms("advised on foreign policy"),
            [
                vec!["advised on foreign policy"],
                vec!["advised on", "foreign policy"]
            ]
        );
    }

    #[test]
    fn segments_cross_boxes_they_pass_through_only() {
        let r = Rect {
            left: 0.0,
            top: 0.0,
            right: 10.0,
            bottom: 10.0,
        };
        assert!(crosses(&r, (-5.0, 5.0, 15.0, 5.0)));
        assert!(crosses(&r, (2.0, 2.0, 3.0, 3.0)), "inside");
        assert!(!crosses(&r, (-5.0, -1.0, 15.0, -1.0)));
        assert!(!crosses(&r, (11.0, -5.0, 20.0, 5.0)));
    }

    /// The figures the README gives: labels drawn and edges across labels, unzoomed.
    #[test]
    fn report_the_seed_graphs_overlaps() {
        let (story, v) = seed();
        for screen in [PHONE, DESKTOP] {
            let d = plain(&story, &v, screen);
            let o = overlaps(&v, &d);
            let worst = v
                .nodes
                .iter()
                .map(|&f| {
                    let d = draw(&story, &v, GraphView::default(), screen, selecting(f));
                    overlaps(&v, &d).edges_across_labels
                })
                .max()
                .unwrap_or(0);
            println!(
                "{} px: {} of {} names, {} label overlaps, {} edges across labels; a node selected: at most {worst}",
                screen.width,
                d.labels.iter().flatten().count(),
                v.nodes.len(),
                o.labels,
                o.edges_across_labels
            );
        }
    }
}
