//! Live validation: the build's own validation (story-core), run on the story as it is now, with
//! each problem tied to the item and field it is about and said in an editor's words.
//!
//! story-core reports problems as text ("quote `x`" and "speaker `y` does not exist"), the form
//! the build prints. They are read back here by their fixed shapes; a message of a shape not
//! known here is kept as it is, still next to its item, so a new rule in story-core is never
//! lost, only less polished. The build's wording is kept in [`Problem::build_says`].

use crate::session::Session;
use story_core::story::{validate, StoryFile};

/// What a problem is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The story's metadata: headline, summary, date, photo.
    Meta,
    /// An item, by id, with its kind as the build names it ("quote", "entity").
    Item { kind: String, id: String },
    /// The article itself (a direction control it leaves open).
    Article,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub target: Target,
    /// The field, as the file names it ("speaker", "source", "aliases"), when one is named.
    pub field: Option<String>,
    /// What is wrong and what to do, for the editor.
    pub message: String,
    /// The same problem as the build and `scripts/check-story.sh` print it.
    pub build_says: String,
}

/// Every problem validation finds in the session's story now.
pub fn problems(session: &Session) -> Vec<Problem> {
    problems_of(session.file(), session.article())
}

pub fn problems_of(file: &StoryFile, article: &str) -> Vec<Problem> {
    match validate(file.clone(), article) {
        Ok(_) => Vec::new(),
        Err(found) => found
            .iter()
            .map(|p| read(&p.item, &p.message, &p.to_string()))
            .collect(),
    }
}

fn read(item: &str, message: &str, whole: &str) -> Problem {
    let target = target(item);
    let (field, rest) = field(message);
    Problem {
        message: editor_words(field.as_deref(), rest, message),
        target,
        field,
        build_says: whole.to_owned(),
    }
}

/// "quote `x`" → the item; "story metadata" → the metadata.
fn target(item: &str) -> Target {
    if let Some((kind, rest)) = item.split_once(" `") {
        if let Some(id) = rest.strip_suffix('`') {
            return Target::Item {
                kind: kind.to_owned(),
                id: id.to_owned(),
            };
        }
    }
    if item == "the article" {
        Target::Article
    } else {
        Target::Meta
    }
}

/// Fields as validation names them at the start of a message, longest first so "photo
/// caption" wins over a shorter match.
const FIELDS: [&str; 22] = [
    "photo caption",
    "photo credit",
    "participant",
    "published",
    "role word",
    "claimant",
    "headline",
    "inferred",
    "speaker",
    "summary",
    "source",
    "alias",
    "event",
    "quote",
    "side",
    "text",
    "when",
    "date",
    "from",
    "via",
    "to",
    "evidence",
];

/// The field a message starts with, as the file names it, and the message after it.
fn field(message: &str) -> (Option<String>, &str) {
    if message.starts_with("an id is made") || message.starts_with("duplicate id") {
        return (Some("id".to_owned()), message);
    }
    if message.starts_with("cannot resolve the date") {
        return (Some("when".to_owned()), message);
    }
    for name in FIELDS {
        let Some(rest) = message.strip_prefix(name) else {
            continue;
        };
        // "evidence 2: …" names the second piece of evidence.
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
        let rest = rest.strip_prefix(':').map_or(rest, str::trim_start);
        if message.len() > name.len()
            && !message[name.len()..].starts_with(|c: char| c.is_alphabetic())
        {
            let file_name = match name {
                "participant" => "participants",
                "alias" => "aliases",
                "role word" => "role",
                "quote" => "quotes",
                other => other,
            };
            return (Some(file_name.to_owned()), rest);
        }
    }
    (None, message)
}

/// What an editor reads for a problem: the common ones said for the page, the rest as the
/// build says them, capitalized and closed.
fn editor_words(field: Option<&str>, rest: &str, whole: &str) -> String {
    if let Some(words) = inference_words(whole) {
        return words;
    }
    if let Some(n) = occurs(rest) {
        return format!(
            "These words occur {n} times in the article; select a longer passage, or select \
             the words again so they are pinned to this place."
        );
    }
    if rest.starts_with("the words") && rest.ends_with("are not in the article") {
        return "These words are not in the article as written; select them in the article again."
            .to_owned();
    }
    if rest.starts_with("the words") && rest.contains("do not occur exactly once within") {
        return "These words are not found once in the passage around them; select them in the \
                article again."
            .to_owned();
    }
    if rest == "quotes no words of the article" {
        return "Select the words of the article this comes from.".to_owned();
    }
    if let Some(f) = field {
        if rest.contains("`` does not exist") {
            return format!("Choose the {}.", choose(f));
        }
        // A name typed that is no item of the story ("speaker `Jan Jansen` does not exist").
        if let Some(name) = rest
            .strip_suffix("` does not exist")
            .and_then(|r| r.rsplit_once('`'))
            .map(|(_, name)| name)
        {
            return match f {
                "speaker" | "claimant" | "from" | "to" | "participants" | "via" => format!(
                    "There is no “{name}” in this story: choose the {} from the list, or select \
                     their name in the article and make them.",
                    choose(f)
                ),
                other => {
                    format!("There is no “{name}” in this story: choose the {other} from the list.")
                }
            };
        }
    }
    sentence(whole)
}

