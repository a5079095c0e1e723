//! The `grille` binary: exit codes, output formats, usage and I/O errors.

use crate::common::{grille, transcript};

#[test]
fn check_a_clean_form() {
    insta::assert_snapshot!(transcript(&["check", "forms/tnl-2024.grille"]));
}

#[test]
fn check_reports_errors_with_exit_1() {
    insta::assert_snapshot!(transcript(&[
        "check",
        "--color",
        "never",
        "tests/fixtures/check/E0004_unknown_option.grille"
    ]));
}

#[test]
fn check_json() {
    let (code, stdout, _) = grille(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/check/E0003_undefined_reference.grille",
    ]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    insta::assert_snapshot!(serde_json::to_string_pretty(&json).unwrap());
}

#[test]
fn check_json_is_an_empty_array_when_clean() {
    let (code, stdout, _) = grille(&["check", "--format", "json", "forms/tnl-2024.grille"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.trim(), "[]");
}

#[test]
fn check_github_annotations() {
    insta::assert_snapshot!(transcript(&[
        "check",
        "--format",
        "github",
        "tests/fixtures/check/E0007_later_reference.grille",
        "tests/fixtures/check/W0002_duplicate_label.grille"
    ]));
}

#[test]
fn warnings_pass_unless_denied() {
    let file = "tests/fixtures/check/W0002_duplicate_label.grille";
    assert_eq!(grille(&["check", file]).0, 0);
    assert_eq!(grille(&["check", "--deny-warnings", file]).0, 1);
}

#[test]
fn every_file_is_checked_even_after_a_failure() {
    let (code, _, stderr) = grille(&[
        "check",
        "tests/fixtures/check/E0002_duplicate_id.grille",
        "forms/tnl-2024.grille",
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("E0002"));
    assert!(stderr.contains("forms/tnl-2024.grille: ok"));
}

#[test]
fn colors_on_demand() {
    let file = "tests/fixtures/check/E0002_duplicate_id.grille";
    assert!(grille(&["check", "--color", "always", file])
        .2
        .contains("\u{1b}["));
    assert!(!grille(&["check", "--color", "never", file])
        .2
        .contains("\u{1b}["));
    // Not a terminal: no color by default.
    assert!(!grille(&["check", file]).2.contains("\u{1b}["));
}

#[test]
fn unreadable_files_exit_2() {
    insta::assert_snapshot!(transcript(&["check", "forms/no-such-form.grille"]));
    insta::assert_snapshot!(transcript(&["check", "forms"]));
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, stderr) = grille(&["check"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("Usage"), "{stderr}");
    assert_eq!(
        grille(&["check", "--format", "xml", "forms/tnl-2024.grille"]).0,
        2
    );
    assert_eq!(grille(&["frobnicate"]).0, 2);
    assert_eq!(grille(&["--help"]).0, 0);
}
