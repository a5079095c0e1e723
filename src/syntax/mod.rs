//! From bytes to the syntax tree. pest stays inside this module.

pub mod ast;
mod descent;
mod names;
mod parser;
pub(crate) use parser::dedent;

use crate::diagnostic::{self, Diagnostic, SyntaxHint};
use crate::source::{Source, Span};
use names::Group;
use parser::{GrilleParser, Rule};
use pest::Parser as _;
use std::collections::BTreeMap;

/// Brackets nested deeper than this are refused before parsing.
const MAX_NESTING: usize = 64;

/// Decodes a file's bytes. Invalid UTF-8 is an error that points at the first
/// bad byte; the returned source is still usable for rendering it.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<Source, (Source, Diagnostic)> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Source::new(name, text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let byte = e.as_bytes()[at];
            let d = diagnostic::not_utf8(Span::new(at, at + 1), byte);
            Err((Source::new(name, text), d))
        }
    }
}

/// Parses a questionnaire file. A syntax error stops parsing.
///
/// A valid file is read by the recursive-descent reader in one pass; any
/// other goes through pest, whose failure says what was expected where.
pub fn parse(text: &str) -> Result<ast::File, Diagnostic> {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(diagnostic::empty_file(Span::new(0, text.len())));
    }
    let split = check_nesting(text)?;
    match descent::file(text, split) {
        Some(file) => Ok(file),
        None => with_pest(text),
    }
}

/// The recursive-descent reader alone: `None` where it does not read the
/// file. For the tests and the fuzz target that hold it to [`reference`].
#[doc(hidden)]
pub fn recursive_descent(text: &str) -> Option<ast::File> {
    let split = check_nesting(text).ok()?;
    descent::file(text, split)
}

/// Parses with pest and builds the tree from its pairs: the reference the
/// recursive-descent reader is held to, and the source of syntax errors.
#[doc(hidden)]
pub fn reference(text: &str) -> Result<ast::File, Diagnostic> {
    check_nesting(text)?;
    with_pest(text)
}

fn with_pest(text: &str) -> Result<ast::File, Diagnostic> {
    let mut pairs = match GrilleParser::parse(Rule::file, text) {
        Ok(pairs) => pairs,
        Err(_) => {
            // Parse again, collecting the expected tokens for the message.
            pest::set_error_detail(true);
            let detailed = GrilleParser::parse(Rule::file, text).err();
            pest::set_error_detail(false);
            let error = detailed.expect("the same input fails the same way");
            return Err(syntax_error(text, &error));
        }
    };
    let file = pairs.next().expect("a successful parse yields the file");
    parser::file(file)
}

/// Files larger than this are read in two parts, on two threads.
const SPLIT_ABOVE: usize = 64 * 1024;

/// Refuses brackets nested beyond `MAX_NESTING`, so that no later stage can
/// run out of stack on hostile input. For a large file, also finds where it
/// can be read in two parts: the end of the first top-level block past its
/// middle.
fn check_nesting(text: &str) -> Result<Option<usize>, Diagnostic> {
    let mut split = None;
    let mut depth = 0usize;
    for (i, b) in Brackets::new(text.as_bytes()) {
        if matches!(b, b'(' | b'[' | b'{') {
            depth += 1;
            if depth > MAX_NESTING {
                return Err(diagnostic::nested_too_deep(
                    Span::new(i, i + 1),
                    MAX_NESTING,
                ));
            }
        } else {
            depth = depth.saturating_sub(1);
            if depth == 0
                && b == b'}'
                && split.is_none()
                && text.len() > SPLIT_ABOVE
                && i > text.len() / 2
            {
                split = Some(i + 1);
            }
        }
    }
    Ok(split)
}

/// The brackets of a text, with their offsets, outside texts in quotes and
/// comments: a scan far cheaper than parsing, for the checks made before it.
struct Brackets<'a> {
    bytes: &'a [u8],
    i: usize,
}

impl<'a> Brackets<'a> {
    fn new(bytes: &'a [u8]) -> Brackets<'a> {
        Brackets { bytes, i: 0 }
    }

    /// Moves past the first `end` at or after `self.i`, or to the end.
    fn skip_past(&mut self, end: &[u8], stop_at_newline: bool) {
        let bytes = self.bytes;
        while self.i < bytes.len() && !bytes[self.i..].starts_with(end) {
            if stop_at_newline && bytes[self.i] == b'\n' {
                return;
            }
            self.i += if bytes[self.i] == b'\\' && end == b"\"" {
                2
            } else {
                1
            };
        }
        self.i += end.len();
    }
}

impl Iterator for Brackets<'_> {
    type Item = (usize, u8);

    fn next(&mut self) -> Option<(usize, u8)> {
        while self.i < self.bytes.len() {
            let at = self.i;
            let b = self.bytes[at];
            self.i += 1;
            match b {
                b'#' => self.skip_past(b"\n", false),
                b'"' if self.bytes[at..].starts_with(b"\"\"\"") => {
                    self.i = at + 3;
                    self.skip_past(b"\"\"\"", false);
                }
                b'"' => self.skip_past(b"\"", true),
                b'(' | b'[' | b'{' | b')' | b']' | b'}' => return Some((at, b)),
                _ => {}
            }
        }
        None
    }
}

