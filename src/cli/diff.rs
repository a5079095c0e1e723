//! `grille diff OLD NEW [--format human|markdown|json] [--regrade ANSWERS...]`

use super::report;
use super::Color;
use clap::ValueEnum;
use grille::diff::{Change, Diff, QuestionDiff};
use grille::engine::{self, answers, Engine, Outcome, Problem};
use grille::model::Model;
use grille::words;
use serde_json::{json, Value};

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

/// One answer set under both editions.
struct Regraded<'m> {
    name: String,
    old: Result<Outcome<'m>, Vec<Problem>>,
    new: Result<Outcome<'m>, Vec<Problem>>,
    /// Answers to questions the new edition no longer has.
    dropped: Vec<String>,
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
        Format::Human => print!("{}", human(&diff, &regraded)),
        Format::Markdown => print!("{}", markdown(&diff, &regraded)),
        Format::Json => {
            let mut value = serde_json::to_value(&diff).unwrap_or_default();
            if !args.regrade.is_empty() {
                if let Some(object) = value.as_object_mut() {
                    object.insert("regrade".into(), regrade_json(&regraded, &old, &new));
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
                for problem in &problems {
                    let error = report::Answers {
                        name: path,
                        problem,
                        source: Some(&source),
                    };
                    report::print(&error, color);
                }
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
        .map(|(name, old_read, mut value)| {
            let mut dropped = Vec::new();
            if let Some(object) = value.as_object_mut() {
                // The file was written for the old edition.
                object.remove("edition");
                for key in ["answers", "jury"] {
                    if let Some(map) = object.get_mut(key).and_then(Value::as_object_mut) {
                        let gone: Vec<String> = map
                            .keys()
                            .filter(|id| new.question(id).is_none())
                            .cloned()
                            .collect();
                        for id in gone {
                            map.remove(&id);
                            if !dropped.contains(&id) {
                                dropped.push(id);
                            }
                        }
                    }
                }
            }
            let new_read = answers::from_json(new, &value.to_string());
            Regraded {
                name,
                old: old_engine.score_read(&old_read),
                new: new_engine.score_read(&new_read),
                dropped,
            }
        })
        .collect())
}

fn result_words(r: &Result<Outcome<'_>, Vec<Problem>>) -> String {
    match r {
        Ok(o) => {
            let level = if o.provisional.is_some() {
                format!("niveau {} (provisoire)", o.level)
            } else {
                format!("niveau {}", o.level)
            };
            format!(
                "{} / {}, {level}",
                words::number(&o.total),
                words::number(&o.max)
            )
        }
        Err(_) => "réponses refusées".to_owned(),
    }
}

/// « 3 candidats passent du niveau 4 au niveau 3 », for each move; then
/// those who keep their level, and answer sets refused.
fn summary(rows: &[Regraded<'_>]) -> Vec<String> {
    let level = |r: &Result<Outcome<'_>, Vec<Problem>>| r.as_ref().ok().map(|o| o.level);
    let mut moves: std::collections::BTreeMap<(u32, u32), usize> =
        std::collections::BTreeMap::new();
    let (mut kept, mut refused_now, mut accepted_now, mut refused_both) = (0, 0, 0, 0);
    for r in rows {
        match (level(&r.old), level(&r.new)) {
            (Some(a), Some(b)) if a == b => kept += 1,
            (Some(a), Some(b)) => *moves.entry((a, b)).or_default() += 1,
            (Some(_), None) => refused_now += 1,
            (None, Some(_)) => accepted_now += 1,
            (None, None) => refused_both += 1,
        }
    }
    let candidates = |n: usize| {
        if n > 1 {
            format!("{n} candidats")
        } else {
            "1 candidat".to_owned()
        }
    };
    let plural = |n: usize, one: &str, many: &str| {
        if n > 1 {
            many.to_owned()
        } else {
            one.to_owned()
        }
    };
    let mut out: Vec<String> = moves
        .iter()
        .rev()
        .map(|((from, to), n)| {
            format!(
                "{} {} du niveau {from} au niveau {to}.",
                candidates(*n),
                plural(*n, "passe", "passent")
            )
        })
        .collect();
    if kept > 0 {
        out.push(format!(
            "{} {} leur niveau.",
            candidates(kept),
            plural(kept, "garde", "gardent")
        ));
    }
    if refused_now > 0 {
        out.push(format!(
            "{} : réponses refusées par la nouvelle édition.",
            candidates(refused_now)
        ));
    }
    if accepted_now > 0 {
        out.push(format!(
            "{} : réponses refusées par l’ancienne édition, acceptées par la nouvelle.",
            candidates(accepted_now)
        ));
    }
    if refused_both > 0 {
        out.push(format!(
            "{} : réponses refusées par les deux éditions.",
            candidates(refused_both)
        ));
    }
    out
}

fn problems_words(r: &Result<Outcome<'_>, Vec<Problem>>) -> Vec<String> {
    match r {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

// ---------------------------------------------------------------- human

fn change_lines(c: &Change, indent: &str) -> String {
    match (&c.old, &c.new) {
        (Some(o), Some(n)) if o.chars().count() + n.chars().count() > 60 => {
            format!(
                "{indent}{} :\n{indent}  avant : {o}\n{indent}  après : {n}\n",
                c.what
            )
        }
        (Some(o), Some(n)) => format!("{indent}{} : {o} → {n}\n", c.what),
        (None, Some(n)) => format!("{indent}{} : {n}\n", c.what),
        (Some(o), None) => format!("{indent}{} : {o}\n", c.what),
        (None, None) => format!("{indent}{}\n", c.what),
    }
}

/// A question whose only change is its number.
fn only_renumbered(q: &QuestionDiff) -> bool {
    q.status == "changed" && q.changes.len() == 1 && q.changes[0].what == "numéro"
}

/// `3.5 → 3.4 B5`, for each question only renumbered.
fn renumbered(questions: &[QuestionDiff]) -> Vec<String> {
    questions
        .iter()
        .filter(|q| only_renumbered(q))
        .map(|q| {
            format!(
                "{} → {} {}",
                q.number.0.as_deref().unwrap_or_default(),
                q.number.1.as_deref().unwrap_or_default(),
                q.id
            )
        })
        .collect()
}

/// « 3.5 → 3.4 » for a renumbered question, else its number.
fn question_number(q: &QuestionDiff) -> String {
    match &q.number {
        (Some(a), Some(b)) if a != b => format!("{a} → {b}"),
        (_, Some(b)) => b.clone(),
        (Some(a), None) => a.clone(),
        (None, None) => String::new(),
    }
}

fn question_head(q: &QuestionDiff) -> String {
    let number = question_number(q);
    let mark = match q.status {
        "added" => '+',
        "removed" => '-',
        _ => '~',
    };
    format!("{mark} {number} {} « {} »", q.id, q.label)
}

fn edition_words(diff: &Diff) -> String {
    let draft = |d: bool| if d { " (version de travail)" } else { "" };
    format!(
        "{} {}{} → {} {}{}",
        diff.old.id,
        diff.old.edition,
        draft(diff.old.draft),
        diff.new.id,
        diff.new.edition,
        draft(diff.new.draft)
    )
}

fn human(diff: &Diff, rows: &[Regraded<'_>]) -> String {
    let mut out = format!("{}\n", edition_words(diff));
    if diff.is_empty() {
        out.push_str("Aucun changement.\n");
    }
    if diff.max.0 != diff.max.1 {
        out.push_str(&format!("Maximum : {} → {}\n", diff.max.0, diff.max.1));
    }
    for s in &diff.sections {
        let number = s.number.1.or(s.number.0).unwrap_or_default();
        let status = match s.status {
            "added" => " (ajoutée)",
            "removed" => " (retirée)",
            _ => "",
        };
        out.push_str(&format!(
            "\nPartie {number} « {} » ({}){status}\n",
            s.title, s.id
        ));
        if let (Some(a), Some(b)) = &s.max {
            if a != b {
                out.push_str(&format!("  maximum : {a} → {b}\n"));
            }
        }
        for c in &s.changes {
            out.push_str(&change_lines(c, "  "));
        }
        let renumbered = renumbered(&s.questions);
        if !renumbered.is_empty() {
            out.push_str(&format!("  renumérotées : {}\n", renumbered.join(", ")));
        }
        for q in s.questions.iter().filter(|q| !only_renumbered(q)) {
            out.push_str(&format!("  {}\n", question_head(q)));
            for c in &q.changes {
                out.push_str(&change_lines(c, "      "));
            }
        }
    }
    for (title, list) in [
        ("Valeurs calculées", &diff.computed),
        ("Niveaux", &diff.levels),
    ] {
        if !list.is_empty() {
            out.push_str(&format!("\n{title}\n"));
            for c in list {
                out.push_str(&change_lines(c, "  "));
            }
        }
    }
    if !rows.is_empty() {
        out.push_str(&format!(
            "\nRéévaluation : {} jeu{} de réponses\n",
            rows.len(),
            if rows.len() > 1 { "x" } else { "" }
        ));
        let width = rows
            .iter()
            .map(|r| r.name.chars().count())
            .max()
            .unwrap_or(0)
            .max(7);
        let old_head = format!("{} {}", diff.old.id, diff.old.edition);
        let new_head = format!("{} {}", diff.new.id, diff.new.edition);
        let cells: Vec<(String, String)> = rows
            .iter()
            .map(|r| (result_words(&r.old), result_words(&r.new)))
            .collect();
        let w2 = cells
            .iter()
            .map(|c| c.0.chars().count())
            .max()
            .unwrap_or(0)
            .max(old_head.chars().count());
        out.push_str(&format!(
            "  {:<width$}  {:<w2$}  {}\n",
            "réponses", old_head, new_head
        ));
        for (r, (a, b)) in rows.iter().zip(&cells) {
            out.push_str(&format!("  {:<width$}  {:<w2$}  {b}\n", r.name, a));
        }
        for r in rows {
            if !r.dropped.is_empty() {
                out.push_str(&format!(
                    "  {} : réponses à des questions qui n’existent plus, mises de côté : {}\n",
                    r.name,
                    r.dropped.join(", ")
                ));
            }
            for p in problems_words(&r.new) {
                out.push_str(&format!("  {} : refusé par {} : {p}\n", r.name, new_head));
            }
        }
        out.push_str("\nRésumé\n");
        for line in summary(rows) {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out
}

// ---------------------------------------------------------------- markdown

/// Escapes Markdown outside `code` spans.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut code = false;
    for c in text.chars() {
        if c == '`' {
            code = !code;
        } else if !code && matches!(c, '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn md_change(c: &Change) -> String {
    match (&c.old, &c.new) {
        (Some(o), Some(n)) => format!("{} : {} → {}", md(&c.what), md(o), md(n)),
        (None, Some(n)) => format!("{} : {}", md(&c.what), md(n)),
        (Some(o), None) => format!("{} : {}", md(&c.what), md(o)),
        (None, None) => md(&c.what),
    }
}

fn markdown(diff: &Diff, rows: &[Regraded<'_>]) -> String {
    let mut out = format!(
        "# {} : {}\n\n",
        md(&diff.new.title),
        md(&edition_words(diff))
    );
    if diff.is_empty() {
        out.push_str("Aucun changement.\n");
    }
    if diff.max.0 != diff.max.1 {
        out.push_str(&format!("**Maximum** : {} → {}\n", diff.max.0, diff.max.1));
    }
    for s in &diff.sections {
        let number = s.number.1.or(s.number.0).unwrap_or_default();
        let status = match s.status {
            "added" => " *(ajoutée)*",
            "removed" => " *(retirée)*",
            _ => "",
        };
        out.push_str(&format!(
            "\n## {number}. {} (`{}`){status}\n\n",
            md(&s.title),
            s.id
        ));
        if let (Some(a), Some(b)) = &s.max {
            if a != b {
                out.push_str(&format!("- Maximum : {a} → {b}\n"));
            }
        }
        for c in &s.changes {
            out.push_str(&format!("- {}\n", md_change(c)));
        }
        let renumbered = renumbered(&s.questions);
        if !renumbered.is_empty() {
            out.push_str(&format!("- Renumérotées : {}\n", renumbered.join(", ")));
        }
        for q in s.questions.iter().filter(|q| !only_renumbered(q)) {
            let number = question_number(q);
            let status = match q.status {
                "added" => " *(ajoutée)*",
                "removed" => " *(retirée)*",
                _ => "",
            };
            out.push_str(&format!(
                "- **{number}** `{}` « {} »{status}\n",
                q.id,
                md(&q.label)
            ));
            for c in q.changes.iter().filter(|c| {
                !matches!(c.what.as_str(), "ajoutée" | "retirée")
                    || c.old.is_some()
                    || c.new.is_some()
            }) {
                out.push_str(&format!("  - {}\n", md_change(c)));
            }
        }
    }
    for (title, list) in [
        ("Valeurs calculées", &diff.computed),
        ("Niveaux", &diff.levels),
    ] {
        if !list.is_empty() {
            out.push_str(&format!("\n## {title}\n\n"));
            for c in list {
                out.push_str(&format!("- {}\n", md_change(c)));
            }
        }
    }
    if !rows.is_empty() {
        out.push_str(&format!(
            "\n## Réévaluation\n\n| réponses | {} {} | {} {} |\n|---|---|---|\n",
            diff.old.id, diff.old.edition, diff.new.id, diff.new.edition
        ));
        for r in rows {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                md(&r.name),
                result_words(&r.old),
                result_words(&r.new)
            ));
        }
        let notes: Vec<String> = rows
            .iter()
            .filter(|r| !r.dropped.is_empty())
            .map(|r| {
                format!(
                    "- {} : réponses à des questions qui n’existent plus, mises de côté : {}",
                    md(&r.name),
                    r.dropped
                        .iter()
                        .map(|d| format!("`{d}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .chain(rows.iter().flat_map(|r| {
                problems_words(&r.new)
                    .into_iter()
                    .map(move |p| format!("- {} : refusé : {}", md(&r.name), md(&p)))
            }))
            .collect();
        if !notes.is_empty() {
            out.push('\n');
            for n in notes {
                out.push_str(&n);
                out.push('\n');
            }
        }
        out.push_str("\n**Résumé**\n\n");
        for line in summary(rows) {
            out.push_str(&format!("- {line}\n"));
        }
    }
    out
}

// ---------------------------------------------------------------- json

fn outcome_json(r: &Result<Outcome<'_>, Vec<Problem>>) -> Value {
    match r {
        Ok(o) => json!({
            "valid": true,
            "total": o.total,
            "max": o.max,
            "level": o.level,
            "provisional": o.provisional.is_some(),
        }),
        Err(problems) => json!({
            "valid": false,
            "errors": problems.iter().map(|p| json!({"question": p.question, "message": p.message})).collect::<Vec<_>>(),
        }),
    }
}

fn regrade_json(rows: &[Regraded<'_>], _old: &Model, _new: &Model) -> Value {
    json!({
        "candidates": rows.iter().map(|r| json!({
            "file": r.name,
            "old": outcome_json(&r.old),
            "new": outcome_json(&r.new),
            "dropped": r.dropped,
        })).collect::<Vec<_>>(),
        "summary": summary(rows),
    })
}
