//! Components in headless Chromium: what they render and what a click sends back.
//! Run with `cargo test --target wasm32-unknown-unknown --test components` (scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use story_core::story::Story;
use story_explorer::bundled;
use story_explorer::ui::{
    show_fatal_error, App, AppProps, CardView, CardViewProps, DetailPanel, DetailPanelProps,
    StoryRef,
};
use story_explorer::views::cards::{cards, Card};
use story_explorer::views::related::detail;
use story_explorer::views::view_state::Action;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn story() -> StoryRef {
    StoryRef(Rc::new(bundled::load().expect("bundled story")), true)
}

fn card(story: &Story, id: &str) -> Card {
    cards(story)
        .into_iter()
        .find(|c| c.id == id)
        .expect("card exists")
}

fn root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// A callback that records what it was sent.
fn recorder<T: 'static>() -> (Callback<T>, Rc<RefCell<Vec<T>>>) {
    let sent = Rc::new(RefCell::new(Vec::new()));
    let sink = sent.clone();
    (
        Callback::from(move |value| sink.borrow_mut().push(value)),
        sent,
    )
}

fn click(root: &Element, selector: &str) {
    let element = root.query_selector(selector).unwrap().expect(selector);
    element.dyn_into::<HtmlElement>().unwrap().click();
}

#[wasm_bindgen_test]
async fn an_event_card_shows_its_date_at_month_precision_with_the_words() {
    let story = story();
    let root = root();
    let (on_action, _) = recorder();
    let props = CardViewProps {
        card: card(&story, "meeting-july"),
        story: story.clone(),
        selected: false,
        terms: Rc::default(),
        on_action,
    };
    yew::Renderer::<CardView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let time = root.query_selector("time").unwrap().expect("a <time>");
    assert_eq!(time.get_attribute("datetime").as_deref(), Some("2016-07"));
    assert_eq!(time.text_content().as_deref(), Some("July 2016"));
    let text = root.text_content().unwrap();
    assert!(text.contains("(“July”)"), "{text}");
    assert!(text.contains("Jeff Sessions and Sergey Kislyak"), "{text}");
    let mark = root.query_selector(".source mark").unwrap().unwrap();
    assert_eq!(
        mark.text_content().as_deref(),
        Some("the meetings occurred in July and September")
    );
}

#[wasm_bindgen_test]
async fn a_card_marks_search_terms_and_sends_its_actions() {
    let story = story();
    let root = root();
    let (on_action, sent) = recorder();
    let props = CardViewProps {
        card: card(&story, "peskov-no-details"),
        story: story.clone(),
        selected: false,
        terms: Rc::new(vec!["details".to_owned()]),
        on_action,
    };
    yew::Renderer::<CardView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let title = root
        .query_selector(".card__open")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(title.trim(), "“I don't know the details of any meetings”");
    let hit = root
        .query_selector(".card__open mark.hit")
        .unwrap()
        .expect("the search term is marked");
    assert_eq!(hit.text_content().as_deref(), Some("details"));
    click(&root, ".card__open");
    click(&root, ".card__show");
    assert_eq!(
        *sent.borrow(),
        [
            Action::Select("peskov-no-details".into()),
            Action::ShowInArticle("peskov-no-details".into())
        ]
    );
}

