//! Proving that a level's conditions can never hold together: every answer
//! to the yes/no and choice questions they read is tried, and anything else
//! they read counts as free (so the proof never claims too much).

use super::Engine;
use crate::model::{Answer, CompareOp, Expr, Kind};
use std::collections::{BTreeMap, BTreeSet};

/// Possible outcomes of a condition, as a set: true, false, unknown.
const T: u8 = 1;
const F: u8 = 2;
const U: u8 = 4;
const ANY: u8 = T | F | U;

/// Questions with few possible answers, enumerated when proving gates
/// contradictory; what else a gate reads counts as free.
const MAX_ASSIGNMENTS: usize = 50_000;

/// Why the gates a level needs can never hold together, if that can be
/// proven by trying every answer to the questions they read.
pub(super) fn contradiction(engine: &Engine<'_>, level: u32) -> Option<String> {
    let gates: Vec<&crate::model::Gate> = engine
        .model
        .levels
        .levels
        .iter()
        .filter(|l| engine.model.levels.scheme.needs(level, l.number))
        .flat_map(|l| &l.gates)
        .collect();
    if gates.is_empty() {
        return None;
    }
    let exprs: Vec<&Expr> = gates.iter().map(|g| &g.expr).collect();
    if !never_together(engine, &exprs) {
        return None;
    }
    let list: Vec<String> = gates.iter().map(|g| format!("`{}`", g.source)).collect();
    Some(if list.len() == 1 {
        format!("its condition {} can never hold", list[0])
    } else {
        format!("its conditions {} can never all hold", list.join(", "))
    })
}

/// Whether these conditions are proven never to hold together: every
/// answer to the yes/no and choice questions they read was tried.
pub fn never_together(engine: &Engine<'_>, exprs: &[&Expr]) -> bool {
    let mut read: BTreeSet<&str> = BTreeSet::new();
    for e in exprs {
        e.visit(&mut |node| match node {
            Expr::Answer(q)
            | Expr::In { question: q, .. }
            | Expr::Has { question: q, .. }
            | Expr::HasAny { question: q } => {
                read.insert(q);
            }
            _ => {}
        });
    }
    let mut domains: Vec<(&str, Vec<Option<Answer>>)> = Vec::new();
    let mut size = 1usize;
    for id in read {
        let Some(&i) = engine.index.get(id) else {
            continue;
        };
        let q = engine.questions[i];
        let values: Vec<Option<Answer>> = match &q.kind {
            Kind::YesNo => vec![Some(Answer::Bool(true)), Some(Answer::Bool(false)), None],
            Kind::One { options } => options
                .iter()
                .map(|o| Some(Answer::Choice(o.id.clone())))
                .chain([None])
                .collect(),
            Kind::Many { options, .. } if options.len() <= 10 => (0..1u32 << options.len())
                .map(|mask| {
                    Some(Answer::Choices(
                        options
                            .iter()
                            .enumerate()
                            .filter(|(b, _)| mask & (1 << b) != 0)
                            .map(|(_, o)| o.id.clone())
                            .collect(),
                    ))
                })
                .collect(),
            _ => continue,
        };
        size = size.saturating_mul(values.len());
        if size > MAX_ASSIGNMENTS {
            return false;
        }
        domains.push((id, values));
    }
    let mut assignment: BTreeMap<&str, Option<Answer>> = BTreeMap::new();
    !satisfiable(exprs, &domains, &mut assignment)
}

fn satisfiable<'a>(
    exprs: &[&Expr],
    domains: &'a [(&'a str, Vec<Option<Answer>>)],
    assignment: &mut BTreeMap<&'a str, Option<Answer>>,
) -> bool {
    let Some(((id, values), rest)) = domains.split_first() else {
        return exprs.iter().all(|e| possible(e, assignment) & T != 0);
    };
    values.iter().any(|v| {
        assignment.insert(id, v.clone());
        satisfiable(exprs, rest, assignment)
    })
}

/// The outcomes a condition may have under an assignment of some answers.
fn possible(e: &Expr, assignment: &BTreeMap<&str, Option<Answer>>) -> u8 {
    let truth = |b: bool| if b { T } else { F };
    let answer = |q: &str| assignment.get(q);
    match e {
        Expr::Bool(b) => truth(*b),
        Expr::Answer(q) => match answer(q) {
            Some(Some(Answer::Bool(b))) => truth(*b),
            Some(None) => U,
            _ => ANY,
        },
        Expr::In {
            question,
            options,
            negated,
        } => match answer(question) {
            Some(Some(Answer::Choice(c))) => truth(options.contains(c) != *negated),
            Some(None) => U,
            _ => ANY,
        },
        Expr::Has { question, option } => match answer(question) {
            Some(Some(Answer::Choices(list))) => truth(list.contains(option)),
            Some(None) => F,
            _ => T | F,
        },
        Expr::HasAny { question } => match answer(question) {
            Some(Some(Answer::Choices(list))) => truth(!list.is_empty()),
            Some(None) => F,
            _ => T | F,
        },
        Expr::Not(x) => {
            let v = possible(x, assignment);
            (if v & T != 0 { F } else { 0 }) | (if v & F != 0 { T } else { 0 }) | (v & U)
        }
        Expr::And(a, b) | Expr::Or(a, b) => {
            let (x, y) = (possible(a, assignment), possible(b, assignment));
            let mut out = 0;
            for p in [T, F, U] {
                for q in [T, F, U] {
                    if x & p != 0 && y & q != 0 {
                        out |= kleene(matches!(e, Expr::And(..)), p, q);
                    }
                }
            }
            out
        }
        Expr::Compare(CompareOp::Eq | CompareOp::Ne, a, b) => match (&**a, &**b) {
            (Expr::Answer(q), Expr::Bool(v)) | (Expr::Bool(v), Expr::Answer(q)) => {
                match answer(q) {
                    Some(Some(Answer::Bool(x))) => {
                        truth((x == v) == matches!(e, Expr::Compare(CompareOp::Eq, ..)))
                    }
                    Some(None) => U,
                    _ => ANY,
                }
            }
            _ => ANY,
        },
        _ => ANY,
    }
}

fn kleene(and: bool, p: u8, q: u8) -> u8 {
    match (and, p, q) {
        (true, F, _) | (true, _, F) => F,
        (true, T, T) => T,
        (false, T, _) | (false, _, T) => T,
        (false, F, F) => F,
        _ => U,
    }
}
