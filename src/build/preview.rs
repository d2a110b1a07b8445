//! What an item's own page says about it to a link preview: its title and description tags, and
//! the words its preview image shows. Written from the same cards the explorer shows, so the
//! preview says what the page says; a guess says it is one.

use crate::views::cards::{event_date, Card};
use crate::views::related::sentence_of;
use story_core::dates::written_forms;
use story_core::story::{ItemRef, Story};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// "Quote", "Person", "Relationship"…, shown above the words.
    pub kind: &'static str,
    /// The item in a line: a quote's words, a name, an event, a claim, a relationship's sentence.
    pub main: String,
    /// Who said it and their role, a role, a date, who reports a claim.
    pub byline: String,
    /// The page's title and description for link previews.
    pub title: String,
    pub description: String,
    /// The story's headline and date, at the foot of the image.
    pub footer: String,
    /// The image's text alternative.
    pub alt: String,
}

fn headline(story: &Story) -> &str {
    story.words(&story.meta().headline_at.span)
}

/// The story's date as the article would write it, e.g. "March 2, 2017".
fn date_line(story: &Story) -> String {
    written_forms(story.meta().published)
        .first()
        .cloned()
        .unwrap_or_default()
}

/// The front page's preview: the headline, the article's own lede, and what the explorer holds,
/// counted from the story itself.
pub fn front(story: &Story) -> Preview {
    let count = |n: usize, one: &str, many: &str| match n {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {many}")),
    };
    let holds = [
        count(
            story.entities().len(),
            "name",
            "people, organizations and places",
        ),
        count(story.quotes().len(), "quote", "quotes"),
        count(story.events().len(), "dated event", "dated events"),
        count(story.claims().len(), "claim", "claims"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let main = headline(story).to_owned();
    let byline = story.words(&story.meta().summary_at.span).to_owned();
    let footer = [date_line(story), holds]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    Preview {
        kind: "Story explorer",
        title: format!("{main}: story explorer"),
        description: byline.clone(),
        alt: format!("Story explorer: {main}. {byline} {footer}."),
        main,
        byline,
        footer,
    }
}

/// The preview of item `id`, if it is one with a page of its own; `cards` are the story's
/// (`views::cards::cards`), made once for all its items.
pub fn preview(story: &Story, cards: &[Card], id: &str) -> Option<Preview> {
    let footer = format!("{} · {}", headline(story), date_line(story));
    let (kind, main, byline) = match story.find(id)? {
        ItemRef::Relationship(i) => {
            let r = &story.relationships()[i];
            let dates: Vec<String> = r
                .events
                .iter()
                .filter_map(|e| story.event(e))
                .filter_map(event_date)
                .filter_map(|d| written_forms(d.date).first().cloned())
                .collect();
            let guess = if r.inferred.is_some() {
                " (inferred)"
            } else {
                ""
            };
            (
                "Relationship",
                format!("{}{guess}", sentence_of(story, r)),
                dates.join(", "),
            )
        }
        ItemRef::Entity(_) | ItemRef::Quote(_) | ItemRef::Event(_) | ItemRef::Claim(_) => {
            let card = cards.iter().find(|c| c.id == id)?;
            let guess = if card.inferred.is_some() {
                " (inferred)"
            } else {
                ""
            };
            let date = card
                .date
                .as_ref()
                .and_then(|d| written_forms(d.date).first().cloned());
            let byline = [card.subtitle.clone(), date]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            let main = match story.find(id)? {
                ItemRef::Quote(_) => format!("“{}”", card.title),
                _ => card.title.clone(),
            };
            let byline = match story.find(id)? {
                // The speaker and their role, rather than the card's sourcing.
                ItemRef::Quote(q) => {
                    let speaker = &story.quotes()[q].speaker;
                    let role = story
                        .find(speaker)
                        .and_then(|e| match e {
                            ItemRef::Entity(e) => story.entities()[e].role.clone(),
                            _ => None,
                        })
                        .map(|role| format!(", {role}"))
                        .unwrap_or_default();
                    let date = card
                        .date
                        .as_ref()
                        .and_then(|d| written_forms(d.date).first().cloned())
                        .map(|d| format!(" · {d}"))
                        .unwrap_or_default();
                    format!("— {}{role}{guess}{date}", story.name_of(speaker))
                }
                _ if byline.is_empty() => guess.trim().to_owned(),
                _ => format!("{byline}{guess}"),
            };
            (card.kind.label(), main, byline)
        }
        ItemRef::Side(_) | ItemRef::Response(..) => return None,
    };
    // With a separator a reader sees: "Dmitry Peskov · Kremlin Spokesman"; a quote's byline
    // begins with its own dash ("“…” — Dmitry Peskov").
    let title = match (byline.is_empty(), byline.starts_with('—')) {
        (true, _) => main.clone(),
        (false, true) => format!("{main} {byline}"),
        (false, false) => format!("{main} · {byline}"),
    };
    // Each page's own: what the item is, then where it comes from.
    let description = format!(
        "{kind}: {title}. From the story explorer of “{}”.",
        headline(story)
    );
    let alt = format!("{kind}: {main}. {byline}. {footer}.");
    Some(Preview {
        kind,
        main,
        byline,
        title,
        description,
        footer,
        alt,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;
    use crate::views::cards::cards;
    use crate::views::share::shareable;

    #[test]
    fn every_shareable_item_has_a_preview_with_its_words() {
        let story = bundled::load().unwrap();
        let cards = cards(&story);
        let preview = |id: &str| preview(&story, &cards, id);
        for id in shareable(&story) {
            let p = preview(id).unwrap_or_else(|| panic!("{id}"));
            assert!(!p.main.is_empty() && p.title.contains(&p.main), "{id}");
            assert!(p.description.contains(&p.main), "{id}: its own description");
        }
        let quote = preview("peskov-no-details").unwrap();
        assert_eq!(quote.kind, "Quote");
        assert!(quote.main.starts_with('“') && quote.byline.starts_with("— Dmitry Peskov"));
        assert!(quote.footer.starts_with("Jeff Sessions · March 2, 2017"));
        let met = preview("sessions-met-kislyak").unwrap();
        assert_eq!(met.main, "Jeff Sessions met with Sergey Kislyak");
        let peskov = preview("dmitry-peskov").unwrap();
        assert_eq!(
            peskov.title,
            "Dmitry Peskov · Kremlin spokesman · Russian government"
        );
        let descriptions: std::collections::BTreeSet<String> = shareable(&story)
            .iter()
            .map(|id| preview(id).unwrap().description)
            .collect();
        assert_eq!(
            descriptions.len(),
            shareable(&story).len(),
            "every page its own description"
        );
        assert!(preview("no-such-item").is_none());
    }

    #[test]
    fn the_front_preview_counts_what_the_story_holds() {
        let story = bundled::load().unwrap();
        let p = front(&story);
        assert_eq!(p.main, "Jeff Sessions");
        assert!(p.byline.len() > 40, "the lede: {}", p.byline);
        let quotes = format!("{} quotes", story.quotes().len());
        assert!(p.footer.contains(&quotes), "{}", p.footer);
        assert!(p.footer.starts_with("March 2, 2017 · "), "{}", p.footer);
    }

    #[test]
    fn a_guess_says_it_is_one() {
        let story = bundled::load().unwrap();
        let inferred = story
            .quotes()
            .iter()
            .find(|q| q.inferred.is_some())
            .expect("the seed story has an inferred quote");
        let p = preview(&story, &cards(&story), &inferred.id).unwrap();
        assert!(p.byline.ends_with("(inferred)"), "{}", p.byline);
    }
}
