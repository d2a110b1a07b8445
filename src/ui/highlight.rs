//! Text with the reader's search terms marked. A plain function rather than a component: it
//! runs for every card on every keystroke, and a component per text costs more than the text.

use story_core::fold::highlights;
use yew::prelude::*;

pub fn highlighted(text: &str, terms: &[String]) -> Html {
    let ranges = highlights(text, terms);
    if ranges.is_empty() {
        return html! { { text.to_owned() } };
    }
    let mut at = 0;
    let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
    for range in ranges {
        parts.push(html! { { text[at..range.start].to_owned() } });
        parts.push(html! { <mark class="hit">{ text[range.clone()].to_owned() }</mark> });
        at = range.end;
    }
    parts.push(html! { { text[at..].to_owned() } });
    html! { <>{ for parts }</> }
}
