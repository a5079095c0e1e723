//! The candidate's HTML form (`formulaire.html`): one self-contained page
//! rendered from a template embedded in the binary. The page's live logic
//! evaluates the same expression trees as `bareme.json` with the evaluator
//! in `assets/form/engine.js`; without JavaScript every question is shown
//! with its condition in words (`crate::words`).

mod minify;
mod view;

use crate::model::Model;
use serde_json::Value;
use sha2::{Digest, Sha256};

const TEMPLATE: &str = include_str!("../../assets/form/formulaire.html");
const STYLE: &str = include_str!("../../assets/form/form.css");
const ENGINE: &str = include_str!("../../assets/form/engine.js");
const INTERFACE: &str = include_str!("../../assets/form/form.js");

/// The page's evaluator (`engine.js`) as embedded, minified. The
/// conformance tests run exactly this text.
pub fn engine_script() -> String {
    minify::script(ENGINE)
}

/// The page's whole script: the evaluator, then the interface.
pub fn script() -> String {
    let mut script = minify::script(ENGINE);
    script.push_str(&minify::script(INTERFACE));
    script
}

/// What the page's evaluator reads: the questionnaire's sections, questions
/// (kinds, conditions, checks) and computed values, in the expression format
/// of `bareme.json`, with every number written as exact text so that
/// JavaScript never rounds it. Scores, levels and examples are left out.
pub fn logic(model: &Model) -> Value {
    let sections: Vec<Value> = model
        .sections
        .iter()
        .map(|s| {
            let items: Vec<Value> = s
                .items
                .iter()
                .map(|item| match item {
                    crate::model::Item::Question(q) => {
                        let mut kind = serde_json::Map::new();
                        let kind_type = match q.kind {
                            crate::model::Kind::LongText => "text",
                            ref k => k.keyword(),
                        };
                        kind.insert("type".into(), kind_type.into());
                        let options: Vec<Value> = q
                            .kind
                            .options()
                            .iter()
                            .map(|o| serde_json::json!({"id": o.id, "exclusive": o.exclusive}))
                            .collect();
                        if !options.is_empty() {
                            kind.insert("options".into(), options.into());
                        }
                        if let crate::model::Kind::Many {
                            min_choices,
                            max_choices,
                            ..
                        } = &q.kind
                        {
                            kind.insert("min_choices".into(), serde_json::json!(min_choices));
                            kind.insert("max_choices".into(), serde_json::json!(max_choices));
                        }
                        let (min, max) = crate::engine::answers::bounds(&q.kind);
                        if q.kind.bounds().is_some() {
                            kind.insert("min".into(), serde_json::json!(min));
                            kind.insert("max".into(), serde_json::json!(max));
                        }
                        serde_json::json!({"question": {
                            "id": q.id,
                            "number": q.number,
                            "label": q.label,
                            "required": q.required,
                            "kind": kind,
                            "when": q.when,
                            "checks": q.checks,
                        }})
                    }
                    crate::model::Item::Note(n) => serde_json::json!({"note": {"when": n.when}}),
                })
                .collect();
            serde_json::json!({
                "id": s.id,
                "number": s.number,
                "title": s.title,
                "when": s.when,
                "checks": s.checks,
                "items": items,
            })
        })
        .collect();
    let computed: Vec<Value> = model
        .computed
        .iter()
        .map(|c| {
            serde_json::json!({
                "id": c.id,
                "label": c.label,
                "expr": c.expr,
                "range": c.range,
            })
        })
        .collect();
    exact(serde_json::json!({
        "questionnaire": {
            "id": model.id,
            "edition": model.edition,
            "sections": sections,
            "computed": computed,
        }
    }))
}

/// Numbers as exact text, for JavaScript.
fn exact(value: Value) -> Value {
    match value {
        Value::Number(n) => Value::String(n.to_string()),
        Value::Array(items) => Value::Array(items.into_iter().map(exact).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, exact(v))).collect()),
        other => other,
    }
}

/// JSON that can sit inside `<script type="application/json">`: no `<`,
/// `>` or `&` (so no `</script>`), and no line separators.
fn script_json(value: &Value) -> String {
    let text = serde_json::to_string(value).unwrap_or_default();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Removes comment lines, blank lines and indentation from the style sheet
/// written for reading. Only whole-line comments are removed
/// (`// …` and `/* … */` blocks starting a line), so no code is touched.
fn compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_block = false;
    for line in text.lines() {
        let line = line.trim();
        if in_block {
            in_block = !line.contains("*/");
            continue;
        }
        if line.starts_with("/*") {
            in_block = !line.contains("*/");
            continue;
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn hash(text: &str) -> String {
    use base64_digest::encode;
    format!("'sha256-{}'", encode(&Sha256::digest(text.as_bytes())))
}

/// Standard base64 of a digest, for Content-Security-Policy hashes.
mod base64_digest {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                chunk.get(1).copied().unwrap_or(0),
                chunk.get(2).copied().unwrap_or(0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }
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

/// Renders `formulaire.html`.
///
/// # Errors
/// Only when the embedded template is broken, which the tests rule out.
pub fn html(model: &Model) -> Result<String, String> {
    let script = script();
    let style = compact(STYLE);
    let data = script_json(&logic(model));
    let csp = policy(&script, &style, model.meta.action.as_deref());
    let page = view::page(model, &script, &style, &data, &csp);

    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.add_template("formulaire.html", TEMPLATE)
        .map_err(|e| format!("the form's template is broken: {e:#}"))?;
    let template = env
        .get_template("formulaire.html")
        .map_err(|e| format!("the form's template is missing: {e:#}"))?;
    let mut text = template
        .render(&page)
        .map_err(|e| format!("the form could not be rendered: {e:#}"))?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64_digest::encode(b""), "");
        assert_eq!(base64_digest::encode(b"f"), "Zg==");
        assert_eq!(base64_digest::encode(b"fo"), "Zm8=");
        assert_eq!(base64_digest::encode(b"foo"), "Zm9v");
        assert_eq!(base64_digest::encode(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn compact_keeps_code_and_drops_comments() {
        let text =
            "// a\n  let x = 1; // kept\n/**\n * doc\n */\n\n  f(x);\n/* one line */\ng();\n";
        assert_eq!(compact(text), "let x = 1; // kept\nf(x);\ng();\n");
    }

    #[test]
    fn script_json_cannot_close_its_element() {
        let v = serde_json::json!({"label": "</script><b>&amp;\u{2028}"});
        let text = script_json(&v);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }
}
