//! The bundled story: it validates, and the facts a reader relies on hold against the article.

use story_core::story::{EntityKind, Story, Track};
use story_explorer::bundled;
use story_explorer::views::cards::{cards, CardKind};

fn story() -> Story {
    bundled::load().unwrap_or_else(|e| panic!("the bundled story must load: {e}"))
}

fn date_of(story: &Story, event: &str) -> String {
    story
        .event(event)
        .and_then(|e| e.on())
        .map(|d| d.iso())
        .unwrap_or_default()
}

#[test]
fn the_bundled_story_validates_against_its_article() {
    let story = story();
    let on_disk = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/stories/sessions-kislyak/article.txt"
    ))
    .expect("the seed story's article");
    assert_eq!(
        story.article(),
        on_disk,
        "the bundle carries the article unchanged"
    );
    assert_eq!(story.words(&story.meta().headline_at.span), "Jeff Sessions");
    assert_eq!(
        story.meta().headline_at.span.start,
        0,
        "the headline is the article's first line"
    );
}

#[test]
fn events_resolve_to_the_dates_the_article_implies() {
    let story = story();
    for (event, date) in [
        ("meeting-july", "2016-07"),
        ("meeting-september", "2016-09"),
        ("intelligence-conclusion", "2016-12"),
        ("confirmation-hearing", "2017-01"),
        ("sworn-in", "2017-02-09"),
        ("flynn-resigns", "2017-02"),
        ("post-report", "2017-03-01"),
        ("sessions-denies-in-statement", "2017-03-01"),
        ("democrats-call-for-recusal", "2017-03-01"),
        ("peskov-comments", "2017-03-02"),
        ("mccaskill-statement", "2017-03-02"),
    ] {
        assert_eq!(date_of(&story, event), date, "event `{event}`");
    }
    let happened: Vec<&str> = story
        .events()
        .iter()
        .filter(|e| e.track == Track::Happened)
        .map(|e| e.id.as_str())
        .collect();
    assert!(happened.contains(&"meeting-july") && !happened.contains(&"post-report"));
}

#[test]
fn every_person_the_article_names_is_an_entity() {
    let story = story();
    let people: Vec<&str> = story
        .entities()
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    for name in [
        "Jeff Sessions",
        "Andrew Jackson",
        "Dmitry Peskov",
        "Maria Zakharova",
        "Donald Trump",
        "Sergey Kislyak",
        "Michael Flynn",
        "Claire McCaskill",
        "Nancy Pelosi",
    ] {
        assert!(people.contains(&name), "{name} is missing");
        assert!(
            story.article().contains(name),
            "{name} is not spelled as in the article"
        );
    }
}

#[test]
fn every_organization_and_place_the_article_names_is_an_entity() {
    let story = story();
    let named = |alias: &str| {
        story
            .entities()
            .iter()
            .any(|e| e.aliases.iter().any(|a| a == alias))
    };
    for alias in [
        "Kremlin",
        "Russian Foreign Ministry",
        "Sputnik News",
        "Washington Post",
        "Armed Services Committee",
        "Armed Forces Committee",
        "Senate",
        "American intelligence agencies",
        "Democrats",
        "Twitter",
        "White House",
        "Oval Office",
        "Washington, D.C.",
        "Moscow",
        "U.S.",
    ] {
        assert!(named(alias), "no entity is called \"{alias}\"");
    }
}

/// Every stretch of the article inside quotation marks, with its byte range.
fn quotations(article: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    for (open, close) in [('"', '"'), ('\u{201C}', '\u{201D}')] {
        let mut rest = 0;
        while let Some(start) = article[rest..]
            .find(open)
            .map(|i| rest + i + open.len_utf8())
        {
            let Some(end) = article[start..].find(close).map(|i| start + i) else {
                break;
            };
            found.push(start..end);
            rest = end + close.len_utf8();
        }
    }
    found
}

#[test]
fn every_quotation_in_the_article_is_a_quote_with_a_speaker() {
    let story = story();
    let quotations = quotations(story.article());
    assert_eq!(quotations.len(), 10, "the article has ten quotations");
    for quotation in quotations {
        let text = &story.article()[quotation.clone()];
        let covered = story
            .quotes()
            .iter()
            .find(|q| q.at.span.start >= quotation.start && q.at.span.end <= quotation.end);
        let quote = covered.unwrap_or_else(|| panic!("no quote item for \"{text}\""));
        let trimmed = text.trim_end_matches([',', ' ']);
        assert_eq!(
            story.words(&quote.at.span),
            trimmed,
            "quote `{}` is not the whole quotation",
            quote.id
        );
        assert!(story.entity(&quote.speaker).is_some());
    }
}

#[test]
fn quotes_are_attributed_as_the_article_attributes_them() {
    let story = story();
    let speaker = |id: &str| {
        story
            .quote(id)
            .map(|q| q.speaker.clone())
            .unwrap_or_default()
    };
    assert_eq!(speaker("peskov-no-details"), "dmitry-peskov");
    assert_eq!(speaker("zakharova-disinformation"), "maria-zakharova");
    assert_eq!(speaker("sessions-statement"), "jeff-sessions");
    assert_eq!(speaker("staffer-kislyaks-door"), "committee-staffer");
    assert_eq!(speaker("pelosi-commission"), "nancy-pelosi");
}

#[test]
fn the_central_claim_carries_every_response_the_article_reports() {
    let story = story();
    let claim = story
        .claims()
        .iter()
        .find(|c| c.id == "sessions-met-ambassador")
        .expect("central claim");
    let speakers: Vec<&str> = claim.responses.iter().map(|r| r.speaker.as_str()).collect();
    for who in [
        "kremlin",
        "russian-foreign-ministry",
        "jeff-sessions",
        "committee-members",
        "committee-staffer",
        "claire-mccaskill",
        "democrats",
        "nancy-pelosi",
    ] {
        assert!(speakers.contains(&who), "no response from {who}");
    }
    assert_eq!(claim.responses.len(), 9);
}

#[test]
fn every_card_shows_a_sentence_of_the_article_containing_its_words() {
    let story = story();
    let all = cards(&story);
    for kind in [
        CardKind::Person,
        CardKind::Organization,
        CardKind::Place,
        CardKind::Quote,
        CardKind::Event,
        CardKind::Claim,
    ] {
        assert!(
            all.iter().any(|c| c.kind == kind),
            "no {} card",
            kind.label()
        );
    }
    for card in &all {
        let (sentence, words) = (&card.at.sentence, &card.at.span);
        assert!(!sentence.is_empty(), "card `{}` has no sentence", card.id);
        // The sentence shown is whole sentences of the article, around the card's own words.
        let starts = story.sentences().iter().any(|s| s.start == sentence.start);
        let ends = story.sentences().iter().any(|s| s.end == sentence.end);
        assert!(
            starts && ends,
            "card `{}`: {sentence:?} is not whole sentences",
            card.id
        );
        assert!(
            sentence.start <= words.start && words.end <= sentence.end,
            "card `{}`: its words {words:?} are outside its sentence {sentence:?}",
            card.id
        );
    }
    assert_eq!(
        all.iter().filter(|c| c.kind == CardKind::Quote).count(),
        story.quotes().len()
    );
    assert_eq!(
        all.iter().filter(|c| c.kind == CardKind::Event).count(),
        story.events().len()
    );
}
