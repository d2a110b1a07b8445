//! The editor's page in the browser: the root component, the panes it lays out, and the few
//! places that touch the DOM (the selection, files, downloads, storage).

mod article;
mod export;
mod item_form;
mod items;
mod preview;
mod start_form;
mod state;
mod storage;

use crate::shortcuts::{shortcut, Shortcut};
use crate::PREVIEW_FRAME;
use state::{Act, EditorState, Note, Tab};
use std::ops::Range;
use story_edit::Edit;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Starts the page: the editor, or, in the preview's frame, the explorer over the saved story.
pub fn start() {
    install_panic_hook();
    let window = gloo::utils::window();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    root.set_text_content(None);
    if window.name().ok().as_deref() == Some(PREVIEW_FRAME) {
        // The explorer's stylesheet shows its controls once its engine runs (static/boot.js
        // says so on the reader's page); here the engine is this page's own.
        if let Some(html) = gloo::utils::document().document_element() {
            let _ = html.set_attribute("data-engine", "ready");
        }
        yew::Renderer::<preview::PreviewPage>::with_root(root).render();
    } else {
        yew::Renderer::<Editor>::with_root(root).render();
    }
}

/// A panic shows a message in place of the page, never a blank one; the work is in storage.
fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        gloo::console::error!(format!("The story editor stopped: {info}"));
        let document = gloo::utils::document();
        if let Some(app) = document.get_element_by_id("app") {
            let _ = app.set_attribute("hidden", "");
        }
        if let Some(fatal) = document.get_element_by_id("fatal") {
            fatal.set_text_content(Some(
                "The editor stopped because of an error in it. Every change up to the last one \
                 is kept in this browser: reload the page to go on.",
            ));
            let _ = fatal.remove_attribute("hidden");
        }
    }));
}

/// Announces the page is ready to tests and benchmarks (`data-ready` on `<html>`).
fn mark_ready() {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("data-ready", "");
    }
}

#[component]
pub fn Editor() -> Html {
    let state = use_reducer(|| match storage::load() {
        Ok(session) => EditorState::new(session, None),
        Err(why) => EditorState::new(
            None,
            Some(Note {
                text: why,
                error: true,
                about: None,
                force_delete: None,
            }),
        ),
    });
    let selection = use_state_eq(|| None::<Range<usize>>);
    {
        // Words typed into a field the page closed on, before the field was left: into the
        // story, with the item open and a note that says so.
        let (dispatcher, session) = (state.dispatcher(), state.session.clone());
        use_effect_with((), move |_| {
            let kept = storage::take_typing();
            let restored = session.zip(kept).and_then(|(s, kept)| {
                crate::typing::restore(&s.borrow(), &kept).map(|r| (kept, r))
            });
            if let Some((kept, (edit, label))) = restored {
                dispatcher.dispatch(Act::Edit(edit));
                dispatcher.dispatch(Act::Select(Some(kept.item)));
                dispatcher.dispatch(Act::Say(Note {
                    text: format!(
                        "What you were typing in “{label}” when the page closed is kept: it is in the story now (Undo takes it back)."
                    ),
                    error: false,
                    about: None,
                    force_delete: None,
                }));
            }
        });
    }
    use_effect_with((), |_| mark_ready());
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            // Not passive: the browser's own undo (which would restore a field's typing and
            // move focus into it) is replaced by the story's.
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let listener = gloo::events::EventListener::new_with_options(
                &document,
                "keydown",
                options,
                move |event| {
                    let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    let in_field = key
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|el| {
                            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        });
                    match shortcut(
                        &key.key(),
                        key.ctrl_key(),
                        key.meta_key(),
                        key.shift_key(),
                        in_field,
                    ) {
                        Some(Shortcut::Undo) => {
                            key.prevent_default();
                            dispatcher.dispatch(Act::Undo);
                        }
                        Some(Shortcut::Redo) => {
                            key.prevent_default();
                            dispatcher.dispatch(Act::Redo);
                        }
                        None => {}
                    }
                },
            );
            move || drop(listener)
        });
    }
    {
        // Another pane starts at its top, not at the scroll position of the one left.
        let first = use_mut_ref(|| true);
        use_effect_with(state.tab, move |_| {
            if !first.replace(false) {
                gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        });
    }
    {
        // An item just made: its row on screen and focused, its form open below it. After the
        // effect above, which a move to the items' tab triggers in the same render.
        let selected = state.selected.clone();
        use_effect_with(state.reveal, move |reveal| {
            let row = selected.filter(|_| *reveal > 0).and_then(|id| {
                gloo::utils::document()
                    .query_selector(&format!(
                        "li.item-row[data-id=\"{id}\"] > .item-row__button"
                    ))
                    .ok()
                    .flatten()
            });
            if let Some(button) = row.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
                button.scroll_into_view();
                let _ = button.focus();
            }
        });
    }
    let act = {
        let dispatcher = state.dispatcher();
        Callback::from(move |a: Act| dispatcher.dispatch(a))
    };
    let top_note = state.note.as_ref().filter(|n| n.about.is_none()).cloned();
    let note_html = top_note.map(|n| {
        html! {
            <div class={classes!("editor-note", n.error.then_some("editor-note--error"))} role={if n.error { "alert" } else { "status" }}>
                <p>{ n.text }</p>
                <button type="button" class="button" onclick={act.reform(|_| Act::Dismiss)}>{ "Dismiss" }</button>
            </div>
        }
    });
    let unsaved = state.unsaved.clone().map(|why| {
        html! {
            <p class="editor-note editor-note--error" role="alert">{ why }</p>
        }
    });
    let offered = state.offered.as_ref().map(|offered| {
        let headline = headline(&offered.borrow());
        html! {
            <section class="editor-confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
                <h2 id="confirm-title">{ "Replace the story in progress?" }</h2>
                <p id="confirm-text">{ format!("You opened “{headline}”. The story you are editing now will be replaced, with its undo history; export it first if you need it.") }</p>
                <div class="editor-actions">
                    <button type="button" class="button" onclick={act.reform(|_| Act::KeepCurrent)} autofocus=true>{ "Keep editing the current story" }</button>
                    <button type="button" class="button button--danger" onclick={act.reform(|_| Act::Replace)}>{ "Replace it" }</button>
                </div>
            </section>
        }
    });
    let Some(session) = state.session.clone() else {
        return html! {
            <div class="editor">
                { bar(None, &state, &act) }
                <main id="main" class="editor-start-page">{ note_html }{ unsaved }{ offered }
                    <start_form::StartForm on_act={act.clone()} in_progress={false} />
                </main>
            </div>
        };
    };
    if state.starting || state.offered.is_some() {
        return html! {
            <div class="editor">
                { bar(Some(&session), &state, &act) }
                <main id="main" class="editor-start-page">{ note_html }{ unsaved }{ offered }
                    if state.offered.is_none() {
                        <start_form::StartForm on_act={act.clone()} in_progress={true} />
                    }
                </main>
            </div>
        };
    }
    let tab = state.tab;
    let tab_button = |to: Tab, label: Html| {
        html! {
            <button type="button" class="editor-tabs__button" aria-pressed={(tab == to).to_string()}
                onclick={act.reform(move |_| Act::Show(to))}>{ label }</button>
        }
    };
    let on_selection = {
        let selection = selection.clone();
        Callback::from(move |r: Option<Range<usize>>| selection.set(r))
    };
    let groups = use_memo(state.version, {
        let (session, problems) = (session.clone(), state.problems.clone());
        move |_| crate::outline::outline(&session.borrow(), &problems)
    });
    let session_ref = session.borrow();
    html! {
        <div class="editor">
            { bar(Some(&session), &state, &act) }
            <datalist id="entity-names">
                { for session_ref.file().entities.iter().map(|e| html! { <option value={e.name.clone()}>{ format!("{} ({})", e.name, crate::form::kind_word(e.kind).1) }</option> }) }
            </datalist>
            <nav class="editor-tabs" aria-label="Panes">
                { tab_button(Tab::Article, html! { <><span class="wide-only">{ "Article and items" }</span><span class="narrow-only">{ "Article" }</span></> }) }
                <span class="narrow-only">{ tab_button(Tab::Items, html! { { items_label(state.problems.len()) } }) }</span>
                { tab_button(Tab::Preview, html! { "Preview" }) }
            </nav>
            <main id="main" class="editor-main" data-tab={format!("{tab:?}").to_lowercase()}>
                { note_html }{ unsaved }
                if tab == Tab::Preview {
                    <preview::PreviewFrame version={state.version} problems={state.problems.len()} />
                } else {
                    <article::ArticlePane session={session.clone()} version={state.version} groups={groups.clone()}
                        selected={state.selected.clone()} selection={(*selection).clone()}
                        on_selection={on_selection} on_act={act.clone()} />
                    <items::ItemsPane session={session.clone()} version={state.version} groups={groups.clone()}
                        problems={state.problems.clone()} selected={state.selected.clone()}
                        selection={(*selection).clone()} note={state.note.clone()} on_act={act.clone()} />
                }
            </main>
        </div>
    }
}

