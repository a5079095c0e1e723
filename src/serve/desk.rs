//! The jury's pages, under `/jury/`: signing in and out, the list of the
//! applications, each application with its answers, points and reasons,
//! the juror's marks, decisions and comment, the president's agreed marks
//! and states, and the publication of the results.
//!
//! A session is a cookie (`grille-jury`: 256 random bits, HttpOnly,
//! SameSite=Strict, Secure when the server's address is `https://`) whose
//! SHA-256 the database keeps for 12 hours; every form sends back the
//! session's own token (`grille-csrf`), and the sign-in form the token of
//! its cookie (`grille-login`). Failed sign-ins are limited by address and
//! by name. Without a session, a page sends to the sign-in page.

use super::jury::Role;
use super::pages::{render, Frame, JurorBar, Link};
use super::review::{self, Review};
use super::store::{self, Changes, Error, Juror};
use super::{digest, html, App};
use crate::engine::{explain, Detail, Engine, Outcome};
use crate::model::{Date, Model};
use crate::num::Num;
use crate::t;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::sync::Arc;

const SESSION_COOKIE: &str = "grille-jury";
const LOGIN_COOKIE: &str = "grille-login";
const CSRF_FIELD: &str = "grille-csrf";
const SESSION_HOURS: i64 = 12;
/// The longest comment a juror may leave.
const COMMENT_LIMIT: usize = 10_000;

/// An application's states, in the order of the jury's work (`draft`, a
/// candidate's, last: the jury never sees it).
pub const STATES: [&str; 6] = [
    "sent",
    "being_reviewed",
    "needs_completing",
    "reviewed",
    "validated",
    "draft",
];

pub(super) fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/jury", get(|| async { Redirect::to("/jury/") }))
        .route("/jury/", get(list))
        .route("/jury/login", get(login_page).post(login))
        .route("/jury/logout", post(logout))
        .route("/jury/applications/{id}", get(show).post(save))
        .route("/jury/publish", post(publish))
}

// ------------------------------------------------------------ sessions

/// A cookie the request sent.
fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

impl App {
    fn cookie(&self, name: &str, value: &str, path: &str, max_age: i64) -> HeaderValue {
        let secure = if self.base.starts_with("https://") {
            "; Secure"
        } else {
            ""
        };
        HeaderValue::from_str(&format!(
            "{name}={value}; Path={path}; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}"
        ))
        .unwrap_or_else(|_| HeaderValue::from_static(""))
    }

    /// The juror whose session the request carries, if any.
    pub(super) async fn juror(&self, headers: &HeaderMap) -> Result<Option<Juror>, Error> {
        match cookie(headers, SESSION_COOKIE) {
            Some(token) if store::is_token(token) => {
                self.store.session(&digest(token.as_bytes())).await
            }
            _ => Ok(None),
        }
    }

    /// The juror signed in, or the answer: to the sign-in page.
    async fn signed_in(&self, headers: &HeaderMap) -> Result<Juror, Response> {
        match self.juror(headers).await {
            Ok(Some(j)) => Ok(j),
            Ok(None) => Err(Redirect::to("/jury/login").into_response()),
            Err(e) => Err(self.unavailable(&e)),
        }
    }

    /// A form posted by a juror signed in: the juror and its fields, once
    /// the session's token is checked; else the answer to give.
    async fn posted(
        &self,
        headers: &HeaderMap,
        body: Result<Bytes, BytesRejection>,
    ) -> Result<(Juror, Vec<(String, String)>), Response> {
        let juror = self.signed_in(headers).await?;
        let pairs = self.form_pairs(headers, body)?;
        if !field(&pairs, CSRF_FIELD).is_some_and(|sent| same(sent, &juror.csrf)) {
            return Err(self.refused("jury-refused-expired"));
        }
        Ok((juror, pairs))
    }

    fn form_pairs(
        &self,
        headers: &HeaderMap,
        body: Result<Bytes, BytesRejection>,
    ) -> Result<Vec<(String, String)>, Response> {
        let body = body.map_err(|r| self.bad_body(&r))?;
        if !super::content_type_is(headers, "application/x-www-form-urlencoded") {
            let w = self.model.words();
            return Err(self.notice(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                w.get("serve-bad-request-title"),
                vec![w.get("serve-bad-request")],
                Vec::new(),
            ));
        }
        Ok(form_urlencoded::parse(&body).into_owned().collect())
    }

    /// 403: the form's token is not the session's, or the action is the
    /// president's.
    fn refused(&self, why: &str) -> Response {
        let w = self.model.words();
        self.notice(
            StatusCode::FORBIDDEN,
            w.get("jury-refused-title"),
            vec![w.get(why)],
            vec![Link {
                href: "/jury/".to_owned(),
                text: w.get("jury-list-title"),
            }],
        )
    }

    fn frame(&self, juror: &Juror, heading: &str) -> Frame {
        let w = self.model.words();
        let mut frame = Frame::new(&self.model, heading);
        let role = match Role::parse(&juror.role) {
            Some(Role::President) => w.get("jury-role-president"),
            _ => w.get("jury-role-juror"),
        };
        frame.juror = Some(JurorBar {
            nav_label: w.get("jury-nav"),
            who: t!(w, "jury-signed-in", name = juror.name.as_str(), role = role),
            links: vec![
                Link {
                    href: "/jury/".to_owned(),
                    text: w.get("jury-list-title"),
                },
                Link {
                    href: "/results".to_owned(),
                    text: w.get("results-title"),
                },
            ],
            logout: w.get("jury-logout"),
            csrf: juror.csrf.clone(),
        });
        frame
    }
}

/// Whether two tokens are the same, in a time that does not tell where
/// they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

fn field<'p>(pairs: &'p [(String, String)], name: &str) -> Option<&'p str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The case with this number, as written in its address.
fn find<'c, 'm>(cases: &'c [Case<'m>], id: &str) -> Option<&'c Case<'m>> {
    let id = id.parse::<i64>().ok()?;
    cases.iter().find(|c| c.application.id == id)
}

