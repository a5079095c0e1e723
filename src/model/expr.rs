//! Resolved, typed expressions. Options are tested with `In`/`Has`, and
//! percentages of a maximum are already turned into points.

use super::Date;
use crate::num::Num;

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Bool(bool),
    Number(Num),
    Text(String),
    Date(Date),
    /// The answer to a question (unknown while unanswered or hidden).
    Answer(String),
    /// A computed value.
    Computed(String),
    /// A single choice is one of these options (`P2 = commune`, `S1 in {…}`).
    In {
        question: String,
        options: Vec<String>,
        negated: bool,
    },
    /// A multiple choice includes this option.
    Has {
        question: String,
        option: String,
    },
    /// A multiple choice includes at least one option.
    HasAny {
        question: String,
    },
    Not(Box<Expr>),
    Neg(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Compare(CompareOp, Box<Expr>, Box<Expr>),
    Arith(ArithOp, Box<Expr>, Box<Expr>),
    /// A section's score (level gates only).
    SectionScore(String),
    /// The total score (level gates only).
    Total,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Div,
}

impl CompareOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Eq => "=",
            CompareOp::Ne => "!=",
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }
}

impl ArithOp {
    pub fn symbol(self) -> &'static str {
        match self {
            ArithOp::Add => "+",
            ArithOp::Sub => "-",
            ArithOp::Mul => "*",
            ArithOp::Div => "/",
        }
    }
}

impl Expr {
    /// Every question and computed value this expression reads, in order.
    pub fn references(&self) -> Vec<Reference<'_>> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<Reference<'a>>) {
        match self {
            Expr::Answer(q) | Expr::In { question: q, .. } | Expr::Has { question: q, .. } => {
                out.push(Reference::Question(q));
            }
            Expr::HasAny { question } => out.push(Reference::Question(question)),
            Expr::Computed(c) => out.push(Reference::Computed(c)),
            Expr::Not(e) | Expr::Neg(e) => e.collect(out),
            Expr::And(a, b) | Expr::Or(a, b) | Expr::Compare(_, a, b) | Expr::Arith(_, a, b) => {
                a.collect(out);
                b.collect(out);
            }
            Expr::Bool(_)
            | Expr::Number(_)
            | Expr::Text(_)
            | Expr::Date(_)
            | Expr::SectionScore(_)
            | Expr::Total => {}
        }
    }
}

/// Something an expression reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reference<'a> {
    Question(&'a str),
    Computed(&'a str),
}
