//! What the reader is looking at, as plain data: the whole state of the explorer's view.
//! Components turn clicks into [`Action`]s; [`ViewState::apply`] is the only place state changes.

/// The current view. Holds ids and settings only; the story itself never changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The item whose detail is open.
    pub selected: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Select(String),
    Close,
}

impl ViewState {
    pub fn apply(&self, action: Action) -> ViewState {
        match action {
            Action::Select(id) => ViewState { selected: Some(id) },
            Action::Close => ViewState { selected: None },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selecting_opens_one_item_and_closing_clears_it() {
        let state = ViewState::default().apply(Action::Select("jeff-sessions".into()));
        assert_eq!(state.selected.as_deref(), Some("jeff-sessions"));
        let state = state.apply(Action::Select("kremlin".into()));
        assert_eq!(state.selected.as_deref(), Some("kremlin"));
        assert_eq!(state.apply(Action::Close), ViewState::default());
    }
}
