//! `grille serve`: the campaign's server. It serves the questionnaire's
//! form (the page `grille build` writes, posting back here), keeps every
//! version of every application in the database ([`store`]), and answers
//! a JSON API with the contract of `grille score`. Answers are read and
//! checked by the same engine as `grille score`, on arrival.
//!
//! Routes: `/` the form (a new application), `/a/{token}` an application
//! by its private link, `/a/{token}/receipt` its receipt,
//! `/a/{token}/result` its result sheet once the results are published,
//! `POST /api/submissions`, `GET /api/submissions/{token}`, `/healthz`;
//! the jury's pages under `/jury/` ([`desk`]); the results, `/results` and
//! `GET /api/results` ([`results`]).

mod desk;
pub mod jury;
mod pages;
pub mod results;
pub mod review;
pub mod store;

use crate::engine::{self, fields, Answers, Engine, Problem, ProblemKind};
use crate::model::{Date, Model};
use crate::t;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use pages::{Link, Page};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use store::{Error, Key, NewVersion, Score, Store};

/// The largest body a request may send: an answers file of the largest
/// questionnaires is a few tens of kilobytes.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// Unknown private links asked for from one address in a minute before it
/// must wait.
const MISSES_PER_MINUTE: u32 = 20;
/// Failed sign-ins from one address, or for one name, in five minutes
/// before they must wait.
const LOGINS_PER_FIVE_MINUTES: u32 = 5;

/// What `grille serve` was asked to do.
pub struct Options {
    /// The questionnaire, checked.
    pub model: Model,
    /// Its `bareme.json`, kept in the database for `grille results`.
    pub bareme: String,
    pub database: String,
    pub listen: String,
    /// The address candidates use, for the private links shown
    /// (`http://LISTEN` when not given).
    pub url: Option<String>,
}

struct App {
    model: Model,
    store: Store,
    /// The address private links start with, without a final `/`.
    base: String,
    /// Unknown links asked for, by address.
    misses: Limiter,
    /// Failed sign-ins, by address and by name.
    logins: Limiter,
}

/// Counts what happens by key (an address, a name) over a window of time,
/// to tell when there has been too much of it.
struct Limiter {
    window: Duration,
    max: u32,
    seen: Mutex<HashMap<String, (Instant, u32)>>,
}