fn is_president(juror: &Juror) -> bool {
    Role::parse(&juror.role) == Some(Role::President)
}

#[derive(Serialize)]
struct LoginView {
    frame: Frame,
    view: &'static str,
    heading: String,
    intro: String,
    error: Option<String>,
    name_label: String,
    password_label: String,
    name: String,
    submit: String,
    csrf_field: &'static str,
    csrf: String,
}

impl App {
    fn login_form(&self, status: StatusCode, name: &str, error: Option<String>) -> Response {
        let w = self.model.words();
        let heading = w.get("jury-login-title");
        let csrf = store::new_token();
        let view = LoginView {
            frame: Frame::new(&self.model, &heading),
            view: "login",
            heading,
            intro: w.get("jury-login-intro"),
            error,
            name_label: w.get("jury-login-name"),
            password_label: w.get("jury-login-password"),
            name: name.to_owned(),
            submit: w.get("jury-login-submit"),
            csrf_field: CSRF_FIELD,
            csrf: csrf.clone(),
        };
        let mut response = html(
            status,
            render("jury.html", &view),
            crate::form::plain_policy(),
        );
        response.headers_mut().append(
            header::SET_COOKIE,
            self.cookie(LOGIN_COOKIE, &csrf, "/jury/login", 3600),
        );
        response
    }
}

async fn login_page(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    match app.juror(&headers).await {
        Ok(Some(_)) => Redirect::to("/jury/").into_response(),
        Ok(None) => app.login_form(StatusCode::OK, "", None),
        Err(e) => app.unavailable(&e),
    }
}

/// A hash to check a password against when the name is unknown, so that
/// an unknown name takes as long as a wrong password.
fn decoy() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| super::jury::hash("not a password of anyone"))
}

async fn login(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let pairs = match app.form_pairs(&headers, body) {
        Ok(p) => p,
        Err(page) => return page,
    };
    let w = app.model.words();
    let name = field(&pairs, "name").unwrap_or("").trim().to_owned();
    let password = field(&pairs, "password").unwrap_or("").to_owned();
    let by_address = format!("login {}", peer.ip());
    let by_name = format!("login name {name}");
    if app.logins.limited(&by_address) || app.logins.limited(&by_name) {
        return app.too_many_logins();
    }
    let expected = cookie(&headers, LOGIN_COOKIE);
    if !field(&pairs, CSRF_FIELD)
        .zip(expected)
        .is_some_and(|(sent, expected)| same(sent, expected))
    {
        return app.login_form(
            StatusCode::FORBIDDEN,
            &name,
            Some(w.get("jury-login-expired")),
        );
    }
    let found = match app.store.juror(&name).await {
        Ok(f) => f,
        Err(e) => return app.unavailable(&e),
    };
    let (id, hash) = match &found {
        Some((id, hash, _)) => (Some(*id), hash.clone()),
        None => (None, decoy().to_owned()),
    };
    let right = tokio::task::spawn_blocking(move || super::jury::verify(&password, &hash))
        .await
        .unwrap_or(false);
    let Some(id) = id.filter(|_| right) else {
        app.logins.count(&by_address);
        app.logins.count(&by_name);
        return app.login_form(
            StatusCode::UNAUTHORIZED,
            &name,
            Some(w.get("jury-login-wrong")),
        );
    };
    let token = store::new_token();
    let expires = jiff::Timestamp::now()
        .checked_add(jiff::SignedDuration::from_hours(SESSION_HOURS))
        .map(|t| format!("{t:.3}"))
        .unwrap_or_default();
    if let Err(e) = app
        .store
        .open_session(id, &digest(token.as_bytes()), &store::new_token(), &expires)
        .await
    {
        return app.unavailable(&e);
    }
    let mut response = Redirect::to("/jury/").into_response();
    let headers = response.headers_mut();
    headers.append(
        header::SET_COOKIE,
        app.cookie(SESSION_COOKIE, &token, "/", SESSION_HOURS * 3600),
    );
    headers.append(
        header::SET_COOKIE,
        app.cookie(LOGIN_COOKIE, "", "/jury/login", 0),
    );
    response
}

async fn logout(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    if let Err(page) = app.posted(&headers, body).await {
        return page;
    }
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        if let Err(e) = app.store.close_session(&digest(token.as_bytes())).await {
            return app.unavailable(&e);
        }
    }
    let mut response = Redirect::to("/jury/login").into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, app.cookie(SESSION_COOKIE, "", "/", 0));
    response
}

// ------------------------------------------------------------ cases

/// A sent application with the jury's work on it, scored with the marks
/// and decisions that count.
pub struct Case<'m> {
    pub application: store::Application,
    pub review: Review,
    pub outcome: Result<Outcome<'m>, Vec<crate::engine::Problem>>,
    /// Its answers as sent, with the jury's marks and decisions that count
    /// and the previous edition's result: what `outcome` was scored from.
    pub read: crate::engine::answers::Read,
    pub identity: review::Identity,
    /// Its result in the previous edition, when imported and matched.
    pub progress: Option<Progress>,
}

/// An application's result in the previous edition (`grille import`),
/// matched by its key, and its answers then scored under this edition's
/// questionnaire, for a like-for-like comparison.
pub struct Progress {
    pub edition: i64,
    pub level: u32,
    /// Unknown when the results imported gave levels only.
    pub total: Option<Num>,
    /// The previous answers under this edition's questionnaire: total and
    /// level, when they can be scored.
    pub regraded: Option<(Num, u32)>,
}

impl Case<'_> {
    pub fn sent(&self) -> &store::Version {
        self.application
            .sent
            .as_ref()
            .unwrap_or(&self.application.latest)
    }

    /// « Ville de Lyon », or « Candidature n° 3 ».
    pub fn name(&self, model: &Model) -> String {
        self.identity.name.clone().unwrap_or_else(|| {
            t!(
                model.words(),
                "jury-application-number",
                id = self.application.id
            )
        })
    }
}

