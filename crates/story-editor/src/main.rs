fn main() {
    #[cfg(target_arch = "wasm32")]
    story_editor::ui::start();
}
