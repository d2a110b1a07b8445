//! The explorer's first view (the cards, nothing searched, nothing open) as HTML, written into
//! `index.html` at build time, with the embed's compact masthead and link beside the full ones
//! (static/boot.js keeps the pair the page's link asks for). It is the same markup the app renders for that view, so the page
//! shows the real explorer at HTML speed, and the WebAssembly, loaded when the reader first
//! reaches for a control, takes over without a visible change. An end-to-end test compares the
//! two DOMs node by node.

use crate::cards::{cards, sourcing_label, Card, CardKind, Dated};
use crate::panel_labels::{
    capitalize, card_title, date_words, filters_summary, involving_options, status,
};
use crate::query::{run, Query, Results, SearchIndex, SOURCINGS};
use crate::share::escape_html_exact as esc;
use crate::story::{Located, Story};
use crate::text::split_around;
use crate::url_state::encode;
use crate::view_state::{visible, View, ViewState};
use std::fmt::Write;

/// The whole explorer in its default state, as the root component renders it.
pub fn explorer(story: &Story) -> String {
    let all = cards(story);
    let index = SearchIndex::new(story, &all);
    let results = run(&index, &Query::default());
    let mut html = String::from("<div class=\"explorer\">");
    masthead(&mut html, story);
    views(&mut html);
    html.push_str("<main id=\"main\" class=\"layout\"><div class=\"explore\">");
    filters(&mut html, story, &results, all.len());
    card_sections(&mut html, story, &all, &results.items);
    html.push_str("</div></main></div>");
    html
}

fn masthead(html: &mut String, story: &Story) {
    let meta = story.meta();
    let _ = write!(
        html,
        "<header class=\"masthead\"><p class=\"masthead__eyebrow\">Story explorer</p>\
         <h1 class=\"masthead__headline\">{}</h1><p class=\"masthead__summary\">{}</p>\
         <p class=\"masthead__dateline\">Published <time datetime=\"{}\">{}</time>",
        esc(story.words(&meta.headline_at.span)),
        esc(story.words(&meta.summary_at.span)),
        meta.published.iso(),
        esc(&meta.published.to_string()),
    );
    if let Some(publisher) = &meta.publisher {
        let _ = write!(html, " by {}", esc(publisher));
    }
    html.push_str("</p>");
    if let Some(note) = &meta.published_note {
        let _ = write!(
            html,
            "<details class=\"masthead__note\"><summary>How this date was set</summary><p>{}</p></details>",
            esc(note)
        );
    }
    if let Some(photo) = &meta.photo {
        let _ = write!(
            html,
            "<p class=\"masthead__caption\">Photo: {} ({})</p>",
            esc(story.words(&photo.caption_at.span)),
            esc(photo.credit.text())
        );
    }
    // The embed's compact masthead too: boot.js keeps the one the page's link asks for.
    let _ = write!(
        html,
        "</header><header class=\"masthead masthead--compact\"><h1 class=\"masthead__headline\">{}</h1></header>",
        esc(story.words(&meta.headline_at.span))
    );
}

fn views(html: &mut String) {
    html.push_str("<nav class=\"views\" aria-label=\"Views\">");
    for view in View::ALL {
        let _ = write!(
            html,
            "<button type=\"button\" class=\"views__button\" aria-pressed=\"{}\">{}</button>",
            view == View::Cards,
            view.label()
        );
    }
    html.push_str(
        "<div class=\"share\"><button type=\"button\" class=\"button\">Copy link</button>\
         <button type=\"button\" class=\"button\">Embed</button><p class=\"share__status\" role=\"status\"></p>\
         <dialog class=\"embed-dialog\" aria-labelledby=\"embed-title\"><h2 id=\"embed-title\">Embed this view</h2>\
         <p>Paste this into your page. It starts at the current view, resizes itself to its content, and works without any other script.</p>\
         <label for=\"embed-code\">Embed code</label><textarea id=\"embed-code\" readonly=\"readonly\" rows=\"10\"></textarea>\
         <div class=\"embed-dialog__actions\"><button type=\"button\" class=\"button\">Copy embed code</button>\
         <button type=\"button\" class=\"button\">Close</button></div></dialog></div>\
         <p class=\"share share--embed\"><a href=\"./\" target=\"_blank\" rel=\"noopener\">Open the full explorer\
         <span class=\"visually-hidden\"> (opens in a new tab)</span></a></p></nav>",
    );
}

