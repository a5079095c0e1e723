//! Questions: their answer type, options, bounds, scoring and maxima.

use super::exprs::{Ctx, Ty};
use super::interval::Interval;
use super::Checker;
use crate::diagnostic;
use crate::model::{self, Band, Bounds, Choice, Item, Kind, Scoring};
use crate::num::Num;
use crate::source::Span;
use crate::syntax::ast::{self, PartKind, TypeName};
use std::collections::BTreeMap;

/// The keyword of a question part, as written.
fn part_word(kind: &PartKind) -> &'static str {
    match kind {
        PartKind::Type(_) => "type",
        PartKind::Options(_) => "options block",
        PartKind::Required => "required",
        PartKind::Hint(_) => "hint",
        PartKind::When(_) => "when",
        PartKind::Min(_) => "min",
        PartKind::Max(_) => "max",
        PartKind::Unit(_) => "unit",
        PartKind::Cap(_) => "cap",
        PartKind::Jury(..) => "jury",
        PartKind::YesPoints(_) => "yes",
        PartKind::NoPoints(_) => "no",
        PartKind::Bands(_) => "bands",
        PartKind::Check(_) => "check",
    }
}

impl<'a> Checker<'a> {
    /// Pass A: every question's answer type, so that expressions anywhere can
    /// be typed.
    pub(super) fn lower_kinds(&mut self) {
        for section in self.ast_sections() {
            for item in &section.items {
                if let ast::SectionItem::Question(q) = item {
                    let first = self
                        .questions
                        .get(q.id.name.as_str())
                        .is_some_and(|info| std::ptr::eq(info.ast, q));
                    if let Some(kind) = self.kind(q) {
                        if first {
                            self.kinds.insert(&q.id.name, kind);
                        }
                    }
                }
            }
        }
    }

    fn kind(&mut self, q: &'a ast::Question) -> Option<Kind> {
        let mut seen: BTreeMap<&'static str, Span> = BTreeMap::new();
        for part in &q.parts {
            let word = part_word(&part.kind);
            if word == "check" {
                continue;
            }
            if let Some(first) = seen.insert(word, part.span) {
                self.report(diagnostic::given_twice(word, part.span, first));
            }
        }
        let Some((ty, ty_span)) = q.parts.iter().find_map(|p| match p.kind {
            PartKind::Type(t) => Some((t, p.span)),
            _ => None,
        }) else {
            self.report(diagnostic::missing_type(&q.id));
            return None;
        };
        let options = q.parts.iter().find_map(|p| match &p.kind {
            PartKind::Options(o) => Some((o, p.span)),
            _ => None,
        });
        let choice = matches!(ty, TypeName::One | TypeName::Many);
        let number = matches!(
            ty,
            TypeName::Integer | TypeName::Decimal | TypeName::Percent
        );
        for part in &q.parts {
            let allowed = match &part.kind {
                PartKind::Options(_) => choice,
                PartKind::Min(_) | PartKind::Max(_) => number || ty == TypeName::Many,
                PartKind::Unit(_) => number,
                PartKind::Cap(_) => ty == TypeName::Many,
                PartKind::YesPoints(_) | PartKind::NoPoints(_) => ty == TypeName::YesNo,
                PartKind::Bands(b) => number || b.score.is_some(),
                _ => true,
            };
            if !allowed {
                self.report(diagnostic::not_allowed(
                    part_word(&part.kind),
                    ty.keyword(),
                    part.span,
                ));
            }
        }
        let number_at = |word: &str| {
            q.parts.iter().find_map(|p| match (&p.kind, word) {
                (PartKind::Min(n), "min") | (PartKind::Max(n), "max") => Some(n),
                _ => None,
            })
        };
        let (min, max) = (number_at("min"), number_at("max"));
        let kind = match ty {
            TypeName::YesNo => Kind::YesNo,
            TypeName::One | TypeName::Many => {
                let Some((decls, _)) = options else {
                    self.report(diagnostic::no_options(&q.id, ty.keyword(), ty_span));
                    return None;
                };
                if decls.is_empty() {
                    self.report(diagnostic::no_options(
                        &q.id,
                        ty.keyword(),
                        options.map_or(ty_span, |o| o.1),
                    ));
                    return None;
                }
                let options = self.choices(decls, ty == TypeName::Many);
                if ty == TypeName::One {
                    Kind::One { options }
                } else {
                    let count = options.len();
                    let min_choices = min.and_then(|n| self.count(n, count));
                    let max_choices = max.and_then(|n| self.count(n, count));
                    if let (Some(lo), Some(hi), Some(a), Some(b)) =
                        (min, max, min_choices, max_choices)
                    {
                        if a > b {
                            self.report(diagnostic::min_above_max(lo.span, hi.span));
                        }
                    }
                    Kind::Many {
                        options,
                        min_choices,
                        max_choices,
                    }
                }
            }
            TypeName::Integer | TypeName::Decimal | TypeName::Percent => {
                let unit = q.parts.iter().find_map(|p| match &p.kind {
                    PartKind::Unit(t) => Some(t.value.clone()),
                    _ => None,
                });
                for n in [min, max].into_iter().flatten() {
                    if ty == TypeName::Integer && !n.value.is_integer() {
                        self.report(diagnostic::invalid_value(
                            n.span,
                            "integer bound",
                            "a whole number",
                        ));
                    }
                    if ty == TypeName::Percent
                        && (n.value.is_negative() || n.value > Num::from_int(100))
                    {
                        self.report(diagnostic::percent_bound(n.span));
                    }
                }
                if let (Some(lo), Some(hi)) = (min, max) {
                    if lo.value > hi.value {
                        self.report(diagnostic::min_above_max(lo.span, hi.span));
                    }
                }
                let bounds = Bounds {
                    min: min.map(|n| n.value.clone()),
                    max: max.map(|n| n.value.clone()),
                    unit,
                };
                match ty {
                    TypeName::Integer => Kind::Integer(bounds),
                    TypeName::Decimal => Kind::Decimal(bounds),
                    _ => Kind::Percent(bounds),
                }
            }
            TypeName::Text => Kind::Text,
            TypeName::LongText => Kind::LongText,
            TypeName::Date => Kind::Date,
            TypeName::Email => Kind::Email,
            TypeName::Url => Kind::Url,
            TypeName::Siret => Kind::Siret,
        };
        Some(kind)
    }

