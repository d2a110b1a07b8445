//! Sharing the current view: "Copy link", and "Embed" with a ready snippet in a dialog; in the
//! embed itself, a link that opens the full explorer in a new tab. Both are in the DOM and the
//! stylesheet shows the one the page's `data-embed` asks for. The page's absolute address is
//! read when a button is used, never while rendering (the build knows no address).

use super::history::page_url;
use crate::views::share::{embed_snippet, explorer_root, item_link, link};
use crate::views::url_state::THEMES;

/// How the Embed dialog names each of `THEMES`.
const THEME_LABELS: [&str; 3] = [
    "Light (for most news pages)",
    "Dark",
    "The reader’s system setting",
];
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    /// The current view's query string (without the embed flag).
    pub query: String,
    /// The open item, if it has a page of its own: the copied link is that page's.
    pub item: Option<String>,
    pub title: AttrValue,
}

/// Copies `text`; `on_done` gets whether it worked (clipboards can be refused).
fn copy(text: String, on_done: Callback<bool>) {
    let Some(window) = web_sys::window() else {
        return on_done.emit(false);
    };
    let promise = window.navigator().clipboard().write_text(&text);
    yew::platform::spawn_local(async move {
        on_done.emit(JsFuture::from(promise).await.is_ok());
    });
}

#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let status = use_state(String::new);
    // The explorer's address, read when the dialog opens (never while rendering), and the
    // colours the host page wants.
    let root = use_state(String::new);
    let theme = use_state(|| THEMES[0].to_owned());
    let snippet = embed_snippet(&root, &props.query, &props.title, &theme);
    let dialog = use_node_ref();
    // Relative, so that the page as built and as hydrated agree; it resolves to this page.
    let here = link("./", &props.query);
    let report = |done: &'static str, failed: &'static str| {
        let status = status.clone();
        Callback::from(move |ok: bool| status.set(if ok { done } else { failed }.to_owned()))
    };
    let on_copy = {
        let (query, item, report) = (
            props.query.clone(),
            props.item.clone(),
            report(
                "Link copied.",
                "Copying was refused; the link is in the address bar.",
            ),
        );
        Callback::from(move |_| {
            let page = page_url();
            let root = explorer_root(&page);
            copy(
                item_link(root, item.as_deref(), true, &query),
                report.clone(),
            )
        })
    };
    let on_copy_snippet = {
        let (snippet, report) = (
            snippet.clone(),
            report(
                "Embed code copied.",
                "Copying was refused; select the code and copy it.",
            ),
        );
        Callback::from(move |_| copy(snippet.clone(), report.clone()))
    };
    let open = {
        let (dialog, root) = (dialog.clone(), root.clone());
        Callback::from(move |_| {
            root.set(explorer_root(&page_url()).to_owned());
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                let _ = d.show_modal();
            }
        })
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(area) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            area.select();
        }
    });
    html! {
        <>
        <div class="share">
            <button type="button" class="button" onclick={on_copy}>{ "Copy link" }</button>
            <button type="button" class="button" onclick={open}>{ "Embed" }</button>
            <p class="share__status" role="status">{ (*status).clone() }</p>
            <dialog ref={dialog} class="embed-dialog" aria-labelledby="embed-title">
                <h2 id="embed-title">{ "Embed this view" }</h2>
                <p>{ "Paste this into your page. It starts at the current view, resizes itself to its content, and works without any other script." }</p>
                <fieldset class="embed-dialog__theme">
                    <legend>{ "Colours" }</legend>
                    { for THEMES.into_iter().zip(THEME_LABELS).map(|(value, label)| {
                        let theme = theme.clone();
                        html! {
                            <label>
                                <input type="radio" name="embed-theme" {value} checked={*theme == value}
                                    onchange={Callback::from(move |_| theme.set(value.to_owned()))} />
                                { label }
                            </label>
                        }
                    }) }
                </fieldset>
                <label for="embed-code">{ "Embed code" }</label>
                <textarea id="embed-code" readonly=true rows="10" value={snippet} onfocus={select_all} />
                <div class="embed-dialog__actions">
                    <button type="button" class="button" onclick={on_copy_snippet}>{ "Copy embed code" }</button>
                    <button type="button" class="button" onclick={close}>{ "Close" }</button>
                </div>
            </dialog>
        </div>
        <p class="share share--embed">
            <a href={here} target="_blank" rel="noopener">{ "Open the full explorer" }<span class="visually-hidden">{ " (opens in a new tab)" }</span></a>
        </p>
        </>
    }
}