impl Limiter {
    fn new(window: Duration, max: u32) -> Limiter {
        Limiter {
            window,
            max,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `key` reached the limit in the current window.
    fn limited(&self, key: &str) -> bool {
        let seen = self
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        seen.get(key)
            .is_some_and(|(since, count)| since.elapsed() < self.window && *count >= self.max)
    }

    fn count(&self, key: &str) {
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if seen.len() > 10_000 {
            seen.retain(|_, (since, _)| since.elapsed() < self.window);
        }
        let entry = seen.entry(key.to_owned()).or_insert((Instant::now(), 0));
        if entry.0.elapsed() >= self.window {
            *entry = (Instant::now(), 0);
        }
        entry.1 += 1;
    }
}

/// Starts the server and serves until interrupted (Ctrl-C, SIGTERM).
///
/// # Errors
/// When the database cannot be opened or the address cannot be listened on.
pub async fn run(options: Options) -> Result<(), String> {
    let store = Store::open(&options.database).await?;
    let model = options.model;
    store
        .keep_questionnaire(&model.id, model.edition, &options.bareme)
        .await
        .map_err(|e| e.to_string())?;
    let listener = tokio::net::TcpListener::bind(&options.listen)
        .await
        .map_err(|e| format!("cannot listen on `{}`: {e}", options.listen))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let base = options.url.map_or_else(
        || format!("http://{address}"),
        |u| u.trim_end_matches('/').to_owned(),
    );
    println!(
        "grille serve: « {} » {} at http://{address}/ (private links start with {base}/a/), stop with Ctrl-C",
        model.title, model.edition
    );
    let app = Arc::new(App {
        model,
        store,
        base,
        misses: Limiter::new(Duration::from_secs(60), MISSES_PER_MINUTE),
        logins: Limiter::new(Duration::from_secs(300), LOGINS_PER_FIVE_MINUTES),
    });
    axum::serve(
        listener,
        router(app).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(stopped())
    .await
    .map_err(|e| e.to_string())
}

/// One questionnaire of a campaign's database, for `grille results` and
/// `grille export`: its applications sent, each with its answers file as
/// sent and the answers read from it with the jury's marks and decisions
/// that count, and the results' figures (the published ones once
/// published, the current ones before).
pub struct Campaign {
    pub model: Model,
    pub applications: Vec<(i64, String, engine::answers::Read)>,
    pub summary: results::Summary,
}

/// Every questionnaire of a campaign's database, scored as `grille serve`
/// scores it.
///
/// # Errors
/// When the database cannot be opened or read.
pub async fn campaigns(database: &str) -> Result<Vec<Campaign>, String> {
    let store = Store::open_existing(database).await?;
    let text = |e: Error| e.to_string();
    let questionnaires = store.questionnaires().await.map_err(text)?;
    let applications = store.applications().await.map_err(text)?;
    let work = store.work().await.map_err(text)?;
    let previous = store.previous().await.map_err(text)?;
    let published = store.publication().await.map_err(text)?;
    let mut out = Vec::new();
    for (id, edition, bareme) in questionnaires {
        let model = crate::bareme::from_json(&bareme).map_err(|e| {
            format!("the database's questionnaire `{id}` {edition} cannot be read: {e}")
        })?;
        let cases = desk::cases(&model, applications.clone(), &work, &previous);
        let kept = published.as_ref().and_then(|(text, at)| {
            let p: results::Published = serde_json::from_str(text).ok()?;
            (p.questionnaire == model.id && p.edition == model.edition).then(|| (p, at.clone()))
        });
        let summary = match kept {
            Some((p, at)) => results::Summary::of(&model, &p, Some(at)),
            None => results::Summary::of(&model, &results::Published::of(&model, &cases), None),
        };
        let applications = cases
            .iter()
            .map(|c| (c.application.id, c.sent().answers.clone(), c.read.clone()))
            .collect();
        drop(cases);
        out.push(Campaign {
            model,
            applications,
            summary,
        });
    }
    Ok(out)
}

/// Imports the previous edition's results into this campaign's database
/// (`into`, created if absent), replacing any imported before: the results
/// published in that edition's database (`from`), or, for an edition that
/// did not run on grille, a CSV file of results (`from` ending in `.csv`,
/// its `edition` given). Results without a key are left out, and a key's
/// second result. Returns what was done, in a line.
///
/// # Errors
/// When a database cannot be used, `from` has no results published, or the
/// CSV file cannot be read (every mistake named with its line; nothing is
/// imported then).
pub async fn import_previous(
    from: &str,
    edition: Option<u32>,
    into: &str,
) -> Result<String, String> {
    let (source, found) = if from.to_ascii_lowercase().ends_with(".csv") {
        let edition = edition.ok_or_else(|| {
            format!(
                "`{from}` does not say which edition its results are from: add `--edition YEAR`"
            )
        })?;
        let text =
            std::fs::read_to_string(from).map_err(|e| format!("`{from}` cannot be read: {e}"))?;
        (
            format!("the {edition} edition from `{from}`"),
            previous_from_csv(from, &text, edition)?,
        )
    } else if edition.is_some() {
        return Err(format!(
            "`--edition` is for a CSV file of results; the results published in `{from}` say their edition"
        ));
    } else {
        published_previous(from).await?
    };
    let mut rows: Vec<store::PreviousResult> = Vec::new();
    let mut keyless = 0;
    let mut twice = Vec::new();
    for row in found {
        if row.key.is_empty() {
            keyless += 1;
        } else if rows.iter().any(|r| r.key == row.key) {
            twice.push(row.key);
        } else {
            rows.push(row);
        }
    }
    let new = Store::open(into).await?;
    new.replace_previous(&rows)
        .await
        .map_err(|e| e.to_string())?;
    let mut report = format!(
        "imported {} result{} of {source}",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
    );
    if keyless > 0 {
        report.push_str(&format!(
            "; {keyless} without a key left out (the questionnaire's `campaign {{ key … }}` question was not answered)"
        ));
    }
    if !twice.is_empty() {
        report.push_str(&format!(
            "; the key{} {} had more than one result: the first was kept",
            if twice.len() == 1 { "" } else { "s" },
            twice.join(", ")
        ));
    }
    Ok(report)
}

/// The results published in an edition's database, and where they come
/// from in words (« « tnl » 2024 (published …) »).
async fn published_previous(from: &str) -> Result<(String, Vec<store::PreviousResult>), String> {
    let old = Store::open_existing(from).await?;
    let Some((text, at)) = old.publication().await.map_err(|e| e.to_string())? else {
        return Err(format!(
            "`{from}` has no results published: its president publishes them on its jury's pages first"
        ));
    };
    let published: results::Published = serde_json::from_str(&text)
        .map_err(|e| format!("the results published in `{from}` cannot be read: {e}"))?;
    let rows = published
        .applications
        .iter()
        .map(|e| store::PreviousResult {
            key: e.key.clone().unwrap_or_default(),
            questionnaire: published.questionnaire.clone(),
            edition: i64::from(published.edition),
            name: e.name.clone(),
            level: i64::from(e.level),
            total: e.total.to_decimal(6),
            answers: e.answers.clone(),
        })
        .collect();
    Ok((
        format!(
            "« {} » {} (published {at})",
            published.questionnaire, published.edition
        ),
        rows,
    ))
}

/// The columns of a CSV file of results.
const RESULT_COLUMNS: [&str; 4] = ["key", "name", "level", "total"];

/// The results of an edition from a CSV file (`;` or `,` between cells):
/// a `key` column (the value of this campaign's `key` question, such as a
/// SIRET number) and a `level` column (a whole number, 0: no level), and if
/// known `name` and `total`. Without answers, nothing is regraded.
fn previous_from_csv(
    file: &str,
    text: &str,
    edition: u32,
) -> Result<Vec<store::PreviousResult>, String> {
    use crate::engine::{answer::typed_number, answers::previous_value, csv};
    let (mut reader, _) = csv::reader(text);
    let header = csv::header(&mut reader)
        .map_err(|e| format!("`{file}` is not a readable CSV file: {e}"))?;
    if let Some(unknown) = header
        .iter()
        .find(|c| !RESULT_COLUMNS.contains(&c.as_str()))
    {
        let hint = crate::suggest::closest(unknown, RESULT_COLUMNS)
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        return Err(format!(
            "`{file}`: unknown column `{unknown}`{hint}: the columns are `key` and `level`, and if known `name` and `total`"
        ));
    }
    let column = |name: &str| header.iter().position(|c| c == name);
    let (Some(key), Some(level)) = (column("key"), column("level")) else {
        return Err(format!(
            "`{file}`: its first row names the columns, and `key` and `level` are needed (found: {})",
            header.join(", ")
        ));
    };
    let (name, total) = (column("name"), column("total"));
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let line = csv::line_of(&record, n);
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("line {line}: {}", csv::csv_error(&e)));
                continue;
            }
        };
        let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").trim();
        let mut previous = crate::model::Previous::default();
        for (at, key) in [(Some(level), "level"), (total, "total")] {
            if let Err(p) = previous_value(&mut previous, key, typed_number(cell(at))) {
                problems.push(format!("line {line}: {}", p.message));
            }
        }
        if cell(Some(key)).is_empty() {
            problems.push(format!(
                "line {line}: no key: write the application's `key` (the answer to the questionnaire's `campaign {{ key … }}` question, such as its SIRET number)"
            ));
        }
        let Some(found) = previous.level else {
            if !cell(Some(level)).is_empty() {
                continue; // said above
            }
            problems.push(format!(
                "line {line}: no level: write a whole number (0: not labelled)"
            ));
            continue;
        };
        rows.push(store::PreviousResult {
            key: review::key_of(cell(Some(key))),
            questionnaire: String::new(),
            edition: i64::from(edition),
            name: cell(name).to_owned(),
            level: i64::from(found),
            total: previous.total.map(|t| t.to_decimal(6)).unwrap_or_default(),
            answers: String::new(),
        });
    }
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
        return Err(format!(
            "`{file}` has mistakes; nothing was imported:\n{}",
            lines.join("\n")
        ));
    }
    if rows.is_empty() {
        return Err(format!(
            "`{file}` has its header row but no result: add one row per application"
        ));
    }
    Ok(rows)
}

