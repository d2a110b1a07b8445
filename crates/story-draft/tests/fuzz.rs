//! Any text gives a draft that validates, or a clear error — never a panic. Inputs come from a
//! fixed-seed SplitMix64 generator (the same generator as the app's fixtures, so a failure
//! reproduces from its seed): the seed article cut and spliced, marks left open, right-to-left
//! script, direction and control characters, no punctuation at all, and a 5 MB text.

use story_core::dates::PartialDate;
use story_core::story::{validate, StoryFile};
use story_draft::{draft, toml_out, Options};

/// SplitMix64: tiny, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

const SEED: &str = include_str!("../../../stories/sessions-kislyak/article.txt");

/// Pieces that break naive extractors.
const HOSTILE: [&str; 24] = [
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "\n",
    "\n\n",
    " ",
    ", ",
    ". ",
    "\u{202E}",
    "\u{2066}",
    "\u{0}",
    "\u{7}",
    "\r",
    "שלום",
    "مرحبا",
    "é",
    "👍🏽",
    "Sen.",
    "said",
];

fn spliced(rng: &mut Rng, len: usize) -> String {
    let words: Vec<&str> = SEED.split_inclusive([' ', '\n']).collect();
    let mut out = String::new();
    while out.len() < len {
        if rng.below(4) == 0 {
            out.push_str(HOSTILE[rng.below(HOSTILE.len())]);
        } else {
            let from = rng.below(words.len());
            let n = 1 + rng.below(12);
            for w in words.iter().skip(from).take(n) {
                out.push_str(w);
            }
        }
    }
    out
}

/// Drafts `text` and checks the promise: a valid draft, spans on character boundaries, or an
/// error that says something.
fn check(text: &str, published: Option<PartialDate>) {
    check_once(text, published, true)
}

fn check_once(text: &str, published: Option<PartialDate>, twice: bool) {
    match draft(text, &Options { published }) {
        Ok(d) => {
            let written = toml_out::write(&d);
            let file: StoryFile = toml::from_str(&written)
                .unwrap_or_else(|e| panic!("does not read back: {e}\n--- text ---\n{text:?}"));
            let story = validate(file, text)
                .unwrap_or_else(|p| panic!("does not validate: {p:?}\n--- text ---\n{text:?}"));
            let spans = story
                .quotes()
                .iter()
                .map(|q| q.at.span.clone())
                .chain(story.entities().iter().map(|e| e.at.span.clone()))
                .chain(story.events().iter().map(|e| e.at.span.clone()));
            for span in spans {
                assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
            if twice {
                let again = draft(text, &Options { published }).expect("drafts again");
                assert_eq!(
                    written,
                    toml_out::write(&again),
                    "the same text, other bytes"
                );
            }
        }
        Err(e) => assert!(!e.0.trim().is_empty()),
    }
}

fn published() -> Option<PartialDate> {
    PartialDate::parse_iso("2017-03-02")
}

#[test]
fn edge_texts_draft_or_say_why() {
    for text in [
        "",
        " \n\n ",
        "\u{0}",
        "Headline only",
        "no punctuation at all just words and more words Wednesday said Smith",
        "Head\n“never closed\n“still open\n\"",
        "Head\n”closing first“ then ‘single’ ’ ‘",
        "\u{202E}Head\nText \u{202E}reversed",
        "Head\nText \u{2066}isolated\u{2069} fine, Sen. Jo Doe said Monday.",
        "שלום עולם\nהוא אמר “שלום” ביום שני.",
        "Head\r\nWindows line ends, “quoted words that are long,” Jo Doe said.\r\n",
    ] {
        check(text, published());
        check(text, None);
    }
}

#[test]
fn spliced_and_hostile_texts_draft_or_say_why() {
    let mut rng = Rng(0x5EED_2017);
    for _ in 0..300 {
        let len = 1 + rng.below(3000);
        let text = spliced(&mut rng, len);
        check(&text, published());
    }
}

#[test]
fn a_five_megabyte_text_drafts() {
    let mut rng = Rng(5);
    let text = spliced(&mut rng, 5 << 20);
    let started = std::time::Instant::now();
    check_once(&text, published(), false);
    eprintln!("5 MB: {:?}", started.elapsed());
}
