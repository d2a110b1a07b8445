//! What the relationship view shows under the current query: which nodes and edges are visible,
//! the neighbourhood shown for graphs too big to read whole, the text summary and table for
//! screen readers, and how nodes and edges look. The SVG file is in `graph_export`.

use crate::views::cards::{event_date, Dated};
use crate::views::layout::{place, GraphEdge, GraphNode, Layout, MAX_FULL_GRAPH};
use std::rc::Rc;
use story_core::set::SortedSet;
use story_core::story::{EntityKind, Relationship, Story};

/// The part of the layout on screen: indices into its nodes and edges.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Visible {
    /// Shared with the full layout when the whole graph is shown: a keystroke never copies it.
    pub layout: Rc<Layout>,
    pub nodes: Vec<usize>,
    pub edges: Vec<usize>,
    /// Set when the graph is too big and only a neighbourhood is shown: whose.
    pub centre: Option<usize>,
    /// Nodes shown only as neighbours of what the query matched (drawn dimmed), sorted; empty
    /// when nothing is filtered out.
    pub context: Vec<usize>,
}

/// The visible graph: nodes whose entities the query leaves (`entities`, indices into the
/// story's entities), edges between two visible nodes. Above [`MAX_FULL_GRAPH`] nodes, only the
/// neighbourhood of `focus` (an entity index; else the most connected node) is shown, laid out
/// on its own.
pub fn visible(full: &Rc<Layout>, entities: &SortedSet<usize>, focus: Option<usize>) -> Visible {
    let shown: Vec<usize> = (0..full.nodes.len())
        .filter(|&i| entities.contains(&full.nodes[i].entity))
        .collect();
    if shown.len() <= MAX_FULL_GRAPH && full.nodes.len() <= MAX_FULL_GRAPH {
        // A search or filter shows what it matched with its relationships: the matched nodes,
        // their neighbours (as context) and every edge with a matched end. A search for one
        // person shows that person's connections, not a lonely dot.
        let matched: SortedSet<usize> = shown.iter().copied().collect();
        let filtered = shown.len() < full.nodes.len();
        let edges: Vec<usize> = (0..full.edges.len())
            .filter(|&e| {
                let (a, b) = (full.edges[e].from, full.edges[e].to);
                if filtered {
                    matched.contains(&a) || matched.contains(&b)
                } else {
                    matched.contains(&a) && matched.contains(&b)
                }
            })
            .collect();
        let mut context: Vec<usize> = edges
            .iter()
            .flat_map(|&e| [full.edges[e].from, full.edges[e].to])
            .filter(|n| !matched.contains(n))
            .collect();
        story_core::order::sort(&mut context);
        context.dedup();
        let mut nodes: Vec<usize> = shown.iter().chain(&context).copied().collect();
        story_core::order::sort(&mut nodes);
        return Visible {
            layout: Rc::clone(full),
            nodes,
            edges,
            centre: None,
            context,
        };
    }
    if shown.len() <= MAX_FULL_GRAPH {
        // A big story filtered down to a readable graph: the full layout never separated its
        // labels (it is shown a neighbourhood at a time), so the shown nodes keep their places
        // and have their labels pushed apart now.
        return subgraph(full, &shown, None, false);
    }
    let centre = focus
        .and_then(|entity| {
            shown
                .iter()
                .copied()
                .find(|&i| full.nodes[i].entity == entity)
        })
        .or_else(|| {
            shown
                .iter()
                .copied()
                .max_by_key(|&i| (full.nodes[i].degree, std::cmp::Reverse(i)))
        });
    let Some(centre) = centre else {
        return Visible::default();
    };
    neighbourhood(full, &shown, centre)
}

