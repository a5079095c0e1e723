//! A recursive-descent reader of valid files: the language of
//! `grammar/grille.pest`, read in one pass straight into the syntax tree,
//! without pest's queue of tokens. Each method mirrors one grammar rule, with
//! the same ordered choices, the same greedy repetitions and the same
//! whitespace and comments between tokens.
//!
//! It only has to be right where it succeeds: on anything it does not read,
//! it returns `None`, and the pest parser reads the file again to find the
//! error and word it (or, should the two ever disagree, to build the tree).
//! Tests and a fuzz target hold it to pest: same verdict, same tree.

use super::ast::{
    Band, Bands, BinaryOp, Check, Compute, DateLit, Example, Expectation, Expr, ExprKind, Field,
    File, Header, Ident, Item, Level, Levels, Note, NumLit, OptionDecl, Part, PartKind, Question,
    Scheme, Section, SectionItem, Text, Threshold, TypeName, UnaryOp, Value,
};
use super::parser::{dedent, depth_of, unescape, MAX_DEPTH, MAX_OPERATORS};
use crate::num::Num;
use crate::source::Span;

/// Reads a whole file; `None` when it is not valid, or when an expression
/// is too long or too deep (the pest builder words those).
///
/// With `split`, the end of a top-level block (past a `}` outside texts and
/// comments, at no depth of brackets), the items from there on are read on
/// another thread. A block that ends at that depth ends an item (or the
/// header, or a set in a top-level `compute`), and nothing that can follow
/// an item's last `}` can start an item: when both parts read, the file
/// reads the same in one piece. When either fails, it is read in one piece.
pub(super) fn file(text: &str, split: Option<usize>) -> Option<File> {
    if let Some(at) = split {
        let (rest, first) = crate::join(|| items(text, at), || head(&text[..at]));
        if let (Some(mut file), Some(rest)) = (first, rest) {
            file.items.extend(rest);
            return Some(file);
        }
    }
    head(text)
}

/// The header and the items of a file, to its end.
fn head(text: &str) -> Option<File> {
    let mut r = Reader::new(text, 0);
    r.skip();
    r.literal("\u{feff}");
    r.skip();
    let header = r.questionnaire()?;
    let items = r.items()?;
    Some(File { header, items })
}

/// The items of a file from byte `at` to its end.
fn items(text: &str, at: usize) -> Option<Vec<Item>> {
    Reader::new(text, at).items()
}

/// A position, and the end of the last token read before it.
#[derive(Clone, Copy)]
struct Mark {
    pos: usize,
    end: usize,
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: Mark,
}

