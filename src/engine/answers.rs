//! Answer sets: read from an answers file, a spreadsheet row or an example,
//! and validated against the questionnaire before any scoring.

use super::{Problem, ProblemKind};
use crate::model::{Answer, Date, Kind, Model, Question, Scoring};
use crate::num::Num;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::ops::Range;

/// An answer set as read: the answers that fit their questions, and the
/// problems with the others (the set is invalid when there is any).
#[derive(Clone, Debug, Default)]
pub struct Read {
    pub answers: Answers,
    pub problems: Vec<Problem>,
    /// Where each answer stands in the file read, when known: a check that
    /// fails on the answers points at its question's.
    pub places: BTreeMap<String, Range<usize>>,
}

/// A validated answer set: every answer fits its question.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers {
    pub values: BTreeMap<String, Answer>,
    /// The jury's scores, for jury questions.
    pub jury: BTreeMap<String, Num>,
}

/// An answer as written, before it is checked against its question.
#[derive(Clone, Debug)]
pub enum Raw {
    Bool(bool),
    Number(Num),
    Text(String),
    List(Vec<String>),
    /// A JSON value of another kind (an object, a list of non-texts…).
    Other(&'static str),
}

impl Raw {
    /// Reads a JSON value; `None` for `null` (no answer).
    pub fn from_json(value: &serde_json::Value) -> Option<Raw> {
        Some(match value {
            serde_json::Value::Null => return None,
            serde_json::Value::Bool(b) => Raw::Bool(*b),
            serde_json::Value::Number(n) => match Num::parse(&n.to_string()) {
                Some(n) => Raw::Number(n),
                None => Raw::Other("a number too large"),
            },
            serde_json::Value::String(s) => Raw::Text(s.clone()),
            serde_json::Value::Array(items) => {
                let texts: Option<Vec<String>> = items
                    .iter()
                    .map(|i| i.as_str().map(str::to_owned))
                    .collect();
                match texts {
                    Some(list) => Raw::List(list),
                    None => Raw::Other("a list that is not of option ids"),
                }
            }
            serde_json::Value::Object(_) => Raw::Other("an object"),
        })
    }

