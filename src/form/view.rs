//! What the template shows, computed from the model: every text, every
//! element id and every phrase of grille's own (from the catalog, in the
//! questionnaire's language) is decided here, so the template only lays out
//! markup (and escapes every text it prints).

use crate::model::{Bounds, Computed, Expr, Item, Kind, Model, Question, RichText};
use crate::t;
use crate::words::{self, Words};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
pub struct Page<'a> {
    lang: &'static str,
    /// The catalog's messages that take no argument.
    t: BTreeMap<&'static str, String>,
    /// The page's title, its heading's edition, the deadline and footer.
    head_title: String,
    document: String,
    footer: String,
    nojs: String,
    submit: String,
    /// « Les questions suivies de « (obligatoire) »… », when one is.
    legend_required: Option<String>,
    title: &'a str,
    organiser: Option<&'a str>,
    contact: Option<&'a str>,
    website: Option<&'a str>,
    deadline: Option<String>,
    draft: bool,
    notice: Vec<Vec<Span>>,
    intro: Vec<Vec<Span>>,
    action: Option<String>,
    file_name: String,
    /// The contents' entries.
    sections: Vec<Entry<'a>>,
    script: &'a str,
    style: &'a str,
    csp: &'a str,
    /// The sections with their questions (`sections.html`).
    body: Vec<SectionView>,
    /// The page's data, JSON safe to embed in a script element.
    data: String,
    /// When `grille serve` serves the page: where it posts, its key, what
    /// the candidate's application is at, the problems of the last post.
    served: Option<ServedView>,
}

/// What `grille serve` adds to the page.
pub struct Served<'a> {
    /// Where the form posts.
    pub action: &'a str,
    /// The key the page sends with its post, so that sending it twice
    /// makes one version.
    pub key: &'a str,
    /// What each question shows, as the fields a browser posts.
    pub fields: &'a crate::engine::fields::Fields,
    /// Where the application is at (« Brouillon enregistré le … »), with
    /// its private link.
    pub status: Vec<String>,
    pub link: Option<&'a str>,
    /// The receipt of the version sent, once one is.
    pub receipt: Option<&'a str>,
    /// The problems of the last post: a message by question id (or for the
    /// whole page, under the empty id).
    pub problems: &'a [(String, String)],
}

#[derive(Serialize)]
struct ServedView {
    key: String,
    status: Vec<String>,
    link: Option<String>,
    receipt: Option<String>,
    save: String,
    send: String,
    /// The summary of the problems: each question's number and label, its
    /// message, and the element to go to.
    problems: Vec<ProblemView>,
}

#[derive(Serialize)]
struct ProblemView {
    target: Option<String>,
    text: String,
}

type Span = crate::model::Run;

/// A section in the contents.
#[derive(Serialize)]
struct Entry<'a> {
    id: &'a str,
    number: usize,
    title: &'a str,
}

/// What `sections.html` shows of a section.
#[derive(Serialize)]
pub struct SectionView {
    id: String,
    number: usize,
    title: String,
    when: Option<String>,
    intro: Vec<Vec<Span>>,
    items: Vec<ItemView>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)] // questions are the common case
enum ItemView {
    Question(QuestionView),
    Note {
        index: usize,
        when: Option<String>,
        text: Vec<Vec<Span>>,
    },
    Computed {
        id: String,
        label: String,
        reads: String,
    },
}

#[derive(Serialize)]
struct QuestionView {
    id: String,
    number: String,
    label: String,
    /// Shown as « (obligatoire) ».
    required: bool,
    /// The button that clears a single choice's answer.
    clear: String,
    /// The `required` attribute: only for questions always shown, so that a
    /// page without JavaScript never requires a question that does not apply.
    required_attribute: bool,
    when: Option<String>,
    hint: Option<String>,
    format: Option<String>,
    /// `input`, `textarea`, `radio` or `checkbox`.
    control: &'static str,
    input_type: &'static str,
    inputmode: Option<&'static str>,
    unit: Option<String>,
    options: Vec<OptionView>,
    describedby: String,
    /// What the control shows (served pages): its text, or the options
    /// ticked.
    value: String,
    /// The server's message about this answer.
    error: Option<String>,
}

