//! What the reader is looking at, as plain data: the whole state of the explorer's view.
//! Components turn clicks into [`Action`]s; [`ViewState::apply`] is the only place state changes.

use crate::views::cards::CardKind;
use crate::views::query::Query;
use story_core::dates::PartialDate;
use story_core::story::Sourcing;

/// How many cards are rendered at first, and added by each "Show more": more than a screen
/// holds, few enough that replacing them all fits in one frame.
pub const PAGE: usize = 40;

/// A story with up to this many cards never pages: every match is rendered at once.
pub const SHOW_ALL_UP_TO: usize = 150;

/// How many of `matches` cards of a story of `total` cards to render, given how far the reader
/// has asked to see.
pub fn visible(matches: usize, total: usize, limit: usize) -> usize {
    if total <= SHOW_ALL_UP_TO {
        matches
    } else {
        limit.min(matches)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Cards,
    Timeline,
    Claims,
    Graph,
    Article,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Cards,
        View::Timeline,
        View::Claims,
        View::Graph,
        View::Article,
    ];

    /// Whether `story` has anything for this view to show: a story without events has no
    /// timeline, one without claims no claims, one without relationships no graph. A view with
    /// nothing in it is left out of the switcher rather than shown empty.
    pub fn has_content(self, story: &story_core::story::Story) -> bool {
        match self {
            View::Cards | View::Article => true,
            View::Timeline => !story.events().is_empty(),
            View::Claims => !story.claims().is_empty(),
            View::Graph => !story.relationships().is_empty(),
        }
    }

    /// The views `story` has something for, in the switcher's order.
    pub fn of(story: &story_core::story::Story) -> Vec<View> {
        View::ALL
            .into_iter()
            .filter(|v| v.has_content(story))
            .collect()
    }

    pub fn label(self) -> &'static str {
        match self {
            View::Cards => "Cards",
            View::Timeline => "Timeline",
            View::Claims => "Claims",
            View::Graph => "Relationships",
            View::Article => "Article",
        }
    }
}

/// The current view. Holds ids and settings only; the story itself never changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewState {
    pub view: View,
    pub query: Query,
    /// The item whose detail is open.
    pub selected: Option<String>,
    /// The item whose sentence the article view shows highlighted.
    pub target: Option<String>,
    /// How many matching cards are rendered.
    pub limit: usize,
    /// Zoom and pan of the relationship graph.
    pub graph: GraphView,
}

/// Zoom (percent of the fitted size) and pan (graph units) of the relationship graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GraphView {
    pub zoom: u32,
    pub x: i32,
    pub y: i32,
}

pub const MIN_ZOOM: u32 = 25;
pub const MAX_ZOOM: u32 = 800;

impl Default for GraphView {
    fn default() -> Self {
        Self {
            zoom: 100,
            x: 0,
            y: 0,
        }
    }
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            view: View::Cards,
            query: Query::default(),
            selected: None,
            target: None,
            limit: PAGE,
            graph: GraphView::default(),
        }
    }
}

/// One active filter, as a removable chip shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    Kind(CardKind),
    Side(String),
    Involving(String),
    From(PartialDate),
    To(PartialDate),
    Sourcing(Sourcing),
    Text(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Select(String),
    Close,
    Show(View),
    /// Opens the article at the sentence an item comes from.
    ShowInArticle(String),
    ToggleKind(CardKind),
    ToggleSide(String),
    ToggleSourcing(Sourcing),
    SetInvolving(Option<String>),
    SetFrom(Option<PartialDate>),
    SetTo(Option<PartialDate>),
    SetText(String),
    Remove(Filter),
    ClearFilters,
    ShowMore,
    /// Replaces the whole state, e.g. with what the URL says after Back or Forward.
    Restore(ViewState),
    /// Multiplies the graph's zoom by `percent` / 100, within bounds.
    Zoom(u32),
    /// Moves the graph by this many graph units.
    Pan(i32, i32),
    /// Back to the whole graph, fitted.
    Fit,
}

