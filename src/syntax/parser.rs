//! pest's parser and the builder that turns its pairs into the syntax tree:
//! one method per grammar rule. No `Pair` or `Rule` leaves this module tree.

use super::ast::{
    Band, Bands, BinaryOp, Check, Compute, DateLit, Example, Expectation, Expr, ExprKind, Field,
    File, Header, Ident, Item, JuryValue, Level, Levels, Mention, Mentions, Note, NumLit,
    OptionDecl, Part, PartKind, Question, Scheme, Section, SectionItem, Text, Threshold, TypeName,
    UnaryOp, Value,
};
use crate::diagnostic::{self, Diagnostic};
use crate::num::Num;
use crate::source::Span;
use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};
use std::sync::LazyLock;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/grille.pest"]
pub(super) struct GrilleParser;

/// Operators per expression, beyond which it must be split with `compute`.
pub(super) const MAX_OPERATORS: usize = 1000;
/// Depth of an expression tree.
pub(super) const MAX_DEPTH: u32 = 500;

static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::or, Assoc::Left))
        .op(Op::infix(Rule::and, Assoc::Left))
        .op(Op::prefix(Rule::not))
        .op(Op::infix(Rule::eq, Assoc::Left)
            | Op::infix(Rule::ne, Assoc::Left)
            | Op::infix(Rule::lt, Assoc::Left)
            | Op::infix(Rule::le, Assoc::Left)
            | Op::infix(Rule::gt, Assoc::Left)
            | Op::infix(Rule::ge, Assoc::Left)
            | Op::postfix(Rule::in_set)
            | Op::postfix(Rule::not_in_set)
            | Op::postfix(Rule::has_any)
            | Op::postfix(Rule::has_option))
        .op(Op::infix(Rule::add, Assoc::Left) | Op::infix(Rule::sub, Assoc::Left))
        .op(Op::infix(Rule::mul, Assoc::Left) | Op::infix(Rule::div, Assoc::Left))
        .op(Op::prefix(Rule::neg))
});

type Result<T> = std::result::Result<T, Diagnostic>;

/// A pair's span without the whitespace and comments that pest skipped
/// after its last token.
fn span(pair: &Pair<'_, Rule>) -> Span {
    let s = pair.as_span();
    Span::new(s.start(), s.start() + trim_trailing(s.as_str()).len())
}

/// The text up to its last token: trailing blanks and `#` comments removed.
fn trim_trailing(text: &str) -> &str {
    let last_line = text.rfind('\n').map_or(text, |i| &text[i..]);
    if !text.ends_with(char::is_whitespace) && !last_line.contains('#') {
        return text; // the common case: a token, or a rule ending on its own token
    }
    &text[..super::scan::end_of_tokens(text)]
}

/// Inner pairs that carry data: keywords are skipped.
fn parts<'i>(pair: Pair<'i, Rule>) -> impl Iterator<Item = Pair<'i, Rule>> {
    pair.into_inner().filter(|p| !is_keyword(p.as_rule()))
}

fn is_keyword(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::k_questionnaire
            | Rule::k_edition
            | Rule::k_section
            | Rule::k_intro
            | Rule::k_note
            | Rule::k_compute
            | Rule::k_range
            | Rule::k_question
            | Rule::k_yesno
            | Rule::k_one
            | Rule::k_many
            | Rule::k_integer
            | Rule::k_decimal
            | Rule::k_decimals
            | Rule::k_percent
            | Rule::k_text
            | Rule::k_long
            | Rule::k_date
            | Rule::k_email
            | Rule::k_url
            | Rule::k_siret
            | Rule::k_exclusive
            | Rule::k_required
            | Rule::k_hint
            | Rule::k_when
            | Rule::k_min
            | Rule::k_max
            | Rule::k_unit
            | Rule::k_cap
            | Rule::k_jury
            | Rule::k_yes
            | Rule::k_no
            | Rule::k_score
            | Rule::k_bands
            | Rule::k_inf
            | Rule::k_check
            | Rule::k_soft
            | Rule::k_levels
            | Rule::k_cumulative
            | Rule::k_independent
            | Rule::k_none
            | Rule::k_named
            | Rule::k_level
            | Rule::k_mentions
            | Rule::k_mention
            | Rule::k_previous
            | Rule::k_from
            | Rule::k_gate
            | Rule::k_description
            | Rule::k_example
            | Rule::k_answers
            | Rule::k_expect
            | Rule::k_total
            | Rule::k_invalid
            | Rule::k_not
            | Rule::k_in
            | Rule::k_has
            | Rule::k_any
            | Rule::k_or
            | Rule::k_and
    )
}

