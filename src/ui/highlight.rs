//! Text with the reader's search terms marked.

use crate::fold::highlights;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    pub text: AttrValue,
    pub terms: Rc<Vec<String>>,
}

#[component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    let text = props.text.as_str();
    let ranges = highlights(text, &props.terms);
    if ranges.is_empty() {
        return html! { { text } };
    }
    let mut at = 0;
    let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
    for range in ranges {
        parts.push(html! { { &text[at..range.start] } });
        parts.push(html! { <mark class="hit">{ &text[range.clone()] }</mark> });
        at = range.end;
    }
    parts.push(html! { { &text[at..] } });
    html! { <>{ for parts }</> }
}
