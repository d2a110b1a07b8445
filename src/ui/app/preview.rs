//! The explorer over a story given at run time: the editor's preview of the story being edited
//! (crates/story-editor). No pages were built for it, so it opens on the address's link, and its
//! items have no pages of their own. The reader's engine never uses it.

use super::super::{history, StoryRef};
use super::Explorer;
use std::rc::Rc;
use story_core::story::Story;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct PreviewProps {
    pub story: Rc<Story>,
}

impl PartialEq for PreviewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.story, &other.story)
    }
}

#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    let link = use_memo((), |_| {
        history::current_query().trim_start_matches('?').to_owned()
    });
    let story = StoryRef(props.story.clone(), false);
    html! {
        <Explorer {story} link={(*link).clone()} built={String::new()} moved={!link.is_empty()} />
    }
}
