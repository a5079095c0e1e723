//! Expressions: names resolved, types checked, options and percentages
//! turned into the model's plain tests.

use super::{sorted, Checker};
use crate::diagnostic;
use crate::model::{ArithOp, CompareOp, Date, Expr, Kind};
use crate::num::Num;
use crate::source::Span;
use crate::suggest;
use crate::syntax::ast::{self, BinaryOp, ExprKind, Ident, UnaryOp};

/// The most decimals a computed value may be shown with.
const MAX_DECIMALS: u32 = 6;

/// A lowered expression and its type.
#[derive(Clone, Debug)]
pub(super) struct Typed {
    pub expr: Expr,
    pub ty: Ty,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Ty {
    Bool,
    Number {
        integer: bool,
        percent: bool,
    },
    Text,
    Date,
    /// The answer to a single choice question.
    Choice(String),
    /// The answer to a multiple choice question.
    Set(String),
    /// A section's score (`Some(id)`) or the total (`None`).
    Score(Option<String>),
    /// A literal such as `60%`.
    PercentLit(Num),
}

impl Ty {
    pub(super) fn describe(&self) -> String {
        match self {
            Ty::Bool => "a yes/no value".to_owned(),
            Ty::Number { .. } => "a number".to_owned(),
            Ty::Text => "a text".to_owned(),
            Ty::Date => "a date".to_owned(),
            Ty::Choice(q) => format!("the single choice `{q}`"),
            Ty::Set(q) => format!("the multiple choice `{q}`"),
            Ty::Score(Some(s)) => format!("the score of section `{s}`"),
            Ty::Score(None) => "the total score".to_owned(),
            Ty::PercentLit(p) => format!("the percentage `{p}%`"),
        }
    }

    fn is_numeric(&self) -> bool {
        matches!(self, Ty::Number { .. } | Ty::Score(_))
    }
}

/// Where an expression stands: only level gates and mentions may read
/// scores, only mentions the level awarded and the previous result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ctx {
    Answers,
    Scores,
    Mentions,
}

/// Words a French author may write for `yes` and `no`.
fn is_yes_no_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "oui" | "non" | "vrai" | "faux"
    )
}

fn typed(expr: Expr, ty: Ty) -> Option<Typed> {
    Some(Typed { expr, ty })
}

/// The type of a question's answer in expressions.
pub(super) fn answer_type(id: &str, kind: &Kind) -> Ty {
    match kind {
        Kind::YesNo => Ty::Bool,
        Kind::One { .. } => Ty::Choice(id.to_owned()),
        Kind::Many { .. } => Ty::Set(id.to_owned()),
        Kind::Integer(_) => Ty::Number {
            integer: true,
            percent: false,
        },
        Kind::Decimal(_) => Ty::Number {
            integer: false,
            percent: false,
        },
        Kind::Percent(_) => Ty::Number {
            integer: false,
            percent: true,
        },
        Kind::Text | Kind::LongText | Kind::Email | Kind::Url | Kind::Siret => Ty::Text,
        Kind::Date => Ty::Date,
    }
}

impl<'a> Checker<'a> {
    /// A condition: an expression that must be a yes/no value (E0006).
    pub(super) fn condition(&mut self, e: &ast::Expr, ctx: Ctx, role: &str) -> Option<Expr> {
        let t = self.lower(e, ctx)?;
        if t.ty == Ty::Bool {
            Some(t.expr)
        } else {
            self.report(diagnostic::not_boolean(e.span, &t.ty.describe(), role));
            None
        }
    }

