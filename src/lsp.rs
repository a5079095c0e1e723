//! `grille lsp`: a Language Server over standard input and output, for
//! editors. Each open file is checked as `grille check` checks it, on every
//! change: the same codes, spans, labels and help, published as the
//! editor's diagnostics (secondary labels as related information), each
//! « did you mean » a quick fix. Besides: formatting (`grille fmt`), the
//! outline (sections and their questions), hover on a question or section
//! id (its number, label, type and points), going to where an id is
//! declared, its references, renaming it, and completion (ids with their
//! labels, an option's ids after `Q =`, `Q has`, `Q in {`, sections after
//! `section`, keywords, a new question as a snippet), and semantic tokens
//! (keywords, types, texts, comments, numbers, question, section and
//! option ids) for the editors that highlight with the server.
//!
//! Positions are converted between the file's bytes and the protocol's
//! lines and UTF-16 columns by [`Lines`].

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Model, Scoring};
use crate::source::Span;
use crate::syntax::ast;
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest,
    References, Rename, Request as _, SemanticTokensFullRequest,
};
use lsp_types::{
    DiagnosticRelatedInformation, DocumentSymbol, DocumentSymbolResponse, GotoDefinitionResponse,
    Hover, HoverContents, HoverProviderCapability, Location, MarkupContent, MarkupKind,
    NumberOrString, OneOf, Position, PublishDiagnosticsParams, Range, ServerCapabilities,
    SymbolKind, TextDocumentContentChangeEvent, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextEdit, Uri,
};
use std::collections::HashMap;

/// Serves one editor on standard input and output until it says `exit`.
///
/// # Errors
/// When the editor breaks the protocol or goes away without `shutdown`.
pub fn run() -> Result<(), String> {
    let (connection, threads) = Connection::stdio();
    let capabilities = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(
            TextDocumentSyncKind::INCREMENTAL,
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(lsp_types::CodeActionProviderCapability::Simple(true)),
        completion_provider: Some(lsp_types::CompletionOptions {
            trigger_characters: Some(vec![" ".to_owned(), "{".to_owned()]),
            ..lsp_types::CompletionOptions::default()
        }),
        references_provider: Some(OneOf::Left(true)),
        semantic_tokens_provider: Some(
            lsp_types::SemanticTokensOptions {
                legend: lsp_types::SemanticTokensLegend {
                    token_types: TOKEN_TYPES.to_vec(),
                    token_modifiers: Vec::new(),
                },
                full: Some(lsp_types::SemanticTokensFullOptions::Bool(true)),
                ..lsp_types::SemanticTokensOptions::default()
            }
            .into(),
        ),
        rename_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    };
    let capabilities = serde_json::to_value(capabilities).map_err(|e| e.to_string())?;
    connection
        .initialize(capabilities)
        .map_err(|e| e.to_string())?;
    serve(&connection)?;
    drop(connection);
    threads.join().map_err(|e| e.to_string())
}