#[wasm_bindgen_test]
async fn a_detail_links_related_items_and_closes() {
    let story = story();
    let root = root();
    let (on_action, sent) = recorder();
    let (on_closed, closed) = recorder();
    let detail = detail(&story, "sergey-kislyak").expect("detail");
    let props = DetailPanelProps {
        story: story.clone(),
        detail,
        on_action,
        on_closed,
        in_place: false,
    };
    yew::Renderer::<DetailPanel>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let links: Vec<String> = (0..)
        .map_while(|i| root.query_selector_all(".link-button").unwrap().item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect();
    assert!(
        links.contains(&"Jeff Sessions met with Sergey Kislyak".to_owned()),
        "{links:?}"
    );
    click(&root, ".link-button[data-id='sessions-met-kislyak']");
    click(&root, ".detail__close");
    assert_eq!(
        *sent.borrow(),
        [Action::Select("sessions-met-kislyak".into()), Action::Close]
    );
    assert_eq!(*closed.borrow(), ["sergey-kislyak"]);
}

#[wasm_bindgen_test]
async fn the_app_renders_one_card_per_item() {
    let story = story();
    let root = root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let shown = root.query_selector_all(".card").unwrap().length() as usize;
    assert_eq!(shown, cards(&story).len());
    assert_eq!(
        root.query_selector("h1")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Jeff Sessions")
    );
}

#[wasm_bindgen_test]
fn the_fatal_message_replaces_the_app() {
    let document = gloo::utils::document();
    let app = document.create_element("div").unwrap();
    app.set_id("app");
    document.body().unwrap().append_child(&app).unwrap();
    show_fatal_error("something specific broke");
    let fatal = document
        .get_element_by_id("fatal")
        .expect("#fatal is created when missing");
    let text = fatal.text_content().unwrap();
    assert!(
        text.contains("stopped working") && text.contains("something specific broke"),
        "{text}"
    );
    assert_eq!(fatal.get_attribute("role").as_deref(), Some("alert"));
    assert!(app.has_attribute("hidden"));
}

/// An element as a canonical string: tag, sorted attributes, children (call `normalize` first,
/// since the engine may split a text where the build did not).
fn canonical(node: &web_sys::Node) -> String {
    match node.node_type() {
        web_sys::Node::TEXT_NODE => format!("{:?}", node.text_content().unwrap_or_default()),
        web_sys::Node::ELEMENT_NODE => {
            let element: &Element = node.unchecked_ref();
            let mut attributes: Vec<String> = element
                .get_attribute_names()
                .iter()
                .filter_map(|name| name.as_string())
                .map(|name| {
                    format!(
                        "{name}={:?}",
                        element.get_attribute(&name).unwrap_or_default()
                    )
                })
                .collect();
            attributes.sort();
            let mut children = String::new();
            let mut child = node.first_child();
            while let Some(c) = child {
                children.push_str(&canonical(&c));
                child = c.next_sibling();
            }
            let tag = element.local_name();
            format!("<{tag} {}>{children}</{tag}>", attributes.join(" "))
        }
        _ => String::new(),
    }
}

/// Hydrates `root` and waits for the app to say it is ready (Yew's `flush` does not settle
/// after a hydration).
async fn hydrated(root: Element, props: AppProps) -> yew::AppHandle<App> {
    let (sender, ready) = futures::channel::oneshot::channel();
    let mut sender = Some(sender);
    let _listener =
        gloo::events::EventListener::new(&gloo::utils::document(), "explorer-ready", move |_| {
            if let Some(sender) = sender.take() {
                let _ = sender.send(());
            }
        });
    let app = yew::Renderer::<App>::with_root_and_props(root, props).hydrate();
    let _ = ready.await;
    app
}

/// What the build renders and the engine hydrates, for what the seed story does not reach
/// ("Show more" past 150 cards, hostile text): hydration must adopt the DOM exactly, since a
/// mismatch panics, and change nothing on screen. The e2e tests do the same on the built pages,
/// in every view (this debug build is too slow for the hostile story in all of them).
#[wasm_bindgen_test]
async fn hydration_adopts_the_server_render_unchanged_for_large_and_hostile_stories() {
    let mut drift = Vec::new();
    for link in [
        "synthetic=200",
        "synthetic=200&view=graph",
        "synthetic=hostile",
    ] {
        {
            let link = link.to_owned();
            let props = AppProps {
                link: link.clone().into(),
            };
            let html = yew::LocalServerRenderer::<App>::with_props(props.clone())
                .hydratable(true)
                .render()
                .await;
            let page = root();
            page.set_inner_html(&html);
            page.normalize();
            let built = canonical(&page);
            let app = hydrated(page.clone(), props).await;
            page.normalize();
            let live = canonical(&page);
            if link == "synthetic=200" && !built.contains("Show more") {
                drift.push(format!(
                    "{link}: no \"Show more\" button, so not the case meant"
                ));
            }
            if built != live {
                let at = built
                    .bytes()
                    .zip(live.bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                let around = |s: &str| {
                    let mut from = at.saturating_sub(150);
                    while !s.is_char_boundary(from) {
                        from -= 1;
                    }
                    s[from..].chars().take(300).collect::<String>()
                };
                drift.push(format!(
                    "{link}: first difference at byte {at}\n built: {}\n live:  {}",
                    around(&built),
                    around(&live)
                ));
            }
            app.destroy();
            page.remove();
        }
    }
    assert!(drift.is_empty(), "{}", drift.join("\n"));
}