    pub(super) fn lower(&mut self, e: &ast::Expr, ctx: Ctx) -> Option<Typed> {
        match &e.kind {
            ExprKind::Paren(inner) => self.lower(inner, ctx),
            ExprKind::Number(n) => typed(
                Expr::Number(n.clone()),
                Ty::Number {
                    integer: n.is_integer(),
                    percent: false,
                },
            ),
            ExprKind::Percent(n) => typed(Expr::Number(n.clone()), Ty::PercentLit(n.clone())),
            ExprKind::Text(t) => typed(Expr::Text(t.clone()), Ty::Text),
            ExprKind::Bool(b) => typed(Expr::Bool(*b), Ty::Bool),
            ExprKind::Date(d) => match Date::parse(d) {
                Some(date) => typed(Expr::Date(date), Ty::Date),
                None => {
                    self.report(diagnostic::invalid_date(e.span, d));
                    None
                }
            },
            ExprKind::Name(n) => self.name(n, e.span),
            ExprKind::Section(id) => {
                if ctx == Ctx::Answers {
                    self.report(diagnostic::score_outside_levels(e.span));
                    return None;
                }
                if !self.sections.contains_key(id.name.as_str()) {
                    let suggestion = suggest::closest(&id.name, sorted(self.sections.keys()));
                    self.report(diagnostic::undefined_section(id, suggestion));
                    return None;
                }
                typed(
                    Expr::SectionScore(id.name.clone()),
                    Ty::Score(Some(id.name.clone())),
                )
            }
            ExprKind::Total => {
                if ctx == Ctx::Answers {
                    self.report(diagnostic::score_outside_levels(e.span));
                    return None;
                }
                typed(Expr::Total, Ty::Score(None))
            }
            ExprKind::Level | ExprKind::Previous(_) => {
                let (expr, what, integer) = match e.kind {
                    ExprKind::Level => (Expr::Level, "level", true),
                    ExprKind::Previous(true) => (Expr::Previous(true), "previous level", true),
                    _ => (Expr::Previous(false), "previous total", false),
                };
                if ctx != Ctx::Mentions {
                    self.report(diagnostic::result_outside_mentions(e.span, what));
                    return None;
                }
                typed(
                    expr,
                    Ty::Number {
                        integer,
                        percent: false,
                    },
                )
            }
            ExprKind::Unary(UnaryOp::Not, x) => {
                let t = self.lower(x, ctx)?;
                if t.ty != Ty::Bool {
                    self.report(diagnostic::not_boolean(x.span, &t.ty.describe(), "`not`"));
                    return None;
                }
                typed(Expr::Not(Box::new(t.expr)), Ty::Bool)
            }
            ExprKind::Unary(UnaryOp::Neg, x) => {
                let t = self.lower(x, ctx)?;
                if !t.ty.is_numeric() {
                    self.report(diagnostic::arithmetic_on(x.span, &t.ty.describe(), "-"));
                    return None;
                }
                typed(Expr::Neg(Box::new(t.expr)), t.ty)
            }
            ExprKind::Binary(op, l, r) => self.binary(*op, l, r, ctx),
            ExprKind::In { expr, set, negated } => {
                let t = self.lower(expr, ctx)?;
                match &t.ty {
                    Ty::Choice(q) => {
                        let q = q.clone();
                        let mut ok = true;
                        for option in set {
                            ok &= self.option_of(&q, option);
                        }
                        ok.then(|| Typed {
                            expr: Expr::In {
                                question: q,
                                options: set.iter().map(|i| i.name.clone()).collect(),
                                negated: *negated,
                            },
                            ty: Ty::Bool,
                        })
                    }
                    other => {
                        let help = match other {
                            Ty::Set(q) => format!("`in` tests a single choice; for a multiple choice write `{q} has OPTION`"),
                            _ => "`in {…}` tests the answer to a single choice question".to_owned(),
                        };
                        self.report(diagnostic::operator_mismatch(
                            expr.span,
                            "in",
                            &other.describe(),
                            &help,
                        ));
                        None
                    }
                }
            }
            ExprKind::Has(x, option) => {
                let t = self.lower(x, ctx)?;
                match &t.ty {
                    Ty::Set(q) => {
                        let q = q.clone();
                        self.option_of(&q, option).then(|| Typed {
                            expr: Expr::Has {
                                question: q,
                                option: option.name.clone(),
                            },
                            ty: Ty::Bool,
                        })
                    }
                    other => {
                        let help = match other {
                            Ty::Choice(q) => {
                                format!("for a single choice write `{q} = {}`", option.name)
                            }
                            _ => "`has` tests the answer to a multiple choice question".to_owned(),
                        };
                        self.report(diagnostic::operator_mismatch(
                            x.span,
                            "has",
                            &other.describe(),
                            &help,
                        ));
                        None
                    }
                }
            }
            ExprKind::Call(function, args) => self.call(function, args, e.span, ctx),
            ExprKind::HasAny(x) => {
                let t = self.lower(x, ctx)?;
                if let Ty::Set(q) = &t.ty {
                    typed(
                        Expr::HasAny {
                            question: q.clone(),
                        },
                        Ty::Bool,
                    )
                } else {
                    self.report(diagnostic::operator_mismatch(
                        x.span,
                        "has any",
                        &t.ty.describe(),
                        "`has any` tests whether a multiple choice has at least one option chosen",
                    ));
                    None
                }
            }
        }
    }