fn next<'i>(it: &mut impl Iterator<Item = Pair<'i, Rule>>) -> Pair<'i, Rule> {
    // The grammar guarantees the shape of every rule's children.
    it.next().expect("grammar guarantees this child")
}

pub(super) fn file(pair: Pair<'_, Rule>) -> Result<File> {
    let mut header = None;
    let mut list = Vec::new();
    for p in parts(pair) {
        match p.as_rule() {
            Rule::questionnaire => header = Some(questionnaire(p)),
            _ => list.extend(item(p)?),
        }
    }
    Ok(File {
        header: header.expect("grammar guarantees a header"),
        items: list,
    })
}

fn item(p: Pair<'_, Rule>) -> Result<Option<Item>> {
    Ok(Some(match p.as_rule() {
        Rule::section => Item::Section(section(p)?),
        Rule::compute => Item::Compute(compute(p)?),
        Rule::levels => Item::Levels(levels(p)?),
        Rule::mentions => Item::Mentions(mentions(p)?),
        Rule::example => Item::Example(example(p)),
        _ => return Ok(None),
    }))
}

fn questionnaire(pair: Pair<'_, Rule>) -> Header {
    let sp = span(&pair);
    let mut it = parts(pair);
    let id = ident(next(&mut it));
    let title = text(next(&mut it));
    let edition = num(next(&mut it));
    let fields = it
        .next()
        .map(|h| parts(h).map(field).collect())
        .unwrap_or_default();
    Header {
        id,
        title,
        edition,
        fields,
        span: sp,
    }
}

fn field(pair: Pair<'_, Rule>) -> Field {
    let sp = span(&pair);
    let mut it = parts(pair);
    let key = ident(next(&mut it));
    let value = value(next(&mut it));
    Field {
        key,
        value,
        span: sp,
    }
}

fn value(pair: Pair<'_, Rule>) -> Value {
    match pair.as_rule() {
        Rule::text => Value::Text(text(pair)),
        Rule::number | Rule::integer => Value::Number(num(pair)),
        Rule::date => Value::Date(DateLit {
            text: pair.as_str().to_owned(),
            span: span(&pair),
        }),
        Rule::boolean => Value::Bool(is_true(pair.as_str()), span(&pair)),
        Rule::set => Value::Set(parts(pair.clone()).map(ident).collect(), span(&pair)),
        Rule::fields => Value::Block(parts(pair.clone()).map(field).collect(), span(&pair)),
        _ => Value::Ident(ident(pair)),
    }
}

fn is_true(word: &str) -> bool {
    matches!(word, "yes" | "true")
}

fn section(pair: Pair<'_, Rule>) -> Result<Section> {
    let sp = span(&pair);
    let mut it = parts(pair);
    let id = ident(next(&mut it));
    let title = text(next(&mut it));
    let mut when = None;
    let mut items = Vec::new();
    for p in it {
        match p.as_rule() {
            Rule::when => when = Some(expr(next(&mut parts(p)))?),
            Rule::intro => {
                let s = span(&p);
                items.push(SectionItem::Intro(text(next(&mut parts(p))), s));
            }
            Rule::question => items.push(SectionItem::Question(question(p)?)),
            Rule::note => items.push(SectionItem::Note(note(p)?)),
            Rule::compute => items.push(SectionItem::Compute(compute(p)?)),
            Rule::check => items.push(SectionItem::Check(check(p)?)),
            _ => {}
        }
    }
    Ok(Section {
        id,
        title,
        when,
        items,
        span: sp,
    })
}

fn note(pair: Pair<'_, Rule>) -> Result<Note> {
    let sp = span(&pair);
    let mut id = None;
    let mut body = None;
    let mut when = None;
    for p in parts(pair) {
        match p.as_rule() {
            Rule::ident => id = Some(ident(p)),
            Rule::text => body = Some(text(p)),
            Rule::when => when = Some(expr(next(&mut parts(p)))?),
            _ => {}
        }
    }
    Ok(Note {
        id,
        text: body.expect("grammar guarantees a text"),
        when,
        span: sp,
    })
}

