//! `grille score FORM|bareme.json ANSWERS...`

use super::{report, Color};
use clap::ValueEnum;
use grille::engine::{self, explain, Engine, Outcome, Problem};
use grille::model::Model;
use miette::NamedSource;

#[derive(clap::Args)]
pub struct Args {
    /// The questionnaire: its source (`.grille`) or its `bareme.json`.
    form: String,
    /// Answers files (`.json`) or spreadsheets (`.csv`, one row per candidate).
    #[arg(required = true)]
    answers: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Explain each result: every question's points, caps and bands, each
    /// gate with its values, why the next level is not reached.
    #[arg(long)]
    explain: bool,
    /// When to use colors.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// Aligned columns for people, one row per answer set.
    Table,
    /// A JSON object, or an array of them for several answer sets.
    Json,
    /// Comma-separated values, for a spreadsheet.
    Csv,
}

/// One answer set and what became of it.
pub struct Scored<'m> {
    pub name: String,
    pub result: Result<Outcome<'m>, Vec<Problem>>,
    /// The file it was read from, to show a problem's line (shared by the
    /// rows of a spreadsheet).
    pub source: std::rc::Rc<NamedSource<String>>,
}

pub fn run(args: &Args) -> u8 {
    let model = match super::load_model(&args.form, args.color) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let engine = if args.explain {
        Engine::new(&model).explaining()
    } else {
        Engine::new(&model)
    };
    let mut scored = Vec::new();
    let mut unreadable = false;
    for path in &args.answers {
        let text = match super::read_text(path) {
            Ok(text) => text,
            Err(error) => {
                report::print(&error, args.color);
                unreadable = true;
                continue;
            }
        };
        let read = if path.to_lowercase().ends_with(".csv") {
            engine::csv::rows(&model, path, &text)
        } else {
            // An answers file is one answer set, named after its file.
            Ok(vec![engine::csv::Row {
                name: path.clone(),
                read: engine::answers::from_json(&model, &text),
            }])
        };
        let source = std::rc::Rc::new(NamedSource::new(path, text));
        match read {
            Ok(rows) => scored.extend(rows.into_iter().map(|row| Scored {
                result: engine.score_read(&row.read),
                name: row.name,
                source: source.clone(),
            })),
            Err(problems) => scored.push(Scored {
                name: path.clone(),
                result: Err(problems),
                source,
            }),
        }
    }
    print(
        &scored,
        &model,
        args.format,
        args.explain,
        args.color,
        false,
    );
    if unreadable {
        2
    } else {
        u8::from(scored.iter().any(|s| s.result.is_err()))
    }
}

