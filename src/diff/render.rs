//! A diff in words: for people, for the committee's minutes (Markdown),
//! or as JSON, with the regraded answer sets.

use super::regrade::summary;
use super::{Change, Diff, QuestionDiff, Regraded, Status};
use crate::engine::{Outcome, Problem};
use crate::french;
use serde_json::{json, Value};

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
                french::number(&o.total),
                french::number(&o.max)
            )
        }
        Err(_) => "réponses refusées".to_owned(),
    }
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
    q.status == Status::Changed && q.changes.len() == 1 && q.changes[0].what == "numéro"
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
        Status::Added => '+',
        Status::Removed => '-',
        Status::Changed | Status::Same => '~',
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

pub fn human(diff: &Diff, rows: &[Regraded<'_>]) -> String {
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
            Status::Added => " (ajoutée)",
            Status::Removed => " (retirée)",
            Status::Changed | Status::Same => "",
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

pub fn markdown(diff: &Diff, rows: &[Regraded<'_>]) -> String {
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
            Status::Added => " *(ajoutée)*",
            Status::Removed => " *(retirée)*",
            Status::Changed | Status::Same => "",
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
                Status::Added => " *(ajoutée)*",
                Status::Removed => " *(retirée)*",
                Status::Changed | Status::Same => "",
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

pub fn regrade_json(rows: &[Regraded<'_>]) -> Value {
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
