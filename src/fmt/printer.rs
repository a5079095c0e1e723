//! The canonical layout of each item of the syntax tree.

use super::comments::comments;
use crate::num::Num;
use crate::syntax::ast::{
    self, BinaryOp, Expectation, Expr, ExprKind, File, Item, PartKind, SectionItem, UnaryOp, Value,
};

const WIDTH: usize = 100;

/// A printed line, with the source range it comes from (for comments and
/// blank lines).
#[derive(Debug)]
pub(super) struct Line {
    pub(super) indent: usize,
    pub(super) text: String,
    pub(super) start: Option<u32>,
    pub(super) end: Option<u32>,
    /// A line that closes a block (`}`): comments before it are indented
    /// like the block's content.
    pub(super) closing: bool,
    /// Top-level items are always separated by one blank line.
    pub(super) item: bool,
}

pub(super) struct Printer<'a> {
    pub(super) src: &'a str,
    pub(super) lines: Vec<Line>,
    /// The offset of each source line's first character.
    pub(super) starts: Vec<u32>,
}

/// The file in canonical layout, its comments kept.
pub(super) fn print(file: &File, src: &str) -> String {
    let starts = std::iter::once(0)
        .chain(src.match_indices('\n').map(|(i, _)| i as u32 + 1))
        .collect();
    let mut p = Printer {
        src,
        lines: Vec::new(),
        starts,
    };
    p.header(&file.header);
    for item in &file.items {
        let first = p.lines.len();
        match item {
            Item::Section(s) => p.section(s),
            Item::Compute(c) => p.compute(c, 0),
            Item::Levels(l) => p.levels(l),
            Item::Mentions(m) => p.mentions(m),
            Item::Example(e) => p.example(e),
        }
        if let Some(line) = p.lines.get_mut(first) {
            line.item = true;
        }
    }
    p.finish(&comments(src))
}