    /// A number of choices: a whole number, at most the number of options.
    fn count(&mut self, n: &ast::NumLit, options: usize) -> Option<u32> {
        let value: Option<u32> = n
            .value
            .is_integer()
            .then(|| n.value.to_decimal(0).parse().ok())
            .flatten();
        match value {
            Some(v) if v as usize <= options => Some(v),
            Some(_) => {
                self.report(diagnostic::too_many_choices(n.span, options));
                None
            }
            None => {
                self.report(diagnostic::invalid_value(
                    n.span,
                    "number of choices",
                    "a whole number",
                ));
                None
            }
        }
    }

    fn choices(&mut self, decls: &'a [ast::OptionDecl], many: bool) -> Vec<Choice> {
        let mut ids: BTreeMap<&str, Span> = BTreeMap::new();
        let mut labels: BTreeMap<&str, Span> = BTreeMap::new();
        let mut out = Vec::new();
        for o in decls {
            self.reserved(&o.id);
            if let Some(first) = ids.insert(&o.id.name, o.id.span) {
                self.report(diagnostic::duplicate_id("option", &o.id, first));
                ids.insert(&o.id.name, first);
                continue;
            }
            if let Some(first) = labels.insert(o.label.value.trim(), o.label.span) {
                self.report(diagnostic::duplicate_label("option", &o.label, first));
            }
            if o.exclusive && !many {
                let at = Span::new(o.id.span.start as usize, o.span.end as usize);
                self.report(diagnostic::not_allowed("exclusive", "one", at));
            }
            out.push(Choice {
                id: o.id.name.clone(),
                label: o.label.value.clone(),
                points: o
                    .points
                    .as_ref()
                    .map(|p| p.value.clone())
                    .unwrap_or_default(),
                exclusive: o.exclusive,
            });
        }
        out
    }