    fn describe(&self) -> String {
        match self {
            Raw::Bool(b) => format!("`{b}`"),
            Raw::Number(n) => format!("the number {n}"),
            Raw::Text(t) => format!("the text \"{}\"", shorten(t)),
            Raw::List(_) => "a list".to_owned(),
            Raw::Other(what) => (*what).to_owned(),
        }
    }
}

fn shorten(text: &str) -> String {
    let short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// An answer typed as text, in a spreadsheet's cell or in the form's page
/// (whose evaluator, `assets/form/engine.js`, reads it the same way:
/// `accept` there is held to `typed` then [`answer`] here by the
/// conformance tests): yes/no as oui/non/true/false, numbers with a point
/// or a comma and spaces between thousands, options separated by `;`.
/// `None` when blank.
pub fn typed(kind: &Kind, text: &str) -> Option<Raw> {
    let text = text.trim_matches(blank);
    if text.is_empty() {
        return None;
    }
    Some(match kind {
        Kind::YesNo => match text.to_lowercase().as_str() {
            "oui" | "true" | "vrai" | "yes" | "1" => Raw::Bool(true),
            "non" | "false" | "faux" | "no" | "0" => Raw::Bool(false),
            _ => Raw::Text(text.to_owned()),
        },
        Kind::Many { .. } => Raw::List(
            text.split([';', '|'])
                .map(|s| s.trim_matches(blank))
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        ),
        Kind::Integer(_) | Kind::Decimal(_) | Kind::Percent(_) => return typed_number(text),
        _ => Raw::Text(text.to_owned()),
    })
}

/// The characters around a text that leave it as it is, those of
/// JavaScript's `trim` (the form's page trims with it): Unicode's white
/// space less U+0085, and the byte order mark.
fn blank(c: char) -> bool {
    (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}'
}

/// Spaces a typed number may hold between its digits (thousands).
const SEPARATORS: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// A number typed as text (`12`, `-3`, `12,5`, `1 000.5`): the number, or
/// the text when it is not one; `None` when blank.
pub fn typed_number(text: &str) -> Option<Raw> {
    let text = text.trim_matches(blank);
    if text.is_empty() {
        return None;
    }
    let compact: String = text.chars().filter(|c| !SEPARATORS.contains(c)).collect();
    let unsigned = compact.strip_prefix(['+', '-']).unwrap_or(&compact);
    let (whole, fraction) = unsigned
        .split_once(['.', ','])
        .map_or((unsigned, None), |(w, f)| (w, Some(f)));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let number = digits(whole)
        && fraction.is_none_or(|f| !f.is_empty() && digits(f))
        && !(whole.is_empty() && fraction.is_none());
    let parsed = number
        .then(|| Num::parse(&compact.replacen(',', ".", 1).replacen('+', "", 1)))
        .flatten();
    Some(parsed.map_or_else(|| Raw::Text(text.to_owned()), Raw::Number))
}

/// What a question accepts, in words.
pub fn expected(question: &Question) -> String {
    match &question.kind {
        Kind::YesNo => "`true` or `false` (oui or non in a spreadsheet)".to_owned(),
        Kind::One { options } => format!("one of its option ids ({})", ids(options)),
        Kind::Many { options, .. } => format!("a list of its option ids ({})", ids(options)),
        Kind::Integer(_) => "a whole number".to_owned(),
        Kind::Decimal(_) | Kind::Percent(_) => "a number".to_owned(),
        Kind::Date => "a date such as \"2024-03-15\"".to_owned(),
        Kind::Email => "an e-mail address in quotes".to_owned(),
        Kind::Url => "a web address in quotes, such as \"https://example.org\"".to_owned(),
        Kind::Siret => "a SIRET number in quotes: 14 digits".to_owned(),
        Kind::Text | Kind::LongText => "a text in quotes".to_owned(),
    }
}

fn ids(options: &[crate::model::Choice]) -> String {
    let mut list: Vec<String> = options
        .iter()
        .take(6)
        .map(|o| format!("`{}`", o.id))
        .collect();
    if options.len() > 6 {
        list.push("…".to_owned());
    }
    list.join(", ")
}

/// Checks one answer against its question.
pub fn answer(question: &Question, raw: Raw) -> Result<Option<Answer>, Problem> {
    let problem = |message: String| Problem::at(ProblemKind::Answer, &question.id, message);
    let wrong = |raw: &Raw| {
        problem(format!(
            "expected {}, found {}",
            expected(question),
            raw.describe()
        ))
    };
    let answer = match (&question.kind, raw) {
        // Blank, or no option ticked: unanswered, as in the form's page.
        (_, Raw::Text(t)) if t.trim_matches(blank).is_empty() => return Ok(None),
        (_, Raw::List(list)) if list.is_empty() => return Ok(None),
        (Kind::YesNo, Raw::Bool(b)) => Answer::Bool(b),
        (Kind::One { options }, Raw::Text(t)) => {
            if !options.iter().any(|o| o.id == t) {
                return Err(problem(unknown_option(&t, options)));
            }
            Answer::Choice(t)
        }
        (
            Kind::Many {
                options,
                min_choices,
                max_choices,
            },
            Raw::List(list),
        ) => {
            for (i, id) in list.iter().enumerate() {
                if !options.iter().any(|o| o.id == *id) {
                    return Err(problem(unknown_option(id, options)));
                }
                if list[..i].contains(id) {
                    return Err(problem(format!("`{id}` is chosen twice")));
                }
            }
            if let Some(x) = options.iter().find(|o| o.exclusive && list.contains(&o.id)) {
                if list.len() > 1 {
                    return Err(problem(format!(
                        "`{}` (« {} ») cannot be combined with other options",
                        x.id, x.label
                    )));
                }
            }
            let n = list.len() as u32;
            if let Some(min) = min_choices.filter(|m| n < *m && n > 0) {
                return Err(problem(format!(
                    "at least {min} options must be chosen, found {n}"
                )));
            }
            if let Some(max) = max_choices.filter(|m| n > *m) {
                return Err(problem(format!(
                    "at most {max} options may be chosen, found {n}"
                )));
            }
            Answer::Choices(list)
        }
        (Kind::Integer(_) | Kind::Decimal(_) | Kind::Percent(_), Raw::Number(n)) => {
            if matches!(question.kind, Kind::Integer(_)) && !n.is_integer() {
                return Err(problem(format!("expected a whole number, found {n}")));
            }
            let (min, max) = bounds(&question.kind);
            if min.as_ref().is_some_and(|m| n < *m) || max.as_ref().is_some_and(|m| n > *m) {
                return Err(problem(format!(
                    "{n} is out of range: {}",
                    range_words(min.as_ref(), max.as_ref())
                )));
            }
            Answer::Number(n)
        }
        (Kind::Integer(_) | Kind::Decimal(_) | Kind::Percent(_), Raw::Text(t))
            if Num::parse(&t).is_some() =>
        {
            return Err(problem(format!(
                "expected a number, found the text \"{t}\": write it without quotes"
            )));
        }
        (Kind::Date, Raw::Text(t)) => match Date::parse(t.trim_matches(blank)) {
            Some(d) => Answer::Date(d),
            None => {
                return Err(problem(format!(
                    "\"{}\" is not a date: write it as \"2024-03-15\"",
                    shorten(&t)
                )))
            }
        },
        (Kind::Email, Raw::Text(t)) => {
            if !is_email(t.trim_matches(blank)) {
                return Err(problem(format!(
                    "\"{}\" is not an e-mail address",
                    shorten(&t)
                )));
            }
            Answer::Text(t.trim_matches(blank).to_owned())
        }
        (Kind::Url, Raw::Text(t)) => {
            if !is_url(t.trim_matches(blank)) {
                return Err(problem(format!(
                    "\"{}\" is not a web address: it starts with https:// or http://",
                    shorten(&t)
                )));
            }
            Answer::Text(t.trim_matches(blank).to_owned())
        }
        (Kind::Siret, Raw::Text(t)) => {
            let digits: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            if let Err(why) = check_siret(&digits) {
                return Err(problem(format!(
                    "\"{}\" is not a valid SIRET: {why}",
                    shorten(&t)
                )));
            }
            Answer::Text(digits)
        }
        (Kind::Text | Kind::LongText, Raw::Text(t)) => Answer::Text(t),
        (_, raw) => return Err(wrong(&raw)),
    };
    Ok(Some(answer))
}

fn unknown_option(id: &str, options: &[crate::model::Choice]) -> String {
    let suggestion = crate::suggest::closest(id, options.iter().map(|o| o.id.as_str()));
    match suggestion {
        Some(s) => format!("`{id}` is not one of its options (did you mean `{s}`?)"),
        None => format!("`{id}` is not one of its options ({})", ids(options)),
    }
}

/// A question's accepted range (a percentage is 0..100 unless narrowed).
pub fn bounds(kind: &Kind) -> (Option<Num>, Option<Num>) {
    match kind {
        Kind::Percent(b) => (
            Some(b.min.clone().unwrap_or_default()),
            Some(b.max.clone().unwrap_or(Num::from_int(100))),
        ),
        Kind::Integer(b) | Kind::Decimal(b) => (b.min.clone(), b.max.clone()),
        _ => (None, None),
    }
}

fn range_words(min: Option<&Num>, max: Option<&Num>) -> String {
    match (min, max) {
        (Some(lo), Some(hi)) => format!("from {lo} to {hi}"),
        (Some(lo), None) => format!("at least {lo}"),
        (None, Some(hi)) => format!("at most {hi}"),
        (None, None) => "any".to_owned(),
    }
}

fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.contains(char::is_whitespace)
        && !domain.contains('@')
}

fn is_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty() && !r.starts_with('/') && !text.contains(char::is_whitespace)
    })
}

