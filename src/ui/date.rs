//! A date as the article words it, with what the words resolve to, machine-readable.

use crate::cards::Dated;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DateViewProps {
    pub dated: Dated,
}

/// `<time datetime="2017-03-01">March 1, 2017</time> (“Wednesday”)`, at the date's precision.
#[component]
pub fn DateView(props: &DateViewProps) -> Html {
    let Dated { date, words } = &props.dated;
    let shown = date.to_string();
    html! {
        <span class="date">
            <time datetime={date.iso()}>{ shown.clone() }</time>
            if *words != shown {
                <span class="date__words">{ format!(" (“{words}”)") }</span>
            }
        </span>
    }
}
