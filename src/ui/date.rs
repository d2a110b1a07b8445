//! A date as the article words it, with what the words resolve to, machine-readable.

use crate::views::cards::Dated;
use yew::prelude::*;

/// `<time datetime="2017-03-01">March 1, 2017</time> (“Wednesday”)`, at the date's precision.
/// A function, not a component: every card renders one, and updates must fit in a frame.
pub fn date_view(dated: &Dated) -> Html {
    let shown = dated.date.to_string();
    let words = crate::views::panel_labels::date_words(dated);
    html! {
        <span class="date">
            { crate::views::panel_labels::extent_word(dated.extent) }
            <time datetime={dated.date.iso()}>{ shown }</time>
            if let Some(words) = words {
                <span class="date__words">{ words }</span>
            }
        </span>
    }
}
