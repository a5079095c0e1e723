//! Reachability of levels: for each level, an answer set that reaches it (a
//! witness), or the reason none can (see `proof.rs` for contradictory gates).

use super::{Answers, Engine, Outcome};
use crate::model::{Answer, CompareOp, Date, Expr, Kind, Question, Scoring, TextTest};
use crate::num::Num;
use std::collections::{BTreeMap, BTreeSet};

/// What the search concludes for a level.
pub enum Reach<'m> {
    /// An answer set that reaches the level (hidden questions' answers removed).
    Witness(Answers, Box<Outcome<'m>>),
    /// No answer set can reach the level, for this reason.
    Impossible(String),
    /// The search found none, without a proof that none exists.
    NotFound,
}

/// Rounds of improvement before giving up.
const ROUNDS: usize = 6;

/// Work allowed for the search, in question evaluations: scoring an answer
/// set costs one per question, so larger forms get fewer tries.
pub(super) const BUDGET: usize = 400_000;

/// Numbers tried for number questions, besides bounds, band edges and the
/// constants they are compared with.
const PROBES: &[i64] = &[0, 1, 2, 3, 5, 7, 9, 10, 20, 49, 50, 89, 90, 99, 100, 1000];

/// The answers each question may take in the search (`None`: unanswered).
pub(super) fn candidates(q: &Question, constants: &Constants) -> Vec<Option<Answer>> {
    let mut out: Vec<Option<Answer>> = match &q.kind {
        Kind::YesNo => vec![Some(Answer::Bool(true)), Some(Answer::Bool(false))],
        Kind::One { options } => options
            .iter()
            .map(|o| Some(Answer::Choice(o.id.clone())))
            .collect(),
        Kind::Many {
            options,
            max_choices,
            ..
        } => {
            let best = best_choices(options, *max_choices);
            let mut sets = vec![
                Some(Answer::Choices(best.clone())),
                Some(Answer::Choices(Vec::new())),
            ];
            for o in options {
                sets.push(Some(Answer::Choices(vec![o.id.clone()])));
                if !best.contains(&o.id)
                    && !o.exclusive
                    && max_choices.is_none_or(|m| best.len() < m as usize)
                {
                    let mut more = best.clone();
                    more.push(o.id.clone());
                    sets.push(Some(Answer::Choices(more)));
                }
                if best.contains(&o.id) && best.len() > 1 {
                    sets.push(Some(Answer::Choices(
                        best.iter().filter(|x| **x != o.id).cloned().collect(),
                    )));
                }
            }
            sets
        }
        Kind::Integer(_) | Kind::Decimal(_) | Kind::Percent(_) => numbers(q, constants)
            .into_iter()
            .map(|n| Some(Answer::Number(n)))
            .collect(),
        Kind::Date => {
            let mut dates = vec![Date {
                year: 2024,
                month: 1,
                day: 1,
            }];
            if let Some(cs) = constants.numbers.get(q.id.as_str()) {
                // Dates are compared as whole numbers of the form YYYYMMDD.
                dates.extend(cs.iter().filter_map(date_of));
            }
            dates.into_iter().map(|d| Some(Answer::Date(d))).collect()
        }
        Kind::Email | Kind::Url | Kind::Siret | Kind::Text | Kind::LongText => {
            let plain = match q.kind {
                Kind::Email => "exemple@example.org",
                Kind::Url => "https://example.org",
                Kind::Siret => "73282932000074",
                _ => "Exemple",
            };
            let tried = constants.texts.get(q.id.as_str());
            tried
                .into_iter()
                .flatten()
                .map(String::as_str)
                .chain([plain])
                .map(|t| Some(Answer::Text(t.to_owned())))
                .collect()
        }
    };
    out.push(None);
    out.dedup();
    out
}

fn date_of(n: &Num) -> Option<Date> {
    let text = n.to_decimal(0);
    (text.len() == 8)
        .then(|| Date::parse(&format!("{}-{}-{}", &text[..4], &text[4..6], &text[6..])))
        .flatten()
}