/// The editorial rules ask for a reason "with `inferred = \"…\"`", as the file writes it; the
/// form has a field for it.
fn inference_words(message: &str) -> Option<String> {
    if let Some(head) = message.strip_suffix("with `inferred = \"…\"`") {
        const UNNAMED: &str =
            "` is not named in the paragraph this comes from; say why it is taken to be ";
        let unnamed = head
            .split_once(" `")
            .and_then(|(field, rest)| Some((field, rest.split_once(UNNAMED)?.1.trim_end())));
        return Some(match unnamed {
            Some((field, name)) => format!(
                "{name} is not named in the paragraph these words come from: say why the {field} \
                 is taken to be them under “Inferred: why”."
            ),
            None => sentence(&format!("{head}under “Inferred: why”")),
        });
    }
    message
        .strip_suffix("with `published_note = \"…\"`")
        .map(|head| sentence(&format!("{head}under “Note on the date”")))
}

fn choose(field: &str) -> &str {
    match field {
        "speaker" => "speaker (who says this)",
        "claimant" => "claimant (who makes the claim)",
        "from" => "entity the relationship starts from",
        "to" => "entity the relationship goes to",
        other => other,
    }
}

/// "the words \"x\" occur 3 times in the article; …" → 3.
fn occurs(rest: &str) -> Option<usize> {
    let (_, after) = rest.rsplit_once("\" occur ")?;
    let (n, tail) = after.split_once(' ')?;
    tail.starts_with("times in the article")
        .then(|| n.parse().ok())
        .flatten()
}

fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !out.ends_with(['.', '?', '!']) {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_editorial_rules_ask_for_names_the_forms_field() {
        let p = read(
            "quote `stam-patient`",
            "speaker `niek-stam` is not named in the paragraph this comes from; say why it is taken to be Niek Stam with `inferred = \"…\"`",
            "whole",
        );
        assert_eq!(p.field.as_deref(), Some("speaker"));
        assert_eq!(
            p.message,
            "Niek Stam is not named in the paragraph these words come from: say why the speaker \
             is taken to be them under “Inferred: why”."
        );
        let p = read(
            "entity `e`",
            "role word \"senator\" is not in a paragraph that names Jeff Sessions; say why the role is theirs with `inferred = \"…\"`",
            "whole",
        );
        assert_eq!(p.message, "Role word \"senator\" is not in a paragraph that names Jeff Sessions; say why the role is theirs under “Inferred: why”.");
        let p = read(
            "story metadata",
            "published: the article does not print 2017-03-02; say how the date was set with `published_note = \"…\"`",
            "whole",
        );
        assert_eq!(p.field.as_deref(), Some("published"));
        assert_eq!(p.message, "Published: the article does not print 2017-03-02; say how the date was set under “Note on the date”.");
    }

    #[test]
    fn items_and_fields_are_read_from_the_builds_words() {
        let p = read(
            "quote `peskov-no-details`",
            "text: the words \"I don't know\" occur 3 times in the article; quote more of them, or add `within` with longer words around the one meant",
            "whole",
        );
        assert_eq!(
            p.target,
            Target::Item {
                kind: "quote".into(),
                id: "peskov-no-details".into()
            }
        );
        assert_eq!(p.field.as_deref(), Some("text"));
        assert!(p
            .message
            .starts_with("These words occur 3 times in the article; select a longer passage"));
        let p = read("event `e`", "participant `x` does not exist", "w");
        assert_eq!(p.field.as_deref(), Some("participants"));
        assert_eq!(
            p.message,
            "There is no “x” in this story: choose the participants from the list, or select \
             their name in the article and make them."
        );
        let p = read("quote `q`", "speaker `` does not exist", "w");
        assert_eq!(p.message, "Choose the speaker (who says this).");
        let p = read("quote `q`", "speaker `Jan Jansen` does not exist", "w");
        assert_eq!(
            p.message,
            "There is no “Jan Jansen” in this story: choose the speaker (who says this) from the \
             list, or select their name in the article and make them."
        );
        let p = read(
            "story metadata",
            "photo caption: quotes no words of the article",
            "w",
        );
        assert_eq!(
            (p.target, p.field.as_deref()),
            (Target::Meta, Some("photo caption"))
        );
        let p = read(
            "claim `c`",
            "evidence 2: the words \"x\" are not in the article",
            "w",
        );
        assert_eq!(p.field.as_deref(), Some("evidence"));
        assert!(p.message.starts_with("These words are not in the article"));
        let p = read(
            "entity `e`",
            "alias \"a\" is not in the article as written",
            "w",
        );
        assert_eq!(p.field.as_deref(), Some("aliases"));
        let p = read("entity `e`", "role word \"Zar\" is not in the article", "w");
        assert_eq!(p.field.as_deref(), Some("role"));
        let p = read("the article", "the text has a direction control", "w");
        assert_eq!((p.target, p.field), (Target::Article, None));
    }

    #[test]
    fn an_unknown_shape_is_kept_next_to_its_item() {
        let p = read("side `s`", "something new went wrong", "w");
        assert_eq!(p.field, None);
        assert_eq!(p.message, "Something new went wrong.");
        assert_eq!(
            p.target,
            Target::Item {
                kind: "side".into(),
                id: "s".into()
            }
        );
    }
}
