//! Example answer sets: every answer fits its question, every expectation
//! names something that exists.

use super::Checker;
use crate::diagnostic;
use crate::model::{self, Answer, Date, Expectations, Kind, Levels, Scoring};
use crate::num::Num;
use crate::source::Span;
use crate::suggest;
use crate::syntax::ast::{self, Expectation, Ident, Value};
use std::collections::BTreeMap;

impl Checker<'_> {
    pub(super) fn examples(
        &mut self,
        sections: &[model::Section],
        levels: &Levels,
        mentions: &[model::Mention],
    ) -> Vec<model::Example> {
        let questions: BTreeMap<&str, &model::Question> = sections
            .iter()
            .flat_map(model::Section::questions)
            .map(|q| (q.id.as_str(), q))
            .collect();
        let mut out = Vec::new();
        let file = self.file;
        for item in &file.items {
            let ast::Item::Example(e) = item else {
                continue;
            };
            let answers = self.example_answers(&questions, e);
            let (jury, decisions) = self.example_jury(&questions, mentions, e);
            let previous = self.example_previous(levels, e);
            let expect = self.expectations(levels, mentions, e);
            if e.expect.is_empty() {
                self.report(diagnostic::example_without_expect(&e.id));
            }
            out.push(model::Example {
                id: e.id.name.clone(),
                title: e.title.as_ref().map(|t| t.value.clone()),
                answers,
                jury,
                decisions,
                previous,
                expect,
                span: e.span,
            });
        }
        out
    }

    /// An example's answers, each checked against its question.
    fn example_answers(
        &mut self,
        questions: &BTreeMap<&str, &model::Question>,
        e: &ast::Example,
    ) -> BTreeMap<String, Answer> {
        let mut answers = BTreeMap::new();
        let mut seen: BTreeMap<&str, Span> = BTreeMap::new();
        for (key, value) in &e.answers {
            if let Some(first) = seen.insert(&key.name, key.span) {
                self.report(diagnostic::given_twice(
                    &format!("answer to `{}`", key.name),
                    key.span,
                    first,
                ));
                continue;
            }
            let Some(q) = questions.get(key.name.as_str()) else {
                if !self.questions.contains_key(key.name.as_str()) {
                    let suggestion = suggest::closest(&key.name, questions.keys().copied());
                    self.report(diagnostic::undefined_reference(
                        &key.name, key.span, suggestion, false,
                    ));
                }
                continue;
            };
            if let Some(answer) = self.example_answer(q, key, value) {
                answers.insert(key.name.clone(), answer);
            }
        }
        answers
    }

    /// An example's jury scores, each within its question's maximum, and
    /// its decisions on the mentions the jury decides.
    fn example_jury(
        &mut self,
        questions: &BTreeMap<&str, &model::Question>,
        mentions: &[model::Mention],
        e: &ast::Example,
    ) -> (BTreeMap<String, Num>, BTreeMap<String, bool>) {
        let mut jury = BTreeMap::new();
        let mut decisions = BTreeMap::new();
        for (key, value) in &e.jury {
            if let Some(m) = mentions.iter().find(|m| m.id == key.name) {
                match value {
                    ast::JuryValue::Decision(b, _) if m.jury => {
                        decisions.insert(key.name.clone(), *b);
                    }
                    ast::JuryValue::Decision(..) => {
                        self.report(diagnostic::not_a_jury_mention(key.span, &key.name));
                    }
                    ast::JuryValue::Mark(n) => {
                        self.report(diagnostic::example_answer(
                            n.span,
                            &key.name,
                            "`yes` or `no`",
                        ));
                    }
                }
                continue;
            }
            let score = match value {
                ast::JuryValue::Mark(n) => n,
                ast::JuryValue::Decision(_, span) => {
                    if questions.contains_key(key.name.as_str()) {
                        self.report(diagnostic::example_answer(
                            *span,
                            &key.name,
                            "a whole number",
                        ));
                    } else {
                        let suggestion = suggest::closest(
                            &key.name,
                            mentions.iter().filter(|m| m.jury).map(|m| m.id.as_str()),
                        );
                        self.report(diagnostic::undefined_reference(
                            &key.name, key.span, suggestion, false,
                        ));
                    }
                    continue;
                }
            };
            match questions.get(key.name.as_str()).map(|q| &q.scoring) {
                Some(Scoring::Jury { max }) => {
                    if score.value.is_integer() && !score.value.is_negative() && score.value <= *max
                    {
                        jury.insert(key.name.clone(), score.value.clone());
                    } else {
                        self.report(diagnostic::example_jury_score(score.span, &key.name, max));
                    }
                }
                Some(_) => self.report(diagnostic::example_not_jury(key.span, &key.name)),
                None => {
                    let suggestion = suggest::closest(&key.name, questions.keys().copied());
                    self.report(diagnostic::undefined_reference(
                        &key.name, key.span, suggestion, false,
                    ));
                }
            }
        }
        (jury, decisions)
    }

    /// `previous level 2 total 80`: an existing level, a total.
    fn example_previous(&mut self, levels: &Levels, e: &ast::Example) -> model::Previous {
        let mut previous = model::Previous::default();
        for x in &e.previous {
            match x {
                Expectation::Level(n) => match self.example_level_number(n, levels) {
                    Some(v) => previous.level = Some(v),
                    None => self.report(diagnostic::example_level(n.span, levels)),
                },
                Expectation::Total(n) => previous.total = Some(n.value.clone()),
                _ => {}
            }
        }
        previous
    }

    /// A level number of the questionnaire (0: not labelled).
    fn example_level_number(&self, n: &ast::NumLit, levels: &Levels) -> Option<u32> {
        n.value.to_decimal(0).parse::<u32>().ok().filter(|v| {
            n.value.is_integer() && (*v == 0 || levels.levels.iter().any(|l| l.number == *v))
        })
    }

    /// What an example expects: a level, a total, section scores, or that it is invalid.
    fn expectations(
        &mut self,
        levels: &Levels,
        mentions: &[model::Mention],
        e: &ast::Example,
    ) -> Expectations {
        let mut expect = Expectations::default();
        for x in &e.expect {
            match x {
                Expectation::Mentions(ids, _) => {
                    let mut list = Vec::new();
                    for id in ids {
                        if mentions.iter().any(|m| m.id == id.name) {
                            list.push(id.name.clone());
                        } else {
                            let suggestion =
                                suggest::closest(&id.name, mentions.iter().map(|m| m.id.as_str()));
                            self.report(diagnostic::unknown_mention(id, suggestion));
                        }
                    }
                    expect.mentions = Some(list);
                }
                Expectation::Level(n) => {
                    let number = self.example_level_number(n, levels);
                    match number {
                        Some(v) => expect.level = Some(v),
                        None => self.report(diagnostic::example_level(n.span, levels)),
                    }
                }
                Expectation::Total(n) => {
                    let max: crate::num::Num = self.section_max.values().cloned().sum();
                    if n.value > max {
                        self.report(diagnostic::example_out_of_reach(n.span, "the total", &max));
                    }
                    expect.total = Some(n.value.clone());
                }
                Expectation::Section(id, n) => {
                    if self.sections.contains_key(id.name.as_str()) {
                        let max = self
                            .section_max
                            .get(id.name.as_str())
                            .cloned()
                            .unwrap_or_default();
                        if n.value > max {
                            self.report(diagnostic::example_out_of_reach(
                                n.span,
                                &format!("section `{}`", id.name),
                                &max,
                            ));
                        }
                        expect.sections.insert(id.name.clone(), n.value.clone());
                    } else {
                        let suggestion =
                            suggest::closest(&id.name, super::sorted(self.sections.keys()));
                        self.report(diagnostic::undefined_section(id, suggestion));
                    }
                }
                Expectation::Invalid(_) => expect.invalid = true,
            }
        }
        expect
    }

    fn example_answer(
        &mut self,
        q: &model::Question,
        key: &Ident,
        value: &Value,
    ) -> Option<Answer> {
        let expected = match (&q.kind, value) {
            (Kind::YesNo, Value::Bool(b, _)) => return Some(Answer::Bool(*b)),
            (Kind::YesNo, _) => "`yes` or `no`".to_owned(),
            (Kind::One { options }, Value::Ident(i)) => {
                return self
                    .example_option(q, options, i)
                    .then(|| Answer::Choice(i.name.clone()));
            }
            (Kind::One { .. }, _) => "one of its options, such as `autre`".to_owned(),
            (
                Kind::Many {
                    options,
                    min_choices,
                    max_choices,
                },
                Value::Set(list, span),
            ) => {
                let mut ok = list.iter().all(|i| self.example_option(q, options, i));
                let exclusive = list
                    .iter()
                    .find(|i| options.iter().any(|o| o.exclusive && o.id == i.name));
                if let (Some(x), true) = (exclusive, list.len() > 1) {
                    self.report(diagnostic::example_exclusive(x.span, &q.id, &x.name));
                    ok = false;
                }
                let n = list.len() as u32;
                if min_choices.is_some_and(|m| n < m) || max_choices.is_some_and(|m| n > m) {
                    self.report(diagnostic::example_answer(
                        *span,
                        &q.id,
                        &choices_wording(*min_choices, *max_choices),
                    ));
                    ok = false;
                }
                return ok.then(|| Answer::Choices(list.iter().map(|i| i.name.clone()).collect()));
            }
            (Kind::Many { .. }, _) => {
                "a set of its options, such as `{a, b}` (or `{}` for none)".to_owned()
            }
            (Kind::Integer(b) | Kind::Decimal(b) | Kind::Percent(b), Value::Number(n)) => {
                let integer = matches!(q.kind, Kind::Integer(_));
                let (min, max) = match &q.kind {
                    Kind::Percent(_) => (
                        Some(b.min.clone().unwrap_or_default()),
                        Some(b.max.clone().unwrap_or(Num::from_int(100))),
                    ),
                    _ => (b.min.clone(), b.max.clone()),
                };
                let in_range = min.as_ref().is_none_or(|m| n.value >= *m)
                    && max.as_ref().is_none_or(|m| n.value <= *m);
                if in_range && (!integer || n.value.is_integer()) {
                    return Some(Answer::Number(n.value.clone()));
                }
                number_wording(integer, min.as_ref(), max.as_ref())
            }
            (Kind::Integer(_) | Kind::Decimal(_) | Kind::Percent(_), _) => "a number".to_owned(),
            (Kind::Date, Value::Date(d)) => match Date::parse(&d.text) {
                Some(date) => return Some(Answer::Date(date)),
                None => {
                    self.report(diagnostic::invalid_date(d.span, &d.text));
                    return None;
                }
            },
            (Kind::Date, _) => "a date such as `2024-03-15`".to_owned(),
            (_, Value::Text(t)) => return Some(Answer::Text(t.value.clone())),
            (_, _) => "a text in quotes".to_owned(),
        };
        let _ = key;
        self.report(diagnostic::example_answer(value.span(), &q.id, &expected));
        None
    }

    fn example_option(
        &mut self,
        q: &model::Question,
        options: &[model::Choice],
        i: &Ident,
    ) -> bool {
        if options.iter().any(|o| o.id == i.name) {
            return true;
        }
        let suggestion = suggest::closest(&i.name, options.iter().map(|o| o.id.as_str()));
        self.report(diagnostic::unknown_option(&q.id, i, suggestion, None));
        false
    }
}

fn number_wording(integer: bool, min: Option<&Num>, max: Option<&Num>) -> String {
    let what = if integer {
        "a whole number"
    } else {
        "a number"
    };
    match (min, max) {
        (Some(lo), Some(hi)) => format!("{what} from {lo} to {hi}"),
        (Some(lo), None) => format!("{what} of at least {lo}"),
        (None, Some(hi)) => format!("{what} of at most {hi}"),
        (None, None) => what.to_owned(),
    }
}

fn choices_wording(min: Option<u32>, max: Option<u32>) -> String {
    match (min, max) {
        (Some(lo), Some(hi)) => format!("from {lo} to {hi} options"),
        (Some(lo), None) => format!("at least {lo} options"),
        (_, Some(hi)) => format!("at most {hi} options"),
        (None, None) => "its options".to_owned(),
    }
}
