//! The candidate's HTML form (`formulaire.html`): one self-contained page
//! rendered from a template embedded in the binary. The page's live logic
//! evaluates the same expression trees as `bareme.json` with the evaluator
//! in `assets/form/engine.js`; without JavaScript every question is shown
//! with its condition in words (`crate::french`).

mod data;
mod view;

pub use view::{banner_words, Served};

use crate::model::Model;
use sha2::{Digest, Sha256};

/// The page, its sections, and the macro both use; the names are those the
/// templates use to import each other.
const TEMPLATES: [(&str, &str); 3] = [
    (
        "formulaire.html",
        include_str!("../../assets/form/formulaire.html"),
    ),
    (
        "sections.html",
        include_str!("../../assets/form/sections.html"),
    ),
    (
        "paragraphs.html",
        include_str!("../../assets/form/paragraphs.html"),
    ),
];
/// The form's style sheet (the other pages of `grille serve` use it too).
pub const STYLE: &str = include_str!("../../assets/form/form.css");
/// The page's evaluator (`engine.js`), as the page embeds it: the
/// conformance tests run exactly this text.
pub const ENGINE: &str = include_str!("../../assets/form/engine.js");
const INTERFACE: &str = include_str!("../../assets/form/form.js");

/// The page's whole script: the evaluator, then the interface.
fn script() -> String {
    format!("{ENGINE}{INTERFACE}")
}

/// What the page's evaluator reads, as the JSON text the page embeds: the
/// questionnaire's sections, questions (kinds, conditions, checks) and
/// computed values, in the expression format of `bareme.json`, with every
/// number written as exact text so that JavaScript never rounds it. Scores,
/// levels and examples are left out.
pub fn logic(model: &Model) -> String {
    data::json(model)
}

pub(crate) fn hash(text: &str) -> String {
    use base64::Engine as _;
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The page's Content-Security-Policy: nothing may be fetched or connected
/// to; only the page's own script and style run; the form may be sent only
/// to the questionnaire's `action` address.
fn policy(script: &str, style: &str, action: Option<&str>) -> String {
    let target = action.map_or_else(|| "'none'".to_owned(), str::to_owned);
    format!(
        "default-src 'none'; script-src {}; style-src {}; img-src data:; \
         form-action {target}; base-uri 'none'",
        hash(script),
        hash(style)
    )
}

/// What an answer to this question looks like, in words, as the page says
/// it under the question (« Nombre entier de 0 à 30, en années. »).
pub fn answer_format(model: &Model, question: &crate::model::Question) -> Option<String> {
    view::format(&question.kind, model.words())
}

/// The Content-Security-Policy of a page with no script: only its style
/// sheet, forms posted to the same server.
pub fn plain_policy() -> String {
    format!(
        "default-src 'none'; style-src {}; img-src data:; form-action 'self'; base-uri 'none'",
        hash(STYLE)
    )
}

/// Renders `formulaire.html`.
///
/// # Errors
/// Only when an embedded template is broken, which the tests rule out.
pub fn html(model: &Model) -> Result<String, minijinja::Error> {
    render(model, None).map(|(page, _)| page)
}

/// The page as `grille serve` serves it, and its Content-Security-Policy
/// (sent as a header too): the form posts back to the server, shows the
/// answers given so far and the problems of the last post.
///
/// # Errors
/// Only when an embedded template is broken, which the tests rule out.
pub fn served(model: &Model, served: &Served<'_>) -> Result<(String, String), minijinja::Error> {
    render(model, Some(served))
}

fn render(
    model: &Model,
    served: Option<&Served<'_>>,
) -> Result<(String, String), minijinja::Error> {
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    for (name, text) in TEMPLATES {
        env.add_template(name, text)?;
    }
    let script = script();
    let action = match served {
        Some(_) => Some("'self'"),
        None => model.meta.action.as_deref(),
    };
    let csp = policy(&script, STYLE, action);
    let page = view::page(
        model,
        view::Parts {
            script: &script,
            style: STYLE,
            csp: &csp,
            data: logic(model),
        },
        served,
    );
    let mut text = env
        .get_template("formulaire.html")?
        .render(minijinja::Value::from_serialize(&page))?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok((text, csp))
}
