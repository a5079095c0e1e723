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
