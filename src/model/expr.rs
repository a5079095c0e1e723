//! Resolved, typed expressions. Options are tested with `In`/`Has`, and
//! percentages of a maximum are already turned into points.

use super::Date;
use crate::num::Num;

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(into = "super::wire::ExprWire", from = "super::wire::ExprWire")]
pub enum Expr {
    Bool(bool),
    Number(Num),
    Text(String),
    Date(Date),
    /// The answer to a question (unknown while unanswered or hidden).
    Answer(String),
    /// A computed value.
    Computed(String),
    /// A single choice is one of these options (`P2 = commune`, `S1 in {…}`).
    In {
        question: String,
        options: Vec<String>,
        negated: bool,
    },
    /// A multiple choice includes this option.
    Has {
        question: String,
        option: String,
    },
    /// A multiple choice includes at least one option.
    HasAny {
        question: String,
    },
    Not(Box<Expr>),
    Neg(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Compare(CompareOp, Box<Expr>, Box<Expr>),
    Arith(ArithOp, Box<Expr>, Box<Expr>),
    /// How many of these conditions hold (`count(…)`): one unknown does not
    /// count, so the number is always known.
    Count(Vec<Expr>),
    /// A text's length, in characters.
    Length(Box<Expr>),
    /// A text test, ignoring case: `contains(…)`, `starts_with(…)`,
    /// `contains_url(…)`.
    TextTest(TextTest, Box<Expr>),
    /// The level awarded (mentions only).
    Level,
    /// The previous edition's level (`true`) or total (`false`), given
    /// beside the answers (mentions only).
    Previous(bool),
    /// A section's score (level gates only).
    SectionScore(String),
    /// The total score (level gates only).
    Total,
}

/// What a text is tested for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextTest {
    Contains(String),
    StartsWith(String),
    /// A web address: `http://` or `https://` followed by a name, or `www.`.
    Url,
}

impl TextTest {
    /// Whether `text` passes the test, letters compared without case.
    pub fn holds(&self, text: &str) -> bool {
        let text = text.to_lowercase();
        match self {
            TextTest::Contains(part) => text.contains(&part.to_lowercase()),
            TextTest::StartsWith(part) => text.starts_with(&part.to_lowercase()),
            TextTest::Url => has_url(&text),
        }
    }

    /// The function's name in grille's syntax.
    pub fn function(&self) -> &'static str {
        match self {
            TextTest::Contains(_) => "contains",
            TextTest::StartsWith(_) => "starts_with",
            TextTest::Url => "contains_url",
        }
    }
}

/// Whether a text (in lower case) holds a web address: `http://` or
/// `https://` followed by something other than a space or `/`, or `www.`
/// at the start of a word followed by something other than a space or `.`.
/// `assets/form/engine.js` has the same rule.
fn has_url(text: &str) -> bool {
    let blank = |c: char| c.is_whitespace() || c == '\u{feff}';
    let starts_word = |i: usize| {
        text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'))
    };
    let followed =
        |rest: &str, not: char| rest.chars().next().is_some_and(|c| !blank(c) && c != not);
    text.match_indices("http").any(|(i, _)| {
        let rest = &text[i + 4..];
        let rest = rest.strip_prefix('s').unwrap_or(rest);
        rest.strip_prefix("://").is_some_and(|r| followed(r, '/'))
    }) || text
        .match_indices("www.")
        .any(|(i, _)| starts_word(i) && followed(&text[i + 4..], '.'))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Div,
}

impl CompareOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Eq => "=",
            CompareOp::Ne => "!=",
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }
}

impl ArithOp {
    pub fn symbol(self) -> &'static str {
        match self {
            ArithOp::Add => "+",
            ArithOp::Sub => "-",
            ArithOp::Mul => "*",
            ArithOp::Div => "/",
        }
    }
}

impl Expr {
    /// Calls `f` on this node and every node below it.
    pub fn visit<'a>(&'a self, f: &mut dyn FnMut(&'a Expr)) {
        f(self);
        match self {
            Expr::Not(x) | Expr::Neg(x) | Expr::Length(x) | Expr::TextTest(_, x) => x.visit(f),
            Expr::Count(list) => list.iter().for_each(|x| x.visit(f)),
            Expr::And(a, b) | Expr::Or(a, b) | Expr::Compare(_, a, b) | Expr::Arith(_, a, b) => {
                a.visit(f);
                b.visit(f);
            }
            _ => {}
        }
    }
}

