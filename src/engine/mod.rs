//! The scoring engine: from a validated model and an answer set to a total,
//! section scores and a level, for reasons that can be explained.

pub mod answer;
pub mod answers;
pub mod boundaries;
pub mod csv;
mod eval;
pub mod examples;
pub mod explain;
pub mod fields;
mod outcome;
mod problem;
pub mod proof;
mod value;
pub mod witness;

pub use answers::Answers;
pub use outcome::{
    Detail, GateResult, LevelResult, MentionResult, Outcome, Provisional, QuestionResult,
    SectionResult,
};
pub use problem::{Kind as ProblemKind, Problem};

use crate::model::{Answer, Item, Kind, Model, Question, Scheme, Scoring};
use crate::num::Num;
use eval::Run;

/// A fast hash map for short ids: lookups are on the hot path of scoring,
/// and ids come from the questionnaire, not from an attacker.
type IdMap<'m, V> = rustc_hash::FxHashMap<&'m str, V>;

/// A questionnaire prepared for scoring many answer sets.
pub struct Engine<'m> {
    pub model: &'m Model,
    questions: Vec<&'m Question>,
    /// Question index by id.
    index: IdMap<'m, usize>,
    /// Each question's section.
    section_of: Vec<usize>,
    computed: IdMap<'m, &'m crate::model::Computed>,
    /// Section index by id.
    section_index: IdMap<'m, usize>,
    /// Whether outcomes carry the values each gate reads, for explanations.
    details: bool,
    /// Whether outcomes carry warnings (a search for answer sets needs none).
    warn: bool,
}

impl<'m> Engine<'m> {
    pub fn new(model: &'m Model) -> Engine<'m> {
        let mut questions = Vec::new();
        let mut section_of = Vec::new();
        for (s, section) in model.sections.iter().enumerate() {
            for q in section.questions() {
                questions.push(q);
                section_of.push(s);
            }
        }
        let index = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let computed = model.computed.iter().map(|c| (c.id.as_str(), c)).collect();
        let section_index = model
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        Engine {
            model,
            questions,
            index,
            section_of,
            computed,
            section_index,
            details: false,
            warn: true,
        }
    }

    /// The same engine, without warnings in outcomes: for searches that
    /// score many answer sets and read only their totals and levels.
    #[must_use]
    pub fn quiet(mut self) -> Engine<'m> {
        self.warn = false;
        self
    }

