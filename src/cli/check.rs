//! `grille check FILE...`

use super::Color;
use clap::ValueEnum;
use grille::diagnostic::{self, Severity};
use grille::world::FsWorld;
use std::io::Write;

#[derive(clap::Args)]
pub struct Args {
    /// Questionnaire files (`.grille`).
    #[arg(required = true)]
    files: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// When to use colors.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Fail on warnings too.
    #[arg(long)]
    deny_warnings: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    /// Diagnostics as rustc shows them, on standard error.
    Human,
    /// A JSON array of diagnostics, on standard output.
    Json,
    /// GitHub Actions annotations, on standard output.
    Github,
}

pub fn run(args: &Args) -> u8 {
    let color = args.color.for_stderr();
    let mut json = Vec::new();
    let mut failed = false;
    let mut unreadable = false;
    for path in &args.files {
        let compiled = match grille::compile(&FsWorld, path) {
            Ok(c) => c,
            Err(e) => {
                super::report::print(&super::report::Error::read(path, &e), args.color);
                unreadable = true;
                continue;
            }
        };
        let diags = &compiled.diagnostics;
        let errors = diags
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .count();
        let warnings = diags.len() - errors;
        failed |= errors > 0 || (args.deny_warnings && warnings > 0);
        match args.format {
            Format::Human => {
                let text = diagnostic::render_terminal(&compiled.source, diags, color);
                let mut err = std::io::stderr().lock();
                let _ = err.write_all(text.as_bytes());
                let _ = writeln!(
                    err,
                    "{}",
                    summary(path, errors, warnings, compiled.model.as_ref())
                );
            }
            Format::Json => json.extend(diagnostic::render_json(&compiled.source, diags)),
            Format::Github => print!("{}", diagnostic::render_github(&compiled.source, diags)),
        }
    }
    if let Format::Json = args.format {
        let text = serde_json::to_string_pretty(&json).unwrap_or_default();
        println!("{text}");
    }
    if unreadable {
        2
    } else {
        u8::from(failed)
    }
}

fn summary(
    path: &str,
    errors: usize,
    warnings: usize,
    model: Option<&grille::model::Model>,
) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match model {
        Some(m) if warnings == 0 => format!(
            "{path}: ok ({}, {}, {}, maximum {})",
            plural(m.sections.len(), "section"),
            plural(m.questions().count(), "question"),
            plural(m.levels.levels.len(), "level"),
            m.max
        ),
        _ if errors == 0 => format!("{path}: {}", plural(warnings, "warning")),
        _ => format!(
            "{path}: {}, {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        ),
    }
}
