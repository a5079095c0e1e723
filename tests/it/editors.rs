//! The editors: VS Code's TextMate grammar and the tree-sitter grammar
//! (Helix) know every word of the language and no other, and their own
//! tests pass; the VS Code extension packages; Neovim edits a file with
//! `grille lsp` as its server.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Runs a script of `scripts/` with bash: whether it succeeded, and what it
/// printed.
fn script(args: &[&str]) -> (bool, String) {
    let run = Command::new("bash")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("bash runs");
    (run.status.success(), crate::common::report(&run))
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
    let (ok, report) = script(&["scripts/tree-sitter", "--check"]);
    assert!(ok, "{report}");
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
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("grille.vsix");
    let _ = std::fs::remove_file(&out);
    let (ok, report) = script(&["scripts/vscode", out.to_str().unwrap()]);
    assert!(ok, "{report}");
    assert!(
        report.contains("run successfuly"),
        "the grammar's tests ran: {report}"
    );
    let bytes = std::fs::read(&out).expect("the .vsix is written");
    assert!(bytes.starts_with(b"PK"), "a .vsix is a zip file");
}

/// Neovim, headless, as a committee member's editor: its own LSP client
/// starts `grille lsp`, shows the typo's diagnostic, applies the quick fix,
/// hovers, goes to the definition, sends the keystrokes as incremental
/// changes, completes, formats the file and stops the server
/// (`tests/editors/neovim.lua` drives it).
#[test]
#[ignore = "needs Neovim: run `bash scripts/test`"]
fn neovim_edits_a_file_with_grille_lsp() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.grille");
    let fixed = "questionnaire demo \"Démo\" edition 2026 {\n  lang fr\n}\n\nsection strategie \"Stratégie\" {\n  question S1 \"Stratégie formalisée ?\" yesno yes = 10\n  question S2 \"Depuis quand ?\" date when S1\n}\n\nlevels {\n  level 1 \"Bronze\" from 5\n}\n";
    // Badly indented, with a typo.
    let typed = fixed
        .replace("  question S2", "      question S2")
        .replace("when S1\n", "when S11\n");
    std::fs::write(&file, &typed).unwrap();
    let out = dir.path().join("neovim.txt");
    let run = Command::new("nvim")
        .args(["--headless", "--clean", "-c"])
        .arg(format!(
            "luafile {}/tests/editors/neovim.lua",
            env!("CARGO_MANIFEST_DIR")
        ))
        .env("GRILLE", env!("CARGO_BIN_EXE_grille"))
        .env("FILE", &file)
        .env("OUT", &out)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("nvim runs");
    assert!(run.status.success(), "{run:?}");
    let said = std::fs::read_to_string(&out).expect("Neovim wrote what it got");
    let lines: Vec<&str> = said.lines().collect();
    let expected = [
        "diagnostics 1",
        "diagnostic 6:45 E0003 `S11` is not a question or computed value: not defined | help: did you mean `S1`?",
        "actions 1 replace with `S1`",
        "diagnostics 0",
        "line 6       question S2 \"Depuis quand ?\" date when S1",
        "hover **1.1 Stratégie formalisée ?** |  | `S1` `yesno` |  | max 10 points",
        "definition 5:11",
        "diagnostics 1",
        "diagnostic 6:45 E0003 `XS1` is not a question or computed value: not defined | help: did you mean `S1`?",
        "diagnostics 0",
    ];
    assert_eq!(lines[..expected.len()], expected, "{said}");
    let completion = lines[expected.len()];
    assert!(
        completion.starts_with("completion S1,S2,") && completion.contains(",when,"),
        "{said}"
    );
    assert_eq!(
        lines[expected.len() + 1..],
        ["formatted", "stopped true"],
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        fixed,
        "the file as Neovim saved it: fixed and formatted"
    );
}
