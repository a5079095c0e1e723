//! A diff in words: for people, for the committee's minutes (Markdown),
//! or as JSON, with the regraded answer sets.

use super::regrade::summary;
use super::{Change, Diff, QuestionDiff, Regraded, Status};
use crate::engine::{Outcome, Problem};
use crate::t;
use crate::words::Words;
use serde_json::{json, Value};

fn result_words(r: &Result<Outcome<'_>, Vec<Problem>>, w: Words<'_>) -> String {
    match r {
        Ok(o) => {
            let mut level = t!(w, "explain-level-number", number = o.level);
            if o.provisional.is_some() {
                level.push(' ');
                level.push_str(&w.get("score-provisional"));
            }
            format!("{} / {}, {level}", w.number(&o.total), w.number(&o.max))
        }
        Err(_) => w.get("diff-refused"),
    }
}

fn problems_words(r: &Result<Outcome<'_>, Vec<Problem>>) -> Vec<String> {
    match r {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

// ---------------------------------------------------------------- human

fn change_lines(c: &Change, indent: &str, w: Words<'_>) -> String {
    let colon = w.get("colon");
    let what = &c.what;
    match (&c.old, &c.new) {
        (Some(o), Some(n)) if o.chars().count() + n.chars().count() > 60 => {
            let (before, after) = (w.get("diff-before"), w.get("diff-after"));
            format!(
                "{indent}{what}{}\n{indent}  {before}{colon}{o}\n{indent}  {after}{colon}{n}\n",
                w.get("pdf-colon-end")
            )
        }
        (Some(o), Some(n)) => format!("{indent}{what}{colon}{o} → {n}\n"),
        (None, Some(n)) => format!("{indent}{what}{colon}{n}\n"),
        (Some(o), None) => format!("{indent}{what}{colon}{o}\n"),
        (None, None) => format!("{indent}{what}\n"),
    }
}

/// A question whose only change is its number.
fn only_renumbered(q: &QuestionDiff, w: Words<'_>) -> bool {
    q.status == Status::Changed && q.changes.len() == 1 && q.changes[0].what == w.get("diff-number")
}

/// `3.5 → 3.4 B5`, for each question only renumbered.
fn renumbered(questions: &[QuestionDiff], w: Words<'_>) -> Vec<String> {
    questions
        .iter()
        .filter(|q| only_renumbered(q, w))
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

fn question_head(q: &QuestionDiff, w: Words<'_>) -> String {
    let number = question_number(q);
    let mark = match q.status {
        Status::Added => '+',
        Status::Removed => '-',
        Status::Changed | Status::Same => '~',
    };
    format!("{mark} {number} {} {}", q.id, w.quoted(&q.label))
}

fn edition_words(diff: &Diff, w: Words<'_>) -> String {
    let draft = |d: bool| {
        if d {
            format!(" {}", w.get("diff-draft"))
        } else {
            String::new()
        }
    };
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

/// « (ajoutée) », « (retirée) » or nothing.
fn status_words(status: Status, w: Words<'_>) -> Option<String> {
    match status {
        Status::Added => Some(w.get("diff-added-mark")),
        Status::Removed => Some(w.get("diff-removed-mark")),
        Status::Changed | Status::Same => None,
    }
}

pub fn human(diff: &Diff, rows: &[Regraded<'_>]) -> String {
    let w = Words::plain(diff.lang);
    let colon = w.get("colon");
    let mut out = format!("{}\n", edition_words(diff, w));
    if diff.is_empty() {
        out.push_str(&w.get("diff-no-change"));
        out.push('\n');
    }
    if diff.max.0 != diff.max.1 {
        out.push_str(&format!(
            "{}{colon}{} → {}\n",
            w.get("pdf-maximum"),
            diff.max.0,
            diff.max.1
        ));
    }
    for s in &diff.sections {
        let number = s.number.1.or(s.number.0).unwrap_or_default();
        let status = status_words(s.status, w).map_or_else(String::new, |s| format!(" {s}"));
        out.push_str(&format!(
            "\n{} ({}){status}\n",
            t!(
                w,
                "diff-part-head",
                number = number,
                title = w.quoted(&s.title)
            ),
            s.id
        ));
        if let (Some(a), Some(b)) = &s.max {
            if a != b {
                out.push_str(&format!("  {}{colon}{a} → {b}\n", w.get("diff-maximum")));
            }
        }
        for c in &s.changes {
            out.push_str(&change_lines(c, "  ", w));
        }
        let renumbered = renumbered(&s.questions, w);
        if !renumbered.is_empty() {
            out.push_str(&format!(
                "  {}{colon}{}\n",
                w.get("diff-renumbered"),
                renumbered.join(", ")
            ));
        }
        for q in s.questions.iter().filter(|q| !only_renumbered(q, w)) {
            out.push_str(&format!("  {}\n", question_head(q, w)));
            for c in &q.changes {
                out.push_str(&change_lines(c, "      ", w));
            }
        }
    }
    for (title, list) in [
        ("diff-computed-title", &diff.computed),
        ("pdf-levels", &diff.levels),
        ("pdf-mentions", &diff.mentions),
    ] {
        if !list.is_empty() {
            out.push_str(&format!("\n{}\n", w.get(title)));
            for c in list {
                out.push_str(&change_lines(c, "  ", w));
            }
        }
    }
    if !rows.is_empty() {
        out.push('\n');
        out.push_str(&t!(w, "diff-regrade", count = rows.len()));
        out.push('\n');
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
            .map(|r| (result_words(&r.old, w), result_words(&r.new, w)))
            .collect();
        let w2 = cells
            .iter()
            .map(|c| c.0.chars().count())
            .max()
            .unwrap_or(0)
            .max(old_head.chars().count());
        out.push_str(&format!(
            "  {:<width$}  {:<w2$}  {}\n",
            w.get("diff-answers"),
            old_head,
            new_head
        ));
        for (r, (a, b)) in rows.iter().zip(&cells) {
            out.push_str(&format!("  {:<width$}  {:<w2$}  {b}\n", r.name, a));
        }
        for r in rows {
            if !r.dropped.is_empty() {
                out.push_str(&format!(
                    "  {}\n",
                    t!(
                        w,
                        "diff-dropped",
                        name = &r.name,
                        list = r.dropped.join(", ")
                    )
                ));
            }
            for p in problems_words(&r.new) {
                out.push_str(&format!(
                    "  {}\n",
                    t!(
                        w,
                        "diff-refused-by",
                        name = &r.name,
                        edition = &new_head,
                        problem = p
                    )
                ));
            }
        }
        out.push_str(&format!("\n{}\n", w.get("diff-summary")));
        for line in summary(rows, w) {
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

fn md_change(c: &Change, w: Words<'_>) -> String {
    let colon = w.get("colon");
    match (&c.old, &c.new) {
        (Some(o), Some(n)) => format!("{}{colon}{} → {}", md(&c.what), md(o), md(n)),
        (None, Some(n)) => format!("{}{colon}{}", md(&c.what), md(n)),
        (Some(o), None) => format!("{}{colon}{}", md(&c.what), md(o)),
        (None, None) => md(&c.what),
    }
}

pub fn markdown(diff: &Diff, rows: &[Regraded<'_>]) -> String {
    let w = Words::plain(diff.lang);
    let colon = w.get("colon");
    let mut out = format!(
        "# {}{colon}{}\n\n",
        md(&diff.new.title),
        md(&edition_words(diff, w))
    );
    if diff.is_empty() {
        out.push_str(&w.get("diff-no-change"));
        out.push('\n');
    }
    if diff.max.0 != diff.max.1 {
        out.push_str(&format!(
            "**{}**{colon}{} → {}\n",
            w.get("pdf-maximum"),
            diff.max.0,
            diff.max.1
        ));
    }
    for s in &diff.sections {
        let number = s.number.1.or(s.number.0).unwrap_or_default();
        let status = status_words(s.status, w).map_or_else(String::new, |s| format!(" *{s}*"));
        out.push_str(&format!(
            "\n## {number}. {} (`{}`){status}\n\n",
            md(&s.title),
            s.id
        ));
        if let (Some(a), Some(b)) = &s.max {
            if a != b {
                out.push_str(&format!("- {}{colon}{a} → {b}\n", w.get("pdf-maximum")));
            }
        }
        for c in &s.changes {
            out.push_str(&format!("- {}\n", md_change(c, w)));
        }
        let renumbered = renumbered(&s.questions, w);
        if !renumbered.is_empty() {
            out.push_str(&format!(
                "- {}{colon}{}\n",
                crate::words::capitalised(&w.get("diff-renumbered")),
                renumbered.join(", ")
            ));
        }
        let (added, removed) = (w.get("diff-added"), w.get("diff-removed"));
        for q in s.questions.iter().filter(|q| !only_renumbered(q, w)) {
            let number = question_number(q);
            let status = status_words(q.status, w).map_or_else(String::new, |s| format!(" *{s}*"));
            out.push_str(&format!(
                "- **{number}** `{}` {}{status}\n",
                q.id,
                w.quoted(&md(&q.label))
            ));
            for c in q.changes.iter().filter(|c| {
                !(c.what == added || c.what == removed) || c.old.is_some() || c.new.is_some()
            }) {
                out.push_str(&format!("  - {}\n", md_change(c, w)));
            }
        }
    }
    for (title, list) in [
        ("diff-computed-title", &diff.computed),
        ("pdf-levels", &diff.levels),
        ("pdf-mentions", &diff.mentions),
    ] {
        if !list.is_empty() {
            out.push_str(&format!("\n## {}\n\n", w.get(title)));
            for c in list {
                out.push_str(&format!("- {}\n", md_change(c, w)));
            }
        }
    }
    if !rows.is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n| {} | {} {} | {} {} |\n|---|---|---|\n",
            w.get("diff-regrade-title"),
            w.get("diff-answers"),
            diff.old.id,
            diff.old.edition,
            diff.new.id,
            diff.new.edition
        ));
        for r in rows {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                md(&r.name),
                result_words(&r.old, w),
                result_words(&r.new, w)
            ));
        }
        let notes: Vec<String> = rows
            .iter()
            .filter(|r| !r.dropped.is_empty())
            .map(|r| {
                format!(
                    "- {}",
                    t!(
                        w,
                        "diff-dropped",
                        name = md(&r.name),
                        list = r
                            .dropped
                            .iter()
                            .map(|d| format!("`{d}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                )
            })
            .chain(rows.iter().flat_map(|r| {
                problems_words(&r.new).into_iter().map(move |p| {
                    format!(
                        "- {}",
                        t!(w, "diff-refused-md", name = md(&r.name), problem = md(&p))
                    )
                })
            }))
            .collect();
        if !notes.is_empty() {
            out.push('\n');
            for n in notes {
                out.push_str(&n);
                out.push('\n');
            }
        }
        out.push_str(&format!("\n**{}**\n\n", w.get("diff-summary")));
        for line in summary(rows, w) {
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

pub fn regrade_json(rows: &[Regraded<'_>], lang: crate::words::Lang) -> Value {
    json!({
        "candidates": rows.iter().map(|r| json!({
            "file": r.name,
            "old": outcome_json(&r.old),
            "new": outcome_json(&r.new),
            "dropped": r.dropped,
        })).collect::<Vec<_>>(),
        "summary": summary(rows, Words::plain(lang)),
    })
}
