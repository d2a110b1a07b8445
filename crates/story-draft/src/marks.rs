//! Quotation marks and what each one can do. Curly marks say whether they open or close; straight
//! ones (and a spaced curly one) are read from the characters beside them. Marks come in two
//! families, double and single, and a quotation opened by one mark of a family may be closed by
//! any closing mark of the same family: newsrooms mix “curly" and straight marks in one quote.
//! An apostrophe inside or at the end of a word ("don't", "Sessions’") is not a mark at all.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Open,
    Close,
    /// A straight mark whose neighbours do not tell: it closes a quotation of its family that is
    /// open, and opens one otherwise.
    Either,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub family: Family,
    pub role: Role,
}

/// Characters after which a mark opens: the start of a paragraph, a space, a bracket, a dash.
fn opens_after(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/'))
}

/// Characters before which a mark closes: the end, a space, punctuation.
fn closes_before(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '—' | '–' | '-'
            )
    })
}

/// What the character `c`, between `before` and `after`, does as a quotation mark, if anything.
pub fn classify(before: Option<char>, c: char, after: Option<char>) -> Option<Mark> {
    let mark = |family, role| Some(Mark { family, role });
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    match c {
        '“' | '„' | '‟' | '«' => mark(Family::Double, Role::Open),
        '”' | '»' => mark(Family::Double, Role::Close),
        '‘' | '‹' | '‚' => mark(Family::Single, Role::Open),
        '›' => mark(Family::Single, Role::Close),
        // Inside a word it is an apostrophe ("Kislyak’s"); after a word it may close a single
        // quotation or end a possessive ("Sessions’ claim"), which pairing tells apart.
        '’' if word(before) && word(after) => None,
        '’' if !opens_after(before) && closes_before(after) => mark(Family::Single, Role::Close),
        '’' => None,
        '"' => match (opens_after(before), closes_before(after)) {
            (true, false) => mark(Family::Double, Role::Open),
            (false, true) => mark(Family::Double, Role::Close),
            _ => mark(Family::Double, Role::Either),
        },
        '\'' if word(before) && word(after) => None,
        '\'' => match (opens_after(before), closes_before(after)) {
            (true, false) if word(after) => mark(Family::Single, Role::Open),
            (false, true) => mark(Family::Single, Role::Close),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `text` starts (after spaces) with a mark that can open a quotation: the news
/// convention for a quotation that runs on into the next paragraph.
pub fn opens_paragraph(text: &str) -> Option<Family> {
    let mut chars = text.trim_start().chars();
    let c = chars.next()?;
    let after = chars.next();
    classify(None, c, after)
        .filter(|m| m.role != Role::Close)
        .map(|m| m.family)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, i: usize) -> Option<Mark> {
        let chars: Vec<char> = text.chars().collect();
        classify(
            i.checked_sub(1).map(|j| chars[j]),
            chars[i],
            chars.get(i + 1).copied(),
        )
    }

    #[test]
    fn curly_marks_say_what_they_do_and_straight_ones_are_read_from_their_neighbours() {
        let open = |family| {
            Some(Mark {
                family,
                role: Role::Open,
            })
        };
        let close = |family| {
            Some(Mark {
                family,
                role: Role::Close,
            })
        };
        assert_eq!(at("“a", 0), open(Family::Double));
        assert_eq!(at("a”", 1), close(Family::Double));
        assert_eq!(at(" \"a", 1), open(Family::Double));
        assert_eq!(at("a,\" he", 2), close(Family::Double));
        assert_eq!(at("a \" b", 2).map(|m| m.role), Some(Role::Either));
        assert_eq!(at(" 'a", 1), open(Family::Single));
        assert_eq!(at("no,' he", 3), close(Family::Single));
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(at("don't", 3), None);
        assert_eq!(at("Kislyak’s", 7), None);
        assert_eq!(at("’90s", 0), None);
        // After an s it may close a quotation; pairing ignores a close with nothing open.
        assert_eq!(at("Sessions’ claim", 8).map(|m| m.role), Some(Role::Close));
    }

    #[test]
    fn a_paragraph_that_opens_with_a_mark_continues_a_quotation() {
        assert_eq!(opens_paragraph("“More words"), Some(Family::Double));
        assert_eq!(opens_paragraph("\"More"), Some(Family::Double));
        assert_eq!(opens_paragraph("More"), None);
        assert_eq!(opens_paragraph("”"), None);
        assert_eq!(opens_paragraph(""), None);
    }
}