/// The centre, its neighbours (most connected first, at most [`MAX_FULL_GRAPH`] in all) and the
/// edges among them, laid out afresh.
fn neighbourhood(full: &Layout, shown: &[usize], centre: usize) -> Visible {
    let allowed: SortedSet<usize> = shown.iter().copied().collect();
    let mut around: Vec<usize> = full
        .edges
        .iter()
        .filter_map(|e| match (e.from == centre, e.to == centre) {
            (true, _) => Some(e.to),
            (_, true) => Some(e.from),
            _ => None,
        })
        .filter(|n| allowed.contains(n) && *n != centre)
        .collect();
    story_core::order::sort_by_key(&mut around, |&n| {
        (std::cmp::Reverse(full.nodes[n].degree), n)
    });
    around.dedup();
    around.truncate(MAX_FULL_GRAPH - 1);
    let mut members = vec![centre];
    members.extend(around);
    subgraph(full, &members, Some(0), true)
}

/// The `members` of the full layout (indices into its nodes) and the edges among them, as a
/// layout of their own: laid out afresh if `fresh`, else where they were; labels separated.
fn subgraph(full: &Layout, members: &[usize], centre: Option<usize>, fresh: bool) -> Visible {
    // Each full-layout node's place among the members, looked up once per edge end.
    let mut place_of = vec![None; full.nodes.len()];
    for (i, &m) in members.iter().enumerate() {
        place_of[m] = Some(i);
    }
    let index_of = |n: usize| place_of.get(n).copied().flatten();
    let mut nodes: Vec<GraphNode> = members.iter().map(|&m| full.nodes[m].clone()).collect();
    let edges: Vec<GraphEdge> = full
        .edges
        .iter()
        .filter_map(|e| {
            Some(GraphEdge {
                relationship: e.relationship,
                from: index_of(e.from)?,
                to: index_of(e.to)?,
            })
        })
        .collect();
    if fresh {
        place(&mut nodes, &edges);
    }
    crate::views::layout::separate_labels(&mut nodes);
    let (n, m) = (nodes.len(), edges.len());
    Visible {
        layout: Rc::new(Layout { nodes, edges }),
        nodes: (0..n).collect(),
        edges: (0..m).collect(),
        centre,
        context: Vec::new(),
    }
}

pub use story_core::story::words::kind_word;

/// One sentence on the visible graph for screen readers: its size and its most connected nodes.
pub fn summary(story: &Story, v: &Visible) -> String {
    if v.nodes.is_empty() {
        return "No relationships match the search and filters.".to_owned();
    }
    let mut degree = vec![0usize; v.layout.nodes.len()];
    for &e in &v.edges {
        degree[v.layout.edges[e].from] += 1;
        degree[v.layout.edges[e].to] += 1;
    }
    let mut ranked: Vec<usize> = v.nodes.clone();
    story_core::order::sort_by_key(&mut ranked, |&n| (std::cmp::Reverse(degree[n]), n));
    let top: Vec<String> = ranked
        .iter()
        .take(3)
        .filter(|&&n| degree[n] > 0)
        .map(|&n| {
            format!(
                "{} ({})",
                story.entities()[v.layout.nodes[n].entity].name,
                degree[n]
            )
        })
        .collect();
    let scope = match v.centre {
        Some(c) => format!(
            "the neighbourhood of {}: ",
            story.entities()[v.layout.nodes[c].entity].name
        ),
        None => String::new(),
    };
    let nodes = super::count(
        v.nodes.len() - v.context.len(),
        "person, organization, group or place",
        "people, organizations, groups and places",
    );
    let matched = v.nodes.len() - v.context.len();
    let nodes = match v.context.len() {
        0 => format!("{nodes} and"),
        n => format!(
            "{nodes} that {}, {n} connected to {}, and",
            if matched == 1 { "matches" } else { "match" },
            if matched == 1 { "it" } else { "them" }
        ),
    };
    format!(
        "The graph shows {scope}{} {}. Most connected: {}.",
        nodes,
        super::count(v.edges.len(), "relationship", "relationships"),
        if top.is_empty() {
            "none".to_owned()
        } else {
            top.join(", ")
        }
    )
}

