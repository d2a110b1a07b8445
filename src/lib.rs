//! Story Explorer: one news story and the structured layer over it, in the browser.
//!
//! Data flows one way. [`story_core`] holds the story format and validation; `bundled` loads the
//! story compiled into the app as an immutable [`story_core::story::Story`]. [`views`] derives what
//! each view shows from the story and the view state, and knows nothing of the browser. [`ui`]
//! renders that with Yew — in the browser, and at build time through Yew's server renderer, whose
//! output the browser then hydrates in place — and turns clicks into state changes. [`build`] is
//! what the build writes around the rendered view (the page, its meta tags, its security policy);
//! [`fixtures`] are generated stories for tests and benchmarks, never in a release bundle.

pub mod build;
pub mod bundled;
#[cfg(feature = "fixtures")]
pub mod fixtures;
pub mod ui;
pub mod views;
