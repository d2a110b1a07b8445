//! `draft ARTICLE.txt [--published YYYY-MM-DD] [--out DIR]`: drafts a story from an article.
//! With `--out`, writes DIR/article.txt (the input, byte for byte) and DIR/story.toml; without
//! it, prints the story. The TOML is read back and validated before it is written, so a draft
//! that would not build is never written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use story_core::dates::PartialDate;
use story_draft::{draft, toml_out, Options};

const USAGE: &str = "usage: draft ARTICLE.txt [--published YYYY-MM-DD] [--out DIR]";

struct Args {
    article: PathBuf,
    published: Option<PartialDate>,
    out: Option<PathBuf>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut article = None;
    let mut published = None;
    let mut out = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--published" => {
                let value = rest.next().ok_or("--published needs a date, YYYY-MM-DD")?;
                published = Some(PartialDate::parse_iso(value).ok_or_else(|| {
                    format!("--published: `{value}` is not a date of the form YYYY-MM-DD (or YYYY-MM, YYYY)")
                })?);
            }
            "--out" => out = Some(PathBuf::from(rest.next().ok_or("--out needs a folder")?)),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n{USAGE}"))
            }
            path if article.is_none() => article = Some(PathBuf::from(path)),
            extra => return Err(format!("unexpected argument {extra}\n{USAGE}")),
        }
    }
    Ok(Args {
        article: article.ok_or(USAGE)?,
        published,
        out,
    })
}

fn run(args: &Args) -> Result<(), String> {
    let path = &args.article;
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        format!(
            "{} is not UTF-8 text (the first bad byte is at offset {}); save it as UTF-8 and try again",
            path.display(),
            e.valid_up_to()
        )
    })?;
    let drafted = draft(
        text,
        &Options {
            published: args.published,
        },
    )
    .map_err(|e| format!("{}: {e}", path.display()))?;
    let toml = toml_out::write(&drafted);
    // The bytes written are the bytes validated.
    let file: story_core::story::StoryFile =
        toml::from_str(&toml).map_err(|e| format!("the draft does not read back (a bug): {e}"))?;
    story_core::story::validate(file, text).map_err(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        format!("the draft does not validate (a bug): {}", list.join("; "))
    })?;
    match &args.out {
        None => {
            print!("{toml}");
            Ok(())
        }
        Some(dir) => write_folder(dir, &bytes, &toml),
    }
}

fn write_folder(dir: &Path, article: &[u8], toml: &str) -> Result<(), String> {
    let story = dir.join("story.toml");
    if story.exists() {
        return Err(format!(
            "{} exists; it may hold an editor's work, so it is not overwritten (move it away first)",
            story.display()
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let write = |path: PathBuf, bytes: &[u8]| {
        std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    write(dir.join("article.txt"), article)?;
    write(story.clone(), toml.as_bytes())?;
    eprintln!(
        "wrote {} and {}",
        dir.join("article.txt").display(),
        story.display()
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse(&args).and_then(|a| run(&a)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
