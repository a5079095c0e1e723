//! Parse and check arbitrary bytes: never a panic, a hang or a stack
//! overflow; always a model or a diagnostic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let compiled = grille::compile_bytes("fuzz.grille", data.to_vec());
    assert!(compiled.model.is_some() || !compiled.diagnostics.is_empty());
});