/// Prints each answer set's warnings and problems, then the results in the
/// format asked for (in JSON, one object for one answer set unless `array`).
pub fn print(
    scored: &[Scored<'_>],
    model: &Model,
    format: Format,
    explain: bool,
    color: Color,
    array: bool,
) {
    for s in scored {
        match &s.result {
            Ok(outcome) => {
                for message in &outcome.warnings {
                    let warning = report::Warning {
                        name: &s.name,
                        message,
                    };
                    report::print(&warning, color);
                }
            }
            Err(problems) => report::print_problems(&s.name, problems, &s.source, color),
        }
    }
    match format {
        Format::Json => println!(
            "{}",
            json(scored, model, explain, array || scored.len() != 1)
        ),
        Format::Table => print_table(scored, model, explain),
        Format::Csv => print_csv(scored, model),
    }
}

/// One JSON object for one answer set; an array of them, one per line, for
/// several (a spreadsheet's rows are several answer sets).
/// The results in JSON: an array of objects, one per line, or one object.
pub fn json(scored: &[Scored<'_>], model: &Model, with_explanation: bool, array: bool) -> String {
    let values: Vec<serde_json::Value> = scored
        .iter()
        .map(|s| match &s.result {
            Ok(outcome) => {
                let mut value = outcome.to_json(&s.name);
                if let (true, Some(object)) = (with_explanation, value.as_object_mut()) {
                    object.insert(
                        "explanation".into(),
                        explain::explain(outcome, model).into(),
                    );
                }
                value
            }
            Err(problems) => serde_json::json!({
                "file": s.name,
                "valid": false,
                "errors": problems
                    .iter()
                    .map(|p| serde_json::json!({ "question": p.question, "message": p.message }))
                    .collect::<Vec<_>>(),
            }),
        })
        .collect();
    match values.as_slice() {
        [one] if !array => one.to_string(),
        [] => "[]".to_owned(),
        _ => {
            let lines: Vec<String> = values.iter().map(ToString::to_string).collect();
            format!("[\n{}\n]", lines.join(",\n"))
        }
    }
}

fn print_table(scored: &[Scored<'_>], model: &Model, with_explanation: bool) {
    let mut rows = vec![header(model)];
    for s in scored {
        rows.push(row(s, model));
    }
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    for r in &rows {
        let cells: Vec<String> = r
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (cell, w))| {
                let pad = w - cell.chars().count();
                // Texts to the left (names, mentions), numbers to the right.
                let mentions = !model.mentions.is_empty() && c + 1 == r.len();
                if c == 0 || c == 3 || mentions {
                    format!("{cell}{}", " ".repeat(pad))
                } else {
                    format!("{}{cell}", " ".repeat(pad))
                }
            })
            .collect();
        println!("{}", cells.join("  ").trim_end());
    }
    if with_explanation {
        for s in scored {
            if let Ok(outcome) = &s.result {
                println!("\n== {}\n{}", s.name, explain::explain(outcome, model));
            }
        }
    }
}

fn header(model: &Model) -> Vec<String> {
    let mut h: Vec<String> = ["answers", "total", "level", "name"]
        .map(String::from)
        .to_vec();
    h.extend(model.sections.iter().map(|s| s.id.clone()));
    if !model.mentions.is_empty() {
        h.push("mentions".to_owned());
    }
    h
}

/// The labels of the mentions awarded, and « (à décider) » after those the
/// jury has not decided yet.
fn mention_words(o: &grille::engine::Outcome<'_>, model: &Model) -> String {
    let w = model.words();
    let mut words: Vec<String> = o.awarded_labels().into_iter().map(str::to_owned).collect();
    words.extend(
        o.mentions
            .iter()
            .filter(|m| m.awarded.is_none())
            .map(|m| format!("{} {}", m.label, w.get("score-mention-pending"))),
    );
    words.join(", ")
}

fn row(s: &Scored<'_>, model: &Model) -> Vec<String> {
    let w = model.words();
    let mut r = vec![s.name.clone()];
    match &s.result {
        Ok(o) => {
            let provisional = if o.provisional.is_some() {
                format!(" {}", w.get("score-provisional"))
            } else {
                String::new()
            };
            r.push(format!("{} / {}", w.number(&o.total), w.number(&o.max)));
            r.push(match &o.provisional {
                Some(p) if p.highest_level > o.level => format!("{}..{}", o.level, p.highest_level),
                _ => o.level.to_string(),
            });
            r.push(format!(
                "{}{provisional}",
                o.level_name.unwrap_or_default().to_owned()
            ));
            r.extend(o.sections.iter().map(|s| w.number(&s.score)));
            if !model.mentions.is_empty() {
                r.push(mention_words(o, model));
            }
        }
        Err(problems) => {
            r.extend(["invalid".to_owned(), "—".to_owned()]);
            r.push(format!(
                "{} problem{}",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            ));
            r.extend(model.sections.iter().map(|_| "—".to_owned()));
            if !model.mentions.is_empty() {
                r.push("—".to_owned());
            }
        }
    }
    r
}

fn print_csv(scored: &[Scored<'_>], model: &Model) {
    let mut out = csv::Writer::from_writer(std::io::stdout());
    let mut header: Vec<String> = [
        "answers",
        "total",
        "max",
        "level",
        "level_name",
        "provisional",
    ]
    .map(String::from)
    .to_vec();
    header.extend(model.sections.iter().map(|s| s.id.clone()));
    let with_mentions = !model.mentions.is_empty();
    if with_mentions {
        header.push("mentions".to_owned());
    }
    header.push("errors".to_owned());
    let _ = out.write_record(&header);
    for s in scored {
        let mut r = vec![s.name.clone()];
        match &s.result {
            Ok(o) => {
                r.push(o.total.to_decimal(6));
                r.push(o.max.to_decimal(6));
                r.push(o.level.to_string());
                r.push(o.level_name.unwrap_or_default().to_owned());
                r.push(o.provisional.is_some().to_string());
                r.extend(o.sections.iter().map(|s| s.score.to_decimal(6)));
                if with_mentions {
                    r.push(o.awarded().join(";"));
                }
                r.push(String::new());
            }
            Err(problems) => {
                let empty = 5 + model.sections.len() + usize::from(with_mentions);
                r.extend(std::iter::repeat_n(String::new(), empty));
                r.push(
                    problems
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; "),
                );
            }
        }
        let _ = out.write_record(&r);
    }
    let _ = out.flush();
}
