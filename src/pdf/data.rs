//! What the PDF template reads (`/data.json`): every text of the document,
//! already in the questionnaire's language (and, in French, with French
//! spacing), decided here from the model.
//! The template only lays it out; source texts stay data and are never read
//! as typst markup.

use crate::model::{
    Band, Expr, Item, Kind, Level, Model, Question, RichText, Scheme, Scoring, Section,
};
use crate::num::Num;
use crate::t;
use crate::words::{self, Words};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
pub struct Document {
    /// `respondent` or `jury`.
    pub edition_kind: &'static str,
    pub jury: bool,
    pub lang: &'static str,
    /// The catalog's messages that take no argument, by key.
    pub words: BTreeMap<&'static str, String>,
    pub id: String,
    pub title: String,
    pub edition: u32,
    /// « Questionnaire 2024 » (the `document` term), or its jury edition.
    pub subtitle: String,
    pub organiser: Option<String>,
    pub contact: Option<String>,
    pub website: Option<String>,
    pub deadline: Option<String>,
    /// The document's date in words, and as numbers for its metadata.
    pub date: Option<String>,
    pub date_parts: DateParts,
    pub draft: bool,
    pub notice: Vec<Vec<Span>>,
    pub intro: Vec<Vec<Span>>,
    pub max: String,
    pub sections: Vec<SectionData>,
    pub levels: Vec<LevelData>,
    /// How levels combine, when there are two or more.
    pub scheme: Option<String>,
    /// « En dessous du premier niveau : « Non labellisé ». », when named.
    pub unlabelled: Option<String>,
    /// The levels are told by their names (`levels … named`).
    pub named: bool,
    /// The mentions, with how each is awarded.
    pub mentions: Vec<MentionData>,
}

#[derive(Serialize)]
pub struct MentionData {
    pub label: String,
    /// « Attribuée si … », or « Décidée par le jury. ».
    pub how: String,
    /// The rule as written, when there is one.
    pub source: Option<String>,
    pub description: Option<String>,
}

#[derive(Serialize)]
pub struct DateParts {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

type Span = crate::model::Run;

#[derive(Serialize)]
pub struct SectionData {
    number: usize,
    title: String,
    when: Option<String>,
    intro: Vec<Vec<Span>>,
    max: String,
    items: Vec<ItemData>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)] // questions are the common case
enum ItemData {
    Question(QuestionData),
    Note {
        when: Option<String>,
        text: Vec<Vec<Span>>,
    },
    Computed {
        label: String,
    },
}

#[derive(Serialize)]
struct QuestionData {
    number: String,
    label: String,
    required: bool,
    when: Option<String>,
    hint: Option<String>,
    /// How the answer is drawn: `one`, `many`, `yesno`, `line`, `text`,
    /// `number` or `date`.
    answer: &'static str,
    unit: Option<String>,
    /// What the answer looks like, in words.
    format: Option<String>,
    options: Vec<OptionData>,
    /// Jury edition: « sur 6 points », or « sans points ».
    max: String,
    /// Jury edition: how the question scores, one sentence a line.
    scoring: Vec<String>,
    /// Jury edition: points by interval.
    bands: Vec<BandData>,
    /// Jury edition: what the bands apply to.
    bands_of: Option<String>,
}

#[derive(Serialize)]
struct OptionData {
    label: String,
    points: String,
    exclusive: bool,
}

#[derive(Serialize)]
struct BandData {
    range: String,
    points: String,
}

#[derive(Serialize)]
pub struct LevelData {
    number: u32,
    name: String,
    threshold: String,
    gates: Vec<GateData>,
    description: Option<String>,
}

#[derive(Serialize)]
struct GateData {
    words: String,
    source: String,
}

fn rich(text: &RichText, w: Words<'_>) -> Vec<Vec<Span>> {
    text.runs(|t| w.spacing(t))
}

/// « 1 point », « 0,5 point », « 6 points », with a no-break space.
pub fn points(n: &Num, w: Words<'_>) -> String {
    w.points(n).replacen(' ', "\u{a0}", 1)
}

fn band_range(b: &Band, w: Words<'_>) -> String {
    let lo = w.number(&b.lower);
    match &b.upper {
        None if b.lower_closed => t!(w, "pdf-band-or-more", lo = lo),
        None => t!(w, "pdf-band-more-than", lo = lo),
        Some(hi) if *hi == b.lower => t!(w, "pdf-band-exactly", lo = lo),
        Some(hi) => {
            let hi = w.number(hi);
            let key = match (b.lower_closed, b.upper_closed) {
                (true, true) => "pdf-band-closed",
                (true, false) => "pdf-band-closed-open",
                (false, true) => "pdf-band-open-closed",
                (false, false) => "pdf-band-open",
            };
            t!(w, key, lo = lo, hi = hi)
        }
    }
}