fn is_ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, at: usize) -> Reader<'a> {
        Reader {
            text,
            bytes: text.as_bytes(),
            at: Mark { pos: at, end: at },
        }
    }

    /// `item* ~ EOI`
    fn items(&mut self) -> Option<Vec<Item>> {
        let mut items = Vec::new();
        while let Some(item) = self.repeat(Self::item) {
            items.push(item);
        }
        self.skip();
        (self.at.pos == self.text.len()).then_some(items)
    }

    // ------------------------------------------------------------ combinators

    /// Runs a rule; on failure, puts the position back where it was.
    fn attempt<T>(&mut self, rule: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let mark = self.at;
        let result = rule(self);
        if result.is_none() {
            self.at = mark;
        }
        result
    }

    /// One more element of a repetition: blanks, then the rule; on failure,
    /// nothing is consumed, blanks included.
    fn repeat<T>(&mut self, rule: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        self.attempt(|r| {
            r.skip();
            rule(r)
        })
    }

    /// Blanks, then the rule, optionally: `~ rule?` inside a rule.
    fn optional<T>(&mut self, rule: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        self.skip();
        self.attempt(rule)
    }

    /// Blanks then a rule that must match: `~ rule` inside a rule.
    fn then<T>(&mut self, rule: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        self.skip();
        rule(self)
    }

    /// The span from `start` to the end of the last token read.
    fn span_from(&self, start: usize) -> Span {
        Span::new(start, self.at.end.max(start))
    }

    // ------------------------------------------------------------ tokens

    /// Spaces, tabs, line breaks and `#` comments.
    fn skip(&mut self) {
        let bytes = self.bytes;
        let mut pos = self.at.pos;
        while let Some(&b) = bytes.get(pos) {
            match b {
                b' ' | b'\n' | b'\t' | b'\r' => pos += 1,
                b'#' => {
                    pos = bytes[pos..]
                        .iter()
                        .position(|&b| b == b'\n')
                        .map_or(bytes.len(), |i| pos + i);
                }
                _ => break,
            }
        }
        self.at.pos = pos;
    }

    fn advance(&mut self, len: usize) -> Span {
        let start = self.at.pos;
        self.at.pos += len;
        self.at.end = self.at.pos;
        Span::new(start, self.at.pos)
    }

    fn rest(&self) -> &'a [u8] {
        &self.bytes[self.at.pos..]
    }

    fn literal(&mut self, s: &str) -> bool {
        let found = self.rest().starts_with(s.as_bytes());
        if found {
            self.advance(s.len());
        }
        found
    }

    fn expect(&mut self, s: &str) -> Option<()> {
        self.literal(s).then_some(())
    }

    /// The run of identifier characters at the position (possibly empty).
    fn word(&self) -> &'a str {
        let len = self
            .rest()
            .iter()
            .take_while(|&&b| is_ident_char(b))
            .count();
        &self.text[self.at.pos..self.at.pos + len]
    }

    /// A keyword: the word itself, not the start of a longer one.
    fn keyword(&mut self, keyword: &str) -> Option<Span> {
        (self.word() == keyword).then(|| self.advance(keyword.len()))
    }

    fn ident(&mut self) -> Option<Ident> {
        let word = self.word();
        if !word.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
            return None;
        }
        let span = self.advance(word.len());
        Some(Ident {
            name: word.to_owned(),
            span,
        })
    }

    fn digits(&self, from: usize) -> usize {
        self.bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    }

    /// Length of `ASCII_DIGIT+ ~ ("." ~ ASCII_DIGIT+)?` at `from`, or 0.
    fn decimal_len(&self, from: usize) -> usize {
        let whole = self.digits(from);
        if whole == 0 {
            return 0;
        }
        let dot = from + whole;
        if self.bytes.get(dot) == Some(&b'.') {
            let fraction = self.digits(dot + 1);
            if fraction > 0 {
                return whole + 1 + fraction;
            }
        }
        whole
    }

    fn num_token(&mut self, len: usize, suffix: usize) -> NumLit {
        let raw = &self.text[self.at.pos..self.at.pos + len];
        let span = self.advance(len + suffix);
        NumLit {
            value: Num::parse(raw).unwrap_or_default(),
            span,
        }
    }

    /// `integer`: digits.
    fn integer(&mut self) -> Option<NumLit> {
        let len = self.digits(self.at.pos);
        (len > 0).then(|| self.num_token(len, 0))
    }

    /// `number`: an optional `-`, digits, an optional fraction.
    fn number(&mut self) -> Option<NumLit> {
        let sign = usize::from(self.rest().first() == Some(&b'-'));
        let len = self.decimal_len(self.at.pos + sign);
        (len > 0).then(|| self.num_token(sign + len, 0))
    }

    /// `unsigned`: digits and an optional fraction.
    fn unsigned(&mut self) -> Option<NumLit> {
        let len = self.decimal_len(self.at.pos);
        (len > 0).then(|| self.num_token(len, 0))
    }

    /// `percent`: an unsigned number then `%`; the value leaves out the `%`.
    fn percent(&mut self) -> Option<NumLit> {
        let len = self.decimal_len(self.at.pos);
        (len > 0 && self.bytes.get(self.at.pos + len) == Some(&b'%'))
            .then(|| self.num_token(len, 1))
    }

    /// `date`: `2024-03-15`, not followed by an identifier character.
    fn date(&mut self) -> Option<DateLit> {
        let rest = self.rest();
        let shape = b"dddd-dd-dd";
        let fits = rest.len() >= shape.len()
            && shape.iter().zip(rest).all(|(s, b)| match s {
                b'd' => b.is_ascii_digit(),
                _ => b == s,
            })
            && !rest.get(shape.len()).is_some_and(|&b| is_ident_char(b));
        fits.then(|| {
            let text = self.text[self.at.pos..self.at.pos + shape.len()].to_owned();
            let span = self.advance(shape.len());
            DateLit { text, span }
        })
    }

    /// `yes`, `no`, `true` or `false`.
    fn boolean(&mut self) -> Option<(bool, Span)> {
        let word = self.word();
        let value = match word {
            "yes" | "true" => true,
            "no" | "false" => false,
            _ => return None,
        };
        Some((value, self.advance(word.len())))
    }

    /// `"…"` on one line, or `"""…"""`.
    fn text(&mut self) -> Option<Text> {
        let rest = self.rest();
        if rest.starts_with(b"\"\"\"") {
            if let Some(len) = find(&rest[3..], b"\"\"\"") {
                let body = &self.text[self.at.pos + 3..self.at.pos + 3 + len];
                let span = self.advance(len + 6);
                return Some(Text {
                    value: dedent(body),
                    span,
                });
            }
        }
        if rest.first() != Some(&b'"') {
            return None;
        }
        let mut i = 1;
        let mut escaped = false;
        loop {
            match *rest.get(i)? {
                b'"' => break,
                b'\\' => {
                    if !matches!(rest.get(i + 1)?, b'"' | b'\\' | b'n' | b't') {
                        return None;
                    }
                    escaped = true;
                    i += 2;
                }
                b'\t' | b' ' | b'!' | b'#'..=b'[' | b']'..=0xff => i += 1,
                _ => return None,
            }
        }
        let body = &self.text[self.at.pos + 1..self.at.pos + i];
        let value = if escaped {
            unescape(body)
        } else {
            body.to_owned()
        };
        let span = self.advance(i + 1);
        Some(Text { value, span })
    }

    // ------------------------------------------------------------ file

    fn questionnaire(&mut self) -> Option<Header> {
        let start = self.at.pos;
        self.keyword("questionnaire")?;
        let id = self.then(Self::ident)?;
        let title = self.then(Self::text)?;
        self.then(|r| r.keyword("edition"))?;
        let edition = self.then(Self::integer)?;
        let fields = self.optional(Self::header).unwrap_or_default();
        Some(Header {
            id,
            title,
            edition,
            fields,
            span: self.span_from(start),
        })
    }

    fn header(&mut self) -> Option<Vec<Field>> {
        self.expect("{")?;
        let mut fields = Vec::new();
        while let Some(field) = self.repeat(Self::field) {
            fields.push(field);
        }
        self.then(|r| r.expect("}"))?;
        Some(fields)
    }

    fn field(&mut self) -> Option<Field> {
        let start = self.at.pos;
        let key = self.ident()?;
        self.skip();
        let value = if let Some(t) = self.text() {
            Value::Text(t)
        } else if let Some(d) = self.date() {
            Value::Date(d)
        } else if let Some(n) = self.number() {
            Value::Number(n)
        } else {
            Value::Ident(self.ident()?)
        };
        Some(Field {
            key,
            value,
            span: self.span_from(start),
        })
    }

    fn item(&mut self) -> Option<Item> {
        match self.word() {
            "section" => self.section().map(Item::Section),
            "compute" => self.compute().map(Item::Compute),
            "levels" => self.levels().map(Item::Levels),
            "example" => self.example().map(Item::Example),
            _ => None,
        }
    }

    // ------------------------------------------------------------ sections

    fn section(&mut self) -> Option<Section> {
        let start = self.at.pos;
        self.keyword("section")?;
        let id = self.then(Self::ident)?;
        let title = self.then(Self::text)?;
        let when = self.optional(Self::when);
        self.then(|r| r.expect("{"))?;
        let mut items = Vec::new();
        while let Some(item) = self.repeat(Self::section_item) {
            items.push(item);
        }
        self.then(|r| r.expect("}"))?;
        Some(Section {
            id,
            title,
            when,
            items,
            span: self.span_from(start),
        })
    }

    fn section_item(&mut self) -> Option<SectionItem> {
        let start = self.at.pos;
        match self.word() {
            "intro" => {
                self.keyword("intro")?;
                let text = self.then(Self::text)?;
                Some(SectionItem::Intro(text, self.span_from(start)))
            }
            "question" => self.question().map(SectionItem::Question),
            "note" => self.note().map(SectionItem::Note),
            "compute" => self.compute().map(SectionItem::Compute),
            "check" => self.check().map(SectionItem::Check),
            _ => None,
        }
    }

    /// `when EXPR`
    fn when(&mut self) -> Option<Expr> {
        self.keyword("when")?;
        self.then(Self::expr)
    }

    fn note(&mut self) -> Option<Note> {
        let start = self.at.pos;
        self.keyword("note")?;
        let id = self.optional(Self::ident);
        let text = self.then(Self::text)?;
        let when = self.optional(Self::when);
        Some(Note {
            id,
            text,
            when,
            span: self.span_from(start),
        })
    }

    fn compute(&mut self) -> Option<Compute> {
        let start = self.at.pos;
        self.keyword("compute")?;
        let id = self.then(Self::ident)?;
        let label = self.optional(Self::text);
        self.then(|r| r.expect("="))?;
        let expr = self.then(Self::expr)?;
        let range = self.optional(|r| {
            r.keyword("range")?;
            let lo = r.then(Self::number)?;
            r.then(|r| r.expect(".."))?;
            Some((lo, r.then(Self::number)?))
        });
        Some(Compute {
            id,
            label,
            expr,
            range,
            span: self.span_from(start),
        })
    }

    fn question(&mut self) -> Option<Question> {
        let start = self.at.pos;
        self.keyword("question")?;
        let id = self.then(Self::ident)?;
        let label = self.then(Self::text)?;
        let mut parts = Vec::new();
        while let Some(part) = self.repeat(Self::part) {
            parts.push(part);
        }
        Some(Question {
            id,
            label,
            parts,
            span: self.span_from(start),
        })
    }

    /// One part of a question: an attribute, its type or its options.
    fn part(&mut self) -> Option<Part> {
        let start = self.at.pos;
        let word = self.word();
        let kind = match word {
            "" if self.rest().first() == Some(&b'{') => PartKind::Options(self.options()?),
            "when" => PartKind::When(self.when()?),
            "required" => {
                self.keyword(word)?;
                PartKind::Required
            }
            "min" | "max" | "cap" => {
                self.keyword(word)?;
                let n = self.then(Self::number)?;
                match word {
                    "min" => PartKind::Min(n),
                    "max" => PartKind::Max(n),
                    _ => PartKind::Cap(n),
                }
            }
            "score" | "bands" => PartKind::Bands(self.bands()?),
            "hint" | "unit" => {
                self.keyword(word)?;
                let t = self.then(Self::text)?;
                if word == "hint" {
                    PartKind::Hint(t)
                } else {
                    PartKind::Unit(t)
                }
            }
            "check" => PartKind::Check(self.check()?),
            "yes" | "no" => {
                self.keyword(word)?;
                self.then(|r| r.expect("="))?;
                let n = self.then(Self::number)?;
                if word == "yes" {
                    PartKind::YesPoints(n)
                } else {
                    PartKind::NoPoints(n)
                }
            }
            "jury" => {
                self.keyword(word)?;
                let lo = self.then(Self::number)?;
                self.then(|r| r.expect(".."))?;
                PartKind::Jury(lo, self.then(Self::number)?)
            }
            _ => PartKind::Type(self.type_name()?),
        };
        Some(Part {
            kind,
            span: self.span_from(start),
        })
    }

    fn type_name(&mut self) -> Option<TypeName> {
        let word = self.word();
        let name = match word {
            "yesno" => TypeName::YesNo,
            "one" => TypeName::One,
            "many" => TypeName::Many,
            "integer" => TypeName::Integer,
            "decimal" => TypeName::Decimal,
            "percent" => TypeName::Percent,
            "text" => TypeName::Text,
            "date" => TypeName::Date,
            "email" => TypeName::Email,
            "url" => TypeName::Url,
            "siret" => TypeName::Siret,
            _ => return None,
        };
        self.advance(word.len());
        if name == TypeName::Text && self.optional(|r| r.keyword("long")).is_some() {
            return Some(TypeName::LongText);
        }
        Some(name)
    }

    fn options(&mut self) -> Option<Vec<OptionDecl>> {
        self.expect("{")?;
        let mut options = Vec::new();
        while let Some(option) = self.repeat(Self::option) {
            options.push(option);
        }
        self.then(|r| r.expect("}"))?;
        Some(options)
    }

    fn option(&mut self) -> Option<OptionDecl> {
        let start = self.at.pos;
        let id = self.ident()?;
        let label = self.then(Self::text)?;
        let points = self.optional(|r| {
            r.expect("=")?;
            r.then(Self::number)
        });
        let exclusive = self.optional(|r| r.keyword("exclusive")).is_some();
        Some(OptionDecl {
            id,
            label,
            points,
            exclusive,
            span: self.span_from(start),
        })
    }

    fn bands(&mut self) -> Option<Bands> {
        let score = self.attempt(|r| {
            r.keyword("score")?;
            r.then(Self::expr)
        });
        self.then(|r| r.keyword("bands"))?;
        self.then(|r| r.expect("{"))?;
        let mut bands = Vec::new();
        while let Some(band) = self.repeat(Self::band) {
            bands.push(band);
        }
        self.then(|r| r.expect("}"))?;
        Some(Bands { score, bands })
    }

    fn band(&mut self) -> Option<Band> {
        let start = self.at.pos;
        let lower_closed = match self.rest().first() {
            Some(b'[') => true,
            Some(b'(') => false,
            _ => return None,
        };
        self.advance(1);
        let lower = self.then(Self::number)?;
        self.then(|r| r.expect(","))?;
        self.skip();
        let upper = if self.literal("∞") || self.literal("+∞") || self.keyword("inf").is_some()
        {
            None
        } else {
            Some(self.number()?)
        };
        self.skip();
        let upper_closed = match self.rest().first() {
            Some(b']') => true,
            Some(b')') => false,
            _ => return None,
        };
        self.advance(1);
        self.then(|r| r.expect("="))?;
        let points = self.then(Self::number)?;
        Some(Band {
            lower,
            lower_closed,
            upper,
            upper_closed,
            points,
            span: self.span_from(start),
        })
    }

    fn check(&mut self) -> Option<Check> {
        let start = self.at.pos;
        self.keyword("check")?;
        let soft = self.optional(|r| r.keyword("soft")).is_some();
        let expr = self.then(Self::expr)?;
        let message = self.then(Self::text)?;
        Some(Check {
            soft,
            expr,
            message,
            span: self.span_from(start),
        })
    }

    // ------------------------------------------------------------ levels

    fn levels(&mut self) -> Option<Levels> {
        let start = self.at.pos;
        self.keyword("levels")?;
        let scheme = self.optional(|r| {
            if r.keyword("cumulative").is_some() {
                Some(Scheme::Cumulative)
            } else {
                r.keyword("independent").map(|_| Scheme::Independent)
            }
        });
        self.then(|r| r.expect("{"))?;
        let mut result = Levels {
            scheme,
            unlabelled: None,
            levels: Vec::new(),
            span: Span::default(),
        };
        // `unlabelled | level`, as many as there are.
        while self
            .repeat(|r| {
                if r.keyword("none").is_some() {
                    result.unlabelled = Some(r.then(Self::text)?);
                } else {
                    result.levels.push(r.level()?);
                }
                Some(())
            })
            .is_some()
        {}
        self.then(|r| r.expect("}"))?;
        result.span = self.span_from(start);
        Some(result)
    }

    fn level(&mut self) -> Option<Level> {
        let start = self.at.pos;
        self.keyword("level")?;
        let number = self.then(Self::integer)?;
        let name = self.then(Self::text)?;
        let mut level = Level {
            number,
            name,
            threshold: None,
            gates: Vec::new(),
            description: None,
            span: Span::default(),
        };
        while self
            .repeat(|r| {
                let part = r.at.pos;
                match r.word() {
                    "from" => {
                        r.keyword("from")?;
                        r.skip();
                        let (value, percent) = match r.percent() {
                            Some(v) => (v, true),
                            None => (r.number()?, false),
                        };
                        level.threshold = Some(Threshold {
                            value,
                            percent,
                            span: r.span_from(part),
                        });
                    }
                    "gate" => {
                        r.keyword("gate")?;
                        level.gates.push(r.then(Self::expr)?);
                    }
                    "description" => {
                        r.keyword("description")?;
                        level.description = Some(r.then(Self::text)?);
                    }
                    _ => return None,
                }
                Some(())
            })
            .is_some()
        {}
        level.span = self.span_from(start);
        Some(level)
    }

    // ------------------------------------------------------------ examples

    fn example(&mut self) -> Option<Example> {
        let start = self.at.pos;
        self.keyword("example")?;
        let id = self.then(Self::ident)?;
        let title = self.optional(Self::text);
        self.then(|r| r.expect("{"))?;
        let mut example = Example {
            id,
            title,
            answers: Vec::new(),
            jury: Vec::new(),
            expect: Vec::new(),
            span: Span::default(),
        };
        while self.repeat(|r| r.example_part(&mut example)).is_some() {}
        self.then(|r| r.expect("}"))?;
        example.span = self.span_from(start);
        Some(example)
    }

    fn example_part(&mut self, example: &mut Example) -> Option<()> {
        match self.word() {
            "answers" => {
                self.keyword("answers")?;
                self.then(|r| r.expect("{"))?;
                let mut answers = Vec::new();
                while let Some(answer) = self.repeat(|r| {
                    let key = r.ident()?;
                    r.then(|r| r.expect("="))?;
                    Some((key, r.then(Self::answer_value)?))
                }) {
                    answers.push(answer);
                }
                self.then(|r| r.expect("}"))?;
                example.answers.extend(answers);
            }
            "jury" => {
                self.keyword("jury")?;
                self.then(|r| r.expect("{"))?;
                let mut scores = Vec::new();
                while let Some(score) = self.repeat(|r| {
                    let key = r.ident()?;
                    r.then(|r| r.expect("="))?;
                    Some((key, r.then(Self::number)?))
                }) {
                    scores.push(score);
                }
                self.then(|r| r.expect("}"))?;
                example.jury.extend(scores);
            }
            "expect" => {
                self.keyword("expect")?;
                let first = self.then(Self::expectation)?;
                example.expect.push(first);
                while let Some(e) = self.repeat(Self::expectation) {
                    example.expect.push(e);
                }
            }
            _ => return None,
        }
        Some(())
    }

    fn expectation(&mut self) -> Option<Expectation> {
        let start = self.at.pos;
        match self.word() {
            "level" => {
                self.keyword("level")?;
                self.then(Self::integer).map(Expectation::Level)
            }
            "total" => {
                self.keyword("total")?;
                self.then(Self::number).map(Expectation::Total)
            }
            "section" => {
                self.keyword("section")?;
                let id = self.then(Self::ident)?;
                Some(Expectation::Section(id, self.then(Self::number)?))
            }
            "invalid" => {
                self.keyword("invalid")?;
                Some(Expectation::Invalid(self.span_from(start)))
            }
            _ => None,
        }
    }

    fn answer_value(&mut self) -> Option<Value> {
        if self.rest().first() == Some(&b'{') {
            let (set, span) = self.set()?;
            return Some(Value::Set(set, span));
        }
        if let Some(d) = self.date() {
            return Some(Value::Date(d));
        }
        if let Some(n) = self.number() {
            return Some(Value::Number(n));
        }
        if let Some(t) = self.text() {
            return Some(Value::Text(t));
        }
        if let Some((b, span)) = self.boolean() {
            return Some(Value::Bool(b, span));
        }
        self.ident().map(Value::Ident)
    }

    /// `{a, b}`, with an optional trailing comma.
    fn set(&mut self) -> Option<(Vec<Ident>, Span)> {
        let start = self.at.pos;
        self.expect("{")?;
        let mut idents = Vec::new();
        if let Some(first) = self.optional(Self::ident) {
            idents.push(first);
            while let Some(next) = self.repeat(|r| {
                r.expect(",")?;
                r.then(Self::ident)
            }) {
                idents.push(next);
            }
            self.optional(|r| r.expect(","));
        }
        self.then(|r| r.expect("}"))?;
        Some((idents, self.span_from(start)))
    }

    // ------------------------------------------------------------ expressions

    /// An expression: its operands and operators in a row, as the grammar
    /// reads them, then ordered by precedence exactly as pest's Pratt parser
    /// orders them.
    fn expr(&mut self) -> Option<Expr> {
        let mut pieces = Vec::new();
        self.operand(&mut pieces)?;
        while self
            .repeat(|r| {
                let mark = pieces.len();
                let read = r.infix().and_then(|op| {
                    pieces.push(op);
                    r.skip();
                    r.operand(&mut pieces)
                });
                if read.is_none() {
                    pieces.truncate(mark);
                }
                read
            })
            .is_some()
        {}
        // Operands and operators alternate: half the pieces are operators.
        if pieces.len() / 2 > MAX_OPERATORS {
            return None;
        }
        let mut pieces = pieces.into_iter().peekable();
        let (expr, depth) = pratt(&mut pieces, 0)?;
        (pieces.next().is_none() && depth <= MAX_DEPTH).then_some(expr)
    }

    /// `prefix* ~ primary ~ postfix*`
    fn operand(&mut self, pieces: &mut Vec<Piece>) -> Option<()> {
        let mark = pieces.len();
        let read = self.attempt(|r| {
            loop {
                let op = match r.word() {
                    "not" => UnaryOp::Not,
                    "" if r.rest().first() == Some(&b'-') => UnaryOp::Neg,
                    _ => break,
                };
                let span = r.advance(if op == UnaryOp::Not { 3 } else { 1 });
                pieces.push(Piece::Prefix(op, span));
                r.skip();
            }
            let primary = r.primary()?;
            pieces.push(Piece::Primary(primary));
            while let Some(postfix) = r.repeat(Self::postfix) {
                pieces.push(postfix);
            }
            Some(())
        });
        if read.is_none() {
            pieces.truncate(mark);
        }
        read
    }

    fn postfix(&mut self) -> Option<Piece> {
        let start = self.at.pos;
        let op = match self.word() {
            "not" => {
                self.keyword("not")?;
                self.then(|r| r.keyword("in"))?;
                let (set, _) = self.then(Self::set)?;
                Postfix::In(set, true)
            }
            "in" => {
                self.keyword("in")?;
                let (set, _) = self.then(Self::set)?;
                Postfix::In(set, false)
            }
            "has" => {
                self.keyword("has")?;
                self.skip();
                if self.keyword("any").is_some() {
                    Postfix::HasAny
                } else {
                    Postfix::Has(self.ident()?)
                }
            }
            _ => return None,
        };
        Some(Piece::Postfix(op, self.span_from(start)))
    }

    fn infix(&mut self) -> Option<Piece> {
        let op = match self.word() {
            "or" => Some((BinaryOp::Or, 2)),
            "and" => Some((BinaryOp::And, 3)),
            "" => SYMBOLS
                .iter()
                .find(|(symbol, _)| self.rest().starts_with(symbol.as_bytes()))
                .map(|&(symbol, op)| (op, symbol.len())),
            _ => None,
        };
        let (op, len) = op?;
        self.advance(len);
        Some(Piece::Infix(op))
    }

    /// A primary, with the depth of its tree.
    fn primary(&mut self) -> Option<(Expr, u32)> {
        let start = self.at.pos;
        let word = self.word();
        let first = self.rest().first().copied();
        let kind = if first.is_some_and(|b| b.is_ascii_digit()) {
            if let Some(d) = self.date() {
                ExprKind::Date(d.text)
            } else if let Some(p) = self.percent() {
                ExprKind::Percent(p.value)
            } else {
                ExprKind::Number(self.unsigned()?.value)
            }
        } else if !word.is_empty() {
            match word {
                "yes" | "no" | "true" | "false" => ExprKind::Bool(self.boolean()?.0),
                "section" => {
                    self.keyword(word)?;
                    ExprKind::Section(self.then(Self::ident)?)
                }
                "total" => {
                    self.keyword(word)?;
                    ExprKind::Total
                }
                "and" | "or" | "not" | "in" | "has" | "any" => return None,
                _ => ExprKind::Name(self.ident()?.name),
            }
        } else if first == Some(b'(') {
            self.advance(1);
            let inner = self.then(Self::expr)?;
            self.then(|r| r.expect(")"))?;
            let depth = depth_of(&inner) + 1;
            let span = self.span_from(start);
            return Some((node(ExprKind::Paren(Box::new(inner)), span), depth));
        } else {
            ExprKind::Text(self.text()?.value)
        };
        Some((node(kind, self.span_from(start)), 1))
    }
}