fn serve(connection: &Connection) -> Result<(), String> {
    // By address (`Uri` has interior mutability: no key).
    let mut files: HashMap<String, String> = HashMap::new();
    // What the last version of each file that parsed declares, for
    // completion while the file is half-typed.
    let mut outlines: HashMap<String, Outline> = HashMap::new();
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection
                    .handle_shutdown(&request)
                    .map_err(|e| e.to_string())?
                {
                    return Ok(());
                }
                let response = answer(&files, &outlines, request);
                send(connection, Message::Response(response))?;
            }
            Message::Notification(n) => {
                if let Some(uri) = changed(&mut files, n) {
                    let text = files.get(uri.as_str()).map_or("", String::as_str);
                    if !files.contains_key(uri.as_str()) {
                        outlines.remove(uri.as_str());
                    } else if let Ok(file) = crate::syntax::parse(text) {
                        outlines.insert(uri.as_str().to_owned(), Outline::of(&file));
                    }
                    let params = PublishDiagnosticsParams {
                        diagnostics: diagnostics(&uri, text),
                        uri,
                        version: None,
                    };
                    send(
                        connection,
                        Message::Notification(Notification::new(
                            PublishDiagnostics::METHOD.to_owned(),
                            params,
                        )),
                    )?;
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

fn send(connection: &Connection, message: Message) -> Result<(), String> {
    connection
        .sender
        .send(message)
        .map_err(|e| format!("the editor went away: {e}"))
}

/// Applies a notification to the open files; the file whose diagnostics
/// change, if any (closed: published empty).
fn changed(files: &mut HashMap<String, String>, n: Notification) -> Option<Uri> {
    match n.method.as_str() {
        DidOpenTextDocument::METHOD => {
            let p: lsp_types::DidOpenTextDocumentParams = serde_json::from_value(n.params).ok()?;
            files.insert(
                p.text_document.uri.as_str().to_owned(),
                p.text_document.text,
            );
            Some(p.text_document.uri)
        }
        DidChangeTextDocument::METHOD => {
            let p: lsp_types::DidChangeTextDocumentParams =
                serde_json::from_value(n.params).ok()?;
            let text = files.get_mut(p.text_document.uri.as_str())?;
            for change in p.content_changes {
                apply(text, change);
            }
            Some(p.text_document.uri)
        }
        DidCloseTextDocument::METHOD => {
            let p: lsp_types::DidCloseTextDocumentParams = serde_json::from_value(n.params).ok()?;
            files.remove(p.text_document.uri.as_str());
            Some(p.text_document.uri)
        }
        _ => None,
    }
}

/// One change of the editor's: a range replaced, or the whole text.
fn apply(text: &mut String, change: TextDocumentContentChangeEvent) {
    match change.range {
        Some(range) => {
            let lines = Lines::new(text);
            let start = lines.offset(text, range.start);
            let end = lines.offset(text, range.end).max(start);
            text.replace_range(start..end, &change.text);
        }
        None => *text = change.text,
    }
}

/// The answer to a request, `null` when there is nothing to say.
fn answer(
    files: &HashMap<String, String>,
    outlines: &HashMap<String, Outline>,
    request: Request,
) -> Response {
    let id: RequestId = request.id.clone();
    let null = || Response::new_ok(id.clone(), serde_json::Value::Null);
    let uri = request
        .params
        .pointer("/textDocument/uri")
        .and_then(|u| serde_json::from_value::<Uri>(u.clone()).ok());
    let Some(text) = uri.as_ref().and_then(|u| files.get(u.as_str())) else {
        return null();
    };
    let uri = uri
        .clone()
        .unwrap_or_else(|| unreachable!("a file was found"));
    let lines = Lines::new(text);
    let position = || {
        request
            .params
            .get("position")
            .and_then(|p| serde_json::from_value::<Position>(p.clone()).ok())
            .map(|p| lines.offset(text, p))
    };
    match request.method.as_str() {
        HoverRequest::METHOD => match position().and_then(|at| hover(text, at)) {
            Some((span, markdown)) => Response::new_ok(
                id,
                Hover {
                    contents: HoverContents::Markup(MarkupContent {
                        kind: MarkupKind::Markdown,
                        value: markdown,
                    }),
                    range: Some(lines.range(text, span)),
                },
            ),
            None => null(),
        },
        GotoDefinition::METHOD => match position().and_then(|at| definition(text, at)) {
            Some(span) => Response::new_ok(
                id,
                GotoDefinitionResponse::Scalar(Location {
                    uri,
                    range: lines.range(text, span),
                }),
            ),
            None => null(),
        },
        Completion::METHOD => match (position(), outlines.get(uri.as_str())) {
            (Some(at), Some(outline)) => Response::new_ok(id, complete(text, at, outline)),
            (Some(at), None) => Response::new_ok(id, complete(text, at, &Outline::default())),
            _ => null(),
        },
        SemanticTokensFullRequest::METHOD => {
            let parsed = crate::syntax::parse(text).ok().map(|f| Outline::of(&f));
            let outline = parsed
                .as_ref()
                .or_else(|| outlines.get(uri.as_str()))
                .unwrap_or(&EMPTY);
            Response::new_ok(
                id,
                lsp_types::SemanticTokens {
                    result_id: None,
                    data: tokens(text, &lines, outline),
                },
            )
        }
        References::METHOD => match position().and_then(|at| references(text, at)) {
            Some(spans) => Response::new_ok(
                id,
                spans
                    .into_iter()
                    .map(|span| Location {
                        uri: uri.clone(),
                        range: lines.range(text, span),
                    })
                    .collect::<Vec<_>>(),
            ),
            None => null(),
        },
        Rename::METHOD => {
            let name = request.params.get("newName").and_then(|n| n.as_str());
            match position()
                .zip(name)
                .map(|(at, name)| rename(text, at, name))
            {
                Some(Ok(spans)) => Response::new_ok(
                    id,
                    file_edit(
                        &uri,
                        spans
                            .into_iter()
                            .map(|span| TextEdit {
                                range: lines.range(text, span),
                                new_text: name.unwrap_or_default().to_owned(),
                            })
                            .collect(),
                    ),
                ),
                Some(Err(why)) => {
                    Response::new_err(id, lsp_server::ErrorCode::InvalidRequest as i32, why)
                }
                None => null(),
            }
        }
        CodeActionRequest::METHOD => {
            let range = request
                .params
                .get("range")
                .and_then(|r| serde_json::from_value::<Range>(r.clone()).ok());
            Response::new_ok(
                id,
                range
                    .map(|r| fixes(&uri, text, &lines, r))
                    .unwrap_or_default(),
            )
        }
        DocumentSymbolRequest::METHOD => {
            Response::new_ok(id, DocumentSymbolResponse::Nested(symbols(text, &lines)))
        }
        Formatting::METHOD => match crate::fmt::format(text) {
            Ok(formatted) if formatted != *text => {
                let end = lines.position(text, text.len());
                Response::new_ok(
                    id,
                    vec![TextEdit {
                        range: Range {
                            start: Position::new(0, 0),
                            end,
                        },
                        new_text: formatted,
                    }],
                )
            }
            // Unchanged, or not parsed: its diagnostics say why.
            _ => Response::new_ok(id, Vec::<TextEdit>::new()),
        },
        _ => Response::new_err(
            id,
            lsp_server::ErrorCode::MethodNotFound as i32,
            format!("grille lsp does not answer `{}`", request.method),
        ),
    }
}

/// The file checked as `grille check` checks it.
fn compiled(text: &str) -> crate::Compiled {
    let world = crate::world::MemoryWorld::new().with("file.grille", text.as_bytes().to_vec());
    crate::compile(&world, "file.grille").unwrap_or_else(|_| unreachable!("the file is in memory"))
}

/// The editor's diagnostics of a file.
pub fn diagnostics(uri: &Uri, text: &str) -> Vec<lsp_types::Diagnostic> {
    let lines = Lines::new(text);
    compiled(text)
        .diagnostics
        .iter()
        .map(|d| editor_diagnostic(uri, text, &lines, d))
        .collect()
}

fn editor_diagnostic(
    uri: &Uri,
    text: &str,
    lines: &Lines,
    d: &Diagnostic,
) -> lsp_types::Diagnostic {
    let mut message = d.message.clone();
    // The label where it says more than the message.
    if !d.primary.message.is_empty() && !message.contains(&d.primary.message) {
        message.push_str(&format!(": {}", d.primary.message));
    }
    for note in &d.notes {
        message.push_str(&format!("\nnote: {note}"));
    }
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    lsp_types::Diagnostic {
        range: lines.range(text, d.primary.span),
        severity: Some(match d.severity() {
            Severity::Error => lsp_types::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp_types::DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.as_str().to_owned())),
        source: Some("grille".to_owned()),
        message,
        related_information: (!d.secondary.is_empty()).then(|| {
            d.secondary
                .iter()
                .map(|l| DiagnosticRelatedInformation {
                    location: Location {
                        uri: uri.clone(),
                        range: lines.range(text, l.span),
                    },
                    message: l.message.clone(),
                })
                .collect()
        }),
        ..lsp_types::Diagnostic::default()
    }
}

/// The quick fixes of the diagnostics in a range: each « did you mean »
/// applied, `=` for `:`, a point for a decimal comma, a space for a
/// no-break space, straight quotes for typographic ones.
fn fixes(uri: &Uri, text: &str, lines: &Lines, range: Range) -> Vec<lsp_types::CodeAction> {
    compiled(text)
        .diagnostics
        .iter()
        .filter_map(|d| {
            let fix = d.fix.as_ref()?;
            let at = lines.range(text, d.primary.span);
            (at.start <= range.end && range.start <= at.end).then(|| lsp_types::CodeAction {
                title: if fix.trim().is_empty() {
                    "replace with an ordinary space".to_owned()
                } else {
                    format!("replace with `{fix}`")
                },
                kind: Some(lsp_types::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![editor_diagnostic(uri, text, lines, d)]),
                edit: Some(file_edit(
                    uri,
                    vec![TextEdit {
                        range: at,
                        new_text: fix.clone(),
                    }],
                )),
                is_preferred: Some(true),
                ..lsp_types::CodeAction::default()
            })
        })
        .collect()
}

/// An id and its label.
type Named = (String, String);

static EMPTY: Outline = Outline {
    questions: Vec::new(),
    sections: Vec::new(),
    computed: Vec::new(),
};

/// The kinds of the semantic tokens, in the legend's order.
const TOKEN_TYPES: [lsp_types::SemanticTokenType; 8] = [
    lsp_types::SemanticTokenType::KEYWORD,
    lsp_types::SemanticTokenType::TYPE,
    lsp_types::SemanticTokenType::STRING,
    lsp_types::SemanticTokenType::COMMENT,
    lsp_types::SemanticTokenType::NUMBER,
    lsp_types::SemanticTokenType::VARIABLE,
    lsp_types::SemanticTokenType::NAMESPACE,
    lsp_types::SemanticTokenType::ENUM_MEMBER,
];

/// The language's words that are not ids.
const KEYWORDS: [&str; 63] = [
    "questionnaire",
    "section",
    "question",
    "compute",
    "levels",
    "level",
    "mentions",
    "mention",
    "example",
    "note",
    "edition",
    "lang",
    "organiser",
    "contact",
    "website",
    "deadline",
    "opens",
    "receipt",
    "date",
    "notice",
    "intro",
    "status",
    "action",
    "terms",
    "campaign",
    "required",
    "hint",
    "when",
    "min",
    "max",
    "unit",
    "cap",
    "jury",
    "bands",
    "score",
    "check",
    "soft",
    "message",
    "exclusive",
    "from",
    "gate",
    "description",
    "named",
    "none",
    "cumulative",
    "independent",
    "range",
    "decimals",
    "answers",
    "expect",
    "invalid",
    "previous",
    "total",
    "and",
    "or",
    "not",
    "in",
    "has",
    "any",
    "yes",
    "no",
    "true",
    "false",
];

/// Each word, text, comment and number of the file as a semantic token:
/// its start, length (UTF-16) and kind, each relative to the one before,
/// as the protocol has them.
fn tokens(text: &str, lines: &Lines, outline: &Outline) -> Vec<lsp_types::SemanticToken> {
    let mut found: Vec<(usize, usize, u32)> = Vec::new();
    let mut word: Option<usize> = None;
    let kind_of = |w: &str| -> u32 {
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            4
        } else if QUESTION_WORDS[..12].contains(&w) {
            1
        } else if KEYWORDS.contains(&w) {
            0
        } else if outline.questions.iter().any(|(id, _, _)| id == w)
            || outline.computed.iter().any(|(id, _)| id == w)
        {
            5
        } else if outline.sections.iter().any(|(id, _)| id == w) {
            6
        } else {
            7
        }
    };
    for (range, piece) in crate::syntax::scan::pieces(text) {
        let in_word = matches!(piece, crate::syntax::scan::Piece::Byte(b) if b.is_ascii_alphanumeric() || b == b'_' || (b == b'.' && word.is_some_and(|w| text[w..range.start].bytes().all(|c| c.is_ascii_digit()))));
        if in_word {
            word.get_or_insert(range.start);
            continue;
        }
        if let Some(start) = word.take() {
            found.push((start, range.start, kind_of(&text[start..range.start])));
        }
        match piece {
            crate::syntax::scan::Piece::Comment => found.push((range.start, range.end, 3)),
            crate::syntax::scan::Piece::Text => found.push((range.start, range.end, 2)),
            _ => {}
        }
    }
    if let Some(start) = word {
        found.push((start, text.len(), kind_of(&text[start..])));
    }
    let mut out = Vec::new();
    let (mut line, mut column) = (0, 0);
    for (start, end, kind) in found {
        // A token is on one line: a text over several is one token a line.
        let mut from = start;
        while from < end {
            let to = text[from..end].find('\n').map_or(end, |i| from + i);
            let at = lines.position(text, from);
            let length = lines.position(text, to).character - at.character;
            if length > 0 {
                out.push(lsp_types::SemanticToken {
                    delta_line: at.line - line,
                    delta_start: if at.line == line {
                        at.character - column
                    } else {
                        at.character
                    },
                    length,
                    token_type: kind,
                    token_modifiers_bitset: 0,
                });
                (line, column) = (at.line, at.character);
            }
            from = to + 1;
        }
    }
    out
}

/// What a file declares, for completion: its questions (id, label, their
/// options' ids and labels), sections and computed values.
#[derive(Default)]
struct Outline {
    questions: Vec<(String, String, Vec<Named>)>,
    sections: Vec<(String, String)>,
    computed: Vec<(String, Option<String>)>,
}

impl Outline {
    fn of(file: &ast::File) -> Outline {
        let mut outline = Outline::default();
        let compute = |c: &ast::Compute, outline: &mut Outline| {
            outline
                .computed
                .push((c.id.name.clone(), c.label.as_ref().map(|l| l.value.clone())));
        };
        for item in &file.items {
            match item {
                ast::Item::Section(s) => {
                    outline
                        .sections
                        .push((s.id.name.clone(), s.title.value.clone()));
                    for i in &s.items {
                        match i {
                            ast::SectionItem::Question(q) => {
                                let options = options(q)
                                    .map(|o| (o.id.name.clone(), o.label.value.clone()))
                                    .collect();
                                outline.questions.push((
                                    q.id.name.clone(),
                                    q.label.value.clone(),
                                    options,
                                ));
                            }
                            ast::SectionItem::Compute(c) => compute(c, &mut outline),
                            _ => {}
                        }
                    }
                }
                ast::Item::Compute(c) => compute(c, &mut outline),
                _ => {}
            }
        }
        outline
    }
}

/// The question types and attributes, as the grammar allows them after a
/// question's label.
const QUESTION_WORDS: [&str; 25] = [
    "yesno", "one", "many", "integer", "decimal", "percent", "text", "long", "date", "email",
    "url", "siret", "required", "hint", "when", "min", "max", "unit", "cap", "jury", "bands",
    "score", "check", "yes", "no",
];

/// The words of an expression (after `when`, `gate`, `check`, `score`, or a
/// computed value's `=`).
const EXPRESSION_WORDS: [&str; 12] = [
    "and", "or", "not", "in", "has", "any", "section", "total", "level", "previous", "yes", "no",
];

/// The keywords the grammar allows on a line of a block (by the word that
/// opened the block, `""` at the top level): at its start, or after its
/// first word.
fn line_words(block: &str, first: &str, starting: bool) -> Vec<&'static str> {
    const LEVEL: [&str; 3] = ["from", "gate", "description"];
    const MENTION: [&str; 3] = ["when", "jury", "description"];
    let words: &[&str] = match (block, starting) {
        ("", true) => &[
            "questionnaire",
            "section",
            "compute",
            "levels",
            "mentions",
            "example",
        ],
        ("questionnaire", true) => return crate::check::header_fields().collect(),
        ("terms", true) => return crate::words::term_names().collect(),
        ("campaign", true) => &["name", "carrier", "type", "key"],
        ("section", true) => {
            let mut words = vec!["question", "note", "compute", "check", "intro"];
            words.extend(QUESTION_WORDS);
            return words;
        }
        ("levels", true) => &["level", "none", "from", "gate", "description"],
        ("levels", false) => &LEVEL,
        ("mentions", true) => &["mention", "when", "jury", "description"],
        ("mentions", false) => &MENTION,
        ("example", true) => &["answers", "jury", "previous", "expect"],
        // A choice question's options.
        ("question" | "one" | "many", false) => &["exclusive"],
        (_, false) => match first {
            "compute" => &["range", "unit", "decimals"],
            "note" => &["when"],
            "expect" => &["level", "total", "section", "mentions", "invalid"],
            "previous" => &["level", "total"],
            "question" => &QUESTION_WORDS,
            w if block == "section" && QUESTION_WORDS.contains(&w) => &QUESTION_WORDS,
            _ => &[],
        },
        _ => &[],
    };
    words.to_vec()
}