impl App {
    /// Every application sent to this questionnaire, with the jury's work.
    pub(super) async fn cases(&self) -> Result<Vec<Case<'_>>, Error> {
        let applications = self.store.applications().await?;
        let work = self.store.work().await?;
        let previous = self.store.previous().await?;
        Ok(cases(&self.model, applications, &work, &previous))
    }
}

/// The applications sent to this questionnaire, scored with the marks
/// and decisions of the jury that count, and with their previous
/// edition's result when one matches their key.
pub fn cases<'m>(
    model: &'m Model,
    applications: Vec<store::Application>,
    work: &store::Work,
    previous: &[store::PreviousResult],
) -> Vec<Case<'m>> {
    let engine = Engine::new(model).explaining().quiet();
    let previous: HashMap<&str, &store::PreviousResult> = previous
        .iter()
        // Results from a CSV file name no questionnaire: they hold for this
        // database's.
        .filter(|p| {
            (p.questionnaire == model.id || p.questionnaire.is_empty())
                && p.edition < i64::from(model.edition)
        })
        .map(|p| (p.key.as_str(), p))
        .collect();
    applications
        .into_iter()
        .filter(|a| {
            a.state != "draft"
                && a.sent.as_ref().is_some_and(|s| {
                    s.questionnaire == model.id && s.edition == i64::from(model.edition)
                })
        })
        .map(|application| {
            let review = Review::of(application.id, work);
            let sent = application.sent.as_ref().unwrap_or(&application.latest);
            let mut read = review.answers(model, &sent.answers);
            let identity = review::Identity::of(model, &read.answers);
            let progress = identity
                .key
                .as_deref()
                .and_then(|key| previous.get(key))
                .map(|p| {
                    let regraded = serde_json::from_str(&p.answers).ok().and_then(|file| {
                        let (then, _) = crate::diff::carried(file, model);
                        let o = engine.score_read(&then).ok()?;
                        Some((o.total, o.level))
                    });
                    Progress {
                        edition: p.edition,
                        level: u32::try_from(p.level).unwrap_or_default(),
                        total: Num::parse(&p.total),
                        regraded,
                    }
                });
            if let Some(p) = &progress {
                read.answers.previous = crate::model::Previous {
                    level: Some(p.level),
                    total: p.total.clone(),
                };
            }
            Case {
                outcome: engine.score_read(&read),
                read,
                review,
                identity,
                progress,
                application,
            }
        })
        .collect()
}

/// A state in words: « Reçue », « En cours d'examen »…
pub fn state_words(model: &Model, state: &str) -> String {
    let key = match state {
        "draft" => "jury-state-draft",
        "sent" => "jury-state-sent",
        "being_reviewed" => "jury-state-being-reviewed",
        "needs_completing" => "jury-state-needs-completing",
        "reviewed" => "jury-state-reviewed",
        "validated" => "jury-state-validated",
        other => return other.to_owned(),
    };
    model.words().get(key)
}

/// « niveau 3 « Implication », 142 points ; ses réponses d'alors, sous le
/// questionnaire de cette édition : 150 points, niveau 3 ».
pub fn progress_words(model: &Model, p: &Progress) -> String {
    let w = model.words();
    let level = explain::level_words(model, p.level);
    let mut text = match &p.total {
        Some(total) => t!(
            w,
            "jury-previous-result",
            level = level,
            total = w.number(total)
        ),
        None => level,
    };
    if let Some((total, level)) = &p.regraded {
        text = t!(
            w,
            "jury-previous-regraded",
            result = text,
            total = w.number(total),
            level = explain::level_words(model, *level)
        );
    }
    text
}

/// The level an outcome gives, or the range it may reach while jury
/// marks are missing: « niveau 2 « … » », « niveau 1 à 3 (provisoire) ».
pub fn level_text(model: &Model, outcome: &Outcome<'_>) -> String {
    let w = model.words();
    match &outcome.provisional {
        Some(p) if p.highest_level > outcome.level => t!(
            w,
            "jury-level-range",
            low = outcome.level,
            high = p.highest_level
        ),
        _ => explain::level_words(model, outcome.level),
    }
}

// ------------------------------------------------------------ the list

#[derive(Serialize)]
struct ListView {
    frame: Frame,
    view: &'static str,
    heading: String,
    intro: String,
    filter_legend: String,
    state_label: String,
    states: Vec<Choice>,
    type_label: String,
    types: Vec<Choice>,
    sort_label: String,
    sorts: Vec<Choice>,
    show: String,
    caption: String,
    columns: Vec<String>,
    rows: Vec<Row>,
    empty: Option<String>,
    publish: Option<Publish>,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    text: String,
    selected: bool,
}

#[derive(Serialize)]
struct Row {
    href: String,
    name: String,
    kind: String,
    automatic: String,
    total: String,
    level: String,
    state: String,
    jurors: String,
}

#[derive(Serialize)]
struct Publish {
    heading: String,
    lines: Vec<String>,
    /// The button, when the results can be published.
    button: Option<String>,
    csrf_field: &'static str,
    csrf: String,
    problem: Option<String>,
}

/// The list's filters and order, from its address's query.
#[derive(Default)]
struct ListQuery {
    state: Option<String>,
    kind: Option<String>,
    sort: Option<String>,
}

async fn list(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let juror = match app.signed_in(&headers).await {
        Ok(j) => j,
        Err(page) => return page,
    };
    let query = ListQuery {
        state: query.get("state").cloned(),
        kind: query.get("type").cloned(),
        sort: query.get("sort").cloned(),
    };
    app.list(StatusCode::OK, &juror, &query, None).await
}