    /// The same engine, recording what explanations need (each gate's values).
    #[must_use]
    pub fn explaining(mut self) -> Engine<'m> {
        self.details = true;
        self
    }

    /// Scores an answer set as read: invalid when it had problems, which are
    /// reported with any hard check that fails on the answers that were valid.
    ///
    /// # Errors
    /// Every problem of the answer set.
    pub fn score_read(&self, read: &answers::Read) -> Result<Outcome<'m>, Vec<Problem>> {
        // A failed check points at its question's answer in the file.
        let placed = |problems: Vec<Problem>| {
            problems.into_iter().map(|p| {
                let at = p
                    .question
                    .as_ref()
                    .and_then(|q| read.places.get(q))
                    .cloned();
                if p.at.is_none() {
                    p.placed(at)
                } else {
                    p
                }
            })
        };
        let result = self.score(&read.answers).map_err(|p| placed(p).collect());
        if read.problems.is_empty() {
            return result;
        }
        let mut problems = read.problems.clone();
        if let Err(more) = result {
            problems.extend(more);
        }
        Err(problems)
    }

    /// Scores a validated answer set. Fails, with every problem, when a hard
    /// check fails or a computed value leaves its declared range.
    ///
    /// # Errors
    /// The problems that make the answer set invalid.
    pub fn score(&self, answers: &Answers) -> Result<Outcome<'m>, Vec<Problem>> {
        let run = Run::new(self, answers);
        let mut warnings = self.ignored(&run, answers);
        let problems = self.failed_checks(&run, &mut warnings);
        if !problems.is_empty() {
            return Err(problems);
        }
        let questions: Vec<QuestionResult<'m>> = self
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| self.question_result(&run, i, q))
            .collect();
        warnings.extend(self.unanswered(&run, answers));
        let sections = self.sections(&run, &questions);
        let total: Num = sections.iter().map(|s| s.score.clone()).sum();
        let levels = self.levels(&run, &sections, &total);
        let level = granted(self.model.levels.scheme, &levels);
        let provisional = self.provisional(&run, &questions, &sections);
        let mentions = self.mentions(&run, &sections, &total, level, answers);
        Ok(Outcome {
            total,
            max: self.model.max.clone(),
            level,
            level_name: self.level_name(level),
            sections,
            questions,
            levels,
            mentions,
            provisional,
            warnings,
        })
    }

    /// A warning for each answer to a question that is not shown.
    fn ignored(&self, run: &Run<'_>, answers: &Answers) -> Vec<String> {
        let mut warnings = Vec::new();
        for (id, _) in answers.values.iter().filter(|_| self.warn) {
            if let Some(&i) = self.index.get(id.as_str()) {
                if !run.visible[i] {
                    let q = self.questions[i];
                    warnings.push(format!(
                        "the answer to `{id}` is ignored: {}",
                        hidden_reason(self, q, run)
                    ));
                }
            }
        }
        warnings
    }

    /// A problem for each hard check that fails, a warning for each soft
    /// one; then a problem for each computed value out of its range (which
    /// follows from a failed check, so it is said only alone).
    fn failed_checks(&self, run: &Run<'_>, warnings: &mut Vec<String>) -> Vec<Problem> {
        let mut problems = Vec::new();
        for section in &self.model.sections {
            let checks =
                section
                    .checks
                    .iter()
                    .chain(section.items.iter().flat_map(|item| match item {
                        Item::Question(q) => q.checks.as_slice(),
                        Item::Note(_) => &[],
                    }));
            for check in checks {
                if run.eval(&check.expr).truth() == Some(false) {
                    if check.soft {
                        warnings.push(check.message.clone());
                    } else {
                        problems.push(Problem {
                            kind: ProblemKind::Check,
                            question: check_owner(section, check),
                            message: check.message.clone(),
                            at: None,
                        });
                    }
                }
            }
        }
        let checks_failed = !problems.is_empty();
        for c in self.model.computed.iter().filter(|_| !checks_failed) {
            if let (Some((lo, hi)), Some(value)) = (&c.range, run.number(&c.expr)) {
                if value < *lo || value > *hi {
                    problems.push(Problem::general(
                        ProblemKind::Computed,
                        format!(
                            "the computed value `{}` is {value}, outside its range {lo}..{hi}",
                            c.id
                        ),
                    ));
                }
            }
        }
        problems
    }

    /// The required questions these answers show but do not answer (an
    /// application is not sent without them).
    pub fn missing(&self, answers: &Answers) -> Vec<&'m Question> {
        self.unanswered_required(&Run::new(self, answers), answers)
    }

    fn unanswered_required(&self, run: &Run<'_>, answers: &Answers) -> Vec<&'m Question> {
        self.questions
            .iter()
            .enumerate()
            .filter(|(i, q)| q.required && run.visible[*i] && !answers.values.contains_key(&q.id))
            .map(|(_, q)| *q)
            .collect()
    }

    /// A warning naming the required questions shown but not answered.
    fn unanswered(&self, run: &Run<'_>, answers: &Answers) -> Option<String> {
        if !self.warn {
            return None;
        }
        let unanswered: Vec<String> = self
            .unanswered_required(run, answers)
            .iter()
            .map(|q| format!("`{}` ({})", q.id, q.number))
            .collect();
        (!unanswered.is_empty())
            .then(|| format!("required questions not answered: {}", unanswered.join(", ")))
    }

    /// Each section's score: the sum of its questions' points.
    fn sections(&self, run: &Run<'_>, questions: &[QuestionResult<'m>]) -> Vec<SectionResult<'m>> {
        let mut sections: Vec<SectionResult<'m>> = self
            .model
            .sections
            .iter()
            .enumerate()
            .map(|(s, section)| SectionResult {
                id: &section.id,
                score: Num::zero(),
                max: section.max.clone(),
                shown: run.section_visible[s],
            })
            .collect();
        for (i, result) in questions.iter().enumerate() {
            sections[self.section_of[i]].score =
                &sections[self.section_of[i]].score + &result.points;
        }
        sections
    }

    /// With jury scores missing, the level could still rise up to what full
    /// marks would give: how high.
    fn provisional(
        &self,
        run: &Run<'_>,
        questions: &[QuestionResult<'m>],
        sections: &[SectionResult<'m>],
    ) -> Option<Provisional<'m>> {
        let missing: Vec<&QuestionResult<'m>> = questions
            .iter()
            .filter(|r| matches!(r.detail, Detail::Jury(None)) && r.shown)
            .collect();
        (!missing.is_empty()).then(|| {
            let mut best = sections.to_vec();
            for r in &missing {
                let s = self.section_of[self.index[r.id]];
                best[s].score = &best[s].score + &r.max;
            }
            let best_total: Num = best.iter().map(|s| s.score.clone()).sum();
            let best_levels = self.levels(run, &best, &best_total);
            Provisional {
                missing: missing.iter().map(|r| r.id).collect(),
                highest_level: granted(self.model.levels.scheme, &best_levels),
                highest_total: best_total,
            }
        })
    }

    /// What the engine decides for an answer set before scoring: which
    /// sections, questions and notes are shown, each computed value and each
    /// check's outcome. The HTML form's evaluator must decide the same.
    pub fn trace(&self, answers: &Answers) -> serde_json::Value {
        let run = Run::new(self, answers);
        let truth = |v: value::Value<'_>| match v {
            value::Value::Bool(b) => serde_json::json!(b),
            _ => serde_json::Value::Null,
        };
        let mut notes = Vec::new();
        let mut checks = Vec::new();
        for (s, section) in self.model.sections.iter().enumerate() {
            checks.extend(section.checks.iter().map(|c| truth(run.eval(&c.expr))));
            for item in &section.items {
                match item {
                    Item::Note(n) => notes.push(
                        run.section_visible[s]
                            && n.when
                                .as_ref()
                                .is_none_or(|w| run.eval(w).truth() == Some(true)),
                    ),
                    Item::Question(q) => {
                        checks.extend(q.checks.iter().map(|c| truth(run.eval(&c.expr))))
                    }
                }
            }
        }
        let computed: Vec<serde_json::Value> = self
            .model
            .computed
            .iter()
            .map(|c| match run.eval(&c.expr) {
                value::Value::Num(n) => serde_json::json!(n.to_fraction()),
                value::Value::Bool(b) => serde_json::json!(b),
                _ => serde_json::Value::Null,
            })
            .collect();
        serde_json::json!({
            "sections": run.section_visible,
            "questions": run.visible,
            "notes": notes,
            "computed": computed,
            "checks": checks,
        })
    }

    /// The name of a level (0: the questionnaire's name for « not labelled »).
    pub fn level_name(&self, level: u32) -> Option<&'m str> {
        if level == 0 {
            self.model.levels.unlabelled.as_deref()
        } else {
            self.model
                .levels
                .levels
                .iter()
                .find(|l| l.number == level)
                .map(|l| l.name.as_str())
        }
    }

    fn question_result(&self, run: &Run<'_>, i: usize, q: &'m Question) -> QuestionResult<'m> {
        let answer = run.answer(i);
        let shown = run.visible[i];
        let (points, detail) = if !shown {
            (Num::zero(), Detail::Hidden)
        } else {
            self.points(run, q, answer)
        };
        QuestionResult {
            id: &q.id,
            number: &q.number,
            shown,
            answered: answer.is_some(),
            points,
            max: q.max.clone(),
            detail,
        }
    }

    /// The points a shown question earns, and how.
    fn points(&self, run: &Run<'_>, q: &'m Question, answer: Option<&Answer>) -> (Num, Detail<'m>) {
        let zero = Num::zero();
        match (&q.scoring, answer) {
            (Scoring::Jury { .. }, _) => match run.answers.jury.get(&q.id) {
                Some(score) => (score.clone(), Detail::Jury(Some(score.clone()))),
                None => (zero, Detail::Jury(None)),
            },
            (
                Scoring::Bands {
                    value: Some(value),
                    bands,
                },
                _,
            ) => match run.number(value) {
                Some(v) => band_points(bands, v, Some(value)),
                None => (zero, Detail::Unknown),
            },
            (_, None) => (zero, Detail::Unanswered),
            (Scoring::None, Some(_)) => (zero, Detail::NotScored),
            (Scoring::YesNo { yes, no }, Some(Answer::Bool(b))) => {
                (if *b { yes.clone() } else { no.clone() }, Detail::YesNo(*b))
            }
            (Scoring::Choices { cap }, Some(Answer::Choice(id))) => {
                let points = option_points(&q.kind, id);
                let capped = cap.as_ref().is_some_and(|c| points > *c);
                let points = match cap {
                    Some(c) if capped => c.clone(),
                    _ => points,
                };
                (points, Detail::Choice(option_id(&q.kind, id)))
            }
            (Scoring::Choices { cap }, Some(Answer::Choices(ids))) => {
                let sum: Num = ids.iter().map(|id| option_points(&q.kind, id)).sum();
                let capped = cap.as_ref().is_some_and(|c| sum > *c);
                let points = match cap {
                    Some(c) if capped => c.clone(),
                    _ => sum.clone(),
                };
                let chosen = if self.details {
                    ids.iter().map(|id| option_id(&q.kind, id)).collect()
                } else {
                    Vec::new()
                };
                let detail = Detail::Choices {
                    chosen,
                    sum,
                    cap: cap.clone().filter(|_| capped),
                };
                (points, detail)
            }
            (Scoring::Bands { value: None, bands }, Some(Answer::Number(n))) => {
                band_points(bands, n.clone(), None)
            }
            (_, Some(_)) => (zero, Detail::NotScored),
        }
    }

    /// Each level with its threshold and gates evaluated.
    fn levels(
        &self,
        run: &Run<'_>,
        sections: &[SectionResult<'m>],
        total: &Num,
    ) -> Vec<LevelResult<'m>> {
        let scores: Vec<Num> = sections.iter().map(|s| s.score.clone()).collect();
        let scored = run.with_scores(scores, total.clone());
        self.model
            .levels
            .levels
            .iter()
            .map(|level| {
                let gates = level
                    .gates
                    .iter()
                    .map(|gate| GateResult {
                        source: &gate.source,
                        holds: scored.eval(&gate.expr).truth(),
                        values: if self.details {
                            explain::gate_values(&gate.expr, &scored, self.model)
                        } else {
                            Vec::new()
                        },
                    })
                    .collect();
                LevelResult {
                    number: level.number,
                    name: &level.name,
                    min_total: level.min_total.clone(),
                    total_reached: *total >= level.min_total,
                    gates,
                }
            })
            .collect()
    }
}

