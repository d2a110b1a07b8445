//! The editor's state: one session, changed only by the editor's acts (`Act`), each of which is
//! one `story_edit::Edit` or a move in its history. Validation runs after every change.

use std::cell::RefCell;
use std::rc::Rc;
use story_core::story::EntityKind;
use story_edit::{problems, Edit, EditError, Field, NewItem, Problem, Session, Value};
use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Article,
    Items,
    Preview,
}

/// A message shown where the act was taken: a refusal, or what an act did.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub text: String,
    pub error: bool,
    /// The item it is about (shown in its form), or none (shown at the top).
    pub about: Option<String>,
    /// A refused delete can be forced: the item to delete with what uses it.
    pub force_delete: Option<String>,
}

/// The session, shared by the components; compared by identity (the version says it changed).
#[derive(Clone)]
pub struct Shared(pub Rc<RefCell<Session>>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = RefCell<Session>;
    fn deref(&self) -> &RefCell<Session> {
        &self.0
    }
}

pub struct EditorState {
    /// The session; a `RefCell` so that an edit does not copy its whole history.
    pub session: Option<Shared>,
    /// Counts changes: what depends on the story is recomputed, and saved, when it moves.
    pub version: u64,
    pub problems: Rc<Vec<Problem>>,
    pub selected: Option<String>,
    pub note: Option<Note>,
    /// A story opened while another is in progress, waiting for the editor's answer.
    pub offered: Option<Shared>,
    pub tab: Tab,
    /// The start form is open over a session in progress ("New story").
    pub starting: bool,
    /// Why the last change could not be kept in the browser's storage, while that lasts.
    pub unsaved: Option<String>,
    /// Moves each time the selected item is to be brought on screen and focused: one just made.
    pub reveal: u64,
}

pub enum Act {
    /// A new session, drafted or opened: taken at once when none is in progress, else offered,
    /// and taken only when the editor agrees (`Replace`).
    Offer(Box<Session>),
    Replace,
    KeepCurrent,
    Edit(Edit),
    /// A new entity of `kind` from the selected words (a person is a plain `MakeItem`).
    MakeEntity {
        kind: EntityKind,
        range: std::ops::Range<usize>,
    },
    Undo,
    Redo,
    Select(Option<String>),
    Show(Tab),
    Say(Note),
    Dismiss,
    /// Opens or closes the start form over the session in progress.
    Starting(bool),
}

impl EditorState {
    pub fn new(session: Option<Session>, note: Option<Note>) -> Self {
        let mut state = EditorState {
            session: None,
            version: 0,
            problems: Rc::default(),
            selected: None,
            note,
            offered: None,
            tab: Tab::Article,
            starting: false,
            unsaved: None,
            reveal: 0,
        };
        if let Some(s) = session {
            state.take(s);
        }
        state
    }

    /// An item was just made: its form next, on screen and focused (on a phone, the items'
    /// tab rather than the article, where a second tap would make it again).
    fn made(&mut self) {
        self.tab = Tab::Items;
        self.reveal += 1;
    }

    fn take(&mut self, session: Session) {
        self.problems = Rc::new(problems(&session));
        self.unsaved = super::storage::save(&session).err();
        let meta = &session.file().meta;
        let stand_in = meta.draft
            && meta
                .published_note
                .as_deref()
                .is_some_and(|n| n.starts_with(story_draft::NOT_PRINTED));
        if stand_in {
            // The editor is asked for the date the article does not print, with the form open.
            self.note = Some(Note {
                text: format!(
                    "The article does not print its publication date, so the draft took {} from it as a stand-in. Set the real date under “The story”, and say where it comes from under “Note on the date”, which readers see; the items whose dates move with it will say so.",
                    meta.published.iso()
                ),
                error: false,
                about: None,
                force_delete: None,
            });
        } else if !self.problems.is_empty() {
            let n = self.problems.len();
            self.note = Some(Note {
                text: format!(
                    "{n} {} to fix before the story can be published; each is shown next to its item.",
                    if n == 1 { "problem" } else { "problems" }
                ),
                error: false,
                about: None,
                force_delete: None,
            });
        }
        self.session = Some(Shared(Rc::new(RefCell::new(session))));
        self.selected = stand_in.then(|| Session::META.to_owned());
        self.starting = false;
        self.tab = Tab::Article;
        self.version += 1;
    }

