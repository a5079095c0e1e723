//! Answer sets at and just below each level's threshold (`grille test
//! --boundaries`): the level must change exactly there.

use super::witness::{candidates, constants_by_question, reach, Reach, BUDGET};
use super::{Answers, Engine, Outcome};
use crate::model::{Answer, Question, Scoring};
use crate::num::Num;

/// Answer sets at and just below a level's threshold, and what they score.
pub struct Boundary {
    pub level: u32,
    /// The threshold in points.
    pub threshold: Num,
    /// The lowest total found at or above the threshold, and its level.
    pub at: Option<(Num, u32)>,
    /// The highest total found below the threshold, and its level.
    pub below: Option<(Num, u32)>,
    /// What is wrong (empty: the level changes exactly at the threshold).
    pub failures: Vec<String>,
    /// Why nothing below the threshold was tried or found, when that is
    /// not a failure.
    pub note: Option<String>,
    /// The level has no threshold: its conditions were tested instead.
    pub by_conditions: bool,
}

/// For each level: from a witness, lowers the total one answer at a time,
/// keeping the level's gates, to the threshold and just below it.
pub fn boundaries(engine: &Engine<'_>) -> Vec<Boundary> {
    let levels = &engine.model.levels.levels;
    let mut out = Vec::new();
    for (k, level) in levels.iter().enumerate() {
        let next_threshold = levels.get(k + 1).map(|l| l.min_total.clone());
        let mut b = Boundary {
            level: level.number,
            threshold: level.min_total.clone(),
            at: None,
            below: None,
            failures: Vec::new(),
            note: None,
            by_conditions: level.by_conditions,
        };
        let Reach::Witness(witness, _) = reach(engine, level.number) else {
            b.failures
                .push(format!("no answer set reaches level {}", level.number));
            out.push(b);
            continue;
        };
        let constants = constants_by_question(engine);
        let options: Vec<Vec<Move>> = engine
            .questions
            .iter()
            .map(|q| {
                let mut moves: Vec<Move> = candidates(q, &constants)
                    .into_iter()
                    .map(Move::Answer)
                    .collect();
                if let Scoring::Jury { max } = &q.scoring {
                    let mut score = Num::zero();
                    while score <= *max {
                        moves.push(Move::Jury(score.clone()));
                        score = &score + &Num::from_int(1);
                    }
                }
                moves
            })
            .collect();
        let keeps_gates = |o: &Outcome<'_>| {
            o.levels
                .iter()
                .filter(|l| engine.model.levels.scheme.needs(level.number, l.number))
                .all(|l| l.gates.iter().all(|g| g.holds == Some(true)))
        };
        if level.by_conditions {
            conditions(engine, level.number, witness, &options, keeps_gates, &mut b);
            out.push(b);
            continue;
        }
        // Descend: each step takes the largest drop that stays at or above
        // the threshold with the gates holding.
        let mut answers = witness;
        let mut total = engine.score(&answers).map(|o| o.total).unwrap_or_default();
        // An explicit check, not part of `grille check`: it may take longer.
        let mut budget = BUDGET / engine.questions.len().max(1) * 40;
        loop {
            if total == level.min_total || budget == 0 {
                break;
            }
            let mut best: Option<(usize, Move, Num)> = None;
            for (i, q) in engine.questions.iter().enumerate() {
                for candidate in &options[i] {
                    if budget == 0 {
                        continue;
                    }
                    budget -= 1;
                    let undo = candidate.apply(&mut answers, q);
                    if let Ok(o) = engine.score(&answers) {
                        if o.total >= level.min_total
                            && o.total < total
                            && keeps_gates(&o)
                            && best.as_ref().is_none_or(|(_, _, t)| o.total < *t)
                        {
                            best = Some((i, candidate.clone(), o.total.clone()));
                        }
                    }
                    undo.apply(&mut answers, q);
                }
            }
            match best {
                Some((i, value, t)) => {
                    value.apply(&mut answers, engine.questions[i]);
                    total = t;
                }
                None => break,
            }
        }
        let Ok(at) = engine.score(&answers) else {
            out.push(b);
            continue;
        };
        b.at = Some((at.total.clone(), at.level));
        let expected = if next_threshold.as_ref().is_some_and(|n| at.total >= *n) {
            None
        } else {
            Some(level.number)
        };
        if at.level < level.number || expected.is_some_and(|e| at.level != e) {
            b.failures.push(format!(
                "at {} points, level {} instead of {}",
                at.total, at.level, level.number
            ));
        }
        // One step below: the smallest drop under the threshold, gates kept.
        let mut below: Option<(Num, u32)> = None;
        for (i, q) in engine.questions.iter().enumerate() {
            for candidate in &options[i] {
                let undo = candidate.apply(&mut answers, q);
                if let Ok(o) = engine.score(&answers) {
                    if o.total < level.min_total
                        && keeps_gates(&o)
                        && below.as_ref().is_none_or(|(t, _)| o.total > *t)
                    {
                        below = Some((o.total.clone(), o.level));
                    }
                }
                undo.apply(&mut answers, q);
            }
        }
        match &below {
            Some((t, l)) if *l >= level.number => {
                b.failures.push(format!(
                    "below the threshold, at {t} points, still level {l}"
                ));
            }
            // Nothing is below 0 points: such a threshold holds by definition.
            None if level.min_total.is_zero() => {
                b.note = Some("nothing is below 0 points: the threshold always holds".to_owned());
            }
            // The level's conditions need more points than its threshold:
            // the threshold is implied, not wrong.
            None => {
                b.note = Some(
                    "no answer set below the threshold keeps the level's conditions: they imply the threshold"
                        .to_owned(),
                );
            }
            _ => {}
        }
        b.below = below;
        out.push(b);
    }
    out
}

