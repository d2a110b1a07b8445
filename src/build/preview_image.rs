//! An item's link-preview image: 1200 × 630 PNG (what Facebook asks for; X crops it to 2:1),
//! drawn at build time with fonts committed to the repository (assets/fonts, with their
//! licence), so no network and no system font is needed, and the same preview always gives the
//! same bytes. The words are large enough to read at half size, as feeds show them.

use super::contrast::Rgb;
use super::preview::Preview;
use fontdue::{Font, FontSettings};
use std::collections::HashMap;
use std::sync::OnceLock;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

pub const PAPER: Rgb = [0xfb, 0xfa, 0xf6];
pub const INK: Rgb = [0x16, 0x16, 0x16];
pub const MUTED: Rgb = [0x4d, 0x4d, 0x4d];
const RULE: Rgb = [0xd6, 0xd3, 0xc8];
/// The colours text is drawn in, each on [`PAPER`]: a test holds them to 4.5:1.
pub const TEXT_COLOURS: [Rgb; 2] = [INK, MUTED];

/// The band down the left edge, in the explorer's colour for the item's kind.
fn accent(kind: &str) -> Rgb {
    match kind {
        "Quote" => [0x9a, 0x5b, 0x00],
        "Claim" => [0x5b, 0x4a, 0x9c],
        "Event" => [0x1f, 0x6f, 0x5c],
        "Relationship" => [0x55, 0x55, 0x55],
        _ => [0x1d, 0x4f, 0x91],
    }
}

const SERIF_BYTES: &[u8] = include_bytes!("../../assets/fonts/DejaVuSerif.ttf");
const SANS_BOLD_BYTES: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// A committed font, parsed once.
fn font(
    cell: &'static OnceLock<Result<Font, String>>,
    bytes: &'static [u8],
) -> Result<&'static Font, String> {
    cell.get_or_init(|| Font::from_bytes(bytes, FontSettings::default()).map_err(str::to_owned))
        .as_ref()
        .map_err(|e| format!("a font in assets/fonts cannot be read: {e}"))
}

fn serif() -> Result<&'static Font, String> {
    static CELL: OnceLock<Result<Font, String>> = OnceLock::new();
    font(&CELL, SERIF_BYTES)
}

fn sans_bold() -> Result<&'static Font, String> {
    static CELL: OnceLock<Result<Font, String>> = OnceLock::new();
    font(&CELL, SANS_BOLD_BYTES)
}

const LEFT: f32 = 88.0;
const RIGHT: f32 = 80.0;
const TEXT_WIDTH: f32 = WIDTH as f32 - LEFT - RIGHT;

/// An RGB canvas with glyphs drawn on it, each rasterized once per size.
struct Canvas {
    pixels: Vec<u8>,
    glyphs: HashMap<(usize, char, u32), (fontdue::Metrics, Vec<u8>)>,
}

impl Canvas {
    fn new() -> Self {
        let pixels = PAPER.repeat((WIDTH * HEIGHT) as usize);
        Self {
            pixels,
            glyphs: HashMap::new(),
        }
    }

    fn fill(&mut self, x0: u32, y0: u32, x1: u32, y1: u32, colour: Rgb) {
        for y in y0..y1.min(HEIGHT) {
            for x in x0..x1.min(WIDTH) {
                let at = ((y * WIDTH + x) * 3) as usize;
                self.pixels[at..at + 3].copy_from_slice(&colour);
            }
        }
    }

    /// Draws `line` with its baseline at `y`, from `x`.
    fn text(&mut self, font: &Font, size: f32, line: &str, x: f32, y: f32, colour: Rgb) {
        let key_font = font as *const Font as usize;
        let mut pen = x;
        let mut previous = None;
        for ch in line.chars() {
            if let Some(p) = previous {
                pen += font.horizontal_kern(p, ch, size).unwrap_or(0.0);
            }
            previous = Some(ch);
            let (metrics, coverage) = self
                .glyphs
                .entry((key_font, ch, size.to_bits()))
                .or_insert_with(|| font.rasterize(ch, size))
                .clone();
            let left = (pen + metrics.xmin as f32).round() as i64;
            let top = (y - metrics.height as f32 - metrics.ymin as f32).round() as i64;
            for row in 0..metrics.height {
                for col in 0..metrics.width {
                    let a = u32::from(coverage[row * metrics.width + col]);
                    let (px, py) = (left + col as i64, top + row as i64);
                    if a == 0
                        || px < 0
                        || py < 0
                        || px >= i64::from(WIDTH)
                        || py >= i64::from(HEIGHT)
                    {
                        continue;
                    }
                    let at = ((py as u32 * WIDTH + px as u32) * 3) as usize;
                    for (under, &over) in self.pixels[at..at + 3].iter_mut().zip(&colour) {
                        let (u, o) = (u32::from(*under), u32::from(over));
                        *under = ((o * a + u * (255 - a) + 127) / 255) as u8;
                    }
                }
            }
            pen += metrics.advance_width;
        }
    }
}