/// Values worth trying for a number question, within its bounds.
fn numbers(q: &Question, constants: &Constants) -> Vec<Num> {
    let (min, max) = super::answer::bounds(&q.kind);
    let integer = matches!(q.kind, Kind::Integer(_));
    let step = if integer {
        Num::from_int(1)
    } else {
        Num::parse("0.01").unwrap_or_default()
    };
    let mut values: BTreeSet<Num> = PROBES.iter().map(|&p| Num::from_int(p)).collect();
    if let Scoring::Bands { value: None, bands } = &q.scoring {
        for b in bands {
            values.insert(b.lower.clone());
            values.insert(&b.lower + &step);
            if let Some(u) = &b.upper {
                values.insert(u.clone());
                values.insert(u - &step);
            }
        }
    }
    for c in constants.numbers.get(q.id.as_str()).into_iter().flatten() {
        values.insert(c.clone());
        values.insert(c + &step);
        values.insert(c - &step);
    }
    values.extend(min.clone());
    values.extend(max.clone());
    values
        .into_iter()
        .filter(|v| !integer || v.is_integer())
        .filter(|v| min.as_ref().is_none_or(|m| v >= m) && max.as_ref().is_none_or(|m| v <= m))
        .collect()
}

fn best_choices(options: &[crate::model::Choice], max_choices: Option<u32>) -> Vec<String> {
    let mut positive: Vec<&crate::model::Choice> = options
        .iter()
        .filter(|o| !o.exclusive && o.points > Num::zero())
        .collect();
    positive.sort_by(|a, b| b.points.cmp(&a.points));
    positive.truncate(max_choices.map_or(usize::MAX, |m| m as usize));
    positive.into_iter().map(|o| o.id.clone()).collect()
}

/// What the search tries for each question, found in the model's
/// expressions.
#[derive(Default)]
pub(super) struct Constants {
    /// The numbers each question is compared with (dates as whole numbers
    /// `YYYYMMDD`).
    pub numbers: BTreeMap<String, BTreeSet<Num>>,
    /// Texts for each text question: first one that passes every text test
    /// of the model at once, then each test's own text and lengths.
    pub texts: BTreeMap<String, Vec<String>>,
}

/// The constants each question is compared with, anywhere in the model.
pub(super) fn constants_by_question(engine: &Engine<'_>) -> Constants {
    let mut out = Constants::default();
    // Per text question: the start it must have, the parts it must contain,
    // the lengths it is compared with.
    let mut prefix: BTreeMap<String, String> = BTreeMap::new();
    let mut parts: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut lengths: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for e in engine.model.expressions() {
        e.visit(&mut |node| match node {
            Expr::Compare(_, a, b) => {
                for (x, y) in [(a, b), (b, a)] {
                    let constant = match &**y {
                        Expr::Number(n) => Some(n.clone()),
                        Expr::Date(d) => Some(Num::from_int(
                            i64::from(d.year) * 10_000
                                + i64::from(d.month) * 100
                                + i64::from(d.day),
                        )),
                        _ => None,
                    };
                    match (&**x, constant) {
                        (Expr::Answer(q), Some(c)) => {
                            out.numbers.entry(q.clone()).or_default().insert(c);
                        }
                        (Expr::Length(t), Some(c)) => {
                            if let (Expr::Answer(q), Some(n)) =
                                (&**t, c.to_decimal(0).parse::<usize>().ok())
                            {
                                lengths.entry(q.clone()).or_default().extend([
                                    n.saturating_sub(1),
                                    n,
                                    n + 1,
                                ]);
                            }
                        }
                        _ => {}
                    }
                }
            }
            Expr::TextTest(test, t) => {
                if let Expr::Answer(q) = &**t {
                    match test {
                        TextTest::StartsWith(p) => {
                            prefix.entry(q.clone()).or_insert_with(|| p.clone());
                        }
                        TextTest::Contains(p) => {
                            parts.entry(q.clone()).or_default().push(p.clone())
                        }
                        TextTest::Url => parts
                            .entry(q.clone())
                            .or_default()
                            .push("https://example.org".to_owned()),
                    }
                }
            }
            _ => {}
        });
    }
    let ids: BTreeSet<&String> = prefix
        .keys()
        .chain(parts.keys())
        .chain(lengths.keys())
        .collect();
    for id in ids {
        let start = prefix.get(id);
        let inner = parts.get(id).map(Vec::as_slice).unwrap_or_default();
        let mut all: Vec<&str> = start.map(String::as_str).into_iter().collect();
        all.extend(inner.iter().map(String::as_str));
        let mut texts = vec![all.join(" ")];
        if let Some(p) = start {
            texts.push(format!("{p}example.org"));
        }
        texts.extend(all.iter().map(|t| (*t).to_owned()));
        for &n in lengths.get(id).into_iter().flatten() {
            texts.push("x".repeat(n));
        }
        texts.retain(|t| !t.is_empty());
        texts.dedup();
        out.texts.insert(id.clone(), texts);
    }
    out
}