fn items_label(problems: usize) -> String {
    match problems {
        0 => "Items".to_owned(),
        n => format!("Items · {}", count_label(n)),
    }
}

fn count_label(problems: usize) -> String {
    match problems {
        0 => "no problems".to_owned(),
        1 => "1 problem".to_owned(),
        n => format!("{n} problems"),
    }
}

fn headline(session: &story_edit::Session) -> String {
    session.file().meta.headline.text().to_owned()
}

/// The bar at the top: the story, its state, and the acts on the whole story.
fn bar(shared: Option<&state::Shared>, state: &EditorState, act: &Callback<Act>) -> Html {
    let Some(shared) = shared else {
        return html! {
            <header class="editor-bar">
                <h1 class="editor-bar__title">{ "Story editor" }</h1>
            </header>
        };
    };
    let session = shared.borrow();
    let review = session.unreviewed().len();
    let status = match (session.file().meta.draft, review, state.problems.len()) {
        (false, _, 0) => "Checked: ready to publish".to_owned(),
        (_, 0, 0) => {
            "Draft: no problems; mark it checked when you have read it against the article"
                .to_owned()
        }
        (_, r, p) => format!("Draft: {} to review, {}", r, count_label(p)),
    };
    html! {
        <header class="editor-bar">
            <h1 class="editor-bar__title">{ "Story editor" }<span class="editor-bar__story">{ headline(&session) }</span></h1>
            <p class="editor-bar__status" role="status">{ status }</p>
            <div class="editor-bar__actions">
                <button type="button" class="button" disabled={!session.can_undo()} onclick={act.reform(|_| Act::Undo)}
                    aria-keyshortcuts="Control+Z Meta+Z">{ "Undo" }</button>
                <button type="button" class="button" disabled={!session.can_redo()} onclick={act.reform(|_| Act::Redo)}
                    aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z">{ "Redo" }</button>
                <export::ExportButton session={shared.clone()} version={state.version} problems={state.problems.len()} />
                if session.file().meta.draft {
                    <button type="button" class="button" onclick={act.reform(|_| Act::Edit(Edit::MarkChecked))}>{ "Mark as checked" }</button>
                }
                <button type="button" class="button" onclick={act.reform(|_| Act::Starting(true))}>{ "New story" }</button>
            </div>
        </header>
    }
}
