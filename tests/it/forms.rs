//! The questionnaires in `forms/` check without any diagnostic, and the 2024
//! form has the reference barème's maxima.

use grille::world::FsWorld;
use std::path::Path;

fn forms() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("forms");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".grille"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_form_checks_clean() {
    for path in forms() {
        let compiled = grille::compile(&FsWorld, &path).unwrap();
        let messages: Vec<_> = compiled
            .diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect();
        assert!(messages.is_empty(), "{path}: {messages:#?}");
        assert!(compiled.model.is_some());
    }
}

#[test]
fn tnl_2024_matches_the_reference_bareme() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("forms/tnl-2024.grille");
    let model = grille::compile(&FsWorld, path.to_str().unwrap())
        .unwrap()
        .model
        .unwrap();
    let maxima: Vec<(String, String)> = model
        .sections
        .iter()
        .map(|s| (s.id.clone(), s.max.to_string()))
        .collect();
    let expected = [
        ("identification", "0"),
        ("strategie", "40"),
        ("pratiques", "40"),
        ("logiciels", "50"),
        ("communication", "35"),
        ("donnees", "35"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
    assert_eq!(maxima, expected);
    assert_eq!(model.max.to_string(), "200");
    let counts: Vec<usize> = model
        .sections
        .iter()
        .map(|s| s.questions().count())
        .collect();
    assert_eq!(counts, [9, 12, 13, 14, 10, 12]);
    let thresholds: Vec<String> = model
        .levels
        .levels
        .iter()
        .map(|l| l.min_total.to_string())
        .collect();
    assert_eq!(thresholds, ["20", "60", "100", "130", "160"]);
    let gates: Vec<usize> = model.levels.levels.iter().map(|l| l.gates.len()).collect();
    assert_eq!(gates, [1, 0, 1, 2, 3]);
    assert_eq!(model.question("S12").unwrap().number, "2.12");
    assert_eq!(model.question("P8a").unwrap().number, "1.9");
}
