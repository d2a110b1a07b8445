//! `check-story DIR`: validates the story in DIR (story.toml against article.txt) with the
//! build's own validation, in seconds and without building the app. Prints every problem as
//! build.rs does (`error: <path>: <problem>`) and exits 1, or prints one line starting "ok".

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use story_core::story::{validate, StoryFile};

fn read(path: &Path) -> Result<String, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("error: cannot read {}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "error: {}: not UTF-8 text (the first bad byte is at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

fn check(dir: &Path) -> Result<String, Vec<String>> {
    let story_path = dir.join("story.toml");
    let article_path = dir.join("article.txt");
    let source = read(&story_path).map_err(|e| vec![e])?;
    let article = read(&article_path).map_err(|e| vec![e])?;
    let file: StoryFile = toml::from_str(&source)
        .map_err(|e| vec![format!("error: {}: {e}", story_path.display())])?;
    let story = validate(file, &article).map_err(|problems| {
        let mut lines = vec![format!(
            "error: {} has {} problem(s):",
            story_path.display(),
            problems.len()
        )];
        lines.extend(
            problems
                .iter()
                .map(|p| format!("error: {}: {p}", story_path.display())),
        );
        lines
    })?;
    let draft = if story.meta().draft {
        " (a draft: not yet checked by an editor)"
    } else {
        ""
    };
    Ok(format!(
        "ok: {}: {} entities, {} quotes, {} events, {} relationships, {} claims{draft}",
        story_path.display(),
        story.entities().len(),
        story.quotes().len(),
        story.events().len(),
        story.relationships().len(),
        story.claims().len(),
    ))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir] = args.as_slice() else {
        eprintln!("usage: check-story DIR   (DIR holds story.toml and article.txt)");
        return ExitCode::FAILURE;
    };
    match check(&PathBuf::from(dir)) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(lines) => {
            lines.iter().for_each(|l| eprintln!("{l}"));
            ExitCode::FAILURE
        }
    }
}
