//! WCAG contrast, for the colours the project draws text in: the stylesheet's palette
//! (tests/palette_contrast.rs) and the preview images' (`preview_image`).

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// The WCAG 2.x contrast ratio of two colours, from their relative luminance.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let luminance = |c: Rgb| {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.040_45 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2])
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}
