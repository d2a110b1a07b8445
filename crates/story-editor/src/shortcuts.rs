//! Undo and redo from the keyboard, as every editor has them.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    Undo,
    Redo,
}

/// The shortcut a key press means: Ctrl/⌘+Z undoes, Shift+Ctrl/⌘+Z and Ctrl+Y redo. In a text
/// field (`in_field`) the keys are the field's own undo, never the story's.
pub fn shortcut(
    key: &str,
    ctrl: bool,
    meta: bool,
    shift: bool,
    in_field: bool,
) -> Option<Shortcut> {
    if in_field || !(ctrl || meta) {
        return None;
    }
    match (key.to_ascii_lowercase().as_str(), shift) {
        ("z", false) => Some(Shortcut::Undo),
        ("z", true) => Some(Shortcut::Redo),
        ("y", false) if ctrl => Some(Shortcut::Redo),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_or_cmd_z_undoes_with_shift_redoes_and_fields_keep_their_own() {
        assert_eq!(
            shortcut("z", true, false, false, false),
            Some(Shortcut::Undo)
        );
        assert_eq!(
            shortcut("z", false, true, false, false),
            Some(Shortcut::Undo)
        );
        assert_eq!(
            shortcut("Z", true, false, true, false),
            Some(Shortcut::Redo)
        );
        assert_eq!(
            shortcut("y", true, false, false, false),
            Some(Shortcut::Redo)
        );
        assert_eq!(shortcut("y", false, true, false, false), None);
        assert_eq!(shortcut("z", false, false, false, false), None);
        assert_eq!(shortcut("z", true, false, false, true), None);
    }
}
