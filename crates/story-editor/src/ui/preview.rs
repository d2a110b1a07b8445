//! The preview: the explorer itself over the story being edited, in a frame of this same page
//! (named `PREVIEW_FRAME`), which reads the story from the browser's storage, where every change
//! is kept as it is made.

use crate::PREVIEW_FRAME;
use std::rc::Rc;
use story_core::story::validate;
use story_explorer::ui::Preview;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PreviewFrameProps {
    pub version: u64,
    pub problems: usize,
}

#[component]
pub fn PreviewFrame(props: &PreviewFrameProps) -> Html {
    html! {
        <section class="pane pane--preview" aria-labelledby="preview-title">
            <h2 id="preview-title" class="pane__title">{ "Preview" }</h2>
            <p class="pane__summary">{ "The explorer as readers will see it, every view, from the story as it is now." }</p>
            // A new frame for each version: it shows the latest change.
            <iframe key={props.version.to_string()} name={PREVIEW_FRAME} src="./" class="preview-frame"
                title="Preview of the story explorer"></iframe>
        </section>
    }
}

/// The frame's page: the explorer over the saved story, or why it cannot be shown yet.
#[component]
pub fn PreviewPage() -> Html {
    let story = use_memo((), |_| {
        match super::storage::load() {
        Ok(Some(session)) => validate(session.file().clone(), session.article())
            .map(Rc::new)
            .map_err(|problems| {
                format!(
                    "The explorer shows a story once validation finds nothing; {} left. Each is listed next to its item in the editor.",
                    super::items::problem_count(problems.len())
                )
            }),
        Ok(None) => Err("There is no story in progress in this browser.".to_owned()),
        Err(why) => Err(why),
    }
    });
    match &*story {
        Ok(story) => html! { <Preview story={story.clone()} /> },
        Err(why) => html! {
            <main class="preview-empty"><h1>{ "Nothing to preview yet" }</h1><p>{ why.clone() }</p></main>
        },
    }
}