fn compute(pair: Pair<'_, Rule>) -> Result<Compute> {
    let sp = span(&pair);
    let mut id = None;
    let mut label = None;
    let mut value = None;
    let mut range = None;
    let mut unit = None;
    let mut decimals = None;
    // Where each part was first given, to report one given twice.
    let mut given: Vec<(Rule, Span)> = Vec::new();
    for p in parts(pair) {
        let rule = p.as_rule();
        if matches!(rule, Rule::range | Rule::unit | Rule::decimals) {
            if let Some((_, first)) = given.iter().find(|(r, _)| *r == rule) {
                let word = p.as_str().split_whitespace().next().unwrap_or_default();
                return Err(diagnostic::given_twice(word, span(&p), *first));
            }
            given.push((rule, span(&p)));
        }
        match rule {
            Rule::ident => id = Some(ident(p)),
            Rule::text => label = Some(text(p)),
            Rule::expr => value = Some(expr(p)?),
            Rule::range => {
                let mut r = parts(p);
                let lo = num(next(&mut r));
                range = Some((lo, num(next(&mut r))));
            }
            Rule::unit => unit = Some(text(next(&mut parts(p)))),
            Rule::decimals => decimals = Some(num(next(&mut parts(p)))),
            _ => {}
        }
    }
    Ok(Compute {
        id: id.expect("grammar guarantees an id"),
        label,
        expr: value.expect("grammar guarantees an expression"),
        range,
        unit,
        decimals,
        span: sp,
    })
}

fn question(pair: Pair<'_, Rule>) -> Result<Question> {
    let sp = span(&pair);
    let mut it = parts(pair);
    let id = ident(next(&mut it));
    let label = text(next(&mut it));
    let parts = it.map(part).collect::<Result<Vec<_>>>()?;
    Ok(Question {
        id,
        label,
        parts,
        span: sp,
    })
}

fn part(pair: Pair<'_, Rule>) -> Result<Part> {
    let sp = span(&pair);
    let rule = pair.as_rule();
    let kind = match rule {
        Rule::qtype => PartKind::Type(type_name(pair)),
        Rule::options => PartKind::Options(parts(pair).map(option).collect()),
        Rule::required => PartKind::Required,
        Rule::check => PartKind::Check(check(pair)?),
        Rule::bands => PartKind::Bands(bands(pair)?),
        _ => {
            let mut it = parts(pair);
            let first = next(&mut it);
            match rule {
                Rule::hint => PartKind::Hint(text(first)),
                Rule::unit => PartKind::Unit(text(first)),
                Rule::when => PartKind::When(expr(first)?),
                Rule::min => PartKind::Min(num(first)),
                Rule::max => PartKind::Max(num(first)),
                Rule::cap => PartKind::Cap(num(first)),
                Rule::yes_points => PartKind::YesPoints(num(first)),
                Rule::no_points => PartKind::NoPoints(num(first)),
                Rule::jury => PartKind::Jury(num(first), num(next(&mut it))),
                _ => unreachable!("question part {rule:?}"),
            }
        }
    };
    Ok(Part { kind, span: sp })
}

fn type_name(pair: Pair<'_, Rule>) -> TypeName {
    let words: Vec<Rule> = pair.into_inner().map(|p| p.as_rule()).collect();
    match words.as_slice() {
        [Rule::k_yesno] => TypeName::YesNo,
        [Rule::k_one] => TypeName::One,
        [Rule::k_many] => TypeName::Many,
        [Rule::k_integer] => TypeName::Integer,
        [Rule::k_decimal] => TypeName::Decimal,
        [Rule::k_percent] => TypeName::Percent,
        [Rule::k_text] => TypeName::Text,
        [Rule::k_text, Rule::k_long] => TypeName::LongText,
        [Rule::k_date] => TypeName::Date,
        [Rule::k_email] => TypeName::Email,
        [Rule::k_url] => TypeName::Url,
        [Rule::k_siret] => TypeName::Siret,
        other => unreachable!("question type {other:?}"),
    }
}

fn option(pair: Pair<'_, Rule>) -> OptionDecl {
    let sp = span(&pair);
    let mut it = parts(pair);
    let id = ident(next(&mut it));
    let label = text(next(&mut it));
    let mut points = None;
    let mut exclusive = false;
    for p in it {
        match p.as_rule() {
            Rule::points => points = Some(num(next(&mut parts(p)))),
            Rule::exclusive => exclusive = true,
            _ => {}
        }
    }
    OptionDecl {
        id,
        label,
        points,
        exclusive,
        span: sp,
    }
}