impl<'m> Engine<'m> {
    /// Each mention: its rule evaluated once the level is known, or the
    /// jury's decision.
    fn mentions(
        &self,
        run: &Run<'_>,
        sections: &[SectionResult<'m>],
        total: &Num,
        level: u32,
        answers: &Answers,
    ) -> Vec<MentionResult<'m>> {
        let scores: Vec<Num> = sections.iter().map(|s| s.score.clone()).collect();
        let known = run.with_scores(scores, total.clone()).with_level(level);
        self.model
            .mentions
            .iter()
            .map(|m| match &m.rule {
                Some(rule) => MentionResult {
                    id: &m.id,
                    label: &m.label,
                    awarded: Some(known.eval(rule).truth() == Some(true)),
                    values: if self.details {
                        explain::gate_values(rule, &known, self.model)
                    } else {
                        Vec::new()
                    },
                },
                None => MentionResult {
                    id: &m.id,
                    label: &m.label,
                    awarded: answers.decisions.get(&m.id).copied(),
                    values: Vec::new(),
                },
            })
            .collect()
    }
}

/// The highest level granted under a scheme (0 when none).
fn granted(scheme: Scheme, levels: &[LevelResult<'_>]) -> u32 {
    let own = |l: &LevelResult| l.total_reached && l.gates.iter().all(|g| g.holds == Some(true));
    match scheme {
        Scheme::Cumulative => {
            let mut level = 0;
            let mut gates_so_far = true;
            for l in levels {
                gates_so_far &= l.gates.iter().all(|g| g.holds == Some(true));
                if l.total_reached && gates_so_far {
                    level = l.number;
                }
            }
            level
        }
        Scheme::Independent => levels
            .iter()
            .filter(|l| own(l))
            .map(|l| l.number)
            .max()
            .unwrap_or(0),
    }
}

fn option_points(kind: &Kind, id: &str) -> Num {
    kind.options()
        .iter()
        .find(|o| o.id == id)
        .map(|o| o.points.clone())
        .unwrap_or_default()
}

/// The model's id of an option (borrowed from the questionnaire).
fn option_id<'m>(kind: &'m Kind, id: &str) -> &'m str {
    kind.options()
        .iter()
        .find(|o| o.id == id)
        .map_or("", |o| o.id.as_str())
}

fn band_points<'m>(
    bands: &'m [crate::model::Band],
    value: Num,
    of: Option<&'m crate::model::Expr>,
) -> (Num, Detail<'m>) {
    match bands.iter().find(|b| b.contains(&value)) {
        Some(b) => (b.points.clone(), Detail::Band { of, value, band: b }),
        None => (Num::zero(), Detail::NoBand(value)),
    }
}

/// The question a check belongs to (its message is shown there).
fn check_owner(section: &crate::model::Section, check: &crate::model::Check) -> Option<String> {
    section
        .questions()
        .find(|q| q.checks.iter().any(|c| std::ptr::eq(c, check)))
        .map(|q| q.id.clone())
}

/// Why a question is hidden: its section's or its own condition.
fn hidden_reason(engine: &Engine<'_>, q: &Question, run: &Run<'_>) -> String {
    let s = engine.section_of[engine.index[q.id.as_str()]];
    let section = &engine.model.sections[s];
    if !run.section_visible[s] {
        let when = section
            .when
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        return format!(
            "its section `{}` is not shown (`{when}` does not hold)",
            section.id
        );
    }
    match &q.when {
        Some(when) => format!("the question is not shown (`{when}` does not hold)"),
        None => "the question is not shown".to_owned(),
    }
}
