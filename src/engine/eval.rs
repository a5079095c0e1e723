//! Evaluating expressions over one answer set.

use super::value::{and, or, Value};
use super::{Answers, Engine};
use crate::model::{Answer, ArithOp, CompareOp, Expr, Kind};
use crate::num::Num;
use std::cmp::Ordering;

/// One answer set being scored: which questions are shown, and the scores
/// once known (for level gates).
#[derive(Clone)]
pub(super) struct Run<'r> {
    engine: &'r Engine<'r>,
    pub answers: &'r Answers,
    /// Each question's answer, by question index.
    by_index: Vec<Option<&'r Answer>>,
    pub visible: Vec<bool>,
    pub section_visible: Vec<bool>,
    scores: Option<(Vec<Num>, Num)>,
    /// The level awarded, once known (for mentions).
    level: Option<u32>,
}

impl<'r> Run<'r> {
    /// Decides, in order, which sections and questions are shown: a
    /// condition is read only when it is true (unknown hides).
    pub fn new(engine: &'r Engine<'r>, answers: &'r Answers) -> Run<'r> {
        let mut by_index = vec![None; engine.questions.len()];
        for (id, answer) in &answers.values {
            if let Some(&i) = engine.index.get(id.as_str()) {
                by_index[i] = Some(answer);
            }
        }
        let mut run = Run {
            engine,
            answers,
            by_index,
            visible: vec![false; engine.questions.len()],
            section_visible: vec![false; engine.model.sections.len()],
            scores: None,
            level: None,
        };
        let mut i = 0;
        for (s, section) in engine.model.sections.iter().enumerate() {
            let shown = section
                .when
                .as_ref()
                .is_none_or(|w| run.eval(w).truth() == Some(true));
            run.section_visible[s] = shown;
            for q in section.questions() {
                run.visible[i] = shown
                    && q.when
                        .as_ref()
                        .is_none_or(|w| run.eval(w).truth() == Some(true));
                i += 1;
            }
        }
        run
    }

    /// The same answer set with its section scores and total known.
    pub fn with_scores(&self, scores: Vec<Num>, total: Num) -> Run<'r> {
        let mut run = self.clone();
        run.scores = Some((scores, total));
        run
    }

