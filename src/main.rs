// Talc in place of std's dlmalloc: 2 KB lighter in the engine (docs/performance.md#size).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    #[cfg(target_arch = "wasm32")]
    story_explorer::ui::start();
}