    /// A bare name: a question or a computed value.
    fn name(&mut self, name: &str, span: Span) -> Option<Typed> {
        if let Some(kind) = self.kinds.get(name) {
            return typed(Expr::Answer(name.to_owned()), answer_type(name, kind));
        }
        if self.questions.contains_key(name) {
            // A question whose type is invalid: already reported.
            return None;
        }
        if let Some((&id, _)) = self.computed.get_key_value(name) {
            self.used.insert(id.to_owned());
            let t = self.computed_typed(id)?;
            return typed(Expr::Computed(id.to_owned()), t.ty);
        }
        let suggestion = suggest::closest(
            name,
            sorted(self.questions.keys()).chain(self.computed.keys().copied()),
        );
        let is_section = self.sections.contains_key(name);
        self.report(diagnostic::undefined_reference(
            name, span, suggestion, is_section,
        ));
        None
    }

    /// Lowers a computed value once, on first use.
    pub(super) fn computed_typed(&mut self, id: &'a str) -> Option<Typed> {
        if let Some(done) = self.computed_done.get(id) {
            return done.clone();
        }
        if !self.computed_busy.insert(id) {
            return None; // a cycle: reported by the order check
        }
        let c = self.computed[id];
        let t = self.lower(&c.expr, Ctx::Answers).and_then(|t| match t.ty {
            Ty::Bool | Ty::Number { .. } => Some(t),
            ref other => {
                self.report(diagnostic::computed_type(c.expr.span, &other.describe()));
                None
            }
        });
        self.computed_busy.remove(id);
        self.computed_done.insert(id, t.clone());
        t
    }

    /// Whether `option` is one of the options of choice question `q` (E0004).
    fn option_of(&mut self, q: &str, option: &Ident) -> bool {
        let options = self.kinds.get(q).map(Kind::options).unwrap_or_default();
        if options.iter().any(|o| o.id == option.name) {
            return true;
        }
        let suggestion = suggest::closest(&option.name, options.iter().map(|o| o.id.as_str()));
        let declared = self.questions.get(q).map(|info| info.ast.id.span);
        self.report(diagnostic::unknown_option(q, option, suggestion, declared));
        false
    }

    /// A name that is neither a question nor a computed value: maybe an option.
    fn unknown_name(&self, e: &ast::Expr) -> Option<Ident> {
        match &e.kind {
            ExprKind::Name(n)
                if !self.questions.contains_key(n.as_str())
                    && !self.computed.contains_key(n.as_str()) =>
            {
                Some(Ident {
                    name: n.clone(),
                    span: e.span,
                })
            }
            _ => None,
        }
    }