fn toggle<T: Ord>(set: &mut story_core::set::SortedSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

impl ViewState {
    pub fn apply(&self, action: Action) -> ViewState {
        let mut next = self.clone();
        let query_before = next.query.clone();
        match action {
            Action::Select(id) => next.selected = Some(id),
            Action::Close => next.selected = None,
            Action::Show(view) => {
                next.view = view;
                next.target = None;
            }
            Action::ShowInArticle(id) => {
                next.view = View::Article;
                next.target = Some(id);
            }
            Action::ToggleKind(kind) => toggle(&mut next.query.kinds, kind),
            Action::ToggleSide(side) => toggle(&mut next.query.sides, side),
            Action::ToggleSourcing(s) => toggle(&mut next.query.sourcing, s),
            Action::SetInvolving(id) => next.query.involving = id,
            Action::SetFrom(date) => next.query.from = date,
            Action::SetTo(date) => next.query.to = date,
            Action::SetText(text) => next.query.text = text,
            Action::Remove(filter) => next.query = without(&next.query, &filter),
            Action::ClearFilters => next.query = Query::default(),
            Action::ShowMore => next.limit += PAGE,
            Action::Restore(state) => return state,
            Action::Zoom(percent) => {
                let zoom = u64::from(next.graph.zoom) * u64::from(percent) / 100;
                next.graph.zoom = (zoom as u32).clamp(MIN_ZOOM, MAX_ZOOM);
            }
            Action::Pan(dx, dy) => {
                next.graph.x = next.graph.x.saturating_add(dx).clamp(-100_000, 100_000);
                next.graph.y = next.graph.y.saturating_add(dy).clamp(-100_000, 100_000);
            }
            Action::Fit => next.graph = GraphView::default(),
        }
        if next.query != query_before {
            next.limit = PAGE;
        }
        next
    }

    /// The active filters, in the order the filter panel lists them.
    pub fn filters(&self) -> Vec<Filter> {
        let q = &self.query;
        let mut all: Vec<Filter> = q.kinds.iter().map(|k| Filter::Kind(*k)).collect();
        all.extend(q.sides.iter().map(|s| Filter::Side(s.clone())));
        all.extend(q.involving.iter().map(|e| Filter::Involving(e.clone())));
        all.extend(q.from.map(Filter::From));
        all.extend(q.to.map(Filter::To));
        all.extend(q.sourcing.iter().map(|s| Filter::Sourcing(*s)));
        if !q.text.trim().is_empty() {
            all.push(Filter::Text(q.text.clone()));
        }
        all
    }
}

impl Filter {
    /// Set in the Filters sheet, not typed in the search box.
    pub fn in_sheet(&self) -> bool {
        !matches!(self, Filter::Text(_))
    }

    /// What a chip says, e.g. "Kind: Quote", "Involving: The Kremlin", "Search: “door”".
    pub fn label(&self, story: &story_core::story::Story) -> String {
        match self {
            Filter::Kind(k) => format!("Kind: {}", k.label()),
            Filter::Side(s) => format!(
                "Side: {}",
                story.side(s).map_or(s.as_str(), |s| s.name.as_str())
            ),
            Filter::Involving(e) => format!("Involving: {}", story.name_of(e)),
            Filter::From(d) => format!("From: {d}"),
            Filter::To(d) => format!("To: {d}"),
            Filter::Sourcing(s) => format!("Sourcing: {}", crate::views::cards::sourcing_label(*s)),
            Filter::Text(t) => format!("Search: “{}”", t.trim()),
        }
    }
}

fn without(query: &Query, filter: &Filter) -> Query {
    let mut q = query.clone();
    match filter {
        Filter::Kind(k) => {
            q.kinds.remove(k);
        }
        Filter::Side(s) => {
            q.sides.remove(s);
        }
        Filter::Involving(_) => q.involving = None,
        Filter::From(_) => q.from = None,
        Filter::To(_) => q.to = None,
        Filter::Sourcing(s) => {
            q.sourcing.remove(s);
        }
        Filter::Text(_) => q.text.clear(),
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selecting_opens_one_item_and_closing_clears_it() {
        let state = ViewState::default().apply(Action::Select("jeff-sessions".into()));
        assert_eq!(state.selected.as_deref(), Some("jeff-sessions"));
        let state = state.apply(Action::Select("kremlin".into()));
        assert_eq!(state.selected.as_deref(), Some("kremlin"));
        assert_eq!(state.apply(Action::Close), ViewState::default());
    }

    #[test]
    fn every_active_filter_can_be_removed_on_its_own_and_clear_removes_all() {
        let mut state = ViewState::default();
        for action in [
            Action::ToggleKind(CardKind::Quote),
            Action::ToggleSide("press".into()),
            Action::SetInvolving(Some("kremlin".into())),
            Action::SetFrom(PartialDate::parse_iso("2016-07")),
            Action::SetTo(PartialDate::parse_iso("2017-03")),
            Action::ToggleSourcing(Sourcing::Anonymous),
            Action::SetText("door".into()),
        ] {
            state = state.apply(action);
        }
        let filters = state.filters();
        assert_eq!(filters.len(), 7);
        assert_eq!(state.query.active_count(), 7);
        // All but the words typed are set in the Filters sheet, whose button counts them.
        let sheet: Vec<bool> = filters.iter().map(Filter::in_sheet).collect();
        assert_eq!(sheet, [true, true, true, true, true, true, false]);
        for filter in &filters {
            let after = state.apply(Action::Remove(filter.clone()));
            assert_eq!(after.filters().len(), 6, "removing {filter:?}");
            assert!(!after.filters().contains(filter));
        }
        assert!(state.apply(Action::ClearFilters).query.is_empty());
    }

    #[test]
    fn small_stories_show_every_match_and_large_ones_a_page_at_a_time() {
        assert_eq!(visible(70, 70, PAGE), 70);
        assert_eq!(visible(60, SHOW_ALL_UP_TO + 1, PAGE), PAGE);
        assert_eq!(visible(5000, 5000, 3 * PAGE), 3 * PAGE);
        assert_eq!(visible(10, 5000, PAGE), 10);
        assert_eq!(visible(0, 70, PAGE), 0);
    }

    #[test]
    fn zoom_stays_within_bounds_and_fit_resets() {
        let mut state = ViewState::default();
        for _ in 0..20 {
            state = state.apply(Action::Zoom(150));
        }
        assert_eq!(state.graph.zoom, MAX_ZOOM);
        for _ in 0..20 {
            state = state.apply(Action::Zoom(50));
        }
        assert_eq!(state.graph.zoom, MIN_ZOOM);
        state = state
            .apply(Action::Pan(10, -5))
            .apply(Action::Pan(i32::MAX, 0));
        assert_eq!((state.graph.x, state.graph.y), (100_000, -5));
        assert_eq!(state.apply(Action::Fit).graph, GraphView::default());
    }

    #[test]
    fn toggling_twice_restores_and_a_new_query_starts_from_the_first_page() {
        let state = ViewState::default().apply(Action::ShowMore);
        assert_eq!(state.limit, 2 * PAGE);
        let state = state.apply(Action::ToggleKind(CardKind::Event));
        assert_eq!(state.limit, PAGE);
        assert!(state
            .apply(Action::ToggleKind(CardKind::Event))
            .query
            .is_empty());
    }

    #[test]
    fn an_item_opened_in_the_article_stays_there_and_show_in_article_targets_the_item() {
        let state = ViewState::default().apply(Action::ShowInArticle("peskov-no-details".into()));
        assert_eq!(
            (state.view, state.target.as_deref()),
            (View::Article, Some("peskov-no-details"))
        );
        let state = state.apply(Action::Select("kremlin".into()));
        assert_eq!(state.view, View::Article);
        assert_eq!(state.selected.as_deref(), Some("kremlin"));
        assert!(
            state.query.is_empty(),
            "no filter is set behind the reader's back"
        );
    }
}
