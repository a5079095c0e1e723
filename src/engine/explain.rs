//! Explanations for the committee and the jury, in the questionnaire's
//! language: what each question earned, each gate's values, and why the
//! next level is missed.

use super::eval::Run;
use super::{Detail, Outcome};
use crate::model::{Expr, Model};
use crate::num::Num;
use crate::t;
use crate::words::Words;

/// A share, truncated so that it never looks reached when it is not:
/// `39,9 %`, `39.9%`.
pub fn share(score: &Num, max: &Num, w: Words<'_>) -> String {
    match (score * &Num::from_int(1000)).checked_div(max) {
        Some(per_mille) => t!(
            w,
            "explain-share",
            percent = w.number(
                &per_mille
                    .floor()
                    .checked_div(&Num::from_int(10))
                    .unwrap_or_default()
            )
        ),
        None => "—".to_owned(),
    }
}

/// The values a gate reads, in words.
pub(super) fn gate_values(e: &Expr, run: &Run<'_>, model: &Model) -> Vec<String> {
    let mut out = Vec::new();
    collect(e, run, model, &mut out);
    // Each value once, in the order the gate reads them.
    let mut seen = std::collections::HashSet::new();
    out.retain(|v| seen.insert(v.clone()));
    out
}

fn collect(e: &Expr, run: &Run<'_>, model: &Model, out: &mut Vec<String>) {
    let w = model.words();
    match e {
        Expr::SectionScore(s) => {
            let max = model.section(s).map(|x| x.max.clone()).unwrap_or_default();
            if let Some(score) = run.number_of(e) {
                out.push(t!(
                    w,
                    "explain-section-value",
                    id = s,
                    score = w.number(&score),
                    max = w.number(&max),
                    share = share(&score, &max, w)
                ));
            }
        }
        Expr::Total => {
            if let Some(score) = run.number_of(e) {
                out.push(t!(
                    w,
                    "explain-total-value",
                    score = w.number(&score),
                    max = w.number(&model.max)
                ));
            }
        }
        Expr::Answer(q)
        | Expr::In { question: q, .. }
        | Expr::Has { question: q, .. }
        | Expr::HasAny { question: q } => {
            out.push(t!(
                w,
                "explain-answer-value",
                id = q,
                answer = run.describe(q)
            ));
        }
        Expr::Level | Expr::Previous(_) => {
            let key = match e {
                Expr::Level => "explain-level-value",
                Expr::Previous(true) => "explain-previous-level-value",
                _ => "explain-previous-total-value",
            };
            let value = match run.eval(e) {
                super::value::Value::Num(n) => w.number(&n),
                _ => w.get("explain-not-given"),
            };
            out.push(t!(w, key, value = value));
        }
        Expr::Count(list) => {
            let held = list
                .iter()
                .filter(|x| run.eval(x).truth() == Some(true))
                .count();
            out.push(t!(
                w,
                "explain-count-value",
                held = held,
                count = list.len()
            ));
        }
        Expr::Not(x) | Expr::Neg(x) | Expr::Length(x) | Expr::TextTest(_, x) => {
            collect(x, run, model, out)
        }
        Expr::And(a, b) | Expr::Or(a, b) | Expr::Compare(_, a, b) | Expr::Arith(_, a, b) => {
            collect(a, run, model, out);
            collect(b, run, model, out);
        }
        _ => {}
    }
}

/// A level in words: « niveau 2 « Implication » », or « « Argent » » when
/// the levels are told by their names; level 0 is the `none` line's name.
pub fn level_words(model: &Model, level: u32) -> String {
    let w = model.words();
    let name = if level == 0 {
        model.levels.unlabelled.as_deref()
    } else {
        model
            .levels
            .levels
            .iter()
            .find(|l| l.number == level)
            .map(|l| l.name.as_str())
    };
    match (model.levels.named, name) {
        (true, Some(name)) => w.quoted(name),
        (true, None) => w.get("term-no-level"),
        (false, Some(name)) => t!(w, "explain-level", number = level, name = w.quoted(name)),
        (false, None) if level == 0 => t!(w, "explain-level-none", name = w.get("term-no-level")),
        (false, None) => t!(w, "explain-level-number", number = level),
    }
}

