//! The results: what the president publishes (each application's level,
//! mentions and section scores, with the answers and marks they were
//! scored from), the figures drawn from it (by level, by respondent type,
//! each section's average), the public page `/results`, the API
//! `/api/results`, and each candidate's result sheet `/a/{token}/result`
//! with its « pistes de progression ». Charts are SVG drawn here, each
//! with a title, a description and the table of its data beside it.

use super::desk::Case;
use super::pages::{render, Frame, Link};
use super::{api_error, html, App, Lookup};
use crate::engine::{explain, Engine};
use crate::model::Model;
use crate::num::Num;
use crate::t;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::sync::Arc;

pub(super) fn routes() -> Router<Arc<App>> {
    let router = Router::new()
        .route("/results", get(page))
        .route("/api/results", get(api))
        .route("/a/{token}/result", get(sheet));
    #[cfg(feature = "pdf")]
    let router = router.route("/a/{token}/result.pdf", get(sheet_pdf));
    router
}

/// The results as published.
#[derive(Serialize, Deserialize)]
pub struct Published {
    pub questionnaire: String,
    pub edition: u32,
    pub applications: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
pub struct Entry {
    pub id: i64,
    pub name: String,
    pub carrier: Option<String>,
    /// The key matching it with the next edition's (`campaign { key … }`).
    #[serde(default)]
    pub key: Option<String>,
    /// The respondent type's option id.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub total: Num,
    pub max: Num,
    pub level: u32,
    pub mentions: Vec<String>,
    pub sections: Vec<SectionScore>,
    /// The answers file it was scored from, with the jury's marks and
    /// decisions (the contract of `grille score`).
    pub answers: String,
}

#[derive(Serialize, Deserialize)]
pub struct SectionScore {
    pub id: String,
    pub score: Num,
    pub max: Num,
    pub shown: bool,
}

impl Published {
    /// The results of these applications, as they are scored now.
    pub fn of(model: &Model, cases: &[Case<'_>]) -> Published {
        let applications = cases
            .iter()
            .filter_map(|c| {
                let o = c.outcome.as_ref().ok()?;
                let mut file = crate::engine::answers::to_json(&c.read.answers);
                file["questionnaire"] = model.id.clone().into();
                file["edition"] = model.edition.into();
                Some(Entry {
                    id: c.application.id,
                    name: c.name(model),
                    carrier: c.identity.carrier.clone(),
                    key: c.identity.key.clone(),
                    kind: c.identity.kind.clone(),
                    total: o.total.clone(),
                    max: o.max.clone(),
                    level: o.level,
                    mentions: o.awarded().iter().map(|m| (*m).to_owned()).collect(),
                    sections: o
                        .sections
                        .iter()
                        .map(|s| SectionScore {
                            id: s.id.to_owned(),
                            score: s.score.clone(),
                            max: s.max.clone(),
                            shown: s.shown,
                        })
                        .collect(),
                    answers: serde_json::to_string_pretty(&file).unwrap_or_default(),
                })
            })
            .collect();
        Published {
            questionnaire: model.id.clone(),
            edition: model.edition,
            applications,
        }
    }
}

/// The figures of the results: the page, the API and `grille results
/// --summary` show these.
#[derive(Serialize)]
pub struct Summary {
    pub questionnaire: String,
    pub edition: u32,
    /// When the results were published; `null` for the current figures.
    pub published_at: Option<String>,
    pub applications: usize,
    /// Highest first.
    pub levels: Vec<LevelSummary>,
    /// How many reach no level (their names are not published).
    pub no_level: usize,
    pub by_type: Vec<TypeCount>,
    pub mentions: Vec<MentionCount>,
    pub sections: Vec<SectionAverage>,
}

#[derive(Serialize)]
pub struct LevelSummary {
    pub number: u32,
    pub name: String,
    pub count: usize,
    pub applications: Vec<Listed>,
}

#[derive(Serialize)]
pub struct Listed {
    pub name: String,
    pub carrier: Option<String>,
    pub mentions: Vec<String>,
}

#[derive(Serialize)]
pub struct TypeCount {
    #[serde(rename = "type")]
    pub kind: String,
    pub label: String,
    pub count: usize,
}

#[derive(Serialize)]
pub struct MentionCount {
    pub id: String,
    pub label: String,
    pub count: usize,
}

#[derive(Serialize)]
pub struct SectionAverage {
    pub id: String,
    pub title: String,
    /// Over the applications the section was shown to; 0 when none.
    pub average: Num,
    pub max: Num,
}

impl Summary {
    pub fn of(model: &Model, published: &Published, at: Option<String>) -> Summary {
        let entries = &published.applications;
        let mut levels: Vec<LevelSummary> = model
            .levels
            .levels
            .iter()
            .map(|l| {
                let mut applications: Vec<Listed> = entries
                    .iter()
                    .filter(|e| e.level == l.number)
                    .map(|e| Listed {
                        name: e.name.clone(),
                        carrier: e.carrier.clone(),
                        mentions: e.mentions.clone(),
                    })
                    .collect();
                applications.sort_by_key(|a| a.name.to_lowercase());
                LevelSummary {
                    number: l.number,
                    name: l.name.clone(),
                    count: applications.len(),
                    applications,
                }
            })
            .collect();
        levels.sort_by_key(|l| std::cmp::Reverse(l.number));
        let by_type = super::review::kinds(model)
            .into_iter()
            .map(|(id, label)| TypeCount {
                count: entries
                    .iter()
                    .filter(|e| e.kind.as_deref() == Some(id.as_str()))
                    .count(),
                kind: id,
                label,
            })
            .collect();
        let mentions = model
            .mentions
            .iter()
            .map(|m| MentionCount {
                id: m.id.clone(),
                label: m.label.clone(),
                count: entries
                    .iter()
                    .filter(|e| e.mentions.contains(&m.id))
                    .count(),
            })
            .collect();
        let sections = model
            .sections
            .iter()
            .map(|s| {
                let scores: Vec<&Num> = entries
                    .iter()
                    .filter_map(|e| e.sections.iter().find(|r| r.id == s.id && r.shown))
                    .map(|r| &r.score)
                    .collect();
                let sum: Num = scores.iter().map(|n| (*n).clone()).sum();
                let count = i64::try_from(scores.len()).unwrap_or(i64::MAX);
                SectionAverage {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    average: sum.checked_div(&Num::from_int(count)).unwrap_or_default(),
                    max: s.max.clone(),
                }
            })
            .collect();
        Summary {
            questionnaire: published.questionnaire.clone(),
            edition: published.edition,
            published_at: at,
            applications: entries.len(),
            no_level: entries.iter().filter(|e| e.level == 0).count(),
            levels,
            by_type,
            mentions,
            sections,
        }
    }
}

// ------------------------------------------------------------ charts

/// One bar: its label, its share of the full bar (0 to 1), its value in
/// words.
pub struct Bar {
    pub label: String,
    pub share: f64,
    pub value: String,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A horizontal bar chart as SVG, with its title and description read
/// by assistive technologies (`role="img"`), presentation attributes only
/// (the pages' policy allows no `style` attribute).
pub fn chart(id: &str, title: &str, description: &str, bars: &[Bar]) -> String {
    const WIDTH: u32 = 640;
    const LABEL: u32 = 250;
    const TRACK: u32 = 300;
    const ROW: u32 = 34;
    let height = ROW * u32::try_from(bars.len()).unwrap_or(0) + 12;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 {WIDTH} {height}\" \
         aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(title),
        escape(description)
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = 6 + ROW * u32::try_from(i).unwrap_or(0);
        let share = bar.share.clamp(0.0, 1.0);
        // Whole pixels: the drawing is the same on every machine.
        let width = (share * f64::from(TRACK)).round();
        let label: String = if bar.label.chars().count() > 34 {
            format!("{}…", bar.label.chars().take(33).collect::<String>())
        } else {
            bar.label.clone()
        };
        svg.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"14\" fill=\"#1b1b1b\">{}</text>\
             <rect x=\"{LABEL}\" y=\"{}\" width=\"{TRACK}\" height=\"20\" fill=\"#e4e7ec\"/>\
             <rect x=\"{LABEL}\" y=\"{}\" width=\"{width}\" height=\"20\" fill=\"#1f4f8f\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"14\" fill=\"#1b1b1b\">{}</text>",
            y + 15,
            escape(&label),
            y + 1,
            y + 1,
            LABEL + TRACK + 8,
            y + 15,
            escape(&bar.value),
        ));
    }
    svg.push_str("</svg>");
    svg
}

