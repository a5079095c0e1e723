//! The range of values an expression can take, for divisions by zero and
//! band coverage. Bounds are closed and conservative: the real range is
//! inside the computed one.

use super::Checker;
use crate::model::{ArithOp, Expr, Kind};
use crate::num::Num;
use std::fmt;

/// `[lo, hi]`; `None` is an infinite bound.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Interval {
    pub lo: Option<Num>,
    pub hi: Option<Num>,
}

impl Interval {
    pub fn all() -> Interval {
        Interval { lo: None, hi: None }
    }

    pub fn point(n: Num) -> Interval {
        Interval {
            lo: Some(n.clone()),
            hi: Some(n),
        }
    }

    pub fn contains_zero(&self) -> bool {
        self.lo
            .as_ref()
            .is_none_or(|l| l.is_zero() || l.is_negative())
            && self.hi.as_ref().is_none_or(|h| !h.is_negative())
    }

    fn neg(&self) -> Interval {
        Interval {
            lo: self.hi.as_ref().map(|h| -h),
            hi: self.lo.as_ref().map(|l| -l),
        }
    }

    fn add(&self, other: &Interval) -> Interval {
        let sum = |a: &Option<Num>, b: &Option<Num>| match (a, b) {
            (Some(a), Some(b)) => Some(a + b),
            _ => None,
        };
        Interval {
            lo: sum(&self.lo, &other.lo),
            hi: sum(&self.hi, &other.hi),
        }
    }

    fn mul(&self, other: &Interval) -> Interval {
        let products = [
            ext_mul(&lo(self), &lo(other)),
            ext_mul(&lo(self), &hi(other)),
            ext_mul(&hi(self), &lo(other)),
            ext_mul(&hi(self), &hi(other)),
        ];
        let min = products.iter().min().cloned().unwrap_or(Ext::NegInf);
        let max = products.iter().max().cloned().unwrap_or(Ext::PosInf);
        Interval {
            lo: min.finite(),
            hi: max.finite(),
        }
    }

    fn div(&self, other: &Interval) -> Interval {
        if other.contains_zero() {
            return Interval::all();
        }
        // Same sign throughout: the reciprocal bounds swap.
        let recip = |b: &Option<Num>| match b {
            Some(n) => Num::from_int(1).checked_div(n),
            None => Some(Num::zero()),
        };
        self.mul(&Interval {
            lo: recip(&other.hi),
            hi: recip(&other.lo),
        })
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.lo, &self.hi) {
            (Some(l), Some(h)) => write!(f, "[{l}, {h}]"),
            (Some(l), None) => write!(f, "[{l}, ∞)"),
            (None, Some(h)) => write!(f, "(-∞, {h}]"),
            (None, None) => write!(f, "(-∞, ∞)"),
        }
    }
}

/// An extended number, for products with infinite bounds.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Ext {
    NegInf,
    Fin(Num),
    PosInf,
}

impl Ext {
    fn finite(self) -> Option<Num> {
        match self {
            Ext::Fin(n) => Some(n),
            _ => None,
        }
    }

    fn sign(&self) -> i8 {
        match self {
            Ext::NegInf => -1,
            Ext::PosInf => 1,
            Ext::Fin(n) if n.is_zero() => 0,
            Ext::Fin(n) if n.is_negative() => -1,
            Ext::Fin(_) => 1,
        }
    }
}

fn lo(i: &Interval) -> Ext {
    i.lo.clone().map_or(Ext::NegInf, Ext::Fin)
}

fn hi(i: &Interval) -> Ext {
    i.hi.clone().map_or(Ext::PosInf, Ext::Fin)
}

fn ext_mul(a: &Ext, b: &Ext) -> Ext {
    match (a, b) {
        (Ext::Fin(x), Ext::Fin(y)) => Ext::Fin(x * y),
        _ => match a.sign() * b.sign() {
            0 => Ext::Fin(Num::zero()),
            s if s > 0 => Ext::PosInf,
            _ => Ext::NegInf,
        },
    }
}

impl Checker<'_> {
    /// The values a numeric expression can take.
    pub(super) fn range(&self, e: &Expr) -> Interval {
        self.range_in(e, &mut Vec::new())
    }

    fn range_in(&self, e: &Expr, visiting: &mut Vec<String>) -> Interval {
        match e {
            Expr::Number(n) => Interval::point(n.clone()),
            Expr::Answer(q) => match self.kinds.get(q.as_str()) {
                Some(Kind::Integer(b) | Kind::Decimal(b)) => Interval {
                    lo: b.min.clone(),
                    hi: b.max.clone(),
                },
                Some(Kind::Percent(b)) => Interval {
                    lo: Some(b.min.clone().unwrap_or_default()),
                    hi: Some(b.max.clone().unwrap_or(Num::from_int(100))),
                },
                _ => Interval::all(),
            },
            Expr::Computed(c) => {
                let Some(decl) = self.computed.get(c.as_str()) else {
                    return Interval::all();
                };
                if let Some((lo, hi)) = &decl.range {
                    return Interval {
                        lo: Some(lo.value.clone()),
                        hi: Some(hi.value.clone()),
                    };
                }
                if visiting.contains(c) {
                    return Interval::all();
                }
                match self.computed_done.get(c.as_str()) {
                    Some(Some(t)) => {
                        visiting.push(c.clone());
                        let r = self.range_in(&t.expr, visiting);
                        visiting.pop();
                        r
                    }
                    _ => Interval::all(),
                }
            }
            Expr::Neg(x) => self.range_in(x, visiting).neg(),
            Expr::Arith(op, a, b) => {
                let a = self.range_in(a, visiting);
                let b = self.range_in(b, visiting);
                match op {
                    ArithOp::Add => a.add(&b),
                    ArithOp::Sub => a.add(&b.neg()),
                    ArithOp::Mul => a.mul(&b),
                    ArithOp::Div => a.div(&b),
                }
            }
            Expr::Count(list) => Interval {
                lo: Some(Num::zero()),
                hi: Some(Num::from_int(list.len() as i64)),
            },
            Expr::Length(_) => Interval {
                lo: Some(Num::zero()),
                hi: None,
            },
            Expr::SectionScore(s) => Interval {
                lo: None,
                hi: self.section_max.get(s).cloned(),
            },
            _ => Interval::all(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Interval;
    use crate::num::Num;

    fn iv(lo: Option<i64>, hi: Option<i64>) -> Interval {
        Interval {
            lo: lo.map(Num::from_int),
            hi: hi.map(Num::from_int),
        }
    }

    #[test]
    fn arithmetic_is_conservative() {
        let share = iv(Some(100), Some(100))
            .mul(&iv(Some(0), None))
            .div(&iv(Some(1), None));
        assert_eq!(share, iv(Some(0), None));
        assert!(iv(Some(0), None).contains_zero());
        assert!(!iv(Some(1), None).contains_zero());
        assert!(!iv(None, Some(-1)).contains_zero());
        assert!(iv(Some(-2), Some(3)).contains_zero());
        assert_eq!(
            iv(Some(1), Some(2)).add(&iv(Some(-5), Some(0)).neg()),
            iv(Some(1), Some(7))
        );
    }
}
