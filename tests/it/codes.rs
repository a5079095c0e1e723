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
        let compiled = crate::common::compile(file, std::fs::read(dir.join(file)).unwrap());
        if !compiled.diagnostics.iter().any(|d| d.code == *code) {
            missing.push(format!("{code}: {file} does not produce it"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_code_is_documented_with_its_exact_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = std::fs::read_to_string(root.join("docs/diagnostics.md")).unwrap();
    let mut problems = Vec::new();
    for code in Code::ALL {
        let heading = format!("## {} — {}", code.as_str(), code.title());
        let Some(start) = docs.find(&heading) else {
            problems.push(format!("{code}: no section `{heading}`"));
            continue;
        };
        let section = &docs[start..];
        let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
        // Each fixture the section cites must show its current output.
        let cited: Vec<&str> = section
            .match_indices("tests/fixtures/check/")
            .map(|(i, _)| {
                let rest = &section[i..];
                &rest[..rest.find(".grille").map_or(0, |e| e + 7)]
            })
            .collect();
        if cited.is_empty() {
            problems.push(format!("{code}: its section cites no fixture"));
        }
        for path in cited {
            let name = path.trim_start_matches("tests/");
            let compiled = crate::common::compile(name, std::fs::read(root.join(path)).unwrap());
            let rendered =
                render_terminal(&compiled.source, &compiled.diagnostics, ColorMode::Never);
            if !compiled.diagnostics.iter().any(|d| d.code == *code) {
                problems.push(format!("{code}: {path} does not produce it"));
            }
            if !section.contains(rendered.trim_end()) {
                problems.push(format!(
                    "{code}: its section does not show the current output of {path}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