    fn changed(&mut self) {
        if let Some(s) = &self.session {
            let session = s.borrow();
            self.problems = Rc::new(problems(&session));
            // Kept as it is made: a closed tab or a crash comes back to this change.
            self.unsaved = super::storage::save(&session).err();
        }
        self.version += 1;
    }

    fn refused(&mut self, error: EditError, about: Option<String>) {
        let force_delete = match &error {
            EditError::Referenced { id, .. } => Some(id.clone()),
            _ => None,
        };
        let text = match &self.session {
            Some(session) => {
                let session = session.borrow();
                crate::outline::refusal(&crate::outline::outline(&session, &self.problems), &error)
            }
            None => error.to_string(),
        };
        self.note = Some(Note {
            text,
            error: true,
            about,
            force_delete,
        });
    }
}

impl Reducible for EditorState {
    type Action = Act;

    fn reduce(self: Rc<Self>, act: Act) -> Rc<Self> {
        let mut next = EditorState {
            session: self.session.clone(),
            version: self.version,
            problems: self.problems.clone(),
            selected: self.selected.clone(),
            note: None,
            offered: self.offered.clone(),
            tab: self.tab,
            starting: self.starting,
            unsaved: self.unsaved.clone(),
            reveal: self.reveal,
        };
        match act {
            Act::Offer(session) if next.session.is_some() => {
                next.offered = Some(Shared(Rc::new(RefCell::new(*session))));
            }
            Act::Offer(session) => next.take(*session),
            Act::Replace => {
                if let Some(offered) = next.offered.take() {
                    let session = offered.borrow().clone();
                    next.take(session);
                }
            }
            Act::KeepCurrent => {
                next.offered = None;
                next.starting = false;
            }
            Act::Edit(edit) => {
                let Some(session) = next.session.clone() else {
                    return self;
                };
                let about = about(&edit);
                let result = session.borrow_mut().apply(edit);
                match result {
                    Ok(applied) => {
                        if let Some(made) = applied.made {
                            next.selected = Some(made);
                            next.made();
                        } else if next
                            .selected
                            .as_ref()
                            .is_some_and(|s| applied.removed.contains(s))
                        {
                            next.selected = None;
                        }
                        if !applied.removed.is_empty() {
                            next.note = Some(Note {
                                text: format!("Removed: {}.", applied.removed.join(", ")),
                                error: false,
                                about: None,
                                force_delete: None,
                            });
                        }
                        next.changed();
                    }
                    Err(error) => next.refused(error, about),
                }
            }
            Act::MakeEntity { kind, range } => {
                let Some(session) = next.session.clone() else {
                    return self;
                };
                let made = session.borrow_mut().apply(Edit::MakeItem {
                    item: NewItem::Entity,
                    range,
                });
                match made {
                    Ok(applied) => {
                        let id = applied.made.unwrap_or_default();
                        let word = crate::form::kind_word(kind).0.to_owned();
                        let field = Edit::SetField {
                            id: id.clone(),
                            field: Field::Kind,
                            value: Value::Text(word),
                        };
                        if let Err(error) = session.borrow_mut().apply(field) {
                            next.refused(error, Some(id.clone()));
                        }
                        next.selected = Some(id);
                        next.made();
                        next.changed();
                    }
                    Err(error) => next.refused(error, None),
                }
            }
            Act::Undo | Act::Redo => {
                let Some(session) = next.session.clone() else {
                    return self;
                };
                let result = if matches!(act, Act::Undo) {
                    session.borrow_mut().undo()
                } else {
                    session.borrow_mut().redo().map(|_| ())
                };
                match result {
                    Ok(()) => next.changed(),
                    Err(error) => next.refused(error, None),
                }
            }
            Act::Select(id) => next.selected = id,
            Act::Show(tab) => {
                next.tab = tab;
                next.note = self.note.clone();
            }
            Act::Say(note) => next.note = Some(note),
            Act::Dismiss => {}
            Act::Starting(on) => next.starting = on,
        }
        Rc::new(next)
    }
}

/// The item an edit is about, for its message.
fn about(edit: &Edit) -> Option<String> {
    match edit {
        Edit::SetSpan { id, .. }
        | Edit::SetSpanEnds { id, .. }
        | Edit::SetField { id, .. }
        | Edit::SetInferred { id, .. }
        | Edit::Accept { id }
        | Edit::Reject { id }
        | Edit::Delete { id, .. } => Some(id.clone()),
        Edit::MergeEntities { absorb, .. } => Some(absorb.clone()),
        _ => None,
    }
}