fn checkbox(html: &mut String, id: &str, label: &str, count: usize) {
    let _ = write!(
        html,
        "<li><input type=\"checkbox\" id=\"{id}\"><label for=\"{id}\">{}<span class=\"count\"> ({count})</span></label></li>",
        esc(label)
    );
}

fn filters(html: &mut String, story: &Story, results: &Results, total: usize) {
    let _ = write!(
        html,
        "<section class=\"filters\" aria-label=\"Search and filters\"><search class=\"filters__search\">\
         <label for=\"search\">Search names, roles, quotes and events</label>\
         <input type=\"search\" id=\"search\" autocomplete=\"off\" spellcheck=\"false\" maxlength=\"500\"></search>\
         <details class=\"filters__more\"><summary>{}</summary><div class=\"filters__groups\">\
         <fieldset><legend>Kind</legend><ul>",
        filters_summary(0)
    );
    for (slot, kind) in CardKind::ALL.into_iter().enumerate() {
        let id = format!("kind-{}", kind.slug());
        checkbox(html, &id, kind.label(), results.kinds[slot]);
    }
    html.push_str("</ul></fieldset><fieldset><legend>Side</legend><ul>");
    for (slot, side) in story.sides().iter().enumerate() {
        let id = format!("side-{}", esc(&side.id));
        checkbox(html, &id, &side.name, results.sides[slot]);
    }
    html.push_str("</ul></fieldset><fieldset><legend>Sourcing of quotes</legend><ul>");
    for (slot, sourcing) in SOURCINGS.into_iter().enumerate() {
        let label = sourcing_label(sourcing);
        let id = format!("sourcing-{}", label.replace(' ', "-"));
        checkbox(html, &id, &capitalize(label), results.sourcing[slot]);
    }
    html.push_str(
        "</ul></fieldset><div class=\"filters__field\"><label for=\"involving\">Involving</label>\
         <select id=\"involving\"><option value=\"\" selected=\"selected\">Anyone</option>",
    );
    for (slot, count) in involving_options(story, &results.involving, "") {
        let entity = &story.entities()[slot];
        let _ = write!(
            html,
            "<option value=\"{}\">{} ({count})</option>",
            esc(&entity.id),
            esc(&entity.name)
        );
    }
    let _ = write!(
        html,
        "</select></div><fieldset class=\"filters__dates\"><legend>Date</legend>\
         <label for=\"date-from\">From month</label><input type=\"month\" id=\"date-from\">\
         <label for=\"date-to\">To month</label><input type=\"month\" id=\"date-to\"></fieldset>\
         </div></details><p class=\"status\" role=\"status\">{}</p></section>",
        status(results.items.len(), total, true)
    );
}