    fn binary(&mut self, op: BinaryOp, l: &ast::Expr, r: &ast::Expr, ctx: Ctx) -> Option<Typed> {
        if matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
            let word = self
                .unknown_name(r)
                .map(|w| (l, w))
                .or_else(|| self.unknown_name(l).map(|w| (r, w)));
            if let Some((subject, word)) = word {
                return self.option_comparison(op == BinaryOp::Ne, subject, &word, ctx);
            }
        }
        let lt = self.lower(l, ctx);
        let rt = self.lower(r, ctx);
        let (lt, rt) = (lt?, rt?);
        match op {
            BinaryOp::And | BinaryOp::Or => {
                let word = if op == BinaryOp::And { "`and`" } else { "`or`" };
                let mut ok = true;
                for (t, e) in [(&lt, l), (&rt, r)] {
                    if t.ty != Ty::Bool {
                        self.report(diagnostic::not_boolean(e.span, &t.ty.describe(), word));
                        ok = false;
                    }
                }
                let (a, b) = (Box::new(lt.expr), Box::new(rt.expr));
                ok.then(|| Typed {
                    expr: if op == BinaryOp::And {
                        Expr::And(a, b)
                    } else {
                        Expr::Or(a, b)
                    },
                    ty: Ty::Bool,
                })
            }
            BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div => {
                self.arith(op, lt, rt, l, r)
            }
            _ => self.compare(op, lt, rt, l, r),
        }
    }

    /// `Q = option` or `Q != option`.
    fn option_comparison(
        &mut self,
        negated: bool,
        subject: &ast::Expr,
        word: &Ident,
        ctx: Ctx,
    ) -> Option<Typed> {
        if let Some(other) = self.unknown_name(subject) {
            // Neither side is known: report both names.
            self.name(&other.name, other.span);
        }
        let t = self.lower(subject, ctx)?;
        match &t.ty {
            Ty::Choice(q) => {
                let q = q.clone();
                self.option_of(&q, word).then(|| Typed {
                    expr: Expr::In {
                        question: q,
                        options: vec![word.name.clone()],
                        negated,
                    },
                    ty: Ty::Bool,
                })
            }
            Ty::Bool if is_yes_no_word(&word.name) => {
                let yes = matches!(word.name.to_lowercase().as_str(), "oui" | "vrai");
                self.report(diagnostic::yes_no_word(word, yes));
                None
            }
            Ty::Set(q) => {
                let help = format!(
                    "to test one option of a multiple choice, write `{q} has {}`",
                    word.name
                );
                self.report(diagnostic::operator_mismatch(
                    subject.span,
                    "=",
                    &t.ty.describe(),
                    &help,
                ));
                None
            }
            _ => {
                self.name(&word.name, word.span);
                None
            }
        }
    }

    fn compare(
        &mut self,
        op: BinaryOp,
        lt: Typed,
        rt: Typed,
        l: &ast::Expr,
        r: &ast::Expr,
    ) -> Option<Typed> {
        let cop = match op {
            BinaryOp::Eq => CompareOp::Eq,
            BinaryOp::Ne => CompareOp::Ne,
            BinaryOp::Lt => CompareOp::Lt,
            BinaryOp::Le => CompareOp::Le,
            BinaryOp::Gt => CompareOp::Gt,
            _ => CompareOp::Ge,
        };
        let equality = matches!(cop, CompareOp::Eq | CompareOp::Ne);
        // A share of nothing is nothing: the comparison is decided already.
        if let (Ty::Score(s), Ty::PercentLit(_), e) | (Ty::PercentLit(_), Ty::Score(s), e) =
            (&lt.ty, &rt.ty, l.span.to(r.span))
        {
            if self.score_max(s.as_deref()).is_zero() {
                self.report(diagnostic::share_of_nothing(e, s.as_deref()));
            }
        }
        let (left, right) = match (&lt.ty, &rt.ty) {
            (Ty::Score(s), Ty::PercentLit(p)) => (
                lt.expr,
                Expr::Number(self.score_max(s.as_deref()).percent_of(p)),
            ),
            (Ty::PercentLit(p), Ty::Score(s)) => (
                Expr::Number(self.score_max(s.as_deref()).percent_of(p)),
                rt.expr,
            ),
            (Ty::Number { percent: true, .. }, Ty::PercentLit(_))
            | (Ty::PercentLit(_), Ty::Number { percent: true, .. }) => (lt.expr, rt.expr),
            (Ty::PercentLit(_), _) | (_, Ty::PercentLit(_)) => {
                let e = if matches!(lt.ty, Ty::PercentLit(_)) {
                    l
                } else {
                    r
                };
                self.report(diagnostic::percent_misuse(e.span));
                return None;
            }
            (a, b) if a.is_numeric() && b.is_numeric() => (lt.expr, rt.expr),
            (Ty::Date, Ty::Date) => (lt.expr, rt.expr),
            (Ty::Text, Ty::Text) | (Ty::Bool, Ty::Bool) if equality => (lt.expr, rt.expr),
            (Ty::Text, Ty::Text) | (Ty::Bool, Ty::Bool) => {
                self.report(diagnostic::ordering_mismatch(
                    l.span.to(r.span),
                    op.symbol(),
                    &lt.ty.describe(),
                ));
                return None;
            }
            (Ty::Choice(q), Ty::Text) | (Ty::Text, Ty::Choice(q)) => {
                let text = if matches!(lt.ty, Ty::Text) { l } else { r };
                let written = match &text.kind {
                    ExprKind::Text(t) => t.clone(),
                    _ => String::new(),
                };
                self.report(diagnostic::quoted_option(text.span, q, &written));
                return None;
            }
            (a, b) => {
                self.report(diagnostic::compare_mismatch(
                    l.span,
                    r.span,
                    op.symbol(),
                    &a.describe(),
                    &b.describe(),
                ));
                return None;
            }
        };
        typed(
            Expr::Compare(cop, Box::new(left), Box::new(right)),
            Ty::Bool,
        )
    }

    fn arith(
        &mut self,
        op: BinaryOp,
        lt: Typed,
        rt: Typed,
        l: &ast::Expr,
        r: &ast::Expr,
    ) -> Option<Typed> {
        let mut ok = true;
        for (t, e) in [(&lt, l), (&rt, r)] {
            if !t.ty.is_numeric() {
                self.report(diagnostic::arithmetic_on(
                    e.span,
                    &t.ty.describe(),
                    op.symbol(),
                ));
                ok = false;
            }
        }
        if !ok {
            return None;
        }
        let aop = match op {
            BinaryOp::Add => ArithOp::Add,
            BinaryOp::Sub => ArithOp::Sub,
            BinaryOp::Mul => ArithOp::Mul,
            _ => ArithOp::Div,
        };
        if aop == ArithOp::Div {
            let range = self.range(&rt.expr);
            if range.contains_zero() {
                let question = match &rt.expr {
                    Expr::Answer(q) => Some(q.as_str()),
                    _ => None,
                };
                self.report(diagnostic::division_by_zero(
                    r.span,
                    &range.to_string(),
                    question,
                ));
                return None;
            }
        }
        let integer = aop != ArithOp::Div
            && matches!(lt.ty, Ty::Number { integer: true, .. })
            && matches!(rt.ty, Ty::Number { integer: true, .. });
        typed(
            Expr::Arith(aop, Box::new(lt.expr), Box::new(rt.expr)),
            Ty::Number {
                integer,
                percent: false,
            },
        )
    }

    /// The maximum of a section (`Some`) or of the total (`None`).
    pub(super) fn score_max(&self, section: Option<&str>) -> Num {
        match section {
            Some(s) => self.section_max.get(s).cloned().unwrap_or_default(),
            None => self.section_max.values().cloned().sum(),
        }
    }
}

