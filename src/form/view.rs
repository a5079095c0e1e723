//! What the template shows, computed from the model: every text, every
//! element id and every French phrase is decided here, so the template only
//! lays out markup (and escapes every text it prints).

use crate::french;
use crate::model::{Bounds, Computed, Expr, Item, Kind, Model, Question, RichText};
use serde::Serialize;

#[derive(Serialize)]
pub struct Page<'a> {
    lang: &'a str,
    id: &'a str,
    title: &'a str,
    edition: u32,
    organiser: Option<&'a str>,
    contact: Option<&'a str>,
    website: Option<&'a str>,
    deadline: Option<String>,
    draft: bool,
    notice: Vec<Vec<Span>>,
    intro: Vec<Vec<Span>>,
    action: Option<&'a str>,
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
}

#[derive(Serialize)]
struct OptionView {
    id: String,
    label: String,
}

/// What `formulaire.html` shows: the page around the sections' markup.
pub struct Parts<'a> {
    pub script: &'a str,
    pub style: &'a str,
    pub csp: &'a str,
    pub data: String,
}

pub fn page<'a>(model: &'a Model, parts: Parts<'a>) -> Page<'a> {
    Page {
        lang: &model.lang,
        id: &model.id,
        title: &model.title,
        edition: model.edition,
        organiser: model.meta.organiser.as_deref(),
        contact: model.meta.contact.as_deref(),
        website: model.meta.website.as_deref(),
        deadline: model.meta.deadline.map(french::date),
        draft: model.meta.draft,
        notice: model.meta.notice.as_ref().map(rich).unwrap_or_default(),
        intro: model.meta.intro.as_ref().map(rich).unwrap_or_default(),
        action: model.meta.action.as_deref(),
        file_name: format!("reponses-{}-{}.json", model.id, model.edition),
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
        body: sections(model),
        data: parts.data,
    }
}

fn rich(text: &RichText) -> Vec<Vec<Span>> {
    text.runs(str::to_owned)
}

/// The sections with their items: questions, notes and labelled computed
/// values in their places.
fn sections(model: &Model) -> Vec<SectionView> {
    let mut notes = 0;
    let mut views: Vec<SectionView> = model
        .sections
        .iter()
        .map(|s| SectionView {
            id: s.id.clone(),
            number: s.number,
            title: s.title.clone(),
            when: s.when.as_ref().map(|e| french::shown_if(e, model)),
            intro: s.intro.as_ref().map(rich).unwrap_or_default(),
            items: s
                .items
                .iter()
                .map(|item| match item {
                    Item::Question(q) => ItemView::Question(question(model, q, s.when.is_none())),
                    Item::Note(n) => {
                        notes += 1;
                        ItemView::Note {
                            index: notes - 1,
                            when: n.when.as_ref().map(|e| french::shown_if(e, model)),
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
            label: c.label.clone().unwrap_or_default(),
            reads: reads.join(" "),
        },
    );
}

fn question(model: &Model, q: &Question, section_always: bool) -> QuestionView {
    let when = q.when.as_ref().map(|e| french::shown_if(e, model));
    let hint = q.hint.clone();
    // A SIRET's hint usually says it already.
    let format = format(&q.kind).filter(|_| !(matches!(q.kind, Kind::Siret) && hint.is_some()));
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
                label: "Oui".into(),
            },
            OptionView {
                id: "no".into(),
                label: "Non".into(),
            },
        ],
        kind => kind
            .options()
            .iter()
            .map(|o| OptionView {
                id: o.id.clone(),
                label: o.label.clone(),
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
    }
}

/// What the answer looks like, in words, when the control does not say it.
fn format(kind: &Kind) -> Option<String> {
    let numeric = |b: &Bounds| {
        let mut text = french::number_kind(kind).unwrap_or_default();
        if let Some(unit) = &b.unit {
            text.push_str(&format!(", en {unit}"));
        }
        text.push('.');
        text
    };
    match kind {
        Kind::Integer(b) => Some(numeric(b)),
        Kind::Decimal(b) | Kind::Percent(b) => Some(numeric(b) + " Décimales avec une virgule."),
        Kind::Siret => Some("Numéro SIRET à 14 chiffres.".to_owned()),
        Kind::Email => Some("Adresse électronique, par exemple nom@exemple.fr.".to_owned()),
        Kind::Url => Some("Adresse web commençant par https://.".to_owned()),
        Kind::Many {
            options,
            min_choices,
            max_choices,
        } => {
            let mut text = french::choices_count(*min_choices, *max_choices);
            for o in options.iter().filter(|o| o.exclusive) {
                text.push_str(&format!(
                    " « {} » ne se combine pas avec les autres réponses.",
                    o.label
                ));
            }
            Some(text)
        }
        _ => None,
    }
}
