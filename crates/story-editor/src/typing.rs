//! What an editor is typing into a field, kept at every keystroke. A field's words go into the
//! story when the editor leaves the field; a reload, a closed tab or a crash before then would
//! lose them. The page keeps them under [`TYPING_KEY`] as they are typed, and puts them into the
//! story when it opens again.

use crate::form::{fields, value};
use story_edit::{Edit, Session};

/// Where the words being typed are kept in the browser's storage.
pub const TYPING_KEY: &str = "story-editor/typing";

/// The words typed into one field of one item, not yet in the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typing {
    pub item: String,
    /// The field's key (`FieldRow::key`).
    pub field: String,
    pub text: String,
}

// Unit separator: never in an id or a field's key; the text is the last part, so it may hold
// anything.
const SEP: char = '\u{1f}';
const VERSION: &str = "1";

impl Typing {
    pub fn encode(&self) -> String {
        [VERSION, &self.item, &self.field, &self.text].join(&SEP.to_string())
    }

    /// `None` for anything this page did not write (another version, a value altered by hand).
    pub fn decode(kept: &str) -> Option<Typing> {
        let mut parts = kept.splitn(4, SEP);
        if parts.next()? != VERSION {
            return None;
        }
        let (item, field, text) = (parts.next()?, parts.next()?, parts.next()?);
        (!item.is_empty() && !field.is_empty()).then(|| Typing {
            item: item.to_owned(),
            field: field.to_owned(),
            text: text.to_owned(),
        })
    }
}

/// The edit that puts the kept words into the story, with the field's label for the note that
/// says so; `None` when the item or the field is gone, or it already holds those words.
pub fn restore(session: &Session, typing: &Typing) -> Option<(Edit, &'static str)> {
    let row = fields(session, &typing.item)
        .into_iter()
        .find(|r| r.key == typing.field)?;
    if row.value.trim() == typing.text.trim() {
        return None;
    }
    let edit = Edit::SetField {
        id: typing.item.clone(),
        field: row.field,
        value: value(session, &row.input, &typing.text),
    };
    Some((edit, row.label))
}

#[cfg(test)]
mod tests {
    use super::*;
    use story_edit::{apply, open};

    const ARTICLE: &str = include_str!("../../../stories/sessions-kislyak/article.txt");
    const STORY: &str = include_str!("../../../stories/sessions-kislyak/story.toml");

    fn typing(item: &str, field: &str, text: &str) -> Typing {
        Typing {
            item: item.into(),
            field: field.into(),
            text: text.into(),
        }
    }

    #[test]
    fn kept_words_come_back_as_typed_whatever_they_hold() {
        for text in [
            "",
            "Attorney General",
            "two\nlines",
            "a \u{1f} separator",
            "«quoted» — ✓",
        ] {
            let kept = typing("jeff-sessions", "role", text);
            assert_eq!(Typing::decode(&kept.encode()), Some(kept));
        }
    }

    #[test]
    fn what_this_page_did_not_write_is_not_read() {
        for bad in [
            "",
            "jeff-sessions",
            "2\u{1f}a\u{1f}b\u{1f}c",
            "1\u{1f}\u{1f}role\u{1f}x",
            "1\u{1f}a\u{1f}role",
        ] {
            assert_eq!(Typing::decode(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_words_typed_before_a_reload_go_into_the_story() {
        let mut session = open(ARTICLE, STORY).unwrap();
        let kept = typing(
            "jeff-sessions",
            "role",
            "Attorney General of the United States",
        );
        let (edit, label) = restore(&session, &kept).expect("a change to restore");
        assert_eq!(label, "Role");
        apply(&mut session, edit).unwrap();
        let role = fields(&session, "jeff-sessions")
            .into_iter()
            .find(|r| r.key == "role")
            .unwrap()
            .value;
        assert_eq!(role, "Attorney General of the United States");
    }

    #[test]
    fn nothing_is_restored_when_the_item_or_field_is_gone_or_already_says_it() {
        let session = open(ARTICLE, STORY).unwrap();
        let current = fields(&session, "jeff-sessions")
            .into_iter()
            .find(|r| r.key == "role")
            .unwrap()
            .value;
        assert_eq!(
            restore(&session, &typing("jeff-sessions", "role", &current)),
            None
        );
        assert_eq!(
            restore(&session, &typing("no-such-item", "role", "x")),
            None
        );
        assert_eq!(
            restore(&session, &typing("jeff-sessions", "no-such-field", "x")),
            None
        );
    }
}