/// A SIRET: 14 digits whose Luhn sum is a multiple of 10 (for La Poste's
/// establishments, SIREN 356 000 000, the digits' sum is a multiple of 5).
pub fn check_siret(digits: &str) -> Result<(), SiretError> {
    if digits.len() != 14 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(SiretError::Length(digits.chars().count()));
    }
    let values: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    let sum: u32 = values
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| match (i % 2 == 1, d * 2) {
            (true, twice) if twice > 9 => twice - 9,
            (true, twice) => twice,
            (false, _) => d,
        })
        .sum();
    // La Poste's establishments share one SIREN and use the digits' sum.
    if digits.starts_with("356000000") && values.iter().sum::<u32>() % 5 == 0 {
        return Ok(());
    }
    if sum.is_multiple_of(10) {
        Ok(())
    } else {
        Err(SiretError::Key)
    }
}

/// Why a text is not a SIRET number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SiretError {
    #[error("a SIRET has 14 digits, found {0} characters")]
    Length(usize),
    #[error("its key (Luhn) is wrong: check the digits")]
    Key,
}

/// Answers as an answers file of the contract: `{ "answers": …, "jury": … }`.
pub fn to_json(answers: &Answers) -> serde_json::Value {
    let values: serde_json::Map<String, serde_json::Value> = answers
        .values
        .iter()
        .map(|(id, a)| {
            let value = match a {
                Answer::Bool(b) => serde_json::json!(b),
                Answer::Choice(c) => serde_json::json!(c),
                Answer::Choices(list) => serde_json::json!(list),
                Answer::Number(n) => serde_json::json!(n),
                Answer::Text(t) => serde_json::json!(t),
                Answer::Date(d) => serde_json::json!(d.to_string()),
            };
            (id.clone(), value)
        })
        .collect();
    serde_json::json!({ "answers": values, "jury": answers.jury })
}

