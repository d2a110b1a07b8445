//! The root component: loads the story once, holds the view state, lays out the views.
//!
//! It renders twice over: at build time, through Yew's server renderer, for the link the page is
//! built for (`AppProps::link`), and in the browser, which hydrates that very DOM with the same
//! props — so nothing on screen changes when the engine takes over — and only then moves to what
//! the page's address asks for, if that is something else.

use super::card_grid::{card_grid, CardGridProps};
use super::claims::{claims_view, ClaimsViewProps};
use super::detail::DetailPanel;
use super::effects::{use_effect_each, use_effect_on};
use super::filters::FilterPanel;
use super::graph::GraphViewProps;
use super::graph_code;
use super::header::header;
use super::reader::Reader;
use super::share::ShareBar;
use super::timeline::{timeline_view, TimelineViewProps};
use super::{class_list, when};
use super::{embed, history};
use super::{perf, StoryRef};
use crate::bundled;
use crate::views::cards::CardKind;
use crate::views::query::{run, SearchIndex};
use crate::views::url_state::{decode, effective, encode, param, sticky_part};
use crate::views::view_state::{Action, View, ViewState};
use crate::views::{cards, claims, graph, layout, mentions, reader, related, timeline};
use std::rc::Rc;
use story_core::fold;
use story_core::story::{LoadError, Story};
use yew::prelude::*;

struct State(ViewState);

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(State(self.0.apply(action)))
    }
}

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// The link the page was built for: a query string without `?` (empty for the front page).
    #[prop_or_default]
    pub link: AttrValue,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let built = props.link.to_string();
    let link = use_state(|| built.clone());
    {
        // In the browser only (effects do not run on the server): once the page as built is
        // hydrated, move to the address's link if it asks for more; the explorer then says
        // when it shows it.
        let (link, built) = (link.clone(), built.clone());
        use_effect_on((), move |_| {
            super::set_hydrating(false);
            let wanted = effective(&built, &history::current_query());
            if wanted == built {
                ready(&built);
            } else {
                link.set(wanted);
            }
        });
    }
    let source = story_source(&link);
    let loaded = use_memo(source.clone(), |source| {
        load(source.as_deref()).map(|story| {
            // Only the bundled story's items have pages: the build wrote them.
            let paged = source.is_none() && crate::views::share::writes_item_pages(&story);
            StoryRef(Rc::new(story), paged)
        })
    });
    let moved = *link != built;
    match &*loaded {
        Ok(story) => html! {
            // Another story (a fixture) gets a fresh explorer; another view of the same story
            // is a change of state in the same one, so the DOM the reader is using stays.
            <Explorer key={source.unwrap_or_default()} story={story.clone()} link={(*link).clone()}
                {built} {moved} />
        },
        Err(error) => html! {
            <main class="load-error" role="alert">
                <h1>{ "This story cannot be shown" }</h1>
                <p>{ "The story data bundled with the explorer is broken, so nothing is shown rather than something wrong." }</p>
                <pre>{ error.to_string() }</pre>
            </main>
        },
    }
}

/// The explorer shows what its link asks for: tell the boot script, which replays early clicks.
fn ready(link: &str) {
    super::announce("explorer-ready");
    graph_code::prefetch();
    #[cfg(feature = "fixtures")]
    if param(link, "fault").as_deref() == Some("panic") {
        panic!("a panic was requested by the link (fault=panic)");
    }
    let _ = link;
}

/// Which story a link asks for: `None` for the bundled one.
#[cfg(feature = "fixtures")]
fn story_source(link: &str) -> Option<String> {
    param(link, "synthetic")
}

#[cfg(not(feature = "fixtures"))]
fn story_source(_link: &str) -> Option<String> {
    None
}

