//! Where each person and organization sits in the relationship graph.
//!
//! A crate of its own so that it alone is compiled for speed (`opt-level = 3`, see the root
//! Cargo.toml) while the rest of the wasm is compiled for size: the layout is the one
//! computation whose time a reader waits on in large stories.
//!
//! A force-directed layout after d3-force (springs along relationships, charge between nearby
//! nodes, a pull to the centre), written here rather than taken from a crate so that it is linear
//! per tick for big graphs and uses no randomness at all: the same story always draws the same
//! picture, and a shared link shows what the sender saw. Labels
//! are then pushed apart until none overlaps another or a node. Positions are computed once for
//! the whole story: filtering hides nodes, it never moves the others.

use story_core::story::{EntityKind, Story};

/// Characters per label line before it wraps.
const LINE_CHARS: usize = 18;
/// Estimated width of one label character and height of one line, in px at zoom 1: generous, so
/// labels that fit here fit in the browser.
const CHAR_WIDTH: f64 = 7.4;
const LINE_HEIGHT: f64 = 15.0;
pub const NODE_RADIUS: f64 = 9.0;

#[derive(Clone, Debug, PartialEq)]
pub struct GraphNode {
    /// Index into `story.entities()`.
    pub entity: usize,
    pub kind: EntityKind,
    pub x: f64,
    pub y: f64,
    /// The label, wrapped into lines, drawn centred below the node.
    pub lines: Vec<String>,
    /// How many relationships the node has.
    pub degree: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphEdge {
    /// Index into `story.relationships()`.
    pub relationship: usize,
    /// Indices into the layout's nodes.
    pub from: usize,
    pub to: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
}

/// An axis-aligned box: a node with its label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }
}

impl GraphNode {
    /// The box the node and its label occupy.
    pub fn rect(&self) -> Rect {
        self.extent().at(self.x, self.y)
    }

    /// The size of that box around the node, which moving the node does not change.
    fn extent(&self) -> Extent {
        let widest = self
            .lines
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0) as f64;
        Extent {
            half: (widest * CHAR_WIDTH / 2.0 + 4.0).max(NODE_RADIUS + 2.0),
            below: NODE_RADIUS + 4.0 + self.lines.len() as f64 * LINE_HEIGHT,
        }
    }
}

/// A node's box relative to the node: half its width, and how far it reaches below the node.
#[derive(Clone, Copy)]
struct Extent {
    half: f64,
    below: f64,
}

impl Extent {
    fn at(self, x: f64, y: f64) -> Rect {
        Rect {
            left: x - self.half,
            right: x + self.half,
            top: y - NODE_RADIUS - 2.0,
            bottom: y + self.below,
        }
    }
}