fn syntax_error(text: &str, error: &pest::error::Error<Rule>) -> Diagnostic {
    let at = match error.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let found = found_at(text, at);
    let span = Span::new(at, at + found.len_bytes);

    // A non-ASCII letter inside an identifier gets its own explanation.
    if let Some(c) = text[at..].chars().next() {
        let prev = text[..at].chars().next_back();
        if c.is_alphabetic()
            && !c.is_ascii()
            && prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '_')
        {
            return diagnostic::non_ascii_identifier(Span::new(at, at + c.len_utf8()), c);
        }
    }

    let mut expected: BTreeMap<Group, Vec<&'static str>> = BTreeMap::new();
    let mut add = |name: names::Name| {
        let list = expected.entry(name.group).or_default();
        if !list.contains(&name.text) {
            list.push(name.text);
        }
    };
    if let pest::error::ErrorVariant::ParsingError { positives, .. } = &error.variant {
        for rule in positives {
            for name in names::expand(*rule) {
                add(name);
            }
        }
    }
    if let Some(attempts) = error.parse_attempts() {
        for token in attempts.expected_tokens() {
            if let Some(name) = names::token(&token.to_string()) {
                add(name);
            }
        }
    }
    expected.remove(&Group::Hidden);
    let mut items: Vec<String> = Vec::new();
    for (group, list) in &expected {
        match names::group_summary(*group) {
            Some(summary) if list.len() > 2 || *group == Group::Operand => {
                items.push(summary.to_owned())
            }
            _ => items.extend(list.iter().map(|s| (*s).to_owned())),
        }
    }
    let rest = &text[at..];
    // What follows the offending character, on its line.
    let after = rest.chars().next().map_or("", |c| &rest[c.len_utf8()..]);
    let line_after = after.lines().next().unwrap_or("");
    if found.description == "`\"`" && !line_after.contains('"') {
        return diagnostic::unclosed_text(span);
    }
    let word = found
        .description
        .strip_prefix('`')
        .and_then(|f| f.strip_suffix('`'))
        .unwrap_or("");
    if matches!(word, "section" | "levels" | "example") {
        if let Some(open) = unclosed_brace(text, at) {
            return diagnostic::unclosed_block(span, Span::new(open, open + 1), word);
        }
    }
    let is_expected = |name: &str| expected.values().flatten().any(|t| *t == name);
    let keywords = expected
        .values()
        .flatten()
        .filter_map(|text| text.strip_prefix('`').and_then(|t| t.strip_suffix('`')));
    let suggestion = found
        .description
        .strip_prefix('`')
        .and_then(|f| f.strip_suffix('`'))
        .filter(|word| word.len() > 1 && word.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .and_then(|word| crate::check::closest(word, keywords));
    let digits_before = text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit());
    let digits_after = after.starts_with(|c: char| c.is_ascii_digit());
    let hint = if word == ":" && (is_expected("`=`") || is_expected("points such as `= 2`")) {
        SyntaxHint::Colon
    } else if word == "," && digits_before && digits_after {
        let whole: String = text[..at]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect();
        let fraction: String = after.chars().take_while(char::is_ascii_digit).collect();
        SyntaxHint::DecimalComma(format!(
            "{}.{fraction}",
            whole.chars().rev().collect::<String>()
        ))
    } else if word == "\"" && is_expected("an identifier such as `S1`") {
        SyntaxHint::MissingId
    } else if word == "total" && is_expected("`from`") {
        SyntaxHint::Threshold
    } else if let Some(keyword) = suggestion {
        SyntaxHint::Keyword(keyword)
    } else if found.len_bytes == 0 && is_expected("`}`") {
        SyntaxHint::UnclosedBlock
    } else {
        SyntaxHint::None
    };
    let found = if word == "\"" {
        "a text in quotes"
    } else {
        &found.description
    };
    diagnostic::syntax(span, &items, found, &hint)
}

/// The `{` still open at an offset, if any: the block a missing `}` leaves open.
fn unclosed_brace(text: &str, at: usize) -> Option<usize> {
    let mut open = Vec::new();
    for (i, b) in Brackets::new(&text.as_bytes()[..at]) {
        match b {
            b'{' => open.push(i),
            b'}' => {
                open.pop();
            }
            _ => {}
        }
    }
    open.pop()
}

struct Found {
    description: String,
    len_bytes: usize,
}

/// What stands at an offset, in words: `` `word` ``, `` `}` ``, or the end of the file.
fn found_at(text: &str, at: usize) -> Found {
    let rest = &text[at.min(text.len())..];
    let Some(c) = rest.chars().next() else {
        return Found {
            description: "the end of the file".to_owned(),
            len_bytes: 0,
        };
    };
    if c == '\n' || c == '\r' {
        return Found {
            description: "the end of the line".to_owned(),
            len_bytes: 1,
        };
    }
    let word_len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .unwrap_or(rest.len());
    let len = if word_len > 0 { word_len } else { c.len_utf8() };
    let shown: String = rest[..len].chars().take(40).collect();
    let ellipsis = if shown.len() < len { "…" } else { "" };
    Found {
        description: format!("`{shown}{ellipsis}`"),
        len_bytes: len,
    }
}