#[derive(Serialize)]
struct OptionView {
    id: String,
    label: String,
    checked: bool,
}

/// What `formulaire.html` shows: the page around the sections' markup.
pub struct Parts<'a> {
    pub script: &'a str,
    pub style: &'a str,
    pub csp: &'a str,
    pub data: String,
}

/// What the page's banner says under the title (« Questionnaire de
/// candidature 2024 ») and its footer (« …, questionnaire 2024, ADULLACT. »),
/// for the form and the server's other pages.
pub fn banner_words(model: &Model) -> (String, String) {
    let w = model.words();
    let edition = model.edition.to_string();
    let document = t!(
        w,
        "form-document",
        document = w.get("term-document"),
        edition = &edition
    );
    let footer = match &model.meta.organiser {
        Some(o) => t!(
            w,
            "form-footer-by",
            title = &model.title,
            edition = &edition,
            organiser = o
        ),
        None => t!(w, "form-footer", title = &model.title, edition = &edition),
    };
    (document, footer)
}

pub fn page<'a>(model: &'a Model, parts: Parts<'a>, served: Option<&Served<'_>>) -> Page<'a> {
    let w = model.words();
    let (document, footer) = banner_words(model);
    let edition = model.edition.to_string();
    let any_required = model
        .sections
        .iter()
        .flat_map(|s| s.questions())
        .any(|q| q.required);
    Page {
        lang: model.lang.code(),
        t: words::keys(model.lang)
            .filter(|k| words::takes_nothing(model.lang, k))
            .map(|k| (k, w.get(k)))
            .collect(),
        head_title: {
            let title = t!(
                w,
                "form-title",
                title = &model.title,
                edition = model.edition.to_string()
            );
            match served {
                Some(s) if !s.problems.is_empty() => t!(w, "script-error", message = title),
                _ => title,
            }
        },
        document,
        footer,
        nojs: t!(
            w,
            "form-nojs",
            action = if model.meta.action.is_some() {
                "yes"
            } else {
                "no"
            }
        ),
        submit: match model.meta.action {
            Some(_) => w.get("term-submit"),
            None => w.get("form-check-download"),
        },
        legend_required: any_required
            .then(|| t!(w, "form-legend-required", required = w.get("required"))),
        title: &model.title,
        organiser: model.meta.organiser.as_deref(),
        contact: model.meta.contact.as_deref(),
        website: model.meta.website.as_deref(),
        deadline: model
            .meta
            .deadline
            .map(|d| t!(w, "deadline", date = w.date(d))),
        draft: model.meta.draft,
        notice: model.meta.notice.as_ref().map(rich).unwrap_or_default(),
        intro: model.meta.intro.as_ref().map(rich).unwrap_or_default(),
        action: match served {
            Some(served) => Some(served.action.to_owned()),
            None => model.meta.action.clone(),
        },
        file_name: t!(w, "form-file-name", id = &model.id, edition = &edition),
        sections: model
            .sections
            .iter()
            .map(|s| Entry {
                id: &s.id,
                number: s.number,
                title: &s.title,
            })
            .collect(),
        script: parts.script,
        style: parts.style,
        csp: parts.csp,
        body: sections(model, served),
        data: parts.data,
        served: served.map(|served| ServedView {
            key: served.key.to_owned(),
            status: served.status.clone(),
            link: served.link.map(str::to_owned),
            receipt: served.receipt.map(str::to_owned),
            save: w.get("serve-save"),
            send: w.get("term-submit"),
            problems: served
                .problems
                .iter()
                .map(|(id, text)| match model.question(id) {
                    Some(q) => ProblemView {
                        target: Some(first_control(q, served.fields)),
                        text: t!(
                            w,
                            "script-about",
                            what = format!("{} {}", q.number, q.label),
                            text = text
                        ),
                    },
                    None => ProblemView {
                        target: None,
                        text: text.clone(),
                    },
                })
                .collect(),
        }),
    }
}