fn bands(pair: Pair<'_, Rule>) -> Result<Bands> {
    let mut score = None;
    let mut list = Vec::new();
    for p in parts(pair) {
        match p.as_rule() {
            Rule::expr => score = Some(expr(p)?),
            Rule::band => list.push(band(p)),
            _ => {}
        }
    }
    Ok(Bands { score, bands: list })
}

fn band(pair: Pair<'_, Rule>) -> Band {
    let sp = span(&pair);
    let mut it = parts(pair);
    let interval = next(&mut it);
    let points = num(next(&mut it));
    let mut i = parts(interval);
    let lower_closed = next(&mut i).as_str() == "[";
    let lower = num(next(&mut i));
    let upper_pair = next(&mut i);
    let upper = (upper_pair.as_rule() != Rule::infinity).then(|| num(upper_pair));
    let upper_closed = next(&mut i).as_str() == "]";
    Band {
        lower,
        lower_closed,
        upper,
        upper_closed,
        points,
        span: sp,
    }
}

fn check(pair: Pair<'_, Rule>) -> Result<Check> {
    let sp = span(&pair);
    let mut soft = false;
    let mut condition = None;
    let mut message = None;
    for p in parts(pair) {
        match p.as_rule() {
            Rule::soft => soft = true,
            Rule::expr => condition = Some(expr(p)?),
            Rule::text => message = Some(text(p)),
            _ => {}
        }
    }
    Ok(Check {
        soft,
        expr: condition.expect("grammar guarantees an expression"),
        message: message.expect("grammar guarantees a message"),
        span: sp,
    })
}

fn levels(pair: Pair<'_, Rule>) -> Result<Levels> {
    let sp = span(&pair);
    let mut result = Levels {
        scheme: None,
        unlabelled: None,
        named: false,
        levels: Vec::new(),
        span: sp,
    };
    for p in parts(pair) {
        match p.as_rule() {
            Rule::scheme => {
                result.scheme = Some(if p.as_str() == "independent" {
                    Scheme::Independent
                } else {
                    Scheme::Cumulative
                });
            }
            Rule::unlabelled => result.unlabelled = Some(text(next(&mut parts(p)))),
            Rule::named => result.named = true,
            Rule::level => result.levels.push(level(p)?),
            _ => {}
        }
    }
    Ok(result)
}

fn mentions(pair: Pair<'_, Rule>) -> Result<Mentions> {
    let sp = span(&pair);
    let mentions = parts(pair).map(mention).collect::<Result<_>>()?;
    Ok(Mentions { mentions, span: sp })
}

fn mention(pair: Pair<'_, Rule>) -> Result<Mention> {
    let sp = span(&pair);
    let mut it = parts(pair);
    let id = ident(next(&mut it));
    let label = text(next(&mut it));
    let mut result = Mention {
        id,
        label,
        when: None,
        jury: false,
        description: None,
        span: sp,
    };
    let mut given: Vec<(Rule, Span)> = Vec::new();
    for p in it {
        let rule = p.as_rule();
        if let Some((_, first)) = given.iter().find(|(r, _)| *r == rule) {
            let word = p.as_str().split_whitespace().next().unwrap_or_default();
            return Err(diagnostic::given_twice(word, span(&p), *first));
        }
        given.push((rule, span(&p)));
        match rule {
            Rule::when => result.when = Some(expr(next(&mut parts(p)))?),
            Rule::jury_decided => result.jury = true,
            Rule::description => result.description = Some(text(next(&mut parts(p)))),
            _ => {}
        }
    }
    Ok(result)
}

fn level(pair: Pair<'_, Rule>) -> Result<Level> {
    let sp = span(&pair);
    let mut it = parts(pair);
    let number = num(next(&mut it));
    let name = text(next(&mut it));
    let mut result = Level {
        number,
        name,
        threshold: None,
        gates: Vec::new(),
        description: None,
        span: sp,
    };
    for p in it {
        match p.as_rule() {
            Rule::threshold => {
                let tsp = span(&p);
                let v = next(&mut parts(p));
                let percent = v.as_rule() == Rule::percent;
                result.threshold = Some(Threshold {
                    value: num(v),
                    percent,
                    span: tsp,
                });
            }
            Rule::gate => result.gates.push(expr(next(&mut parts(p)))?),
            Rule::description => result.description = Some(text(next(&mut parts(p)))),
            _ => {}
        }
    }
    Ok(result)
}

