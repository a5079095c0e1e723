//! The one place that turns diagnostics into text: the terminal (through
//! codespan-reporting), JSON, and GitHub workflow annotations.

use super::{Diagnostic, Severity};
use crate::source::Source;
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};

/// Lines longer than this are not quoted in terminal output.
const MAX_QUOTED_LINE: usize = 400;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorMode {
    Always,
    Never,
}

/// Renders diagnostics for one file as rustc does.
pub fn render_terminal(source: &Source, diagnostics: &[Diagnostic], color: ColorMode) -> String {
    // CR would be printed as is; a space keeps every byte offset valid.
    let text = source.text.replace('\r', " ");
    let file = SimpleFile::new(source.name.as_str(), text.as_str());
    let config = term::Config::default();
    let mut buffer = match color {
        ColorMode::Always => termcolor::Buffer::ansi(),
        ColorMode::Never => termcolor::Buffer::no_color(),
    };
    for diagnostic in diagnostics {
        let rendered = to_codespan(source, &text, diagnostic);
        // Rendering into memory cannot fail for spans that lie in the file.
        let _ = term::emit_to_write_style(&mut buffer, &config, &file, &rendered);
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

fn to_codespan(source: &Source, text: &str, diagnostic: &Diagnostic) -> cs::Diagnostic<()> {
    let severity = match diagnostic.severity() {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
    };
    let mut notes = diagnostic.notes.clone();
    if let Some(help) = &diagnostic.help {
        notes.push(format!("help: {help}"));
    }
    let quotable =
        |span: crate::source::Span| line_length(text, span.start as usize) <= MAX_QUOTED_LINE;
    let mut labels = Vec::new();
    let all = std::iter::once((cs::LabelStyle::Primary, &diagnostic.primary)).chain(
        diagnostic
            .secondary
            .iter()
            .map(|label| (cs::LabelStyle::Secondary, label)),
    );
    for (style, label) in all {
        let span = clamp(text, label.span);
        if quotable(label.span) {
            labels
                .push(cs::Label::new(style, (), span.range()).with_message(label.message.clone()));
        } else {
            let (line, column) = source.line_col(span.start);
            notes.insert(
                0,
                format!(
                    "at {}:{line}:{column}: {} (the line is too long to show: {} characters)",
                    source.name,
                    label.message,
                    line_length(text, span.start as usize)
                ),
            );
        }
    }
    cs::Diagnostic::new(severity)
        .with_code(diagnostic.code.as_str())
        .with_message(diagnostic.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

fn clamp(text: &str, span: crate::source::Span) -> crate::source::Span {
    let len = text.len();
    let mut start = (span.start as usize).min(len);
    let mut end = (span.end as usize).clamp(start, len);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    crate::source::Span::new(start, end)
}

fn line_length(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    end - start
}

/// One JSON object per diagnostic, for tools.
pub fn render_json(source: &Source, diagnostics: &[Diagnostic]) -> Vec<serde_json::Value> {
    diagnostics
        .iter()
        .map(|d| {
            let (line, column) = source.line_col(d.primary.span.start);
            let (end_line, end_column) = source.line_col(d.primary.span.end);
            let labels: Vec<_> = d
                .secondary
                .iter()
                .map(|l| {
                    let (line, column) = source.line_col(l.span.start);
                    serde_json::json!({ "line": line, "column": column, "message": l.message })
                })
                .collect();
            serde_json::json!({
                "code": d.code.as_str(),
                "severity": severity_word(d.severity()),
                "message": d.message,
                "file": source.name,
                "line": line,
                "column": column,
                "end": { "line": end_line, "column": end_column },
                "label": d.primary.message,
                "labels": labels,
                "notes": d.notes,
                "help": d.help,
            })
        })
        .collect()
}

/// GitHub Actions workflow commands (`::error file=…::message`).
pub fn render_github(source: &Source, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let (line, column) = source.line_col(d.primary.span.start);
        let (end_line, end_column) = source.line_col(d.primary.span.end);
        let mut message = format!("{}: {}", d.message, d.primary.message);
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{} file={},line={line},col={column},endLine={end_line},endColumn={end_column},title={}::{}\n",
            severity_word(d.severity()),
            escape_property(&source.name),
            escape_property(&format!("{} {}", d.code, d.code.title())),
            escape_data(&message),
        ));
    }
    out
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