/// The operators written with symbols, longest first where one starts another.
const SYMBOLS: [(&str, BinaryOp); 15] = [
    ("<=", BinaryOp::Le),
    ("≤", BinaryOp::Le),
    (">=", BinaryOp::Ge),
    ("≥", BinaryOp::Ge),
    ("!=", BinaryOp::Ne),
    ("≠", BinaryOp::Ne),
    ("==", BinaryOp::Eq),
    ("=", BinaryOp::Eq),
    ("<", BinaryOp::Lt),
    (">", BinaryOp::Gt),
    ("+", BinaryOp::Add),
    ("-", BinaryOp::Sub),
    ("*", BinaryOp::Mul),
    ("×", BinaryOp::Mul),
    ("/", BinaryOp::Div),
];

/// The first occurrence of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn node(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}

// ---------------------------------------------------------------- precedence

/// An operand or operator of an expression, in the order written.
enum Piece {
    Prefix(UnaryOp, Span),
    Primary((Expr, u32)),
    Postfix(Postfix, Span),
    Infix(BinaryOp),
}

enum Postfix {
    In(Vec<Ident>, bool),
    HasAny,
    Has(Ident),
}

/// Binding powers, as `pest::pratt_parser::PrattParser` numbers the levels
/// of `parser::PRATT`: `or`, `and`, `not`, comparisons and postfix
/// operators, `+ -`, `* /`, unary `-`.
fn power(piece: &Piece) -> u32 {
    match piece {
        Piece::Prefix(UnaryOp::Not, _) => 40,
        Piece::Prefix(UnaryOp::Neg, _) => 80,
        Piece::Postfix(..) => 50,
        Piece::Infix(op) => infix_power(*op),
        Piece::Primary(_) => 0,
    }
}