/// How wide `text` is at `size`.
fn measure(font: &Font, size: f32, text: &str) -> f32 {
    let mut width = 0.0;
    let mut previous = None;
    for ch in text.chars() {
        if let Some(p) = previous {
            width += font.horizontal_kern(p, ch, size).unwrap_or(0.0);
        }
        previous = Some(ch);
        width += font.metrics(ch, size).advance_width;
    }
    width
}

/// `text` in lines no wider than `width`, broken at spaces (a word wider than a line is cut);
/// past `most` lines, the last ends in "…".
fn wrap(font: &Font, size: f32, text: &str, width: f32, most: usize) -> (Vec<String>, bool) {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let joined = match lines.last() {
            Some(line) => format!("{line} {word}"),
            None => word.to_owned(),
        };
        match lines.last_mut() {
            Some(line) if measure(font, size, &joined) <= width => *line = joined,
            _ => lines.push(word.to_owned()),
        }
    }
    let cut = lines.len() > most;
    if cut {
        lines.truncate(most);
        if let Some(last) = lines.last_mut() {
            // Whole words off the end, so a cut never leaves half a word before the ellipsis.
            while !last.is_empty() && measure(font, size, &format!("{last} …")) > width {
                match last.rfind(' ') {
                    Some(at) => last.truncate(at),
                    None => {
                        last.pop();
                    }
                }
            }
            last.push_str(" …");
        }
    }
    (lines, cut)
}

/// The preview as PNG bytes.
pub fn render(preview: &Preview) -> Result<Vec<u8>, String> {
    let mut canvas = Canvas::new();
    canvas.fill(0, 0, 20, HEIGHT, accent(preview.kind));
    let (sans, serif) = (sans_bold()?, serif()?);
    canvas.text(sans, 28.0, &preview.kind.to_uppercase(), LEFT, 84.0, MUTED);
    // The byline (at most two lines) sits just above the rule; the words fill what is left
    // above it, at the largest size at which they fit, else cut at the smallest.
    let byline_size = 30.0;
    let rule = 528.0;
    let byline = wrap(sans, byline_size, &preview.byline, TEXT_WIDTH, 2).0;
    let byline_top = rule - 28.0 - byline.len() as f32 * byline_size * 1.3;
    let top = 140.0;
    let room = byline_top - 20.0 - top;
    let fit = |size: f32| {
        let most = (room / (size * 1.25)).floor().max(1.0) as usize;
        wrap(serif, size, &preview.main, TEXT_WIDTH, most)
    };
    let (size, lines) = [64.0_f32, 56.0, 50.0, 44.0, 38.0]
        .into_iter()
        .map(|size| (size, fit(size)))
        .find(|(_, (_, cut))| !cut)
        .map(|(size, (lines, _))| (size, lines))
        .unwrap_or_else(|| (38.0, fit(38.0).0));
    let mut y = top + size;
    for line in &lines {
        canvas.text(serif, size, line, LEFT, y, INK);
        y += size * 1.25;
    }
    // Just under the words, or as low as the room above the rule allows.
    let below_words = y - size * 1.25 + size * 0.35 + 24.0;
    let mut y = below_words.min(byline_top) + byline_size;
    for line in &byline {
        canvas.text(sans, byline_size, line, LEFT, y, INK);
        y += byline_size * 1.3;
    }
    canvas.fill(LEFT as u32, 528, WIDTH - RIGHT as u32, 530, RULE);
    for line in wrap(serif, 28.0, &preview.footer, TEXT_WIDTH, 1).0 {
        canvas.text(serif, 28.0, &line, LEFT, 578.0, MUTED);
    }
    encode(&canvas.pixels)
}

fn encode(pixels: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    let problem = |e: png::EncodingError| format!("the preview image cannot be encoded: {e}");
    let mut writer = encoder.write_header().map_err(problem)?;
    writer.write_image_data(pixels).map_err(problem)?;
    writer.finish().map_err(problem)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::contrast::contrast;
    use crate::build::preview::preview;
    use crate::bundled;
    use crate::views::cards::cards;

    fn png_size(bytes: &[u8]) -> (u32, u32) {
        let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        (be(16), be(20))
    }

    #[test]
    fn the_same_preview_always_gives_the_same_bytes() {
        let story = bundled::load().unwrap();
        for id in ["peskov-no-details", "sessions-met-kislyak"] {
            let p = preview(&story, &cards(&story), id).unwrap();
            let (first, second) = (render(&p).unwrap(), render(&p).unwrap());
            assert_eq!(first, second, "{id}");
            assert_eq!(png_size(&first), (WIDTH, HEIGHT));
            assert!(first.len() <= 100_000, "{id}: {} bytes", first.len());
        }
    }

    #[test]
    fn text_colours_have_at_least_4_5_to_1_contrast_on_the_paper() {
        for colour in TEXT_COLOURS {
            assert!(contrast(colour, PAPER) >= 4.5, "{colour:?}");
        }
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
    }

    #[test]
    fn every_item_of_the_seed_story_fits_in_100_kb() {
        let story = bundled::load().unwrap();
        let cards = cards(&story);
        for id in crate::views::share::shareable(&story) {
            let bytes = render(&preview(&story, &cards, id).unwrap()).unwrap();
            assert!(bytes.len() <= 100_000, "{id}: {} bytes", bytes.len());
        }
    }
}
