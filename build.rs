//! Validates the bundled story, so a broken story fails the build, naming each item that is wrong,
//! before it can reach a reader; hands the validated story to the app as compact bytes
//! (`story::packed`), and to checks as JSON.

use std::path::{Path, PathBuf};
use std::process::exit;
use story_core::story;

/// The story an editor points the build at; the seed story unless `STORY_DIR` says otherwise.
const DEFAULT_STORY: &str = "stories/sessions-kislyak";

fn main() {
    // The engine is split after linking (scripts/split-engine.mjs), which needs the linker's
    // relocations: asked of the engine's link alone. Everything else linked for wasm (the editor,
    // the component tests) would otherwise carry them, more than a megabyte of sections.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
        && std::env::var_os("CARGO_FEATURE_SPLIT").is_some()
    {
        println!("cargo:rustc-link-arg-bin=story-explorer=--emit-relocs");
    }
    println!("cargo:rerun-if-env-changed=STORY_DIR");
    // `ITEM_PAGES=0` turns off the items' own pages (views::share::ITEM_PAGES): the app, which
    // links to them, and the prerender step, which writes them, read the same constant.
    println!("cargo:rerun-if-env-changed=ITEM_PAGES");
    if let Ok(pages) = std::env::var("ITEM_PAGES") {
        println!("cargo:rustc-env=STORY_ITEM_PAGES={pages}");
    }
    let dir =
        PathBuf::from(std::env::var("STORY_DIR").unwrap_or_else(|_| DEFAULT_STORY.to_owned()));
    let story_path = dir.join("story.toml");
    let article_path = dir.join("article.txt");
    println!("cargo:rerun-if-changed={}", story_path.display());
    println!("cargo:rerun-if-changed={}", article_path.display());

    let source = read(&story_path);
    let article = read(&article_path);
    let file: story::StoryFile = toml::from_str(&source).unwrap_or_else(|e| {
        eprintln!("error: {}: {e}", story_path.display());
        exit(1)
    });
    let validated = story::validate(file.clone(), &article).unwrap_or_else(|problems| {
        eprintln!(
            "error: {} has {} problem(s):",
            story_path.display(),
            problems.len()
        );
        for problem in problems {
            eprintln!("error: {}: {problem}", story_path.display());
        }
        exit(1);
    });
    let json = serde_json::to_string(&file).unwrap_or_else(|e| {
        eprintln!("error: cannot serialize {}: {e}", story_path.display());
        exit(1)
    });
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts"));
    write(&out.join("story.json"), &json);
    let packed = story::packed::pack(&validated);
    std::fs::write(out.join("story.bin"), packed).unwrap_or_else(|e| {
        eprintln!("error: cannot write the packed story: {e}");
        exit(1)
    });
    write(&out.join("article.txt"), &article);
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("error: cannot read {}: {e}", path.display());
        exit(1)
    })
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| {
        eprintln!("error: cannot write {}: {e}", path.display());
        exit(1)
    });
}