/// A row of the relationships table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub from: String,
    pub label: String,
    pub to: String,
    pub dates: Vec<Dated>,
    pub inferred: Option<String>,
}

pub fn rows(story: &Story, v: &Visible) -> Vec<Row> {
    v.edges
        .iter()
        .map(|&e| {
            let r = &story.relationships()[v.layout.edges[e].relationship];
            Row {
                id: r.id.clone(),
                from: story.name_of(&r.from).to_owned(),
                label: r.label.clone(),
                to: story.name_of(&r.to).to_owned(),
                dates: r
                    .events
                    .iter()
                    .filter_map(|id| story.event(id))
                    .filter_map(event_date)
                    .collect(),
                inferred: r.inferred.clone(),
            }
        })
        .collect()
}

/// An edge's tooltip: the relation as a sentence, and why it is inferred if it is.
pub fn edge_title(story: &Story, r: &Relationship) -> String {
    let sentence = crate::views::related::sentence_of(story, r);
    match &r.inferred {
        Some(why) => format!("{sentence}. Inferred: {why}"),
        None => sentence,
    }
}

/// An edge's visible label: "(inferred)" follows a relation the article does not state outright.
pub fn edge_label(r: &Relationship) -> String {
    match r.inferred {
        Some(_) => format!("{} (inferred)", r.label),
        None => r.label.clone(),
    }
}

/// The SVG path of a node's shape, centred on 0,0: a different shape for each kind, so the kind
/// never rests on colour alone.
pub fn shape_path(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "M -9 0 A 9 9 0 1 0 9 0 A 9 9 0 1 0 -9 0 Z",
        EntityKind::Organization => "M -8 -8 H 8 V 8 H -8 Z",
        EntityKind::Group => "M 0 -10 L 10 0 L 0 10 L -10 0 Z",
        EntityKind::Place => "M 0 -10 L 9.5 7 L -9.5 7 Z",
    }
}

pub fn kind_colour(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "#1d4f91",
        EntityKind::Organization => "#7a3b8f",
        EntityKind::Group => "#8a4b08",
        EntityKind::Place => "#2f6b3a",
    }
}

/// A coordinate with one decimal, written with integer arithmetic: std's float formatting would
/// add about 12 KB of wasm code for what SVG attributes need.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coord(pub f64);

