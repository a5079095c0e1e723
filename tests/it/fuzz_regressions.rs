//! Inputs found by the fuzzers (`fuzz/`, run with `cargo fuzz`) that once
//! made grille fail, kept as regression tests: each goes through the same
//! steps as its fuzz target.
//!   tests/fixtures/fuzz/check/*  parse and check: a model or a diagnostic
//!   tests/fixtures/fuzz/fmt/*    fmt: same tree, same comments, idempotent
//!   tests/fixtures/fuzz/score/*  an answers file of the 2024 form, scored

use std::path::Path;

fn inputs(kind: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(kind);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .map(|e| {
                    let path = e.unwrap().path();
                    (path.display().to_string(), std::fs::read(&path).unwrap())
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

#[test]
fn check_inputs() {
    for (name, bytes) in inputs("check").into_iter().chain(inputs("fmt")) {
        let compiled = crate::common::compile(&name, bytes);
        assert!(
            compiled.model.is_some() || !compiled.diagnostics.is_empty(),
            "{name}"
        );
    }
}

#[test]
fn fmt_inputs() {
    for (name, bytes) in inputs("fmt").into_iter().chain(inputs("check")) {
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let Ok(before) = grille::syntax::parse(&text) else {
            continue;
        };
        let once = grille::fmt::format(&text).unwrap();
        let after = grille::syntax::parse(&once)
            .unwrap_or_else(|d| panic!("{name}: {}\n{once}", d.message));
        assert!(before == after, "{name}");
        assert_eq!(
            grille::fmt::comment_texts(&text),
            grille::fmt::comment_texts(&once),
            "{name}"
        );
        assert_eq!(grille::fmt::format(&once).unwrap(), once, "{name}");
    }
}

#[test]
fn score_inputs() {
    let form =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("forms/tnl-2024.grille")).unwrap();
    let model = crate::common::compile("tnl-2024.grille", form)
        .model
        .unwrap();
    let engine = grille::engine::Engine::new(&model).explaining();
    let mut scored = 0;
    for (_, bytes) in inputs("score") {
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let read = grille::engine::answers::from_json(&model, &text);
        if let Ok(outcome) = engine.score_read(&read) {
            let _ = grille::engine::explain::explain(&outcome, &model);
        }
        let _ = grille::engine::csv::rows(&model, "fuzz.csv", &text);
        scored += 1;
    }
    assert!(scored > 0);
}
