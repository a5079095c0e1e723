//! `grille fmt`: the layout of `fixtures/fmt/` against snapshots, and its
//! invariants over every questionnaire of the repository (fixtures, forms,
//! documentation examples): formatting twice changes nothing more, and the
//! formatted file has the same syntax tree and the same comments.

use crate::common::{grille, Scratch};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn fmt_fixtures() {
    insta::glob!("../fixtures/fmt", "*.grille", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(grille::fmt::format(&text).unwrap());
    });
}

/// Every `.grille` file of the repository, and the examples of the docs.
fn questionnaires() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = vec![root().join("forms"), root().join("tests/fixtures")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "grille") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    out.push((path.display().to_string(), text));
                }
            }
        }
    }
    for doc in ["README.md", "docs/language.md", "docs/diagnostics.md"] {
        let text = std::fs::read_to_string(root().join(doc)).unwrap();
        for (i, block) in text.split("```grille\n").skip(1).enumerate() {
            let code = &block[..block.find("```").unwrap()];
            out.push((format!("{doc} example {}", i + 1), code.to_owned()));
        }
    }
    out
}

#[test]
fn formatting_keeps_the_tree_and_the_comments_and_is_idempotent() {
    let mut formatted = 0;
    for (name, text) in questionnaires() {
        let Ok(before) = grille::syntax::parse(&text) else {
            continue;
        };
        let once = grille::fmt::format(&text).unwrap();
        let after = grille::syntax::parse(&once)
            .unwrap_or_else(|d| panic!("{name}: {}\n{once}", d.message));
        assert!(before == after, "{name}: the tree changed\n{once}");
        assert_eq!(
            grille::fmt::comment_texts(&text),
            grille::fmt::comment_texts(&once),
            "{name}: comments"
        );
        let twice = grille::fmt::format(&once).unwrap();
        assert_eq!(once, twice, "{name}: not idempotent");
        formatted += 1;
    }
    assert!(formatted > 80, "only {formatted} files formatted");
}

#[test]
fn the_forms_are_formatted() {
    for entry in std::fs::read_dir(root().join("forms")).unwrap() {
        let path = entry.unwrap().path();
        let (code, stdout, stderr) = grille(&["fmt", "--check", path.to_str().unwrap()]);
        assert_eq!(
            code,
            0,
            "{}: run `grille fmt` on it\n{stdout}{stderr}",
            path.display()
        );
    }
}

#[test]
fn check_prints_a_diff_and_fmt_rewrites() {
    let scratch = Scratch::new("fmt");
    let file = scratch.join("demo.grille");
    let messy = "questionnaire demo \"Démo\" edition 2025 { lang fr }\nsection s \"S\" {\n    question Q1 \"Q\"   yesno yes=1 # points\n}\n";
    std::fs::write(&file, messy).unwrap();
    let path = file.to_str().unwrap();
    let (code, stdout, stderr) = grille(&["fmt", "--check", path]);
    assert_eq!(code, 1);
    assert!(stdout.contains("-    question Q1 \"Q\"   yesno yes=1 # points\n+  question Q1 \"Q\" yesno yes = 1  # points\n"), "{stdout}");
    assert!(
        stderr.contains("not formatted (run `grille fmt"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        messy,
        "--check writes nothing"
    );

    let (code, _, stderr) = grille(&["fmt", path]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("formatted"));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "questionnaire demo \"Démo\" edition 2025 {\n  lang fr\n}\n\nsection s \"S\" {\n  question Q1 \"Q\" yesno yes = 1  # points\n}\n"
    );
    assert_eq!(grille(&["fmt", "--check", path]).0, 0);

    // A file that does not parse is left alone, with the syntax error.
    std::fs::write(
        &file,
        "questionnaire demo \"Démo\" edition 2025 { lang fr }\nsection s {\n",
    )
    .unwrap();
    let (code, _, stderr) = grille(&["fmt", path]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error[E0001]") && stderr.contains("was not formatted"),
        "{stderr}"
    );
    let (code, _, stderr) = grille(&["fmt", "missing.grille"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read `missing.grille`"), "{stderr}");
}
