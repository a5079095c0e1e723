//! The editors' grammars: VS Code's TextMate grammar and the tree-sitter
//! grammar (Helix) know every word of the language and no other, and their
//! own tests pass.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The language's words: the keywords of `grammar/grille.pest`
/// (`k_when = @{ "when" ~ !ident_char }`), `true` and `false`, and the
/// header's fields.
fn words() -> BTreeSet<String> {
    let pest = read("grammar/grille.pest");
    let mut words: BTreeSet<String> = pest
        .lines()
        .filter(|line| line.starts_with("k_"))
        .map(|line| {
            line.split('"')
                .nth(1)
                .expect("a keyword in quotes")
                .to_owned()
        })
        .collect();
    words.extend(["true", "false"].map(String::from));
    words.extend(grille::check::header_fields().map(String::from));
    words
}

/// The `STRING`s of a tree-sitter `grammar.json`.
fn strings(rule: &Value, out: &mut BTreeSet<String>) {
    match rule {
        Value::Object(fields) => {
            if fields.get("type").and_then(Value::as_str) == Some("STRING") {
                out.insert(fields["value"].as_str().unwrap().to_owned());
            }
            fields.values().for_each(|v| strings(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// The words of a TextMate grammar: the alternatives of its patterns'
/// groups made of words only, such as `\b(yesno|one|many)\b`.
fn alternatives(grammar: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for pattern in grammar["repository"].as_object().unwrap().values() {
        let Some(regex) = pattern["match"].as_str() else {
            continue;
        };
        for group in regex.split(['(', ')']) {
            if !group.is_empty() && group.chars().all(|c| c.is_ascii_lowercase() || c == '|') {
                out.extend(group.split('|').map(String::from));
            }
        }
    }
    out
}

#[test]
fn the_editors_grammars_know_every_word_of_the_language_and_no_other() {
    let words = words();
    assert!(
        words.len() > 60 && words.contains("when") && words.contains("campaign"),
        "{words:?}"
    );
    let tree_sitter: Value =
        serde_json::from_str(&read("editors/tree-sitter-grille/src/grammar.json")).unwrap();
    let mut found = BTreeSet::new();
    strings(&tree_sitter["rules"], &mut found);
    found.retain(|s| s.chars().all(|c| c.is_ascii_alphabetic()));
    let textmate: Value =
        serde_json::from_str(&read("editors/vscode/syntaxes/grille.tmLanguage.json")).unwrap();
    for (grammar, found) in [
        ("editors/tree-sitter-grille/grammar.js", found),
        (
            "editors/vscode/syntaxes/grille.tmLanguage.json",
            alternatives(&textmate),
        ),
    ] {
        let missing: Vec<&String> = words.difference(&found).collect();
        let unknown: Vec<&String> = found.difference(&words).collect();
        assert!(
            missing.is_empty() && unknown.is_empty(),
            "{grammar}: words of the language it lacks: {missing:?}; words it has that the language does not: {unknown:?}"
        );
    }
}

/// The tree-sitter grammar: its parser (`src/`) generated from its
/// `grammar.js`, its tests passing (the trees and the highlighting), no
/// node highlighted twice (`bash scripts/tree-sitter --check`).
#[test]
#[ignore = "needs the tree-sitter CLI, Node.js and a C compiler: run `bash scripts/test`"]
fn the_tree_sitter_grammar_is_fresh_and_highlights() {
    let run = Command::new("bash")
        .args(["scripts/tree-sitter", "--check"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("bash runs");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(run.status.success(), "{report}");
    assert!(
        report.contains("no node highlighted twice") && report.contains("assertions"),
        "the tests ran: {report}"
    );
}

/// The VS Code extension: its grammar's tests pass and it packages
/// (`bash scripts/vscode`, from its lock file).
#[test]
#[ignore = "needs Node.js and npm: run `bash scripts/test`"]
fn the_vscode_extension_highlights_and_packages() {
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("grille.vsix");
    let _ = std::fs::remove_file(&out);
    let run = Command::new("bash")
        .arg("scripts/vscode")
        .arg(&out)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("bash runs");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(run.status.success(), "{report}");
    assert!(
        report.contains("run successfuly"),
        "the grammar's tests ran: {report}"
    );
    let bytes = std::fs::read(&out).expect("the .vsix is written");
    assert!(bytes.starts_with(b"PK"), "a .vsix is a zip file");
}
