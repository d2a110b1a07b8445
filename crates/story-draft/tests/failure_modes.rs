//! The failures users report of quote and date extractors (see /work/shared/DRAFTING.md §2, §5),
//! one clearly synthetic text each, drafted end to end: the expected result is written here
//! from the text, not from the extractor's output.

use story_core::dates::PartialDate;
use story_core::story::{validate, Story, StoryFile};
use story_draft::{draft, toml_out, Options};

fn drafted(article: &str, published: &str) -> Story {
    let published = PartialDate::parse_iso(published);
    let d = draft(article, &Options { published }).expect("a draft");
    let file: StoryFile = toml::from_str(&toml_out::write(&d)).expect("reads back");
    validate(file, article).expect("validates")
}

/// (quote words, speaker name, inferred?) for every drafted quote.
fn quotes(story: &Story) -> Vec<(String, String, bool)> {
    story
        .quotes()
        .iter()
        .map(|q| {
            let words = story.words(&q.at.span).to_owned();
            (
                words,
                story.name_of(&q.speaker).to_owned(),
                q.inferred.is_some(),
            )
        })
        .collect()
}

fn q(words: &str, speaker: &str, inferred: bool) -> (String, String, bool) {
    (words.to_owned(), speaker.to_owned(), inferred)
}

#[test]
fn mixed_curly_and_straight_marks() {
    let story = drafted(
        "Synthetic: mixed marks\n“We will not reopen the plant this year,\" Mayor Ana Ruiz said Monday.",
        "2020-03-04",
    );
    assert_eq!(
        quotes(&story),
        [q(
            "We will not reopen the plant this year",
            "Ana Ruiz",
            false
        )]
    );
}

#[test]
fn unclosed_quote_over_paragraphs_and_a_floating_quote() {
    let story = drafted(
        "Synthetic: runs on\nGov. Lee Park said the budget was short. “We cut what we could.\n“Nothing else was left to cut,” he said.\n“The rest is up to the legislature.”\nThe session ends Friday.",
        "2020-03-06",
    );
    assert_eq!(
        quotes(&story),
        [
            // Attributed by "he said" in the next paragraph: a pronoun, so a guess.
            q("We cut what we could.", "Lee Park", true),
            q("Nothing else was left to cut", "Lee Park", true),
            q("The rest is up to the legislature.", "Lee Park", true),
        ]
    );
}

#[test]
fn role_only_and_organization_speakers() {
    let story = drafted(
        "Synthetic: roles\nAcme Corp. hired Jo Tran, its spokeswoman, in May 2019.\n“We have no comment on the lawsuit at this time,” the spokeswoman said.\n“Every claim in the filing is wrong,” the company said in a statement.",
        "2020-03-04",
    );
    let found = quotes(&story);
    assert_eq!(
        found[0],
        q(
            "We have no comment on the lawsuit at this time",
            "Jo Tran",
            true
        )
    );
    assert_eq!(
        found[1],
        q("Every claim in the filing is wrong", "Acme Corp.", true)
    );
    assert_eq!(
        story.quotes()[1].sourcing,
        story_core::story::Sourcing::OfficialStatement
    );
}

#[test]
fn friday_on_a_friday_and_may_the_verb() {
    // 2020-03-06 was a Friday.
    let story = drafted(
        "Synthetic: dates\nThe council voted Friday. Members may meet again, officials said.",
        "2020-03-06",
    );
    let dates: Vec<(String, String)> = story
        .events()
        .iter()
        .map(|e| (e.when.clone(), e.on().map(|d| d.iso()).unwrap_or_default()))
        .collect();
    assert_eq!(dates, [("Friday".to_owned(), "2020-03-06".to_owned())]);
}

#[test]
fn split_quote_around_its_attribution() {
    let story = drafted(
        "Synthetic: split\n“The bridge is safe,” Minister Sara Obi said, “and it will stay open all winter.”",
        "2020-03-04",
    );
    assert_eq!(
        quotes(&story),
        [
            q("The bridge is safe", "Sara Obi", false),
            q("and it will stay open all winter.", "Sara Obi", false),
        ]
    );
}

#[test]
fn scare_quotes_are_not_quotes() {
    let story = drafted(
        "Synthetic: scare quotes\nThe so-called “experts” were not consulted about the “plan” at all, Dr. Amy Ng wrote in a report on Monday.",
        "2020-03-04",
    );
    assert!(quotes(&story).is_empty(), "{:?}", quotes(&story));
}

#[test]
fn credits_are_never_speakers_or_participants() {
    let story = drafted(
        "Synthetic: credits\nA crowd gathers in the square, March 3, 2020. (AP Photo/Jane Doe)\n“We stay until they listen,” said organizer Raj Patel on Tuesday.\nReporting by Tom Roe; Editing by Sam Poe",
        "2020-03-04",
    );
    assert_eq!(
        quotes(&story),
        [q("We stay until they listen", "Raj Patel", false)]
    );
    let credited = ["Jane Doe", "Tom Roe", "Sam Poe"];
    for e in story.events() {
        for p in &e.participants {
            assert!(!credited.contains(&story.name_of(p)), "{p} in {}", e.id);
        }
    }
}

#[test]
fn no_date_printed_and_none_given_is_said_or_refused() {
    let caption_only = "Synthetic: undated\nThe senator speaks, Feb. 9, 2017. Reuters\nShe spoke Thursday about the bill.";
    let d = draft(caption_only, &Options::default()).expect("a draft");
    let note = d.file.meta.published_note.clone().unwrap_or_default();
    assert!(note.contains("stands in"), "{note}");
    assert!(d
        .file
        .events
        .iter()
        .filter(|e| e.when == "Thursday")
        .all(|e| e.inferred.is_some()));
    let err = draft(
        "Synthetic: no date\nShe spoke Thursday.",
        &Options::default(),
    )
    .unwrap_err();
    assert!(err.0.contains("--published"), "{err}");
}