impl Printer<'_> {
    fn push(&mut self, indent: usize, text: String, start: Option<u32>, end: Option<u32>) {
        self.lines.push(Line {
            indent,
            text,
            start,
            end,
            closing: false,
            item: false,
        });
    }

    fn close(&mut self, indent: usize, at: Option<u32>) {
        self.lines.push(Line {
            indent,
            text: "}".to_owned(),
            start: at,
            end: at.map(|a| a + 1),
            closing: true,
            item: false,
        });
    }

    fn header(&mut self, h: &ast::Header) {
        let mut first = format!(
            "questionnaire {} {} edition {}",
            h.id.name,
            self.text(&h.title, 0, true),
            number(&h.edition.value)
        );
        if h.fields.is_empty() {
            self.push(0, first, Some(h.span.start), Some(h.span.end));
            return;
        }
        first.push_str(" {");
        self.push(0, first, Some(h.span.start), Some(h.edition.span.end));
        for f in &h.fields {
            self.field(f, 2);
        }
        self.close(0, Some(h.span.end - 1));
    }

    /// `key value`, or `key {` with its lines and `}`.
    fn field(&mut self, f: &ast::Field, indent: usize) {
        if let Value::Block(fields, span) = &f.value {
            let line = format!("{} {{", f.key.name);
            self.push(indent, line, Some(f.span.start), Some(span.start + 1));
            for inner in fields {
                self.field(inner, indent + 2);
            }
            self.close(indent, Some(span.end - 1));
            return;
        }
        let line = format!("{} {}", f.key.name, self.value(&f.value, indent));
        self.push(indent, line, Some(f.span.start), Some(f.span.end));
    }

    fn section(&mut self, s: &ast::Section) {
        let mut first = format!("section {} {}", s.id.name, self.text(&s.title, 0, false));
        if let Some(w) = &s.when {
            first.push_str(" when ");
            first.push_str(&self.expr(w));
        }
        first.push_str(" {");
        let head_end = s.when.as_ref().map_or(s.title.span.end, |w| w.span.end);
        self.push(0, first, Some(s.span.start), Some(head_end));
        for item in &s.items {
            match item {
                SectionItem::Intro(t, span) => {
                    self.push(
                        2,
                        format!("intro {}", self.text(t, 2, true)),
                        Some(span.start),
                        Some(span.end),
                    );
                }
                SectionItem::Question(q) => self.question(q),
                SectionItem::Note(n) => {
                    let mut line = "note ".to_owned();
                    if let Some(id) = &n.id {
                        line.push_str(&id.name);
                        line.push(' ');
                    }
                    line.push_str(&self.text(&n.text, 2, true));
                    if let Some(w) = &n.when {
                        line.push_str(" when ");
                        line.push_str(&self.expr(w));
                    }
                    self.push(2, line, Some(n.span.start), Some(n.span.end));
                }
                SectionItem::Compute(c) => self.compute(c, 2),
                SectionItem::Check(c) => {
                    self.push(2, self.check(c, 2), Some(c.span.start), Some(c.span.end));
                }
            }
        }
        self.close(0, Some(s.span.end - 1));
    }

    fn compute(&mut self, c: &ast::Compute, indent: usize) {
        let mut line = format!("compute {}", c.id.name);
        if let Some(label) = &c.label {
            line.push(' ');
            line.push_str(&self.text(label, indent, false));
        }
        line.push_str(" = ");
        line.push_str(&self.expr(&c.expr));
        if let Some((lo, hi)) = &c.range {
            line.push_str(&format!(
                " range {}..{}",
                number(&lo.value),
                number(&hi.value)
            ));
        }
        if let Some(unit) = &c.unit {
            line.push_str(" unit ");
            line.push_str(&self.text(unit, indent, false));
        }
        if let Some(decimals) = &c.decimals {
            line.push_str(&format!(" decimals {}", number(&decimals.value)));
        }
        self.push(indent, line, Some(c.span.start), Some(c.span.end));
    }

    fn question(&mut self, q: &ast::Question) {
        const INDENT: usize = 2;
        let mut line = format!(
            "question {} {}",
            q.id.name,
            self.text(&q.label, INDENT, false)
        );
        let mut indent = INDENT;
        let mut start = q.span.start;
        let mut end = q.label.span.end;
        // After a block (`{ … }`), the next part starts a line of its own.
        let mut after_block = false;
        for (i, part) in q.parts.iter().enumerate() {
            let inline = match &part.kind {
                PartKind::Type(t) => Some(t.keyword().to_owned()),
                PartKind::Required => Some("required".to_owned()),
                PartKind::Min(n) => Some(format!("min {}", number(&n.value))),
                PartKind::Max(n) => Some(format!("max {}", number(&n.value))),
                PartKind::Cap(n) => Some(format!("cap {}", number(&n.value))),
                PartKind::Unit(t) => Some(format!("unit {}", self.text(t, 0, false))),
                PartKind::Jury(a, b) => {
                    Some(format!("jury {}..{}", number(&a.value), number(&b.value)))
                }
                PartKind::YesPoints(n) => Some(format!("yes = {}", number(&n.value))),
                PartKind::NoPoints(n) => Some(format!("no = {}", number(&n.value))),
                PartKind::When(e) => {
                    let opens = matches!(
                        q.parts.get(i + 1).map(|p| &p.kind),
                        Some(PartKind::Options(_))
                    );
                    let words = format!("when {}", self.expr(e));
                    let width = indent
                        + line.chars().count()
                        + 1
                        + words.chars().count()
                        + if opens { 2 } else { 0 };
                    (width <= WIDTH && !after_block).then_some(words)
                }
                _ => None,
            };
            if let Some(words) = inline {
                if after_block {
                    // The block's lines are out: this part starts the next.
                    indent = INDENT + 2;
                    line = words;
                    start = part.span.start;
                    after_block = false;
                } else {
                    line.push(' ');
                    line.push_str(&words);
                }
                end = part.span.end;
                continue;
            }
            match &part.kind {
                PartKind::Options(options) => {
                    if after_block {
                        indent = INDENT + 2;
                        line.clear();
                        start = part.span.start;
                    }
                    line.push_str(if line.is_empty() { "{" } else { " {" });
                    self.push(
                        indent,
                        std::mem::take(&mut line),
                        Some(start),
                        Some(part.span.start + 1),
                    );
                    self.options(options, indent + 2);
                    self.close(indent, Some(part.span.end - 1));
                    after_block = true;
                }
                PartKind::Bands(b) => {
                    if !after_block {
                        self.push(indent, std::mem::take(&mut line), Some(start), Some(end));
                    }
                    indent = INDENT + 2;
                    let mut head = String::new();
                    if let Some(score) = &b.score {
                        head.push_str(&format!("score {} ", self.expr(score)));
                    }
                    head.push_str("bands {");
                    self.push(indent, head, Some(part.span.start), Some(part.span.start));
                    self.bands(&b.bands, indent + 2);
                    self.close(indent, Some(part.span.end - 1));
                    after_block = true;
                }
                other => {
                    let words = match other {
                        PartKind::Hint(t) => format!("hint {}", self.text(t, INDENT + 2, true)),
                        PartKind::When(e) => format!("when {}", self.expr(e)),
                        PartKind::Check(c) => self.check(c, INDENT + 2),
                        _ => unreachable!("inline parts are handled above"),
                    };
                    if !after_block {
                        self.push(indent, std::mem::take(&mut line), Some(start), Some(end));
                    }
                    indent = INDENT + 2;
                    line = words;
                    start = part.span.start;
                    end = part.span.end;
                    after_block = false;
                }
            }
        }
        if !after_block {
            self.push(indent, line, Some(start), Some(end));
        }
    }

    fn options(&mut self, options: &[ast::OptionDecl], indent: usize) {
        let ids = options
            .iter()
            .map(|o| o.id.name.chars().count())
            .max()
            .unwrap_or(0);
        let labels: Vec<String> = options
            .iter()
            .map(|o| self.text(&o.label, 0, false))
            .collect();
        let width = options
            .iter()
            .zip(&labels)
            .filter(|(o, _)| o.points.is_some())
            .map(|(_, l)| l.chars().count())
            .max()
            .unwrap_or(0);
        for (o, label) in options.iter().zip(labels) {
            let mut line = format!("{:<ids$} {label}", o.id.name);
            if let Some(p) = &o.points {
                let pad = width.saturating_sub(label.chars().count());
                line.push_str(&" ".repeat(pad));
                line.push_str(&format!(" = {}", number(&p.value)));
            }
            if o.exclusive {
                line.push_str(" exclusive");
            }
            self.push(
                indent,
                line.trim_end().to_owned(),
                Some(o.span.start),
                Some(o.span.end),
            );
        }
    }

    fn bands(&mut self, bands: &[ast::Band], indent: usize) {
        let intervals: Vec<String> = bands
            .iter()
            .map(|b| {
                format!(
                    "{}{}, {}{}",
                    if b.lower_closed { '[' } else { '(' },
                    number(&b.lower.value),
                    b.upper
                        .as_ref()
                        .map_or_else(|| "∞".to_owned(), |u| number(&u.value)),
                    if b.upper_closed { ']' } else { ')' }
                )
            })
            .collect();
        let width = intervals
            .iter()
            .map(|i| i.chars().count())
            .max()
            .unwrap_or(0);
        for (b, interval) in bands.iter().zip(intervals) {
            let pad = width - interval.chars().count();
            let line = format!(
                "{interval}{} = {}",
                " ".repeat(pad),
                number(&b.points.value)
            );
            self.push(indent, line, Some(b.span.start), Some(b.span.end));
        }
    }

    fn levels(&mut self, l: &ast::Levels) {
        let mut first = "levels".to_owned();
        match l.scheme {
            Some(ast::Scheme::Cumulative) => first.push_str(" cumulative"),
            Some(ast::Scheme::Independent) => first.push_str(" independent"),
            None => {}
        }
        if l.named {
            first.push_str(" named");
        }
        first.push_str(" {");
        self.push(0, first, Some(l.span.start), Some(l.span.start));
        if let Some(t) = &l.unlabelled {
            self.push(
                2,
                format!("none {}", self.text(t, 2, false)),
                Some(t.span.start),
                Some(t.span.end),
            );
        }
        for level in &l.levels {
            let mut line = format!(
                "level {} {}",
                number(&level.number.value),
                self.text(&level.name, 2, false)
            );
            let mut end = level.name.span.end;
            if let Some(t) = &level.threshold {
                line.push_str(&format!(
                    " from {}{}",
                    number(&t.value.value),
                    if t.percent { "%" } else { "" }
                ));
                end = t.span.end;
            }
            self.push(2, line, Some(level.span.start), Some(end));
            for g in &level.gates {
                self.push(
                    4,
                    format!("gate {}", self.expr(g)),
                    Some(g.span.start),
                    Some(g.span.end),
                );
            }
            if let Some(d) = &level.description {
                self.push(
                    4,
                    format!("description {}", self.text(d, 4, true)),
                    Some(d.span.start),
                    Some(d.span.end),
                );
            }
        }
        self.close(0, Some(l.span.end - 1));
    }

    fn mentions(&mut self, m: &ast::Mentions) {
        self.push(
            0,
            "mentions {".to_owned(),
            Some(m.span.start),
            Some(m.span.start),
        );
        for mention in &m.mentions {
            let mut line = format!(
                "mention {} {}",
                mention.id.name,
                self.text(&mention.label, 2, false)
            );
            if mention.jury {
                line.push_str(" jury");
            }
            self.push(
                2,
                line,
                Some(mention.span.start),
                Some(mention.label.span.end),
            );
            if let Some(w) = &mention.when {
                self.push(
                    4,
                    format!("when {}", self.expr(w)),
                    Some(w.span.start),
                    Some(w.span.end),
                );
            }
            if let Some(d) = &mention.description {
                self.push(
                    4,
                    format!("description {}", self.text(d, 4, true)),
                    Some(d.span.start),
                    Some(d.span.end),
                );
            }
        }
        self.close(0, Some(m.span.end - 1));
    }

    /// The source line of an offset.
    fn line_of(&self, at: u32) -> usize {
        self.starts.partition_point(|&start| start <= at) - 1
    }

    fn example(&mut self, e: &ast::Example) {
        let mut first = format!("example {}", e.id.name);
        if let Some(t) = &e.title {
            first.push(' ');
            first.push_str(&self.text(t, 0, false));
        }
        first.push_str(" {");
        self.push(
            0,
            first,
            Some(e.span.start),
            Some(e.title.as_ref().map_or(e.id.span.end, |t| t.span.end)),
        );
        // Answers stay on the lines they were written on.
        let answers: Vec<(u32, u32, String)> = e
            .answers
            .iter()
            .map(|(id, v)| {
                (
                    id.span.start,
                    v.span().end,
                    format!("{} = {}", id.name, self.value(v, 4)),
                )
            })
            .collect();
        self.group("answers", &answers);
        let jury: Vec<(u32, u32, String)> = e
            .jury
            .iter()
            .map(|(id, value)| match value {
                ast::JuryValue::Mark(n) => (
                    id.span.start,
                    n.span.end,
                    format!("{} = {}", id.name, number(&n.value)),
                ),
                ast::JuryValue::Decision(b, span) => (
                    id.span.start,
                    span.end,
                    format!("{} = {}", id.name, if *b { "yes" } else { "no" }),
                ),
            })
            .collect();
        self.group("jury", &jury);
        if let (Some(first), Some(last)) = (e.previous.first(), e.previous.last()) {
            let words: Vec<String> = e.previous.iter().map(expectation_words).collect();
            let (start, end) = (expectation_span(first).start, expectation_span(last).end);
            self.push(
                2,
                format!("previous {}", words.join(" ")),
                Some(start),
                Some(end),
            );
        }
        // One `expect` line for each source line of expectations.
        let mut rows: Vec<(usize, u32, u32, Vec<String>)> = Vec::new();
        for x in &e.expect {
            let (span, words) = (expectation_span(x), expectation_words(x));
            let line = self.line_of(span.start);
            match rows.last_mut() {
                Some(row) if row.0 == line => {
                    row.2 = span.end;
                    row.3.push(words);
                }
                _ => rows.push((line, span.start, span.end, vec![words])),
            }
        }
        for (_, start, end, words) in rows {
            self.push(
                2,
                format!("expect {}", words.join(" ")),
                Some(start),
                Some(end),
            );
        }
        self.close(0, Some(e.span.end - 1));
    }

    /// `answers { … }` or `jury { … }`: on one line when written so, else
    /// one line of entries (two spaces apart) for each source line.
    fn group(&mut self, keyword: &str, entries: &[(u32, u32, String)]) {
        let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
            return;
        };
        let one_line = self.line_of(first.0) == self.line_of(last.1)
            && self.src[..first.0 as usize]
                .trim_end()
                .strip_suffix('{')
                .is_some_and(|before| self.line_of(before.len() as u32) == self.line_of(first.0));
        let joined = entries
            .iter()
            .map(|e| e.2.as_str())
            .collect::<Vec<_>>()
            .join("  ");
        if one_line {
            self.push(
                2,
                format!("{keyword} {{ {joined} }}"),
                Some(first.0),
                Some(last.1),
            );
            return;
        }
        self.push(2, format!("{keyword} {{"), Some(first.0), Some(first.0));
        let mut row: Vec<&(u32, u32, String)> = Vec::new();
        for entry in entries {
            if row
                .first()
                .is_some_and(|r| self.line_of(r.0) != self.line_of(entry.0))
            {
                self.row(&row);
                row.clear();
            }
            row.push(entry);
        }
        self.row(&row);
        self.close(2, None);
    }

    fn row(&mut self, row: &[&(u32, u32, String)]) {
        if let (Some(first), Some(last)) = (row.first(), row.last()) {
            let text = row
                .iter()
                .map(|e| e.2.as_str())
                .collect::<Vec<_>>()
                .join("  ");
            self.push(4, text, Some(first.0), Some(last.1));
        }
    }
}

