//! From bytes to the syntax tree. pest stays inside this module.

pub mod ast;
mod names;
mod parser;
pub(crate) mod scan;
pub(crate) use parser::dedent;

use crate::diagnostic::{self, Diagnostic, SyntaxHint};
use crate::source::{Source, Span};
use names::Group;
use parser::{GrilleParser, Rule};
use pest::Parser as _;
use std::collections::BTreeMap;

/// Brackets nested deeper than this are refused before parsing.
const MAX_NESTING: usize = 64;

/// Decodes a file's bytes into its source, and says whether they were
/// UTF-8: invalid UTF-8 is an error that points at the first bad byte, and
/// the source (with the bad bytes replaced) is still usable to render it.
pub fn decode(name: &str, bytes: Vec<u8>) -> (Source, Result<(), Diagnostic>) {
    match String::from_utf8(bytes) {
        Ok(text) => (Source::new(name, text), Ok(())),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let byte = e.as_bytes()[at];
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let d = diagnostic::not_utf8(Span::new(at, at + 1), byte);
            (Source::new(name, text), Err(d))
        }
    }
}

/// Parses a questionnaire file. A syntax error stops parsing.
pub fn parse(text: &str) -> Result<ast::File, Diagnostic> {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(diagnostic::empty_file(Span::new(0, text.len())));
    }
    check_nesting(text)?;
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

/// Refuses brackets nested beyond `MAX_NESTING`, so that no later stage can
/// run out of stack on hostile input.
fn check_nesting(text: &str) -> Result<(), Diagnostic> {
    let mut depth = 0usize;
    for (i, b) in scan::brackets(text) {
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
        }
    }
    Ok(())
}

/// What pest expected where it stopped, in words, by group.
fn expected_names(error: &pest::error::Error<Rule>) -> BTreeMap<Group, Vec<&'static str>> {
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
    expected
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

    // A new item while a block is still open: an options block or the
    // header not closed (a question would otherwise be read as an option).
    if let Some(unclosed) = item_in_open_block(text, at) {
        return unclosed;
    }
    if let Some(c) = text[at..].chars().next() {
        if matches!(c, '“' | '”' | '„' | '«' | '»' | '‘' | '’') {
            return match quoted_typographically(text, at, c) {
                Some((end, inner)) => diagnostic::typographic_text(Span::new(at, end), &inner),
                None => diagnostic::typographic_quote(Span::new(at, at + c.len_utf8()), c),
            };
        }
        if matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}') {
            return diagnostic::odd_space(Span::new(at, at + c.len_utf8()), c);
        }
    }

    let expected = expected_names(error);
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
        // A keyword that is itself expected is not misspelt: what follows
        // it is at fault, and « did you mean » would repeat it.
        .and_then(|word| crate::suggest::closest(word, keywords).filter(|k| *k != word));
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

/// When the line of an error starts a new item (`section`, `question`…)
/// while a block that cannot hold it is open: the block's missing `}`.
fn item_in_open_block(text: &str, at: usize) -> Option<Diagnostic> {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..];
    let start = line_start + (line.len() - line.trim_start().len());
    let keyword: &str = text[start..]
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .next()
        .unwrap_or("");
    if start >= at {
        return None;
    }
    let top = matches!(keyword, "section" | "levels" | "example");
    if !top && !matches!(keyword, "question" | "note" | "compute") {
        return None;
    }
    let open = unclosed_brace(text, start)?;
    let opener = text[..open].rfind('\n').map_or(0, |i| i + 1);
    let opener = text[opener..open].trim_start();
    // Sections hold questions, notes and computed values; an options block
    // (`question … {`) and the header (`questionnaire … {`) hold none.
    let cannot_hold = top || opener.starts_with("question");
    cannot_hold.then(|| {
        diagnostic::unclosed_block(
            Span::new(start, start + keyword.len()),
            Span::new(open, open + 1),
            keyword,
        )
    })
}

/// The `{` still open at an offset, if any: the block a missing `}` leaves open.
fn unclosed_brace(text: &str, at: usize) -> Option<usize> {
    let mut open = Vec::new();
    for (i, b) in scan::brackets(&text[..at]) {
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

/// A text between typographic quotes opened at `at` by `open` and closed on
/// the same line: where it ends and what it holds (the spaces inside « »
/// left out).
fn quoted_typographically(text: &str, at: usize, open: char) -> Option<(usize, String)> {
    let closing: &[char] = match open {
        '“' => &['”', '“'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '‘' => &['’'],
        _ => return None,
    };
    let start = at + open.len_utf8();
    let line = text[start..].lines().next()?;
    let length = line.find(closing)?;
    let close = line[length..].chars().next()?;
    let inner = line[..length].trim_matches(|c: char| c.is_whitespace());
    (!inner.is_empty()).then(|| (start + length + close.len_utf8(), inner.to_owned()))
}