async fn stopped() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(t) => t,
                Err(_) => return std::future::pending().await,
            };
        tokio::select! {
            _ = interrupt => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = interrupt.await;
}

fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(home).post(create))
        .route("/a/{token}", get(application).post(update))
        .route("/a/{token}/receipt", get(receipt))
        .route("/api/submissions", axum::routing::post(api_create))
        .route("/api/submissions/{token}", get(api_get))
        .route("/healthz", get(healthz))
        .merge(desk::routes())
        .merge(results::routes())
        .fallback(not_found_page)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::map_response(secure))
        .with_state(app)
}

/// Every response: no sniffing, no referrer, no framing, no caching of a
/// candidate's answers, and a strict policy when the handler set none.
async fn secure(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let policy = match headers.get(header::CONTENT_SECURITY_POLICY) {
        Some(p) => format!(
            "{}; frame-ancestors 'none'",
            p.to_str().unwrap_or("default-src 'none'")
        ),
        None => "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
            .to_owned(),
    };
    if let Ok(value) = HeaderValue::from_str(&policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

// ------------------------------------------------------------ the window

/// Whether answers are received today: from `opens` to `deadline`
/// included, in the server's time zone.
enum Window {
    Open,
    NotYet(Date),
    Closed(Date),
}

fn today() -> Date {
    date_of(&jiff::ZonedDateTime::now())
}

/// The calendar day of a time in its zone.
fn date_of(time: &jiff::ZonedDateTime) -> Date {
    Date {
        year: i32::from(time.year()),
        month: u8::try_from(time.month()).unwrap_or(1),
        day: u8::try_from(time.day()).unwrap_or(1),
    }
}

impl App {
    fn window(&self) -> Window {
        let today = today();
        match (self.model.meta.opens, self.model.meta.deadline) {
            (Some(opens), _) if today < opens => Window::NotYet(opens),
            (_, Some(deadline)) if today > deadline => Window::Closed(deadline),
            _ => Window::Open,
        }
    }

    /// The page that says the questionnaire is not open, if it is not.
    fn closed(&self) -> Option<Response> {
        let w = self.model.words();
        let (heading, line) = match self.window() {
            Window::Open => return None,
            Window::NotYet(date) => (
                w.get("serve-not-open-title"),
                t!(w, "serve-not-open", date = w.date(date)),
            ),
            Window::Closed(date) => (
                w.get("serve-closed-title"),
                t!(w, "serve-closed", date = w.date(date)),
            ),
        };
        Some(self.notice(StatusCode::FORBIDDEN, heading, vec![line], Vec::new()))
    }

    fn notice(
        &self,
        status: StatusCode,
        heading: String,
        lines: Vec<String>,
        links: Vec<Link>,
    ) -> Response {
        html(
            status,
            Page::notice(&self.model, heading, lines, links).html(),
            crate::form::plain_policy(),
        )
    }

    fn home_link(&self) -> Link {
        Link {
            href: "/".to_owned(),
            text: self.model.words().get("serve-home"),
        }
    }

    fn not_found(&self) -> Response {
        let w = self.model.words();
        self.notice(
            StatusCode::NOT_FOUND,
            w.get("serve-not-found-title"),
            vec![w.get("serve-not-found")],
            vec![self.home_link()],
        )
    }

    fn unavailable(&self, error: &Error) -> Response {
        eprintln!("grille serve: {error}");
        let w = self.model.words();
        self.notice(
            StatusCode::SERVICE_UNAVAILABLE,
            w.get("serve-unavailable-title"),
            vec![w.get("serve-unavailable")],
            Vec::new(),
        )
    }

    fn too_many(&self) -> Response {
        self.wait("serve-too-many", "60")
    }

    fn too_many_logins(&self) -> Response {
        self.wait("jury-login-too-many", "300")
    }

    /// 429: wait `seconds`, says the message `key`.
    fn wait(&self, key: &str, seconds: &'static str) -> Response {
        let w = self.model.words();
        let mut response = self.notice(
            StatusCode::TOO_MANY_REQUESTS,
            w.get("serve-too-many-title"),
            vec![w.get(key)],
            Vec::new(),
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static(seconds));
        response
    }

    fn bad_body(&self, rejection: &BytesRejection) -> Response {
        let w = self.model.words();
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            let size = format!("{} Mio", BODY_LIMIT / (1024 * 1024));
            return self.notice(
                StatusCode::PAYLOAD_TOO_LARGE,
                w.get("serve-too-large-title"),
                vec![t!(w, "serve-too-large", size = size)],
                Vec::new(),
            );
        }
        self.notice(
            StatusCode::BAD_REQUEST,
            w.get("serve-bad-request-title"),
            vec![w.get("serve-bad-request")],
            vec![self.home_link()],
        )
    }

    // -------------------------------------------------------- guessed links

    /// The application with this link, counting a miss against the
    /// address that asked.
    async fn lookup(&self, ip: IpAddr, token: &str) -> Lookup {
        let address = ip.to_string();
        if self.misses.limited(&address) {
            return Lookup::Limited;
        }
        let found = if store::is_token(token) {
            self.store.application(token).await
        } else {
            Ok(None)
        };
        match found {
            Ok(Some(a)) => Lookup::Found(Box::new(a)),
            Ok(None) => {
                self.misses.count(&address);
                Lookup::Missing
            }
            Err(e) => Lookup::Failed(e),
        }
    }

    /// The application with this link: `Err` is the page to answer with
    /// (not found, too many guesses, cannot read).
    async fn find(&self, ip: IpAddr, token: &str) -> Result<store::Application, Response> {
        match self.lookup(ip, token).await {
            Lookup::Found(a) => Ok(*a),
            Lookup::Limited => Err(self.too_many()),
            Lookup::Missing => Err(self.not_found()),
            Lookup::Failed(e) => Err(self.unavailable(&e)),
        }
    }

    // -------------------------------------------------------- the form

    /// The form, showing these fields, with these problems, for this
    /// application (a new one when none).
    fn form(
        &self,
        status: StatusCode,
        application: Option<&store::Application>,
        fields: &fields::Fields,
        problems: &[(String, String)],
    ) -> Response {
        let w = self.model.words();
        let (action, link, lines) = match application {
            None => ("/".to_owned(), None, Vec::new()),
            Some(a) => {
                let mut lines = vec![status_line(&self.model, a)];
                match a.state.as_str() {
                    "needs_completing" => {
                        let until = a.complete_until.as_deref().and_then(desk::parse_date);
                        if let Some(until) = until {
                            lines.push(t!(w, "serve-status-completing", date = w.date(until)));
                        }
                        if let Some(note) = &a.complete_note {
                            lines.push(note.clone());
                        }
                    }
                    "being_reviewed" | "reviewed" | "validated" => {
                        lines.push(w.get("serve-reviewed"));
                    }
                    _ => {
                        if let (Some(_), Some(deadline)) = (&a.sent, self.model.meta.deadline) {
                            lines.push(t!(w, "serve-status-until", date = w.date(deadline)));
                        }
                    }
                }
                (
                    format!("/a/{}", a.token),
                    Some(format!("{}/a/{}", self.base, a.token)),
                    lines,
                )
            }
        };
        let key = store::new_token();
        let receipt = application
            .filter(|a| a.sent.is_some())
            .map(|a| format!("/a/{}/receipt", a.token));
        let served = crate::form::Served {
            action: &action,
            key: &key,
            fields,
            status: lines,
            link: link.as_deref(),
            receipt: receipt.as_deref(),
            problems,
        };
        match crate::form::served(&self.model, &served) {
            Ok((page, policy)) => html(status, page, policy),
            Err(e) => {
                eprintln!("grille serve: the form cannot be shown: {e}");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        }
    }

    /// Reads a post of the form and saves it, as a draft (« Enregistrer »)
    /// or sent; the form comes back with every problem, as typed, when the
    /// answers cannot be kept.
    async fn post(
        &self,
        ip: IpAddr,
        token: Option<&str>,
        headers: &HeaderMap,
        body: Result<Bytes, BytesRejection>,
    ) -> Response {
        let existing = match token {
            Some(token) => match self.find(ip, token).await {
                Ok(a) => Some(a),
                Err(page) => return page,
            },
            None => None,
        };
        // The jury may ask for an application to be completed after the
        // deadline, until a day it sets.
        if !existing.as_ref().is_some_and(completing) {
            if let Some(closed) = self.closed() {
                return closed;
            }
        }
        let body = match body {
            Ok(b) => b,
            Err(rejection) => return self.bad_body(&rejection),
        };
        if !content_type_is(headers, "application/x-www-form-urlencoded") {
            let w = self.model.words();
            return self.notice(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                w.get("serve-bad-request-title"),
                vec![w.get("serve-bad-request")],
                vec![self.home_link()],
            );
        }
        let pairs: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
        let sent = !pairs
            .iter()
            .any(|(k, v)| k == "grille-action" && v == "save");
        let key = pairs
            .iter()
            .find(|(k, _)| k == "grille-cle")
            .map(|(_, v)| v.clone());
        let fields = fields::group(pairs);
        let read = fields::read(&self.model, &fields);
        let engine = Engine::new(&self.model).quiet();
        let mut problems = read.problems.clone();
        let outcome = if problems.is_empty() {
            engine.score(&read.answers)
        } else {
            Err(Vec::new())
        };
        // A draft keeps answers a check refuses; an application sent does
        // not, nor one without its required answers.
        let mut missing = Vec::new();
        if sent {
            if let Err(more) = &outcome {
                problems.extend(more.iter().cloned());
            }
            missing = engine.missing(&read.answers);
        }
        if !problems.is_empty() || !missing.is_empty() {
            let shown = self.problem_words(&problems, &missing);
            return self.form(
                StatusCode::UNPROCESSABLE_ENTITY,
                existing.as_ref(),
                &fields,
                &shown,
            );
        }
        let answers = answers_file(&self.model, &read.answers);
        let new = NewVersion {
            questionnaire: &self.model.id,
            edition: self.model.edition,
            sent,
            answers: &answers,
            score: outcome.ok().map(|o| score(&o)),
        };
        let digest = digest(&body);
        let saved = match key.as_deref() {
            Some(key) if !key.is_empty() && key.len() <= 200 => {
                let key = Key {
                    key,
                    digest: &digest,
                };
                match self.store.save(token, &new, Some(&key)).await {
                    // The page was sent again with other answers (after going
                    // back): a new version, not the old one.
                    Err(Error::KeyReused) => self.store.save(token, &new, None).await,
                    other => other,
                }
            }
            _ => self.store.save(token, &new, None).await,
        };
        match saved {
            Ok((version, _)) => {
                let to = if version.sent {
                    format!("/a/{}/receipt", version.token)
                } else {
                    format!("/a/{}", version.token)
                };
                Redirect::to(&to).into_response()
            }
            Err(Error::NotFound) => self.not_found(),
            Err(Error::Reviewed) => {
                let w = self.model.words();
                self.notice(
                    StatusCode::CONFLICT,
                    w.get("serve-reviewed-title"),
                    vec![w.get("serve-reviewed")],
                    Vec::new(),
                )
            }
            Err(e) => self.unavailable(&e),
        }
    }

    /// Each problem in the candidate's words, on its question.
    fn problem_words(
        &self,
        problems: &[Problem],
        missing: &[&crate::model::Question],
    ) -> Vec<(String, String)> {
        let w = self.model.words();
        let mut shown: Vec<(String, String)> = missing
            .iter()
            .map(|q| (q.id.clone(), w.get("script-required")))
            .collect();
        for p in problems {
            let question = p.question.as_deref().and_then(|id| self.model.question(id));
            let text = match (p.kind, question) {
                (ProblemKind::Answer, Some(q)) => {
                    match crate::form::answer_format(&self.model, q) {
                        Some(format) => t!(w, "serve-invalid-answer-format", format = format),
                        None => w.get("serve-invalid-answer"),
                    }
                }
                (ProblemKind::Check, _) => p.message.clone(),
                (ProblemKind::UnknownQuestion, _) => w.get("serve-unknown-question"),
                _ => w.get("serve-check-failed"),
            };
            let id = question.map(|q| q.id.clone()).unwrap_or_default();
            if !shown.iter().any(|(i, t)| *i == id && *t == text) {
                shown.push((id, text));
            }
        }
        shown
    }
}

/// Whether the jury asked for this application to be completed, and the
/// day it set has not passed.
fn completing(a: &store::Application) -> bool {
    a.state == "needs_completing"
        && a.complete_until
            .as_deref()
            .and_then(desk::parse_date)
            .is_some_and(|until| until >= today())
}

/// What asking for an application by its link found.
enum Lookup {
    Found(Box<store::Application>),
    /// Too many unknown links asked for from this address lately.
    Limited,
    Missing,
    Failed(Error),
}

/// « Brouillon enregistré le 3 juin 2024 à 10 h 12 », « Candidature
/// envoyée le … ».
fn status_line(model: &Model, a: &store::Application) -> String {
    let w = model.words();
    let at = |at: &str| when(model, at);
    match &a.sent {
        None => t!(w, "serve-status-draft", at = at(&a.latest.at)),
        Some(sent) if sent.number == a.latest.number => {
            t!(w, "serve-status-sent", at = at(&sent.at))
        }
        Some(sent) => t!(
            w,
            "serve-status-changed",
            at = at(&a.latest.at),
            sent = at(&sent.at)
        ),
    }
}

/// A stored time in words, in the server's time zone.
fn when(model: &Model, at: &str) -> String {
    let w = model.words();
    match at.parse::<jiff::Timestamp>() {
        Ok(t) => {
            let zoned = t.to_zoned_datetime(jiff::tz::TimeZone::system());
            let date = date_of(&zoned);
            let time = match model.lang {
                crate::words::Lang::Fr => format!("{} h {:02}", zoned.hour(), zoned.minute()),
                crate::words::Lang::En => format!("{:02}:{:02}", zoned.hour(), zoned.minute()),
            };
            t!(w, "serve-at", date = w.date(date), time = time)
        }
        Err(_) => at.to_owned(),
    }
}

fn score(o: &engine::Outcome<'_>) -> Score {
    Score {
        total: o.total.to_decimal(6),
        max: o.max.to_decimal(6),
        level: o.level,
    }
}

/// The answers file of the contract, as `grille score` reads it.
fn answers_file(model: &Model, answers: &Answers) -> String {
    let file = json!({
        "questionnaire": model.id,
        "edition": model.edition,
        "answers": engine::answers::to_json(answers)["answers"],
    });
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

fn digest(body: &[u8]) -> String {
    Sha256::digest(body)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn content_type_is(headers: &HeaderMap, expected: &str) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(expected))
}

/// An HTML page under its Content-Security-Policy.
pub(crate) fn html(status: StatusCode, page: String, policy: String) -> Response {
    let mut response = (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response();
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

// ------------------------------------------------------------ pages

async fn home(State(app): State<Arc<App>>) -> Response {
    if let Some(closed) = app.closed() {
        return closed;
    }
    app.form(StatusCode::OK, None, &fields::Fields::new(), &[])
}

async fn create(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    app.post(peer.ip(), None, &headers, body).await
}

async fn update(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(token): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    app.post(peer.ip(), Some(&token), &headers, body).await
}

async fn application(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(token): Path<String>,
) -> Response {
    let a = match app.find(peer.ip(), &token).await {
        Ok(a) => a,
        Err(page) => return page,
    };
    let read = engine::answers::from_json(&app.model, &a.latest.answers);
    let fields = fields::of_answers(&app.model, &read.answers);
    app.form(StatusCode::OK, Some(&a), &fields, &[])
}

async fn receipt(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(token): Path<String>,
) -> Response {
    let a = match app.find(peer.ip(), &token).await {
        Ok(a) => a,
        Err(page) => return page,
    };
    let w = app.model.words();
    let edit = Link {
        href: format!("/a/{}", a.token),
        text: w.get("serve-receipt-edit"),
    };
    let Some(sent) = &a.sent else {
        // Nothing sent yet: the draft is on the form.
        return Redirect::to(&edit.href).into_response();
    };
    let read = engine::answers::from_json(&app.model, &sent.answers);
    let mut lines = vec![t!(
        w,
        "serve-receipt-sent",
        at = when(&app.model, &sent.at),
        version = sent.number
    )];
    if sent.number != a.latest.number {
        lines.push(status_line(&app.model, &a));
    }
    let result = sent
        .score
        .as_ref()
        .filter(|_| app.model.meta.receipt_result)
        .map(|s| {
            let total =
                crate::num::Num::parse(&s.total).map_or_else(|| s.total.clone(), |n| w.number(&n));
            let max =
                crate::num::Num::parse(&s.max).map_or_else(|| s.max.clone(), |n| w.number(&n));
            let level = match Engine::new(&app.model).level_name(s.level) {
                Some(name) if s.level > 0 => {
                    t!(w, "explain-level", number = s.level, name = w.quoted(name))
                }
                _ => w.get("term-no-level"),
            };
            t!(
                w,
                "serve-receipt-result",
                total = total,
                max = max,
                level = level
            )
        });
    let mut links = vec![edit];
    match app.published().await {
        Ok(Some((published, _))) if published.applications.iter().any(|e| e.id == a.id) => {
            links.push(Link {
                href: format!("/a/{}/result", a.token),
                text: w.get("results-sheet-link"),
            });
        }
        Ok(_) => {}
        Err(e) => return app.unavailable(&e),
    }
    let mut page = Page::receipt(&app.model, &read.answers, lines, result, links);
    page.private_link(&app.model, &format!("{}/a/{}", app.base, a.token));
    html(StatusCode::OK, page.html(), crate::form::plain_policy())
}

/// An address the server does not have: a page, or JSON under `/api/`.
async fn not_found_page(State(app): State<Arc<App>>, uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        return api_error(
            StatusCode::NOT_FOUND,
            "no such address in the API: see docs/serve.md",
        );
    }
    app.not_found()
}

/// A method an address does not answer (`DELETE /api/submissions`).
async fn method_not_allowed(uri: axum::http::Uri) -> Response {
    let message = if uri.path().starts_with("/api/submissions/") {
        "this address answers GET only"
    } else if uri.path().starts_with("/api/") {
        "this address answers POST only"
    } else {
        "this address answers GET and POST only"
    };
    api_error(StatusCode::METHOD_NOT_ALLOWED, message)
}

async fn healthz(State(app): State<Arc<App>>) -> Response {
    if app.store.healthy().await {
        (StatusCode::OK, "ok\n").into_response()
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "the database does not answer\n",
        )
            .into_response()
    }
}

// ------------------------------------------------------------ the API

fn api_error(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(json!({ "error": message }))).into_response()
}

fn api_problems(problems: &[Problem], text: &str) -> Response {
    let problems: Vec<serde_json::Value> = problems
        .iter()
        .map(|p| {
            // The line of the value at fault, as `grille score` shows it.
            let line = p.at.as_ref().map(|at| {
                let before = &text.as_bytes()[..at.start.min(text.len())];
                before.iter().filter(|b| **b == b'\n').count() + 1
            });
            json!({
                "code": p.kind.code(),
                "question": p.question,
                "message": p.message,
                "help": p.kind.help(),
                "line": line,
            })
        })
        .collect();
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        axum::Json(json!({ "error": "the answers are not valid", "problems": problems })),
    )
        .into_response()
}

