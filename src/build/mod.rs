//! Build time only: the explorer rendered by Yew's server renderer, and what the prerender step
//! writes around it — the page itself, its preview meta tags, the oEmbed description, the settings
//! shared with the boot script and the Content-Security-Policy.

pub mod page;
#[cfg(not(target_arch = "wasm32"))]
pub mod render;
