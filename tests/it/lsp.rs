//! `grille lsp` spoken to as an editor speaks to it: JSON-RPC messages
//! framed by `Content-Length` on its standard input and output.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

struct Editor {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
    next: u64,
    /// Notifications received while waiting for responses.
    notifications: Vec<Value>,
}

impl Editor {
    fn start() -> Editor {
        let mut child = Command::new(env!("CARGO_BIN_EXE_grille"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("grille lsp starts");
        let input = child.stdin.take().unwrap();
        let output = BufReader::new(child.stdout.take().unwrap());
        let mut editor = Editor {
            child,
            input,
            output,
            next: 0,
            notifications: Vec::new(),
        };
        let init = editor.request("initialize", json!({ "capabilities": {} }));
        assert!(init["capabilities"]["hoverProvider"] == true, "{init}");
        editor.notify("initialized", json!({}));
        editor
    }

    fn write(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.input.flush().unwrap();
    }

    fn read(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            assert!(
                self.output.read_line(&mut line).unwrap() > 0,
                "grille lsp closed its output"
            );
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.output.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        self.write(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let message = self.read();
            if message["id"] == id {
                assert!(message.get("error").is_none(), "{message}");
                return message["result"].clone();
            }
            self.notifications.push(message);
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.write(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// The next diagnostics published.
    fn diagnostics(&mut self) -> Value {
        loop {
            let message = if self.notifications.is_empty() {
                self.read()
            } else {
                self.notifications.remove(0)
            };
            if message["method"] == "textDocument/publishDiagnostics" {
                return message["params"]["diagnostics"].clone();
            }
        }
    }

    fn stop(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status}");
    }
}

const URI: &str = "file:///campagne/demo.grille";

const TEXT: &str = r#"questionnaire demo "Démo" edition 2026 {
  lang fr
}

section strategie "Stratégie" {
  question S1 "Stratégie formalisée ?" yesno yes = 10
  question S2 "Depuis quand ?" date when S1
}

levels {
  level 1 "Bronze" from 5
}
"#;

/// The line and UTF-16 column of `needle`'s first occurrence in `text`,
/// `offset` bytes in (the texts here are searched where ASCII).
fn position(text: &str, needle: &str, offset: usize) -> (u32, u32) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is in the text"))
        + offset;
    let line = text[..at].matches('\n').count();
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let character: usize = text[start..at].chars().map(char::len_utf16).sum();
    (line as u32, character as u32)
}

fn at(line: u32, character: u32) -> Value {
    json!({ "textDocument": { "uri": URI }, "position": { "line": line, "character": character } })
}

#[test]
fn an_editor_gets_diagnostics_as_it_types_hover_definitions_outline_and_formatting() {
    let mut editor = Editor::start();
    // A typo: the diagnostic of `grille check`, with its code and help.
    let typo = TEXT.replace("when S1", "when S11");
    editor.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": URI, "languageId": "grille", "version": 1, "text": typo } }),
    );
    let found = editor.diagnostics();
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
    let d = &found[0];
    assert_eq!(d["code"], "E0003", "{d}");
    assert_eq!(d["source"], "grille");
    assert_eq!(d["severity"], 1);
    assert_eq!(
        d["range"],
        json!({ "start": { "line": 6, "character": 41 }, "end": { "line": 6, "character": 44 } }),
        "{d}"
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("help: did you mean `S1`?"),
        "{d}"
    );
    // Its quick fix: `S1` in place of `S11`.
    let actions = editor.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": URI }, "range": d["range"], "context": { "diagnostics": [d] } }),
    );
    assert_eq!(actions[0]["kind"], "quickfix", "{actions}");
    let edit = &actions[0]["edit"]["documentChanges"][0]["edits"][0];
    assert_eq!(
        (&edit["range"], &edit["newText"]),
        (&d["range"], &json!("S1")),
        "{actions}"
    );
    // Fixed by an incremental change: no diagnostic.
    editor.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": URI, "version": 2 },
            "contentChanges": [{ "range": { "start": { "line": 6, "character": 43 }, "end": { "line": 6, "character": 44 } }, "text": "" }],
        }),
    );
    assert_eq!(editor.diagnostics(), json!([]));
    // Semantic tokens: the keyword, the id, the text; `S1` where it is used is a variable.
    let tokens = editor.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": URI } }),
    );
    let data: Vec<u64> = tokens["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .collect();
    assert_eq!(
        data[..15],
        [0, 0, 13, 0, 0, 0, 14, 4, 7, 0, 0, 5, 6, 2, 0],
        "{data:?}"
    );
    let (mut line, mut column, mut absolute) = (0, 0, Vec::new());
    for t in data.chunks(5) {
        column = if t[0] == 0 { column + t[1] } else { t[1] };
        line += t[0];
        absolute.push((line, column, t[2], t[3]));
    }
    assert!(absolute.contains(&(6, 41, 2, 5)), "{absolute:?}");
    assert!(
        absolute.contains(&(5, 39, 5, 1)),
        "`yesno` is a type: {absolute:?}"
    );
    // Hover on a question id where it is used: its number, label, points.
    let hover = editor.request("textDocument/hover", at(6, 42));
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("**1.1 Stratégie formalisée ?**"), "{text}");
    assert!(text.contains("10 points"), "{text}");
    // Go to where it is declared.
    let definition = editor.request("textDocument/definition", at(6, 42));
    assert_eq!(definition["uri"], URI);
    assert_eq!(
        definition["range"]["start"],
        json!({ "line": 5, "character": 11 }),
        "{definition}"
    );
    // The outline: the section and its questions.
    let symbols = editor.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": URI } }),
    );
    assert_eq!(symbols[0]["name"], "strategie");
    let children: Vec<&str> = symbols[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(children, ["S1", "S2"]);
    // Formatting: the whole file as `grille fmt` writes it.
    editor.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 3 }, "contentChanges": [{ "text": TEXT.replace("  question S2", "      question S2") }] }),
    );
    assert_eq!(editor.diagnostics(), json!([]));
    let edits = editor.request("textDocument/formatting", json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true } }));
    assert_eq!(
        edits[0]["newText"],
        grille::fmt::format(TEXT).unwrap(),
        "{edits}"
    );
    // References and rename of `S1`: its declaration and its use.
    let refs = editor.request("textDocument/references", json!({ "textDocument": { "uri": URI }, "position": { "line": 5, "character": 12 }, "context": { "includeDeclaration": true } }));
    let lines: Vec<u64> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [5, 6], "{refs}");
    let renamed = editor.request("textDocument/rename", json!({ "textDocument": { "uri": URI }, "position": { "line": 5, "character": 12 }, "newName": "S0" }));
    let edits = renamed["documentChanges"][0]["edits"].as_array().unwrap();
    assert_eq!(edits.len(), 2, "{renamed}");
    assert!(edits.iter().all(|e| e["newText"] == "S0"));
    // A name already taken is refused, with the reason.
    editor.next += 1;
    let id = editor.next;
    editor.write(&json!({ "jsonrpc": "2.0", "id": id, "method": "textDocument/rename", "params": { "textDocument": { "uri": URI }, "position": { "line": 5, "character": 12 }, "newName": "S2" } }));
    let refused = loop {
        let m = editor.read();
        if m["id"] == id {
            break m;
        }
    };
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("`S2` is already declared"),
        "{refused}"
    );
    // Completion after `when `: the ids with their labels, the words of a
    // condition and of a question's line; after `S1 =`, its options.
    let items = editor.request("textDocument/completion", at(6, 47));
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        ["S1", "S2", "and", "not", "required"]
            .iter()
            .all(|w| labels.contains(w)),
        "{labels:?}"
    );
    assert!(items
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["label"] == "S1" && i["detail"] == "Stratégie formalisée ?"));
    // S3 declared in a version that parses, then `when S3 = ` half-typed.
    let with_options = TEXT.replace(
        "  question S2",
        "  question S3 \"Type\" one { commune \"Commune\"  epci \"EPCI\" }\n  question S4 \"Taille\" integer when S3 = commune\n  question S2",
    );
    editor.notify("textDocument/didChange", json!({ "textDocument": { "uri": URI, "version": 10 }, "contentChanges": [{ "text": with_options }] }));
    assert_eq!(editor.diagnostics(), json!([]));
    // An option where it is used: its label and points, and where it is declared.
    let (line, column) = position(&with_options, "when S3 = commune", "when S3 = ".len());
    let hover = editor.request("textDocument/hover", at(line, column + 2));
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.starts_with("`commune` « Commune »"), "{text}");
    let definition = editor.request("textDocument/definition", at(line, column + 2));
    let (declared, declared_column) = position(&with_options, "commune \"Commune\"", 0);
    assert_eq!(
        definition["range"]["start"],
        json!({ "line": declared, "character": declared_column }),
        "{definition}"
    );
    // Its references: the declaration and the use, not another `commune`.
    let refs = editor.request("textDocument/references", json!({ "textDocument": { "uri": URI }, "position": { "line": line, "character": column + 2 }, "context": { "includeDeclaration": true } }));
    let found: Vec<(u64, u64)> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["range"]["start"]["line"].as_u64().unwrap(),
                r["range"]["start"]["character"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (u64::from(declared), u64::from(declared_column)),
            (u64::from(line), u64::from(column))
        ],
        "{refs}"
    );
    let with_options = with_options.replace("when S3 = commune", "when S3 = ");
    editor.notify("textDocument/didChange", json!({ "textDocument": { "uri": URI, "version": 11 }, "contentChanges": [{ "text": with_options }] }));
    let _ = editor.diagnostics();
    let (line, column) = position(&with_options, "when S3 = \n", "when S3 = ".len());
    let items = editor.request("textDocument/completion", at(line, column));
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["commune", "epci"],
        "the options of S3, from the last version that parsed"
    );
    // A half-typed file: diagnostics, never a crash.
    for (version, text) in [(4, "questionnaire demo \"Dé"), (5, "section {"), (6, "")] {
        editor.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": URI, "version": version }, "contentChanges": [{ "text": text }] }),
        );
        let found = editor.diagnostics();
        assert!(!found.as_array().unwrap().is_empty(), "{text:?}: {found}");
        assert_eq!(editor.request("textDocument/hover", at(0, 3)), Value::Null);
    }
    editor.stop();
}