fn api_version(v: &store::Version, with_answers: bool) -> serde_json::Value {
    let number = |text: &str| {
        serde_json::from_str::<serde_json::Value>(text).unwrap_or(serde_json::Value::Null)
    };
    let mut value = json!({
        "id": v.application,
        "token": v.token,
        "version": v.number,
        "sent": v.sent,
        "received_at": v.at,
        "total": v.score.as_ref().map(|s| number(&s.total)),
        "max": v.score.as_ref().map(|s| number(&s.max)),
        "level": v.score.as_ref().map(|s| s.level),
    });
    if with_answers {
        value["answers"] = serde_json::from_str(&v.answers).unwrap_or(serde_json::Value::Null);
    }
    value
}

async fn api_create(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    if !matches!(app.window(), Window::Open) {
        return api_error(
            StatusCode::FORBIDDEN,
            "the questionnaire does not receive answers today",
        );
    }
    let body = match body {
        Ok(b) => b,
        Err(r) if r.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return api_error(
                StatusCode::PAYLOAD_TOO_LARGE,
                &format!("the body is over the limit of {BODY_LIMIT} bytes"),
            )
        }
        Err(r) => return api_error(StatusCode::BAD_REQUEST, &r.body_text()),
    };
    if !content_type_is(&headers, "application/json") {
        return api_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send an answers file as `Content-Type: application/json`",
        );
    }
    let key = match headers.get("idempotency-key") {
        None => None,
        Some(v) => match v.to_str() {
            Ok(k) if !k.is_empty() && k.len() <= 200 => Some(k.to_owned()),
            _ => {
                return api_error(
                    StatusCode::BAD_REQUEST,
                    "an Idempotency-Key is 1 to 200 visible ASCII characters",
                )
            }
        },
    };
    let Ok(text) = std::str::from_utf8(&body) else {
        return api_error(StatusCode::BAD_REQUEST, "the body is not UTF-8 text");
    };
    let read = engine::answers::from_json(&app.model, text);
    let engine = Engine::new(&app.model).quiet();
    let outcome = match engine.score_read(&read) {
        Ok(o) => o,
        Err(problems) => return api_problems(&problems, text),
    };
    if !read.answers.jury.is_empty()
        || !read.answers.decisions.is_empty()
        || !read.answers.previous.is_empty()
    {
        return api_error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "a submission has no `jury` marks or decisions and no `previous` result: those are the jury's",
        );
    }
    let new = NewVersion {
        questionnaire: &app.model.id,
        edition: app.model.edition,
        sent: true,
        answers: text,
        score: Some(score(&outcome)),
    };
    let digest = digest(&body);
    let key = key.as_deref().map(|key| Key {
        key,
        digest: &digest,
    });
    match app.store.save(None, &new, key.as_ref()).await {
        Ok((version, replay)) => {
            // A request sent again gets the answer it got the first time.
            let mut response = (StatusCode::CREATED, axum::Json(api_version(&version, false))).into_response();
            if replay {
                response
                    .headers_mut()
                    .insert("idempotent-replayed", HeaderValue::from_static("true"));
            }
            response
        }
        Err(Error::KeyReused) => api_error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "this Idempotency-Key was sent before with another body: use a new key for a new submission",
        ),
        Err(Error::NotFound) => api_error(StatusCode::NOT_FOUND, "no such submission"),
        Err(e) => {
            eprintln!("grille serve: {e}");
            api_error(StatusCode::SERVICE_UNAVAILABLE, "the submission cannot be stored for the moment: nothing was stored, try again later")
        }
    }
}

