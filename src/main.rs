fn main() {
    #[cfg(target_arch = "wasm32")]
    story_explorer::ui::start();
}