/// A level decided by its conditions alone: from an answer set that reaches
/// it, each single change that breaks one of its conditions must lose it.
fn conditions(
    engine: &Engine<'_>,
    number: u32,
    mut answers: Answers,
    options: &[Vec<Move>],
    keeps_gates: impl Fn(&Outcome<'_>) -> bool,
    b: &mut Boundary,
) {
    if let Ok(o) = engine.score(&answers) {
        b.at = Some((o.total.clone(), o.level));
    }
    let mut broken = None;
    for (i, q) in engine.questions.iter().enumerate() {
        for candidate in &options[i] {
            let undo = candidate.apply(&mut answers, q);
            if let Ok(o) = engine.score(&answers) {
                if !keeps_gates(&o) {
                    // Independent levels above may still be granted.
                    let cumulative = engine.model.levels.scheme == crate::model::Scheme::Cumulative;
                    if cumulative && o.level >= number {
                        b.failures.push(format!(
                            "with its conditions not met ({} answered otherwise), still level {}",
                            q.id, o.level
                        ));
                    } else if broken.is_none() {
                        broken = Some((o.total.clone(), o.level));
                    }
                }
            }
            undo.apply(&mut answers, q);
        }
    }
    b.failures.dedup();
    b.below = broken;
    if b.below.is_none() && b.failures.is_empty() {
        b.note = Some("no single answer changed breaks the level's conditions".to_owned());
    }
}

/// One change to an answer set: an answer, or the jury's score.
#[derive(Clone, Debug, PartialEq)]
enum Move {
    Answer(Option<Answer>),
    Jury(Num),
    NoJury,
}

impl Move {
    /// Applies the change; returns the change that undoes it.
    fn apply(&self, answers: &mut Answers, q: &Question) -> Move {
        match self {
            Move::Answer(value) => {
                let before = answers.values.get(&q.id).cloned();
                match value {
                    Some(v) => {
                        answers.values.insert(q.id.clone(), v.clone());
                    }
                    None => {
                        answers.values.remove(&q.id);
                    }
                }
                Move::Answer(before)
            }
            Move::Jury(score) => match answers.jury.insert(q.id.clone(), score.clone()) {
                Some(before) => Move::Jury(before),
                None => Move::NoJury,
            },
            Move::NoJury => match answers.jury.remove(&q.id) {
                Some(before) => Move::Jury(before),
                None => Move::NoJury,
            },
        }
    }
}
