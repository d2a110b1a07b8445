//! The detail of the selected item: its facts, its sentence, and every related item as a link.

use super::card::{permalink, source_sentence};
use super::date::date_view;
use super::effects::use_effect_on;
use super::StoryRef;
use crate::views::related::Detail;
use crate::views::view_state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DetailPanelProps {
    pub story: StoryRef,
    pub detail: Detail,
    pub on_action: Callback<Action>,
    /// Called after the detail closes, to put focus back where the reader was.
    #[prop_or_default]
    pub on_closed: Callback<String>,
    /// Shown in place in the view (after what was opened), not above it: focus comes to it
    /// with the least scroll that shows it, which leaves what is above where it was.
    #[prop_or_default]
    pub in_place: bool,
}

thread_local! {
    /// The item whose detail last took focus. A detail drawn again elsewhere — in another view,
    /// in the graph once its code arrives — is the same detail, and leaves focus where it is.
    static FOCUSED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The open item closed: the next detail, whatever it is, takes focus.
pub fn forget() {
    FOCUSED.with(|f| f.borrow_mut().take());
}

#[component]
pub fn DetailPanel(props: &DetailPanelProps) -> Html {
    let heading = use_node_ref();
    {
        // Moves focus to a detail the reader opened, so screen readers announce it and Tab continues there;
        // in an embed the reader has not touched yet, the host page keeps it (see `ui::guest`).
        let (heading, in_place) = (heading.clone(), props.in_place);
        use_effect_on(props.detail.id.clone(), move |id| {
            let fresh = FOCUSED.with(|f| f.replace(Some(id.clone())).as_deref() != Some(id));
            // Not on the page as built (an item's own page): there the detail is what the reader
            // arrived at, already at the top, and a focus would draw a ring no one asked for.
            if super::hydrating() || !fresh {
                return;
            }
            if let Some(el) = heading.cast::<web_sys::Element>() {
                if in_place {
                    super::guest::focus_in_sight(&el);
                } else {
                    super::guest::focus(&el);
                }
            }
        });
    }
    let d = &props.detail;
    let close = {
        let (on_action, on_closed, id) = (
            props.on_action.clone(),
            props.on_closed.clone(),
            d.id.clone(),
        );
        Callback::from(move |()| {
            // First: where the reader's place is must be known before the close is drawn.
            on_closed.emit(id.clone());
            on_action.emit(Action::Close);
        })
    };
    let on_close = close.reform(|_: MouseEvent| ());
    let onkeydown = {
        let close = close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                close.emit(());
            }
        })
    };
    let show = props.on_action.reform({
        let id = d.id.clone();
        move |_| Action::ShowInArticle(id.clone())
    });
    html! {
        <aside id="detail" class="detail" aria-labelledby="detail-title" data-id={d.id.clone()} {onkeydown}>
            <div class="detail__bar">
                <p class="detail__kind">{ d.kind }</p>
                <button type="button" class="detail__close" onclick={on_close}>{ "Close" }</button>
            </div>
            <h2 id="detail-title" class="detail__title" tabindex="-1" ref={heading}>{ d.title.clone() }</h2>
            if !d.facts.is_empty() {
                <dl class="detail__facts">
                    { for d.facts.iter().map(|(label, value)| html! {
                        <div><dt>{ *label }</dt><dd>{ value.clone() }</dd></div>
                    }) }
                </dl>
            }
            { for d.dates.iter().map(|dated| html! {
                <p class="detail__date">{ "When: " }{ date_view(dated) }</p>
            }) }
            { source_sentence(&props.story, &d.at) }
            <div class="detail__actions">
                <button type="button" class="button detail__show" onclick={show}>{ "Show in article" }</button>
                { permalink(&props.story, &d.id, &d.title, &props.on_action) }
            </div>
            { for d.groups.iter().map(|group| html! {
                <section class="detail__group">
                    <h3>{ group.heading }</h3>
                    <ul>
                        { for group.links.iter().map(|link| {
                            let onclick = {
                                let id = link.id.clone();
                                props.on_action.reform(move |_| Action::Select(id.clone()))
                            };
                            html! {
                                <li>
                                    <button type="button" class="link-button" data-id={link.id.clone()} {onclick}>{ link.text.clone() }</button>
                                    if let Some(dated) = &link.date {
                                        { " · " }{ date_view(dated) }
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }) }
        </aside>
    }
}
