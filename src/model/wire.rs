//! How expressions and dates are written in `bareme.json`: each expression
//! node is an object with an `op`, readable by any evaluator.

use super::{ArithOp, CompareOp, Date, Expr, TextTest};
use crate::num::Num;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub(super) enum ExprWire {
    Bool {
        value: bool,
    },
    Number {
        value: Num,
    },
    Text {
        value: String,
    },
    Date {
        value: Date,
    },
    Answer {
        question: String,
    },
    Computed {
        id: String,
    },
    In {
        question: String,
        options: Vec<String>,
        negated: bool,
    },
    Has {
        question: String,
        option: String,
    },
    HasAny {
        question: String,
    },
    Not {
        expr: Box<ExprWire>,
    },
    Neg {
        expr: Box<ExprWire>,
    },
    And {
        left: Box<ExprWire>,
        right: Box<ExprWire>,
    },
    Or {
        left: Box<ExprWire>,
        right: Box<ExprWire>,
    },
    Eq {
        left: Box<ExprWire>,
        right: Box<ExprWire>,
    },
    Ne {
        left: Box<ExprWire>,
        right: Box<ExprWire>,
    },
    Lt {
        left: Box<ExprWire>,
        right: Box<ExprWire>,
    },
    Le {
        left: Box<ExprWire>,
        right: Box<ExprWire>,
    },
    Gt {
        left: Box<ExprWire>,
        right: Box<ExprWire>,
    },
    Ge {
        left: Box<ExprWire>,
        right: Box<ExprWire>,
    },
    Add {
        left: Box<ExprWire>,
        right: Box<ExprWire>,
    },
    Sub {
        left: Box<ExprWire>,
        right: Box<ExprWire>,
    },
    Mul {
        left: Box<ExprWire>,
        right: Box<ExprWire>,
    },
    Div {
        left: Box<ExprWire>,
        right: Box<ExprWire>,
    },
    Count {
        of: Vec<ExprWire>,
    },
    Length {
        text: Box<ExprWire>,
    },
    Contains {
        text: Box<ExprWire>,
        part: String,
    },
    StartsWith {
        text: Box<ExprWire>,
        part: String,
    },
    ContainsUrl {
        text: Box<ExprWire>,
    },
    Level,
    PreviousLevel,
    PreviousTotal,
    SectionScore {
        section: String,
    },
    Total,
}

fn boxed(e: Expr) -> Box<ExprWire> {
    Box::new(ExprWire::from(e))
}

#[allow(clippy::boxed_local)] // the wire's fields are boxed
fn unboxed(e: Box<ExprWire>) -> Box<Expr> {
    Box::new(Expr::from(*e))
}

impl From<Expr> for ExprWire {
    fn from(e: Expr) -> ExprWire {
        match e {
            Expr::Bool(value) => ExprWire::Bool { value },
            Expr::Number(value) => ExprWire::Number { value },
            Expr::Text(value) => ExprWire::Text { value },
            Expr::Date(value) => ExprWire::Date { value },
            Expr::Answer(question) => ExprWire::Answer { question },
            Expr::Computed(id) => ExprWire::Computed { id },
            Expr::In {
                question,
                options,
                negated,
            } => ExprWire::In {
                question,
                options,
                negated,
            },
            Expr::Has { question, option } => ExprWire::Has { question, option },
            Expr::HasAny { question } => ExprWire::HasAny { question },
            Expr::Not(x) => ExprWire::Not { expr: boxed(*x) },
            Expr::Neg(x) => ExprWire::Neg { expr: boxed(*x) },
            Expr::And(l, r) => ExprWire::And {
                left: boxed(*l),
                right: boxed(*r),
            },
            Expr::Or(l, r) => ExprWire::Or {
                left: boxed(*l),
                right: boxed(*r),
            },
            Expr::Compare(op, l, r) => {
                let (left, right) = (boxed(*l), boxed(*r));
                match op {
                    CompareOp::Eq => ExprWire::Eq { left, right },
                    CompareOp::Ne => ExprWire::Ne { left, right },
                    CompareOp::Lt => ExprWire::Lt { left, right },
                    CompareOp::Le => ExprWire::Le { left, right },
                    CompareOp::Gt => ExprWire::Gt { left, right },
                    CompareOp::Ge => ExprWire::Ge { left, right },
                }
            }
            Expr::Arith(op, l, r) => {
                let (left, right) = (boxed(*l), boxed(*r));
                match op {
                    ArithOp::Add => ExprWire::Add { left, right },
                    ArithOp::Sub => ExprWire::Sub { left, right },
                    ArithOp::Mul => ExprWire::Mul { left, right },
                    ArithOp::Div => ExprWire::Div { left, right },
                }
            }
            Expr::Count(list) => ExprWire::Count {
                of: list.into_iter().map(ExprWire::from).collect(),
            },
            Expr::Length(text) => ExprWire::Length { text: boxed(*text) },
            Expr::TextTest(test, text) => {
                let text = boxed(*text);
                match test {
                    TextTest::Contains(part) => ExprWire::Contains { text, part },
                    TextTest::StartsWith(part) => ExprWire::StartsWith { text, part },
                    TextTest::Url => ExprWire::ContainsUrl { text },
                }
            }
            Expr::Level => ExprWire::Level,
            Expr::Previous(true) => ExprWire::PreviousLevel,
            Expr::Previous(false) => ExprWire::PreviousTotal,
            Expr::SectionScore(section) => ExprWire::SectionScore { section },
            Expr::Total => ExprWire::Total,
        }
    }
}