impl App {
    async fn list(
        &self,
        status: StatusCode,
        juror: &Juror,
        query: &ListQuery,
        problem: Option<String>,
    ) -> Response {
        let cases = match self.cases().await {
            Ok(c) => c,
            Err(e) => return self.unavailable(&e),
        };
        let model = &self.model;
        let w = model.words();
        let state = query.state.as_deref().filter(|s| STATES.contains(s));
        let kinds = review::kinds(model);
        let kind = query
            .kind
            .as_deref()
            .filter(|k| kinds.iter().any(|(id, _)| id == k));
        let sort = query.sort.as_deref().unwrap_or("received");
        let mut shown: Vec<&Case<'_>> = cases
            .iter()
            .filter(|c| state.is_none_or(|s| c.application.state == s))
            .filter(|c| kind.is_none_or(|k| c.identity.kind.as_deref() == Some(k)))
            .collect();
        let total = |c: &Case<'_>| c.outcome.as_ref().map(|o| o.total.clone()).ok();
        match sort {
            "name" => shown.sort_by_key(|c| c.name(model).to_lowercase()),
            "total" => shown.sort_by_key(|c| std::cmp::Reverse(total(c))),
            "state" => shown.sort_by_key(|c| {
                STATES
                    .iter()
                    .position(|s| *s == c.application.state)
                    .unwrap_or(STATES.len())
            }),
            _ => {}
        }
        let choice = |value: &str, text: String, selected: bool| Choice {
            value: value.to_owned(),
            text,
            selected,
        };
        let mut states = vec![choice("", w.get("jury-filter-all"), state.is_none())];
        states.extend(
            STATES[..5]
                .iter()
                .map(|s| choice(s, state_words(model, s), state == Some(s))),
        );
        let mut types = vec![choice("", w.get("jury-filter-all"), kind.is_none())];
        types.extend(
            kinds
                .iter()
                .map(|(id, label)| choice(id, label.clone(), kind == Some(id.as_str()))),
        );
        let sorts = [
            ("received", "jury-sort-received"),
            ("name", "jury-sort-name"),
            ("total", "jury-sort-total"),
            ("state", "jury-sort-state"),
        ]
        .iter()
        .map(|(s, key)| choice(s, w.get(key), *s == sort))
        .collect();
        let rows = shown
            .iter()
            .map(|c| {
                let (total, level) = match &c.outcome {
                    Ok(o) => (
                        t!(
                            w,
                            "jury-points",
                            total = w.number(&o.total),
                            max = w.number(&o.max)
                        ),
                        level_text(model, o),
                    ),
                    Err(_) => (w.get("jury-cannot-score"), String::new()),
                };
                let automatic = c.sent().score.as_ref().map_or_else(String::new, |s| {
                    Num::parse(&s.total).map_or_else(|| s.total.clone(), |n| w.number(&n))
                });
                Row {
                    href: format!("/jury/applications/{}", c.application.id),
                    name: c.name(model),
                    kind: c.identity.kind_label.clone().unwrap_or_default(),
                    automatic,
                    total,
                    level,
                    state: state_words(model, &c.application.state),
                    jurors: c.review.jurors().len().to_string(),
                }
            })
            .collect();
        let waiting = cases
            .iter()
            .filter(|c| c.application.state != "validated")
            .count();
        let publish = is_president(juror).then(|| Publish {
            heading: w.get("jury-publish-title"),
            lines: vec![if cases.is_empty() {
                w.get("jury-publish-nothing")
            } else if waiting > 0 {
                t!(w, "jury-publish-waiting", count = waiting)
            } else {
                t!(w, "jury-publish-ready", count = cases.len())
            }],
            button: (waiting == 0 && !cases.is_empty()).then(|| w.get("jury-publish-submit")),
            csrf_field: CSRF_FIELD,
            csrf: juror.csrf.clone(),
            problem,
        });
        let heading = w.get("jury-list-title");
        let view = ListView {
            frame: self.frame(juror, &heading),
            view: "list",
            intro: t!(w, "jury-list-intro", count = cases.len()),
            heading,
            filter_legend: w.get("jury-filter-legend"),
            state_label: w.get("jury-column-state"),
            states,
            type_label: w.get("jury-column-type"),
            types,
            sort_label: w.get("jury-sort"),
            sorts,
            show: w.get("jury-filter-submit"),
            caption: t!(w, "jury-list-caption", count = shown.len()),
            columns: [
                "jury-column-name",
                "jury-column-type",
                "jury-column-automatic",
                "jury-column-total",
                "jury-column-level",
                "jury-column-state",
                "jury-column-jurors",
            ]
            .iter()
            .map(|key| w.get(key))
            .collect(),
            empty: shown.is_empty().then(|| w.get("jury-list-empty")),
            rows,
            publish,
        };
        html(
            status,
            render("jury.html", &view),
            crate::form::plain_policy(),
        )
    }
}

// ------------------------------------------------------------ one application

#[derive(Serialize)]
struct CaseView {
    frame: Frame,
    view: &'static str,
    heading: String,
    facts: Vec<Fact>,
    message: Option<Message>,
    summary_title: String,
    summary: Vec<Fact>,
    action: String,
    csrf_field: &'static str,
    csrf: String,
    revision: i64,
    mine: Option<MarksForm>,
    agree: Option<MarksForm>,
    states: Option<StateForm>,
    comments_title: String,
    comments: Vec<Fact>,
    answers_title: String,
    sections: Vec<SectionView>,
    history_title: String,
    history_columns: Vec<String>,
    history: Vec<[String; 5]>,
}

#[derive(Serialize)]
struct Fact {
    term: String,
    value: String,
}

#[derive(Serialize)]
struct Message {
    /// `status` (saved) or `alert` (a problem).
    role: &'static str,
    text: String,
}

#[derive(Serialize)]
struct MarksForm {
    heading: String,
    intro: String,
    action: &'static str,
    marks: Vec<MarkInput>,
    mentions: Vec<MentionInput>,
    comment: Option<Input>,
    submit: String,
}

#[derive(Serialize)]
struct MarkInput {
    id: String,
    label: String,
    hint: String,
    max: String,
    value: String,
    problem: Option<String>,
    /// Each juror's mark, then the mean and spread.
    marks: Vec<Fact>,
}

#[derive(Serialize)]
struct MentionInput {
    id: String,
    legend: String,
    options: Vec<Choice>,
    /// What the jurors decided.
    votes: String,
}

