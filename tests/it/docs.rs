//! The documentation's complete example files check without diagnostics, so
//! that a newcomer copying them starts from something that works.

use std::path::Path;

/// The ```grille blocks of a Markdown file that are whole questionnaires.
fn complete_examples(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match &mut current {
            None if line.trim_start() == "```grille" => current = Some(String::new()),
            Some(block) if line.trim_start() == "```" => {
                if block.lines().any(|l| l.starts_with("questionnaire ")) {
                    blocks.push(block.clone());
                }
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    blocks
}

#[test]
fn documented_questionnaires_check_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for doc in ["README.md", "docs/language.md", "docs/serve.md"] {
        let text = std::fs::read_to_string(root.join(doc)).unwrap();
        for (i, block) in complete_examples(&text).into_iter().enumerate() {
            let compiled =
                crate::common::compile(&format!("{doc} example {}", i + 1), block.into_bytes());
            let messages: Vec<_> = compiled
                .diagnostics
                .iter()
                .map(|d| format!("{}: {}", d.code, d.message))
                .collect();
            assert!(
                messages.is_empty(),
                "{doc}, example {}: {messages:#?}",
                i + 1
            );
            checked += 1;
        }
    }
    assert!(checked >= 2, "only {checked} complete examples found");
}

#[test]
fn the_first_example_reads_as_documented() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/language.md"))
            .unwrap();
    let first = complete_examples(&text).remove(0);
    let model = crate::common::compile("auto.grille", first.into_bytes())
        .model
        .unwrap();
    assert_eq!(model.sections.len(), 2);
    assert_eq!(model.questions().count(), 5);
    assert_eq!(model.max.to_string(), "9");
    assert!(text.contains("ok (2 sections, 5 questions, 2 levels, maximum 9)"));
}

#[test]
fn the_readme_tour_shows_real_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_grille"))
        .args([
            "score",
            "forms/tnl-2024.grille",
            "tests/fixtures/answers/libreville.json",
        ])
        .current_dir(root)
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        readme.contains(table.trim_end()),
        "README's score table differs from:\n{table}"
    );
}

#[test]
fn the_readme_tour_shows_the_real_diagnostics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let form = std::fs::read_to_string(root.join("forms/tnl-2024.grille")).unwrap();
    let broken = form
        .replace(
            "when S1 in {interne, deliberation}",
            "when S1 in {interne, deliberaton}",
        )
        .replace(
            "gate section strategie >= 50%",
            "gate section strategy >= 50%",
        );
    let dir = crate::common::Scratch::new("tour");
    std::fs::write(dir.join("tnl-2024.grille"), broken).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(["check", "--color", "never", "tnl-2024.grille"])
        .current_dir(&*dir)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(
        readme.contains(text.trim_end()),
        "README's check tour differs from:\n{text}"
    );
}

/// The walk-through of docs/revising.md shows what `grille diff` prints.
#[test]
fn the_revising_page_shows_the_real_diff() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let page = std::fs::read_to_string(root.join("docs/revising.md")).unwrap();
    let (_, stdout, _) = crate::common::grille(&[
        "diff",
        "forms/tnl-2024.grille",
        "forms/tnl-2025.grille",
        "--regrade",
        "tests/fixtures/answers/niveau-4-2024.json",
        "tests/fixtures/answers/complet.json",
        "tests/fixtures/answers/libreville.json",
    ]);
    let (changes, regrade) = stdout.split_at(stdout.find("\nRéévaluation").unwrap());
    assert!(
        page.contains(changes.trim_end()),
        "docs/revising.md differs from:\n{changes}"
    );
    assert!(
        page.contains(regrade.trim()),
        "docs/revising.md differs from:\n{regrade}"
    );
}

/// The worked examples of docs/language.md are the files of docs/examples/,
/// their examples pass, and the explanations the page quotes are real.
#[test]
fn the_worked_examples_run_as_documented() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let page = std::fs::read_to_string(root.join("docs/language.md")).unwrap();
    for (file, answers) in [
        (
            "docs/examples/maturity.grille",
            r#"{"answers": {"license": true, "spdx": "some", "contributing": true, "maintainers": 3, "channels": ["tracker"], "policy": true, "response": 10}}"#,
        ),
        (
            "docs/examples/severity.grille",
            r#"{"answers": {"Q1": "souvent", "Q2": "parfois", "Q3": "souvent", "Q4": "jamais", "Q5": 6.5}}"#,
        ),
    ] {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        assert!(
            page.contains(&format!("```grille\n{text}```")),
            "docs/language.md does not show {file} as it is"
        );
        let (code, stdout, stderr) = crate::common::grille(&["test", file]);
        assert_eq!(code, 0, "{file}: {stdout}{stderr}");
        let scratch = crate::common::Scratch::new("worked");
        let path = scratch.join("answers.json");
        std::fs::write(&path, answers).unwrap();
        let (_, explained, _) =
            crate::common::grille(&["score", file, path.to_str().unwrap(), "--explain"]);
        // The first and last lines the page quotes.
        let lines: Vec<&str> = explained.trim_end().lines().collect();
        let first = lines.iter().find(|l| l.starts_with("Total")).unwrap();
        let last = lines[lines.len() - 1];
        for line in [first, last] {
            assert!(
                page.contains(&format!("\n{line}\n")),
                "{file}: the page does not show « {line} »\n{explained}"
            );
        }
    }
}
