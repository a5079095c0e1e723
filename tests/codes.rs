//! Each diagnostic code has a fixture that produces it, and a section in
//! `docs/diagnostics.md`.

use grille::diagnostic::{render_terminal, Code, ColorMode};
use std::path::Path;

#[test]
fn every_code_has_a_fixture_that_produces_it() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check");
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut missing = Vec::new();
    for code in Code::ALL {
        let prefix = format!("{}_", code.as_str());
        let Some(file) = files.iter().find(|f| f.starts_with(&prefix)) else {
            missing.push(format!(
                "{code}: no fixture tests/fixtures/check/{prefix}*.grille"
            ));
            continue;
        };
        let compiled = grille::compile_bytes(file, std::fs::read(dir.join(file)).unwrap());
        if !compiled.diagnostics.iter().any(|d| d.code == *code) {
            missing.push(format!("{code}: {file} does not produce it"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_code_is_documented() {
    let docs =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/diagnostics.md"))
            .unwrap();
    let missing: Vec<_> = Code::ALL
        .iter()
        .filter(|c| !docs.contains(&format!("## {}", c.as_str())))
        .collect();
    assert!(missing.is_empty(), "undocumented codes: {missing:?}");
}