fn infix_power(op: BinaryOp) -> u32 {
    match op {
        BinaryOp::Or => 20,
        BinaryOp::And => 30,
        BinaryOp::Add | BinaryOp::Sub => 60,
        BinaryOp::Mul | BinaryOp::Div => 70,
        BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
            50
        }
    }
}

type Pieces = std::iter::Peekable<std::vec::IntoIter<Piece>>;

/// Pest's Pratt algorithm: operators bind to the left at equal power.
fn pratt(pieces: &mut Pieces, min: u32) -> Option<(Expr, u32)> {
    let first = pieces.next()?;
    let mut lhs = match first {
        Piece::Prefix(op, span) => {
            let (rhs, depth) = pratt(pieces, power(&first) - 1)?;
            let span = span.to(rhs.span);
            (node(ExprKind::Unary(op, Box::new(rhs)), span), depth + 1)
        }
        Piece::Primary(primary) => primary,
        Piece::Postfix(..) | Piece::Infix(..) => return None,
    };
    while pieces.peek().is_some_and(|p| min < power(p)) {
        let (left, depth) = lhs;
        lhs = match pieces.next()? {
            Piece::Infix(op) => {
                let (right, r) = pratt(pieces, infix_power(op))?;
                let span = left.span.to(right.span);
                let kind = ExprKind::Binary(op, Box::new(left), Box::new(right));
                (node(kind, span), depth.max(r) + 1)
            }
            Piece::Postfix(op, span) => {
                let span = left.span.to(span);
                let kind = match op {
                    Postfix::In(set, negated) => ExprKind::In {
                        expr: Box::new(left),
                        set,
                        negated,
                    },
                    Postfix::HasAny => ExprKind::HasAny(Box::new(left)),
                    Postfix::Has(option) => ExprKind::Has(Box::new(left), option),
                };
                (node(kind, span), depth + 1)
            }
            Piece::Prefix(..) | Piece::Primary(_) => return None,
        };
    }
    Some(lhs)
}
