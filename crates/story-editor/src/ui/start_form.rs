//! The start: paste an article (drafted here, in the page), or open a story's files.

use super::state::Act;
use crate::MAX_ARTICLE_BYTES;
use story_core::dates::PartialDate;
use story_edit::{open, start, OpenError, Options, Session};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{File, FileList, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartFormProps {
    pub on_act: Callback<Act>,
    /// A story is in progress: what is made here is offered, never taken without asking.
    pub in_progress: bool,
}

/// The article pasted, checked before it is drafted.
fn draft(text: &str, date: &str) -> Result<Session, String> {
    let text = text.replace("\r\n", "\n");
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(format!(
            "That is {} KB of text; the editor takes one article of up to {} KB. Paste a single article.",
            text.len() / 1000,
            MAX_ARTICLE_BYTES / 1000
        ));
    }
    if text.trim().is_empty() {
        return Err("Paste the article's text first: the headline on the first line, then one paragraph per line.".to_owned());
    }
    let published = match date.trim() {
        "" => None,
        d => Some(
            PartialDate::parse_iso(d)
                .ok_or_else(|| format!("“{d}” is not a date; write it as 2017-03-02."))?,
        ),
    };
    start(&text, &Options { published }).map_err(|e| match e {
        // The extractor's words are for its command line (`--published`).
        OpenError::Draft(why) if published.is_none() && why.contains("date") => {
            "The article prints no date to date it by: give its publication date above, then draft again.".to_owned()
        }
        e => e.to_string(),
    })
}

async fn read(file: &File) -> Result<String, String> {
    if file.size() > (2 * MAX_ARTICLE_BYTES) as f64 {
        return Err(format!(
            "“{}” is too large to be a story's file.",
            file.name()
        ));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| format!("“{}” could not be read.", file.name()))?;
    text.as_string()
        .ok_or_else(|| format!("“{}” is not text.", file.name()))
}

/// The story's files, opened: `story.toml` (any `.toml`) with `article.txt` (any `.txt`);
/// an article alone is drafted.
async fn open_files(files: Vec<File>, date: String) -> Result<Session, String> {
    let toml = files.iter().find(|f| f.name().ends_with(".toml"));
    let article = files.iter().find(|f| f.name().ends_with(".txt"));
    let others: Vec<String> = files
        .iter()
        .filter(|f| !f.name().ends_with(".toml") && !f.name().ends_with(".txt"))
        .map(|f| f.name())
        .collect();
    if !others.is_empty() {
        return Err(format!(
            "{} is not a story's file: open article.txt and story.toml (or an article's text alone).",
            others.join(", ")
        ));
    }
    match (article, toml) {
        (Some(a), Some(t)) => {
            let article = read(a).await?.replace("\r\n", "\n");
            let story = read(t).await?;
            open(&article, &story).map_err(|e| format!("{e} (in {})", t.name()))
        }
        (Some(a), None) => draft(&read(a).await?, &date),
        (None, Some(_)) => Err("Open the story's article.txt together with its story.toml: the story's items are words of that article.".to_owned()),
        (None, None) => Err("Choose article.txt and story.toml, or an article's text alone.".to_owned()),
    }
}

fn list(files: Option<FileList>) -> Vec<File> {
    let Some(files) = files else {
        return Vec::new();
    };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

#[component]
pub fn StartForm(props: &StartFormProps) -> Html {
    let text = use_node_ref();
    let date = use_node_ref();
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let dragging = use_state(|| false);
    let take = {
        let (on_act, error) = (props.on_act.clone(), error.clone());
        Callback::from(move |result: Result<Session, String>| match result {
            Ok(session) => {
                error.set(None);
                on_act.emit(Act::Offer(Box::new(session)));
            }
            Err(why) => error.set(Some(why)),
        })
    };
    let date_value = {
        let date = date.clone();
        move || {
            date.cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default()
        }
    };
    let on_draft = {
        let (text, take, date_value) = (text.clone(), take.clone(), date_value.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let pasted = text
                .cast::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            take.emit(draft(&pasted, &date_value()));
        })
    };
    let open_list = {
        let (take, busy, date_value) = (take.clone(), busy.clone(), date_value.clone());
        move |files: Vec<File>| {
            let (take, busy, date) = (take.clone(), busy.clone(), date_value());
            busy.set(true);
            spawn_local(async move {
                let result = open_files(files, date).await;
                busy.set(false);
                take.emit(result);
            });
        }
    };
    let on_pick = {
        let open_list = open_list.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = list(input.files());
            input.set_value("");
            if !files.is_empty() {
                open_list(files);
            }
        })
    };
    let on_drop = {
        let (open_list, dragging) = (open_list.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = list(e.data_transfer().and_then(|d| d.files()));
            if !files.is_empty() {
                open_list(files);
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let described = error.is_some().then_some("start-error");
    html! {
        <section class={classes!("editor-start", (*dragging).then_some("editor-start--dragging"))} aria-labelledby="start-title"
            ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
            <h2 id="start-title">{ if props.in_progress { "Start another story" } else { "Make a new story" } }</h2>
            if let Some(why) = &*error {
                <p id="start-error" class="editor-note editor-note--error" role="alert">{ why.clone() }</p>
            }
            <form class="editor-start__paste" onsubmit={on_draft}>
                <label for="article-text">{ "The article’s text" }</label>
                <p class="editor-hint" id="article-hint">{ "The headline on the first line, then one paragraph per line, as published. The draft finds the quotes and their speakers, the people, organizations, places and dates; you check each one." }</p>
                <textarea id="article-text" ref={text} rows="12" spellcheck="false"
                    aria-describedby={classes!("article-hint", described).to_string()} />
                <label for="published">{ "Publication date" }</label>
                <p class="editor-hint" id="published-hint">{ "Needed only when the article does not print it." }</p>
                <input id="published" type="date" ref={date} aria-describedby="published-hint" />
                <button type="submit" class="button button--primary">{ "Draft the story" }</button>
            </form>
            <div class="editor-start__open">
                <h3>{ "Or open a story’s files" }</h3>
                <p class="editor-hint" id="open-hint">{ "Its article.txt and story.toml together (or drop them here). An article.txt alone is drafted." }</p>
                <label for="story-files">{ "The story’s files" }</label>
                <input id="story-files" type="file" multiple=true accept=".txt,.toml,text/plain"
                    aria-describedby="open-hint" onchange={on_pick} disabled={*busy} />
            </div>
            if props.in_progress {
                <button type="button" class="button" onclick={props.on_act.reform(|_| Act::Starting(false))}>{ "Back to the story in progress" }</button>
            }
            <p class="editor-hint">{ "Everything stays in this browser: nothing you paste or open is sent anywhere." }</p>
        </section>
    }
}