fn card_sections(html: &mut String, story: &Story, all: &[Card], items: &[usize]) {
    let count = visible(items.len(), all.len(), ViewState::default().limit);
    let shown: Vec<&Card> = items
        .iter()
        .take(count)
        .filter_map(|&i| all.get(i))
        .collect();
    html.push_str("<div class=\"card-sections\">");
    for kind in CardKind::ALL {
        let of_kind: Vec<&Card> = shown.iter().copied().filter(|c| c.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let matching = items
            .iter()
            .filter(|&&i| all.get(i).is_some_and(|c| c.kind == kind))
            .count();
        let slug = kind.slug();
        let _ = write!(
            html,
            "<section class=\"cards\" aria-labelledby=\"section-{slug}\"><h2 id=\"section-{slug}\">{}\
             <span class=\"cards__count\"> ({matching})</span></h2><ul class=\"cards__grid\" role=\"list\">",
            kind.plural()
        );
        for card in of_kind {
            html.push_str("<li>");
            card_html(html, story, card);
            html.push_str("</li>");
        }
        html.push_str("</ul></section>");
    }
    let remaining = items.len() - count;
    if remaining > 0 {
        let _ = write!(
            html,
            "<button type=\"button\" class=\"button more\">Show more ({remaining} not shown)</button>"
        );
    }
    html.push_str("</div>");
}

fn card_html(html: &mut String, story: &Story, card: &Card) {
    let (slug, id) = (card.kind.slug(), esc(&card.id));
    let title = esc(&card.title);
    let _ = write!(
        html,
        "<article class=\"card card--{slug}\" data-kind=\"{slug}\" data-id=\"{id}\">\
         <p class=\"card__kind\">{}</p><h3 class=\"card__title\">\
         <button type=\"button\" id=\"open-{id}\" class=\"card__open\">{}</button></h3>",
        card.kind.label(),
        esc(&card_title(card))
    );
    if let Some(subtitle) = &card.subtitle {
        let _ = write!(html, "<p class=\"card__subtitle\">{}</p>", esc(subtitle));
    }
    if let Some(dated) = &card.date {
        html.push_str("<p class=\"card__date\">");
        date_html(html, dated);
        html.push_str("</p>");
    }
    source_html(html, story, &card.at);
    let href = esc(&encode(&ViewState {
        selected: Some(card.id.clone()),
        ..Default::default()
    }));
    let _ = write!(
        html,
        "<div class=\"card__actions\"><button type=\"button\" class=\"card__show\" aria-label=\"Show in article: {title}\">Show in article</button>\
         <a class=\"permalink\" href=\"?{href}\" data-id=\"{id}\" aria-label=\"Link to this: {title}\">Link</a></div></article>"
    );
}

fn date_html(html: &mut String, dated: &Dated) {
    let _ = write!(
        html,
        "<span class=\"date\"><time datetime=\"{}\">{}</time>",
        dated.date.iso(),
        esc(&dated.date.to_string())
    );
    if let Some(words) = date_words(dated) {
        let _ = write!(html, "<span class=\"date__words\">{}</span>", esc(&words));
    }
    html.push_str("</span>");
}

fn source_html(html: &mut String, story: &Story, at: &Located) {
    let [before, words, after] = split_around(&at.sentence, &at.span);
    let _ = write!(
        html,
        "<p class=\"source\"><span class=\"visually-hidden\">From the article: </span>{}<mark>{}</mark>{}</p>",
        esc(story.words(&before)),
        esc(story.words(&words)),
        esc(story.words(&after))
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    #[test]
    fn every_card_is_in_the_first_view_with_its_source_sentence() {
        let story = bundled::load().unwrap();
        let html = explorer(&story);
        let all = cards(&story);
        assert_eq!(html.matches("<article class=\"card ").count(), all.len());
        for card in &all {
            assert!(
                html.contains(&format!("data-id=\"{}\"", card.id)),
                "{}",
                card.id
            );
            let words = esc(story.words(&card.at.span));
            assert!(
                html.contains(&format!("<mark>{words}</mark>")),
                "{}",
                card.id
            );
        }
        assert!(html.contains(&format!("Showing all {} items", all.len())));
        assert!(html.contains("aria-pressed=\"true\">Cards</button>"));
        assert!(!html.contains("<script"), "the first view is inert HTML");
    }

    #[test]
    fn first_view_escapes_what_it_shows() {
        let (file, article) = crate::hostile::story();
        let story = crate::story::validate(file, &article).unwrap();
        let html = explorer(&story);
        let known = [
            "div", "header", "p", "h1", "h2", "h3", "time", "details", "summary", "nav", "button",
            "dialog", "label", "textarea", "main", "section", "search", "input", "fieldset",
            "legend", "ul", "li", "span", "select", "option", "article", "mark", "a",
        ];
        for tag in html.split('<').skip(1) {
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            assert!(known.contains(&name.as_str()), "unexpected <{name}");
        }
    }
}