/// The gates holding, the total, the level reached, and the outcome.
type Rank<'m> = (usize, Num, u32, Outcome<'m>);

/// How good an answer set is for reaching `level`: the gates it needs that
/// hold, then the total; `None` when it is invalid.
fn rank<'m>(engine: &Engine<'m>, answers: &Answers, level: u32) -> Option<Rank<'m>> {
    let outcome = engine.score(answers).ok()?;
    let gates = outcome
        .levels
        .iter()
        .filter(|l| engine.model.levels.scheme.needs(level, l.number))
        .flat_map(|l| &l.gates)
        .filter(|g| g.holds == Some(true))
        .count();
    Some((gates, outcome.total.clone(), outcome.level, outcome))
}

/// Looks for an answer set reaching `level`.
pub fn reach<'m>(engine: &Engine<'m>, level: u32) -> Reach<'m> {
    let Some(target) = engine
        .model
        .levels
        .levels
        .iter()
        .find(|l| l.number == level)
    else {
        return Reach::Impossible(format!("there is no level {level}"));
    };
    if target.min_total > engine.model.max {
        return Reach::Impossible(format!(
            "it needs {} points, but the maximum total is {}",
            target.min_total, engine.model.max
        ));
    }
    if let Some(reason) = super::proof::contradiction(engine, level) {
        return Reach::Impossible(reason);
    }
    let constants = constants_by_question(engine);
    // Start from every question's best-scoring answer.
    let mut answers = Answers::default();
    for q in &engine.questions {
        set(&mut answers, q, start(q, &constants));
    }
    let checks = HardChecks::new(engine);
    for q in &engine.questions {
        if let Scoring::Bands {
            value: Some(value),
            bands,
        } = &q.scoring
        {
            best_inputs(engine, value, bands, &constants, &checks, &mut answers);
        }
    }
    let mut current = rank(engine, &answers, level);
    let mut budget = BUDGET / engine.questions.len().max(1);
    // The answers each question may take, listed when the search needs them.
    let mut options: Vec<Option<Vec<Option<Answer>>>> = vec![None; engine.questions.len()];
    for _ in 0..ROUNDS {
        if let Some((_, _, reached, _)) = &current {
            if *reached >= level {
                break;
            }
        }
        let mut improved = false;
        for (i, q) in engine.questions.iter().enumerate() {
            let before = answers.values.get(&q.id).cloned();
            let mut best: Option<(Option<Answer>, Rank<'m>)> = None;
            let listed = options[i].get_or_insert_with(|| candidates(q, &constants));
            for candidate in listed.iter() {
                if *candidate == before {
                    continue;
                }
                if budget == 0 {
                    break;
                }
                budget -= 1;
                set(&mut answers, q, candidate.clone());
                if let Some(r) = rank(engine, &answers, level) {
                    let better_than =
                        |other: &(usize, Num, u32, Outcome)| (r.0, &r.1) > (other.0, &other.1);
                    if current.as_ref().is_none_or(better_than)
                        && best.as_ref().is_none_or(|(_, b)| better_than(b))
                    {
                        best = Some((candidate.clone(), r));
                    }
                }
            }
            match best {
                Some((value, r)) => {
                    set(&mut answers, q, value);
                    current = Some(r);
                    improved = true;
                }
                None => set(&mut answers, q, before),
            }
        }
        if !improved {
            break;
        }
    }
    match current {
        Some((_, _, reached, outcome)) if reached >= level => {
            let shown: BTreeSet<&str> = outcome
                .questions
                .iter()
                .filter(|r| r.shown)
                .map(|r| r.id)
                .collect();
            let mut witness = answers.clone();
            witness.values.retain(|id, _| shown.contains(id.as_str()));
            witness.jury.retain(|id, _| shown.contains(id.as_str()));
            // Hidden answers are ignored: removing none changes nothing.
            if witness == answers {
                return Reach::Witness(witness, Box::new(outcome));
            }
            match engine.score(&witness) {
                Ok(o) if o.level >= level => Reach::Witness(witness, Box::new(o)),
                _ => Reach::NotFound,
            }
        }
        _ => Reach::NotFound,
    }
}