/// The word that opened the innermost block still open at `at` (the first
/// word of the line of its `{`: `section`, `levels`, `question`…, or `""`
/// at the top level), and where the block's inside begins. Brackets in
/// texts and comments do not count.
fn block_at(text: &str, at: usize) -> (&str, usize) {
    let mut open = Vec::new();
    for (offset, bracket) in crate::syntax::scan::brackets(&text[..at]) {
        match bracket {
            b'{' => open.push(offset),
            b'}' => {
                open.pop();
            }
            _ => {}
        }
    }
    open.last().map_or(("", 0), |&brace| {
        let start = text[..brace].rfind('\n').map_or(0, |i| i + 1);
        (first_word(&text[start..brace]), brace + 1)
    })
}

/// Whether the end of `before` is inside a text in quotes (not closed yet)
/// or a comment: nothing to complete there.
fn in_text_or_comment(before: &str) -> bool {
    use crate::syntax::scan::{pieces, Piece};
    match pieces(before).last() {
        Some((range, Piece::Comment)) => range.end == before.len(),
        Some((range, Piece::Text)) if range.end == before.len() => {
            let piece = &before[range];
            let closed = if piece.starts_with("\"\"\"") {
                piece.len() >= 6 && piece.ends_with("\"\"\"")
            } else {
                piece.len() >= 2 && piece.ends_with('"') && !piece.ends_with("\\\"")
            };
            !closed
        }
        _ => false,
    }
}

