//! Every diagnostic's wording, in one place: one constructor per problem,
//! with named arguments. Messages are lower-case, name things in backticks and
//! end without a period.

use super::{Code, Diagnostic, Label};
use crate::source::Span;

fn error(
    code: Code,
    message: impl Into<String>,
    span: Span,
    label: impl Into<String>,
) -> Diagnostic {
    Diagnostic::new(code, message, Label::new(span, label))
}

// ---------------------------------------------------------------- syntax

/// A likely cause of a syntax error, for its help line.
pub enum SyntaxHint<'a> {
    None,
    /// A misspelt keyword.
    Keyword(&'a str),
    /// The file ends inside a block.
    UnclosedBlock,
    /// `:` where `=` gives points.
    Colon,
    /// `0,5` for `0.5`.
    DecimalComma(String),
    /// `total >= 20` in a level.
    Threshold,
    /// A label where an id is expected.
    MissingId,
}

pub fn syntax(span: Span, expected: &[String], found: &str, hint: &SyntaxHint<'_>) -> Diagnostic {
    let list = match expected {
        [] => "something else".to_owned(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    };
    let d = error(
        Code::E0001,
        format!("expected {list}, found {found}"),
        span,
        "unexpected here",
    )
    .with_help(match hint {
        SyntaxHint::UnclosedBlock => {
            "a block opened with `{` is not closed: add the missing `}`".to_owned()
        }
        SyntaxHint::Keyword(s) => format!("did you mean `{s}`?"),
        SyntaxHint::Colon => "points are given with `=`, as in `oui \"Oui\" = 2`".to_owned(),
        SyntaxHint::DecimalComma(n) => format!("decimals are written with a point: `{n}`"),
        SyntaxHint::Threshold => {
            "a level's threshold is written `from 20` (points) or `from 10%`".to_owned()
        }
        SyntaxHint::MissingId => {
            "an id comes before the label, as in `question S1 \"Label\" yesno`".to_owned()
        }
        SyntaxHint::None => "see docs/language.md for the syntax of each construct".to_owned(),
    });
    // The span is the token found: a misspelt keyword, `:` for `=`, the
    // comma of `0,5`.
    match hint {
        SyntaxHint::Keyword(s) => d.fixed_by(*s),
        SyntaxHint::Colon => d.fixed_by("="),
        SyntaxHint::DecimalComma(_) => d.fixed_by("."),
        _ => d,
    }
}

pub fn unclosed_block(span: Span, open: Span, keyword: &str) -> Diagnostic {
    error(
        Code::E0001,
        format!("expected `}}` before `{keyword}`"),
        span,
        format!("a new `{keyword}` starts here"),
    )
    .with_label(open, "this block is not closed")
    .with_help("add the missing `}` at the end of the block")
}

pub fn typographic_quote(span: Span, quote: char) -> Diagnostic {
    error(
        Code::E0001,
        format!("`{quote}` cannot open or close a text"),
        span,
        "a typographic quote",
    )
    .with_help("texts are written between straight quotes `\"…\"` (typographic quotes may stand inside them): replace “…” or « … » around the text with \"…\"")
}

pub fn typographic_text(span: Span, inner: &str) -> Diagnostic {
    let quoted = format!("\"{}\"", inner.replace('\\', "\\\\").replace('"', "\\\""));
    error(
        Code::E0001,
        "texts are written between straight quotes, not typographic ones",
        span,
        "between typographic quotes",
    )
    .with_help(format!(
        "write `{quoted}` (typographic quotes may stand inside a text)"
    ))
    .fixed_by(quoted)
}

pub fn odd_space(span: Span, space: char) -> Diagnostic {
    error(
        Code::E0001,
        format!("a no-break space (U+{:04X}) stands between two words of the source", u32::from(space)),
        span,
        "not an ordinary space",
    )
    .with_help("replace it with an ordinary space; no-break spaces belong inside texts in quotes, where they are kept")
    .fixed_by(" ")
}

pub fn unclosed_text(span: Span) -> Diagnostic {
    error(
        Code::E0001,
        "this text is not closed",
        span,
        "the text starts here",
    )
    .with_help(
        "close it with `\"` on the same line; for several lines, write `\"\"\"` before and after",
    )
}

pub fn empty_file(span: Span) -> Diagnostic {
    error(
        Code::E0001,
        "the file is empty",
        span,
        "nothing to read here",
    )
    .with_help("a questionnaire starts with `questionnaire ID \"Title\" edition YEAR { lang fr }`")
}

pub fn not_utf8(span: Span, byte: u8) -> Diagnostic {
    error(
        Code::E0030,
        format!("the file is not valid UTF-8 (byte 0x{byte:02X})"),
        span,
        "this byte is not UTF-8",
    )
    .with_help("save the file as UTF-8 (in most editors: « Save as… », encoding UTF-8)")
}

pub fn nested_too_deep(span: Span, limit: usize) -> Diagnostic {
    error(
        Code::E0029,
        format!("brackets nested more than {limit} levels deep"),
        span,
        "too deep here",
    )
    .with_help("split the expression with `compute` values")
}

pub fn expression_too_long(span: Span, operators: usize, limit: usize) -> Diagnostic {
    error(
        Code::E0029,
        format!("expression with {operators} operators (at most {limit})"),
        span,
        "this expression is too long",
    )
    .with_help("split the expression with `compute` values")
}

pub fn expression_too_deep(span: Span, limit: u32) -> Diagnostic {
    error(
        Code::E0029,
        format!("expression nested more than {limit} levels deep"),
        span,
        "this expression is too deep",
    )
    .with_help("split the expression with `compute` values")
}

pub fn non_ascii_identifier(span: Span, c: char) -> Diagnostic {
    error(
        Code::E0001,
        format!("identifiers use ASCII letters, digits and `_`, found `{c}`"),
        span,
        "not allowed in an identifier",
    )
    .with_help("write the identifier without accents (`strategie`, not `stratégie`); titles and labels in quotes may use any character")
}

// ---------------------------------------------------------------- names

pub fn duplicate_id(kind: &str, id: &crate::syntax::ast::Ident, first: Span) -> Diagnostic {
    error(
        Code::E0002,
        format!("the {kind} id `{}` is declared twice", id.name),
        id.span,
        "declared again here",
    )
    .with_label(first, "first declared here")
    .with_help(format!(
        "ids are unique: rename one of them, such as `{}_2`",
        id.name
    ))
}

pub fn duplicate_level(number: u32, span: Span, first: Span, next: u32) -> Diagnostic {
    error(
        Code::E0002,
        format!("level {number} is declared twice"),
        span,
        "declared again here",
    )
    .with_label(first, "first declared here")
    .with_help(format!(
        "each level has its own number, 1, 2, 3… from the lowest: renumber this one (`level {next}` if it is the highest)"
    ))
}

pub fn reserved_word(id: &crate::syntax::ast::Ident) -> Diagnostic {
    error(
        Code::E0027,
        format!("`{}` is a reserved word and cannot be an id", id.name),
        id.span,
        "reserved word",
    )
    .with_help(format!(
        "conditions could not refer to it: choose another id, such as `{}_`",
        id.name
    ))
}

pub fn undefined_reference(
    name: &str,
    span: Span,
    suggestion: Option<&str>,
    is_section: bool,
) -> Diagnostic {
    let d = error(
        Code::E0003,
        format!("`{name}` is not a question or computed value"),
        span,
        "not defined",
    );
    if is_section {
        return d.with_help(format!(
            "`{name}` is a section: its score is written `section {name}` (in level gates)"
        ));
    }
    d.suggesting(suggestion, || {
        Some("no question or `compute` value has this id (ids are case-sensitive); declare it, or use an existing id".to_owned())
    })
}

pub fn undefined_section(id: &crate::syntax::ast::Ident, suggestion: Option<&str>) -> Diagnostic {
    error(
        Code::E0003,
        format!("there is no section `{}`", id.name),
        id.span,
        "not a section",
    )
    .suggesting(suggestion, || None)
}

pub fn unknown_option(
    question: &str,
    option: &crate::syntax::ast::Ident,
    suggestion: Option<&str>,
    declared: Option<Span>,
) -> Diagnostic {
    let d = error(
        Code::E0004,
        format!("`{}` is not an option of `{question}`", option.name),
        option.span,
        format!("not an option of `{question}`"),
    );
    let d = match declared {
        Some(span) => d.with_label(span, format!("`{question}` is declared here")),
        None => d,
    };
    d.suggesting(suggestion, || {
        Some(format!(
            "use one of the option ids listed under `{question}`"
        ))
    })
}

// ---------------------------------------------------------------- functions

/// The functions of expressions, as the help lists them.
const FUNCTIONS: &str =
    "`count(…)`, `length(…)`, `contains(…, \"…\")`, `starts_with(…, \"…\")` and `contains_url(…)`";

pub fn unknown_function(
    function: &crate::syntax::ast::Ident,
    suggestion: Option<&str>,
) -> Diagnostic {
    error(
        Code::E0033,
        format!("`{}` is not a function", function.name),
        function.span,
        "unknown function",
    )
    .suggesting(suggestion, || {
        Some(format!("the functions are {FUNCTIONS}"))
    })
}

pub fn function_arguments(span: Span, function: &str, expected: &str, usage: &str) -> Diagnostic {
    error(
        Code::E0034,
        format!("`{function}` takes {expected}"),
        span,
        format!("expected {expected}"),
    )
    .with_help(format!("write it as in `{usage}`"))
}

pub fn count_matches_nothing(span: Span, section: &str, what: &str) -> Diagnostic {
    error(
        Code::E0034,
        format!("no question of section `{section}` can be {what}"),
        span,
        "this counts no question",
    )
    .with_help(format!(
        "`count(section {section} = OPTION)` counts the section's single choice questions that offer OPTION, `= yes` its yes/no questions, `has OPTION` its multiple choices; name an option they offer"
    ))
}

// ---------------------------------------------------------------- types

pub fn not_boolean(span: Span, found: &str, role: &str) -> Diagnostic {
    error(
        Code::E0006,
        format!("{role} needs a yes/no condition, found {found}"),
        span,
        "not a yes/no value",
    )
    .with_help("compare it, as in `L2 > 0`, `S1 = deliberation` or `L5 has any`")
}

pub fn compare_mismatch(left: Span, right: Span, op: &str, l: &str, r: &str) -> Diagnostic {
    error(
        Code::E0005,
        format!("cannot compare {l} with {r}"),
        right,
        format!("{r} here"),
    )
    .with_label(left, format!("{l} here"))
    .with_help(format!("both sides of `{op}` must be of the same kind: numbers, dates, texts, or a choice and one of its options"))
}

pub fn ordering_mismatch(span: Span, op: &str, what: &str) -> Diagnostic {
    error(
        Code::E0005,
        format!("`{op}` cannot order {what}"),
        span,
        "only `=` and `!=` apply here",
    )
    .with_help("`<`, `<=`, `>` and `>=` compare numbers and dates")
}

pub fn arithmetic_on(span: Span, what: &str, op: &str) -> Diagnostic {
    error(
        Code::E0005,
        format!("`{op}` needs numbers, found {what}"),
        span,
        format!("{what} is not a number"),
    )
    .with_help("arithmetic applies to number questions (`integer`, `decimal`, `percent`) and computed numbers")
}

pub fn operator_mismatch(span: Span, op: &str, found: &str, help: &str) -> Diagnostic {
    error(
        Code::E0005,
        format!("`{op}` does not apply to {found}"),
        span,
        format!("{found} here"),
    )
    .with_help(help)
}

pub fn yes_no_word(word: &crate::syntax::ast::Ident, yes: bool) -> Diagnostic {
    let keyword = if yes { "yes" } else { "no" };
    error(
        Code::E0005,
        format!("a yes/no answer is `yes` or `no`, not `{}`", word.name),
        word.span,
        format!("write `{keyword}` here"),
    )
    .with_help(format!(
        "replace `{}` with `{keyword}` (keywords are in English, texts in French)",
        word.name
    ))
}

pub fn quoted_option(span: Span, question: &str, written: &str) -> Diagnostic {
    error(
        Code::E0005,
        format!("the single choice `{question}` is compared with a text"),
        span,
        "options are not texts",
    )
    .with_help(format!(
        "write the option's id without quotes, as in `{question} = {}`",
        option_like(written)
    ))
}

/// A text turned into something that looks like an option id.
fn option_like(text: &str) -> String {
    let id: String = text
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if id.is_empty() {
        "option_id".to_owned()
    } else {
        id
    }
}

pub fn empty_text(span: Span, what: &str) -> Diagnostic {
    error(
        Code::E0023,
        format!("the {what} is empty"),
        span,
        "empty text",
    )
    .with_help(format!("write the {what} between the quotes"))
}

pub fn percent_misuse(span: Span) -> Diagnostic {
    error(
        Code::E0005,
        "a percentage compares with a score or a `percent` question",
        span,
        "percentage here",
    )
    .with_help("write `section ID >= 40%` or `total >= 50%` in gates; elsewhere write the number without `%`")
}

pub fn computed_type(span: Span, found: &str) -> Diagnostic {
    error(
        Code::E0005,
        format!("a computed value is a number or a yes/no value, found {found}"),
        span,
        "neither a number nor a yes/no value",
    )
    .with_help("compute from number questions (`100 * L2 / L1`) or conditions (`L4 = mixte or L5 has any`)")
}

pub fn score_outside_levels(span: Span) -> Diagnostic {
    error(
        Code::E0022,
        "scores can only be used in level gates and mentions",
        span,
        "a score is not known while answering",
    )
    .with_help(
        "use `section ID` and `total` in a `gate` of a level or the `when` of a mention; conditions and checks read answers",
    )
}

pub fn result_outside_mentions(span: Span, what: &str) -> Diagnostic {
    error(
        Code::E0022,
        format!("`{what}` can only be used in mentions"),
        span,
        "not known here",
    )
    .with_help(format!(
        "`{what}` is known once the level is awarded: use it in the `when` of a mention"
    ))
}

pub fn division_by_zero(span: Span, range: &str, question: Option<&str>) -> Diagnostic {
    let help = match question {
        Some(q) => format!("give `{q}` a minimum above zero, such as `min 1`"),
        None => "make sure the divisor cannot be zero (for example with `min 1` on the questions it uses)".to_owned(),
    };
    error(
        Code::E0010,
        "division by a value that can be zero",
        span,
        format!("this can be zero (its range is {range})"),
    )
    .with_help(help)
}

// ---------------------------------------------------------------- order

pub fn later_reference(
    subject: &str,
    question: &str,
    span: Span,
    declared: Span,
    via: &[&str],
    same_section: bool,
) -> Diagnostic {
    let place = if same_section {
        "is in the section itself"
    } else {
        "comes later"
    };
    let d = error(
        Code::E0007,
        format!("the condition of {subject} refers to `{question}`, which {place}"),
        span,
        format!("`{question}` is not answered yet at this point"),
    )
    .with_label(declared, format!("`{question}` is declared here"))
    .with_help(format!("a condition can only read earlier answers: move `{question}` before {subject}, or change the condition"));
    through(d, via)
}

pub fn self_reference(question: &str, span: Span, via: &[&str]) -> Diagnostic {
    let d = error(
        Code::E0008,
        format!("the condition of `{question}` refers to `{question}` itself"),
        span,
        "a question cannot be shown depending on its own answer",
    )
    .with_help("base the condition on earlier questions");
    through(d, via)
}

fn through(d: Diagnostic, via: &[&str]) -> Diagnostic {
    if via.is_empty() {
        d
    } else {
        let path: Vec<String> = via.iter().map(|c| format!("`{c}`")).collect();
        d.with_note(format!("through the computed value {}", path.join(" → ")))
    }
}

pub fn cycle(first: Span, steps: &[(String, Span)]) -> Diagnostic {
    let mut path: Vec<String> = steps.iter().map(|(n, _)| format!("`{n}`")).collect();
    path.push(path[0].clone());
    let mut d = error(
        Code::E0009,
        format!(
            "computed values depend on each other in a cycle: {}",
            path.join(" → ")
        ),
        first,
        "the cycle starts here",
    );
    for (i, (name, span)) in steps.iter().enumerate() {
        let next = &steps[(i + 1) % steps.len()].0;
        d = d.with_label(*span, format!("`{name}` uses `{next}` here"));
    }
    d.with_help("a computed value cannot depend on itself: break the cycle by computing one of them from answers only")
}

// ---------------------------------------------------------------- questions

pub fn missing_type(id: &crate::syntax::ast::Ident) -> Diagnostic {
    error(
        Code::E0019,
        format!("question `{}` has no type", id.name),
        id.span,
        "no type given",
    )
    .with_help("add a type after the label: `yesno`, `one`, `many`, `integer`, `decimal`, `percent`, `text`, `text long`, `date`, `email`, `url` or `siret`")
}

pub fn missing_lang(span: Span) -> Diagnostic {
    error(
        Code::E0019,
        "the questionnaire has no `lang`",
        span,
        "no language given",
    )
    .with_help("add `{ lang fr }` after the edition")
}

pub fn missing_threshold(span: Span, number: u32) -> Diagnostic {
    error(
        Code::E0019,
        format!("level {number} has no threshold"),
        span,
        "no `from` given",
    )
    .with_help("add the total it needs, such as `from 60` (points) or `from 30%` (of the maximum), or a `gate` for a level decided by conditions alone")
}

pub fn example_without_expect(id: &crate::syntax::ast::Ident) -> Diagnostic {
    error(
        Code::E0019,
        format!("example `{}` expects nothing", id.name),
        id.span,
        "no `expect` given",
    )
    .with_help("add what the answers must give, such as `expect level 2 total 64.5`")
}

pub fn not_on_yes_no_value(word: &str, span: Span) -> Diagnostic {
    error(
        Code::E0018,
        format!("`{word}` is not allowed on a yes/no computed value"),
        span,
        "the value is yes or no",
    )
    .with_help("`unit` and `decimals` say how a computed number is written; remove it")
}

pub fn not_allowed(word: &str, type_keyword: &str, span: Span) -> Diagnostic {
    let help = match word {
        "cap" => "`cap` limits the points of a `many` question",
        "min" | "max" => "`min` and `max` bound a number, or the number of choices of a `many` question",
        "unit" => "`unit` goes with `integer`, `decimal` and `percent` questions",
        "yes" | "no" => "`yes = …` and `no = …` give points to a `yesno` question",
        "bands" => "`bands` score a number question; to band a computed value, write `score VALUE bands { … }`",
        "options block" => "only `one` and `many` questions have options",
        "exclusive" => "`exclusive` marks an option of a `many` question that cannot be combined",
        _ => "see docs/language.md for what each question type accepts",
    };
    error(
        Code::E0018,
        format!("`{word}` is not allowed on a `{type_keyword}` question"),
        span,
        format!("not allowed on `{type_keyword}`"),
    )
    .with_help(help)
}

pub fn scored_twice(id: &crate::syntax::ast::Ident, first: Span, second: Span) -> Diagnostic {
    error(
        Code::E0018,
        format!("question `{}` is scored in two ways", id.name),
        second,
        "second way of scoring",
    )
    .with_label(first, "first way of scoring")
    .with_help(
        "a question earns points one way: option points (with `cap`), `yes = …`, `bands` or `jury`",
    )
}

pub fn given_twice(word: &str, span: Span, first: Span) -> Diagnostic {
    error(
        Code::E0020,
        format!("`{word}` is given twice"),
        span,
        "given again here",
    )
    .with_label(first, "first given here")
    .with_help("keep one of them")
}

pub fn no_options(id: &crate::syntax::ast::Ident, type_keyword: &str, span: Span) -> Diagnostic {
    error(
        Code::E0025,
        format!("`{type_keyword}` question `{}` has no options", id.name),
        span,
        "options expected",
    )
    .with_help(format!(
        "list the options in braces: `{type_keyword} {{ oui \"Oui\" = 1  non \"Non\" = 0 }}`"
    ))
}

pub fn min_above_max(min: Span, max: Span) -> Diagnostic {
    error(
        Code::E0021,
        "the minimum is above the maximum",
        min,
        "minimum here",
    )
    .with_label(max, "maximum here")
    .with_help("swap them, or correct one of them")
}

pub fn percent_bound(span: Span) -> Diagnostic {
    error(
        Code::E0021,
        "a percentage is bounded between 0 and 100",
        span,
        "outside 0..100",
    )
    .with_help("use a `decimal` question for values beyond 100")
}

pub fn too_many_choices(span: Span, options: usize) -> Diagnostic {
    error(
        Code::E0021,
        format!("the question has only {options} options"),
        span,
        "more choices than options",
    )
    .with_help(format!("a number of choices is at most {options}"))
}

pub fn empty_band(span: Span, infinite: bool) -> Diagnostic {
    let (label, help) = if infinite {
        ("`∞` cannot be included", "write the band as `[lo, ∞)`")
    } else {
        (
            "no value falls in this band",
            "write the lower bound first, as in `[10, 50)`",
        )
    };
    error(Code::E0021, "this band is empty", span, label).with_help(help)
}

pub fn jury_range(
    span: Span,
    lo: &crate::syntax::ast::NumLit,
    hi: &crate::syntax::ast::NumLit,
) -> Diagnostic {
    let label = if lo.value.is_zero() {
        format!("the jury cannot award at most {}", hi.value)
    } else {
        format!("starts at {} instead of 0", lo.value)
    };
    error(
        Code::E0016,
        "the jury awards from 0 to a whole number of points above 0",
        span,
        label,
    )
    .with_help("write the jury's range as `jury 0..5`")
}

pub fn cap_never_reached(
    span: Span,
    question: &str,
    cap: &crate::num::Num,
    best: &crate::num::Num,
) -> Diagnostic {
    error(
        Code::W0001,
        format!("the cap of `{question}` never limits its points"),
        span,
        format!("cap {cap}, but the options give at most {best}"),
    )
    .with_help(format!("lower the cap below {best}, or remove it"))
}

pub fn duplicate_label(kind: &str, label: &crate::syntax::ast::Text, first: Span) -> Diagnostic {
    error(
        Code::W0002,
        format!("two {kind}s have the same label « {} »", label.value.trim()),
        label.span,
        "same label again",
    )
    .with_label(first, "first used here")
    .with_help("respondents could not tell them apart: reword one of them")
}

pub fn empty_section(id: &crate::syntax::ast::Ident) -> Diagnostic {
    error(
        Code::E0017,
        format!("section `{}` has no questions", id.name),
        id.span,
        "empty section",
    )
    .with_help("add a question to it, or remove it")
}

pub fn unused_computed(id: &crate::syntax::ast::Ident) -> Diagnostic {
    error(
        Code::W0003,
        format!("computed value `{}` is never used", id.name),
        id.span,
        "not used by any condition, check, score or gate, and not shown",
    )
    .with_help("use it, give it a label to show it to respondents, or remove it")
}

// ---------------------------------------------------------------- bands

pub fn no_bands(span: Span, subject: &str) -> Diagnostic {
    error(
        Code::E0015,
        format!("the bands of {subject} are empty"),
        span,
        "no band given",
    )
    .with_help("list bands such as `[0, 10) = 0  [10, ∞) = 2`")
}

pub fn bands_overlap(span: Span, other: Span) -> Diagnostic {
    error(Code::E0013, "two bands overlap", span, "this band overlaps")
        .with_label(other, "this other band")
        .with_help("a value falls in exactly one band: start each band where the previous one ends, as in `[0, 10)` then `[10, 50)`")
}

pub fn bands_gap(span: Span, other: Span, gap: &str) -> Diagnostic {
    error(
        Code::E0014,
        format!("values in {gap} fall in no band"),
        span,
        format!("this band leaves {gap} uncovered"),
    )
    .with_label(other, "after this band")
    .with_help("start each band where the previous one ends, as in `[0, 10)` then `[10, 50)`")
}

pub fn bands_not_covering(span: Span, subject: &str, range: &str, unbounded: bool) -> Diagnostic {
    let help = if unbounded {
        "give the question a minimum (such as `min 0`), or start the first band lower".to_owned()
    } else {
        format!("add a band for {range}, or bound the question with `min`/`max`")
    };
    error(
        Code::E0015,
        format!("the bands do not cover {range}, which {subject} can take"),
        span,
        format!("{range} is not covered"),
    )
    .with_help(help)
}

// ---------------------------------------------------------------- levels

pub fn no_levels(span: Span) -> Diagnostic {
    error(Code::W0004, "the questionnaire has no levels", span, "no `levels` block")
        .with_help("add `levels cumulative { level 1 \"Découverte\" from 20 … }`, or every respondent gets level 0")
}

pub fn share_of_nothing(span: Span, section: Option<&str>) -> Diagnostic {
    let what = section.map_or_else(
        || "the questionnaire".to_owned(),
        |s| format!("the section `{s}`"),
    );
    error(
        Code::W0006,
        format!("{what} earns no points: any percentage of it is 0"),
        span,
        "compares with 0 points",
    )
    .with_help("give points to its questions, or compare with another section's score")
}

pub fn invalid_level_number(span: Span, reason: &str) -> Diagnostic {
    error(Code::E0026, "invalid level number", span, reason.to_owned())
        .with_help("number levels 1, 2, 3… from the lowest")
}

pub fn thresholds_not_increasing(
    span: Span,
    previous: Span,
    number: u32,
    total: &crate::num::Num,
    previous_number: u32,
    previous_total: &crate::num::Num,
) -> Diagnostic {
    error(
        Code::E0011,
        format!("level {number} needs {total} points, no more than level {previous_number} ({previous_total})"),
        span,
        format!("{total} points"),
    )
    .with_label(previous, format!("level {previous_number} needs {previous_total}"))
    .with_help("each level needs strictly more points than the one below")
}

pub fn unreachable_threshold(
    span: Span,
    number: u32,
    total: &crate::num::Num,
    max: &crate::num::Num,
) -> Diagnostic {
    error(
        Code::E0012,
        format!("level {number} needs {total} points, but the maximum total is {max}"),
        span,
        "no answer set reaches this",
    )
    .with_help(format!(
        "lower the threshold to at most {max}, or give more points"
    ))
}

pub fn unreachable_level(span: Span, number: u32, reason: &str) -> Diagnostic {
    error(
        Code::E0012,
        format!("level {number} cannot be reached: {reason}"),
        span,
        "cannot hold with the other conditions",
    )
    .with_help("change the conditions so that they can hold together")
}

pub fn level_not_found(span: Span, number: u32) -> Diagnostic {
    error(
        Code::W0005,
        format!("no answer set was found that reaches level {number}"),
        span,
        "no witness found",
    )
    .with_note("the search tries every question's answers one at a time; it found none that reaches this level, without proving that none exists")
    .with_help("check the level's threshold and conditions, or write an example that reaches it")
}

pub fn unreachable_gate(span: Span, number: u32, reason: &str) -> Diagnostic {
    error(
        Code::E0012,
        format!("level {number} cannot be reached: this gate never holds"),
        span,
        reason.to_owned(),
    )
    .with_help("lower the gate's requirement, or give more points to what it measures")
}

pub fn mention_without_rule(id: &crate::syntax::ast::Ident, both: bool) -> Diagnostic {
    let (message, label) = if both {
        (
            format!("mention `{}` has both a rule and `jury`", id.name),
            "a rule and a jury decision",
        )
    } else {
        (
            format!(
                "mention `{}` says neither when it is awarded nor that the jury decides",
                id.name
            ),
            "no `when` and no `jury`",
        )
    };
    error(Code::E0019, message, id.span, label).with_help(
        "give a mention either `when CONDITION` (awarded when it holds) or `jury` (the jury decides)",
    )
}

pub fn unknown_mention(id: &crate::syntax::ast::Ident, suggestion: Option<&str>) -> Diagnostic {
    error(
        Code::E0003,
        format!("there is no mention `{}`", id.name),
        id.span,
        "not a mention",
    )
    .suggesting(suggestion, || {
        Some(
            "declare it in a `mentions { … }` block, or use the id of a declared mention"
                .to_owned(),
        )
    })
}

pub fn mention_never_awarded(span: Span, id: &str, reason: &str) -> Diagnostic {
    error(
        Code::E0035,
        format!("mention `{id}` can never be awarded"),
        span,
        reason.to_owned(),
    )
    .with_help("correct its condition: as written, no answer set satisfies it")
}

pub fn not_a_jury_mention(span: Span, id: &str) -> Diagnostic {
    error(
        Code::E0031,
        format!("mention `{id}` is not decided by the jury"),
        span,
        "awarded by its rule",
    )
    .with_help(
        "the `jury` block decides only mentions declared with `jury`; this one follows its `when`",
    )
}

// ---------------------------------------------------------------- values

pub fn invalid_value(span: Span, what: &str, expects: &str) -> Diagnostic {
    error(
        Code::E0023,
        format!("invalid value for `{what}`"),
        span,
        format!("expected {expects}"),
    )
    .with_help(format!("write {expects}"))
}

pub fn invalid_date(span: Span, text: &str) -> Diagnostic {
    error(
        Code::E0023,
        format!("`{text}` is not a date"),
        span,
        "no such day",
    )
    .with_help("write dates as YEAR-MONTH-DAY, such as `2024-03-15`")
}

pub fn unknown_field(key: &crate::syntax::ast::Ident, suggestion: Option<&str>) -> Diagnostic {
    error(
        Code::E0024,
        format!("unknown header field `{}`", key.name),
        key.span,
        "not a header field",
    )
    .suggesting(suggestion, || {
        let fields: Vec<String> = crate::check::header_fields()
            .map(|f| format!("`{f}`"))
            .collect();
        Some(format!("the header takes {}", fields.join(", ")))
    })
}

pub fn unknown_campaign_line(
    key: &crate::syntax::ast::Ident,
    suggestion: Option<&str>,
) -> Diagnostic {
    error(
        Code::E0024,
        format!("unknown line `{}` in `campaign`", key.name),
        key.span,
        "not a line of `campaign`",
    )
    .suggesting(suggestion, || {
        Some("`campaign` takes `name`, `carrier`, `type` and `key`, each followed by a question's id".to_owned())
    })
}

pub fn campaign_kind(
    line: &str,
    question: &crate::syntax::ast::Ident,
    found: &str,
    expected: &[&str],
) -> Diagnostic {
    let expected: Vec<String> = expected.iter().map(|k| format!("`{k}`")).collect();
    let expected = match expected.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    };
    error(
        Code::E0005,
        format!(
            "the campaign's `{line}` is a {expected} question, and `{}` is a `{found}` question",
            question.name
        ),
        question.span,
        format!("a `{found}` question"),
    )
    .with_help(format!(
        "name a {expected} question here, or remove the line `{line}`"
    ))
}

