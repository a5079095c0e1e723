//! Diagnostics are plain data. The checker produces them; `render` is the only
//! place that knows how they are shown (terminal, JSON, CI annotations).

mod catalog;
mod code;
mod render;

pub use catalog::*;
pub use code::Code;
pub use render::{render_github, render_json, render_terminal, ColorMode};

use crate::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in the file and what is wrong or relevant there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(span: Span, message: impl Into<String>) -> Label {
        Label {
            span,
            message: message.into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub message: String,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Option<String>,
    /// The text that fixes it in place of the primary span (« did you
    /// mean »): the editor's quick fix.
    pub fix: Option<String>,
}

impl Diagnostic {
    pub fn new(code: Code, message: impl Into<String>, primary: Label) -> Diagnostic {
        Diagnostic {
            code,
            message: message.into(),
            primary,
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    #[must_use]
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label::new(span, message));
        self
    }

    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// « did you mean `x`? » with its fix when there is a close candidate;
    /// else the help `otherwise` gives, if any.
    #[must_use]
    pub fn suggesting(
        self,
        suggestion: Option<&str>,
        otherwise: impl FnOnce() -> Option<String>,
    ) -> Diagnostic {
        match suggestion {
            Some(s) => self.with_help(format!("did you mean `{s}`?")).fixed_by(s),
            None => self.with_help_opt(otherwise()),
        }
    }

    /// The text that replaces the primary span to fix it.
    #[must_use]
    pub fn fixed_by(self, fix: impl Into<String>) -> Diagnostic {
        Diagnostic {
            fix: Some(fix.into()),
            ..self
        }
    }

    #[must_use]
    pub fn with_help_opt(self, help: Option<String>) -> Diagnostic {
        match help {
            Some(help) => self.with_help(help),
            None => self,
        }
    }
}

/// Sorts diagnostics by position (then code) and removes exact duplicates.
pub fn sort_and_dedup(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        (a.primary.span, a.code, &a.message).cmp(&(b.primary.span, b.code, &b.message))
    });
    diagnostics.dedup();
}

/// Whether any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity() == Severity::Error)
}
