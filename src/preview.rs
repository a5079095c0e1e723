//! `grille preview FORM`: the form and both PDFs on a local address, made
//! again each time the file is saved, and the page reloaded. The file is
//! read every quarter of a second; when it changed, it is checked as
//! `grille check` checks it. A version that checks replaces the form and
//! the PDFs; one that does not shows its diagnostics instead, the last good
//! form a click away. The page waits for the next version with a request
//! the server answers when there is one (`/wait?after=N`).

use crate::diagnostic::{render_terminal, ColorMode};
use crate::model::Model;
use crate::t;
use crate::words::{Lang, Words};
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;

const TEMPLATE: &str = include_str!("../assets/preview/page.html");
/// The page's script: reload once the server has a newer version.
const SCRIPT: &str = include_str!("../assets/preview/reload.js");

/// What the file last was.
#[derive(Default)]
struct Version {
    number: u64,
    /// The last version that checked, and its form.
    good: Option<(Arc<Model>, String)>,
    /// The diagnostics of the current version, when it does not check.
    problems: Option<String>,
    /// The file's language, for the page's words.
    lang: Option<Lang>,
}

struct Preview {
    path: String,
    version: Mutex<Version>,
    changes: watch::Sender<u64>,
}

/// Serves the preview of `path` on `listen` until interrupted.
///
/// # Errors
/// When the file cannot be read or the address cannot be listened on.
pub async fn run(path: &str, listen: &str) -> Result<(), String> {
    let (changes, _) = watch::channel(0);
    let preview = Arc::new(Preview {
        path: path.to_owned(),
        version: Mutex::new(Version::default()),
        changes,
    });
    let mut last = read(path)?;
    preview.check(&last);
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|e| format!("cannot listen on `{listen}`: {e}"))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    println!("grille preview: {path} at http://{address}/, stop with Ctrl-C");
    let watching = Arc::clone(&preview);
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_millis(250)).await;
            // A file being written may be missing for a moment: wait.
            let Ok(bytes) = read(&watching.path) else {
                continue;
            };
            if bytes != last {
                last = bytes;
                let checking = Arc::clone(&watching);
                let text = last.clone();
                let _ = tokio::task::spawn_blocking(move || checking.check(&text)).await;
            }
        }
    });
    let router = Router::new()
        .route("/", get(page))
        .route("/form", get(form))
        .route("/wait", get(wait))
        .route("/questions.pdf", get(|s| pdf(s, false)))
        .route("/questions-jury.pdf", get(|s| pdf(s, true)))
        .with_state(preview);
    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| e.to_string())
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read `{path}`: {e}"))
}

impl Preview {
    /// Checks a version of the file and makes it the current one.
    fn check(&self, bytes: &[u8]) {
        let world = crate::world::MemoryWorld::new().with(&self.path, bytes.to_vec());
        let compiled = crate::compile(&world, &self.path);
        let mut version = self
            .version
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        version.number += 1;
        match compiled {
            Ok(c) => match c.model {
                Some(model) => {
                    version.lang = Some(model.lang);
                    match crate::form::html(&model) {
                        Ok(html) => {
                            version.good = Some((Arc::new(model), html));
                            version.problems = None;
                        }
                        Err(e) => version.problems = Some(e.to_string()),
                    }
                }
                None => {
                    let text = render_terminal(&c.source, &c.diagnostics, ColorMode::Never);
                    if c.source.text.contains("lang en") {
                        version.lang.get_or_insert(Lang::En);
                    }
                    version.problems = Some(text);
                }
            },
            Err(e) => version.problems = Some(e.to_string()),
        }
        self.changes.send_replace(version.number);
    }
}

#[derive(Serialize)]
struct PageView {
    lang: &'static str,
    title: String,
    style: &'static str,
    script: &'static str,
    version: u64,
    status: String,
    problems: Option<String>,
    frame_title: String,
    links: Vec<(String, String)>,
}

