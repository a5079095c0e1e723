//! Conditions only read earlier answers, and computed values do not depend
//! on themselves.

use super::Checker;
use crate::diagnostic;
use crate::model;
use crate::source::Span;
use crate::syntax::ast::{self, ExprKind};
use std::collections::{BTreeMap, BTreeSet};

/// Every bare name in an expression, with its span; a section counted over
/// (`count(section s = met)`) is a name too, marked `true`.
fn names<'e>(e: &'e ast::Expr, out: &mut Vec<(&'e str, Span, bool)>) {
    match &e.kind {
        ExprKind::Name(n) => out.push((n, e.span, false)),
        ExprKind::Section(id) => out.push((&id.name, e.span, true)),
        ExprKind::Paren(x) | ExprKind::Unary(_, x) | ExprKind::HasAny(x) | ExprKind::Has(x, _) => {
            names(x, out)
        }
        ExprKind::In { expr, .. } => names(expr, out),
        ExprKind::Binary(_, a, b) => {
            names(a, out);
            names(b, out);
        }
        ExprKind::Call(_, args) => args.iter().for_each(|a| names(a, out)),
        _ => {}
    }
}

/// A question that an expression reads, directly or through computed values.
struct Read<'a> {
    question: &'a str,
    /// Where the expression names it (or the computed value leading to it).
    span: Span,
    /// The computed values in between.
    via: Vec<&'a str>,
}

impl<'a> Checker<'a> {
    /// The questions an expression reads, through computed values.
    fn reads(&self, e: &'a ast::Expr) -> Vec<Read<'a>> {
        let mut out = Vec::new();
        let mut direct = Vec::new();
        names(e, &mut direct);
        for (name, span, section) in direct {
            let mut visited = BTreeSet::new();
            self.reads_from(name, span, section, &mut Vec::new(), &mut visited, &mut out);
        }
        out
    }

    fn reads_from(
        &self,
        name: &'a str,
        span: Span,
        section: bool,
        via: &mut Vec<&'a str>,
        visited: &mut BTreeSet<&'a str>,
        out: &mut Vec<Read<'a>>,
    ) {
        if section {
            let Some(&index) = self.sections.get(name) else {
                return;
            };
            let mut inside: Vec<(&'a str, usize)> = self
                .questions
                .iter()
                .filter(|(_, info)| info.section == index)
                .map(|(&q, info)| (q, info.position))
                .collect();
            inside.sort_by_key(|&(_, position)| position);
            for (question, _) in inside {
                out.push(Read {
                    question,
                    span,
                    via: via.clone(),
                });
            }
        } else if self.questions.contains_key(name) {
            out.push(Read {
                question: name,
                span,
                via: via.clone(),
            });
        } else if let Some((&id, c)) = self.computed.get_key_value(name) {
            if !visited.insert(id) {
                return;
            }
            let mut inner = Vec::new();
            names(&c.expr, &mut inner);
            via.push(id);
            for (n, _, section) in inner {
                self.reads_from(n, span, section, via, visited, out);
            }
            via.pop();
        }
    }

    pub(super) fn check_order(&mut self, _sections: &[model::Section]) {
        let mut position = 0;
        for (index, s) in self.ast_sections().enumerate() {
            if let Some(w) = &s.when {
                for read in self.reads(w) {
                    let info = &self.questions[read.question];
                    if info.section >= index {
                        let d = diagnostic::later_reference(
                            &format!("section `{}`", s.id.name),
                            read.question,
                            read.span,
                            info.ast.id.span,
                            &read.via,
                            info.section == index,
                        );
                        self.report(d);
                    }
                }
            }
            for item in &s.items {
                let (subject, when) = match item {
                    ast::SectionItem::Question(q) => {
                        let when = q.parts.iter().find_map(|p| match &p.kind {
                            ast::PartKind::When(w) => Some(w),
                            _ => None,
                        });
                        (format!("`{}`", q.id.name), when)
                    }
                    ast::SectionItem::Note(n) => (
                        n.id.as_ref()
                            .map_or("this note".to_owned(), |i| format!("`{}`", i.name)),
                        n.when.as_ref(),
                    ),
                    _ => continue,
                };
                if let Some(w) = when {
                    for read in self.reads(w) {
                        let info = &self.questions[read.question];
                        let own = matches!(item, ast::SectionItem::Question(q) if q.id.name == read.question);
                        if own {
                            self.report(diagnostic::self_reference(
                                read.question,
                                read.span,
                                &read.via,
                            ));
                        } else if info.position > position {
                            let d = diagnostic::later_reference(
                                &subject,
                                read.question,
                                read.span,
                                info.ast.id.span,
                                &read.via,
                                false,
                            );
                            self.report(d);
                        }
                    }
                }
                position += 1;
            }
        }
        self.check_cycles();
    }

    /// Cycles among computed values (E0009), each reported once.
    fn check_cycles(&mut self) {
        let mut edges: BTreeMap<&'a str, Vec<(&'a str, Span)>> = BTreeMap::new();
        for (&id, c) in &self.computed {
            let mut direct = Vec::new();
            names(&c.expr, &mut direct);
            let next = direct
                .into_iter()
                .filter(|(_, _, section)| !section)
                .filter_map(|(n, span, _)| self.computed.get_key_value(n).map(|(&k, _)| (k, span)))
                .collect();
            edges.insert(id, next);
        }
        let mut reported: BTreeSet<Vec<&str>> = BTreeSet::new();
        let mut done: BTreeSet<&str> = BTreeSet::new();
        for &start in edges.keys() {
            let mut stack: Vec<(&str, Span)> = Vec::new();
            find_cycles(start, &edges, &mut stack, &mut done, &mut |cycle| {
                let mut key: Vec<&str> = cycle.iter().map(|(n, _)| *n).collect();
                let min = key
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, n)| **n)
                    .map_or(0, |(i, _)| i);
                key.rotate_left(min);
                if reported.insert(key) {
                    let steps: Vec<(String, Span)> =
                        cycle.iter().map(|(n, s)| ((*n).to_owned(), *s)).collect();
                    let first = self.computed[cycle[0].0].id.span;
                    self.diags.push(diagnostic::cycle(first, &steps));
                }
            });
            done.insert(start);
        }
    }
}

/// A cycle: each node with the span of its reference to the next.
type Steps<'a> = [(&'a str, Span)];

/// Depth-first search reporting each cycle as the list of (node, span of the
/// reference to the next node).
fn find_cycles<'a>(
    node: &'a str,
    edges: &BTreeMap<&'a str, Vec<(&'a str, Span)>>,
    stack: &mut Vec<(&'a str, Span)>,
    done: &mut BTreeSet<&'a str>,
    found: &mut dyn FnMut(&Steps<'a>),
) {
    if done.contains(node) || stack.len() > edges.len() {
        return;
    }
    for &(next, span) in edges.get(node).map(Vec::as_slice).unwrap_or_default() {
        stack.push((node, span));
        if let Some(i) = stack.iter().position(|(n, _)| *n == next) {
            found(&stack[i..]);
        } else {
            find_cycles(next, edges, stack, done, found);
        }
        stack.pop();
    }
}