/// A piece of a line without its texts in quotes and its comment.
fn code_of(line: &str) -> String {
    crate::syntax::scan::pieces(line)
        .filter(|(_, piece)| {
            !matches!(
                piece,
                crate::syntax::scan::Piece::Text | crate::syntax::scan::Piece::Comment
            )
        })
        .map(|(range, _)| &line[range])
        .collect()
}

/// A line's first word.
fn first_word(line: &str) -> &str {
    let line = line.trim_start();
    let end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(line.len());
    &line[..end]
}

/// What may be written at the offset: after `Q =`, `Q has` or inside
/// `Q in {…}`, the options of `Q`; after `section` in an expression, the
/// sections; at the start of a line, the words its block allows (in a
/// section, also a new question as a snippet); further on, the words its
/// first word allows; in an expression or an example's answers, the
/// questions and computed values too.
fn complete(text: &str, at: usize, outline: &Outline) -> Vec<lsp_types::CompletionItem> {
    use lsp_types::{CompletionItem, CompletionItemKind, InsertTextFormat};
    let at = at.min(text.len());
    if in_text_or_comment(&text[..at]) {
        return Vec::new();
    }
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..at];
    // The word being typed is not part of the context.
    let context = before.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    let item = |label: &str, detail: Option<&str>, kind| CompletionItem {
        label: label.to_owned(),
        detail: detail.map(str::to_owned),
        kind: Some(kind),
        ..CompletionItem::default()
    };
    if let Some(question) = option_context(context) {
        if let Some((_, _, options)) = outline.questions.iter().find(|(id, _, _)| id == question) {
            return options
                .iter()
                .map(|(id, label)| item(id, Some(label), CompletionItemKind::ENUM_MEMBER))
                .collect();
        }
    }
    let trimmed = context.trim_end();
    if trimmed.ends_with("section") && !before.trim_start().starts_with("section") {
        return outline
            .sections
            .iter()
            .map(|(id, title)| item(id, Some(title), CompletionItemKind::MODULE))
            .collect();
    }
    // What the line is (from the block's `{` when it is on this line): its
    // first word (when the cursor is past it), the block it stands in, and
    // whether an expression has begun on it (texts and comments aside).
    let (block, inside) = block_at(text, at);
    let line = code_of(&text[line_start.max(inside)..at]);
    let line = line.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    let first = first_word(line);
    let starting = line.trim().is_empty();
    let expression = line
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .any(|w| matches!(w, "when" | "gate" | "check" | "score"))
        || (first == "compute" && line.contains('='));
    let mut words = line_words(block, first, starting);
    if expression {
        words.extend(EXPRESSION_WORDS);
    }
    words.sort_unstable();
    words.dedup();
    // The ids where an expression, a `campaign` line or an example's
    // answers may name them.
    let ids =
        expression || matches!(block, "answers" | "jury") || (block == "campaign" && !starting);
    let mut items: Vec<CompletionItem> = Vec::new();
    if ids {
        items.extend(
            outline
                .questions
                .iter()
                .map(|(id, label, _)| item(id, Some(label), CompletionItemKind::FIELD))
                .chain(
                    outline.computed.iter().map(|(id, label)| {
                        item(id, label.as_deref(), CompletionItemKind::CONSTANT)
                    }),
                ),
        );
    }
    items.extend(
        words
            .iter()
            .map(|w| item(w, None, CompletionItemKind::KEYWORD)),
    );
    if starting && block == "section" {
        items.push(CompletionItem {
            label: "question".to_owned(),
            kind: Some(CompletionItemKind::SNIPPET),
            detail: Some("question ID \"…\" yesno".to_owned()),
            insert_text: Some("question ${1:ID} \"${2:…}\" ${3:yesno}".to_owned()),
            insert_text_format: Some(InsertTextFormat::SNIPPET),
            ..CompletionItem::default()
        });
    }
    items
}