impl Expr {
    /// How tightly the expression binds, for printing parentheses.
    fn precedence(&self) -> u8 {
        match self {
            Expr::Or(..) => 1,
            Expr::And(..) => 2,
            Expr::Not(_) => 3,
            Expr::Compare(..) | Expr::In { .. } | Expr::Has { .. } | Expr::HasAny { .. } => 4,
            Expr::Arith(ArithOp::Add | ArithOp::Sub, ..) => 5,
            Expr::Arith(ArithOp::Mul | ArithOp::Div, ..) => 6,
            Expr::Neg(_) => 7,
            _ => 8,
        }
    }

    fn child(
        &self,
        f: &mut std::fmt::Formatter<'_>,
        child: &Expr,
        right: bool,
    ) -> std::fmt::Result {
        let (mine, theirs) = (self.precedence(), child.precedence());
        // Left-associative: a right operand of equal precedence needs parentheses.
        if theirs < mine || (right && theirs == mine && mine >= 4) {
            write!(f, "({child})")
        } else {
            write!(f, "{child}")
        }
    }
}

/// Prints the expression in grille's syntax (percentages already resolved).
impl std::fmt::Display for Expr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expr::Bool(b) => f.write_str(if *b { "yes" } else { "no" }),
            Expr::Number(n) => write!(f, "{n}"),
            Expr::Text(t) => write!(f, "{t:?}"),
            Expr::Date(d) => write!(f, "{d}"),
            Expr::Answer(q) | Expr::Computed(q) => f.write_str(q),
            Expr::In {
                question,
                options,
                negated,
            } => match (options.as_slice(), negated) {
                ([one], false) => write!(f, "{question} = {one}"),
                ([one], true) => write!(f, "{question} != {one}"),
                (_, negated) => {
                    let not = if *negated { "not " } else { "" };
                    write!(f, "{question} {not}in {{{}}}", options.join(", "))
                }
            },
            Expr::Has { question, option } => write!(f, "{question} has {option}"),
            Expr::HasAny { question } => write!(f, "{question} has any"),
            Expr::Not(e) => {
                f.write_str("not ")?;
                self.child(f, e, true)
            }
            Expr::Neg(e) => {
                f.write_str("-")?;
                self.child(f, e, true)
            }
            Expr::And(a, b) | Expr::Or(a, b) => {
                let word = if matches!(self, Expr::And(..)) {
                    "and"
                } else {
                    "or"
                };
                self.child(f, a, false)?;
                write!(f, " {word} ")?;
                self.child(f, b, true)
            }
            Expr::Compare(op, a, b) => {
                self.child(f, a, false)?;
                write!(f, " {} ", op.symbol())?;
                self.child(f, b, true)
            }
            Expr::Arith(op, a, b) => {
                self.child(f, a, false)?;
                write!(f, " {} ", op.symbol())?;
                self.child(f, b, true)
            }
            Expr::Count(list) => {
                f.write_str("count(")?;
                for (i, x) in list.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{x}")?;
                }
                f.write_str(")")
            }
            Expr::Length(x) => write!(f, "length({x})"),
            Expr::TextTest(test, x) => match test {
                TextTest::Contains(part) | TextTest::StartsWith(part) => {
                    write!(f, "{}({x}, {part:?})", test.function())
                }
                TextTest::Url => write!(f, "contains_url({x})"),
            },
            Expr::Level => f.write_str("level"),
            Expr::Previous(true) => f.write_str("previous level"),
            Expr::Previous(false) => f.write_str("previous total"),
            Expr::SectionScore(s) => write!(f, "section {s}"),
            Expr::Total => f.write_str("total"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::TextTest;

    #[test]
    fn web_addresses_are_found_in_a_text() {
        for (text, found) in [
            ("voir https://exemple.org", true),
            ("HTTP://X.ORG", true),
            ("(www.exemple.org)", true),
            ("www.exemple.org", true),
            ("https:// rien", false),
            ("http:///chemin", false),
            ("https://", false),
            ("awww.exemple.org", false),
            ("www. exemple", false),
            ("www..org", false),
            ("aucune adresse", false),
        ] {
            assert_eq!(TextTest::Url.holds(text), found, "{text}");
        }
    }

    #[test]
    fn texts_are_compared_without_case() {
        let contains = TextTest::Contains("libre".to_owned());
        assert!(contains.holds("Logiciel LIBRE"));
        assert!(!contains.holds("lib re"));
        let starts = TextTest::StartsWith("École".to_owned());
        assert!(starts.holds("ÉCOLE publique"));
        assert!(!starts.holds("Une école"));
    }
}
