//! Answer sets from the form's fields, as a browser posts them
//! (`application/x-www-form-urlencoded`): each question under its id, a
//! `many` question once per option ticked, yes/no as `yes` or `no`, numbers
//! as typed. Fields whose names start with `grille-` are the page's own.
//! The other way round, [`of_answers`] gives the fields that show stored
//! answers in the page.

use super::answer::{typed, Raw};
use super::answers::{collect, Answers, Read};
use crate::model::{Answer, Kind, Model};
use std::collections::BTreeMap;

/// The fields of one post, by name, each with its values in order.
pub type Fields = BTreeMap<String, Vec<String>>;

/// Groups a post's fields by name, leaving out the page's own.
pub fn group(pairs: impl IntoIterator<Item = (String, String)>) -> Fields {
    let mut fields = Fields::new();
    for (name, value) in pairs {
        if !name.starts_with("grille-") {
            fields.entry(name).or_default().push(value);
        }
    }
    fields
}

/// Reads the fields as `grille score` reads an answers file: every
/// problem is reported, each on its question.
pub fn read(model: &Model, fields: &Fields) -> Read {
    let raws = fields.iter().map(|(id, values)| {
        let kind = model.question(id).map(|q| &q.kind);
        let raw = match (kind, values.as_slice()) {
            (Some(Kind::Many { .. }), values) => {
                let ticked: Vec<String> = values
                    .iter()
                    .filter(|v| !v.trim().is_empty())
                    .cloned()
                    .collect();
                (!ticked.is_empty()).then_some(Raw::List(ticked))
            }
            (Some(kind), [value]) => typed(kind, value),
            // An unknown question is reported by its id whatever its value.
            (None, _) => Some(Raw::Text(String::new())),
            (Some(_), _) => Some(Raw::Other("several answers")),
        };
        (id.as_str(), raw, None)
    });
    collect(model, raws, std::iter::empty())
}

/// The fields that show an answer set in the page: numbers written with
/// the questionnaire's decimal separator, yes/no as `yes` or `no`.
pub fn of_answers(model: &Model, answers: &Answers) -> Fields {
    let decimal = model.lang.separators().0.to_string();
    answers
        .values
        .iter()
        .map(|(id, answer)| {
            let values = match answer {
                Answer::Bool(b) => vec![if *b { "yes" } else { "no" }.to_owned()],
                Answer::Choice(c) => vec![c.clone()],
                Answer::Choices(list) => list.clone(),
                Answer::Number(n) => vec![n.to_string().replace('.', &decimal)],
                Answer::Text(t) => vec![t.clone()],
                Answer::Date(d) => vec![d.to_string()],
            };
            (id.clone(), values)
        })
        .collect()
}