fn ast_span(a: crate::source::Span, b: crate::source::Span) -> crate::source::Span {
    crate::source::Span {
        start: a.start.min(b.start),
        end: a.end.max(b.end),
    }
}

/// A number as written: exact decimal.
fn number(n: &Num) -> String {
    n.to_decimal(1000)
}

fn set(ids: &[ast::Ident]) -> String {
    format!(
        "{{{}}}",
        ids.iter()
            .map(|i| i.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Whether a text can be written between quotes (with escapes).
fn quotable(value: &str) -> bool {
    value.chars().all(|c| c >= ' ' || c == '\t' || c == '\n')
}

/// A text literal: quoted, or a `"""` block for text over several lines or
/// holding control characters (when it reads back the same); `None` when
/// neither reads back the same.
fn literal(value: &str, indent: usize, block: bool) -> Option<String> {
    if block && (value.contains('\n') || !quotable(value)) {
        let pad = " ".repeat(indent + 2);
        let body: Vec<String> = value
            .split('\n')
            .map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    format!("{pad}{l}")
                }
            })
            .collect();
        let printed = format!("\"\"\"\n{}\n{}\"\"\"", body.join("\n"), " ".repeat(indent));
        let inner = &printed[3..printed.len() - 3];
        if crate::syntax::dedent(inner) == value && !value.contains("\"\"\"") {
            return Some(printed);
        }
    }
    if !quotable(value) {
        return None;
    }
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    Some(out)
}