impl From<ExprWire> for Expr {
    fn from(w: ExprWire) -> Expr {
        let compare = |op, l, r| Expr::Compare(op, unboxed(l), unboxed(r));
        let arith = |op, l, r| Expr::Arith(op, unboxed(l), unboxed(r));
        match w {
            ExprWire::Bool { value } => Expr::Bool(value),
            ExprWire::Number { value } => Expr::Number(value),
            ExprWire::Text { value } => Expr::Text(value),
            ExprWire::Date { value } => Expr::Date(value),
            ExprWire::Answer { question } => Expr::Answer(question),
            ExprWire::Computed { id } => Expr::Computed(id),
            ExprWire::In {
                question,
                options,
                negated,
            } => Expr::In {
                question,
                options,
                negated,
            },
            ExprWire::Has { question, option } => Expr::Has { question, option },
            ExprWire::HasAny { question } => Expr::HasAny { question },
            ExprWire::Not { expr } => Expr::Not(unboxed(expr)),
            ExprWire::Neg { expr } => Expr::Neg(unboxed(expr)),
            ExprWire::And { left, right } => Expr::And(unboxed(left), unboxed(right)),
            ExprWire::Or { left, right } => Expr::Or(unboxed(left), unboxed(right)),
            ExprWire::Eq { left, right } => compare(CompareOp::Eq, left, right),
            ExprWire::Ne { left, right } => compare(CompareOp::Ne, left, right),
            ExprWire::Lt { left, right } => compare(CompareOp::Lt, left, right),
            ExprWire::Le { left, right } => compare(CompareOp::Le, left, right),
            ExprWire::Gt { left, right } => compare(CompareOp::Gt, left, right),
            ExprWire::Ge { left, right } => compare(CompareOp::Ge, left, right),
            ExprWire::Add { left, right } => arith(ArithOp::Add, left, right),
            ExprWire::Sub { left, right } => arith(ArithOp::Sub, left, right),
            ExprWire::Mul { left, right } => arith(ArithOp::Mul, left, right),
            ExprWire::Div { left, right } => arith(ArithOp::Div, left, right),
            ExprWire::Count { of } => Expr::Count(of.into_iter().map(Expr::from).collect()),
            ExprWire::Length { text } => Expr::Length(unboxed(text)),
            ExprWire::Contains { text, part } => {
                Expr::TextTest(TextTest::Contains(part), unboxed(text))
            }
            ExprWire::StartsWith { text, part } => {
                Expr::TextTest(TextTest::StartsWith(part), unboxed(text))
            }
            ExprWire::ContainsUrl { text } => Expr::TextTest(TextTest::Url, unboxed(text)),
            ExprWire::Level => Expr::Level,
            ExprWire::PreviousLevel => Expr::Previous(true),
            ExprWire::PreviousTotal => Expr::Previous(false),
            ExprWire::SectionScore { section } => Expr::SectionScore(section),
            ExprWire::Total => Expr::Total,
        }
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a date")))
    }
}