/// Looks for an answer set at `level` exactly, not above: from an answer
/// set reaching it (none for level 0), answers are lowered one question at
/// a time while the level stays at or above `level`.
pub fn reach_exactly<'m>(engine: &Engine<'m>, level: u32) -> Reach<'m> {
    let start = if level == 0 {
        if let Some(first) = engine.model.levels.levels.first() {
            if first.min_total.is_zero() && first.gates.is_empty() {
                return Reach::Impossible(format!(
                    "level {} « {} » needs 0 points and no condition: every answer set reaches it",
                    first.number, first.name
                ));
            }
        }
        let empty = Answers::default();
        match engine.score(&empty) {
            Ok(o) if o.level == 0 => return Reach::Witness(empty, Box::new(o)),
            Ok(_) => empty,
            // Unanswered, the set is refused: start from the highest level.
            Err(_) => match engine
                .model
                .levels
                .levels
                .last()
                .map(|l| reach(engine, l.number))
            {
                Some(Reach::Witness(answers, _)) => answers,
                _ => return Reach::NotFound,
            },
        }
    } else {
        match reach(engine, level) {
            Reach::Witness(answers, outcome) if outcome.level == level => {
                return Reach::Witness(answers, outcome)
            }
            Reach::Witness(answers, _) => answers,
            other => return other,
        }
    };
    let constants = constants_by_question(engine);
    let mut answers = start;
    let Ok(mut current) = engine.score(&answers) else {
        return Reach::NotFound;
    };
    let mut budget = BUDGET / engine.questions.len().max(1);
    for _ in 0..ROUNDS * 4 {
        if current.level == level {
            break;
        }
        let mut improved = false;
        for q in &engine.questions {
            let before = answers.values.get(&q.id).cloned();
            let mut best: Option<(Option<Answer>, Outcome<'m>)> = None;
            for candidate in candidates(q, &constants) {
                if candidate == before || budget == 0 {
                    continue;
                }
                budget -= 1;
                set(&mut answers, q, candidate.clone());
                if let Ok(o) = engine.score(&answers) {
                    let lower =
                        |than: &Outcome<'_>| (o.level, &o.total) < (than.level, &than.total);
                    if o.level >= level
                        && lower(&current)
                        && best.as_ref().is_none_or(|(_, b)| lower(b))
                    {
                        best = Some((candidate, o));
                    }
                }
            }
            match best {
                Some((value, o)) => {
                    set(&mut answers, q, value);
                    current = o;
                    improved = true;
                    if current.level == level {
                        break;
                    }
                }
                None => set(&mut answers, q, before),
            }
        }
        if !improved {
            break;
        }
    }
    if current.level != level {
        return Reach::NotFound;
    }
    // Hidden answers are ignored: they are left out.
    let shown: BTreeSet<&str> = current
        .questions
        .iter()
        .filter(|r| r.shown)
        .map(|r| r.id)
        .collect();
    answers.values.retain(|id, _| shown.contains(id.as_str()));
    answers.jury.retain(|id, _| shown.contains(id.as_str()));
    match engine.score(&answers) {
        Ok(o) if o.level == level => Reach::Witness(answers, Box::new(o)),
        _ => Reach::NotFound,
    }
}

/// The hard checks of a questionnaire, with the questions each reads.
struct HardChecks<'m> {
    checks: Vec<(&'m Expr, Vec<&'m str>)>,
    /// For each question, the checks that read it.
    by_question: std::collections::HashMap<&'m str, Vec<usize>>,
}

impl<'m> HardChecks<'m> {
    fn new(engine: &Engine<'m>) -> HardChecks<'m> {
        let mut checks = Vec::new();
        let mut by_question: std::collections::HashMap<&'m str, Vec<usize>> =
            std::collections::HashMap::new();
        let model: &'m crate::model::Model = engine.model;
        for check in model
            .sections
            .iter()
            .flat_map(|s| s.checks.iter().chain(s.questions().flat_map(|q| &q.checks)))
            .filter(|c| !c.soft)
        {
            let mut read = Vec::new();
            reads(engine, &check.expr, &mut read, 0);
            read.sort_unstable();
            read.dedup();
            for q in &read {
                by_question.entry(q).or_default().push(checks.len());
            }
            checks.push((&check.expr, read));
        }
        HardChecks {
            checks,
            by_question,
        }
    }

    /// The checks that read only these questions.
    fn within(&self, inputs: &[&str]) -> Vec<&'m Expr> {
        let mut found: Vec<usize> = inputs
            .iter()
            .flat_map(|q| self.by_question.get(q).into_iter().flatten().copied())
            .filter(|&i| self.checks[i].1.iter().all(|r| inputs.contains(r)))
            .collect();
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|i| self.checks[i].0).collect()
    }
}