/// The preview page: the form in a frame, or the diagnostics.
async fn page(State(preview): State<Arc<Preview>>) -> Response {
    let view = {
        let version = preview
            .version
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let lang = version.lang.unwrap_or(Lang::Fr);
        let w = Words::plain(lang);
        let name = version
            .good
            .as_ref()
            .map_or_else(|| preview.path.clone(), |(m, _)| m.title.clone());
        let mut links = Vec::new();
        if version.good.is_some() {
            links.push(("/form".to_owned(), w.get("preview-form")));
            if cfg!(feature = "pdf") {
                links.push(("/questions.pdf".to_owned(), w.get("preview-pdf")));
                links.push(("/questions-jury.pdf".to_owned(), w.get("preview-pdf-jury")));
            }
        }
        let status = match (&version.problems, &version.good) {
            (None, _) => t!(w, "preview-ok", path = preview.path.as_str()),
            (Some(_), Some(_)) => t!(w, "preview-errors", path = preview.path.as_str()),
            (Some(_), None) => t!(w, "preview-errors-first", path = preview.path.as_str()),
        };
        PageView {
            lang: lang.code(),
            title: t!(w, "preview-title", name = name),
            style: crate::form::STYLE,
            script: SCRIPT,
            version: version.number,
            status,
            problems: version.problems.clone(),
            frame_title: w.get("preview-frame"),
            links,
        }
    };
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    let html = env
        .add_template("page.html", TEMPLATE)
        .and_then(|()| env.get_template("page.html"))
        .and_then(|t| t.render(minijinja::Value::from_serialize(&view)))
        .expect("the embedded preview template renders");
    let policy = format!(
        "default-src 'none'; script-src {}; style-src {}; connect-src 'self'; frame-src 'self'; \
         img-src data:; form-action 'none'; base-uri 'none'",
        crate::form::hash(SCRIPT),
        crate::form::hash(crate::form::STYLE)
    );
    let mut response = crate::serve::html(StatusCode::OK, html, policy);
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The last form that checked.
async fn form(State(preview): State<Arc<Preview>>) -> Response {
    let good = preview
        .version
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .good
        .as_ref()
        .map(|(_, html)| html.clone());
    match good {
        Some(html) => (
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            html,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "the file has not checked yet\n").into_response(),
    }
}

/// Answers once the version is newer than `after` (or after 25 seconds,
/// so that no proxy closes the request first), with the current number.
async fn wait(
    State(preview): State<Arc<Preview>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let after: u64 = query.get("after").and_then(|a| a.parse().ok()).unwrap_or(0);
    let mut changes = preview.changes.subscribe();
    let newer = changes.wait_for(|n| *n > after);
    let number = match tokio::time::timeout(Duration::from_secs(25), newer).await {
        Ok(Ok(n)) => *n,
        _ => after,
    };
    ([(header::CACHE_CONTROL, "no-store")], number.to_string()).into_response()
}

/// A PDF of the last version that checked.
async fn pdf(State(preview): State<Arc<Preview>>, jury: bool) -> Response {
    #[cfg(feature = "pdf")]
    {
        let model = preview
            .version
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .good
            .as_ref()
            .map(|(m, _)| Arc::clone(m));
        let Some(model) = model else {
            return (StatusCode::NOT_FOUND, "the file has not checked yet\n").into_response();
        };
        let edition = if jury {
            crate::pdf::Edition::Jury
        } else {
            crate::pdf::Edition::Candidate
        };
        let typeset =
            tokio::task::spawn_blocking(move || crate::pdf::render(&model, edition, None)).await;
        match typeset {
            Ok(Ok(bytes)) => ([(header::CONTENT_TYPE, "application/pdf")], bytes).into_response(),
            Ok(Err(e)) => (StatusCode::INTERNAL_SERVER_ERROR, format!("{e}\n")).into_response(),
            Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, format!("{e}\n")).into_response(),
        }
    }
    #[cfg(not(feature = "pdf"))]
    {
        let _ = (preview, jury);
        (StatusCode::NOT_FOUND, "grille was built without PDFs\n").into_response()
    }
}
