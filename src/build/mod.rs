//! Build time only: the explorer rendered by Yew's server renderer, and what the prerender step
//! writes around it — the page itself, its preview meta tags, the oEmbed description, the settings
//! shared with the boot script and the Content-Security-Policy — and each item's own page, with
//! its preview text and image.

pub mod contrast;
pub mod page;
#[cfg(not(target_arch = "wasm32"))]
pub mod preview;
#[cfg(not(target_arch = "wasm32"))]
pub mod preview_image;
#[cfg(not(target_arch = "wasm32"))]
pub mod render;