fn question(model: &Model, q: &Question) -> QuestionData {
    let w = model.words();
    let (answer, format) = match &q.kind {
        Kind::YesNo => ("yesno", None),
        Kind::One { .. } => ("one", Some(w.get("pdf-one"))),
        Kind::Many {
            min_choices,
            max_choices,
            ..
        } => (
            "many",
            Some(words::choices_count(*min_choices, *max_choices, w)),
        ),
        Kind::Integer(_) | Kind::Decimal(_) | Kind::Percent(_) => (
            "number",
            words::number_kind(&q.kind, w).map(|what| t!(w, "form-number", what = what)),
        ),
        Kind::Text => ("line", None),
        Kind::LongText => ("text", None),
        Kind::Date => ("date", Some(w.get("pdf-date"))),
        Kind::Email => ("line", Some(w.get("pdf-email"))),
        Kind::Url => ("line", Some(w.get("pdf-url"))),
        Kind::Siret => ("line", q.hint.is_none().then(|| w.get("format-siret"))),
    };
    let options = match (&q.kind, &q.scoring) {
        (Kind::YesNo, Scoring::YesNo { yes, no }) => vec![
            option(&w.get("yes"), points(yes, w), false, w),
            option(&w.get("no"), points(no, w), false, w),
        ],
        (Kind::YesNo, _) => vec![
            option(&w.get("yes"), String::new(), false, w),
            option(&w.get("no"), String::new(), false, w),
        ],
        (kind, scoring) => kind
            .options()
            .iter()
            .map(|o| {
                let shown = matches!(scoring, Scoring::Choices { .. });
                option(
                    &o.label,
                    if shown {
                        points(&o.points, w)
                    } else {
                        String::new()
                    },
                    o.exclusive,
                    w,
                )
            })
            .collect(),
    };
    let mut scoring = Vec::new();
    let mut bands = Vec::new();
    let mut bands_of = None;
    match &q.scoring {
        Scoring::None => {}
        Scoring::YesNo { .. } => {}
        Scoring::Choices { cap } => {
            if matches!(q.kind, Kind::Many { .. }) {
                scoring.push(w.get("pdf-sum"));
            }
            if let Some(cap) = cap {
                scoring.push(t!(w, "pdf-cap", points = points(cap, w)));
            }
        }
        Scoring::Bands { value, bands: list } => {
            bands_of = Some(match value {
                None => w.get("pdf-answer"),
                Some(Expr::Computed(id)) => model
                    .computed(id)
                    .and_then(|c| c.label.clone())
                    .unwrap_or_else(|| id.clone()),
                Some(e) => {
                    let mut text = words::condition(e, model);
                    if let Some(first) = text.get(..1) {
                        text = first.to_uppercase() + &text[1..];
                    }
                    text
                }
            });
            bands = list
                .iter()
                .map(|b| BandData {
                    range: band_range(b, w),
                    points: points(&b.points, w),
                })
                .collect();
        }
        Scoring::Jury { max } => scoring.push(t!(w, "pdf-jury-mark", points = points(max, w))),
    }
    QuestionData {
        number: q.number.clone(),
        label: w.spacing(&q.label),
        required: q.required,
        when: q
            .when
            .as_ref()
            .map(|e| w.spacing(&words::shown_if(e, model))),
        hint: q.hint.as_deref().map(|h| w.spacing(h)),
        answer,
        unit: match &q.kind {
            Kind::Percent(b) if b.unit.is_none() => Some("%".to_owned()),
            kind => kind
                .bounds()
                .and_then(|b| b.unit.as_deref().map(|u| w.spacing(u))),
        },
        format,
        options,
        max: if matches!(q.scoring, Scoring::None) {
            w.get("pdf-no-points")
        } else {
            t!(w, "pdf-out-of", points = points(&q.max, w))
        },
        scoring: scoring.iter().map(|s| w.spacing(s)).collect(),
        bands,
        bands_of: bands_of.map(|b| w.spacing(&b)),
    }
}

fn option(label: &str, points: String, exclusive: bool, w: Words<'_>) -> OptionData {
    OptionData {
        label: w.spacing(label),
        points,
        exclusive,
    }
}

/// The document's data, for the candidate (`jury == false`) or the jury.
/// A section's document data: its items, with the labelled computed values
/// after the item before them.
fn section(model: &Model, s: &Section) -> SectionData {
    let w = model.words();
    let mut items: Vec<ItemData> = s
        .items
        .iter()
        .map(|item| match item {
            Item::Question(q) => ItemData::Question(question(model, q)),
            Item::Note(n) => ItemData::Note {
                when: n
                    .when
                    .as_ref()
                    .map(|e| w.spacing(&words::shown_if(e, model))),
                text: rich(&n.text, w),
            },
        })
        .collect();
    // Labelled computed values, after the item before them.
    for c in &model.computed {
        let Some(label) = &c.label else { continue };
        let Some((section, at)) = model.place(c) else {
            continue;
        };
        if section + 1 != s.number {
            continue;
        }
        let index = items
            .iter()
            .enumerate()
            .filter(|(_, i)| !matches!(i, ItemData::Computed { .. }))
            .nth(at)
            .map_or(items.len(), |(i, _)| i);
        items.insert(
            index,
            ItemData::Computed {
                label: match &c.unit {
                    Some(unit) => t!(
                        w,
                        "pdf-computed-unit",
                        label = w.spacing(words::without_colon(label)),
                        unit = w.spacing(unit)
                    ),
                    None => t!(
                        w,
                        "pdf-computed",
                        label = w.spacing(words::without_colon(label))
                    ),
                },
            },
        );
    }
    SectionData {
        number: s.number,
        title: w.spacing(&s.title),
        when: s
            .when
            .as_ref()
            .map(|e| w.spacing(&words::shown_if(e, model))),
        intro: s.intro.as_ref().map(|t| rich(t, w)).unwrap_or_default(),
        max: if s.max.is_zero() {
            w.get("pdf-section-no-points")
        } else {
            t!(w, "pdf-section-max", points = points(&s.max, w))
        },
        items,
    }
}

