//! The server's pages besides the form (`assets/serve/page.html`): the
//! notices (not open yet, closed, not found, cannot save…) and the
//! candidate's receipt, in the questionnaire's language.

use crate::engine::Answers;
use crate::model::{Answer, Kind, Model};
use crate::t;
use crate::words::Words;
use serde::Serialize;

/// The templates of the server's pages: each extends `base.html`.
const TEMPLATES: [(&str, &str); 4] = [
    ("base.html", include_str!("../../assets/serve/base.html")),
    ("page.html", include_str!("../../assets/serve/page.html")),
    ("jury.html", include_str!("../../assets/serve/jury.html")),
    (
        "results.html",
        include_str!("../../assets/serve/results.html"),
    ),
];

/// Renders one of the server's templates with `value`.
pub fn render(name: &str, value: &impl Serialize) -> String {
    static ENV: std::sync::OnceLock<minijinja::Environment<'static>> = std::sync::OnceLock::new();
    let env = ENV.get_or_init(|| {
        let mut env = minijinja::Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        for (name, text) in TEMPLATES {
            env.add_template(name, text)
                .expect("the embedded page templates parse");
        }
        env
    });
    // The templates are embedded and rendered by the tests: they cannot fail.
    env.get_template(name)
        .and_then(|t| t.render(minijinja::Value::from_serialize(value)))
        .expect("the embedded page templates render")
}

/// What every page shows around its main part (`base.html`).
#[derive(Serialize, Default)]
pub struct Frame {
    lang: &'static str,
    head_title: String,
    style: &'static str,
    organiser: Option<String>,
    title: String,
    document: String,
    footer: String,
    /// On the jury's pages: who is signed in, their links and the button
    /// that signs out.
    pub juror: Option<JurorBar>,
}

#[derive(Serialize)]
pub struct JurorBar {
    pub nav_label: String,
    pub who: String,
    pub links: Vec<Link>,
    pub logout: String,
    pub csrf: String,
}

impl Frame {
    /// The frame of a page titled `heading`.
    pub fn new(model: &Model, heading: &str) -> Frame {
        let (document, footer) = crate::form::banner_words(model);
        Frame {
            lang: model.lang.code(),
            head_title: format!("{heading} — {}", model.title),
            style: crate::form::STYLE,
            organiser: model.meta.organiser.clone(),
            title: model.title.clone(),
            document,
            footer,
            juror: None,
        }
    }
}

#[derive(Serialize, Default)]
pub struct Page {
    pub frame: Frame,
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
        Page {
            frame: Frame::new(model, &heading),
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
        render("page.html", self)
    }
}

/// An answer as the candidate reads it: « Oui », an option's label, a
/// number with its unit, a date in words.
pub fn in_words(kind: &Kind, answer: &Answer, w: Words<'_>) -> String {
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
