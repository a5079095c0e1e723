//! Values during evaluation, with SQL-like three-valued logic: a question
//! not answered (or hidden) is `Unknown`, and so is what depends on it.

use crate::model::Date;
use crate::num::Num;

#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Unknown,
    Bool(bool),
    Num(Num),
    Text(&'a str),
    Date(Date),
    /// A single choice: the option's id.
    Choice(&'a str),
    /// A multiple choice (empty when unanswered: never unknown).
    Set(&'a [String]),
}

impl Value<'_> {
    /// `Some(b)` for a definite yes/no value.
    pub fn truth(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

/// Kleene conjunction: false wins over unknown.
pub fn and(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

/// Kleene disjunction: true wins over unknown.
pub fn or(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{and, or};

    #[test]
    fn kleene_tables() {
        let values = [Some(false), None, Some(true)];
        for a in values {
            for b in values {
                // Commutative, and consistent with min/max over false < unknown < true.
                assert_eq!(and(a, b), and(b, a));
                assert_eq!(or(a, b), or(b, a));
                let rank = |v: Option<bool>| match v {
                    Some(false) => 0,
                    None => 1,
                    Some(true) => 2,
                };
                assert_eq!(rank(and(a, b)), rank(a).min(rank(b)));
                assert_eq!(rank(or(a, b)), rank(a).max(rank(b)));
            }
        }
    }
}