async fn api_get(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(token): Path<String>,
) -> Response {
    match app.lookup(peer.ip(), &token).await {
        Lookup::Found(a) => {
            let v = a.sent.as_ref().unwrap_or(&a.latest);
            axum::Json(api_version(v, true)).into_response()
        }
        Lookup::Limited => api_error(
            StatusCode::TOO_MANY_REQUESTS,
            "too many unknown submissions asked for: try again in a minute",
        ),
        Lookup::Missing => api_error(StatusCode::NOT_FOUND, "no such submission"),
        Lookup::Failed(e) => {
            eprintln!("grille serve: {e}");
            api_error(
                StatusCode::SERVICE_UNAVAILABLE,
                "the database cannot be read for the moment",
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::previous_from_csv;

    #[test]
    fn results_are_read_from_csv_as_spreadsheets_write_it() {
        // French: `;` between cells, a decimal comma, a byte order mark.
        let rows = previous_from_csv(
            "r.csv",
            "\u{feff}key;name;level;total\n732 829 320 00074;Libreville;3;127,5\nAB-1;;0;\n",
            2024,
        )
        .unwrap();
        let got: Vec<(&str, &str, i64, &str)> = rows
            .iter()
            .map(|r| (r.key.as_str(), r.name.as_str(), r.level, r.total.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("73282932000074", "Libreville", 3, "127.5"),
                ("ab-1", "", 0, "")
            ]
        );
        assert!(rows
            .iter()
            .all(|r| r.edition == 2024 && r.answers.is_empty()));
        // English: `,` between cells, the columns in any order.
        let rows = previous_from_csv("r.csv", "level,key\n2,X\n", 2024).unwrap();
        assert_eq!((rows[0].key.as_str(), rows[0].level), ("x", 2));
        let e = previous_from_csv("r.csv", "key;levl\nX;2\n", 2024).unwrap_err();
        assert!(
            e.contains("unknown column `levl` (did you mean `level`?)"),
            "{e}"
        );
        let e = previous_from_csv("r.csv", "key;name\nX;Y\n", 2024).unwrap_err();
        assert!(e.contains("`key` and `level` are needed"), "{e}");
        // A cell over two lines: the next row's line is still right.
        let e = previous_from_csv(
            "r.csv",
            "key;name;level\nX;\"Commune\nde X\";1\nY;Z;un\n",
            2024,
        )
        .unwrap_err();
        assert!(e.contains("line 4: the previous level"), "{e}");
        let e = previous_from_csv("r.csv", "key;level\nX;2;3\nY;2.5\n", 2024).unwrap_err();
        assert!(
            e.contains("line 2: it has 3 cells, but the header has 2")
                && e.contains("line 3: the previous level is a whole number"),
            "{e}"
        );
    }
}
