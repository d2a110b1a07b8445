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
    lower_char(c)
}

/// Lowercase for the alphabets news copy is written in — Latin (with Vietnamese), Greek, Cyrillic,
/// Armenian — by arithmetic on their code points. std's full Unicode case tables would add 20 KB
/// (gzip) to the bundle; letters of other scripts are kept as they are.
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 0x20,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u.is_multiple_of(2) => u + 1,
        0x139..=0x148 | 0x179..=0x17E if !u.is_multiple_of(2) => u + 1,
        0x130 => 0x69,
        0x178 => 0xFF,
        0x1E9E => 0xDF,
        // Latin Extended-B: Vietnamese Ơ Ư, Romanian Ș Ț, pinyin Ǎ Ǐ Ǒ Ǔ, and their neighbours.
        0x1A0..=0x1A5 | 0x1DE..=0x1EF | 0x1F8..=0x21F | 0x222..=0x233 if u.is_multiple_of(2) => {
            u + 1
        }
        0x1AF | 0x1B3 | 0x1B5 | 0x1CD..=0x1DC if !u.is_multiple_of(2) => u + 1,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 37,
        0x38C => 0x3CC,
        0x38E | 0x38F => u + 63,
        0x391..=0x3A1 | 0x3A3..=0x3AB => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if u.is_multiple_of(2) => u + 1,
        0x4C1..=0x4CE if !u.is_multiple_of(2) => u + 1,
        0x4C0 => 0x4CF,
        0x531..=0x556 => u + 0x30,
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if u.is_multiple_of(2) => u + 1,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `text` with [`lower_char`] applied: the same number of chars (not always of bytes: İ → i).
pub fn lower(text: &str) -> String {
    text.chars().map(lower_char).collect()
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
    crate::order::sort_by_key(&mut found, |r| (r.start, r.end));
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
    fn lowercasing_agrees_with_std_wherever_it_changes_a_letter_or_std_maps_one_to_one_in_its_alphabets(
    ) {
        let covered = [
            0x41..=0x7F,
            0xC0..=0x17F,
            0x1A0..=0x1A5,
            0x1AF..=0x1B0,
            0x1CD..=0x1DC,
            0x1DE..=0x1EF,
            0x1F8..=0x21F,
            0x222..=0x233,
            0x386..=0x3AB,
            0x400..=0x52F,
            0x531..=0x556,
            0x1E00..=0x1EFF,
        ];
        for u in 0..0x2000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let mut std = c.to_lowercase();
            let std_one = match (std.next(), std.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            };
            if lower_char(c) != c {
                assert_eq!(Some(lower_char(c)), std_one.or(Some('i')), "{c} U+{u:04X}");
            }
            if covered.iter().any(|r| r.contains(&u)) && u != 0x130 {
                if let Some(one) = std_one {
                    assert_eq!(lower_char(c), one, "{c} U+{u:04X}");
                }
            }
        }
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