/// Completion on a file by itself (the outline of this very text, when it
/// parses): what the server answers when the file parses.
pub fn completion(text: &str, at: usize) -> Vec<lsp_types::CompletionItem> {
    let outline = crate::syntax::parse(text)
        .map(|file| Outline::of(&file))
        .unwrap_or_default();
    complete(text, at, &outline)
}

/// The question whose options may come next: `S1 = `, `S1 has `,
/// `S1 in {a, `, `S1 not in {`.
fn option_context(context: &str) -> Option<&str> {
    let context = context.trim_end();
    let head = if let Some(rest) = context.strip_suffix('=') {
        rest.strip_suffix('!').unwrap_or(rest)
    } else if let Some(rest) = context.strip_suffix("has") {
        rest
    } else {
        // Inside a `{…}` not closed on this line.
        let open = context.rfind('{')?;
        if context[open..].contains('}') {
            return None;
        }
        let rest = context[..open].trim_end().strip_suffix("in")?;
        rest.trim_end().strip_suffix("not").unwrap_or(rest)
    };
    let head = head.trim_end();
    let start = head
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    let id = &head[start..];
    (!id.is_empty() && head[..start].trim_end() != "level").then_some(id)
}

/// Every place the id at the offset is written (declared or used), when it
/// is a declared question, section or computed value id. Texts in quotes
/// and comments are left out.
pub fn references(text: &str, at: usize) -> Option<Vec<Span>> {
    let (word, span) = word_at(text, at)?;
    let file = crate::syntax::parse(text).ok()?;
    // An option: where it is declared, and where it follows its question.
    let question = option_context(&text[..span.start as usize])
        .map(str::to_owned)
        .or_else(|| {
            let declared = option_definition_of(&file, word, span)?;
            Some(declared)
        });
    if let Some(question) = question {
        if let Some(declared) = option_declaration(&file, &question, word) {
            let mut spans: Vec<Span> = identifiers(text, word)
                .into_iter()
                .filter(|s| {
                    *s == declared
                        || option_context(&text[..s.start as usize]) == Some(question.as_str())
                })
                .collect();
            spans.sort_by_key(|s| s.start);
            return Some(spans);
        }
    }
    // A level: its number after `level`, wherever it is written.
    if level_number(text, word, span).is_some() {
        return Some(
            identifiers(text, word)
                .into_iter()
                .filter(|s| level_number(text, word, *s).is_some())
                .collect(),
        );
    }
    declarations(&file)
        .iter()
        .any(|(id, _)| id.name == word)
        .then(|| identifiers(text, word))
}

/// The question declaring the option whose declaration is at `span`.
fn option_definition_of(file: &ast::File, word: &str, span: Span) -> Option<String> {
    questions(file).find_map(|q| {
        options(q)
            .any(|o| o.id.name == word && o.id.span == span)
            .then(|| q.id.name.clone())
    })
}

/// Where the option `word` of `question` is declared.
fn option_declaration(file: &ast::File, question: &str, word: &str) -> Option<Span> {
    questions(file)
        .filter(|q| q.id.name == question)
        .flat_map(options)
        .find(|o| o.id.name == word)
        .map(|o| o.id.span)
}

fn questions(file: &ast::File) -> impl Iterator<Item = &ast::Question> {
    file.items
        .iter()
        .filter_map(|i| match i {
            ast::Item::Section(s) => Some(s),
            _ => None,
        })
        .flat_map(|s| &s.items)
        .filter_map(|i| match i {
            ast::SectionItem::Question(q) => Some(q),
            _ => None,
        })
}

fn options(q: &ast::Question) -> impl Iterator<Item = &ast::OptionDecl> {
    q.parts
        .iter()
        .filter_map(|p| match &p.kind {
            ast::PartKind::Options(list) => Some(list),
            _ => None,
        })
        .flatten()
}

/// The edits renaming the id at the offset: refused for a name that is not
/// an id, a name already declared, or a name also used as an option's id
/// (which a rename by name would change too).
pub fn rename(text: &str, at: usize, name: &str) -> Result<Vec<Span>, String> {
    let (word, _) = word_at(text, at).ok_or("there is no id here")?;
    let file = crate::syntax::parse(text).map_err(|_| "the file does not parse: fix it first")?;
    let declared = declarations(&file);
    if !declared.iter().any(|(id, _)| id.name == word) {
        return Err(format!(
            "`{word}` is not a question, section or computed value id"
        ));
    }
    let valid = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid {
        return Err(format!(
            "`{name}` is not an id: letters, digits and `_`, not starting with a digit"
        ));
    }
    if declared.iter().any(|(id, _)| id.name == name) {
        return Err(format!("`{name}` is already declared"));
    }
    let options = Outline::of(&file);
    if options
        .questions
        .iter()
        .flat_map(|(_, _, o)| o)
        .any(|(id, _)| id == word || id == name)
    {
        return Err(format!(
            "an option has the id `{word}` or `{name}`: rename by hand"
        ));
    }
    Ok(identifiers(text, word))
}

/// The spans of the identifier `name` outside texts and comments.
fn identifiers(text: &str, name: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut word: Option<usize> = None;
    let close = |start: usize, end: usize, spans: &mut Vec<Span>| {
        if &text[start..end] == name {
            spans.push(Span {
                start: u32::try_from(start).unwrap_or(u32::MAX),
                end: u32::try_from(end).unwrap_or(u32::MAX),
            });
        }
    };
    for (range, piece) in crate::syntax::scan::pieces(text) {
        match piece {
            crate::syntax::scan::Piece::Byte(b) if b.is_ascii_alphanumeric() || b == b'_' => {
                word.get_or_insert(range.start);
            }
            _ => {
                if let Some(start) = word.take() {
                    close(start, range.start, &mut spans);
                }
            }
        }
    }
    if let Some(start) = word {
        close(start, text.len(), &mut spans);
    }
    spans
}

