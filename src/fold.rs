//! Text folded for matching: lowercase, without diacritics, with curly apostrophes and quotes
//! made straight. One folded char per input char, so a match in folded text maps straight back
//! to the original for highlighting.

use std::ops::Range;

/// Latin letters with diacritics and the letter they fold to.
const DIACRITICS: [(&str, char); 19] = [
    ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", 'a'),
    ("ÇçĆćĈĉĊċČč", 'c'),
    ("ĎďĐđ", 'd'),
    ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", 'e'),
    ("ĜĝĞğĠġĢģ", 'g'),
    ("ĤĥĦħ", 'h'),
    ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", 'i'),
    ("Ĵĵ", 'j'),
    ("Ķķ", 'k'),
    ("ĹĺĻļĽľĿŀŁł", 'l'),
    ("ÑñŃńŅņŇň", 'n'),
    ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", 'o'),
    ("ŔŕŖŗŘř", 'r'),
    ("ŚśŜŝŞşŠš", 's'),
    ("ŢţŤťŦŧ", 't'),
    ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", 'u'),
    ("Ŵŵ", 'w'),
    ("ÝýÿŶŷŸ", 'y'),
    ("ŹźŻżŽž", 'z'),
];

/// At most this many search terms, each at most this many chars: a pasted novel stays cheap.
const MAX_TERMS: usize = 8;
const MAX_TERM_CHARS: usize = 64;

pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        '\u{2018}' | '\u{2019}' => return '\'',
        '\u{201C}' | '\u{201D}' => return '"',
        _ => {}
    }
    if let Some((_, base)) = DIACRITICS.iter().find(|(set, _)| set.contains(c)) {
        return *base;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// The search terms of what a reader typed: folded, split on whitespace, capped.
pub fn terms(query: &str) -> Vec<String> {
    query
        .split_whitespace()
        .take(MAX_TERMS)
        .map(|term| term.chars().take(MAX_TERM_CHARS).map(fold_char).collect())
        .collect()
}

/// Byte ranges of `text` where any of `terms` matches, sorted and merged.
pub fn highlights(text: &str, terms: &[String]) -> Vec<Range<usize>> {
    if terms.is_empty() {
        return Vec::new();
    }
    let (folded, starts): (Vec<char>, Vec<usize>) = text
        .char_indices()
        .map(|(at, c)| (fold_char(c), at))
        .unzip();
    let mut found: Vec<Range<usize>> = Vec::new();
    for term in terms {
        let needle: Vec<char> = term.chars().collect();
        if needle.is_empty() || needle.len() > folded.len() {
            continue;
        }
        for at in 0..=folded.len() - needle.len() {
            if folded[at..at + needle.len()] == needle[..] {
                let end = starts.get(at + needle.len()).copied().unwrap_or(text.len());
                found.push(starts[at]..end);
            }
        }
    }
    found.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for range in found {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_diacritics_and_curly_quotes() {
        assert_eq!(fold("Zakharová’s “Ñandú”"), "zakharova's \"nandu\"");
        assert_eq!(fold("ДМИТРИЙ"), "дмитрий");
        assert_eq!(fold("İ").chars().count(), 1, "one char per char");
    }

    #[test]
    fn terms_are_capped() {
        let long = "x".repeat(10_000);
        let terms = terms(&format!("{long} a b c d e f g h i j"));
        assert_eq!(terms.len(), MAX_TERMS);
        assert_eq!(terms[0].chars().count(), MAX_TERM_CHARS);
    }

    #[test]
    fn highlights_map_back_to_the_original_text() {
        let text = "Kislyak’s door; KISLYAK; Kíslyak";
        let ranges = highlights(text, &terms("kislyak"));
        let words: Vec<&str> = ranges.into_iter().map(|r| &text[r]).collect();
        assert_eq!(words, ["Kislyak", "KISLYAK", "Kíslyak"]);
        let ranges = highlights(text, &terms("kislyak's door"));
        assert_eq!(&text[ranges[0].clone()], "Kislyak’s");
        assert_eq!(&text[ranges[1].clone()], "door");
    }

    #[test]
    fn hostile_text_is_just_text() {
        for query in [
            "<script>alert(1)</script>",
            "🦀🦀",
            "שלום עולם",
            "\u{202E}evil",
            "\0",
            "",
        ] {
            let ranges = highlights(query, &terms(query));
            assert!(ranges
                .iter()
                .all(|r| query.is_char_boundary(r.start) && query.is_char_boundary(r.end)));
        }
    }
}
