//! Parse and check arbitrary bytes: never a panic, a hang or a stack
//! overflow; always a model or a diagnostic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let world = grille::world::MemoryWorld::new().with("fuzz.grille", data);
    let compiled = grille::compile(&world, "fuzz.grille").expect("in memory");
    assert!(compiled.model.is_some() || !compiled.diagnostics.is_empty());
});
