//! `grille diff OLD NEW [--format human|markdown|json] [--regrade ANSWERS...]`

use super::report;
use super::Color;
use clap::ValueEnum;
use grille::diff::{render, Regraded};
use grille::engine::{self, answers, Engine};
use grille::model::Model;
use serde_json::Value;

#[derive(clap::Args)]
pub struct Args {
    /// The earlier edition (`.grille` or its `bareme.json`).
    old: String,
    /// The later edition.
    new: String,
    /// Output format: for people, for the committee's minutes, or JSON.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Answers files (`.json`) or spreadsheets (`.csv`) to score under both
    /// editions.
    #[arg(long, num_args = 1.., value_name = "ANSWERS")]
    regrade: Vec<String>,
    /// When to use colors.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Human,
    Markdown,
    Json,
}

pub fn run(args: &Args) -> u8 {
    let old = match super::load_model(&args.old, args.color) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let new = match super::load_model(&args.new, args.color) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let diff = grille::diff::diff(&old, &new);
    let (old_engine, new_engine) = (Engine::new(&old).quiet(), Engine::new(&new).quiet());
    let mut regraded = Vec::new();
    let mut code = 0;
    for path in &args.regrade {
        match regrade(path, &old, &new, &old_engine, &new_engine, args.color) {
            Ok(mut rows) => regraded.append(&mut rows),
            Err(()) => code = 2,
        }
    }
    match args.format {
        Format::Human => print!("{}", render::human(&diff, &regraded)),
        Format::Markdown => print!("{}", render::markdown(&diff, &regraded)),
        Format::Json => {
            let mut value = serde_json::to_value(&diff).unwrap_or_default();
            if !args.regrade.is_empty() {
                if let Some(object) = value.as_object_mut() {
                    object.insert("regrade".into(), render::regrade_json(&regraded, diff.lang));
                }
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            );
        }
    }
    code
}

/// The answers of one file (or each row of a spreadsheet) scored under both
/// editions. Answers to questions the new edition no longer has are set
/// aside and reported; the rest is read as the new edition reads it. A
/// file that cannot be read is reported here.
fn regrade<'m>(
    path: &str,
    old: &'m Model,
    new: &'m Model,
    old_engine: &Engine<'m>,
    new_engine: &Engine<'m>,
    color: super::Color,
) -> Result<Vec<Regraded<'m>>, ()> {
    let text = super::read_text(path).map_err(|error| report::print(&error, color))?;
    let sets: Vec<(String, answers::Read, Value)> = if path.to_lowercase().ends_with(".csv") {
        match engine::csv::rows(old, path, &text) {
            Ok(rows) => rows
                .into_iter()
                .map(|row| {
                    let value = answers::to_json(&row.read.answers);
                    (row.name, row.read, value)
                })
                .collect(),
            Err(problems) => {
                let source = miette::NamedSource::new(path, text.clone());
                report::print_problems(path, &problems, &source, color);
                return Err(());
            }
        }
    } else {
        let value: Value =
            serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap_or(Value::Null);
        vec![(path.to_owned(), answers::from_json(old, &text), value)]
    };
    Ok(sets
        .into_iter()
        .map(|(name, old_read, value)| {
            grille::diff::regrade(name, &old_read, value, new, old_engine, new_engine)
        })
        .collect())
}
