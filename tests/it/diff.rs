//! `grille diff`: every kind of change between two editions, the 2024 →
//! 2025 revision, and regrading answers under both editions.

use crate::common::{grille, transcript};

#[test]
fn every_kind_of_change() {
    let args = [
        "diff",
        "tests/fixtures/diff/old.grille",
        "tests/fixtures/diff/new.grille",
    ];
    insta::assert_snapshot!("every_kind_human", transcript(&args));
    let mut markdown = args.to_vec();
    markdown.extend(["--format", "markdown"]);
    insta::assert_snapshot!("every_kind_markdown", transcript(&markdown));
}

#[test]
fn the_2025_revision_with_regrading() {
    insta::assert_snapshot!(transcript(&[
        "diff",
        "forms/tnl-2024.grille",
        "forms/tnl-2025.grille",
        "--regrade",
        "tests/fixtures/answers/niveau-4-2024.json",
        "tests/fixtures/answers/complet.json",
        "tests/fixtures/answers/libreville.json",
        "tests/fixtures/answers/candidats.csv",
    ]));
}

#[test]
fn json_output_is_structured() {
    let (code, stdout, stderr) = grille(&[
        "diff",
        "forms/tnl-2024.grille",
        "generated/tnl-2025/bareme.json",
        "--format",
        "json",
        "--regrade",
        "tests/fixtures/answers/niveau-4-2024.json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["old"]["edition"], 2024);
    assert_eq!(v["new"]["draft"], true);
    assert_eq!(v["max"], serde_json::json!(["200 points", "203 points"]));
    let pratiques = v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "pratiques")
        .unwrap();
    let b4 = pratiques["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "B4")
        .unwrap();
    assert_eq!(b4["status"], "removed");
    let candidate = &v["regrade"]["candidates"][0];
    assert_eq!(candidate["old"]["level"], 4);
    assert_eq!(candidate["new"]["level"], 3);
    assert_eq!(candidate["new"]["total"], 130);
    assert_eq!(candidate["dropped"], serde_json::json!(["B4"]));
    assert_eq!(
        v["regrade"]["summary"][0],
        "1 jeu de réponses passe du niveau 4 au niveau 3."
    );
}

#[test]
fn an_edition_against_itself_has_no_change() {
    let (code, stdout, _) = grille(&["diff", "forms/tnl-2024.grille", "forms/tnl-2024.grille"]);
    assert_eq!(code, 0);
    assert_eq!(stdout, "tnl 2024 → tnl 2024\nAucun changement.\n");
}

#[test]
fn unreadable_answers_are_an_error() {
    let (code, _, stderr) = grille(&[
        "diff",
        "forms/tnl-2024.grille",
        "forms/tnl-2025.grille",
        "--regrade",
        "missing.json",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read `missing.json`"), "{stderr}");
}
