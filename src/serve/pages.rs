//! The server's pages besides the form (`assets/serve/page.html`): the
//! notices (not open yet, closed, not found, cannot save…) and the
//! candidate's receipt, in the questionnaire's language.

use crate::engine::Answers;
use crate::model::{Answer, Kind, Model};
use crate::t;
use crate::words::Words;
use serde::Serialize;

const TEMPLATE: &str = include_str!("../../assets/serve/page.html");

#[derive(Serialize, Default)]
pub struct Page {
    lang: &'static str,
    head_title: String,
    style: &'static str,
    organiser: Option<String>,
    title: String,
    document: String,
    footer: String,
    heading: String,
    lines: Vec<String>,
    /// The private link, what to call it, and what it is for.
    link: Option<Link>,
    link_help: String,
    colon: String,
    result: Option<String>,
    links: Vec<Link>,
    answers_title: String,
    answers: Vec<SectionAnswers>,
}

#[derive(Serialize)]
pub struct Link {
    pub href: String,
    pub text: String,
}

#[derive(Serialize)]
struct SectionAnswers {
    id: String,
    title: String,
    answers: Vec<QuestionAnswer>,
}

#[derive(Serialize)]
struct QuestionAnswer {
    question: String,
    answer: String,
}

impl Page {
    /// A page with a heading and its paragraphs, both from the catalog.
    pub fn notice(model: &Model, heading: String, lines: Vec<String>, links: Vec<Link>) -> Page {
        let w = model.words();
        let (document, footer) = crate::form::banner_words(model);
        Page {
            lang: model.lang.code(),
            head_title: format!("{heading} — {}", model.title),
            style: crate::form::STYLE,
            organiser: model.meta.organiser.clone(),
            title: model.title.clone(),
            document,
            footer,
            heading,
            lines,
            links,
            colon: w.get("colon"),
            ..Page::default()
        }
    }

    /// The receipt of a version sent: when, and every answer in the
    /// questionnaire's order; the provisional result when the
    /// questionnaire shows it (`receipt result`).
    pub fn receipt(
        model: &Model,
        answers: &Answers,
        lines: Vec<String>,
        result: Option<String>,
        links: Vec<Link>,
    ) -> Page {
        let w = model.words();
        let mut page = Page::notice(model, w.get("serve-receipt-title"), lines, links);
        page.result = result;
        page.answers_title = w.get("serve-receipt-answers");
        page.answers = model
            .sections
            .iter()
            .map(|s| SectionAnswers {
                id: s.id.clone(),
                title: format!("{}. {}", s.number, s.title),
                answers: s
                    .questions()
                    .filter_map(|q| {
                        let a = answers.values.get(&q.id)?;
                        Some(QuestionAnswer {
                            question: format!("{} {}", q.number, q.label),
                            answer: in_words(&q.kind, a, w),
                        })
                    })
                    .collect(),
            })
            .filter(|s| !s.answers.is_empty())
            .collect();
        page
    }

    /// Shows the candidate's private link (after the page's lines).
    pub fn private_link(&mut self, model: &Model, href: &str) {
        let w = model.words();
        self.link = Some(Link {
            href: href.to_owned(),
            text: w.get("serve-link"),
        });
        self.link_help = w.get("serve-link-help");
    }

    /// The page's HTML.
    pub fn html(&self) -> String {
        let mut env = minijinja::Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        // The template is embedded and rendered by the tests: it cannot fail.
        env.add_template("page.html", TEMPLATE)
            .and_then(|()| env.get_template("page.html"))
            .and_then(|t| t.render(minijinja::Value::from_serialize(self)))
            .expect("the embedded page template renders")
    }
}

/// An answer as the candidate reads it: « Oui », an option's label, a
/// number with its unit, a date in words.
fn in_words(kind: &Kind, answer: &Answer, w: Words<'_>) -> String {
    let label = |id: &str| {
        kind.options()
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_owned(), |o| o.label.clone())
    };
    match answer {
        Answer::Bool(b) => w.get(if *b { "yes" } else { "no" }),
        Answer::Choice(c) => label(c),
        Answer::Choices(list) => list.iter().map(|c| label(c)).collect::<Vec<_>>().join(", "),
        Answer::Number(n) => match kind.bounds().and_then(|b| b.unit.as_deref()) {
            Some(unit) => t!(w, "script-unit", value = w.number(n), unit = unit),
            None if matches!(kind, Kind::Percent(_)) => {
                t!(w, "script-unit", value = w.number(n), unit = "%")
            }
            None => w.number(n),
        },
        Answer::Text(t) => t.clone(),
        Answer::Date(d) => w.date(*d),
    }
}