    /// Pass B: sections with their questions, conditions, checks and scoring.
    pub(super) fn sections(&mut self) -> Vec<model::Section> {
        let mut out = Vec::new();
        for (index, s) in self.ast_sections().enumerate() {
            let when = s
                .when
                .as_ref()
                .and_then(|w| self.condition(w, Ctx::Answers, "a section's `when`"));
            let mut intro: Option<(Span, Option<model::RichText>)> = None;
            let mut items = Vec::new();
            let mut checks = Vec::new();
            let mut count = 0;
            for item in &s.items {
                match item {
                    ast::SectionItem::Intro(text, span) => {
                        if let Some((first, _)) = intro {
                            self.report(diagnostic::given_twice("intro", *span, first));
                        } else {
                            intro = Some((*span, self.rich_text(text)));
                        }
                    }
                    ast::SectionItem::Question(q) => {
                        count += 1;
                        if let Some(q) = self.question(q, format!("{}.{count}", index + 1)) {
                            items.push(Item::Question(q));
                        }
                    }
                    ast::SectionItem::Note(n) => {
                        let text = self.rich_text(&n.text);
                        let when = n
                            .when
                            .as_ref()
                            .and_then(|w| self.condition(w, Ctx::Answers, "a note's `when`"));
                        if let Some(text) = text {
                            items.push(Item::Note(model::Note {
                                id: n.id.as_ref().map(|i| i.name.clone()),
                                text,
                                when,
                                span: n.span,
                            }));
                        }
                    }
                    ast::SectionItem::Check(c) => checks.extend(self.check(c)),
                    ast::SectionItem::Compute(_) => {}
                }
            }
            if count == 0 {
                self.report(diagnostic::empty_section(&s.id));
            }
            let max: Num = items
                .iter()
                .filter_map(|i| match i {
                    Item::Question(q) => Some(q.max.clone()),
                    Item::Note(_) => None,
                })
                .sum();
            self.section_max
                .entry(s.id.name.clone())
                .or_insert_with(|| max.clone());
            out.push(model::Section {
                id: s.id.name.clone(),
                number: index + 1,
                title: s.title.value.clone(),
                intro: intro.and_then(|(_, t)| t),
                when,
                items,
                checks,
                max,
                span: s.span,
            });
        }
        out
    }

    pub(super) fn check(&mut self, c: &ast::Check) -> Option<model::Check> {
        let expr = self.condition(&c.expr, Ctx::Answers, "a `check`")?;
        Some(model::Check {
            expr,
            message: c.message.value.clone(),
            soft: c.soft,
            span: c.span,
        })
    }

    fn question(&mut self, q: &'a ast::Question, number: String) -> Option<model::Question> {
        let mut when = None;
        let mut checks = Vec::new();
        let mut hint = None;
        let mut required = false;
        let mut methods: Vec<(Scoring, Span)> = Vec::new();
        let kind = self.kinds.get(q.id.name.as_str()).cloned();
        for part in &q.parts {
            match &part.kind {
                PartKind::Required => required = true,
                PartKind::Hint(t) => hint = Some(t.value.clone()),
                PartKind::When(w) => when = self.condition(w, Ctx::Answers, "a `when`"),
                PartKind::Check(c) => checks.extend(self.check(c)),
                PartKind::YesPoints(_) | PartKind::NoPoints(_)
                    if !methods
                        .iter()
                        .any(|(m, _)| matches!(m, Scoring::YesNo { .. })) =>
                {
                    let points = |yes: bool| {
                        q.parts
                            .iter()
                            .find_map(|p| match &p.kind {
                                PartKind::YesPoints(n) if yes => Some(n.value.clone()),
                                PartKind::NoPoints(n) if !yes => Some(n.value.clone()),
                                _ => None,
                            })
                            .unwrap_or_default()
                    };
                    let scoring = Scoring::YesNo {
                        yes: points(true),
                        no: points(false),
                    };
                    methods.push((scoring, part.span));
                }
                PartKind::Jury(lo, hi) => {
                    if !lo.value.is_zero() || !hi.value.is_integer() || hi.value <= Num::zero() {
                        self.report(diagnostic::jury_range(part.span, lo, hi));
                    } else {
                        methods.push((
                            Scoring::Jury {
                                max: hi.value.clone(),
                            },
                            part.span,
                        ));
                    }
                }
                PartKind::Bands(b) => {
                    if let Some(scoring) = self.bands(q, kind.as_ref(), b) {
                        methods.push((scoring, part.span));
                    }
                }
                PartKind::Cap(n) if n.value <= Num::zero() => {
                    self.report(diagnostic::invalid_value(
                        n.span,
                        "cap",
                        "a number of points above 0",
                    ));
                }
                PartKind::Options(decls) if decls.iter().any(|o| o.points.is_some()) => {
                    methods.push((Scoring::Choices { cap: None }, part.span));
                }
                _ => {}
            }
        }
        let many = matches!(kind, Some(Kind::Many { .. }));
        let cap = q.parts.iter().find_map(|p| match &p.kind {
            PartKind::Cap(n) if many && n.value > Num::zero() => Some((n.value.clone(), p.span)),
            _ => None,
        });
        if let Some((cap, span)) = &cap {
            match methods
                .iter_mut()
                .find(|(m, _)| matches!(m, Scoring::Choices { .. }))
            {
                Some((Scoring::Choices { cap: c }, _)) => *c = Some(cap.clone()),
                _ => methods.push((
                    Scoring::Choices {
                        cap: Some(cap.clone()),
                    },
                    *span,
                )),
            }
        }
        if methods.len() > 1 {
            self.report(diagnostic::scored_twice(&q.id, methods[0].1, methods[1].1));
        }
        let kind = kind?;
        let scoring = methods.into_iter().next().map_or(Scoring::None, |(m, _)| m);
        let max = self.question_max(q, &kind, &scoring, cap.as_ref().map(|c| c.1));
        Some(model::Question {
            id: q.id.name.clone(),
            number,
            label: q.label.value.clone(),
            hint,
            required,
            when,
            kind,
            scoring,
            checks,
            max,
            span: q.span,
        })
    }