/// These edits of one file, as the protocol sends them.
fn file_edit(uri: &Uri, edits: Vec<TextEdit>) -> lsp_types::WorkspaceEdit {
    lsp_types::WorkspaceEdit {
        document_changes: Some(lsp_types::DocumentChanges::Edits(vec![
            lsp_types::TextDocumentEdit {
                text_document: lsp_types::OptionalVersionedTextDocumentIdentifier {
                    uri: uri.clone(),
                    version: None,
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            },
        ])),
        ..lsp_types::WorkspaceEdit::default()
    }
}

/// The identifier the offset is in, and its span.
fn word_at(text: &str, at: usize) -> Option<(&str, Span)> {
    let is_id = |c: char| c.is_alphanumeric() || c == '_';
    let at = at.min(text.len());
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_id(*c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .find(|(_, c)| !is_id(*c))
        .map_or(text.len(), |(i, _)| at + i);
    (start < end).then(|| {
        let span = Span {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        };
        (&text[start..end], span)
    })
}

/// Where the option (after `Q =`, `Q has`, in `Q in {…}`), question,
/// section or computed value named at the offset is declared (the file
/// needs to parse, not to check).
pub fn definition(text: &str, at: usize) -> Option<Span> {
    let (word, _) = word_at(text, at)?;
    let file = crate::syntax::parse(text).ok()?;
    if let Some(span) = option_definition(text, at, &file) {
        return Some(span);
    }
    if let Some(number) = word_at(text, at).and_then(|(w, span)| level_number(text, w, span)) {
        return file
            .items
            .iter()
            .filter_map(|i| match i {
                ast::Item::Levels(l) => Some(l),
                _ => None,
            })
            .flat_map(|l| &l.levels)
            .find(|l| l.number.value == crate::num::Num::from_int(i64::from(number)))
            .map(|l| l.number.span);
    }
    declarations(&file)
        .into_iter()
        .find(|(id, _)| id.name == word)
        .map(|(id, _)| id.span)
}

/// The declared ids of a file, each with what it declares.
fn declarations(file: &ast::File) -> Vec<(&ast::Ident, SymbolKind)> {
    let mut out = Vec::new();
    for item in &file.items {
        match item {
            ast::Item::Section(s) => {
                out.push((&s.id, SymbolKind::NAMESPACE));
                for i in &s.items {
                    match i {
                        ast::SectionItem::Question(q) => out.push((&q.id, SymbolKind::FIELD)),
                        ast::SectionItem::Compute(c) => out.push((&c.id, SymbolKind::CONSTANT)),
                        _ => {}
                    }
                }
            }
            ast::Item::Compute(c) => out.push((&c.id, SymbolKind::CONSTANT)),
            _ => {}
        }
    }
    out
}

/// What the id at the offset is, in Markdown: a question's number, label,
/// type and points; a section's number, title and maximum. Needs a file
/// that checks.
pub fn hover(text: &str, at: usize) -> Option<(Span, String)> {
    let (word, span) = word_at(text, at)?;
    let model = compiled(text).model?;
    let w = model.words();
    // An option, after `Q =`, `Q has`, in `Q in {…}`: its label and points.
    let context = &text[..span.start as usize];
    if let Some(q) = option_context(context).and_then(|id| model.question(id)) {
        if let Some(o) = q.kind.options().iter().find(|o| o.id == word) {
            return Some((
                span,
                format!(
                    "`{}` {} ({})\n\n{} {} {}",
                    o.id,
                    w.quoted(&o.label),
                    w.points(&o.points),
                    q.number,
                    q.label,
                    format_args!("`{}`", q.id)
                ),
            ));
        }
    }
    if let Some(q) = model.question(word) {
        return Some((span, question_words(&model, q)));
    }
    // A level, by its number after `level` (in an example's `expect`).
    if let Some(level) = level_number(text, word, span) {
        let l = model.levels.levels.iter().find(|l| l.number == level)?;
        let mut out = format!(
            "**{}**",
            crate::words::capitalised(&crate::engine::explain::level_words(&model, l.number))
        );
        if !l.by_conditions {
            out.push_str(&format!("\n\nfrom {}", w.points(&l.min_total)));
        }
        for g in &l.gates {
            out.push_str(&format!("\n- gate `{}`", g.source));
        }
        return Some((span, out));
    }
    let s = model.sections.iter().find(|s| s.id == word)?;
    let mut out = format!(
        "**{}. {}**\n\n`{}` · max {}",
        s.number,
        s.title,
        s.id,
        w.points(&s.max)
    );
    if let Some(when) = &s.when {
        out.push_str(&format!("\n\n{}", crate::words::shown_if(when, &model)));
    }
    Some((span, out))
}

/// The level a number names, when it is written after `level`.
fn level_number(text: &str, word: &str, span: Span) -> Option<u32> {
    let before = text[..span.start as usize].trim_end();
    let keyword = before.strip_suffix("level")?;
    let standalone = keyword
        .chars()
        .next_back()
        .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'));
    standalone.then(|| word.parse().ok()).flatten()
}

/// Where the option named at the offset is declared, when the offset is
/// after `Q =`, `Q has` or in `Q in {…}`.
fn option_definition(text: &str, at: usize, file: &ast::File) -> Option<Span> {
    let (word, span) = word_at(text, at)?;
    let question = option_context(&text[..span.start as usize])?;
    option_declaration(file, question, word)
}

fn question_words(model: &Model, q: &crate::model::Question) -> String {
    let w = model.words();
    let kind = match &q.kind {
        crate::model::Kind::YesNo => "yesno",
        crate::model::Kind::One { .. } => "one",
        crate::model::Kind::Many { .. } => "many",
        crate::model::Kind::Integer(_) => "integer",
        crate::model::Kind::Decimal(_) => "decimal",
        crate::model::Kind::Percent(_) => "percent",
        crate::model::Kind::Text => "text",
        crate::model::Kind::LongText => "text long",
        crate::model::Kind::Date => "date",
        crate::model::Kind::Email => "email",
        crate::model::Kind::Url => "url",
        crate::model::Kind::Siret => "siret",
    };
    let mut out = format!("**{} {}**\n\n`{}` `{kind}`", q.number, q.label, q.id);
    if q.required {
        out.push_str(" `required`");
    }
    match &q.scoring {
        Scoring::Jury { max } => out.push_str(&format!(
            "\n\njury 0..{} — {}",
            max.to_decimal(0),
            w.points(&q.max)
        )),
        Scoring::None => {}
        Scoring::Choices { cap: Some(cap) } => out.push_str(&format!(
            "\n\nmax {} (cap {})",
            w.points(&q.max),
            w.number(cap)
        )),
        Scoring::Bands { bands, .. } => {
            out.push_str(&format!("\n\nmax {}\n", w.points(&q.max)));
            for b in bands {
                out.push_str(&format!("\n- `{b}` → {}", w.points(&b.points)));
            }
        }
        _ => out.push_str(&format!("\n\nmax {}", w.points(&q.max))),
    }
    let options = q.kind.options();
    if !options.is_empty() {
        out.push('\n');
        for o in options {
            out.push_str(&format!(
                "\n- `{}` {} ({})",
                o.id,
                o.label,
                w.points(&o.points)
            ));
        }
    }
    if let Some(when) = &q.when {
        out.push_str(&format!("\n\n{}", crate::words::shown_if(when, model)));
    }
    out
}

/// The outline: each section with its questions and computed values.
#[allow(deprecated)] // `DocumentSymbol::deprecated` is in the type
fn symbols(text: &str, lines: &Lines) -> Vec<DocumentSymbol> {
    let Ok(file) = crate::syntax::parse(text) else {
        return Vec::new();
    };
    let symbol =
        |name: String, detail: Option<String>, kind, span: Span, id: &ast::Ident, children| {
            DocumentSymbol {
                name,
                detail,
                kind,
                tags: None,
                deprecated: None,
                range: lines.range(text, span),
                selection_range: lines.range(text, id.span),
                children,
            }
        };
    file.items
        .iter()
        .filter_map(|item| match item {
            ast::Item::Section(s) => {
                let children = s
                    .items
                    .iter()
                    .filter_map(|i| match i {
                        ast::SectionItem::Question(q) => Some(symbol(
                            q.id.name.clone(),
                            Some(q.label.value.clone()),
                            SymbolKind::FIELD,
                            q.span,
                            &q.id,
                            None,
                        )),
                        ast::SectionItem::Compute(c) => Some(symbol(
                            c.id.name.clone(),
                            c.label.as_ref().map(|l| l.value.clone()),
                            SymbolKind::CONSTANT,
                            c.span,
                            &c.id,
                            None,
                        )),
                        _ => None,
                    })
                    .collect();
                Some(symbol(
                    s.id.name.clone(),
                    Some(s.title.value.clone()),
                    SymbolKind::NAMESPACE,
                    s.span,
                    &s.id,
                    Some(children),
                ))
            }
            _ => None,
        })
        .collect()
}

/// Where each line starts, to turn byte offsets into the protocol's lines
/// and UTF-16 columns and back.
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    /// The position of a byte offset.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|s| *s <= offset) - 1;
        let start = self.starts[line];
        let column: usize = text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(column).unwrap_or(u32::MAX),
        )
    }

    /// The byte offset of a position (clamped to its line and the text).
    pub fn offset(&self, text: &str, p: Position) -> usize {
        let Some(&start) = self.starts.get(p.line as usize) else {
            return text.len();
        };
        let end = self
            .starts
            .get(p.line as usize + 1)
            .map_or(text.len(), |next| next - 1);
        let mut units = 0;
        for (i, c) in text[start..end].char_indices() {
            if units >= p.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        end
    }

    pub fn range(&self, text: &str, span: Span) -> Range {
        Range {
            start: self.position(text, span.start as usize),
            end: self.position(text, span.end as usize),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hover_on_a_banded_question_lists_its_bands() {
        let form = include_str!("../forms/tnl-2024.grille");
        let at = form.find("question S10").unwrap() + "question S1".len();
        let (_, text) = hover(form, at).expect("S10 is a question");
        assert!(text.starts_with("**2.10 "), "{text}");
        assert!(text.contains("- `[6, ∞)` → 3 points"), "{text}");
    }

    #[test]
    fn a_level_number_in_an_example_hovers_and_goes_to_its_level() {
        let form = include_str!("../forms/tnl-2024.grille");
        let at = form.find("expect level 5").unwrap() + "expect level ".len();
        let (_, text) = hover(form, at).expect("level 5");
        assert!(
            text.contains("Excellence") && text.contains("from 160 points"),
            "{text}"
        );
        assert!(text.contains("- gate `"), "{text}");
        let declared = definition(form, at).expect("declared");
        let line = &form[declared.start as usize..];
        assert!(line.starts_with("5 \"Excellence\""), "{}", &line[..20]);
        // Its references: the declaration and every `level 5` of the examples.
        let found = references(form, at).expect("references");
        assert!(found.contains(&declared), "{found:?}");
        assert!(found.len() >= 2, "{found:?}");
        for s in &found {
            assert_eq!(&form[s.start as usize..s.end as usize], "5");
            assert!(
                form[..s.start as usize].trim_end().ends_with("level"),
                "{s:?}"
            );
        }
    }

    #[test]
    fn prefixes_of_the_2024_form_are_answered_without_a_panic() {
        let form = include_str!("../forms/tnl-2024.grille");
        let uri: Uri = "file:///prefix.grille".parse().unwrap();
        let boundary = |text: &str, at: usize| {
            (0..=at)
                .rev()
                .find(|i| text.is_char_boundary(*i))
                .unwrap_or(0)
        };
        let mut ends: Vec<usize> = (0..form.len())
            .step_by(613)
            .map(|i| boundary(form, i))
            .collect();
        ends.push(form.len());
        for end in ends {
            let text = &form[..end];
            let _ = diagnostics(&uri, text);
            let _ = tokens(text, &Lines::new(text), &EMPTY);
            for at in [0, boundary(text, end / 2), end] {
                let _ = hover(text, at);
                let _ = definition(text, at);
                let _ = references(text, at);
                let _ = completion(text, at);
            }
        }
    }

    #[test]
    fn quick_fixes_repair_a_colon_a_decimal_comma_a_no_break_space_and_typographic_quotes() {
        let uri: Uri = "file:///fix.grille".parse().unwrap();
        for (fixture, title) in [
            ("E0001_colon_points", "replace with `=`"),
            ("E0001_decimal_comma", "replace with `.`"),
            ("E0001_no_break_space", "replace with an ordinary space"),
            ("E0001_typographic_quotes", "replace with `\"Démo\"`"),
        ] {
            let path = format!(
                "{}/tests/fixtures/check/{fixture}.grille",
                env!("CARGO_MANIFEST_DIR")
            );
            let text = std::fs::read_to_string(path).unwrap();
            let lines = Lines::new(&text);
            let whole = Range::new(Position::new(0, 0), lines.position(&text, text.len()));
            let actions = fixes(&uri, &text, &lines, whole);
            assert_eq!(actions.len(), 1, "{fixture}: {actions:?}");
            assert_eq!(actions[0].title, title, "{fixture}");
            let edit = &actions[0].edit.as_ref().unwrap().document_changes;
            let Some(lsp_types::DocumentChanges::Edits(edits)) = edit else {
                panic!("{fixture}: {edit:?}")
            };
            let OneOf::Left(e) = &edits[0].edits[0] else {
                panic!("{fixture}")
            };
            let (start, end) = (
                lines.offset(&text, e.range.start),
                lines.offset(&text, e.range.end),
            );
            let fixed = format!("{}{}{}", &text[..start], e.new_text, &text[end..]);
            let left = compiled(&fixed).diagnostics.clone();
            assert!(
                left.iter()
                    .all(|d| d.code != crate::diagnostic::Code::E0001),
                "{fixture}: the syntax error is gone: {left:?}\n{fixed}"
            );
        }
    }

    #[test]
    fn completion_offers_the_words_the_grammar_allows_where_the_cursor_is() {
        let form = include_str!("../forms/tnl-2024.grille");
        // The labels offered with the cursor just after `needle` (its
        // first occurrence), with `typed` inserted there.
        let offered = |needle: &str, typed: &str| -> Vec<String> {
            let at = form.find(needle).unwrap_or_else(|| panic!("{needle:?}")) + needle.len();
            let text = format!("{}{typed}{}", &form[..at], &form[at..]);
            completion(&text, at + typed.len())
                .into_iter()
                .map(|i| i.label)
                .collect()
        };
        let has =
            |labels: &[String], words: &[&str]| words.iter().all(|w| labels.iter().any(|l| l == w));
        let lacks = |labels: &[String], words: &[&str]| {
            words.iter().all(|w| !labels.iter().any(|l| l == w))
        };
        // The top level, the header, a section, a question line.
        let top = offered(
            "# Jeux de réponses et résultats attendus, vérifiés par `grille test`.\n",
            "",
        );
        assert!(
            has(&top, &["section", "levels", "example"]) && lacks(&top, &["S1", "yesno", "lang"]),
            "{top:?}"
        );
        let header = offered("  lang fr\n", "  o");
        assert!(
            has(&header, &["organiser", "deadline"]) && lacks(&header, &["section", "S1"]),
            "{header:?}"
        );
        let section = offered("section strategie \"Stratégie et mutualisation\" {\n", "  ");
        assert!(
            has(&section, &["question", "note", "hint", "when"])
                && lacks(&section, &["S1", "level"]),
            "{section:?}"
        );
        let question = offered("question S11 \"Vos marchés publics comportent-ils des clauses favorisant le libre, les formats ouverts ou la réversibilité ?\" yesno", " ");
        assert!(
            has(&question, &["required", "hint", "when"])
                && lacks(&question, &["S1", "and", "level"]),
            "{question:?}"
        );
        // A condition: the ids and the words of an expression.
        let condition = offered("date when ", "");
        assert!(
            has(&condition, &["S1", "P1", "and", "not", "section"])
                && lacks(&condition, &["questionnaire", "levels"]),
            "{condition:?}"
        );
        // Levels: a level's words, the ids in a gate.
        let level = offered("level 2 \"Initiatives\" from 60", " ");
        assert!(
            has(&level, &["gate", "description"]) && lacks(&level, &["yesno", "S1", "exclusive"]),
            "{level:?}"
        );
        let gate = offered("level 3 \"Implication\" from 100\n    gate ", "");
        assert!(has(&gate, &["S1", "section", "total"]), "{gate:?}");
        // An option's line: `exclusive` only.
        let option = offered(
            "aucune       \"Pas de mutualisation\"                            = 0",
            " ",
        );
        assert_eq!(option, ["exclusive"]);
        // An example: its parts, then the ids in its answers.
        let example = offered(
            "example niveau_2 \"Initiatives : 63 points, note du jury en attente\" {\n",
            "  ",
        );
        assert!(
            has(&example, &["answers", "expect"]) && lacks(&example, &["S1"]),
            "{example:?}"
        );
        // Nothing inside a text or a comment.
        assert!(offered("question S1 \"La collectivité", " dispose").is_empty());
        assert!(offered("# Questionnaire de candidature", " au").is_empty());
        assert!(offered("intro \"\"\"\n", "    Le label").is_empty());
        // A block on one line: its own words.
        let inline = offered("question S1 \"La collectivité dispose-t-elle d’une stratégie formalisée en faveur du logiciel libre ?\" one required {", " a \"A\" ");
        assert_eq!(inline, ["exclusive"]);
        let answers = offered(
            "avec S5 et C10 au maximum : 72, toujours niveau 2\n  answers {\n",
            "    ",
        );
        assert!(has(&answers, &["S1", "P1"]), "{answers:?}");
    }

    #[test]
    fn positions_count_utf16_units_and_come_back_to_the_same_byte() {
        let text = "a « é » 😀 b\nsecond\n";
        let lines = Lines::new(text);
        let b = text.find(" b").unwrap() + 1;
        // « (1) space é space » space 😀 (2) space: 10 units before `b`.
        assert_eq!(lines.position(text, b), Position::new(0, 11));
        assert_eq!(lines.offset(text, Position::new(0, 11)), b);
        let s = text.find("second").unwrap();
        assert_eq!(lines.position(text, s), Position::new(1, 0));
        assert_eq!(
            lines.offset(text, Position::new(1, 99)),
            s + 6,
            "clamped to the line"
        );
        assert_eq!(lines.offset(text, Position::new(9, 0)), text.len());
    }
}
