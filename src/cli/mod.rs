//! Command-line arguments, one file per subcommand.

mod check;

use clap::{Parser, Subcommand, ValueEnum};
use grille::diagnostic::ColorMode;
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
}

impl Cli {
    /// Runs the command; returns the exit code.
    pub fn run(self) -> u8 {
        match self.command {
            Command::Check(args) => check::run(&args),
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
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_owned(),
                None => text,
            }
        }
    }
}