/// A level's threshold and gates, in words.
fn level(model: &Model, l: &Level) -> LevelData {
    let w = model.words();
    LevelData {
        number: l.number,
        name: w.spacing(&l.name),
        threshold: match &l.percent {
            _ if l.by_conditions => w.get("pdf-by-conditions"),
            Some(p) => t!(
                w,
                "pdf-threshold-percent",
                percent = p,
                points = points(&l.min_total, w)
            ),
            None => points(&l.min_total, w),
        },
        gates: l
            .gates
            .iter()
            .map(|g| GateData {
                words: w.spacing(&words::capitalised(&words::condition(&g.expr, model))),
                source: g.source.clone(),
            })
            .collect(),
        description: l.description.as_deref().map(|d| w.spacing(d)),
    }
}

pub fn document(model: &Model, jury: bool) -> Document {
    let w = model.words();
    let edition = model.edition.to_string();
    let date = model.meta.date;
    let parts = date.map_or(
        DateParts {
            year: model.edition as i32,
            month: 1,
            day: 1,
        },
        |d| DateParts {
            year: d.year,
            month: d.month,
            day: d.day,
        },
    );
    let sections = model.sections.iter().map(|s| section(model, s)).collect();
    let levels = model
        .levels
        .levels
        .iter()
        .map(|l| level(model, l))
        .collect();
    Document {
        edition_kind: if jury { "jury" } else { "respondent" },
        jury,
        lang: model.lang.code(),
        words: words::keys(model.lang)
            .filter(|k| words::takes_nothing(model.lang, k))
            .map(|k| (k, w.get(k)))
            .collect(),
        id: model.id.clone(),
        title: w.spacing(&model.title),
        edition: model.edition,
        subtitle: if jury {
            t!(w, "pdf-jury-subtitle", edition = &edition)
        } else {
            t!(
                w,
                "form-document",
                document = w.get("term-document"),
                edition = &edition
            )
        },
        organiser: model.meta.organiser.as_deref().map(|o| w.spacing(o)),
        contact: model.meta.contact.clone(),
        website: model.meta.website.clone(),
        deadline: model
            .meta
            .deadline
            .map(|d| t!(w, "deadline", date = w.date(d))),
        date: date.map(|d| w.date(d)),
        date_parts: parts,
        draft: model.meta.draft,
        notice: model
            .meta
            .notice
            .as_ref()
            .map(|t| rich(t, w))
            .unwrap_or_default(),
        intro: model
            .meta
            .intro
            .as_ref()
            .map(|t| rich(t, w))
            .unwrap_or_default(),
        max: points(&model.max, w),
        sections,
        levels,
        scheme: (model.levels.levels.len() > 1).then(|| {
            w.get(match model.levels.scheme {
                Scheme::Cumulative => "pdf-cumulative",
                Scheme::Independent => "pdf-independent",
            })
        }),
        unlabelled: model
            .levels
            .unlabelled
            .as_deref()
            .map(|n| t!(w, "pdf-below-first", name = w.spacing(n))),
        named: model.levels.named,
        mentions: model
            .mentions
            .iter()
            .map(|m| MentionData {
                label: w.spacing(&m.label),
                how: match &m.rule {
                    Some(rule) => t!(
                        w,
                        "pdf-mention-rule",
                        condition = words::condition(rule, model)
                    ),
                    None => w.get("pdf-mention-jury"),
                },
                source: m.source.clone(),
                description: m.description.as_deref().map(|d| w.spacing(d)),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Lang;

    #[test]
    fn points_agree_in_number() {
        let w = Words::plain(Lang::Fr);
        assert_eq!(points(&Num::from_int(1), w), "1\u{a0}point");
        assert_eq!(points(&Num::parse("0.5").unwrap(), w), "0,5\u{a0}point");
        assert_eq!(points(&Num::from_int(6), w), "6\u{a0}points");
        let w = Words::plain(Lang::En);
        assert_eq!(points(&Num::parse("0.5").unwrap(), w), "0.5\u{a0}points");
    }
}