#[derive(Serialize)]
struct Input {
    label: String,
    hint: String,
    value: String,
}

#[derive(Serialize)]
struct StateForm {
    heading: String,
    legend: String,
    options: Vec<Choice>,
    until_label: String,
    until_hint: String,
    until: String,
    note_label: String,
    note_hint: String,
    note: String,
    problem: Option<String>,
    submit: String,
}

#[derive(Serialize)]
struct SectionView {
    id: String,
    title: String,
    score: String,
    columns: Vec<String>,
    questions: Vec<QuestionView>,
}

#[derive(Serialize)]
struct QuestionView {
    number: String,
    label: String,
    answer: String,
    points: String,
    why: String,
}

/// What a juror typed, kept when the page comes back with a problem.
#[derive(Default)]
struct Typed {
    values: BTreeMap<String, String>,
    problems: BTreeMap<String, String>,
    message: Option<Message>,
}

impl Typed {
    fn of(pairs: &[(String, String)]) -> Typed {
        Typed {
            values: pairs.iter().cloned().collect(),
            ..Typed::default()
        }
    }
}

async fn show(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let juror = match app.signed_in(&headers).await {
        Ok(j) => j,
        Err(page) => return page,
    };
    let mut typed = Typed::default();
    if query.contains_key("saved") {
        typed.message = Some(Message {
            role: "status",
            text: app.model.words().get("jury-saved"),
        });
    }
    app.case_page(StatusCode::OK, &juror, &id, &typed).await
}

impl App {
    async fn case_page(
        &self,
        status: StatusCode,
        juror: &Juror,
        id: &str,
        typed: &Typed,
    ) -> Response {
        let cases = match self.cases().await {
            Ok(c) => c,
            Err(e) => return self.unavailable(&e),
        };
        match find(&cases, id) {
            Some(case) => self.case_response(status, juror, case, typed).await,
            None => self.jury_not_found(juror),
        }
    }

    /// An application's page, with what the juror typed and a message.
    async fn case_response(
        &self,
        status: StatusCode,
        juror: &Juror,
        case: &Case<'_>,
        typed: &Typed,
    ) -> Response {
        match self.case_view(juror, case, typed).await {
            Ok(view) => html(
                status,
                render("jury.html", &view),
                crate::form::plain_policy(),
            ),
            Err(e) => self.unavailable(&e),
        }
    }

    fn jury_not_found(&self, juror: &Juror) -> Response {
        let w = self.model.words();
        let heading = w.get("serve-not-found-title");
        let mut page = super::pages::Page::notice(
            &self.model,
            heading.clone(),
            vec![w.get("jury-not-found")],
            Vec::new(),
        );
        page.frame = self.frame(juror, &heading);
        html(
            StatusCode::NOT_FOUND,
            page.html(),
            crate::form::plain_policy(),
        )
    }

    async fn case_view(
        &self,
        juror: &Juror,
        case: &Case<'_>,
        typed: &Typed,
    ) -> Result<CaseView, Error> {
        let history = self.store.audit(case.application.id).await?;
        let model = &self.model;
        let w = model.words();
        let a = &case.application;
        let heading = case.name(model);
        let fact = |term: &str, value: String| Fact {
            term: w.get(term),
            value,
        };
        let mut facts = Vec::new();
        if let Some(carrier) = &case.identity.carrier {
            facts.push(fact("jury-carrier", carrier.clone()));
        }
        if let Some(kind) = &case.identity.kind_label {
            facts.push(fact("jury-column-type", kind.clone()));
        }
        facts.push(fact(
            "jury-received",
            t!(
                w,
                "jury-received-at",
                at = super::when(model, &case.sent().at),
                version = case.sent().number
            ),
        ));
        if let Some(p) = &case.progress {
            facts.push(Fact {
                term: t!(w, "jury-previous", edition = p.edition.to_string()),
                value: progress_words(model, p),
            });
        }
        let mut state = state_words(model, &a.state);
        if a.state == "needs_completing" {
            if let Some(until) = a.complete_until.as_deref().and_then(parse_date) {
                state = t!(w, "jury-state-until", state = state, date = w.date(until));
            }
        }
        facts.push(fact("jury-column-state", state));
        let mut summary = Vec::new();
        match &case.outcome {
            Ok(o) => {
                summary.push(fact(
                    "jury-column-total",
                    t!(
                        w,
                        "jury-points",
                        total = w.number(&o.total),
                        max = w.number(&o.max)
                    ),
                ));
                summary.push(fact("jury-column-level", level_text(model, o)));
                let awarded = o.awarded_labels();
                if !model.mentions.is_empty() {
                    summary.push(fact(
                        "jury-mentions",
                        if awarded.is_empty() {
                            w.get("jury-mentions-none")
                        } else {
                            awarded.join(", ")
                        },
                    ));
                }
            }
            Err(problems) => summary.push(fact(
                "jury-column-total",
                t!(
                    w,
                    "jury-cannot-score-why",
                    why = problems
                        .iter()
                        .map(|p| p.message.clone())
                        .collect::<Vec<_>>()
                        .join(" ; ")
                ),
            )),
        }
        let president = is_president(juror);
        let has_jury_items = review::jury_questions(model).next().is_some()
            || review::jury_mentions(model).next().is_some();
        let mine = self.marks_form(juror, case, typed, false);
        let agree =
            (president && has_jury_items).then(|| self.marks_form(juror, case, typed, true));
        let states = president.then(|| self.state_form(case, typed));
        let comments = case
            .review
            .comments
            .iter()
            .map(|c| Fact {
                term: t!(
                    w,
                    "jury-comment-by",
                    name = c.juror.as_str(),
                    at = super::when(model, &c.at)
                ),
                value: c.text.clone(),
            })
            .collect();
        let history = history
            .into_iter()
            .map(|[at, who, what, before, after]| {
                let who = if who == "candidate" {
                    w.get("jury-history-candidate")
                } else {
                    who
                };
                let (what, before, after) = history_words(model, &what, &before, &after);
                [super::when(model, &at), who, what, before, after]
            })
            .collect();
        Ok(CaseView {
            frame: self.frame(juror, &heading),
            view: "case",
            heading,
            facts,
            message: typed.message.as_ref().map(|m| Message {
                role: m.role,
                text: m.text.clone(),
            }),
            summary_title: w.get("jury-summary-title"),
            summary,
            action: format!("/jury/applications/{}", a.id),
            csrf_field: CSRF_FIELD,
            csrf: juror.csrf.clone(),
            revision: a.revision,
            mine: Some(mine),
            agree,
            states,
            comments_title: w.get("jury-comments-title"),
            comments,
            answers_title: w.get("jury-answers-title"),
            sections: self.answer_sections(case),
            history_title: w.get("jury-history-title"),
            history_columns: [
                "jury-history-at",
                "jury-history-who",
                "jury-history-what",
                "jury-history-before",
                "jury-history-after",
            ]
            .iter()
            .map(|key| w.get(key))
            .collect(),
            history,
        })
    }

