//! Errors of the command line that are not about a questionnaire's source
//! (files that cannot be read or written, answers files, spreadsheets, the
//! PDF template), rendered here by miette: a stable code, the message, the
//! line at fault in the file read, and a help line. A questionnaire's own
//! diagnostics are rendered by `grille::diagnostic`, in rustc's style.

use super::Color;
use grille::engine::Problem;
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};
use std::fmt;

/// An error about a file or a folder.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum Error {
    #[error("cannot read `{path}`: {reason}")]
    #[diagnostic(code(file::unreadable), help("{help}"))]
    Read {
        path: String,
        reason: String,
        help: &'static str,
    },
    #[error("`{path}` is not UTF-8 text: save it as UTF-8{hint}")]
    #[diagnostic(
        code(file::not_utf8),
        help("a spreadsheet program saves it so with « CSV UTF-8 »; a text editor with « UTF-8 »")
    )]
    NotUtf8 { path: String, hint: String },
    #[error("cannot write into `{dir}`: {reason}")]
    #[diagnostic(
        code(file::unwritable),
        help("choose a folder you can write into with `-o`; nothing else was changed")
    )]
    Write { dir: String, reason: String },
    #[error("cannot write `{path}`: {reason}")]
    #[diagnostic(
        code(file::unwritable),
        help("check that the file and its folder can be written; the file was left as it was")
    )]
    WriteFile { path: String, reason: String },
    #[error("cannot read the PDF template `{path}`: {reason}")]
    #[diagnostic(
        code(template::unreadable),
        help("give a typst file, such as a copy of assets/pdf/questions.typ")
    )]
    ReadTemplate { path: String, reason: String },
    #[cfg(feature = "pdf")]
    #[error("{message}")]
    #[diagnostic(
        code(template::failed),
        help("fix the template `{path}`; nothing was written")
    )]
    Template { path: String, message: String },
    #[error("{message}")]
    #[diagnostic(
        code(grille::defect),
        help("this is a defect of grille, not of `{form}`: please report it with the file; nothing was written")
    )]
    Defect { form: String, message: String },
    #[error("this grille was built without PDF support")]
    #[diagnostic(
        code(grille::no_pdf),
        help("build grille with its default features, or choose other assets with `--only`; nothing was written")
    )]
    NoPdf,
    #[error("`{path}`: {message}")]
    #[diagnostic(
        code(bareme::unreadable),
        help("rebuild it with `grille build`, or score with the questionnaire's `.grille` source")
    )]
    Bareme { path: String, message: String },
}

impl Error {
    /// A file that cannot be read, with what to do for a questionnaire, an
    /// answers file or a spreadsheet.
    pub fn read(path: &str, error: &std::io::Error) -> Error {
        let help = match error.kind() {
            _ if std::path::Path::new(path).is_dir() => "give a file of the folder, not the folder",
            std::io::ErrorKind::NotFound => "check the file's name and its folder",
            std::io::ErrorKind::PermissionDenied => "ask for the right to read it, or copy it",
            _ => "check that the file exists and can be read",
        };
        Error::Read {
            path: path.to_owned(),
            reason: super::describe_io(error),
            help,
        }
    }
}

/// A problem with an answers file or a spreadsheet, in the file's text.
struct Answers<'a> {
    /// The answer set's name: its file, or a spreadsheet's file and line.
    name: &'a str,
    problem: &'a Problem,
    /// The file's text, to show the line at fault.
    source: &'a NamedSource<String>,
}

impl fmt::Debug for Answers<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self}")
    }
}

impl fmt::Display for Answers<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.problem)
    }
}

impl std::error::Error for Answers<'_> {}

impl Diagnostic for Answers<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.problem.kind.code()))
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.problem.kind.help()))
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.problem.at.as_ref()?;
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let at = self.problem.at.clone()?;
        use grille::engine::ProblemKind as Kind;
        let question = self.problem.question.as_deref().unwrap_or("?");
        let label = match self.problem.kind {
            Kind::Answer | Kind::Check => format!("the answer to `{question}`"),
            Kind::Jury => format!("the jury's mark for `{question}`"),
            Kind::Previous => "the previous edition's result".to_owned(),
            Kind::UnknownQuestion => "not a question of this questionnaire".to_owned(),
            Kind::Shape | Kind::UnknownKey | Kind::OtherEdition => "this value".to_owned(),
            Kind::Column => "the header row".to_owned(),
            Kind::Spreadsheet => "this row".to_owned(),
            Kind::NotJson | Kind::Computed | Kind::More => "here".to_owned(),
        };
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some(label), at),
        )))
    }
}

/// A warning about an answer set (an answer ignored, a soft check).
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{name}: {message}")]
#[diagnostic(severity(Warning))]
pub struct Warning<'a> {
    pub name: &'a str,
    pub message: &'a str,
}

/// Prints each problem of an answer set, named `name`, read from `source`.
pub fn print_problems(
    name: &str,
    problems: &[Problem],
    source: &NamedSource<String>,
    color: Color,
) {
    for problem in problems {
        let report = Answers {
            name,
            problem,
            source,
        };
        print(&report, color);
    }
}

/// Prints a report on standard error.
pub fn print(report: &dyn Diagnostic, color: Color) {
    eprint!("{}", render(report, color));
}

/// A report in words: its code, then the message, the lines at fault and
/// the help.
pub fn render(report: &dyn Diagnostic, color: Color) -> String {
    let mut theme = match color.for_stderr() {
        grille::diagnostic::ColorMode::Always => GraphicalTheme::unicode(),
        grille::diagnostic::ColorMode::Never => GraphicalTheme::unicode_nocolor(),
    };
    "error:".clone_into(&mut theme.characters.error);
    "warning:".clone_into(&mut theme.characters.warning);
    "note:".clone_into(&mut theme.characters.advice);
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_wrap_lines(false)
        .with_context_lines(1);
    let mut out = String::new();
    if handler.render_report(&mut out, report).is_err() {
        out = format!("error: {report}\n");
    }
    // A blank line between reports, as between a questionnaire's diagnostics.
    out.push('\n');
    out
}
