//! Levels: numbered in order, thresholds strictly increasing and within
//! reach, gates that can hold.

use super::exprs::Ctx;
use super::Checker;
use crate::diagnostic;
use crate::model::{self, CompareOp, Expr, Gate, Level, Levels, Scheme};
use crate::num::Num;
use crate::source::Span;
use crate::syntax::ast;
use std::collections::BTreeMap;

impl Checker<'_> {
    pub(super) fn levels(&mut self, _sections: &[model::Section], max: &Num) -> Levels {
        let blocks: Vec<&ast::Levels> = self
            .file
            .items
            .iter()
            .filter_map(|i| match i {
                ast::Item::Levels(l) => Some(l),
                _ => None,
            })
            .collect();
        let Some(block) = blocks.first() else {
            // A survey without points needs no levels; a scored one does.
            if *max > Num::zero() {
                self.report(diagnostic::no_levels(self.file.header.id.span));
            }
            return Levels {
                scheme: Scheme::Cumulative,
                unlabelled: None,
                named: false,
                levels: Vec::new(),
            };
        };
        for extra in &blocks[1..] {
            self.report(diagnostic::given_twice("levels", extra.span, block.span));
        }
        let mut out = Vec::new();
        let mut numbers: BTreeMap<u32, Span> = BTreeMap::new();
        let mut previous: Option<(u32, Num, Span)> = None;
        for l in &block.levels {
            let Some(number) = self.level_number(l, &mut numbers, previous.as_ref().map(|p| p.0))
            else {
                continue;
            };
            let Some(threshold) = &l.threshold else {
                // A level decided by its conditions alone.
                if l.gates.is_empty() {
                    self.report(diagnostic::missing_threshold(l.span, number));
                    continue;
                }
                let min_total = match (block.scheme, &previous) {
                    (Some(ast::Scheme::Independent), _) | (_, None) => Num::zero(),
                    (_, Some((_, total, _))) => total.clone(),
                };
                let gates = self.gates(l, number);
                out.push(Level {
                    number,
                    name: l.name.value.clone(),
                    min_total,
                    percent: None,
                    by_conditions: true,
                    gates,
                    description: l.description.as_ref().map(|d| d.value.clone()),
                    span: l.span,
                });
                continue;
            };
            let min_total = if threshold.percent {
                max.percent_of(&threshold.value.value)
            } else {
                threshold.value.value.clone()
            };
            if min_total > *max {
                self.report(diagnostic::unreachable_threshold(
                    threshold.span,
                    number,
                    &min_total,
                    max,
                ));
            }
            if let Some((prev, prev_total, prev_span)) = &previous {
                if min_total <= *prev_total {
                    self.report(diagnostic::thresholds_not_increasing(
                        threshold.span,
                        *prev_span,
                        number,
                        &min_total,
                        *prev,
                        prev_total,
                    ));
                }
            }
            let gates = self.gates(l, number);
            previous = Some((number, min_total.clone(), threshold.span));
            out.push(Level {
                number,
                name: l.name.value.clone(),
                min_total,
                percent: threshold.percent.then(|| threshold.value.value.clone()),
                by_conditions: false,
                gates,
                description: l.description.as_ref().map(|d| d.value.clone()),
                span: l.span,
            });
        }
        Levels {
            scheme: match block.scheme {
                Some(ast::Scheme::Independent) => Scheme::Independent,
                _ => Scheme::Cumulative,
            },
            unlabelled: block.unlabelled.as_ref().map(|t| t.value.clone()),
            named: block.named,
            levels: out,
        }
    }

    /// A level's number, when it is a whole number from 1 not given before;
    /// a level listed after a higher one is reported.
    fn level_number(
        &mut self,
        l: &ast::Level,
        numbers: &mut BTreeMap<u32, Span>,
        previous: Option<u32>,
    ) -> Option<u32> {
        let number = l
            .number
            .value
            .is_integer()
            .then(|| l.number.value.to_decimal(0).parse::<u32>().ok())
            .flatten()
            .filter(|n| *n >= 1);
        let Some(number) = number else {
            self.report(diagnostic::invalid_level_number(
                l.number.span,
                "a level number is a whole number from 1",
            ));
            return None;
        };
        if let Some(first) = numbers.get(&number) {
            let next = numbers.keys().max().map_or(1, |m| m + 1);
            self.report(diagnostic::duplicate_level(
                number,
                l.number.span,
                *first,
                next,
            ));
            return None;
        }
        numbers.insert(number, l.number.span);
        if let Some(prev) = previous {
            if number < prev {
                self.report(diagnostic::invalid_level_number(
                    l.number.span,
                    &format!(
                        "levels are listed from the lowest; this one comes after level {prev}"
                    ),
                ));
            }
        }
        Some(number)
    }

    /// A level's gates, each a condition on the scores (E0012 when it can
    /// never hold).
    fn gates(&mut self, l: &ast::Level, number: u32) -> Vec<Gate> {
        let mut gates = Vec::new();
        for g in &l.gates {
            if let Some(expr) = self.condition(g, Ctx::Scores, "a `gate`") {
                if let Some(reason) = self.impossible(&expr, 0) {
                    self.report(diagnostic::unreachable_gate(g.span, number, &reason));
                }
                gates.push(Gate {
                    expr,
                    source: self.text_of(g.span),
                    span: g.span,
                });
            }
        }
        gates
    }

    /// Why a condition can never hold, when that can be seen without
    /// searching answer sets: a score (or the level, up to `top_level`)
    /// above its maximum, or a constant `no`.
    pub(super) fn impossible(&self, e: &Expr, top_level: u32) -> Option<String> {
        match e {
            Expr::Bool(false) => Some("the condition is always false".to_owned()),
            Expr::And(a, b) => self
                .impossible(a, top_level)
                .or_else(|| self.impossible(b, top_level)),
            Expr::Or(a, b) => self
                .impossible(a, top_level)
                .and(self.impossible(b, top_level)),
            Expr::Compare(op @ (CompareOp::Ge | CompareOp::Gt | CompareOp::Eq), score, value) => {
                let maximum = match &**score {
                    Expr::Level => Some(("the level".to_owned(), Num::from_int(top_level.into()))),
                    other => self.score_of(other),
                };
                let (Expr::Number(n), Some((what, max))) = (&**value, maximum) else {
                    return None;
                };
                let beyond = match op {
                    CompareOp::Gt => n >= &max,
                    _ => n > &max,
                };
                beyond.then(|| {
                    format!(
                        "{what} is at most {max}, and the condition needs {} {n}",
                        op.symbol()
                    )
                })
            }
            _ => None,
        }
    }

    fn score_of(&self, e: &Expr) -> Option<(String, Num)> {
        match e {
            Expr::SectionScore(s) => Some((
                format!("the score of section `{s}`"),
                self.score_max(Some(s)),
            )),
            Expr::Total => Some(("the total".to_owned(), self.score_max(None))),
            _ => None,
        }
    }
}