/// The control a problem's link takes the focus to: the option ticked, or
/// the first.
fn first_control(q: &Question, fields: &crate::engine::fields::Fields) -> String {
    let values = fields.get(&q.id).map(Vec::as_slice).unwrap_or_default();
    match &q.kind {
        Kind::YesNo => format!(
            "q-{}-{}",
            q.id,
            values.first().map_or("yes", String::as_str)
        ),
        Kind::One { options } | Kind::Many { options, .. } => {
            let chosen = options
                .iter()
                .find(|o| values.contains(&o.id))
                .or(options.first());
            format!("q-{}-{}", q.id, chosen.map_or("", |o| o.id.as_str()))
        }
        _ => format!("q-{}", q.id),
    }
}

fn rich(text: &RichText) -> Vec<Vec<Span>> {
    text.runs(str::to_owned)
}

/// The sections with their items: questions, notes and labelled computed
/// values in their places.
fn sections(model: &Model, served: Option<&Served<'_>>) -> Vec<SectionView> {
    let mut notes = 0;
    let mut views: Vec<SectionView> = model
        .sections
        .iter()
        .map(|s| SectionView {
            id: s.id.clone(),
            number: s.number,
            title: s.title.clone(),
            when: s.when.as_ref().map(|e| words::shown_if(e, model)),
            intro: s.intro.as_ref().map(rich).unwrap_or_default(),
            items: s
                .items
                .iter()
                .map(|item| match item {
                    Item::Question(q) => {
                        ItemView::Question(question(model, q, s.when.is_none(), served))
                    }
                    Item::Note(n) => {
                        notes += 1;
                        ItemView::Note {
                            index: notes - 1,
                            when: n.when.as_ref().map(|e| words::shown_if(e, model)),
                            text: rich(&n.text),
                        }
                    }
                })
                .collect(),
        })
        .collect();
    // A labelled computed value is shown where it is declared: after the
    // item before it in the source (unlabelled ones are internal).
    for c in model.computed.iter().filter(|c| c.label.is_some()) {
        place(model, &mut views, c);
    }
    views
}

fn place(model: &Model, views: &mut [SectionView], c: &Computed) {
    let Some((s, before)) = model.place(c) else {
        return;
    };
    // Earlier computed values placed in this section shift the position.
    let mut index = 0;
    let mut seen = 0;
    while index < views[s].items.len() && seen < before {
        if !matches!(views[s].items[index], ItemView::Computed { .. }) {
            seen += 1;
        }
        index += 1;
    }
    while index < views[s].items.len() && matches!(views[s].items[index], ItemView::Computed { .. })
    {
        index += 1;
    }
    let mut reads = Vec::new();
    c.expr.visit(&mut |e| {
        if let Expr::Answer(id) | Expr::In { question: id, .. } | Expr::Has { question: id, .. } = e
        {
            let target = format!("q-{id}-box");
            if !reads.contains(&target) {
                reads.push(target);
            }
        }
    });
    views[s].items.insert(
        index,
        ItemView::Computed {
            id: c.id.clone(),
            // The page puts the colon: one the label ends with is not doubled.
            label: words::without_colon(c.label.as_deref().unwrap_or_default()).to_owned(),
            reads: reads.join(" "),
        },
    );
}