impl std::fmt::Display for Coord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tenths = (self.0 * 10.0).round();
        if !tenths.is_finite() {
            return f.write_str("0");
        }
        let tenths = tenths as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let abs = tenths.unsigned_abs();
        write!(f, "{sign}{}.{}", abs / 10, abs % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::layout::layout;
    use crate::{bundled, fixtures::synthetic};

    #[test]
    fn a_big_story_filtered_down_to_a_readable_graph_has_no_overlapping_labels() {
        let (file, article) = synthetic::story(2_500, 7);
        let story = story_core::story::validate(file, &article).unwrap();
        let full = Rc::new(layout(&story));
        assert!(full.nodes.len() > MAX_FULL_GRAPH);
        let some: SortedSet<usize> = (0..story.entities().len()).step_by(9).collect();
        let v = visible(&full, &some, None);
        assert!(v.centre.is_none() && !v.nodes.is_empty() && v.nodes.len() <= MAX_FULL_GRAPH);
        for (i, &a) in v.nodes.iter().enumerate() {
            for &b in &v.nodes[i + 1..] {
                let (ra, rb) = (v.layout.nodes[a].rect(), v.layout.nodes[b].rect());
                assert!(
                    !ra.overlaps(&rb),
                    "{:?} and {:?}",
                    v.layout.nodes[a].lines,
                    v.layout.nodes[b].lines
                );
            }
        }
        assert!(v.edges.iter().all(|&e| {
            let edge = &v.layout.edges[e];
            edge.from < v.layout.nodes.len() && edge.to < v.layout.nodes.len()
        }));
    }

    #[test]
    fn coordinates_print_like_one_decimal_float_formatting() {
        // Away from ties, exactly std's output (but never "-0.0").
        for x in [
            0.0, 0.04, 0.06, 1.26, -1.24, -0.04, 12.3456, -987.64, 1e6, -3.96,
        ] {
            let expected = format!("{x:.1}");
            let expected = if expected == "-0.0" {
                "0.0".to_owned()
            } else {
                expected
            };
            assert_eq!(Coord(x).to_string(), expected, "{x}");
        }
        // At a tie, half away from zero; not a number is the origin.
        assert_eq!(Coord(0.25).to_string(), "0.3");
        assert_eq!(Coord(-0.25).to_string(), "-0.3");
        assert_eq!(Coord(f64::NAN).to_string(), "0");
    }

    fn everything(story: &Story) -> SortedSet<usize> {
        (0..story.entities().len()).collect()
    }

    #[test]
    fn the_seed_graph_shows_every_relationship_and_hides_with_the_filters() {
        let story = bundled::load().unwrap();
        let full = Rc::new(layout(&story));
        let all = visible(&full, &everything(&story), None);
        assert_eq!(all.edges.len(), story.relationships().len());
        assert_eq!(rows(&story, &all).len(), story.relationships().len());
        let kislyak = story
            .entities()
            .iter()
            .position(|e| e.id == "sergey-kislyak")
            .unwrap();
        let sessions = story
            .entities()
            .iter()
            .position(|e| e.id == "jeff-sessions")
            .unwrap();
        // Kislyak alone: him, the one relationship he has, and Sessions as its other end.
        let one = visible(&full, &[kislyak].into(), None);
        let name = |v: &Visible, n: usize| story.entities()[v.layout.nodes[n].entity].id.clone();
        assert_eq!(
            rows(&story, &one)
                .iter()
                .map(|r| r.label.as_str())
                .collect::<Vec<_>>(),
            ["met with"]
        );
        assert_eq!(
            one.context
                .iter()
                .map(|&n| name(&one, n))
                .collect::<Vec<_>>(),
            ["jeff-sessions"]
        );
        assert!(summary(&story, &one).starts_with(
            "The graph shows 1 person, organization, group or place that matches, 1 connected to it, and 1 relationship."
        ));
        // Kislyak and Sessions: every relationship either has, and their other ends as context.
        let two = visible(&full, &[kislyak, sessions].into(), None);
        let touching = story
            .relationships()
            .iter()
            .filter(|r| {
                [&r.from, &r.to]
                    .iter()
                    .any(|e| *e == "jeff-sessions" || *e == "sergey-kislyak")
            })
            .count();
        assert_eq!(two.edges.len(), touching);
        assert_eq!(two.nodes.len() - two.context.len(), 2);
        assert!(two
            .context
            .iter()
            .all(|&n| name(&two, n) != "jeff-sessions"));
        let positions = |v: &Visible| {
            v.nodes
                .iter()
                .map(|&n| (v.layout.nodes[n].x, v.layout.nodes[n].y))
                .collect::<Vec<_>>()
        };
        assert!(
            positions(&two).iter().all(|p| positions(&all).contains(p)),
            "filtering keeps positions"
        );
        assert!(summary(&story, &all).contains("Most connected: Jeff Sessions"));
    }

    #[test]
    fn a_big_graph_shows_a_neighbourhood() {
        let (file, article) = synthetic::story(1000, 42);
        let story = story_core::story::validate(file, &article).unwrap();
        let full = Rc::new(layout(&story));
        assert!(full.nodes.len() > MAX_FULL_GRAPH);
        let v = visible(&full, &everything(&story), None);
        assert!(v.nodes.len() <= MAX_FULL_GRAPH && v.centre == Some(0));
        assert!(v
            .edges
            .iter()
            .all(|&e| v.layout.edges[e].from < v.nodes.len()));
        assert!(summary(&story, &v).contains("the neighbourhood of"));
    }
}