const FORM: &str = include_str!("../../forms/tnl-2024.grille");
const FORM_URI: &str = "file:///campagne/tnl-2024.grille";

/// Where to ask about in the 2024 form: `needle`'s first occurrence,
/// `offset` characters in.
fn find(text: &str, needle: &str, offset: usize) -> Value {
    let (line, character) = position(text, needle, offset);
    json!({ "textDocument": { "uri": FORM_URI }, "position": { "line": line, "character": character } })
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap()
}

/// Whole answers to each kind of request on the 2024 form, kept as
/// snapshots: a change in what an editor receives shows in review.
#[test]
fn answers_on_the_2024_form_match_their_snapshots() {
    let mut editor = Editor::start();
    editor.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": FORM_URI, "languageId": "grille", "version": 1, "text": FORM } }),
    );
    assert_eq!(editor.diagnostics(), json!([]), "the 2024 form checks");
    // Each request: its snapshot's name, its method, where in the form.
    let use_of_s1 = "when S1 in {interne, deliberation}";
    let gate = "gate section communication";
    let requests = [
        ("hover_question", "hover", use_of_s1, 5),
        ("hover_option", "hover", use_of_s1, 13),
        ("hover_bands", "hover", "question S10 ", 10),
        ("hover_jury", "hover", "question S5 ", 10),
        ("hover_section", "hover", gate, 15),
        ("hover_level", "hover", "expect level 5", 13),
        ("definition_option", "definition", use_of_s1, 13),
        ("definition_section", "definition", gate, 15),
        ("definition_level", "definition", "expect level 5", 13),
        ("completion_options", "completion", use_of_s1, 12),
    ];
    for (name, method, needle, offset) in requests {
        let answer = editor.request(
            &format!("textDocument/{method}"),
            find(FORM, needle, offset),
        );
        insta::assert_snapshot!(format!("lsp_{name}"), pretty(&answer));
    }
    let mut references = find(FORM, "when P8 = yes", 5);
    references["context"] = json!({ "includeDeclaration": true });
    let answer = editor.request("textDocument/references", references);
    insta::assert_snapshot!("lsp_references_question", pretty(&answer));
    let mut rename = find(FORM, "question S10 ", 9);
    rename["newName"] = json!("S10b");
    let answer = editor.request("textDocument/rename", rename);
    insta::assert_snapshot!("lsp_rename", pretty(&answer));
    // A misspelt option: the diagnostic, then its quick fix.
    let typo = FORM.replacen(use_of_s1, "when S1 in {interne, deliberaton}", 1);
    editor.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": FORM_URI, "version": 2 }, "contentChanges": [{ "text": typo }] }),
    );
    let found = editor.diagnostics();
    insta::assert_snapshot!("lsp_diagnostics", pretty(&found));
    let actions = editor.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": FORM_URI }, "range": found[0]["range"], "context": { "diagnostics": found } }),
    );
    insta::assert_snapshot!("lsp_code_action", pretty(&actions));
    // The small form: its outline, its tokens, its formatting.
    editor.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": URI, "languageId": "grille", "version": 1, "text": TEXT.replace("  question S2", "    question S2") } }),
    );
    assert_eq!(editor.diagnostics(), json!([]));
    let document = json!({ "textDocument": { "uri": URI } });
    let answer = editor.request("textDocument/documentSymbol", document.clone());
    insta::assert_snapshot!("lsp_document_symbols", pretty(&answer));
    let answer = editor.request("textDocument/semanticTokens/full", document);
    insta::assert_snapshot!("lsp_semantic_tokens", answer["data"].to_string());
    let answer = editor.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    insta::assert_snapshot!("lsp_formatting", pretty(&answer));
    editor.stop();
}