    /// The juror's own marks, decisions and comment, or (`agreed`) the
    /// president's agreed marks and decisions.
    fn marks_form(&self, juror: &Juror, case: &Case<'_>, typed: &Typed, agreed: bool) -> MarksForm {
        let model = &self.model;
        let w = model.words();
        let prefix = if agreed { "agreed-" } else { "" };
        let typed_or = |name: &str, stored: String| {
            if typed.values.get("grille-action").map(String::as_str) == Some(action(agreed)) {
                typed.values.get(name).cloned().unwrap_or(stored)
            } else {
                stored
            }
        };
        let marks = review::jury_questions(model)
            .map(|(id, max)| {
                let q = model.question(id).expect("a jury question of the model");
                let marks = case.review.marks.get(id).cloned().unwrap_or_default();
                let stored = if agreed {
                    marks
                        .agreed
                        .clone()
                        .or_else(|| marks.mean().filter(Num::is_integer))
                } else {
                    case.review.mark_of(id, &juror.name).cloned()
                };
                let mut shown: Vec<Fact> = marks
                    .by_juror
                    .iter()
                    .map(|(name, mark)| Fact {
                        term: name.clone(),
                        value: w.number(mark),
                    })
                    .collect();
                if let (Some(mean), Some((low, high))) = (marks.mean(), marks.spread()) {
                    shown.push(Fact {
                        term: w.get("jury-mean"),
                        value: t!(
                            w,
                            "jury-mean-spread",
                            mean = w.number(&mean),
                            low = w.number(&low),
                            high = w.number(&high)
                        ),
                    });
                }
                if let Some(a) = &marks.agreed {
                    shown.push(Fact {
                        term: w.get("jury-agreed"),
                        value: w.number(a),
                    });
                }
                let name = format!("{prefix}mark-{id}");
                MarkInput {
                    label: format!("{} {}", q.number, q.label),
                    hint: t!(w, "jury-mark-hint", max = w.number(max)),
                    max: max.to_decimal(0),
                    value: typed_or(&name, stored.map(|n| n.to_decimal(0)).unwrap_or_default()),
                    problem: typed.problems.get(&name).cloned(),
                    id: name,
                    marks: if agreed { Vec::new() } else { shown },
                }
            })
            .collect();
        let mentions = model
            .mentions
            .iter()
            .filter(|m| m.jury)
            .map(|m| {
                let votes = case.review.mentions.get(&m.id).cloned().unwrap_or_default();
                let stored = if agreed {
                    votes.agreed.or_else(|| votes.counted())
                } else {
                    case.review.decision_of(&m.id, &juror.name)
                };
                let stored = match stored {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "",
                };
                let name = format!("{prefix}decision-{}", m.id);
                let value = typed_or(&name, stored.to_owned());
                let yes = votes.by_juror.values().filter(|v| **v).count();
                let no = votes.by_juror.len() - yes;
                MentionInput {
                    legend: m.label.clone(),
                    options: [("yes", "yes"), ("no", "no"), ("", "jury-undecided")]
                        .iter()
                        .map(|(v, key)| Choice {
                            value: (*v).to_owned(),
                            text: w.get(key),
                            selected: value == *v,
                        })
                        .collect(),
                    votes: t!(w, "jury-votes", yes = yes, no = no),
                    id: name,
                }
            })
            .collect();
        let comment = (!agreed).then(|| Input {
            label: w.get("jury-comment"),
            hint: w.get("jury-comment-hint"),
            value: typed_or("comment", String::new()),
        });
        MarksForm {
            heading: w.get(if agreed {
                "jury-agree-title"
            } else {
                "jury-mine-title"
            }),
            intro: w.get(if agreed {
                "jury-agree-intro"
            } else {
                "jury-mine-intro"
            }),
            action: action(agreed),
            marks,
            mentions,
            comment,
            submit: w.get(if agreed {
                "jury-agree-submit"
            } else {
                "jury-mine-submit"
            }),
        }
    }

    fn state_form(&self, case: &Case<'_>, typed: &Typed) -> StateForm {
        let model = &self.model;
        let w = model.words();
        let a = &case.application;
        let ours = typed.values.get("grille-action").map(String::as_str) == Some("state");
        let value = |name: &str, stored: Option<&str>| {
            if ours {
                typed.values.get(name).cloned().unwrap_or_default()
            } else {
                stored.unwrap_or_default().to_owned()
            }
        };
        let chosen = value("state", Some(&a.state));
        StateForm {
            heading: w.get("jury-state-title"),
            legend: w.get("jury-state-legend"),
            options: STATES[1..5]
                .iter()
                .map(|s| Choice {
                    value: (*s).to_owned(),
                    text: state_words(model, s),
                    selected: chosen == *s,
                })
                .collect(),
            until_label: w.get("jury-until"),
            until_hint: w.get("jury-until-hint"),
            until: value("until", a.complete_until.as_deref()),
            note_label: w.get("jury-note"),
            note_hint: w.get("jury-note-hint"),
            note: value("note", a.complete_note.as_deref()),
            problem: typed.problems.get("state").cloned(),
            submit: w.get("jury-state-submit"),
        }
    }