/// Reads an answers file (the contract's JSON) against a questionnaire.
/// Each problem is placed on the value at fault in the text.
pub fn from_json(model: &Model, text: &str) -> Read {
    let failed = |problem: Problem| Read {
        problems: vec![problem],
        ..Read::default()
    };
    // Files saved by Windows tools may start with a byte order mark.
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let text = &text[bom..];
    let place = |raw: &RawValue| {
        let start = raw.get().as_ptr() as usize - text.as_ptr() as usize;
        Some(bom + start..bom + start + raw.get().len())
    };
    if let Err(raw_error) = serde_json::from_str::<&RawValue>(text) {
        // Read again for serde_json's best wording (« trailing comma »).
        let e = serde_json::from_str::<serde_json::Value>(text)
            .err()
            .unwrap_or(raw_error);
        let at = offset(text, e.line(), e.column()).map(|at| bom + at..bom + at);
        return failed(
            Problem::general(
                ProblemKind::NotJson,
                format!(
                    "not valid JSON: {} (line {}, column {})",
                    json_error(&e),
                    e.line(),
                    e.column()
                ),
            )
            .placed(at),
        );
    }
    let Ok(Entries(top)) = serde_json::from_str::<Entries>(text) else {
        return failed(Problem::general(
            ProblemKind::Shape,
            "an answers file is a JSON object: { \"answers\": { … }, \"jury\": { … } }".to_owned(),
        ));
    };
    let mut problems = Vec::new();
    let mut raw_answers = Vec::new();
    let mut raw_jury = Vec::new();
    for (key, raw) in &top {
        let value = || serde_json::from_str::<serde_json::Value>(raw.get()).unwrap_or_default();
        let problem = match key.as_str() {
            "answers" | "jury" => {
                let Ok(Entries(entries)) = serde_json::from_str::<Entries>(raw.get()) else {
                    problems.push(
                        Problem::general(
                            ProblemKind::Shape,
                            format!("`{key}` is an object of question ids"),
                        )
                        .placed(place(raw)),
                    );
                    continue;
                };
                let target = if key == "answers" {
                    &mut raw_answers
                } else {
                    &mut raw_jury
                };
                target.extend(entries.into_iter().map(|(id, raw)| {
                    let value = serde_json::from_str(raw.get()).unwrap_or_default();
                    (id, value, place(raw))
                }));
                None
            }
            "questionnaire" => (value().as_str() != Some(model.id.as_str())).then(|| {
                Problem::general(
                    ProblemKind::OtherEdition,
                    format!(
                        "these answers are for questionnaire {}, not `{}`",
                        value(),
                        model.id
                    ),
                )
            }),
            "edition" => (value().as_u64() != Some(u64::from(model.edition))).then(|| {
                Problem::general(
                    ProblemKind::OtherEdition,
                    format!(
                        "these answers are for edition {}, not {}",
                        value(),
                        model.edition
                    ),
                )
            }),
            "$schema" | "meta" => None,
            other => Some(Problem::general(
                ProblemKind::UnknownKey,
                format!("unknown key `{other}`: an answers file has `answers` and `jury`"),
            )),
        };
        problems.extend(problem.map(|p| p.placed(place(raw))));
    }
    if !top.iter().any(|(key, _)| key == "answers") {
        problems.push(Problem::general(
            ProblemKind::Shape,
            "an answers file has an `answers` object: { \"answers\": { \"S1\": \"…\" } }"
                .to_owned(),
        ));
    }
    let mut read = collect(
        model,
        raw_answers
            .iter()
            .map(|(k, v, at)| (k.as_str(), Raw::from_json(v), at.clone())),
        raw_jury
            .iter()
            .map(|(k, v, at)| (k.as_str(), Raw::from_json(v), at.clone())),
    );
    problems.append(&mut read.problems);
    read.problems = problems;
    read
}

