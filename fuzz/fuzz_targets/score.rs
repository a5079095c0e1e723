//! Arbitrary bytes as an answers file of the 2024 form: read, validated and
//! scored, with a clear problem for anything wrong, never a panic.
#![no_main]

use std::sync::LazyLock;

static MODEL: LazyLock<grille::model::Model> = LazyLock::new(|| {
    let form = include_bytes!("../../forms/tnl-2024.grille");
    let world = grille::world::MemoryWorld::new().with("tnl-2024.grille", form.as_slice());
    grille::compile(&world, "tnl-2024.grille")
        .expect("in memory")
        .model
    .expect("the 2024 form checks")
});

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let engine = grille::engine::Engine::new(&MODEL).explaining();
    let read = grille::engine::answers::from_json(&MODEL, text);
    if let Ok(outcome) = engine.score_read(&read) {
        let _ = grille::engine::explain::explain(&outcome, &MODEL);
        let _ = outcome.to_json("fuzz.json");
    }
    let _ = grille::engine::csv::rows(&MODEL, "fuzz.csv", text);
});