    /// The answers in the questionnaire's order and numbering, with the
    /// points each earned and why.
    fn answer_sections(&self, case: &Case<'_>) -> Vec<SectionView> {
        let model = &self.model;
        let w = model.words();
        let Ok(outcome) = &case.outcome else {
            return Vec::new();
        };
        let columns = [
            "jury-answers-question",
            "jury-answers-answer",
            "jury-answers-points",
            "jury-answers-why",
        ]
        .iter()
        .map(|key| w.get(key))
        .collect::<Vec<_>>();
        model
            .sections
            .iter()
            .zip(&outcome.sections)
            .filter(|(_, r)| r.shown)
            .map(|(s, r)| SectionView {
                id: s.id.clone(),
                title: format!("{}. {}", s.number, s.title),
                score: t!(
                    w,
                    "jury-points",
                    total = w.number(&r.score),
                    max = w.number(&r.max)
                ),
                columns: columns.clone(),
                questions: s
                    .questions()
                    .filter_map(|q| {
                        let result = outcome.questions.iter().find(|r| r.id == q.id)?;
                        if !result.shown {
                            return None;
                        }
                        let answer = case.read.answers.values.get(&q.id).map_or_else(
                            || w.get("jury-unanswered"),
                            |a| super::pages::in_words(&q.kind, a, w),
                        );
                        let scored = !result.max.is_zero();
                        Some(QuestionView {
                            number: q.number.clone(),
                            label: q.label.clone(),
                            answer,
                            points: if scored {
                                t!(
                                    w,
                                    "jury-points",
                                    total = w.number(&result.points),
                                    max = w.number(&result.max)
                                )
                            } else {
                                String::new()
                            },
                            // An option or yes/no is its own reason; a band, a
                            // cap, a jury mark pending is said.
                            why: match &result.detail {
                                _ if !scored => String::new(),
                                Detail::YesNo(_)
                                | Detail::Choice(_)
                                | Detail::Choices { cap: None, .. } => String::new(),
                                other => explain::detail(other, w),
                            },
                        })
                    })
                    .collect(),
            })
            .collect()
    }
}

/// An audit line in the jury's words: « Note de 2.5 », 3 → 4; « État »,
/// « Reçue » → « En cours d'examen »…
fn history_words(model: &Model, what: &str, before: &str, after: &str) -> (String, String, String) {
    let w = model.words();
    let state = |s: &str| {
        if s.is_empty() {
            String::new()
        } else {
            state_words(model, s)
        }
    };
    let number = |id: &str| {
        model
            .question(id)
            .map_or_else(|| id.to_owned(), |q| q.number.clone())
    };
    let mention = |id: &str| {
        model
            .mentions
            .iter()
            .find(|m| m.id == id)
            .map_or_else(|| id.to_owned(), |m| w.quoted(&m.label))
    };
    let decision = |v: &str| {
        w.get(match v {
            "1" => "yes",
            "0" => "no",
            _ => "jury-undecided",
        })
    };
    let (agreed, rest) = match what.strip_prefix("agreed ") {
        Some(rest) => (true, rest),
        None => (false, what),
    };
    match rest.split_once(' ') {
        Some(("mark", id)) => (
            t!(
                w,
                if agreed {
                    "jury-history-agreed-mark"
                } else {
                    "jury-history-mark"
                },
                number = number(id)
            ),
            before.to_owned(),
            after.to_owned(),
        ),
        Some(("decision", id)) => (
            t!(
                w,
                if agreed {
                    "jury-history-agreed-decision"
                } else {
                    "jury-history-decision"
                },
                mention = mention(id)
            ),
            decision(before),
            decision(after),
        ),
        _ => {
            let key = match what {
                "send" => "jury-history-send",
                "save" => "jury-history-save",
                "comment" => return (w.get("jury-comment"), String::new(), after.to_owned()),
                _ => "jury-column-state",
            };
            (w.get(key), state(before), state(after))
        }
    }
}

fn action(agreed: bool) -> &'static str {
    if agreed {
        "agree"
    } else {
        "marks"
    }
}

pub(super) fn parse_date(text: &str) -> Option<Date> {
    let mut parts = text.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    if parts.next().is_some() || text.len() != 10 {
        return None;
    }
    let date = Date { year, month, day };
    jiff::civil::Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
    .map(|_| date)
}

async fn save(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (juror, pairs) = match app.posted(&headers, body).await {
        Ok(posted) => posted,
        Err(page) => return page,
    };
    let cases = match app.cases().await {
        Ok(c) => c,
        Err(e) => return app.unavailable(&e),
    };
    let Some(case) = find(&cases, &id) else {
        return app.jury_not_found(&juror);
    };
    let act = field(&pairs, "grille-action").unwrap_or("marks");
    if act != "marks" && !is_president(&juror) {
        return app.refused("jury-refused-president");
    }
    let mut typed = Typed::of(&pairs);
    let changes = match act {
        "agree" => app.read_marks(&juror, case, &pairs, true, &mut typed),
        "state" => app.read_state(case, &pairs, &mut typed),
        _ => app.read_marks(&juror, case, &pairs, false, &mut typed),
    };
    let w = app.model.words();
    if !typed.problems.is_empty() {
        typed.message = Some(Message {
            role: "alert",
            text: w.get("jury-problems"),
        });
        return app
            .case_response(StatusCode::UNPROCESSABLE_ENTITY, &juror, case, &typed)
            .await;
    }
    let revision = field(&pairs, "revision").and_then(|r| r.parse::<i64>().ok());
    let back = format!("/jury/applications/{}?saved=1", case.application.id);
    if changes.is_empty() {
        return Redirect::to(&back).into_response();
    }
    let saved = match revision {
        Some(r) => {
            app.store
                .review(case.application.id, r, &juror, &changes)
                .await
        }
        None => Err(Error::Changed),
    };
    match saved {
        Ok(()) => Redirect::to(&back).into_response(),
        Err(Error::Changed) => {
            // Someone saved the application since this juror's page was
            // shown: the page comes back as it is now, with what this
            // juror typed, unsaved.
            typed.message = Some(Message {
                role: "alert",
                text: w.get("jury-conflict"),
            });
            app.case_response(StatusCode::CONFLICT, &juror, case, &typed)
                .await
        }
        Err(Error::NotFound) => app.jury_not_found(&juror),
        Err(e) => app.unavailable(&e),
    }
}

