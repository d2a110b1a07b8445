//! The article as the reader view shows it: each paragraph cut into pieces, each piece knowing
//! whether it names an entity, belongs to a quote, or lies in the sentence being shown.

use crate::views::mentions::Mention;
use std::ops::Range;
use story_core::story::Story;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub range: Range<usize>,
    /// Index into `story.entities()` when the piece names an entity.
    pub entity: Option<usize>,
    /// Index into `story.quotes()` when the piece is inside a quote.
    pub quote: Option<usize>,
    /// Inside the sentence the reader came to see.
    pub target: bool,
}

/// Every paragraph of the article as pieces that cover it exactly, in order.
pub fn paragraphs(
    story: &Story,
    mentions: &[Mention],
    target: Option<&Range<usize>>,
) -> Vec<Vec<Piece>> {
    // Every quote's span, by position, so each paragraph finds its own by binary search.
    let mut quotes: Vec<(usize, Range<usize>)> = story
        .quotes()
        .iter()
        .enumerate()
        .map(|(i, q)| (i, q.at.span.clone()))
        .collect();
    story_core::order::sort_by_key(&mut quotes, |(_, r)| (r.start, r.end));
    story
        .paragraphs()
        .iter()
        .map(|p| pieces(&quotes, mentions, target, p))
        .collect()
}

fn pieces(
    all_quotes: &[(usize, Range<usize>)],
    mentions: &[Mention],
    target: Option<&Range<usize>>,
    paragraph: &Range<usize>,
) -> Vec<Piece> {
    let inside = |r: &Range<usize>| r.start < paragraph.end && r.end > paragraph.start;
    // Those starting in the paragraph, and one starting before it that may run into it.
    let first = all_quotes.partition_point(|(_, r)| r.start < paragraph.start);
    let last = all_quotes.partition_point(|(_, r)| r.start < paragraph.end);
    let quotes: Vec<(usize, &Range<usize>)> = all_quotes[first.saturating_sub(1)..last]
        .iter()
        .map(|(i, r)| (*i, r))
        .filter(|(_, r)| inside(r))
        .collect();
    let names: &[Mention] = crate::views::mentions::within(mentions, paragraph);
    let mut cuts = vec![paragraph.start, paragraph.end];
    cuts.extend(quotes.iter().flat_map(|(_, r)| [r.start, r.end]));
    cuts.extend(names.iter().flat_map(|m| [m.range.start, m.range.end]));
    cuts.extend(target.iter().flat_map(|r| [r.start, r.end]));
    cuts.retain(|c| (paragraph.start..=paragraph.end).contains(c));
    story_core::order::sort(&mut cuts);
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let range = w[0]..w[1];
            let covers = |r: &Range<usize>| r.start <= range.start && range.end <= r.end;
            Piece {
                entity: names.iter().find(|m| covers(&m.range)).map(|m| m.entity),
                quote: quotes.iter().find(|(_, r)| covers(r)).map(|(i, _)| *i),
                target: target.is_some_and(covers),
                range,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;
    use crate::views::mentions::mentions;

    #[test]
    fn pieces_cover_the_whole_article_and_mark_every_quote_and_mention() {
        let story = bundled::load().unwrap();
        let all = mentions(&story);
        let paragraphs = paragraphs(&story, &all, None);
        assert_eq!(paragraphs.len(), story.paragraphs().len());
        let mut quotes = story_core::set::SortedSet::new();
        let mut named = story_core::set::SortedSet::new();
        for (pieces, p) in paragraphs.iter().zip(story.paragraphs()) {
            let text: String = pieces.iter().map(|x| story.words(&x.range)).collect();
            assert_eq!(text, story.words(p));
            quotes.extend(pieces.iter().filter_map(|x| x.quote));
            named.extend(pieces.iter().filter_map(|x| x.entity));
        }
        assert_eq!(quotes.len(), story.quotes().len(), "every quote is marked");
        assert_eq!(
            named.len(),
            all.iter()
                .map(|m| m.entity)
                .collect::<story_core::set::SortedSet<_>>()
                .len()
        );
    }

    #[test]
    fn the_target_sentence_is_marked_and_nothing_else() {
        let story = bundled::load().unwrap();
        let quote = story.quote("pelosi-commission").unwrap();
        let paragraphs = paragraphs(&story, &mentions(&story), Some(&quote.at.sentence));
        let marked: String = paragraphs
            .iter()
            .flatten()
            .filter(|p| p.target)
            .map(|p| story.words(&p.range))
            .collect();
        assert_eq!(marked, story.words(&quote.at.sentence));
    }
}
