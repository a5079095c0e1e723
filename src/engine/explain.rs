//! Explanations in French for the committee and the jury: what each
//! question earned, each gate's values, and why the next level is missed.

use super::eval::Run;
use super::{Detail, Outcome};
use crate::model::{Expr, Model};
use crate::num::Num;

/// A number in French writing: `22,5`.
pub fn fr(n: &Num) -> String {
    n.to_decimal(2).replace('.', ",")
}

/// A share in French writing, truncated so that it never looks reached when
/// it is not: `39,9 %`.
pub fn share(score: &Num, max: &Num) -> String {
    match (score * &Num::from_int(1000)).checked_div(max) {
        Some(per_mille) => format!(
            "{} %",
            fr(&per_mille
                .floor()
                .checked_div(&Num::from_int(10))
                .unwrap_or_default())
        ),
        None => "—".to_owned(),
    }
}

/// The values a gate reads, in words.
pub(super) fn gate_values(e: &Expr, run: &Run<'_>, model: &Model) -> Vec<String> {
    let mut out = Vec::new();
    collect(e, run, model, &mut out);
    out.dedup();
    out
}

fn collect(e: &Expr, run: &Run<'_>, model: &Model, out: &mut Vec<String>) {
    match e {
        Expr::SectionScore(s) => {
            let max = model.section(s).map(|x| x.max.clone()).unwrap_or_default();
            if let Some(score) = run.number_of(e) {
                out.push(format!(
                    "section `{s}` : {} / {} ({})",
                    fr(&score),
                    fr(&max),
                    share(&score, &max)
                ));
            }
        }
        Expr::Total => {
            if let Some(score) = run.number_of(e) {
                out.push(format!("total : {} / {}", fr(&score), fr(&model.max)));
            }
        }
        Expr::Answer(q)
        | Expr::In { question: q, .. }
        | Expr::Has { question: q, .. }
        | Expr::HasAny { question: q } => {
            out.push(format!("`{q}` : {}", run.describe(q)));
        }
        Expr::Not(x) | Expr::Neg(x) => collect(x, run, model, out),
        Expr::And(a, b) | Expr::Or(a, b) | Expr::Compare(_, a, b) | Expr::Arith(_, a, b) => {
            collect(a, run, model, out);
            collect(b, run, model, out);
        }
        _ => {}
    }
}

/// The full explanation of an outcome.
pub fn explain(outcome: &Outcome, model: &Model) -> String {
    let mut out = String::new();
    let name = |level: u32| match outcome_level_name(model, level) {
        Some(n) => format!("niveau {level} « {n} »"),
        None => format!("niveau {level}"),
    };
    out.push_str(&format!(
        "Total : {} / {} — {}\n",
        fr(&outcome.total),
        fr(&outcome.max),
        if outcome.level == 0 {
            match &model.levels.unlabelled {
                Some(n) => format!("niveau 0 « {n} »"),
                None => "niveau 0 (non labellisé)".to_owned(),
            }
        } else {
            name(outcome.level)
        }
    ));
    if let Some(p) = &outcome.provisional {
        out.push_str(&format!(
            "Résultat provisoire : la note du jury manque pour {} ; avec la note maximale, {} au plus ({} points).\n",
            p.missing.iter().map(|q| format!("`{q}`")).collect::<Vec<_>>().join(", "),
            name(p.highest_level),
            fr(&p.highest_total)
        ));
    }
    for (section, result) in model.sections.iter().zip(&outcome.sections) {
        out.push_str(&format!(
            "\n{}. {} — {} / {}{}\n",
            section.number,
            section.title,
            fr(&result.score),
            fr(&result.max),
            if result.shown {
                ""
            } else {
                " (section non affichée)"
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
                "  {:<6}{:<6}{:<48}{:>6} / {}\n",
                r.number,
                r.id,
                detail(&r.detail),
                fr(&r.points),
                fr(&r.max)
            ));
        }
    }
    out.push_str("\nNiveaux :\n");
    for l in &outcome.levels {
        let status = if l.number <= outcome.level {
            "atteint"
        } else {
            "non atteint"
        };
        out.push_str(&format!(
            "  {} (≥ {} points) : {status}\n",
            name(l.number),
            fr(&l.min_total)
        ));
        for g in &l.gates {
            let holds = match g.holds {
                Some(true) => "remplie",
                Some(false) => "non remplie",
                None => "inconnue (réponses manquantes)",
            };
            out.push_str(&format!("    condition `{}` : {holds}", g.source));
            if !g.values.is_empty() {
                out.push_str(&format!(" ({})", g.values.join(" ; ")));
            }
            out.push('\n');
        }
    }
    if let Some(reason) = next_level_reason(outcome, model) {
        out.push_str(&format!("\n{reason}\n"));
    }
    out
}

fn outcome_level_name(model: &Model, level: u32) -> Option<&str> {
    model
        .levels
        .levels
        .iter()
        .find(|l| l.number == level)
        .map(|l| l.name.as_str())
}

/// Why the level above the one granted is not reached:
/// « niveau 4 : il manque 6 points ; la condition `…` n'est pas remplie (…) ».
pub fn next_level_reason(outcome: &Outcome, model: &Model) -> Option<String> {
    let next = outcome.levels.iter().find(|l| l.number > outcome.level)?;
    let mut reasons = Vec::new();
    if !next.total_reached {
        let missing = &next.min_total - &outcome.total;
        reasons.push(format!(
            "il manque {} points ({} requis)",
            fr(&missing),
            fr(&next.min_total)
        ));
    }
    let gates = outcome
        .levels
        .iter()
        .filter(|l| model.levels.scheme.needs(next.number, l.number))
        .flat_map(|l| &l.gates);
    for g in gates.filter(|g| g.holds != Some(true)) {
        let state = if g.holds.is_none() {
            "n'est pas établie"
        } else {
            "n'est pas remplie"
        };
        let values = if g.values.is_empty() {
            String::new()
        } else {
            format!(" ({})", g.values.join(" ; "))
        };
        reasons.push(format!("la condition `{}` {state}{values}", g.source));
    }
    Some(format!(
        "Niveau {} « {} » : {}.",
        next.number,
        next.name,
        reasons.join(" ; ")
    ))
}

fn detail(d: &Detail) -> String {
    match d {
        Detail::Hidden => "non affichée (condition non remplie)".to_owned(),
        Detail::Unanswered => "sans réponse".to_owned(),
        Detail::Unknown => "valeur inconnue (réponses manquantes)".to_owned(),
        Detail::NotScored => String::new(),
        Detail::YesNo(b) => (if *b { "oui" } else { "non" }).to_owned(),
        Detail::Choice(id) => (*id).to_owned(),
        Detail::Choices { chosen, sum, cap } => {
            let list = if chosen.is_empty() {
                "aucune".to_owned()
            } else {
                chosen.join(", ")
            };
            match cap {
                Some(c) => format!("{list} = {} → plafond {}", fr(sum), fr(c)),
                None => list,
            }
        }
        Detail::Band {
            of: None,
            value,
            band,
        } => format!("{} → tranche {band}", fr(value)),
        Detail::Band {
            of: Some(of),
            value,
            band,
        } => format!("{of} = {} → tranche {band}", fr(value)),
        Detail::NoBand(value) => format!("{} → hors tranches", fr(value)),
        Detail::Jury(Some(n)) => format!("note du jury {}", fr(n)),
        Detail::Jury(None) => "note du jury en attente".to_owned(),
    }
}
