//! Every file in `fixtures/check/` against a snapshot of its rendered,
//! colorless diagnostics. Adding a case is adding a file.

use grille::diagnostic::{render_terminal, ColorMode};

#[test]
fn check_fixtures() {
    insta::glob!("../fixtures/check", "*.grille", |path| {
        let bytes = std::fs::read(path).expect("fixture is readable");
        let name = format!(
            "fixtures/check/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        let compiled = crate::common::compile(&name, bytes);
        insta::assert_snapshot!(render_terminal(
            &compiled.source,
            &compiled.diagnostics,
            ColorMode::Never
        ));
    });
}

/// `opens` and `receipt`, the header fields `grille serve` reads.
#[test]
fn the_campaign_header_fields_are_checked() {
    let form = |header: &str| {
        format!("questionnaire x \"X\" edition 2026 {{\n  lang fr\n{header}}}\nsection s \"S\" {{\n  question P1 \"Nom\" text\n}}\n")
    };
    let labels = |header: &str| -> Vec<(String, String)> {
        crate::common::compile("x.grille", form(header))
            .diagnostics
            .iter()
            .map(|d| (d.code.as_str().to_owned(), d.primary.message.clone()))
            .collect()
    };
    assert!(labels("  opens 2026-06-01\n  deadline 2026-11-30\n  receipt result\n").is_empty());
    assert_eq!(
        labels("  opens 2026-12-01\n  deadline 2026-11-30\n"),
        [(
            "E0023".to_owned(),
            "expected a date no later than the `deadline`".to_owned()
        )]
    );
    assert_eq!(
        labels("  receipt resultat\n"),
        [(
            "E0023".to_owned(),
            "expected `answers` or `result`".to_owned()
        )]
    );
    assert_eq!(labels("  opens 2026-13-01\n")[0].0, "E0023");
}
