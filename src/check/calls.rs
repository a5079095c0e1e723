//! Functions in expressions: `count(…)` of conditions (or of a section's
//! answers), and the text tests `length`, `contains`, `starts_with`,
//! `contains_url`.

use super::exprs::{Ctx, Ty, Typed};
use super::Checker;
use crate::diagnostic;
use crate::model::{CompareOp, Expr, Kind, TextTest};
use crate::source::Span;
use crate::suggest;
use crate::syntax::ast::{self, BinaryOp, ExprKind, Ident};

/// The functions, by name.
pub(super) const FUNCTIONS: &[&str] =
    &["count", "length", "contains", "starts_with", "contains_url"];

const NUMBER: Ty = Ty::Number {
    integer: true,
    percent: false,
};

impl Checker<'_> {
    pub(super) fn call(
        &mut self,
        function: &Ident,
        args: &[ast::Expr],
        span: Span,
        ctx: Ctx,
    ) -> Option<Typed> {
        match function.name.as_str() {
            "count" => self.count_of(args, span, ctx),
            "length" => {
                let [text] = args else {
                    return self.arguments(
                        span,
                        "length",
                        "one text",
                        "length(justification) >= 5",
                    );
                };
                let text = self.text_argument(text, ctx, "length")?;
                Some(Typed {
                    expr: Expr::Length(Box::new(text)),
                    ty: NUMBER,
                })
            }
            "contains" | "starts_with" => {
                let name = function.name.as_str();
                let usage = format!("{name}(description, \"logiciel libre\")");
                let [text, part] = args else {
                    return self.arguments(span, name, "a text and a quoted text", &usage);
                };
                let text = self.text_argument(text, ctx, name);
                let ExprKind::Text(part) = &part.kind else {
                    return self.arguments(part.span, name, "a quoted text second", &usage);
                };
                let test = if name == "contains" {
                    TextTest::Contains(part.clone())
                } else {
                    TextTest::StartsWith(part.clone())
                };
                Some(Typed {
                    expr: Expr::TextTest(test, Box::new(text?)),
                    ty: Ty::Bool,
                })
            }
            "contains_url" => {
                let [text] = args else {
                    return self.arguments(
                        span,
                        "contains_url",
                        "one text",
                        "contains_url(sources)",
                    );
                };
                let text = self.text_argument(text, ctx, "contains_url")?;
                Some(Typed {
                    expr: Expr::TextTest(TextTest::Url, Box::new(text)),
                    ty: Ty::Bool,
                })
            }
            _ => {
                let suggestion = suggest::closest(&function.name, FUNCTIONS.iter().copied());
                self.report(diagnostic::unknown_function(function, suggestion));
                None
            }
        }
    }

    fn arguments(
        &mut self,
        span: Span,
        function: &str,
        expected: &str,
        usage: &str,
    ) -> Option<Typed> {
        self.report(diagnostic::function_arguments(
            span, function, expected, usage,
        ));
        None
    }

    /// A text function's first argument: a text answer.
    fn text_argument(&mut self, e: &ast::Expr, ctx: Ctx, function: &str) -> Option<Expr> {
        let t = self.lower(e, ctx)?;
        if t.ty == Ty::Text {
            return Some(t.expr);
        }
        self.report(diagnostic::operator_mismatch(
            e.span,
            function,
            &t.ty.describe(),
            &format!("`{function}` tests a text answer (`text`, `email`, `url`…)"),
        ));
        None
    }

    /// `count(c1, c2, …)`: each argument a condition, or a test of every
    /// question of a section (`section s = met`).
    fn count_of(&mut self, args: &[ast::Expr], span: Span, ctx: Ctx) -> Option<Typed> {
        if args.is_empty() {
            return self.arguments(
                span,
                "count",
                "one condition or more",
                "count(P1, P2 = met, P3 has any) >= 2",
            );
        }
        let mut list = Vec::new();
        let mut ok = true;
        for arg in args {
            let lowered = match self.section_test(arg) {
                Some(expanded) => expanded,
                None => self
                    .condition(arg, ctx, "each argument of `count`")
                    .map(|e| vec![e]),
            };
            match lowered {
                Some(mut e) => list.append(&mut e),
                None => ok = false,
            }
        }
        ok.then_some(Typed {
            expr: Expr::Count(list),
            ty: NUMBER,
        })
    }

    /// `section s = met`, `section s in {met, na}`, `section s = yes`,
    /// `section s has opt`: the same test on each question of the section
    /// it applies to. `None` when the argument is not of this form.
    fn section_test(&mut self, arg: &ast::Expr) -> Option<Option<Vec<Expr>>> {
        enum Test {
            Options(Vec<Ident>, bool),
            YesNo(bool, bool),
            Has(Ident),
        }
        let (section, test) = match &arg.kind {
            ExprKind::In { expr, set, negated } => (expr, Test::Options(set.clone(), *negated)),
            ExprKind::Has(expr, option) => (expr, Test::Has(option.clone())),
            ExprKind::Binary(op @ (BinaryOp::Eq | BinaryOp::Ne), expr, value) => {
                let negated = *op == BinaryOp::Ne;
                match &value.kind {
                    ExprKind::Bool(b) => (expr, Test::YesNo(*b, negated)),
                    ExprKind::Name(n)
                        if !self.questions.contains_key(n.as_str())
                            && !self.computed.contains_key(n.as_str()) =>
                    {
                        let option = Ident {
                            name: n.clone(),
                            span: value.span,
                        };
                        (expr, Test::Options(vec![option], negated))
                    }
                    _ => return None,
                }
            }
            _ => return None,
        };
        let ExprKind::Section(id) = &section.kind else {
            return None;
        };
        let Some(&index) = self.sections.get(id.name.as_str()) else {
            let suggestion = suggest::closest(&id.name, super::sorted(self.sections.keys()));
            self.report(diagnostic::undefined_section(id, suggestion));
            return Some(None);
        };
        let questions: Vec<&str> = self
            .ast_sections()
            .nth(index)
            .into_iter()
            .flat_map(|s| &s.items)
            .filter_map(|item| match item {
                ast::SectionItem::Question(q) => Some(q.id.name.as_str()),
                _ => None,
            })
            .collect();
        let mut out = Vec::new();
        for q in questions {
            let Some(kind) = self.kinds.get(q) else {
                continue;
            };
            let offers = |o: &Ident| kind.options().iter().any(|c| c.id == o.name);
            match (&test, kind) {
                (Test::Options(set, negated), Kind::One { .. }) if set.iter().any(&offers) => {
                    out.push(Expr::In {
                        question: q.to_owned(),
                        options: set
                            .iter()
                            .filter(|o| offers(o))
                            .map(|o| o.name.clone())
                            .collect(),
                        negated: *negated,
                    });
                }
                (Test::YesNo(b, negated), Kind::YesNo) => out.push(Expr::Compare(
                    if *negated {
                        CompareOp::Ne
                    } else {
                        CompareOp::Eq
                    },
                    Box::new(Expr::Answer(q.to_owned())),
                    Box::new(Expr::Bool(*b)),
                )),
                (Test::Has(option), Kind::Many { .. }) if offers(option) => out.push(Expr::Has {
                    question: q.to_owned(),
                    option: option.name.clone(),
                }),
                _ => {}
            }
        }
        if out.is_empty() {
            let what = match &test {
                Test::Options(set, _) => {
                    let names: Vec<String> = set.iter().map(|o| format!("`{}`", o.name)).collect();
                    names.join(" or ")
                }
                Test::YesNo(b, _) => format!("`{}`", if *b { "yes" } else { "no" }),
                Test::Has(option) => format!("ticked `{}`", option.name),
            };
            self.report(diagnostic::count_matches_nothing(arg.span, &id.name, &what));
            return Some(None);
        }
        Some(Some(out))
    }
}
