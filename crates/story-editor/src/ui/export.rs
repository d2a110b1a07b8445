//! Export: the story's files, as the build takes them, downloaded from the page.

use super::state::Shared;
use story_edit::export;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportButtonProps {
    pub session: Shared,
    pub version: u64,
    pub problems: usize,
}

/// Saves `body` as the file `name` through a link to it (no request: a blob of the page).
fn download(name: &str, body: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&body.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = gloo::utils::document()
        .create_element("a")
        .ok()?
        .dyn_into()
        .ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoked later: the download reads the blob after this returns.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Some(())
}

#[component]
pub fn ExportButton(props: &ExportButtonProps) -> Html {
    let file = |name: &'static str| {
        let session = props.session.clone();
        Callback::from(move |_| {
            let (story, article) = export(&session.borrow());
            download(
                name,
                if name == "story.toml" {
                    &story
                } else {
                    &article
                },
            );
        })
    };
    let state = match props.problems {
        0 => "The build accepts it as it is.".to_owned(),
        n => format!(
            "The build refuses it until its {} fixed.",
            if n == 1 {
                "problem is".to_owned()
            } else {
                format!("{n} problems are")
            }
        ),
    };
    html! {
        <details class="export">
            <summary class="button">{ "Export" }</summary>
            <div class="export__panel">
                <p>{ "The two files of the story’s folder (stories/<id>/), for the build and for scripts/check-story.sh. " }{ state }</p>
                <button type="button" class="button button--primary" onclick={file("story.toml")}>{ "Download story.toml" }</button>
                <button type="button" class="button" onclick={file("article.txt")}>{ "Download article.txt" }</button>
            </div>
        </details>
    }
}