    /// `bands { … }` or `score EXPR bands { … }`.
    fn bands(
        &mut self,
        q: &'a ast::Question,
        kind: Option<&Kind>,
        b: &'a ast::Bands,
    ) -> Option<Scoring> {
        let (value, domain, integer) = match &b.score {
            Some(e) => {
                let t = self.lower(e, Ctx::Answers)?;
                if !matches!(t.ty, Ty::Number { .. }) {
                    self.report(diagnostic::arithmetic_on(e.span, &t.ty.describe(), "bands"));
                    return None;
                }
                let domain = self.range(&t.expr);
                let integer = matches!(t.ty, Ty::Number { integer: true, .. });
                (Some(t.expr), domain, integer)
            }
            None => {
                let own = model::Expr::Answer(q.id.name.clone());
                (
                    None,
                    self.range(&own),
                    matches!(kind, Some(Kind::Integer(_))),
                )
            }
        };
        let subject = match &b.score {
            Some(_) => "the scored value".to_owned(),
            None => format!("`{}`", q.id.name),
        };
        // Bands with coverage problems still count for the maxima, so that
        // one mistake does not cascade into threshold errors.
        self.check_bands(&b.bands, &domain, integer, &subject, q.id.span);
        (!b.bands.is_empty()).then(|| Scoring::Bands {
            value,
            bands: b
                .bands
                .iter()
                .map(|band| Band {
                    lower: band.lower.value.clone(),
                    lower_closed: band.lower_closed,
                    upper: band.upper.as_ref().map(|u| u.value.clone()),
                    upper_closed: band.upper_closed,
                    points: band.points.value.clone(),
                })
                .collect(),
        })
    }

    /// The most points a question can earn; warns about caps that never bite.
    fn question_max(
        &mut self,
        q: &ast::Question,
        kind: &Kind,
        scoring: &Scoring,
        cap_span: Option<Span>,
    ) -> Num {
        let zero = Num::zero();
        match scoring {
            Scoring::None => zero,
            Scoring::YesNo { yes, no } => yes.clone().max(no.clone()).max(zero),
            Scoring::Jury { max } => max.clone(),
            Scoring::Bands { bands, .. } => {
                bands.iter().map(|b| b.points.clone()).fold(zero, Num::max)
            }
            Scoring::Choices { cap } => {
                let best = match kind {
                    Kind::Many {
                        options,
                        max_choices,
                        ..
                    } => best_choices(options, *max_choices),
                    other => other
                        .options()
                        .iter()
                        .map(|o| o.points.clone())
                        .fold(zero, Num::max),
                };
                match (cap, cap_span) {
                    (Some(cap), Some(span)) => {
                        if *cap >= best {
                            self.report(diagnostic::cap_never_reached(
                                span, &q.id.name, cap, &best,
                            ));
                        }
                        best.min(cap.clone())
                    }
                    _ => best,
                }
            }
        }
    }

    /// Checks that bands do not overlap, leave no gap and cover the domain.
    pub(super) fn check_bands(
        &mut self,
        bands: &[ast::Band],
        domain: &Interval,
        integer: bool,
        subject: &str,
        subject_span: Span,
    ) -> bool {
        super::bands::check(self, bands, domain, integer, subject, subject_span)
    }
}

/// The best sum of a multiple choice's options, exclusive options alone.
fn best_choices(options: &[Choice], max_choices: Option<u32>) -> Num {
    let mut points: Vec<Num> = options
        .iter()
        .filter(|o| !o.exclusive && !o.points.is_negative())
        .map(|o| o.points.clone())
        .collect();
    points.sort_by(|a, b| b.cmp(a));
    let take = max_choices.map_or(points.len(), |m| m as usize);
    let combined: Num = points.into_iter().take(take).sum();
    options
        .iter()
        .filter(|o| o.exclusive)
        .map(|o| o.points.clone())
        .fold(combined, Num::max)
}
