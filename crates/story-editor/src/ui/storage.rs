//! The session in the browser's storage: written after every change, read when the page opens.

use crate::typing::{Typing, TYPING_KEY};
use crate::{STORAGE_KEY, UNREADABLE_KEY};
use story_edit::Session;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Saves the session; the error says, in the editor's words, why it could not be kept.
pub fn save(session: &Session) -> Result<(), String> {
    let store = storage().ok_or_else(|| {
        "This browser does not let the editor keep your work (storage is off, as in some private \
         windows): export the story before you close the page."
            .to_owned()
    })?;
    store
        .set_item(STORAGE_KEY, &session.to_json())
        .map_err(|_| {
            "This browser's storage for the editor is full, so your last change is not kept: \
         export the story now."
                .to_owned()
        })
}

/// The saved session, if any; one that cannot be read is put aside (never deleted) and the
/// reason given.
pub fn load() -> Result<Option<Session>, String> {
    let Some(store) = storage() else {
        return Ok(None);
    };
    let Some(json) = store.get_item(STORAGE_KEY).ok().flatten() else {
        return Ok(None);
    };
    Session::from_json(&json).map(Some).map_err(|why| {
        let _ = store.set_item(UNREADABLE_KEY, &json);
        let _ = store.remove_item(STORAGE_KEY);
        format!(
            "The story saved in this browser could not be opened. {why} It is kept aside, under \
             “{UNREADABLE_KEY}” in this site's storage; start again below."
        )
    })
}

/// Keeps the words being typed into a field (see `crate::typing`); at worst, not kept.
pub fn keep_typing(typing: &Typing) {
    if let Some(store) = storage() {
        let _ = store.set_item(TYPING_KEY, &typing.encode());
    }
}

/// The field's words are in the story now (or were left as they were).
pub fn typing_done() {
    if let Some(store) = storage() {
        let _ = store.remove_item(TYPING_KEY);
    }
}

/// The words typed into a field that the page closed on, once: taken out of storage.
pub fn take_typing() -> Option<Typing> {
    let store = storage()?;
    let kept = store.get_item(TYPING_KEY).ok().flatten();
    let _ = store.remove_item(TYPING_KEY);
    Typing::decode(&kept?)
}