impl Checker<'_> {
    /// Every computed value, lowered, in declaration order.
    pub(super) fn computed_values(&mut self) -> Vec<crate::model::Computed> {
        let mut out = Vec::new();
        let ids: Vec<&str> = self
            .ast_computed()
            .iter()
            .map(|c| c.id.name.as_str())
            .collect();
        for id in ids {
            let Some(&c) = self.computed.get(id) else {
                continue;
            };
            if out
                .iter()
                .any(|done: &crate::model::Computed| done.id == id)
            {
                continue;
            }
            let t = self.computed_typed(id);
            if let Some((lo, hi)) = &c.range {
                if lo.value > hi.value {
                    self.report(diagnostic::min_above_max(lo.span, hi.span));
                }
            }
            let decimals = c.decimals.as_ref().and_then(|d| {
                let n = d
                    .value
                    .to_decimal(0)
                    .parse::<u32>()
                    .ok()
                    .filter(|n| *n <= MAX_DECIMALS);
                if n.is_none() {
                    self.report(diagnostic::invalid_value(
                        d.span,
                        "decimals",
                        "a whole number from 0 to 6",
                    ));
                }
                n
            });
            if t.as_ref().is_some_and(|t| t.ty == Ty::Bool) {
                if let Some(unit) = &c.unit {
                    self.report(diagnostic::not_on_yes_no_value("unit", unit.span));
                }
                if let Some(d) = &c.decimals {
                    self.report(diagnostic::not_on_yes_no_value("decimals", d.span));
                }
            }
            if let Some(t) = t {
                out.push(crate::model::Computed {
                    id: id.to_owned(),
                    label: c.label.as_ref().map(|l| l.value.clone()),
                    expr: t.expr,
                    range: c
                        .range
                        .as_ref()
                        .map(|(lo, hi)| (lo.value.clone(), hi.value.clone())),
                    unit: c.unit.as_ref().map(|u| u.value.clone()),
                    decimals,
                    span: c.span,
                });
            }
        }
        out
    }
}
