//! The palette in `static/app.css`, light and dark, meets WCAG 2.2 AA contrast: text ≥ 4.5:1 and
//! graphics, borders and focus rings ≥ 3:1 against every background they sit on. Read from the
//! stylesheet itself, so a colour edited there is checked here.

use story_explorer::build::contrast::contrast;

const CSS: &str = include_str!("../static/app.css");

/// A theme's custom properties that hold colours, in declaration order.
type Theme = Vec<(String, [u8; 3])>;

/// The colours of the `:root` block's custom properties, each written `light-dark(#light, #dark)`:
/// the light theme's (`which` = 0) or the dark one's (1).
fn root_colours(which: usize) -> Theme {
    let block = &CSS[CSS.find(":root {").expect("a :root block")..];
    let block = &block[..block.find("\n}").expect("a closed :root block")];
    block
        .lines()
        .filter_map(|line| {
            let (name, value) = line.trim().strip_prefix("--")?.split_once(':')?;
            let pair = value
                .trim()
                .strip_prefix("light-dark(")?
                .strip_suffix(");")?;
            let hex = pair.split(',').nth(which)?.trim().strip_prefix('#')?;
            let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
            (hex.len() == 6).then_some(())?;
            Some((name.to_owned(), [channel(0)?, channel(2)?, channel(4)?]))
        })
        .collect()
}

fn themes() -> [(&'static str, Theme); 2] {
    [("light", root_colours(0)), ("dark", root_colours(1))]
}

fn colour(theme: &[(String, [u8; 3])], name: &str) -> [u8; 3] {
    theme
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("--{name} is not defined"))
        .1
}

const BACKGROUNDS: [&str; 2] = ["bg", "surface"];
/// Used for words: body text, secondary text, links, and the kind labels and legend entries.
const TEXT: [&str; 10] = [
    "text",
    "muted",
    "accent",
    "person",
    "organization",
    "group",
    "place",
    "quote",
    "event",
    "claim",
];
/// Used for shapes only: borders, focus rings, graph nodes and timeline marks.
const GRAPHICS: [&str; 2] = ["border", "focus"];

#[test]
fn the_contrast_formula_matches_wcag_reference_values() {
    assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
    assert!((contrast([0x77, 0x77, 0x77], [255, 255, 255]) - 4.48).abs() < 0.01);
    assert!((contrast([1, 2, 3], [1, 2, 3]) - 1.0).abs() < 1e-9);
}

#[test]
fn text_colours_reach_4_5_to_1_on_every_background_in_both_themes() {
    let mut failures = Vec::new();
    for (theme_name, theme) in themes() {
        for fg in TEXT {
            for bg in BACKGROUNDS {
                let ratio = contrast(colour(&theme, fg), colour(&theme, bg));
                if ratio < 4.5 {
                    failures.push(format!("{theme_name}: --{fg} on --{bg} is {ratio:.2}:1"));
                }
            }
        }
        let marked = contrast(colour(&theme, "mark-text"), colour(&theme, "mark-bg"));
        if marked < 4.5 {
            failures.push(format!(
                "{theme_name}: --mark-text on --mark-bg is {marked:.2}:1"
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn graphics_and_focus_rings_reach_3_to_1_in_both_themes() {
    let mut failures = Vec::new();
    for (theme_name, theme) in themes() {
        for fg in GRAPHICS.iter().chain(TEXT.iter().skip(3)) {
            for bg in BACKGROUNDS {
                let ratio = contrast(colour(&theme, fg), colour(&theme, bg));
                if ratio < 3.0 {
                    failures.push(format!("{theme_name}: --{fg} on --{bg} is {ratio:.2}:1"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The light colours again, for browsers without light-dark(): equal to the first of each pair.
#[test]
fn browsers_without_light_dark_get_the_light_palette() {
    let at = CSS
        .find("@supports not (color: light-dark(")
        .expect("a fallback for browsers without light-dark()");
    let block = &CSS[at..];
    let block = &block[..block.find("\n}").expect("a closed @supports block")];
    let fallback: Theme = block
        .lines()
        .filter_map(|line| {
            let (name, value) = line.trim().strip_prefix("--")?.split_once(':')?;
            let hex = value.trim().strip_suffix(';')?.strip_prefix('#')?;
            let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
            Some((name.to_owned(), [channel(0)?, channel(2)?, channel(4)?]))
        })
        .collect();
    let [(_, light), _] = themes();
    assert_eq!(fallback, light);
}

#[test]
fn both_themes_define_the_same_colours() {
    let [(_, light), (_, dark)] = themes();
    let names = |t: &[(String, [u8; 3])]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&light), names(&dark));
    assert!(light.len() >= 16, "{:?}", names(&light));
}
