//! Command-line arguments, one file per subcommand.

mod build;
mod check;
mod diff;
mod fmt;
mod report;
mod schema;
mod score;
#[cfg(feature = "serve")]
mod serve;
mod test;
mod witness;

use clap::{Parser, Subcommand, ValueEnum};
use grille::diagnostic::{ColorMode, Diagnostic};
use std::io::IsTerminal;

#[derive(Parser)]
#[command(
    name = "grille",
    version,
    about = "Scored questionnaires that award levels: check, build, score"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check questionnaire files and report every problem.
    Check(check::Args),
    /// Write a questionnaire's assets: the online form, the questions PDFs,
    /// `bareme.json`, `answers.schema.json`.
    Build(build::Args),
    /// Rewrite questionnaires in the canonical layout.
    Fmt(fmt::Args),
    /// What changed between two editions, and what it does to candidates.
    Diff(diff::Args),
    /// Score answers files (JSON) or spreadsheets (CSV) into levels.
    Score(score::Args),
    /// Run the example answer sets written in questionnaires.
    Test(test::Args),
    /// Print an answers file that reaches a level (or say why none can).
    Witness(witness::Args),
    /// Print the JSON Schema of `bareme.json` or of answers files.
    Schema(schema::Args),
    /// Run a campaign: serve the form, receive and keep the applications.
    #[cfg(feature = "serve")]
    Serve(serve::ServeArgs),
    /// Print every application of a campaign with its score and level.
    #[cfg(feature = "serve")]
    Results(serve::ResultsArgs),
    /// Write every application of a campaign as an answers file.
    #[cfg(feature = "serve")]
    Export(serve::ExportArgs),
    /// Import the previous edition's published results, to show each
    /// application's progress.
    #[cfg(feature = "serve")]
    Import(serve::ImportArgs),
    /// The jury's accounts: add, remove, list.
    #[cfg(feature = "serve")]
    Jury(serve::JuryArgs),
    /// The form and both PDFs on a local address, made again each time the
    /// file is saved.
    #[cfg(feature = "serve")]
    Preview(serve::PreviewArgs),
    /// A Language Server for editors, on standard input and output.
    #[cfg(feature = "lsp")]
    Lsp,
}

impl Cli {
    /// Runs the command; returns the exit code.
    pub fn run(self) -> u8 {
        match self.command {
            Command::Check(args) => check::run(&args),
            Command::Build(args) => build::run(&args),
            Command::Fmt(args) => fmt::run(&args),
            Command::Diff(args) => diff::run(&args),
            Command::Score(args) => score::run(&args),
            Command::Test(args) => test::run(&args),
            Command::Witness(args) => witness::run(&args),
            Command::Schema(args) => schema::run(&args),
            #[cfg(feature = "serve")]
            Command::Serve(args) => serve::serve(&args),
            #[cfg(feature = "serve")]
            Command::Results(args) => serve::results(&args),
            #[cfg(feature = "serve")]
            Command::Import(args) => serve::import(&args),
            #[cfg(feature = "serve")]
            Command::Export(args) => serve::export(&args),
            #[cfg(feature = "serve")]
            Command::Jury(args) => serve::jury(&args),
            #[cfg(feature = "serve")]
            Command::Preview(args) => serve::preview(&args),
            #[cfg(feature = "lsp")]
            Command::Lsp => match grille::lsp::run() {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("error: grille lsp: {e}");
                    2
                }
            },
        }
    }
}

/// When to color terminal output.
#[derive(Clone, Copy, Debug, Default, ValueEnum)]
pub enum Color {
    /// Color when writing to a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    Always,
    Never,
}

impl Color {
    /// The mode for standard error.
    pub fn for_stderr(self) -> ColorMode {
        match self {
            Color::Always => ColorMode::Always,
            Color::Never => ColorMode::Never,
            Color::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                if !no_color && std::io::stderr().is_terminal() {
                    ColorMode::Always
                } else {
                    ColorMode::Never
                }
            }
        }
    }
}

/// An I/O error in words, without the OS error number.
pub fn describe_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::IsADirectory => "it is a folder, not a file".to_owned(),
        std::io::ErrorKind::NotADirectory => {
            "a part of the path is a file, not a folder".to_owned()
        }
        std::io::ErrorKind::AlreadyExists => "it exists and is a file, not a folder".to_owned(),
        std::io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        std::io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_owned(),
                None => text,
            }
        }
    }
}

/// Compiles a questionnaire for a command that needs its model: prints its
/// diagnostics, and fails (exit code) when it has errors.
pub fn compile(
    path: &str,
    color: Color,
) -> Result<(grille::model::Model, grille::source::Source), u8> {
    let compiled = match grille::compile(&grille::world::FsWorld, path) {
        Ok(c) => c,
        Err(e) => {
            report::print(&report::Error::read(path, &e), color);
            return Err(2);
        }
    };
    print_diagnostics(path, &compiled.source, &compiled.diagnostics, color)?;
    match compiled.model {
        Some(model) => Ok((model, compiled.source)),
        None => Err(has_errors(path)),
    }
}

/// Prints a questionnaire's diagnostics; fails (exit code 1) when one is an
/// error.
pub fn print_diagnostics(
    path: &str,
    source: &grille::source::Source,
    diagnostics: &[Diagnostic],
    color: Color,
) -> Result<(), u8> {
    if !diagnostics.is_empty() {
        let text = grille::diagnostic::render_terminal(source, diagnostics, color.for_stderr());
        eprint!("{text}");
    }
    if grille::diagnostic::has_errors(diagnostics) {
        return Err(has_errors(path));
    }
    Ok(())
}

/// Says that the questionnaire has errors; the exit code.
fn has_errors(path: &str) -> u8 {
    eprintln!("error: `{path}` has errors: fix them first (`grille check {path}`)");
    1
}

/// A text file: an answers file or a spreadsheet.
///
/// # Errors
/// When it cannot be read or is not UTF-8.
pub fn read_text(path: &str) -> Result<String, report::Error> {
    let bytes = std::fs::read(path).map_err(|e| report::Error::read(path, &e))?;
    String::from_utf8(bytes).map_err(|_| report::Error::NotUtf8 {
        path: path.to_owned(),
        hint: String::new(),
    })
}

/// A questionnaire for scoring: a `.grille` source or its `bareme.json`.
pub fn load_model(path: &str, color: Color) -> Result<grille::model::Model, u8> {
    if !path.ends_with(".json") {
        return compile(path, color).map(|(model, _)| model);
    }
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            report::print(&report::Error::read(path, &e), color);
            return Err(2);
        }
    };
    grille::bareme::from_json(&text).map_err(|e| {
        let error = report::Error::Bareme {
            path: path.to_owned(),
            message: e.to_string(),
        };
        report::print(&error, color);
        1
    })
}
