//! The validated model: what the compiler knows after checking. The scoring
//! engine and every emitter consume this, never the syntax tree.

mod expr;
mod text;
mod wire;

pub use expr::{ArithOp, CompareOp, Expr, TextTest};
pub use text::{Inline, RichText, Run};

use crate::num::Num;
use crate::source::Span;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Model {
    pub id: String,
    pub title: String,
    pub edition: u32,
    pub lang: crate::words::Lang,
    pub meta: Meta,
    pub sections: Vec<Section>,
    pub computed: Vec<Computed>,
    pub levels: Levels,
    /// Awards beside the levels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Mention>,
    #[serde(skip)]
    pub examples: Vec<Example>,
    /// The sum of the sections' maxima.
    pub max: Num,
    /// Where each question is (section, item), built on first use.
    #[serde(skip)]
    pub index: std::sync::OnceLock<std::collections::HashMap<String, (usize, usize)>>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Meta {
    pub organiser: Option<String>,
    pub contact: Option<String>,
    pub website: Option<String>,
    /// The last day answers are received (`grille serve` closes after it).
    pub deadline: Option<Date>,
    /// The first day `grille serve` receives answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens: Option<Date>,
    /// `receipt result`: the candidate's receipt shows the provisional
    /// score and level, not only the answers sent.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub receipt_result: bool,
    /// The document's date (used in generated documents instead of a clock).
    pub date: Option<Date>,
    pub notice: Option<RichText>,
    pub intro: Option<RichText>,
    pub draft: bool,
    /// Where the HTML form submits answers, when set.
    pub action: Option<String>,
    /// The questionnaire's own wording of the catalog's terms
    /// (`terms { submit "…" }`), by term name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub terms: BTreeMap<String, String>,
    /// The questions the campaign reads (`campaign { … }`).
    #[serde(default, skip_serializing_if = "Campaign::is_empty")]
    pub campaign: Campaign,
}

/// The questions `grille serve` reads to show and match applications:
/// each one's name, who carries it, its respondent type (for the
/// statistics), and the key that matches it with the previous edition's.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Campaign {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl Campaign {
    pub fn is_empty(&self) -> bool {
        *self == Campaign::default()
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    /// 1-based display number.
    pub number: usize,
    pub title: String,
    pub intro: Option<RichText>,
    pub when: Option<Expr>,
    pub items: Vec<Item>,
    pub checks: Vec<Check>,
    pub max: Num,
    #[serde(skip)]
    pub span: Span,
}

impl Section {
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.items.iter().filter_map(|item| match item {
            Item::Question(q) => Some(q),
            Item::Note(_) => None,
        })
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)] // questions are the common case
pub enum Item {
    Question(Question),
    Note(Note),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Note {
    pub id: Option<String>,
    pub text: RichText,
    pub when: Option<Expr>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    /// Display number such as `2.3`.
    pub number: String,
    pub label: String,
    pub hint: Option<String>,
    pub required: bool,
    pub when: Option<Expr>,
    pub kind: Kind,
    pub scoring: Scoring,
    pub checks: Vec<Check>,
    /// The most points this question can earn.
    pub max: Num,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Kind {
    #[serde(rename = "yesno")]
    YesNo,
    One {
        options: Vec<Choice>,
    },
    Many {
        options: Vec<Choice>,
        min_choices: Option<u32>,
        max_choices: Option<u32>,
    },
    Integer(Bounds),
    Decimal(Bounds),
    /// A number from 0 to 100 unless narrowed.
    Percent(Bounds),
    Text,
    LongText,
    Date,
    Email,
    Url,
    Siret,
}

impl Kind {
    /// The options of a choice question.
    pub fn options(&self) -> &[Choice] {
        match self {
            Kind::One { options } | Kind::Many { options, .. } => options,
            _ => &[],
        }
    }

    pub fn bounds(&self) -> Option<&Bounds> {
        match self {
            Kind::Integer(b) | Kind::Decimal(b) | Kind::Percent(b) => Some(b),
            _ => None,
        }
    }

    /// The keyword of this type in a source file.
    pub fn keyword(&self) -> &'static str {
        match self {
            Kind::YesNo => "yesno",
            Kind::One { .. } => "one",
            Kind::Many { .. } => "many",
            Kind::Integer(_) => "integer",
            Kind::Decimal(_) => "decimal",
            Kind::Percent(_) => "percent",
            Kind::Text => "text",
            Kind::LongText => "text long",
            Kind::Date => "date",
            Kind::Email => "email",
            Kind::Url => "url",
            Kind::Siret => "siret",
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Bounds {
    pub min: Option<Num>,
    pub max: Option<Num>,
    pub unit: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
    pub points: Num,
    pub exclusive: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Scoring {
    None,
    #[serde(rename = "yesno")]
    YesNo {
        yes: Num,
        no: Num,
    },
    /// The chosen options' points, capped for a multiple choice.
    Choices {
        cap: Option<Num>,
    },
    /// A number scored by the band it falls in: the question's own answer,
    /// or `value` when given.
    Bands {
        value: Option<Expr>,
        bands: Vec<Band>,
    },
    Jury {
        max: Num,
    },
}

/// An interval with its points: `[lower, upper)` and so on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub lower: Num,
    pub lower_closed: bool,
    /// `None` for no upper bound.
    pub upper: Option<Num>,
    pub upper_closed: bool,
    pub points: Num,
}

impl Band {
    pub fn contains(&self, value: &Num) -> bool {
        let above = if self.lower_closed {
            *value >= self.lower
        } else {
            *value > self.lower
        };
        let below = match &self.upper {
            None => true,
            Some(u) if self.upper_closed => value <= u,
            Some(u) => value < u,
        };
        above && below
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let open = if self.lower_closed { '[' } else { '(' };
        let close = if self.upper_closed { ']' } else { ')' };
        match &self.upper {
            Some(u) => write!(f, "{open}{}, {u}{close}", self.lower),
            None => write!(f, "{open}{}, ∞)", self.lower),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Check {
    pub expr: Expr,
    pub message: String,
    /// A soft check only warns.
    pub soft: bool,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Computed {
    pub id: String,
    pub label: Option<String>,
    pub expr: Expr,
    /// Declared bounds: a value outside them makes the answer set invalid.
    pub range: Option<(Num, Num)>,
    /// Written after the value (`unit "€"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The value is shown with exactly this many decimals (`decimals 2`);
    /// without it, with two at most.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u32>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// A level needs its own gates and those of every level below it.
    Cumulative,
    /// A level needs only its own gates.
    Independent,
}

impl Scheme {
    /// Whether the gates of level `gates_of` must hold to grant `level`.
    pub fn needs(self, level: u32, gates_of: u32) -> bool {
        match self {
            Scheme::Cumulative => gates_of <= level,
            Scheme::Independent => gates_of == level,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Levels {
    pub scheme: Scheme,
    /// The name of level 0 (not labelled).
    pub unlabelled: Option<String>,
    /// `levels … named`: the levels are told by their names alone, their
    /// numbers being only their order.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub named: bool,
    pub levels: Vec<Level>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Level {
    pub number: u32,
    pub name: String,
    /// The total needed, in points (a percentage is resolved against the maximum).
    pub min_total: Num,
    /// The threshold as written, when it was a percentage of the maximum.
    pub percent: Option<Num>,
    /// No `from`: the level is decided by its gates alone (its `min_total`
    /// is then the level below's when cumulative, 0 when independent).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_conditions: bool,
    pub gates: Vec<Gate>,
    pub description: Option<String>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Gate {
    pub expr: Expr,
    /// The gate as written, for explanations.
    pub source: String,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Example {
    pub id: String,
    pub title: Option<String>,
    pub answers: BTreeMap<String, Answer>,
    pub jury: BTreeMap<String, Num>,
    /// The jury's decision on mentions it decides.
    pub decisions: BTreeMap<String, bool>,
    pub previous: Previous,
    pub expect: Expectations,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Expectations {
    pub level: Option<u32>,
    pub total: Option<Num>,
    pub sections: BTreeMap<String, Num>,
    /// Exactly these mentions, when given.
    pub mentions: Option<Vec<String>>,
    pub invalid: bool,
}

/// A mention: an award beside the levels, given by a rule over the answers
/// and results, or decided by the jury.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Mention {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The rule; `None` when the jury decides.
    #[serde(default, rename = "when", skip_serializing_if = "Option::is_none")]
    pub rule: Option<Expr>,
    /// The rule as written, for documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub jury: bool,
    #[serde(skip)]
    pub span: Span,
}

/// The result of the previous edition, given beside the answers (for
/// mentions such as « Meilleure progression »).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Previous {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Num>,
}

impl Previous {
    pub fn is_empty(&self) -> bool {
        self.level.is_none() && self.total.is_none()
    }
}

/// One answer, as in an answers file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Bool(bool),
    Choice(String),
    Choices(Vec<String>),
    Number(Num),
    Text(String),
    Date(Date),
}

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, refusing impossible dates.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        let shape = b.len() == 10
            && b.iter().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !shape {
            return None;
        }
        let year: i32 = text[0..4].parse().ok()?;
        let month: u8 = text[5..7].parse().ok()?;
        let day: u8 = text[8..10].parse().ok()?;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Model {
    /// Sections, questions and notes: a measure of the size of the
    /// assets, to reserve their memory at once.
    pub fn size(&self) -> usize {
        self.sections
            .iter()
            .map(|s| s.items.len() + 1)
            .sum::<usize>()
            + self.computed.len()
    }

    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(Section::questions)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        let index = self.index.get_or_init(|| {
            let mut map = std::collections::HashMap::new();
            for (s, section) in self.sections.iter().enumerate() {
                for (i, item) in section.items.iter().enumerate() {
                    if let Item::Question(q) = item {
                        map.entry(q.id.clone()).or_insert((s, i));
                    }
                }
            }
            map
        });
        let &(s, i) = index.get(id)?;
        match self.sections.get(s)?.items.get(i)? {
            Item::Question(q) if q.id == id => Some(q),
            // The model was changed after the index was built.
            _ => self.questions().find(|q| q.id == id),
        }
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Every expression of the questionnaire: conditions, checks, computed
    /// values, scored values and gates.
    pub fn expressions(&self) -> Vec<&Expr> {
        let mut out = Vec::new();
        for s in &self.sections {
            out.extend(&s.when);
            out.extend(s.checks.iter().map(|c| &c.expr));
            for item in &s.items {
                match item {
                    Item::Question(q) => {
                        out.extend(&q.when);
                        out.extend(q.checks.iter().map(|c| &c.expr));
                        if let Scoring::Bands { value: Some(v), .. } = &q.scoring {
                            out.push(v);
                        }
                    }
                    Item::Note(n) => out.extend(&n.when),
                }
            }
        }
        out.extend(self.computed.iter().map(|c| &c.expr));
        out.extend(
            self.levels
                .levels
                .iter()
                .flat_map(|l| l.gates.iter().map(|g| &g.expr)),
        );
        out
    }

    pub fn computed(&self, id: &str) -> Option<&Computed> {
        self.computed.iter().find(|c| c.id == id)
    }

    /// Where a computed value is declared, for documents that show it: the
    /// index of its section and how many of the section's items come before
    /// it (one declared at the top level goes with the section before it,
    /// or at the start of the first section).
    pub fn place(&self, c: &Computed) -> Option<(usize, usize)> {
        let at = c.span.start;
        let s = match self.sections.iter().rposition(|s| s.span.start < at) {
            Some(s) => s,
            None if self.sections.is_empty() => return None,
            None => 0,
        };
        let before = self.sections[s]
            .items
            .iter()
            .filter(|item| match item {
                Item::Question(q) => q.span.start < at,
                Item::Note(n) => n.span.start < at,
            })
            .count();
        Some((s, before))
    }
}