/// The full explanation of an outcome.
pub fn explain(outcome: &Outcome, model: &Model) -> String {
    let w = model.words();
    let mut out = String::new();
    out.push_str(&t!(
        w,
        "explain-total",
        total = w.number(&outcome.total),
        max = w.number(&outcome.max),
        level = level_words(model, outcome.level)
    ));
    out.push('\n');
    if let Some(p) = &outcome.provisional {
        out.push_str(&t!(
            w,
            "explain-provisional",
            missing = p
                .missing
                .iter()
                .map(|q| format!("`{q}`"))
                .collect::<Vec<_>>()
                .join(", "),
            level = level_words(model, p.highest_level),
            points = w.points(&p.highest_total)
        ));
        out.push('\n');
    }
    // Ids in a column wide enough for the longest, a space after it.
    let width = outcome
        .questions
        .iter()
        .map(|r| r.id.chars().count() + 1)
        .max()
        .unwrap_or(0)
        .max(6);
    for (section, result) in model.sections.iter().zip(&outcome.sections) {
        out.push_str(&format!(
            "\n{}. {} — {} / {}{}\n",
            section.number,
            section.title,
            w.number(&result.score),
            w.number(&result.max),
            if result.shown {
                String::new()
            } else {
                format!(" {}", w.get("explain-section-hidden"))
            }
        ));
        for q in section.questions() {
            let Some(r) = outcome.questions.iter().find(|r| r.id == q.id) else {
                continue;
            };
            if r.max.is_zero() && r.points.is_zero() {
                continue;
            }
            out.push_str(&format!(
                "  {:<6}{:<width$}{:<48}{:>6} / {}\n",
                r.number,
                r.id,
                detail(&r.detail, w),
                w.number(&r.points),
                w.number(&r.max)
            ));
        }
    }
    out.push('\n');
    out.push_str(&w.get("explain-levels"));
    out.push('\n');
    for l in &outcome.levels {
        let status = w.get(if l.number <= outcome.level {
            "explain-reached"
        } else {
            "explain-not-reached"
        });
        let by_conditions = model
            .levels
            .levels
            .iter()
            .any(|m| m.number == l.number && m.by_conditions);
        let line = if by_conditions {
            t!(
                w,
                "explain-level-status-gates",
                level = level_words(model, l.number),
                status = status
            )
        } else {
            t!(
                w,
                "explain-level-status",
                level = level_words(model, l.number),
                points = w.points(&l.min_total),
                status = status
            )
        };
        out.push_str(&format!("  {line}\n"));
        for g in &l.gates {
            let holds = w.get(match g.holds {
                Some(true) => "explain-gate-holds",
                Some(false) => "explain-gate-fails",
                None => "explain-gate-unknown",
            });
            out.push_str("    ");
            out.push_str(&t!(w, "explain-gate", source = g.source, state = holds));
            if !g.values.is_empty() {
                out.push_str(&format!(
                    " ({})",
                    g.values.join(&w.get("explain-separator"))
                ));
            }
            out.push('\n');
        }
    }
    if !outcome.mentions.is_empty() {
        out.push('\n');
        out.push_str(&w.get("explain-mentions"));
        out.push('\n');
        for (m, declared) in outcome.mentions.iter().zip(&model.mentions) {
            let state = w.get(match (m.awarded, declared.jury) {
                (Some(true), _) => "explain-mention-awarded",
                (Some(false), false) => "explain-mention-not-awarded",
                (Some(false), true) => "explain-mention-refused",
                (None, _) => "explain-mention-pending",
            });
            let how = match &declared.source {
                Some(source) => t!(w, "explain-mention-rule", source = source.as_str()),
                None => w.get("explain-mention-jury"),
            };
            out.push_str(&format!(
                "  {}\n",
                t!(
                    w,
                    "explain-mention",
                    label = w.quoted(m.label),
                    how = how,
                    state = state
                )
            ));
            if !m.values.is_empty() {
                out.push_str(&format!(
                    "    ({})\n",
                    m.values.join(&w.get("explain-separator"))
                ));
            }
        }
    }
    if let Some(reason) = next_level_reason(outcome, model) {
        out.push_str(&format!("\n{reason}\n"));
    }
    out
}

/// Why the level above the one granted is not reached:
/// « Niveau 4 « … » : il manque 6 points ; la condition `…` n’est pas
/// remplie (…). »
pub fn next_level_reason(outcome: &Outcome, model: &Model) -> Option<String> {
    let w = model.words();
    let next = outcome.levels.iter().find(|l| l.number > outcome.level)?;
    let mut reasons = Vec::new();
    if !next.total_reached {
        let missing = &next.min_total - &outcome.total;
        reasons.push(t!(
            w,
            "explain-missing",
            points = w.points(&missing),
            required = w.number(&next.min_total)
        ));
    }
    let gates = outcome
        .levels
        .iter()
        .filter(|l| model.levels.scheme.needs(next.number, l.number))
        .flat_map(|l| &l.gates);
    for g in gates.filter(|g| g.holds != Some(true)) {
        let key = if g.holds.is_none() {
            "explain-gate-not-known"
        } else {
            "explain-gate-not-met"
        };
        let mut reason = t!(w, key, source = g.source);
        if !g.values.is_empty() {
            reason.push_str(&format!(
                " ({})",
                g.values.join(&w.get("explain-separator"))
            ));
        }
        reasons.push(reason);
    }
    Some(t!(
        w,
        "explain-next",
        level = crate::words::capitalised(&level_words(model, next.number)),
        reasons = reasons.join(&w.get("explain-separator"))
    ))
}

pub fn detail(d: &Detail, w: Words<'_>) -> String {
    match d {
        Detail::Hidden => w.get("explain-hidden"),
        Detail::Unanswered => w.get("explain-unanswered"),
        Detail::Unknown => w.get("explain-unknown"),
        Detail::NotScored => String::new(),
        Detail::YesNo(b) => w.get(if *b { "explain-yes" } else { "explain-no" }),
        Detail::Choice(id) => (*id).to_owned(),
        Detail::Choices { chosen, sum, cap } => {
            let list = if chosen.is_empty() {
                w.get("explain-none")
            } else {
                chosen.join(", ")
            };
            match cap {
                Some(c) => t!(
                    w,
                    "explain-capped",
                    list = list,
                    sum = w.number(sum),
                    cap = w.number(c)
                ),
                None => list,
            }
        }
        Detail::Band {
            of: None,
            value,
            band,
        } => t!(
            w,
            "explain-band",
            value = w.number(value),
            band = band.to_string()
        ),
        Detail::Band {
            of: Some(of),
            value,
            band,
        } => t!(
            w,
            "explain-band-of",
            of = of.to_string(),
            value = w.number(value),
            band = band.to_string()
        ),
        Detail::NoBand(value) => t!(w, "explain-no-band", value = w.number(value)),
        Detail::Jury(Some(n)) => t!(w, "explain-jury", mark = w.number(n)),
        Detail::Jury(None) => w.get("explain-jury-pending"),
    }
}