    /// The same answer set with its level known too.
    pub fn with_level(&self, level: u32) -> Run<'r> {
        let mut run = self.clone();
        run.level = Some(level);
        run
    }

    /// The answer to question `i` when it is shown.
    pub fn answer(&self, i: usize) -> Option<&'r Answer> {
        if self.visible[i] {
            self.by_index[i]
        } else {
            None
        }
    }

    /// The value of an expression when it is a number.
    pub fn number(&self, e: &'r Expr) -> Option<Num> {
        match self.eval(e) {
            Value::Num(n) => Some(n),
            _ => None,
        }
    }

    /// A number read by an expression, for explanations.
    pub fn number_of(&self, e: &Expr) -> Option<Num> {
        match e {
            Expr::SectionScore(s) => self
                .scores
                .as_ref()?
                .0
                .get(*self.engine.section_index.get(s.as_str())?)
                .cloned(),
            Expr::Total => self.scores.as_ref().map(|(_, t)| t.clone()),
            _ => None,
        }
    }

    /// A question's answer in words, for explanations.
    pub fn describe(&self, id: &str) -> String {
        let w = self.engine.model.words();
        match self.question(id) {
            Value::Unknown => w.get("explain-unanswered"),
            Value::Bool(b) => w.get(if b { "explain-yes" } else { "explain-no" }),
            Value::Num(n) => w.number(&n),
            Value::Text(t) => w.quoted(t),
            Value::Date(d) => d.to_string(),
            Value::Choice(c) => c.to_owned(),
            Value::Set([]) => w.get("explain-no-option"),
            Value::Set(list) => list.join(", "),
        }
    }

    fn question(&self, id: &str) -> Value<'r> {
        let Some(&i) = self.engine.index.get(id) else {
            return Value::Unknown;
        };
        match self.answer(i) {
            None if matches!(self.engine.questions[i].kind, Kind::Many { .. }) => Value::Set(&[]),
            None => Value::Unknown,
            Some(Answer::Bool(b)) => Value::Bool(*b),
            Some(Answer::Number(n)) => Value::Num(n.clone()),
            Some(Answer::Text(t)) => Value::Text(t),
            Some(Answer::Date(d)) => Value::Date(*d),
            Some(Answer::Choice(c)) => Value::Choice(c),
            Some(Answer::Choices(list)) => Value::Set(list),
        }
    }

    pub fn eval(&self, e: &'r Expr) -> Value<'r> {
        match e {
            Expr::Bool(b) => Value::Bool(*b),
            Expr::Number(n) => Value::Num(n.clone()),
            Expr::Text(t) => Value::Text(t),
            Expr::Date(d) => Value::Date(*d),
            Expr::Answer(q) => self.question(q),
            Expr::Computed(c) => match self.engine.computed.get(c.as_str()) {
                Some(c) => self.eval(&c.expr),
                None => Value::Unknown,
            },
            Expr::In {
                question,
                options,
                negated,
            } => match self.question(question) {
                Value::Choice(o) => Value::Bool(options.iter().any(|x| x == o) != *negated),
                _ => Value::Unknown,
            },
            Expr::Has { question, option } => match self.question(question) {
                Value::Set(s) => Value::Bool(s.contains(option)),
                _ => Value::Unknown,
            },
            Expr::HasAny { question } => match self.question(question) {
                Value::Set(s) => Value::Bool(!s.is_empty()),
                _ => Value::Unknown,
            },
            Expr::Not(x) => match self.eval(x) {
                Value::Bool(b) => Value::Bool(!b),
                _ => Value::Unknown,
            },
            Expr::Neg(x) => match self.eval(x) {
                Value::Num(n) => Value::Num(-&n),
                _ => Value::Unknown,
            },
            Expr::And(a, b) => {
                let a = self.eval(a).truth();
                if a == Some(false) {
                    return Value::Bool(false);
                }
                truth(and(a, self.eval(b).truth()))
            }
            Expr::Or(a, b) => {
                let a = self.eval(a).truth();
                if a == Some(true) {
                    return Value::Bool(true);
                }
                truth(or(a, self.eval(b).truth()))
            }
            Expr::Compare(op, a, b) => {
                let ordering = match (self.eval(a), self.eval(b)) {
                    (Value::Num(x), Value::Num(y)) => Some(x.cmp(&y)),
                    (Value::Date(x), Value::Date(y)) => Some(x.cmp(&y)),
                    (Value::Text(x), Value::Text(y)) => equality(x == y),
                    (Value::Bool(x), Value::Bool(y)) => equality(x == y),
                    _ => None,
                };
                match ordering {
                    Some(o) => Value::Bool(compare(*op, o)),
                    None => Value::Unknown,
                }
            }
            Expr::Arith(op, a, b) => match (self.eval(a), self.eval(b)) {
                (Value::Num(x), Value::Num(y)) => match op {
                    ArithOp::Add => Value::Num(&x + &y),
                    ArithOp::Sub => Value::Num(&x - &y),
                    ArithOp::Mul => Value::Num(&x * &y),
                    ArithOp::Div => x.checked_div(&y).map_or(Value::Unknown, Value::Num),
                },
                _ => Value::Unknown,
            },
            Expr::Count(list) => Value::Num(Num::from_int(
                list.iter()
                    .filter(|x| self.eval(x).truth() == Some(true))
                    .count() as i64,
            )),
            Expr::Length(x) => match self.eval(x) {
                Value::Text(t) => Value::Num(Num::from_int(t.chars().count() as i64)),
                _ => Value::Unknown,
            },
            Expr::TextTest(test, x) => match self.eval(x) {
                Value::Text(t) => Value::Bool(test.holds(t)),
                _ => Value::Unknown,
            },
            Expr::SectionScore(s) => {
                match (&self.scores, self.engine.section_index.get(s.as_str())) {
                    (Some((scores, _)), Some(&i)) => {
                        scores.get(i).cloned().map_or(Value::Unknown, Value::Num)
                    }
                    _ => Value::Unknown,
                }
            }
            Expr::Total => match &self.scores {
                Some((_, total)) => Value::Num(total.clone()),
                None => Value::Unknown,
            },
            Expr::Level => self
                .level
                .map_or(Value::Unknown, |l| Value::Num(Num::from_int(l.into()))),
            Expr::Previous(true) => self
                .answers
                .previous
                .level
                .map_or(Value::Unknown, |l| Value::Num(Num::from_int(l.into()))),
            Expr::Previous(false) => self
                .answers
                .previous
                .total
                .clone()
                .map_or(Value::Unknown, Value::Num),
        }
    }
}

fn truth(t: Option<bool>) -> Value<'static> {
    t.map_or(Value::Unknown, Value::Bool)
}

/// Texts and yes/no values compare only for (in)equality.
fn equality(same: bool) -> Option<Ordering> {
    Some(if same {
        Ordering::Equal
    } else {
        Ordering::Less
    })
}

fn compare(op: CompareOp, o: Ordering) -> bool {
    match op {
        CompareOp::Eq => o == Ordering::Equal,
        CompareOp::Ne => o != Ordering::Equal,
        CompareOp::Lt => o == Ordering::Less,
        CompareOp::Le => o != Ordering::Greater,
        CompareOp::Gt => o == Ordering::Greater,
        CompareOp::Ge => o != Ordering::Less,
    }
}