/// Chooses the number answers a banded value reads (`100 * L2 / L1`) so that
/// it falls in its best band while the checks on those answers hold.
fn best_inputs(
    engine: &Engine<'_>,
    value: &Expr,
    bands: &[crate::model::Band],
    constants: &Constants,
    hard: &HardChecks<'_>,
    answers: &mut Answers,
) {
    let mut inputs: Vec<&str> = Vec::new();
    reads(engine, value, &mut inputs, 0);
    inputs.sort_unstable();
    inputs.dedup();
    let questions: Vec<&Question> = inputs
        .iter()
        .filter_map(|id| engine.index.get(id).map(|&i| engine.questions[i]))
        .collect();
    if questions.is_empty()
        || questions.len() > 3
        || questions.iter().any(|q| q.kind.bounds().is_none())
    {
        return;
    }
    let checks = hard.within(&inputs);
    let values: Vec<Vec<Num>> = questions.iter().map(|q| numbers(q, constants)).collect();
    let top = bands
        .iter()
        .map(|b| b.points.clone())
        .max()
        .unwrap_or_default();
    let mut best: Option<(Num, Vec<Num>)> = None;
    let mut pick = vec![0usize; questions.len()];
    loop {
        let assignment: BTreeMap<&str, Num> = questions
            .iter()
            .zip(&pick)
            .enumerate()
            .map(|(k, (q, &p))| (q.id.as_str(), values[k][p].clone()))
            .collect();
        let checks_hold = checks
            .iter()
            .all(|c| holds(engine, c, &assignment) != Some(false));
        if let (true, Some(v)) = (checks_hold, number(engine, value, &assignment)) {
            let points = bands
                .iter()
                .find(|b| b.contains(&v))
                .map(|b| b.points.clone())
                .unwrap_or_default();
            if best.as_ref().is_none_or(|(p, _)| points > *p) {
                let done = points >= top;
                best = Some((points, assignment.values().cloned().collect()));
                if done {
                    break;
                }
            }
        }
        // Next combination.
        let mut k = 0;
        while k < pick.len() {
            pick[k] += 1;
            if pick[k] < values[k].len() {
                break;
            }
            pick[k] = 0;
            k += 1;
        }
        if k == pick.len() {
            break;
        }
    }
    if let Some((_, chosen)) = best {
        for (id, n) in inputs.iter().zip(chosen) {
            answers.values.insert((*id).to_owned(), Answer::Number(n));
        }
    }
}

/// The questions an expression reads, through computed values.
fn reads<'m>(engine: &Engine<'m>, e: &'m Expr, out: &mut Vec<&'m str>, depth: usize) {
    e.visit(&mut |node| match node {
        Expr::Answer(q) => out.push(q),
        Expr::Computed(c) if depth < 16 => {
            if let Some(c) = engine.computed.get(c.as_str()) {
                reads(engine, &c.expr, out, depth + 1);
            }
        }
        _ => {}
    });
}

/// A numeric expression's value under an assignment of number answers.
fn number(engine: &Engine<'_>, e: &Expr, values: &BTreeMap<&str, Num>) -> Option<Num> {
    match e {
        Expr::Number(n) => Some(n.clone()),
        Expr::Answer(q) => values.get(q.as_str()).cloned(),
        Expr::Computed(c) => number(engine, &engine.computed.get(c.as_str())?.expr, values),
        Expr::Neg(x) => Some(-&number(engine, x, values)?),
        Expr::Arith(op, a, b) => {
            let (a, b) = (number(engine, a, values)?, number(engine, b, values)?);
            match op {
                crate::model::ArithOp::Add => Some(&a + &b),
                crate::model::ArithOp::Sub => Some(&a - &b),
                crate::model::ArithOp::Mul => Some(&a * &b),
                crate::model::ArithOp::Div => a.checked_div(&b),
            }
        }
        _ => None,
    }
}