impl Printer<'_> {
    /// A text of the file: its literal, or as written when no other
    /// writing reads back the same.
    fn text(&self, t: &ast::Text, indent: usize, block: bool) -> String {
        literal(&t.value, indent, block)
            .unwrap_or_else(|| self.src[t.span.start as usize..t.span.end as usize].to_owned())
    }

    fn value(&self, v: &Value, indent: usize) -> String {
        match v {
            Value::Text(t) => self.text(t, indent, true),
            Value::Number(n) => number(&n.value),
            Value::Date(d) => d.text.clone(),
            Value::Bool(b, _) => if *b { "yes" } else { "no" }.to_owned(),
            Value::Ident(i) => i.name.clone(),
            Value::Set(ids, _) => set(ids),
            // Header lines print their blocks themselves (`field`).
            Value::Block(..) => "{ }".to_owned(),
        }
    }

    fn check(&self, c: &ast::Check, indent: usize) -> String {
        format!(
            "check {}{} {}",
            if c.soft { "soft " } else { "" },
            self.expr(&c.expr),
            self.text(&c.message, indent, false)
        )
    }

    fn expr(&self, e: &Expr) -> String {
        match &e.kind {
            ExprKind::Name(n) => n.clone(),
            ExprKind::Number(n) => number(n),
            ExprKind::Percent(n) => format!("{}%", number(n)),
            ExprKind::Text(t) => literal(t, 0, false)
                .unwrap_or_else(|| self.src[e.span.start as usize..e.span.end as usize].to_owned()),
            ExprKind::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
            ExprKind::Date(d) => d.clone(),
            ExprKind::Section(id) => format!("section {}", id.name),
            ExprKind::Total => "total".to_owned(),
            ExprKind::Paren(inner) => format!("({})", self.expr(inner)),
            ExprKind::Unary(UnaryOp::Not, inner) => format!("not {}", self.expr(inner)),
            ExprKind::Unary(UnaryOp::Neg, inner) => format!("-{}", self.expr(inner)),
            ExprKind::Binary(op, a, b) => {
                format!("{} {} {}", self.expr(a), symbol(*op), self.expr(b))
            }
            ExprKind::In {
                expr: inner,
                set: ids,
                negated,
            } => format!(
                "{} {}in {}",
                self.expr(inner),
                if *negated { "not " } else { "" },
                set(ids)
            ),
            ExprKind::HasAny(inner) => format!("{} has any", self.expr(inner)),
            ExprKind::Has(inner, option) => format!("{} has {}", self.expr(inner), option.name),
            ExprKind::Level => "level".to_owned(),
            ExprKind::Previous(true) => "previous level".to_owned(),
            ExprKind::Previous(false) => "previous total".to_owned(),
            ExprKind::Call(function, args) => {
                let args: Vec<String> = args.iter().map(|a| self.expr(a)).collect();
                format!("{}({})", function.name, args.join(", "))
            }
        }
    }
}

/// Where an expectation (or a previous result) was written.
fn expectation_span(x: &Expectation) -> crate::source::Span {
    match x {
        Expectation::Level(n) | Expectation::Total(n) => n.span,
        Expectation::Section(id, n) => ast_span(id.span, n.span),
        Expectation::Mentions(_, span) | Expectation::Invalid(span) => *span,
    }
}

/// An expectation in canonical form: `level 2`, `mentions {a, b}`.
fn expectation_words(x: &Expectation) -> String {
    match x {
        Expectation::Level(n) => format!("level {}", number(&n.value)),
        Expectation::Total(n) => format!("total {}", number(&n.value)),
        Expectation::Section(id, n) => format!("section {} {}", id.name, number(&n.value)),
        Expectation::Mentions(ids, _) => format!("mentions {}", set(ids)),
        Expectation::Invalid(_) => "invalid".to_owned(),
    }
}

fn symbol(op: BinaryOp) -> &'static str {
    op.symbol()
}
