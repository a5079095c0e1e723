//! One answer checked against its question: what it may be (yes/no, an
//! option, a number in range, a date, an e-mail or web address, a SIRET),
//! and how a text typed in a spreadsheet's cell or in the form's page is
//! read.

use super::{Problem, ProblemKind};
use crate::model::{Answer, Date, Kind, Question};
use crate::num::Num;

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

    pub(super) fn describe(&self) -> String {
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
            let trimmed = t.trim_matches(blank);
            if !is_url(trimmed) {
                let why = if trimmed.starts_with("https://") || trimmed.starts_with("http://") {
                    "an address has no space and a site name after https://"
                } else {
                    "a web address starts with https:// or http://"
                };
                return Err(problem(format!(
                    "\"{}\" is not a web address: {why}",
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