pub fn unknown_term(key: &crate::syntax::ast::Ident, suggestion: Option<&str>) -> Diagnostic {
    let terms: Vec<String> = crate::words::term_names()
        .map(|t| format!("`{t}`"))
        .collect();
    error(
        Code::E0024,
        format!("unknown term `{}`", key.name),
        key.span,
        "not a term of the catalog",
    )
    .suggesting(suggestion, || {
        Some(format!("the terms are {}", terms.join(", ")))
    })
}

pub fn unsupported_lang(span: Span, code: &str) -> Diagnostic {
    let known: Vec<String> = crate::words::Lang::ALL
        .iter()
        .map(|l| format!("`{}`", l.code()))
        .collect();
    error(
        Code::E0032,
        format!("grille does not write in the language `{code}`"),
        span,
        "no catalog for this language",
    )
    .with_help(format!(
        "the languages are {}: write the questionnaire's texts in one of them and give its code",
        known.join(" and ")
    ))
}

pub fn bad_markup(span: Span, reason: &str) -> Diagnostic {
    error(
        Code::E0028,
        "invalid text formatting",
        span,
        reason.to_owned(),
    )
    .with_help(
        "texts allow *emphasis*, **strong** and [links](https://example.org); close each mark, or put a backslash before a mark meant as a character (`\\*`, `\\[`)",
    )
}