impl App {
    /// The marks and decisions a form sends, as changes to what the juror
    /// (or, `agreed`, the president's agreed marks) had.
    fn read_marks(
        &self,
        juror: &Juror,
        case: &Case<'_>,
        pairs: &[(String, String)],
        agreed: bool,
        typed: &mut Typed,
    ) -> Changes {
        let model = &self.model;
        let w = model.words();
        let prefix = if agreed { "agreed-" } else { "" };
        let mut changes = Changes {
            agreed,
            ..Changes::default()
        };
        for (id, max) in review::jury_questions(model) {
            let name = format!("{prefix}mark-{id}");
            let Some(text) = field(pairs, &name) else {
                continue;
            };
            let text = text.trim();
            let marks = case.review.marks.get(id);
            let before = if agreed {
                marks.and_then(|m| m.agreed.clone())
            } else {
                case.review.mark_of(id, &juror.name).cloned()
            };
            let after = if text.is_empty() {
                None
            } else {
                match Num::parse(&text.replace(',', ".")) {
                    Some(n) if n.is_integer() && !n.is_negative() && &n <= max => Some(n),
                    _ => {
                        typed
                            .problems
                            .insert(name, t!(w, "jury-mark-wrong", max = w.number(max)));
                        continue;
                    }
                }
            };
            if before != after {
                let text =
                    |n: &Option<Num>| n.as_ref().map(|n| n.to_decimal(0)).unwrap_or_default();
                changes
                    .marks
                    .push((id.to_owned(), text(&before), text(&after)));
            }
        }
        for id in review::jury_mentions(model) {
            let name = format!("{prefix}decision-{id}");
            let Some(text) = field(pairs, &name) else {
                continue;
            };
            let after = match text {
                "yes" => 1,
                "no" => 0,
                _ => -1,
            };
            let votes = case.review.mentions.get(id);
            let before = if agreed {
                votes.and_then(|v| v.agreed)
            } else {
                case.review.decision_of(id, &juror.name)
            }
            .map_or(-1, i64::from);
            if before != after {
                changes.decisions.push((id.to_owned(), before, after));
            }
        }
        if !agreed {
            let comment = field(pairs, "comment").unwrap_or("").trim();
            if comment.chars().count() > COMMENT_LIMIT {
                typed.problems.insert(
                    "comment".to_owned(),
                    t!(w, "jury-comment-long", limit = COMMENT_LIMIT),
                );
            } else if !comment.is_empty() {
                changes.comment = Some(comment.to_owned());
            }
            // The first juror's work starts the review.
            if case.application.state == "sent" && !changes.is_empty() {
                changes.state = Some(("being_reviewed".to_owned(), None, None));
            }
        }
        changes
    }

    /// The state the president sets, checked.
    fn read_state(
        &self,
        case: &Case<'_>,
        pairs: &[(String, String)],
        typed: &mut Typed,
    ) -> Changes {
        let model = &self.model;
        let w = model.words();
        let mut changes = Changes::default();
        let state = field(pairs, "state").unwrap_or("");
        if !STATES[1..5].contains(&state) {
            typed
                .problems
                .insert("state".to_owned(), w.get("jury-state-choose"));
            return changes;
        }
        let (mut until, mut note) = (None, None);
        match state {
            "needs_completing" => {
                let date = field(pairs, "until").unwrap_or("").trim();
                let text = field(pairs, "note").unwrap_or("").trim();
                match parse_date(date) {
                    Some(d) if d >= super::today() && !text.is_empty() => {
                        until = Some(date.to_owned());
                        note = Some(text.to_owned());
                    }
                    _ => {
                        typed
                            .problems
                            .insert("state".to_owned(), w.get("jury-state-completing"));
                        return changes;
                    }
                }
            }
            "validated" if !case.review.agreed(model) => {
                typed
                    .problems
                    .insert("state".to_owned(), w.get("jury-state-agree-first"));
                return changes;
            }
            _ => {}
        }
        let a = &case.application;
        if state != a.state
            || until.as_deref() != a.complete_until.as_deref()
            || note.as_deref() != a.complete_note.as_deref()
        {
            changes.state = Some((state.to_owned(), until, note));
        }
        changes
    }
}

// ------------------------------------------------------------ publishing

async fn publish(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let juror = match app.posted(&headers, body).await {
        Ok((juror, _)) => juror,
        Err(page) => return page,
    };
    if !is_president(&juror) {
        return app.refused("jury-refused-president");
    }
    let cases = match app.cases().await {
        Ok(c) => c,
        Err(e) => return app.unavailable(&e),
    };
    let w = app.model.words();
    let waiting = cases
        .iter()
        .filter(|c| c.application.state != "validated")
        .count();
    if waiting > 0 || cases.is_empty() {
        let problem = if cases.is_empty() {
            w.get("jury-publish-nothing")
        } else {
            t!(w, "jury-publish-waiting", count = waiting)
        };
        return app
            .list(
                StatusCode::CONFLICT,
                &juror,
                &ListQuery::default(),
                Some(problem),
            )
            .await;
    }
    let published = super::results::Published::of(&app.model, &cases);
    let text = serde_json::to_string(&published).unwrap_or_default();
    match app.store.publish(juror.id, &text).await {
        Ok(()) => Redirect::to("/results").into_response(),
        Err(e) => app.unavailable(&e),
    }
}
