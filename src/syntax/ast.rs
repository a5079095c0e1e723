//! The syntax tree: what the file says, in its order, with a span on every
//! node. Nothing here is validated; the checker turns it into a `Model`.
//!
//! Two trees are equal when they say the same thing: spans are left out of
//! the comparison (`fmt` keeps the tree, not the positions).

use crate::num::Num;
use crate::source::Span;
use derive_where::derive_where;

#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Ident {
    pub name: String,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

/// A string literal, unescaped (block strings de-indented).
#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Text {
    pub value: String,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

/// A number literal, with its text as written.
#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct NumLit {
    pub value: Num,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

/// A date literal such as `2024-03-15`, not yet validated.
#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct DateLit {
    pub text: String,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub header: Header,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Header {
    pub id: Ident,
    pub title: Text,
    pub edition: NumLit,
    pub fields: Vec<Field>,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

/// `key value` in the header block.
#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Field {
    pub key: Ident,
    pub value: Value,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

/// A literal value: in header fields and example answers.
#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub enum Value {
    Text(Text),
    Number(NumLit),
    Date(DateLit),
    Bool(bool, #[derive_where(skip(EqHashOrd))] Span),
    Ident(Ident),
    Set(Vec<Ident>, #[derive_where(skip(EqHashOrd))] Span),
    /// Lines inside a header line: `terms { submit "…" }`.
    Block(Vec<Field>, #[derive_where(skip(EqHashOrd))] Span),
}

impl Value {
    pub fn span(&self) -> Span {
        match self {
            Value::Text(t) => t.span,
            Value::Number(n) => n.span,
            Value::Date(d) => d.span,
            Value::Bool(_, span) | Value::Set(_, span) | Value::Block(_, span) => *span,
            Value::Ident(i) => i.span,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Section(Section),
    Compute(Compute),
    Levels(Levels),
    Mentions(Mentions),
    Example(Example),
}

#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Section {
    pub id: Ident,
    pub title: Text,
    pub when: Option<Expr>,
    pub items: Vec<SectionItem>,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub enum SectionItem {
    Intro(Text, #[derive_where(skip(EqHashOrd))] Span),
    Question(Question),
    Note(Note),
    Compute(Compute),
    Check(Check),
}

#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Note {
    pub id: Option<Ident>,
    pub text: Text,
    pub when: Option<Expr>,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

/// `compute id "label" = expr range lo..hi`
#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Compute {
    pub id: Ident,
    pub label: Option<Text>,
    pub expr: Expr,
    pub range: Option<(NumLit, NumLit)>,
    /// `unit "€"`: written after the value.
    pub unit: Option<Text>,
    /// `decimals 2`: the value shown with exactly this many decimals.
    pub decimals: Option<NumLit>,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Question {
    pub id: Ident,
    pub label: Text,
    pub parts: Vec<Part>,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

/// One part of a question after its label: its type, options or an attribute.
#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Part {
    pub kind: PartKind,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PartKind {
    Type(TypeName),
    Options(Vec<OptionDecl>),
    Required,
    Hint(Text),
    When(Expr),
    Min(NumLit),
    Max(NumLit),
    Unit(Text),
    Cap(NumLit),
    Jury(NumLit, NumLit),
    YesPoints(NumLit),
    NoPoints(NumLit),
    Bands(Bands),
    Check(Check),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeName {
    YesNo,
    One,
    Many,
    Integer,
    Decimal,
    Percent,
    Text,
    LongText,
    Date,
    Email,
    Url,
    Siret,
}

impl TypeName {
    /// The keyword(s) as written in a file.
    pub fn keyword(self) -> &'static str {
        match self {
            TypeName::YesNo => "yesno",
            TypeName::One => "one",
            TypeName::Many => "many",
            TypeName::Integer => "integer",
            TypeName::Decimal => "decimal",
            TypeName::Percent => "percent",
            TypeName::Text => "text",
            TypeName::LongText => "text long",
            TypeName::Date => "date",
            TypeName::Email => "email",
            TypeName::Url => "url",
            TypeName::Siret => "siret",
        }
    }
}

#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct OptionDecl {
    pub id: Ident,
    pub label: Text,
    pub points: Option<NumLit>,
    pub exclusive: bool,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bands {
    /// `score EXPR`: the value banded, when not the question's own answer.
    pub score: Option<Expr>,
    pub bands: Vec<Band>,
}

#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Band {
    pub lower: NumLit,
    pub lower_closed: bool,
    /// `None` for `∞`.
    pub upper: Option<NumLit>,
    pub upper_closed: bool,
    pub points: NumLit,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Check {
    pub soft: bool,
    pub expr: Expr,
    pub message: Text,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Cumulative,
    Independent,
}

#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Levels {
    pub scheme: Option<Scheme>,
    pub unlabelled: Option<Text>,
    /// `named`: levels told by their names alone.
    pub named: bool,
    pub levels: Vec<Level>,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Level {
    pub number: NumLit,
    pub name: Text,
    pub threshold: Option<Threshold>,
    pub gates: Vec<Expr>,
    pub description: Option<Text>,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Threshold {
    pub value: NumLit,
    pub percent: bool,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Example {
    pub id: Ident,
    pub title: Option<Text>,
    pub answers: Vec<(Ident, Value)>,
    pub jury: Vec<(Ident, JuryValue)>,
    /// `previous level 2 total 80`
    pub previous: Vec<Expectation>,
    pub expect: Vec<Expectation>,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub enum Expectation {
    Level(NumLit),
    Total(NumLit),
    Section(Ident, NumLit),
    /// `mentions {a, b}`
    Mentions(Vec<Ident>, #[derive_where(skip(EqHashOrd))] Span),
    Invalid(#[derive_where(skip(EqHashOrd))] Span),
}

/// What the jury gives in an example: a mark, or a mention's decision.
#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub enum JuryValue {
    Mark(NumLit),
    Decision(bool, #[derive_where(skip(EqHashOrd))] Span),
}

/// `mentions { … }`
#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Mentions {
    pub mentions: Vec<Mention>,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

/// `mention premiere "Première candidature" when P0 = yes`
#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Mention {
    pub id: Ident,
    pub label: Text,
    pub when: Option<Expr>,
    /// `jury`: decided by the jury.
    pub jury: bool,
    pub description: Option<Text>,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

#[derive(Clone, Debug)]
#[derive_where(PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    #[derive_where(skip(EqHashOrd))]
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A question, a computed value, or an option in a comparison.
    Name(String),
    Number(Num),
    Percent(Num),
    Text(String),
    Bool(bool),
    Date(String),
    /// `section id`: a section's score.
    Section(Ident),
    /// `total`: the total score.
    Total,
    Paren(Box<Expr>),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    In {
        expr: Box<Expr>,
        set: Vec<Ident>,
        negated: bool,
    },
    HasAny(Box<Expr>),
    Has(Box<Expr>, Ident),
    /// `count(…)`, `length(…)`…: a function and its arguments.
    Call(Ident, Vec<Expr>),
    /// `level`: the level awarded (in mentions).
    Level,
    /// `previous level` (`true`) or `previous total` (`false`).
    Previous(bool),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BinaryOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
}

impl BinaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Or => "or",
            BinaryOp::And => "and",
            BinaryOp::Eq => "=",
            BinaryOp::Ne => "!=",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => ">=",
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
        }
    }

    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
        )
    }

    pub fn is_logical(self) -> bool {
        matches!(self, BinaryOp::Or | BinaryOp::And)
    }
}
