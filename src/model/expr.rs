//! Resolved, typed expressions. Options are tested with `In`/`Has`, and
//! percentages of a maximum are already turned into points.

use super::Date;
use crate::num::Num;

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(into = "super::wire::ExprWire", from = "super::wire::ExprWire")]
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
    /// Calls `f` on this node and every node below it.
    pub fn visit<'a>(&'a self, f: &mut dyn FnMut(&'a Expr)) {
        f(self);
        match self {
            Expr::Not(x) | Expr::Neg(x) => x.visit(f),
            Expr::And(a, b) | Expr::Or(a, b) | Expr::Compare(_, a, b) | Expr::Arith(_, a, b) => {
                a.visit(f);
                b.visit(f);
            }
            _ => {}
        }
    }
}

impl Expr {
    /// How tightly the expression binds, for printing parentheses.
    fn precedence(&self) -> u8 {
        match self {
            Expr::Or(..) => 1,
            Expr::And(..) => 2,
            Expr::Not(_) => 3,
            Expr::Compare(..) | Expr::In { .. } | Expr::Has { .. } | Expr::HasAny { .. } => 4,
            Expr::Arith(ArithOp::Add | ArithOp::Sub, ..) => 5,
            Expr::Arith(ArithOp::Mul | ArithOp::Div, ..) => 6,
            Expr::Neg(_) => 7,
            _ => 8,
        }
    }

    fn child(
        &self,
        f: &mut std::fmt::Formatter<'_>,
        child: &Expr,
        right: bool,
    ) -> std::fmt::Result {
        let (mine, theirs) = (self.precedence(), child.precedence());
        // Left-associative: a right operand of equal precedence needs parentheses.
        if theirs < mine || (right && theirs == mine && mine >= 4) {
            write!(f, "({child})")
        } else {
            write!(f, "{child}")
        }
    }
}

/// Prints the expression in grille's syntax (percentages already resolved).
impl std::fmt::Display for Expr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expr::Bool(b) => f.write_str(if *b { "yes" } else { "no" }),
            Expr::Number(n) => write!(f, "{n}"),
            Expr::Text(t) => write!(f, "{t:?}"),
            Expr::Date(d) => write!(f, "{d}"),
            Expr::Answer(q) | Expr::Computed(q) => f.write_str(q),
            Expr::In {
                question,
                options,
                negated,
            } => match (options.as_slice(), negated) {
                ([one], false) => write!(f, "{question} = {one}"),
                ([one], true) => write!(f, "{question} != {one}"),
                (_, negated) => {
                    let not = if *negated { "not " } else { "" };
                    write!(f, "{question} {not}in {{{}}}", options.join(", "))
                }
            },
            Expr::Has { question, option } => write!(f, "{question} has {option}"),
            Expr::HasAny { question } => write!(f, "{question} has any"),
            Expr::Not(e) => {
                f.write_str("not ")?;
                self.child(f, e, true)
            }
            Expr::Neg(e) => {
                f.write_str("-")?;
                self.child(f, e, true)
            }
            Expr::And(a, b) | Expr::Or(a, b) => {
                let word = if matches!(self, Expr::And(..)) {
                    "and"
                } else {
                    "or"
                };
                self.child(f, a, false)?;
                write!(f, " {word} ")?;
                self.child(f, b, true)
            }
            Expr::Compare(op, a, b) => {
                self.child(f, a, false)?;
                write!(f, " {} ", op.symbol())?;
                self.child(f, b, true)
            }
            Expr::Arith(op, a, b) => {
                self.child(f, a, false)?;
                write!(f, " {} ", op.symbol())?;
                self.child(f, b, true)
            }
            Expr::SectionScore(s) => write!(f, "section {s}"),
            Expr::Total => f.write_str("total"),
        }
    }
}