// ------------------------------------------------------------ pages

#[derive(Serialize)]
struct ResultsView {
    frame: Frame,
    view: &'static str,
    heading: String,
    lines: Vec<String>,
    levels: Vec<LevelView>,
    no_level: Option<String>,
    figures_title: String,
    charts: Vec<ChartView>,
    links: Vec<Link>,
}

#[derive(Serialize)]
struct LevelView {
    id: String,
    heading: String,
    applications: Vec<String>,
    empty: Option<String>,
}

#[derive(Serialize)]
pub struct ChartView {
    id: String,
    heading: String,
    svg: String,
    caption: String,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl ChartView {
    /// A chart with its heading (also its table's caption), description,
    /// bars, and the table of its data.
    fn new(
        id: &str,
        heading: String,
        description: &str,
        bars: &[Bar],
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
    ) -> ChartView {
        ChartView {
            svg: chart(id, &heading, description, bars),
            id: id.to_owned(),
            caption: heading.clone(),
            heading,
            columns,
            rows,
        }
    }

    /// How many applications in each group, out of `total`.
    fn counts(
        id: &str,
        heading: String,
        description: &str,
        columns: Vec<String>,
        counts: &[(String, usize)],
        total: usize,
    ) -> ChartView {
        let bars: Vec<Bar> = counts
            .iter()
            .map(|(label, count)| Bar {
                label: label.clone(),
                share: *count as f64 / total.max(1) as f64,
                value: count.to_string(),
            })
            .collect();
        let rows = counts
            .iter()
            .map(|(label, count)| vec![label.clone(), count.to_string()])
            .collect();
        ChartView::new(id, heading, description, &bars, columns, rows)
    }

    /// Each section's score against its maximum.
    fn scores(
        w: crate::words::Words<'_>,
        id: &str,
        heading: String,
        description: &str,
        columns: Vec<String>,
        sections: &[(&str, &Num, &Num)],
    ) -> ChartView {
        let bars: Vec<Bar> = sections
            .iter()
            .map(|(title, score, max)| Bar {
                label: (*title).to_owned(),
                share: ratio(score, max),
                value: t!(
                    w,
                    "jury-points",
                    total = w.number(score),
                    max = w.number(max)
                ),
            })
            .collect();
        let rows = sections
            .iter()
            .map(|(title, score, max)| vec![(*title).to_owned(), w.number(score), w.number(max)])
            .collect();
        ChartView::new(id, heading, description, &bars, columns, rows)
    }
}

/// The charts of the results: the levels, the types, the sections.
fn charts(model: &Model, summary: &Summary) -> Vec<ChartView> {
    let w = model.words();
    let mut levels: Vec<(String, usize)> = summary
        .levels
        .iter()
        .map(|l| {
            (
                crate::words::capitalised(&explain::level_words(model, l.number)),
                l.count,
            )
        })
        .collect();
    levels.push((w.get("results-no-level-label"), summary.no_level));
    let mut out = vec![ChartView::counts(
        "chart-levels",
        w.get("results-chart-levels"),
        &t!(w, "results-chart-levels-desc", count = summary.applications),
        vec![w.get("results-column-level"), w.get("results-column-count")],
        &levels,
        summary.applications,
    )];
    if !summary.by_type.is_empty() {
        let types: Vec<(String, usize)> = summary
            .by_type
            .iter()
            .map(|t| (t.label.clone(), t.count))
            .collect();
        out.push(ChartView::counts(
            "chart-types",
            w.get("results-chart-types"),
            &t!(w, "results-chart-types-desc", count = summary.applications),
            vec![w.get("results-column-type"), w.get("results-column-count")],
            &types,
            summary.applications,
        ));
    }
    // Sections worth no point (identification) are left out.
    let scored: Vec<(&str, &Num, &Num)> = summary
        .sections
        .iter()
        .filter(|s| !s.max.is_zero())
        .map(|s| (s.title.as_str(), &s.average, &s.max))
        .collect();
    out.push(ChartView::scores(
        w,
        "chart-sections",
        w.get("results-chart-sections"),
        &w.get("results-chart-sections-desc"),
        vec![
            w.get("results-column-section"),
            w.get("results-column-average"),
            w.get("results-column-max"),
        ],
        &scored,
    ));
    out
}

fn ratio(n: &Num, max: &Num) -> f64 {
    n.checked_div(max)
        .and_then(|r| r.to_decimal(4).parse().ok())
        .unwrap_or(0.0)
}

impl App {
    /// The results last published, with their figures.
    pub(super) async fn published(
        &self,
    ) -> Result<Option<(Published, Summary)>, super::store::Error> {
        let Some((text, at)) = self.store.publication().await? else {
            return Ok(None);
        };
        let published: Published = serde_json::from_str(&text).map_err(|e| {
            super::store::Error::Unavailable(format!("the results kept cannot be read: {e}"))
        })?;
        // Published for another questionnaire served from the same database.
        if published.questionnaire != self.model.id || published.edition != self.model.edition {
            return Ok(None);
        }
        let summary = Summary::of(&self.model, &published, Some(at));
        Ok(Some((published, summary)))
    }
}

async fn page(State(app): State<Arc<App>>) -> Response {
    let model = &app.model;
    let w = model.words();
    let summary = match app.published().await {
        Ok(Some((_, summary))) => summary,
        Ok(None) => {
            return app.notice(
                StatusCode::OK,
                w.get("results-title"),
                vec![w.get("results-not-yet")],
                Vec::new(),
            )
        }
        Err(e) => return app.unavailable(&e),
    };
    let listed = |a: &Listed| {
        let mut text = match &a.carrier {
            Some(c) => t!(
                w,
                "results-carried",
                name = a.name.as_str(),
                carrier = c.as_str()
            ),
            None => a.name.clone(),
        };
        let labels: Vec<&str> = a
            .mentions
            .iter()
            .filter_map(|id| model.mentions.iter().find(|m| m.id == *id))
            .map(|m| m.label.as_str())
            .collect();
        if !labels.is_empty() {
            text = t!(
                w,
                "results-with-mentions",
                name = text,
                mentions = labels.join(", ")
            );
        }
        text
    };
    let heading = t!(
        w,
        "results-heading",
        title = model.title.as_str(),
        edition = model.edition.to_string()
    );
    let mut lines = Vec::new();
    if let Some(at) = &summary.published_at {
        lines.push(t!(w, "results-published", at = super::when(model, at)));
    }
    lines.push(t!(w, "results-count", count = summary.applications));
    let view = ResultsView {
        frame: Frame::new(model, &heading),
        view: "results",
        heading,
        lines,
        levels: summary
            .levels
            .iter()
            .map(|l| LevelView {
                id: format!("niveau-{}", l.number),
                heading: crate::words::capitalised(&explain::level_words(model, l.number)),
                applications: l.applications.iter().map(listed).collect(),
                empty: l.applications.is_empty().then(|| w.get("results-nobody")),
            })
            .collect(),
        no_level: (summary.no_level > 0)
            .then(|| t!(w, "results-no-level", count = summary.no_level)),
        figures_title: w.get("results-figures"),
        charts: charts(model, &summary),
        links: Vec::new(),
    };
    html(
        StatusCode::OK,
        render("results.html", &view),
        crate::form::plain_policy(),
    )
}

async fn api(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    match app.published().await {
        Ok(Some((_, summary))) => return axum::Json(summary).into_response(),
        Ok(None) => {}
        Err(e) => {
            eprintln!("grille serve: {e}");
            return api_error(
                StatusCode::SERVICE_UNAVAILABLE,
                "the database cannot be read for the moment",
            );
        }
    }
    // Before the publication, the jury alone sees the current figures.
    match app.juror(&headers).await {
        Ok(Some(_)) => {}
        Ok(None) => return api_error(
            StatusCode::UNAUTHORIZED,
            "the results are not published yet: sign in at /jury/login to see the current figures",
        ),
        Err(e) => {
            eprintln!("grille serve: {e}");
            return api_error(
                StatusCode::SERVICE_UNAVAILABLE,
                "the database cannot be read for the moment",
            );
        }
    }
    match app.cases().await {
        Ok(cases) => {
            let published = Published::of(&app.model, &cases);
            axum::Json(Summary::of(&app.model, &published, None)).into_response()
        }
        Err(e) => {
            eprintln!("grille serve: {e}");
            api_error(
                StatusCode::SERVICE_UNAVAILABLE,
                "the database cannot be read for the moment",
            )
        }
    }
}

#[derive(Serialize)]
struct SheetView {
    frame: Frame,
    view: &'static str,
    heading: String,
    lines: Vec<String>,
    chart: ChartView,
    progress_title: String,
    progress: Vec<String>,
    links: Vec<Link>,
}

/// What a candidate's result sheet says, for its page and its PDF.
struct Sheet {
    token: String,
    heading: String,
    lines: Vec<String>,
    /// Each section shown and worth points: title, score, maximum.
    sections: Vec<(String, Num, Num)>,
    progress: Vec<String>,
    /// When the results were published.
    at: String,
}

impl App {
    /// The result sheet of the application with this link, or the page
    /// to answer with (not found, not published yet…).
    async fn sheet(&self, ip: std::net::IpAddr, token: &str) -> Result<Sheet, Response> {
        let application = match self.lookup(ip, token).await {
            Lookup::Found(a) => a,
            Lookup::Limited => return Err(self.too_many()),
            Lookup::Missing => return Err(self.not_found()),
            Lookup::Failed(e) => return Err(self.unavailable(&e)),
        };
        let model = &self.model;
        let w = model.words();
        let published = self.published().await.map_err(|e| self.unavailable(&e))?;
        let Some((entry, at)) = published.as_ref().and_then(|(p, summary)| {
            let entry = p.applications.iter().find(|e| e.id == application.id)?;
            Some((entry, summary.published_at.clone().unwrap_or_default()))
        }) else {
            // Not published yet, or published without it (never sent).
            let why = if published.is_some() {
                "results-sheet-none"
            } else {
                "results-sheet-not-yet"
            };
            return Err(self.notice(
                StatusCode::OK,
                w.get("results-sheet-title"),
                vec![w.get(why)],
                vec![Link {
                    href: format!("/a/{}", application.token),
                    text: w.get("results-back"),
                }],
            ));
        };
        let engine = Engine::new(model).explaining().quiet();
        let read = crate::engine::answers::from_json(model, &entry.answers);
        let Ok(outcome) = engine.score_read(&read) else {
            return Err(self.unavailable(&super::store::Error::Unavailable(format!(
                "the published answers of application {} cannot be scored again",
                entry.id
            ))));
        };
        let mut lines = vec![
            t!(w, "results-sheet-of", name = entry.name.as_str()),
            t!(
                w,
                "results-sheet-level",
                level = explain::level_words(model, outcome.level),
                total = w.number(&outcome.total),
                max = w.number(&outcome.max)
            ),
        ];
        let labels = outcome.awarded_labels();
        if !labels.is_empty() {
            lines.push(t!(
                w,
                "results-sheet-mentions",
                mentions = labels.join(", ")
            ));
        }
        if let Some(level) = read.answers.previous.level {
            let level = explain::level_words(model, level);
            lines.push(match &read.answers.previous.total {
                Some(total) => t!(
                    w,
                    "results-sheet-previous",
                    level = level,
                    total = w.number(total)
                ),
                None => t!(w, "results-sheet-previous-level", level = level),
            });
        }
        let sections = model
            .sections
            .iter()
            .zip(&outcome.sections)
            .filter(|(_, r)| r.shown && !r.max.is_zero())
            .map(|(s, r)| (s.title.clone(), r.score.clone(), r.max.clone()))
            .collect();
        let progress = match explain::next_level_reason(&outcome, model) {
            Some(reason) => vec![reason],
            None => vec![w.get("results-sheet-top")],
        };
        Ok(Sheet {
            token: application.token.clone(),
            heading: w.get("results-sheet-title"),
            lines,
            sections,
            progress,
            at,
        })
    }
}

/// A candidate's result sheet, behind their private link.
async fn sheet(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(token): Path<String>,
) -> Response {
    let sheet = match app.sheet(peer.ip(), &token).await {
        Ok(s) => s,
        Err(page) => return page,
    };
    let model = &app.model;
    let w = model.words();
    let sections: Vec<(&str, &Num, &Num)> = sheet
        .sections
        .iter()
        .map(|(title, score, max)| (title.as_str(), score, max))
        .collect();
    let chart = ChartView::scores(
        w,
        "chart-mine",
        w.get("results-sheet-sections"),
        &w.get("results-sheet-sections-desc"),
        vec![
            w.get("results-column-section"),
            w.get("results-column-score"),
            w.get("results-column-max"),
        ],
        &sections,
    );
    let mut links = vec![Link {
        href: format!("/a/{}", sheet.token),
        text: w.get("results-back"),
    }];
    if cfg!(feature = "pdf") {
        links.push(Link {
            href: format!("/a/{}/result.pdf", sheet.token),
            text: w.get("results-sheet-pdf"),
        });
    }
    links.push(Link {
        href: "/results".to_owned(),
        text: w.get("results-all"),
    });
    let mut lines = sheet.lines;
    lines.push(t!(
        w,
        "results-published",
        at = super::when(model, &sheet.at)
    ));
    let view = SheetView {
        frame: Frame::new(model, &sheet.heading),
        view: "sheet",
        heading: sheet.heading,
        lines,
        chart,
        progress_title: w.get("results-progress"),
        progress: sheet.progress,
        links,
    };
    html(
        StatusCode::OK,
        render("results.html", &view),
        crate::form::plain_policy(),
    )
}

/// The result sheet as a tagged PDF (PDF/UA-1, PDF/A-2a), typeset by
/// typst like the questions PDF.
#[cfg(feature = "pdf")]
async fn sheet_pdf(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(token): Path<String>,
) -> Response {
    let sheet = match app.sheet(peer.ip(), &token).await {
        Ok(s) => s,
        Err(page) => return page,
    };
    let model = &app.model;
    let w = model.words();
    let date = sheet
        .at
        .parse::<jiff::Timestamp>()
        .map(|t| super::date_of(&t.to_zoned_datetime(jiff::tz::TimeZone::system())))
        .unwrap_or_else(|_| super::today());
    let (_, footer) = crate::form::banner_words(model);
    let data = serde_json::json!({
        "lang": model.lang.code(),
        "title": model.title,
        "edition": model.edition,
        "organiser": model.meta.organiser,
        "heading": sheet.heading,
        "lines": sheet.lines.iter().cloned().chain([t!(w, "results-published", at = super::when(model, &sheet.at))]).collect::<Vec<_>>(),
        "sections_title": w.get("results-sheet-sections"),
        "columns": [
            w.get("results-column-section"),
            w.get("results-column-score"),
            w.get("results-column-max"),
        ],
        "sections": sheet.sections.iter().map(|(title, score, max)| serde_json::json!({
            "title": title,
            "score": w.number(score),
            "max": w.number(max),
            // Per mille, a whole number (typst reads JSON's whole numbers).
            "share": (ratio(score, max) * 1000.0).round() as i64,
        })).collect::<Vec<_>>(),
        "progress_title": w.get("results-progress"),
        "progress": sheet.progress,
        "date": { "year": date.year, "month": date.month, "day": date.day },
        "footer": footer,
    });
    let ident = format!("{}-{}-result", model.id, model.edition);
    let typeset = tokio::task::spawn_blocking(move || {
        crate::pdf::result_sheet(&data, ident, (date.year, date.month, date.day))
    })
    .await;
    match typeset {
        Ok(Ok(bytes)) => (
            StatusCode::OK,
            [
                (
                    axum::http::header::CONTENT_TYPE,
                    "application/pdf".to_owned(),
                ),
                (
                    axum::http::header::CONTENT_DISPOSITION,
                    format!(
                        "inline; filename=\"{}-{}-resultat.pdf\"",
                        model.id, model.edition
                    ),
                ),
            ],
            bytes,
        )
            .into_response(),
        Ok(Err(e)) => app.no_pdf(&e.to_string()),
        Err(e) => app.no_pdf(&e.to_string()),
    }
}

#[cfg(feature = "pdf")]
impl App {
    /// 500: the PDF cannot be made (the sheet's page still can).
    fn no_pdf(&self, why: &str) -> Response {
        eprintln!("grille serve: the result sheet cannot be typeset: {why}");
        let w = self.model.words();
        self.notice(
            StatusCode::INTERNAL_SERVER_ERROR,
            w.get("results-sheet-pdf-failed-title"),
            vec![w.get("results-sheet-pdf-failed")],
            Vec::new(),
        )
    }
}