fn example(pair: Pair<'_, Rule>) -> Example {
    let sp = span(&pair);
    let mut it = parts(pair);
    let id = ident(next(&mut it));
    let mut result = Example {
        id,
        title: None,
        answers: Vec::new(),
        jury: Vec::new(),
        previous: Vec::new(),
        expect: Vec::new(),
        span: sp,
    };
    for p in it {
        match p.as_rule() {
            Rule::text => result.title = Some(text(p)),
            Rule::answers => {
                for a in parts(p) {
                    let mut a = parts(a);
                    let key = ident(next(&mut a));
                    result.answers.push((key, value(next(&mut a))));
                }
            }
            Rule::jury_scores => {
                for j in parts(p) {
                    let mut j = parts(j);
                    let key = ident(next(&mut j));
                    let v = next(&mut j);
                    let value = if v.as_rule() == Rule::boolean {
                        JuryValue::Decision(is_true(v.as_str()), span(&v))
                    } else {
                        JuryValue::Mark(num(v))
                    };
                    result.jury.push((key, value));
                }
            }
            Rule::expect | Rule::previous => {
                let is_previous = p.as_rule() == Rule::previous;
                for e in parts(p) {
                    let esp = span(&e);
                    let rule = e.as_rule();
                    let mut e = parts(e);
                    let target = if is_previous {
                        &mut result.previous
                    } else {
                        &mut result.expect
                    };
                    target.push(match rule {
                        Rule::expect_level => Expectation::Level(num(next(&mut e))),
                        Rule::expect_total => Expectation::Total(num(next(&mut e))),
                        Rule::expect_section => {
                            let section = ident(next(&mut e));
                            Expectation::Section(section, num(next(&mut e)))
                        }
                        Rule::expect_mentions => {
                            Expectation::Mentions(parts(next(&mut e)).map(ident).collect(), esp)
                        }
                        _ => Expectation::Invalid(esp),
                    });
                }
            }
            _ => {}
        }
    }
    result
}

// ---------------------------------------------------------------- expressions

/// An expression with the depth of its tree.
type Built = Result<(Expr, u32)>;

fn expr(pair: Pair<'_, Rule>) -> Result<Expr> {
    let sp = span(&pair);
    // Operands and operators alternate: half the tokens are operators.
    let operators = pair.clone().into_inner().count() / 2;
    if operators > MAX_OPERATORS {
        return Err(diagnostic::expression_too_long(
            sp,
            operators,
            MAX_OPERATORS,
        ));
    }
    let (e, depth) = pratt(pair)?;
    if depth > MAX_DEPTH {
        return Err(diagnostic::expression_too_deep(sp, MAX_DEPTH));
    }
    Ok(e)
}

fn pratt(pair: Pair<'_, Rule>) -> Built {
    PRATT
        .map_primary(primary)
        .map_prefix(|op, rhs| {
            let (rhs, depth) = rhs?;
            let o = if op.as_rule() == Rule::not {
                UnaryOp::Not
            } else {
                UnaryOp::Neg
            };
            let sp = span(&op).to(rhs.span);
            Ok((node(ExprKind::Unary(o, Box::new(rhs)), sp), depth + 1))
        })
        .map_postfix(|lhs, op| {
            let (lhs, depth) = lhs?;
            let sp = lhs.span.to(span(&op));
            let rule = op.as_rule();
            let mut inner = parts(op);
            let kind = match rule {
                Rule::has_any => ExprKind::HasAny(Box::new(lhs)),
                Rule::has_option => ExprKind::Has(Box::new(lhs), ident(next(&mut inner))),
                _ => ExprKind::In {
                    expr: Box::new(lhs),
                    set: parts(next(&mut inner)).map(ident).collect(),
                    negated: rule == Rule::not_in_set,
                },
            };
            Ok((node(kind, sp), depth + 1))
        })
        .map_infix(|lhs, op, rhs| {
            let (lhs, l) = lhs?;
            let (rhs, r) = rhs?;
            let o = match op.as_rule() {
                Rule::or => BinaryOp::Or,
                Rule::and => BinaryOp::And,
                Rule::eq => BinaryOp::Eq,
                Rule::ne => BinaryOp::Ne,
                Rule::lt => BinaryOp::Lt,
                Rule::le => BinaryOp::Le,
                Rule::gt => BinaryOp::Gt,
                Rule::ge => BinaryOp::Ge,
                Rule::add => BinaryOp::Add,
                Rule::sub => BinaryOp::Sub,
                Rule::mul => BinaryOp::Mul,
                _ => BinaryOp::Div,
            };
            let sp = lhs.span.to(rhs.span);
            let depth = l.max(r) + 1;
            Ok((
                node(ExprKind::Binary(o, Box::new(lhs), Box::new(rhs)), sp),
                depth,
            ))
        })
        .parse(pair.into_inner())
}