/// A JSON object's entries in the file's order, each value as written.
struct Entries<'a>(Vec<(String, &'a RawValue)>);

impl<'de> serde::Deserialize<'de> for Entries<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Entries<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Self::Value, M::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// The byte offset of a 1-based line and column (in characters) of a text.
fn offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let rest = &text[start..];
    let within = rest
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(rest.len(), |(i, _)| i);
    Some(start + within)
}

fn json_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.find(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Validates raw answers and jury scores, reporting every problem.
/// Each answer comes with where it stands in the file read, when known.
pub fn collect<'k>(
    model: &Model,
    answers: impl IntoIterator<Item = (&'k str, Option<Raw>, Option<Range<usize>>)>,
    jury: impl IntoIterator<Item = (&'k str, Option<Raw>, Option<Range<usize>>)>,
) -> Read {
    let mut result = Answers::default();
    let mut problems = Vec::new();
    let mut places = BTreeMap::new();
    // Past a hundred problems, the rest are counted, not described.
    let mut more = 0usize;
    let questions: std::collections::HashMap<&str, &Question> =
        model.questions().map(|q| (q.id.as_str(), q)).collect();
    for (id, raw, at) in answers {
        if let Some(at) = &at {
            places.insert(id.to_owned(), at.clone());
        }
        let Some(question) = questions.get(id).copied() else {
            if problems.len() < MAX_PROBLEMS {
                problems.push(unknown_question(model, id).placed(at));
            } else {
                more += 1;
            }
            continue;
        };
        let Some(raw) = raw else { continue };
        match answer(question, raw) {
            Ok(Some(a)) => {
                result.values.insert(id.to_owned(), a);
            }
            Ok(None) => {}
            Err(_) if problems.len() >= MAX_PROBLEMS => more += 1,
            Err(p) => problems.push(p.placed(at)),
        }
    }
    for (id, raw, at) in jury {
        let Some(question) = questions.get(id).copied() else {
            if problems.len() < MAX_PROBLEMS {
                problems.push(unknown_question(model, id).placed(at));
            } else {
                more += 1;
            }
            continue;
        };
        let Scoring::Jury { max } = &question.scoring else {
            problems.push(
                Problem::at(
                    ProblemKind::Jury,
                    id,
                    "this question is not scored by the jury".to_owned(),
                )
                .placed(at),
            );
            continue;
        };
        match raw {
            None => {}
            Some(Raw::Number(n)) if n.is_integer() && !n.is_negative() && n <= *max => {
                result.jury.insert(id.to_owned(), n);
            }
            Some(raw) => problems.push(
                Problem::at(
                    ProblemKind::Jury,
                    id,
                    format!(
                        "the jury awards a whole number from 0 to {max}, found {}",
                        raw.describe()
                    ),
                )
                .placed(at),
            ),
        }
    }
    if more > 0 {
        problems.push(Problem::general(
            ProblemKind::More,
            format!("and {more} more problems like these: is this the right answers file?"),
        ));
    }
    Read {
        answers: result,
        problems,
        places,
    }
}

/// How many problems of one answers file are described.
const MAX_PROBLEMS: usize = 100;

fn unknown_question(model: &Model, id: &str) -> Problem {
    let suggestion = crate::suggest::closest(id, model.questions().map(|q| q.id.as_str()));
    let message = match suggestion {
        Some(s) => format!(
            "no such question in `{}` {} (did you mean `{s}`?)",
            model.id, model.edition
        ),
        None => format!("no such question in `{}` {}", model.id, model.edition),
    };
    Problem::at(ProblemKind::UnknownQuestion, id, message)
}

/// The answers of an example written in the questionnaire (already checked).
pub fn from_example(example: &crate::model::Example) -> Answers {
    Answers {
        values: example.answers.clone(),
        jury: example.jury.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::check_siret;

    #[test]
    fn siret_keys() {
        assert!(check_siret("73282932000074").is_ok());
        assert!(check_siret("73282932000075").is_err());
        assert!(check_siret("7328293200007").is_err());
        assert!(check_siret("7328293200007a").is_err());
        // La Poste's establishments follow their own rule.
        assert!(check_siret("35600000000048").is_ok());
        assert!(check_siret("35600000049837").is_ok());
        assert!(check_siret("35600000012345").is_err());
    }
}