/// The bundled story; in a build with fixtures, `synthetic=N` gives a generated one of N items
/// for benchmarks and `synthetic=hostile` one with hostile content in every field.
fn load(source: Option<&str>) -> Result<Story, LoadError> {
    #[cfg(feature = "fixtures")]
    if let Some(source) = source {
        return crate::fixtures::load(source);
    }
    let _ = source;
    bundled::load()
}

#[derive(Properties, PartialEq)]
struct ExplorerProps {
    story: StoryRef,
    /// The link shown: the view it describes and the page settings (embed) around it.
    link: String,
    /// The link the page was built for, which its bare address means.
    built: String,
    /// Made after a move away from the page as built (so it is what the link asks for at once).
    moved: bool,
}

#[component]
fn Explorer(props: &ExplorerProps) -> Html {
    let story = props.story.clone();
    let link = use_memo((story.clone(), props.link.clone()), |(story, link)| {
        decode(link, story)
    });
    let embed = link.embed;
    let state = use_reducer(|| State(link.state.clone()));
    let notices = use_state(|| link.notices.clone());
    let view = &state.0;
    use_url_sync(&story, view, state.dispatcher(), &props.link, &props.built);
    use_link_moves(&props.story, view, state.dispatcher(), &notices, props);
    {
        // What a link could not use leaves the address too, whichever key it was in: the
        // address then shows what the page shows, and a copied link no longer carries it.
        let (view, sticky) = (view.clone(), sticky_part(&props.link));
        use_effect_on((*notices).clone(), move |notices| {
            if !notices.is_empty() {
                history::write(&view, &sticky, true);
            }
        });
    }
    super::focus::use_focus_kept();
    super::place::use_clicks_remembered();
    // Embedded, the main region shows a page at a time (see `embed::mark_clipped`); a new view
    // starts again at one.
    let pages = use_state_eq(|| 1u8);
    {
        let pages = pages.clone();
        use_effect_on(view.view, move |_| pages.set(1));
    }
    use_effect_each(embed::mark_clipped);
    // Embedded, a link's article target, or an open detail, is shown by lifting the cap until it
    // is inside the shown part: scrolling to it would scroll the host page (see `ui::guest`).
    use_effect_on(
        (
            view.view,
            view.target.clone(),
            view.selected.clone(),
            *pages,
        ),
        {
            let pages = pages.clone();
            move |(_, target, selected, shown)| {
                if (target.is_some() || selected.is_some())
                    && *shown < EMBED_PAGES
                    && embed::target_hidden()
                {
                    pages.set(shown + 1);
                }
            }
        },
    );
    use_effect_on(view.view, |_| current_view_in_sight());
    use_effect_on(view.selected.clone(), |selected| {
        if selected.is_none() {
            super::detail::forget();
        }
    });
    use_effect_on((story.clone(), view.view, view.selected.clone()), {
        let view = view.clone();
        move |(story, _, _)| {
            gloo::utils::document().set_title(&crate::views::title::document_title(story, &view))
        }
    });
    use_effect_on((embed, props.link.clone()), |(embed, link)| {
        // While hydrating, the link is the page as built; the boot script has set the
        // presentation from the address, and the move that follows brings the real flag.
        let child_id = param(link, "childId")
            .unwrap_or_else(|| crate::views::url_state::DEFAULT_CHILD_ID.to_owned());
        let reporter = (!super::hydrating()).then(|| embed::present(*embed, child_id));
        move || drop(reporter)
    });
    let all_cards = use_memo(story.clone(), |story| cards::cards(story));
    // Computed once, shared by the search index and the article view.
    let all_mentions = use_memo(story.clone(), |story| mentions::mentions(story));
    let index = use_memo(
        (story.clone(), all_cards.clone(), all_mentions.clone()),
        |(story, cards, mentions)| SearchIndex::new(story, cards, mentions),
    );
    let results = use_memo((story.clone(), view.query.clone()), {
        let index = index.clone();
        move |(_, query)| run(&index, query)
    });
    let items = use_memo(results.clone(), |results| results.items.clone());
    let terms = use_memo(view.query.text.clone(), |text| fold::terms(text));
    let detail = use_memo((story.clone(), view.selected.clone()), |(story, id)| {
        id.as_deref().and_then(|id| related::detail(story, id))
    });
    let rows = use_memo((story.clone(), items.clone(), view.view), {
        let cards = all_cards.clone();
        move |(story, items, v)| match v {
            View::Timeline => timeline::timeline(
                story,
                &cards::story_indices(story, &cards, items, CardKind::Event),
            ),
            _ => Vec::new(),
        }
    });
    let claim_views = use_memo((story.clone(), items.clone(), view.view), {
        let cards = all_cards.clone();
        move |(story, items, v)| match v {
            View::Claims => claims::claims(
                story,
                &cards::story_indices(story, &cards, items, CardKind::Claim),
            ),
            _ => Vec::new(),
        }
    });
    // Laid out the first time the graph is shown, then kept: other views never pay for it.
    let full_layout = use_mut_ref(|| None::<Rc<layout::Layout>>);
    // The graph's code: part of the engine, or its own chunk (see `graph_code`).
    let graph_chunk = graph_code::use_graph_code(view.view == View::Graph);
    let graph_here = match &graph_chunk {
        graph_code::Chunk::Here(code) => Some(*code),
        _ => None,
    };
    let visible_graph = use_memo(
        (
            story.clone(),
            items.clone(),
            view.view,
            view.selected.clone(),
            graph_here.is_some(),
        ),
        {
            let (cards, full_layout, code) = (all_cards.clone(), full_layout.clone(), graph_here);
            move |(story, items, v, selected, _)| match (v, code) {
                (View::Graph, Some(code)) => {
                    let focus = selected.as_deref().and_then(|id| match story.find(id) {
                        Some(story_core::story::ItemRef::Entity(i)) => Some(i),
                        _ => None,
                    });
                    (code.visible)(
                        story,
                        &full_layout,
                        &cards::entity_indices(story, &cards, items),
                        focus,
                    )
                }
                _ => graph::Visible::default(),
            }
        },
    );
    let paragraphs = use_memo((story.clone(), view.target.clone(), view.view), {
        let mentions = all_mentions.clone();
        move |(story, target, v)| {
            if *v != View::Article {
                return Vec::new();
            }
            let range = target
                .as_deref()
                .and_then(|id| cards::sentence_of(story, id));
            reader::paragraphs(story, &mentions, range.as_ref())
        }
    });
    use_effect_on(view.query.clone(), |_| {
        perf::measure("query", "query-start")
    });
    use_effect_on((), |_| perf::mark("story-shown"));

    let on_action = {
        let (dispatcher, selected) = (state.dispatcher(), view.selected.clone());
        Callback::from(move |action: Action| {
            // Read by the browser benchmark: from here to the rendered result is one update.
            perf::mark("query-start");
            let opens = match &action {
                Action::Select(id) => Some(id.as_str()),
                _ => None,
            };
            super::place::acting(opens, selected.as_deref());
            dispatcher.dispatch(action)
        })
    };
    // After each render: the reader's place back where Close, Escape or Back asked for it.
    use_effect_each(|| super::place::settle(focus_card));
    let switch = |to: View| {
        let current = (view.view == to).then_some("page");
        html! {
            <button type="button" class="views__button" aria-current={current}
                onclick={on_action.reform(move |_| Action::Show(to))}>{ to.label() }</button>
        }
    };
    let filters = html! {
        <FilterPanel story={story.clone()} query={view.query.clone()} filters={view.filters()}
            results={results.clone()} total={all_cards.len()} on_action={on_action.clone()} />
    };
    // Where the detail goes. On a page of its own, beside the view, or above it on a phone (the
    // page scrolls to it). Embedded, right after what was opened, where the reader is: the embed
    // may not scroll its host page to a detail at its top. In the graph, right after the canvas,
    // so that a tap on a node on a phone leaves the graph where it was, its neighbourhood lit.
    // The article shows it among its paragraphs (see `Reader`).
    let in_place = embed || view.view == View::Graph;
    let panel = (*detail).clone().map(|detail| html! {
        <DetailPanel key="detail" story={story.clone()} {detail} {in_place} on_action={on_action.clone()} on_closed={Callback::from(|id: String| if !super::place::closed(&id) { focus_card(&id, false) })} />
    });
    let (beside, inside) = if in_place && view.view != View::Article {
        (None, panel.clone())
    } else {
        (panel.clone(), None)
    };
    let body = match view.view {
        View::Cards => html! {
            <div class="explore">
                { filters }
                { card_grid(&CardGridProps { story: story.clone(), cards: all_cards.clone(), items: items.clone(), limit: view.limit,
                    selected: view.selected.clone(), terms: terms.clone(), on_action: on_action.clone(), detail: inside.clone() }) }
            </div>
        },
        View::Timeline => html! {
            <div class="explore">
                { filters }
                { timeline_view(&TimelineViewProps { story: story.clone(), rows: rows.clone(), selected: view.selected.clone(), on_action: on_action.clone(), matching: items.len(), detail: inside.clone() }) }
            </div>
        },
        View::Claims => html! {
            <div class="explore">
                { filters }
                { claims_view(&ClaimsViewProps { story: story.clone(), claims: claim_views.clone(), selected: view.selected.clone(), on_action: on_action.clone(), matching: items.len(), detail: inside.clone() }) }
            </div>
        },
        View::Graph => html! {
            <div class="explore">
                { filters }
                { match graph_chunk {
                    graph_code::Chunk::Here(code) => (code.render)(GraphViewProps { story: story.clone(), visible: visible_graph.clone(),
                        selected: view.selected.clone(), view: view.graph, on_action: on_action.clone(), detail: inside.clone() }),
                    graph_code::Chunk::Loading => html! { <>{ for inside.clone() }<p class="graph-chunk" role="status">{ "Loading the graph…" }</p></> },
                    graph_code::Chunk::Failed(retry) => html! {
                        <>{ for inside.clone() }
                        <div class="notice graph-chunk" role="alert">
                            <p>{ "The graph could not be loaded. The other views still work." }</p>
                            <button type="button" class="button" onclick={retry.reform(|_| ())}>{ "Try again" }</button>
                        </div>
                        </>
                    },
                } }
            </div>
        },
        View::Article => html! {
            <Reader story={story.clone()} paragraphs={paragraphs.clone()} on_action={on_action.clone()} detail={panel.clone()} />
        },
    };

    let dismiss = {
        let notices = notices.clone();
        Callback::from(move |_| notices.set(Vec::new()))
    };
    let title = format!(
        "Story explorer: {}",
        story.words(&story.meta().headline_at.span)
    );
    html! {
        <div class="explorer">
            if !notices.is_empty() {
                <div class="notice" role="status">
                    <p>{ format!("Part of this link could not be used, so it was left out: {}.", notices.join("; ")) }</p>
                    <button type="button" class="button" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
            { header(&story, html! { <ShareBar query={encode(view)} item={paged_item(&story, view.selected.as_deref())} {title} /> }) }
            <nav class="views" aria-label="Views">
                { for View::of(&story).into_iter().map(switch) }
            </nav>
            <main id="main" tabindex="-1" class={class_list(&["layout", when(beside.is_some() && view.view != View::Article, "layout--detail")])}
                data-pages={if *pages >= EMBED_PAGES { "all".to_owned() } else { pages.to_string() }}
                onfocusin={reveal_focused(pages.clone())}>
                if view.view != View::Article {
                    { for beside }
                }
                { body }
            </main>
            <button type="button" class="button embed-more" onclick={{
                let pages = pages.clone();
                Callback::from(move |_| pages.set(pages.saturating_add(1).min(EMBED_PAGES)))
            }}>{ "Show more" }</button>
        </div>
    }
}

/// Moves the explorer to its link when the link changes after hydration (the address asked for
/// more than the page as built), keeping what the reader typed into the page as built; and says
/// when what the link asks for is on screen.
#[hook]
fn use_link_moves(
    story: &StoryRef,
    view: &ViewState,
    dispatcher: UseReducerDispatcher<State>,
    notices: &UseStateHandle<Vec<String>>,
    props: &ExplorerProps,
) {
    let first = use_mut_ref(|| true);
    let pending = use_mut_ref(|| false);
    {
        // After every render; declared first, so it sees the move of the render before.
        let (pending, link) = (pending.clone(), props.link.clone());
        use_effect_each(move || {
            if pending.replace(false) {
                ready(&link);
            }
        });
    }
    let built = use_memo((story.clone(), props.built.clone()), |(story, built)| {
        decode(built, story).state
    });
    let (story, view, notices, moved) = (story.clone(), view.clone(), notices.clone(), props.moved);
    use_effect_on(props.link.clone(), move |link| {
        if first.replace(false) {
            if moved {
                ready(link);
            }
            return;
        }
        let decoded = decode(link, &story);
        let mut next = decoded.state;
        // Words typed into the page as built before the engine arrived are the reader's latest.
        if view.query.text != built.query.text {
            next.query.text = view.query.text.clone();
        }
        notices.set(decoded.notices);
        if next == view {
            ready(link);
        } else {
            *pending.borrow_mut() = true;
            dispatcher.dispatch(Action::Restore(next));
        }
    });
}

/// Writes each new view state to the address bar, and restores the state on Back and Forward.
#[hook]
fn use_url_sync(
    story: &StoryRef,
    view: &ViewState,
    dispatcher: UseReducerDispatcher<State>,
    link: &str,
    built: &str,
) {
    let previous = use_mut_ref(|| view.clone());
    let shown = previous.clone();
    let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let sticky = use_memo(link.to_owned(), |link| sticky_part(link));
    use_effect_on(view.clone(), move |view| {
        let before = previous.replace(view.clone());
        if before == *view {
            // The first render: the URL is what the view came from; leave it as the reader typed it.
            return;
        }
        // Typing changes only the text: replace the history entry rather than add one per key.
        let typing = before.query.text != view.query.text
            && ViewState {
                query: crate::views::query::Query {
                    text: view.query.text.clone(),
                    ..before.query.clone()
                },
                ..before
            } == *view;
        // Written after the update has been drawn, not on its path; a burst of keystrokes or drag
        // steps once it pauses.
        let write = {
            let (view, sticky) = (view.clone(), sticky.clone());
            move || history::write(&view, &sticky, typing)
        };
        let mut pending = pending.borrow_mut();
        pending.take().map(|timer| timer.cancel());
        *pending = Some(gloo::timers::callback::Timeout::new(
            if typing { 250 } else { 0 },
            write,
        ));
    });
    let (story, built) = (story.clone(), built.to_owned());
    use_effect_on((), move |_| {
        let window = gloo::utils::window();
        // The explorer puts the reader back itself, after the entry's view is drawn (`ui::place`):
        // the browser's own restoring comes before that, at the wrong height.
        if !super::guest::embedded() {
            if let Ok(history) = window.history() {
                let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
            }
        }
        let listener = gloo::events::EventListener::new(&window, "popstate", move |event| {
            let next = history::read(&story, &built);
            let open = shown.borrow().selected.clone();
            let closing = open.filter(|id| next.selected.as_ref() != Some(id));
            let scroll = wasm_bindgen::JsCast::dyn_ref::<web_sys::PopStateEvent>(event)
                .and_then(|e| history::scroll_of(&e.state()));
            super::place::returned(scroll, closing);
            dispatcher.dispatch(Action::Restore(next));
        });
        move || drop(listener)
    });
}

/// Scrolls the one-row view switcher sideways (never the page) so that the current view's button
/// is in sight: on a phone the row is wider than the screen.
fn current_view_in_sight() {
    let document = gloo::utils::document();
    let (Some(nav), Some(button)) = (
        document.query_selector(".views").ok().flatten(),
        document
            .query_selector(".views__button[aria-current=\"page\"]")
            .ok()
            .flatten(),
    ) else {
        return;
    };
    let (row, it) = (
        nav.get_bounding_client_rect(),
        button.get_bounding_client_rect(),
    );
    // Clear of the 3rem the stylesheet fades at an end that has more (`.views[data-more]`).
    const FADE: f64 = 48.0;
    let by = if it.left() < row.left() + FADE {
        it.left() - row.left() - FADE
    } else if it.right() > row.right() - FADE {
        it.right() - row.right() + FADE
    } else {
        return;
    };
    nav.set_scroll_left(nav.scroll_left() + by as i32);
}

/// How many "Show more" steps an embed takes before it shows everything: the stylesheet doubles
/// the region's height at each (pages 1 to 3), the last lifts the cap.
const EMBED_PAGES: u8 = 4;

/// Embedded, a keyboard reader who tabs past the shown part of the main region gets all of it,
/// rather than a focused control hidden under the cap.
fn reveal_focused(pages: UseStateHandle<u8>) -> Callback<FocusEvent> {
    use wasm_bindgen::JsCast;
    Callback::from(move |e: FocusEvent| {
        let Some(target) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Some(main) = gloo::utils::document().get_element_by_id("main") else {
            return;
        };
        let below =
            target.get_bounding_client_rect().bottom() > main.get_bounding_client_rect().bottom();
        // A detail opened in place is shown a page at a time instead, as far as it goes (above).
        let in_detail = target.closest("#detail").ok().flatten().is_some();
        if below && !in_detail && *pages < EMBED_PAGES {
            pages.set(EMBED_PAGES);
        }
    })
}

/// Returns focus to the card whose detail was just closed, so keyboard readers keep their place;
/// if the view shows no card for it (another view, a filter, Back), to the item in that view, and
/// failing that to the main region, never to the page itself. `in_place` when the page has just
/// been scrolled back to where the reader was (see `ui::place`): focus then scrolls nothing.
fn focus_card(id: &str, in_place: bool) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let focus = |element: &web_sys::Element| {
        if in_place {
            super::guest::focus_in_place(element);
        } else {
            super::guest::focus(element);
        }
    };
    // In the graph, the node: the canvas is the one tab stop, and its active node the place.
    if let (Some(canvas), Ok(Some(_))) = (
        document.query_selector(".graph__canvas").ok().flatten(),
        document.query_selector(&format!(".node[data-id=\"{id}\"]")),
    ) {
        let _ = canvas.set_attribute("data-return", id);
        return focus(&canvas);
    }
    // The control it was opened from, if it is still there; else the item's own control in the
    // view (not in the detail, which carries the same data-id and is closing); else the region.
    let item = format!(":not(#detail)[data-id=\"{id}\"]");
    let in_view = format!("{item} button, {item} a[href], {item}[tabindex]");
    let element = super::place::return_to()
        .or_else(|| document.get_element_by_id(&format!("open-{id}")))
        .or_else(|| document.query_selector(&in_view).ok().flatten())
        .or_else(|| document.get_element_by_id("main"));
    if let Some(element) = element {
        focus(&element);
    }
}

/// The open item, if it has a page of its own.
fn paged_item(story: &StoryRef, selected: Option<&str>) -> Option<String> {
    selected
        .filter(|id| story.1 && crate::views::share::has_page(story, id))
        .map(str::to_owned)
}

// A child of this module, so that it reaches the explorer without opening it to the crate; last
// in the file and behind a feature, so that the reader's engine is built exactly as without it.
#[cfg(feature = "preview")]
pub mod preview;