/// Splits a name into lines of about [`LINE_CHARS`], at spaces.
pub fn wrap(name: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= LINE_CHARS => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// The graph of every entity that takes part in a relationship, laid out.
pub fn layout(story: &Story) -> Layout {
    let mut slot = vec![None; story.entities().len()];
    let mut nodes: Vec<GraphNode> = Vec::new();
    let mut edges = Vec::new();
    for (relationship, r) in story.relationships().iter().enumerate() {
        let mut end = |id: &str| -> Option<usize> {
            let entity = match story.find(id)? {
                story_core::story::ItemRef::Entity(i) => i,
                _ => return None,
            };
            Some(*slot[entity].get_or_insert_with(|| {
                let e = &story.entities()[entity];
                nodes.push(GraphNode {
                    entity,
                    kind: e.kind,
                    x: 0.0,
                    y: 0.0,
                    lines: wrap(&e.name),
                    degree: 0,
                });
                nodes.len() - 1
            }))
        };
        if let (Some(from), Some(to)) = (end(&r.from), end(&r.to)) {
            nodes[from].degree += 1;
            nodes[to].degree += 1;
            edges.push(GraphEdge {
                relationship,
                from,
                to,
            });
        }
    }
    place(&mut nodes, &edges);
    Layout { nodes, edges }
}

/// Runs the force simulation and the label pass, writing `x` and `y` of every node.
pub fn place(nodes: &mut [GraphNode], edges: &[GraphEdge]) {
    if nodes.is_empty() {
        return;
    }
    let positions = simulate(nodes.len(), edges);
    for (node, (x, y)) in nodes.iter_mut().zip(positions) {
        // Rounded, so the same story gives the same picture however the floats were summed.
        node.x = (x * 10.0).round() / 10.0;
        node.y = (y * 10.0).round() / 10.0;
    }
    // A graph this big is shown a neighbourhood at a time, whose labels are separated then.
    if nodes.len() <= MAX_FULL_GRAPH {
        separate_labels(nodes);
    }
}

/// How fast the simulation cools: 1 − 0.001^(1/200) for its 200 ticks, written out because
/// `powf` would bring libm's pow into the wasm.
const DECAY: f64 = 0.033949121010186656;

/// Sine and cosine of `a` (radians, `a ≥ 0`) from IEEE arithmetic alone: std's would bring libm's
/// range reduction into the wasm (5 KB) for the spiral the layout starts from. Reduced to an
/// octant, the series' first omitted term is below 1e-17.
fn sin_cos(a: f64) -> (f64, f64) {
    let quadrant = (a / std::f64::consts::FRAC_PI_2).round();
    let x = a - quadrant * std::f64::consts::FRAC_PI_2;
    let (mut sin, mut cos, mut term) = (0.0, 0.0, 1.0);
    for n in 0..18 {
        if n % 2 == 0 {
            cos += if n % 4 == 0 { term } else { -term };
        } else {
            sin += if n % 4 == 1 { term } else { -term };
        }
        term *= x / f64::from(n + 1);
    }
    match (quadrant as i64).rem_euclid(4) {
        0 => (sin, cos),
        1 => (cos, -sin),
        2 => (-sin, -cos),
        _ => (-cos, sin),
    }
}

/// `a.max(b)` for numbers that are never NaN. On wasm, `f64::max` is a call to libm's `fmax`
/// (the instruction treats NaN differently), which in the pair loop cost more than the force.
#[inline(always)]
fn larger(a: f64, b: f64) -> f64 {
    if a > b {
        a
    } else {
        b
    }
}

/// `x.max(1.0)` for an `x ≥ 0`, in integer arithmetic: non-negative floats order as their bits
/// do, and V8 compiles an integer `select` without a branch (a float one, with).
#[inline(always)]
fn at_least_one(x: f64) -> f64 {
    f64::from_bits(x.to_bits().max(1f64.to_bits()))
}

/// `a.min(b)` for numbers that are never NaN; see [`larger`].
#[inline(always)]
fn smaller(a: f64, b: f64) -> f64 {
    if a < b {
        a
    } else {
        b
    }
}

/// Above this many nodes the view shows the selected entity's neighbourhood, not the hairball.
pub const MAX_FULL_GRAPH: usize = 150;

const TICKS: usize = 200;
const LINK_DISTANCE: f64 = 110.0;
const CHARGE: f64 = -320.0;
const CUTOFF: f64 = 130.0;
const VELOCITY_DECAY: f64 = 0.6;

/// Forces, after d3-force: springs along edges, charge between nodes closer than a cutoff (found
/// through a grid, so a tick is linear in the number of nodes); velocities decay each tick and the
/// temperature (`alpha`) cools over 200 ticks.
/// Starts from a sunflower spiral, so no two nodes start on the same spot and nothing is random.
fn simulate(count: usize, edges: &[GraphEdge]) -> Vec<(f64, f64)> {
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    let mut pos: Vec<(f64, f64)> = (0..count)
        .map(|i| {
            let (r, a) = (45.0 * (0.5 + i as f64).sqrt(), i as f64 * golden);
            let (sin, cos) = sin_cos(a);
            (r * cos, r * sin)
        })
        .collect();
    let mut vel = vec![(0.0f64, 0.0f64); count];
    let mut degree = vec![0usize; count];
    for e in edges {
        degree[e.from] += 1;
        degree[e.to] += 1;
    }
    // The first tick apart: wasm-opt inlines any function called from a single place, and `tick`
    // must stay a function of its own (see there).
    let mut alpha = 1.0 - DECAY;
    tick(&mut pos, &mut vel, &degree, edges, alpha);
    for _ in 1..TICKS {
        alpha -= alpha * DECAY;
        let fastest = tick(&mut pos, &mut vel, &degree, edges, alpha);
        // A graph this big is never drawn whole, only a neighbourhood at a time, whose labels
        // are separated then: once no node moves half a unit a tick, its picture is settled
        // (about 120 ticks of 200 for 1,000 entities, which the reader waits on).
        if count > MAX_FULL_GRAPH && fastest < 0.25 {
            break;
        }
    }
    let n = count as f64;
    let (mx, my) = pos
        .iter()
        .fold((0.0, 0.0), |(x, y), p| (x + p.0 / n, y + p.1 / n));
    pos.into_iter().map(|(x, y)| (x - mx, y - my)).collect()
}

/// One tick of the simulation at temperature `alpha`: springs, charge, then velocities. Returns
/// the square of the fastest node's speed.
///
/// Not inlined into [`simulate`], and called once per tick, for the browser's sake: V8 runs a
/// wasm function first in its baseline compiler and switches to the optimized code only at a
/// later call, so one call that ran all 200 ticks ran them all at baseline speed.
#[inline(never)]
fn tick(
    pos: &mut [(f64, f64)],
    vel: &mut [(f64, f64)],
    degree: &[usize],
    edges: &[GraphEdge],
    alpha: f64,
) -> f64 {
    let count = pos.len();
    for e in edges.iter().filter(|e| e.from != e.to) {
        let (a, b) = (e.from, e.to);
        let (dx, dy) = (
            pos[b].0 + vel[b].0 - pos[a].0 - vel[a].0,
            pos[b].1 + vel[b].1 - pos[a].1 - vel[a].1,
        );
        let l = larger((dx * dx + dy * dy).sqrt(), 1e-6);
        let strength = 1.0 / degree[a].min(degree[b]).max(1) as f64;
        let k = (l - LINK_DISTANCE) / l * alpha * strength;
        let bias = degree[a] as f64 / (degree[a] + degree[b]) as f64;
        vel[b].0 -= dx * k * bias;
        vel[b].1 -= dy * k * bias;
        vel[a].0 += dx * k * (1.0 - bias);
        vel[a].1 += dy * k * (1.0 - bias);
    }
    // A grid of CUTOFF-sized cells over the current extent: each node meets only the nodes
    // in its own and the eight neighbouring cells.
    let (min_x, min_y) = pos.iter().fold((f64::MAX, f64::MAX), |(x, y), p| {
        (smaller(x, p.0), smaller(y, p.1))
    });
    let (max_x, max_y) = pos.iter().fold((f64::MIN, f64::MIN), |(x, y), p| {
        (larger(x, p.0), larger(y, p.1))
    });
    // Cells of half the cutoff (so the 5×5 around a node hug its cutoff circle), never more
    // than 256 a side.
    let size = (CUTOFF / 2.0).max((max_x - min_x).max(max_y - min_y) / 256.0);
    let reach = (CUTOFF / size).ceil() as usize;
    let columns = ((max_x - min_x) / size).floor() as usize + 1;
    let rows = ((max_y - min_y) / size).floor() as usize + 1;
    let cell_of = |p: (f64, f64)| {
        let cx = (((p.0 - min_x) / size) as usize).min(columns - 1);
        let cy = (((p.1 - min_y) / size) as usize).min(rows - 1);
        (cx, cy)
    };
    // The grid as one array of node indices sorted by cell, with each cell's start (a
    // counting sort): two passes and three allocations per tick, where a vector per cell
    // would allocate thousands.
    let cells: Vec<usize> = pos
        .iter()
        .map(|p| {
            let (cx, cy) = cell_of(*p);
            cy * columns + cx
        })
        .collect();
    let mut start = vec![0usize; columns * rows + 1];
    for &c in &cells {
        start[c + 1] += 1;
    }
    for c in 0..columns * rows {
        start[c + 1] += start[c];
    }
    let mut members = vec![0usize; count];
    let mut fill = start.clone();
    for (i, &c) in cells.iter().enumerate() {
        members[fill[c]] = i;
        fill[c] += 1;
    }
    // Positions and forces in cell order, so the pair loop reads and writes memory in order
    // rather than through `members` (it is most of the layout's time). The additions happen
    // in the same order as over the nodes themselves, so the picture is the same to the bit.
    let near: Vec<(f64, f64)> = members.iter().map(|&i| pos[i]).collect();
    let mut pushed = vec![(0.0f64, 0.0f64); count];
    let strength = CHARGE * alpha;
    let reach = reach as isize;
    for cy in 0..rows {
        for cx in 0..columns {
            let here = start[cy * columns + cx]..start[cy * columns + cx + 1];
            if here.is_empty() {
                continue;
            }
            for oy in 0..=reach {
                for ox in -reach..=reach {
                    if oy == 0 && ox < 0 {
                        continue;
                    }
                    let (nx, ny) = (cx as isize + ox, cy as isize + oy);
                    if nx < 0 || nx >= columns as isize || ny >= rows as isize {
                        continue;
                    }
                    let c = ny as usize * columns + nx as usize;
                    let there = start[c]..start[c + 1];
                    for a in here.clone() {
                        let first = if ox == 0 && oy == 0 {
                            a + 1
                        } else {
                            there.start
                        };
                        let (ax, ay) = near[a];
                        let mut acc = pushed[a];
                        let others = near[first..there.end]
                            .iter()
                            .zip(&mut pushed[first..there.end]);
                        for (b, (p, f)) in (first..).zip(others) {
                            let (mut dx, mut dy) = (p.0 - ax, p.1 - ay);
                            if dx == 0.0 && dy == 0.0 {
                                // Coincident: a fixed nudge by index instead of d3's random jiggle.
                                dx = 1e-3 * (members[a] as f64 - members[b] as f64);
                                dy = 1e-3;
                            }
                            let l2 = at_least_one(dx * dx + dy * dy);
                            // Half the pairs a grid offers are beyond the cutoff, at random: a
                            // branch on it is mispredicted half the time (and V8 turns a wasm
                            // `select` of floats into a branch), so the force is masked to +0
                            // instead, and adding zero changes nothing.
                            let keep = u64::from(l2 < CUTOFF * CUTOFF).wrapping_neg();
                            let w = f64::from_bits((strength / l2).to_bits() & keep);
                            acc.0 += dx * w;
                            acc.1 += dy * w;
                            f.0 -= dx * w;
                            f.1 -= dy * w;
                        }
                        pushed[a] = acc;
                    }
                }
            }
        }
    }
    let mut force = vec![(0.0f64, 0.0f64); count];
    for (k, &i) in members.iter().enumerate() {
        force[i] = pushed[k];
    }
    for (v, f) in vel.iter_mut().zip(&force) {
        v.0 += f.0;
        v.1 += f.1;
    }
    let mut fastest = 0.0f64;
    for (p, v) in pos.iter_mut().zip(vel.iter_mut()) {
        v.0 *= VELOCITY_DECAY;
        v.1 *= VELOCITY_DECAY;
        p.0 += v.0;
        p.1 += v.1;
        fastest = larger(fastest, v.0 * v.0 + v.1 * v.1);
    }
    fastest
}

/// Pushes overlapping node-and-label boxes apart, vertically first (labels are wide and short),
/// until none overlaps. Sweeps boxes sorted by their left edge, so it stays fast for big graphs.
pub fn separate_labels(nodes: &mut [GraphNode]) {
    // Measured once: counting a label's characters in every comparison was most of this pass.
    let extents: Vec<Extent> = nodes.iter().map(GraphNode::extent).collect();
    // The first sweep apart, so that wasm-opt keeps `separate_once` a function (see `simulate`).
    if !separate_once(nodes, &extents) {
        return;
    }
    for _ in 1..200 {
        if !separate_once(nodes, &extents) {
            return;
        }
    }
}

/// One sweep of [`separate_labels`]; whether it moved anything. A function of its own, called
/// once per sweep, so the browser runs the later sweeps optimized (see [`tick`]).
#[inline(never)]
fn separate_once(nodes: &mut [GraphNode], extents: &[Extent]) -> bool {
    let rect = |nodes: &[GraphNode], i: usize| extents[i].at(nodes[i].x, nodes[i].y);
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    story_core::order::sort_by(&mut order, |&a, &b| {
        rect(nodes, a)
            .left
            .total_cmp(&rect(nodes, b).left)
            .then(a.cmp(&b))
    });
    let mut moved = false;
    for i in 0..order.len() {
        for j in i + 1..order.len() {
            let (a, b) = (order[i], order[j]);
            let (ra, rb) = (rect(nodes, a), rect(nodes, b));
            if rb.left >= ra.right {
                break;
            }
            if !ra.overlaps(&rb) {
                continue;
            }
            moved = true;
            let down = smaller(ra.bottom - rb.top, rb.bottom - ra.top) / 2.0 + 1.0;
            let across = smaller(ra.right - rb.left, rb.right - ra.left) / 2.0 + 1.0;
            let (sign_y, sign_x) = (
                if nodes[b].y >= nodes[a].y { 1.0 } else { -1.0 },
                if nodes[b].x >= nodes[a].x { 1.0 } else { -1.0 },
            );
            if down <= across {
                nodes[a].y -= sign_y * down;
                nodes[b].y += sign_y * down;
            } else {
                nodes[a].x -= sign_x * across;
                nodes[b].x += sign_x * across;
            }
        }
    }
    moved
}

/// Arrow-key directions for moving through the graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

/// The nearest visible node from `from` in `direction` (within a 45° cone either side of it,
/// distance weighted against straying off-axis), if any. `at` is where each node is drawn, so
/// the arrows follow the picture on screen, turned or not.
pub fn nearest(
    at: &[(f64, f64)],
    visible: &[usize],
    from: usize,
    direction: Direction,
) -> Option<usize> {
    let origin = *at.get(from)?;
    visible
        .iter()
        .copied()
        .filter(|&i| i != from && i < at.len())
        .filter_map(|i| {
            let (dx, dy) = (at[i].0 - origin.0, at[i].1 - origin.1);
            let (along, across) = match direction {
                Direction::Right => (dx, dy),
                Direction::Left => (-dx, dy),
                Direction::Down => (dy, dx),
                Direction::Up => (-dy, dx),
            };
            (along > 0.0 && across.abs() <= along).then(|| (along + 2.0 * across.abs(), i))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
        .map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sine_and_cosine_agree_with_std() {
        for i in 0..20_000 {
            let a = f64::from(i) * 0.763_451;
            let (sin, cos) = sin_cos(a);
            assert!(
                (sin - a.sin()).abs() < 1e-9 && (cos - a.cos()).abs() < 1e-9,
                "{a}"
            );
        }
        assert_eq!(DECAY, 1.0 - 0.001f64.powf(1.0 / 200.0));
    }
    #[test]
    fn labels_wrap_at_spaces() {
        assert_eq!(
            wrap("Other members of the Armed Services Committee"),
            ["Other members of", "the Armed Services", "Committee"]
        );
        assert_eq!(wrap("Moscow"), ["Moscow"]);
    }

    #[test]
    fn arrows_move_to_the_nearest_node_in_their_direction() {
        let nodes = [
            (0.0, 0.0),
            (100.0, 10.0),
            (50.0, 40.0),
            (0.0, -80.0),
            (-30.0, 200.0),
        ];
        let all = [0, 1, 2, 3, 4];
        assert_eq!(
            nearest(&nodes, &all, 0, Direction::Right),
            Some(1),
            "on the axis beats nearer but off it"
        );
        assert_eq!(nearest(&nodes, &all, 0, Direction::Up), Some(3));
        assert_eq!(
            nearest(&nodes, &all, 0, Direction::Down),
            Some(4),
            "node 2 is more across than down"
        );
        assert_eq!(nearest(&nodes, &all, 0, Direction::Left), None);
        assert_eq!(
            nearest(&nodes, &[0, 2], 0, Direction::Right),
            Some(2),
            "hidden nodes are skipped"
        );
    }
}