fn node(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}

fn primary(pair: Pair<'_, Rule>) -> Built {
    let sp = span(&pair);
    let kind = match pair.as_rule() {
        Rule::paren => {
            let inner = expr(next(&mut parts(pair)))?;
            let depth = depth_of(&inner);
            return Ok((node(ExprKind::Paren(Box::new(inner)), sp), depth + 1));
        }
        Rule::date => ExprKind::Date(pair.as_str().to_owned()),
        Rule::percent => ExprKind::Percent(num(pair).value),
        Rule::unsigned => ExprKind::Number(num(pair).value),
        Rule::text => ExprKind::Text(text(pair).value),
        Rule::boolean => ExprKind::Bool(is_true(pair.as_str())),
        Rule::section_score => ExprKind::Section(ident(next(&mut parts(pair)))),
        Rule::call => {
            let mut inner = parts(pair);
            let function = ident(next(&mut inner));
            let mut args = Vec::new();
            let mut depth = 0;
            for arg in inner {
                let arg = expr(arg)?;
                depth = depth.max(depth_of(&arg));
                args.push(arg);
            }
            return Ok((node(ExprKind::Call(function, args), sp), depth + 1));
        }
        Rule::total => ExprKind::Total,
        Rule::level_value => ExprKind::Level,
        Rule::previous_value => ExprKind::Previous(pair.as_str().trim_end().ends_with("level")),
        _ => ExprKind::Name(pair.as_str().to_owned()),
    };
    Ok((node(kind, sp), 1))
}

/// Depth of a tree already checked against `MAX_DEPTH`.
pub(super) fn depth_of(e: &Expr) -> u32 {
    match &e.kind {
        ExprKind::Paren(x) | ExprKind::Unary(_, x) | ExprKind::HasAny(x) | ExprKind::Has(x, _) => {
            depth_of(x) + 1
        }
        ExprKind::In { expr, .. } => depth_of(expr) + 1,
        ExprKind::Call(_, args) => args.iter().map(depth_of).max().unwrap_or(0) + 1,
        ExprKind::Binary(_, l, r) => depth_of(l).max(depth_of(r)) + 1,
        _ => 1,
    }
}

// ---------------------------------------------------------------- tokens

fn ident(pair: Pair<'_, Rule>) -> Ident {
    Ident {
        name: pair.as_str().to_owned(),
        span: span(&pair),
    }
}

fn num(pair: Pair<'_, Rule>) -> NumLit {
    let raw = pair.as_str().trim_end_matches('%');
    NumLit {
        // The grammar only admits decimal literals, which always parse.
        value: Num::parse(raw).unwrap_or_default(),
        span: span(&pair),
    }
}

fn text(pair: Pair<'_, Rule>) -> Text {
    let sp = span(&pair);
    let raw = pair.as_str();
    let value = if let Some(body) = raw
        .strip_prefix("\"\"\"")
        .and_then(|r| r.strip_suffix("\"\"\""))
    {
        dedent(body)
    } else {
        unescape(&raw[1..raw.len() - 1])
    };
    Text { value, span: sp }
}

pub(super) fn unescape(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A block text without its first and last blank lines and common indentation.
pub(crate) fn dedent(body: &str) -> String {
    let body = body.replace("\r\n", "\n");
    let mut lines: Vec<&str> = body.split('\n').collect();
    if lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    if lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| {
            if l.trim().is_empty() {
                ""
            } else {
                l[indent.min(l.len() - l.trim_start().len())..].trim_end()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