fn question(
    model: &Model,
    q: &Question,
    section_always: bool,
    served: Option<&Served<'_>>,
) -> QuestionView {
    let w = model.words();
    let values = served
        .and_then(|s| s.fields.get(&q.id))
        .map(Vec::as_slice)
        .unwrap_or_default();
    let when = q.when.as_ref().map(|e| words::shown_if(e, model));
    let hint = q.hint.clone();
    // A SIRET's hint usually says it already.
    let format = format(&q.kind, w).filter(|_| !(matches!(q.kind, Kind::Siret) && hint.is_some()));
    let (control, input_type, inputmode) = match &q.kind {
        Kind::YesNo | Kind::One { .. } => ("radio", "radio", None),
        Kind::Many { .. } => ("checkbox", "checkbox", None),
        Kind::Integer(_) => ("input", "text", Some("numeric")),
        Kind::Decimal(_) | Kind::Percent(_) => ("input", "text", Some("decimal")),
        Kind::Siret => ("input", "text", Some("numeric")),
        Kind::Text => ("input", "text", None),
        Kind::LongText => ("textarea", "text", None),
        Kind::Date => ("input", "date", None),
        Kind::Email => ("input", "email", None),
        Kind::Url => ("input", "url", None),
    };
    let options = match &q.kind {
        Kind::YesNo => vec![
            OptionView {
                id: "yes".into(),
                label: w.get("yes"),
                checked: values.iter().any(|v| v == "yes"),
            },
            OptionView {
                id: "no".into(),
                label: w.get("no"),
                checked: values.iter().any(|v| v == "no"),
            },
        ],
        kind => kind
            .options()
            .iter()
            .map(|o| OptionView {
                id: o.id.clone(),
                label: o.label.clone(),
                checked: values.contains(&o.id),
            })
            .collect(),
    };
    let mut describedby = Vec::new();
    for (part, present) in [
        ("when", when.is_some()),
        ("hint", hint.is_some()),
        ("format", format.is_some()),
        ("error", true),
        ("warning", true),
    ] {
        if present {
            describedby.push(format!("q-{}-{part}", q.id));
        }
    }
    QuestionView {
        id: q.id.clone(),
        number: q.number.clone(),
        label: q.label.clone(),
        required: q.required,
        clear: t!(w, "form-clear-answer", number = &q.number),
        // A required multiple choice has no attribute: on checkboxes it would
        // require each box.
        required_attribute: q.required
            && q.when.is_none()
            && section_always
            && !matches!(q.kind, Kind::Many { .. }),
        when,
        hint,
        format,
        control,
        input_type,
        inputmode,
        unit: match &q.kind {
            Kind::Percent(b) if b.unit.is_none() => Some("%".to_owned()),
            kind => kind.bounds().and_then(|b| b.unit.clone()),
        },
        options,
        describedby: describedby.join(" "),
        value: values.first().cloned().unwrap_or_default(),
        error: served.and_then(|s| {
            s.problems
                .iter()
                .find(|(id, _)| *id == q.id)
                .map(|(_, text)| text.clone())
        }),
    }
}

/// What the answer looks like, in words, when the control does not say it.
pub(super) fn format(kind: &Kind, w: Words<'_>) -> Option<String> {
    let numeric = |b: &Bounds| {
        let what = words::number_kind(kind, w).unwrap_or_default();
        match &b.unit {
            Some(unit) => t!(w, "form-number-in", what = what, unit = unit),
            None => t!(w, "form-number", what = what),
        }
    };
    match kind {
        Kind::Integer(b) => Some(numeric(b)),
        Kind::Decimal(b) | Kind::Percent(b) => {
            Some(format!("{} {}", numeric(b), w.get("form-decimals")))
        }
        Kind::Siret => Some(w.get("format-siret")),
        Kind::Email => Some(w.get("form-email")),
        Kind::Url => Some(w.get("form-url")),
        Kind::Many {
            options,
            min_choices,
            max_choices,
        } => {
            let mut text = words::choices_count(*min_choices, *max_choices, w);
            for o in options.iter().filter(|o| o.exclusive) {
                text.push(' ');
                text.push_str(&t!(w, "form-exclusive", label = w.quoted(&o.label)));
            }
            Some(text)
        }
        _ => None,
    }
}
