//! What the PDF template reads (`/data.json`): every text of the document,
//! already in French and with French spacing, decided here from the model.
//! The template only lays it out; source texts stay data and are never read
//! as typst markup.

use crate::french;
use crate::model::{
    Band, Expr, Item, Kind, Level, Model, Question, RichText, Scheme, Scoring, Section,
};
use crate::num::Num;
use serde::Serialize;

#[derive(Serialize)]
pub struct Document {
    /// `candidat` or `jury`.
    pub edition_kind: &'static str,
    pub jury: bool,
    pub lang: String,
    pub id: String,
    pub title: String,
    pub edition: u32,
    /// « Questionnaire de candidature 2024 », or its jury edition.
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
    pub scheme: String,
    pub unlabelled: Option<String>,
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

fn rich(text: &RichText) -> Vec<Vec<Span>> {
    text.runs(french::spacing)
}

/// « 1 point », « 0,5 point », « 6 points », with a no-break space.
pub fn points(n: &Num) -> String {
    french::points(n).replacen(' ', "\u{a0}", 1)
}

fn band_range(b: &Band) -> String {
    let lo = french::number(&b.lower);
    match &b.upper {
        None if b.lower_closed => format!("{lo} ou plus"),
        None => format!("plus de {lo}"),
        Some(hi) if *hi == b.lower => format!("exactement {lo}"),
        Some(hi) => {
            let hi = french::number(hi);
            match (b.lower_closed, b.upper_closed) {
                (true, true) => format!("de {lo} à {hi}"),
                (true, false) => format!("de {lo} à moins de {hi}"),
                (false, true) => format!("plus de {lo} et jusqu’à {hi}"),
                (false, false) => format!("plus de {lo} et moins de {hi}"),
            }
        }
    }
}

fn question(model: &Model, q: &Question) -> QuestionData {
    let (answer, format) = match &q.kind {
        Kind::YesNo => ("yesno", None),
        Kind::One { .. } => ("one", Some("Une seule réponse.".to_owned())),
        Kind::Many {
            min_choices,
            max_choices,
            ..
        } => (
            "many",
            Some(french::choices_count(*min_choices, *max_choices)),
        ),
        Kind::Integer(_) | Kind::Decimal(_) | Kind::Percent(_) => (
            "number",
            french::number_kind(&q.kind).map(|words| format!("{words}.")),
        ),
        Kind::Text => ("line", None),
        Kind::LongText => ("text", None),
        Kind::Date => ("date", Some("Jour, mois et année.".to_owned())),
        Kind::Email => ("line", Some("Adresse électronique.".to_owned())),
        Kind::Url => ("line", Some("Adresse web (https://…).".to_owned())),
        Kind::Siret => (
            "line",
            q.hint
                .is_none()
                .then(|| "Numéro SIRET à 14 chiffres.".to_owned()),
        ),
    };
    let options = match (&q.kind, &q.scoring) {
        (Kind::YesNo, Scoring::YesNo { yes, no }) => vec![
            option("Oui", points(yes), false),
            option("Non", points(no), false),
        ],
        (Kind::YesNo, _) => vec![
            option("Oui", String::new(), false),
            option("Non", String::new(), false),
        ],
        (kind, scoring) => kind
            .options()
            .iter()
            .map(|o| {
                let shown = matches!(scoring, Scoring::Choices { .. });
                option(
                    &o.label,
                    if shown {
                        points(&o.points)
                    } else {
                        String::new()
                    },
                    o.exclusive,
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
                scoring.push("Les points des réponses cochées s’additionnent.".to_owned());
            }
            if let Some(cap) = cap {
                scoring.push(format!("Plafond : {}.", points(cap)));
            }
        }
        Scoring::Bands { value, bands: list } => {
            bands_of = Some(match value {
                None => "Réponse".to_owned(),
                Some(Expr::Computed(id)) => model
                    .computed(id)
                    .and_then(|c| c.label.clone())
                    .unwrap_or_else(|| id.clone()),
                Some(e) => {
                    let mut text = french::condition(e, model);
                    if let Some(first) = text.get(..1) {
                        text = first.to_uppercase() + &text[1..];
                    }
                    text
                }
            });
            bands = list
                .iter()
                .map(|b| BandData {
                    range: band_range(b),
                    points: points(&b.points),
                })
                .collect();
        }
        Scoring::Jury { max } => scoring.push(format!(
            "Note du jury : de 0 à {}, selon la réponse.",
            points(max)
        )),
    }
    QuestionData {
        number: q.number.clone(),
        label: french::spacing(&q.label),
        required: q.required,
        when: q
            .when
            .as_ref()
            .map(|e| french::spacing(&french::shown_if(e, model))),
        hint: q.hint.as_deref().map(french::spacing),
        answer,
        unit: match &q.kind {
            Kind::Percent(b) if b.unit.is_none() => Some("%".to_owned()),
            kind => kind
                .bounds()
                .and_then(|b| b.unit.as_deref().map(french::spacing)),
        },
        format,
        options,
        max: if matches!(q.scoring, Scoring::None) {
            "sans points".to_owned()
        } else {
            format!("sur {}", points(&q.max))
        },
        scoring: scoring.iter().map(|s| french::spacing(s)).collect(),
        bands,
        bands_of: bands_of.map(|b| french::spacing(&b)),
    }
}

fn option(label: &str, points: String, exclusive: bool) -> OptionData {
    OptionData {
        label: french::spacing(label),
        points,
        exclusive,
    }
}

/// The document's data, for the candidate (`jury == false`) or the jury.
/// A section's document data: its items, with the labelled computed values
/// after the item before them.
fn section(model: &Model, s: &Section) -> SectionData {
    let mut items: Vec<ItemData> = s
        .items
        .iter()
        .map(|item| match item {
            Item::Question(q) => ItemData::Question(question(model, q)),
            Item::Note(n) => ItemData::Note {
                when: n
                    .when
                    .as_ref()
                    .map(|e| french::spacing(&french::shown_if(e, model))),
                text: rich(&n.text),
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
                label: french::spacing(label),
            },
        );
    }
    SectionData {
        number: s.number,
        title: french::spacing(&s.title),
        when: s
            .when
            .as_ref()
            .map(|e| french::spacing(&french::shown_if(e, model))),
        intro: s.intro.as_ref().map(rich).unwrap_or_default(),
        max: if s.max.is_zero() {
            "Cette partie ne rapporte pas de points.".to_owned()
        } else {
            format!("Maximum de la partie : {}", points(&s.max))
        },
        items,
    }
}

/// A level's threshold and gates, in words.
fn level(model: &Model, l: &Level) -> LevelData {
    LevelData {
        number: l.number,
        name: french::spacing(&l.name),
        threshold: match &l.percent {
            Some(p) => format!(
                "{} % du maximum, soit {}",
                french::number(p),
                points(&l.min_total)
            ),
            None => points(&l.min_total),
        },
        gates: l
            .gates
            .iter()
            .map(|g| GateData {
                words: french::spacing(&capitalised(&french::condition(&g.expr, model))),
                source: g.source.clone(),
            })
            .collect(),
        description: l.description.as_deref().map(french::spacing),
    }
}

pub fn document(model: &Model, jury: bool) -> Document {
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
        edition_kind: if jury { "jury" } else { "candidat" },
        jury,
        lang: model.lang.clone(),
        id: model.id.clone(),
        title: french::spacing(&model.title),
        edition: model.edition,
        subtitle: if jury {
            format!("Questionnaire {} — édition du jury", model.edition)
        } else {
            format!("Questionnaire de candidature {}", model.edition)
        },
        organiser: model.meta.organiser.as_deref().map(french::spacing),
        contact: model.meta.contact.clone(),
        website: model.meta.website.clone(),
        deadline: model.meta.deadline.map(french::date),
        date: date.map(french::date),
        date_parts: parts,
        draft: model.meta.draft,
        notice: model.meta.notice.as_ref().map(rich).unwrap_or_default(),
        intro: model.meta.intro.as_ref().map(rich).unwrap_or_default(),
        max: points(&model.max),
        sections,
        levels,
        scheme: match model.levels.scheme {
            Scheme::Cumulative => "Les niveaux sont cumulatifs : un niveau exige son seuil, ses conditions et celles de tous les niveaux inférieurs.".to_owned(),
            Scheme::Independent => "Les niveaux sont indépendants : un niveau exige son seuil et ses propres conditions.".to_owned(),
        },
        unlabelled: model.levels.unlabelled.as_deref().map(french::spacing),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_spacing() {
        assert_eq!(
            french::spacing("Adhérent ? Oui ! « Aucune » : voir; fin"),
            "Adhérent\u{202f}? Oui\u{202f}! «\u{a0}Aucune\u{a0}»\u{a0}: voir; fin"
        );
        assert_eq!(french::spacing("Adhérent?"), "Adhérent\u{202f}?");
        assert_eq!(french::spacing("https://a.fr/?x=1"), "https://a.fr/?x=1");
    }

    #[test]
    fn points_agree_in_number() {
        assert_eq!(points(&Num::from_int(1)), "1\u{a0}point");
        assert_eq!(points(&Num::parse("0.5").unwrap()), "0,5\u{a0}point");
        assert_eq!(points(&Num::from_int(6)), "6\u{a0}points");
    }
}