// ---------------------------------------------------------------- examples

pub fn example_answer(span: Span, question: &str, expected: &str) -> Diagnostic {
    error(
        Code::E0031,
        format!("the answer to `{question}` does not fit the question"),
        span,
        format!("expected {expected}"),
    )
    .with_help(format!("answer `{question}` with {expected}"))
}

pub fn example_exclusive(span: Span, question: &str, option: &str) -> Diagnostic {
    error(
        Code::E0031,
        format!("`{option}` cannot be combined with other options of `{question}`"),
        span,
        "exclusive option",
    )
    .with_help(format!(
        "answer `{question} = {{{option}}}` alone, or drop it"
    ))
}

pub fn example_not_jury(span: Span, question: &str) -> Diagnostic {
    error(
        Code::E0031,
        format!("`{question}` is not scored by the jury"),
        span,
        "no `jury` on this question",
    )
    .with_help("the `jury` block only gives scores to questions with `jury 0..N`")
}

pub fn example_jury_score(span: Span, question: &str, max: &crate::num::Num) -> Diagnostic {
    error(
        Code::E0031,
        format!("the jury awards `{question}` a whole number from 0 to {max}"),
        span,
        "out of the jury's range",
    )
    .with_help(format!("give a whole number from 0 to {max}"))
}

pub fn example_out_of_reach(span: Span, what: &str, max: &crate::num::Num) -> Diagnostic {
    error(
        Code::E0031,
        format!("this example expects more than {what} can reach"),
        span,
        format!("the maximum is {max}"),
    )
    .with_help("correct the expected value: no answer set can score this")
}

pub fn example_level(span: Span, levels: &crate::model::Levels) -> Diagnostic {
    let known: Vec<String> = std::iter::once("0".to_owned())
        .chain(levels.levels.iter().map(|l| l.number.to_string()))
        .collect();
    error(
        Code::E0031,
        "no such level",
        span,
        "not a level of this questionnaire",
    )
    .with_help(format!(
        "expect one of the levels {} (0: not labelled)",
        known.join(", ")
    ))
}