/// Whether a numeric condition holds under an assignment (`None`: unknown).
fn holds(engine: &Engine<'_>, e: &Expr, values: &BTreeMap<&str, Num>) -> Option<bool> {
    match e {
        Expr::Compare(op, a, b) => {
            let o = number(engine, a, values)?.cmp(&number(engine, b, values)?);
            Some(match op {
                CompareOp::Eq => o.is_eq(),
                CompareOp::Ne => o.is_ne(),
                CompareOp::Lt => o.is_lt(),
                CompareOp::Le => o.is_le(),
                CompareOp::Gt => o.is_gt(),
                CompareOp::Ge => o.is_ge(),
            })
        }
        Expr::And(a, b) => Some(holds(engine, a, values)? && holds(engine, b, values)?),
        Expr::Or(a, b) => Some(holds(engine, a, values)? || holds(engine, b, values)?),
        Expr::Not(x) => Some(!holds(engine, x, values)?),
        _ => None,
    }
}

/// A question's best-scoring answer on its own, to start the search from:
/// the best option or combination, a number in the best band, a plausible
/// value for unscored questions.
fn start(q: &Question, constants: &Constants) -> Option<Answer> {
    match (&q.kind, &q.scoring) {
        (Kind::YesNo, Scoring::YesNo { yes, no }) => Some(Answer::Bool(yes >= no)),
        (Kind::YesNo, _) => Some(Answer::Bool(true)),
        (Kind::One { options }, _) => options
            .iter()
            .max_by(|a, b| a.points.cmp(&b.points).then(std::cmp::Ordering::Greater))
            .map(|o| Answer::Choice(o.id.clone())),
        (
            Kind::Many {
                options,
                max_choices,
                ..
            },
            _,
        ) => {
            let best = best_choices(options, *max_choices);
            let exclusive = options
                .iter()
                .filter(|o| o.exclusive)
                .max_by(|a, b| a.points.cmp(&b.points));
            let combined: Num = best.iter().map(|id| option(q, id)).sum();
            Some(Answer::Choices(match exclusive {
                Some(x) if x.points > combined => vec![x.id.clone()],
                _ => best,
            }))
        }
        (
            Kind::Integer(_) | Kind::Decimal(_) | Kind::Percent(_),
            Scoring::Bands { value: None, .. },
        ) => candidates(q, constants)
            .into_iter()
            .max_by_key(|c| points_alone(q, c.as_ref()))
            .flatten(),
        (Kind::Integer(_) | Kind::Decimal(_) | Kind::Percent(_), _) => {
            let (min, max) = super::answer::bounds(&q.kind);
            let one = Num::from_int(1);
            let value = match (min, max) {
                (Some(lo), Some(hi)) => one.max(lo).min(hi),
                (Some(lo), None) => one.max(lo),
                (None, Some(hi)) => one.min(hi),
                (None, None) => one,
            };
            Some(Answer::Number(value))
        }
        _ => candidates(q, constants).into_iter().next().flatten(),
    }
}

/// The points a question's answer earns on its own (its conditions aside).
fn points_alone(q: &Question, answer: Option<&Answer>) -> Num {
    let zero = Num::zero();
    match (&q.scoring, answer) {
        (Scoring::Jury { max }, _) => max.clone(),
        (_, None) => zero,
        (Scoring::YesNo { yes, no }, Some(Answer::Bool(b))) => {
            if *b {
                yes.clone()
            } else {
                no.clone()
            }
        }
        (Scoring::Choices { .. }, Some(Answer::Choice(id))) => option(q, id),
        (Scoring::Choices { cap }, Some(Answer::Choices(ids))) => {
            let sum: Num = ids.iter().map(|id| option(q, id)).sum();
            cap.clone().map_or(sum.clone(), |c| sum.min(c))
        }
        (Scoring::Bands { value: None, bands }, Some(Answer::Number(n))) => bands
            .iter()
            .find(|b| b.contains(n))
            .map(|b| b.points.clone())
            .unwrap_or(zero),
        _ => zero,
    }
}

fn option(q: &Question, id: &str) -> Num {
    q.kind
        .options()
        .iter()
        .find(|o| o.id == id)
        .map(|o| o.points.clone())
        .unwrap_or_default()
}

/// Sets a question's answer; a jury question gets full marks unless the
/// jury's score was already chosen.
fn set(answers: &mut Answers, q: &Question, value: Option<Answer>) {
    if let Scoring::Jury { max } = &q.scoring {
        answers
            .jury
            .entry(q.id.clone())
            .or_insert_with(|| max.clone());
    }
    match value {
        Some(v) => {
            answers.values.insert(q.id.clone(), v);
        }
        None => {
            answers.values.remove(&q.id);
        }
    }
}
