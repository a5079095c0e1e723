//! Answer sets: read from an answers file, a spreadsheet row or an example,
//! and validated against the questionnaire before any scoring.

use super::answer::{answer, Raw};
use super::{Problem, ProblemKind};
use crate::model::{Answer, Model, Previous, Question, Scoring};
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
    /// The jury's decision on each mention it decides (absent: not yet).
    pub decisions: BTreeMap<String, bool>,
    /// The previous edition's result, when given.
    pub previous: Previous,
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
    let mut jury = serde_json::json!(answers.jury);
    for (id, decided) in &answers.decisions {
        jury[id] = serde_json::json!(decided);
    }
    let mut file = serde_json::json!({ "answers": values, "jury": jury });
    if !answers.previous.is_empty() {
        file["previous"] = serde_json::json!(answers.previous);
    }
    file
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
    if let Err(error) = serde_json::from_str::<&RawValue>(text) {
        return failed(not_json(text, bom, error));
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
    let mut previous = Previous::default();
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
            "questionnaire" | "edition" => other_edition(model, key, &value()),
            "previous" => {
                match serde_json::from_str::<Entries>(raw.get()) {
                    Ok(Entries(entries)) => {
                        for (k, v) in entries {
                            let value = serde_json::from_str(v.get()).unwrap_or_default();
                            if let Err(p) =
                                previous_value(&mut previous, &k, Raw::from_json(&value))
                            {
                                problems.push(p.placed(place(v)));
                            }
                        }
                    }
                    Err(_) => problems.push(
                        Problem::general(
                            ProblemKind::Previous,
                            "`previous` is an object: { \"level\": 2, \"total\": 80.5 }".to_owned(),
                        )
                        .placed(place(raw)),
                    ),
                }
                None
            }
            "$schema" | "meta" => None,
            other => Some(Problem::general(
                ProblemKind::UnknownKey,
                format!(
                    "unknown key `{other}`: an answers file has `answers`, `jury` and `previous`"
                ),
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
    read.answers.previous = previous;
    read
}

/// One value of the previous edition's result (`level`, `total`), as read
/// from an answers file or a spreadsheet's `previous:…` column.
pub fn previous_value(previous: &mut Previous, key: &str, raw: Option<Raw>) -> Result<(), Problem> {
    let problem = |message: String| Err(Problem::general(ProblemKind::Previous, message));
    match (key, raw) {
        (_, None) => Ok(()),
        ("level", Some(Raw::Number(n))) if n.is_integer() && !n.is_negative() => {
            match n.to_decimal(0).parse::<u32>() {
                Ok(level) => {
                    previous.level = Some(level);
                    Ok(())
                }
                Err(_) => problem(format!(
                    "the previous level is a level number, found the number {n}"
                )),
            }
        }
        ("level", Some(raw)) => problem(format!(
            "the previous level is a whole number (0: not labelled), found {}",
            raw.describe()
        )),
        ("total", Some(Raw::Number(n))) => {
            previous.total = Some(n);
            Ok(())
        }
        ("total", Some(raw)) => problem(format!(
            "the previous total is a number, found {}",
            raw.describe()
        )),
        (other, _) => problem(format!(
            "unknown key `{other}` in `previous`: it has `level` and `total`"
        )),
    }
}

/// A text that is not JSON: where reading stopped, in serde_json's best
/// words (« trailing comma »).
fn not_json(text: &str, bom: usize, error: serde_json::Error) -> Problem {
    let e = serde_json::from_str::<serde_json::Value>(text)
        .err()
        .unwrap_or(error);
    let at = offset(text, e.line(), e.column()).map(|at| bom + at..bom + at);
    Problem::general(
        ProblemKind::NotJson,
        format!(
            "not valid JSON: {} (line {}, column {})",
            json_error(&e),
            e.line(),
            e.column()
        ),
    )
    .placed(at)
}

/// A problem when the file's `questionnaire` or `edition` is not the
/// questionnaire's.
fn other_edition(model: &Model, key: &str, value: &serde_json::Value) -> Option<Problem> {
    let (same, expected) = if key == "edition" {
        (
            value.as_u64() == Some(u64::from(model.edition)),
            model.edition.to_string(),
        )
    } else {
        (
            value.as_str() == Some(model.id.as_str()),
            format!("`{}`", model.id),
        )
    };
    (!same).then(|| {
        Problem::general(
            ProblemKind::OtherEdition,
            format!("these answers are for {key} {value}, not {expected}"),
        )
    })
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
        if let Some(mention) = model.mentions.iter().find(|m| m.id == id) {
            match raw {
                None => {}
                Some(Raw::Bool(b)) if mention.jury => {
                    result.decisions.insert(id.to_owned(), b);
                }
                Some(raw) => {
                    let message = if mention.jury {
                        format!(
                            "the jury decides mention `{id}` with true or false, found {}",
                            raw.describe()
                        )
                    } else {
                        format!("mention `{id}` follows its rule: the jury does not decide it")
                    };
                    problems.push(Problem::at(ProblemKind::Jury, id, message).placed(at));
                }
            }
            continue;
        }
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
        decisions: example.decisions.clone(),
        previous: example.previous.clone(),
    }
}
