//! The candidate's HTML form (`formulaire.html`): one self-contained page
//! rendered from a template embedded in the binary. The page's live logic
//! evaluates the same expression trees as `bareme.json` with the evaluator
//! in `assets/form/engine.js`; without JavaScript every question is shown
//! with its condition in words (`crate::words`).

mod data;
mod minify;
mod view;

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

/// What the page's evaluator reads, as the JSON text the page embeds: the
/// questionnaire's sections, questions (kinds, conditions, checks) and
/// computed values, in the expression format of `bareme.json`, with every
/// number written as exact text so that JavaScript never rounds it. Scores,
/// levels and examples are left out.
pub fn logic(model: &Model) -> String {
    data::json(model)
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

/// A form with more items than this has its sections rendered on two
/// threads.
const PARALLEL_ABOVE: usize = 400;

/// Where a large form's sections are cut in two parts of about the same
/// size; a small form's stay in one part.
fn halfway(sections: &[view::SectionView]) -> usize {
    let total: usize = sections.iter().map(view::SectionView::size).sum();
    if total <= PARALLEL_ABOVE {
        return sections.len();
    }
    let mut size = 0;
    sections
        .iter()
        .position(|s| {
            size += s.size();
            2 * size >= total
        })
        .map_or(sections.len(), |i| i + 1)
}

/// Renders `formulaire.html`.
///
/// # Errors
/// Only when an embedded template is broken, which the tests rule out.
pub fn html(model: &Model) -> Result<String, String> {
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    for (name, text) in TEMPLATES {
        env.add_template(name, text)
            .map_err(|e| format!("the form's template `{name}` is broken: {e:#}"))?;
    }
    // Each text is rendered into memory reserved for its usual size at once:
    // a large text is not copied as it grows.
    let render = |name: &str, context: minijinja::Value, size: usize| -> Result<String, String> {
        let mut out = Vec::with_capacity(size);
        env.get_template(name)
            .and_then(|t| t.render_captured_to(context, &mut out))
            .map_err(|e| format!("the form could not be rendered: {e:#}"))?;
        String::from_utf8(out).map_err(|e| format!("the form could not be rendered: {e}"))
    };
    let markup = |sections: &[view::SectionView]| {
        let size = 4096 + 1024 * sections.iter().map(view::SectionView::size).sum::<usize>();
        render(
            "sections.html",
            minijinja::context! { sections => sections },
            size,
        )
    };

    let sections = view::sections(model);
    let (first, second) = sections.split_at(halfway(&sections));
    // A large form's second half on another thread.
    let (second, (first, data)) = crate::join(
        || (!second.is_empty()).then(|| markup(second)),
        || (markup(first), logic(model)),
    );
    // The page shows the parts one after the other.
    let mut body = vec![first?];
    if let Some(second) = second {
        body.push(second?);
    }

    let script = script();
    let style = compact(STYLE);
    let csp = policy(&script, &style, model.meta.action.as_deref());
    let page = view::page(
        model,
        view::Parts {
            script: &script,
            style: &style,
            csp: &csp,
        },
    );
    let size = 65536 + script.len() + style.len();
    let page = render(
        "formulaire.html",
        minijinja::Value::from_serialize(&page),
        size,
    )?;
    // The large parts are copied once, into the page, rather than through
    // the template engine.
    let mut text = splice(&page, &[(SECTIONS, &body), (DATA, &[data])])?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

/// Where the page template takes the sections' markup and the data.
const SECTIONS: &str = "<!--grille:sections-->";
const DATA: &str = "<!--grille:data-->";

/// The page with each marker replaced by its parts, one after the other.
/// Every text the template inserts is escaped, so a marker can only come
/// from the template itself; each must appear there once.
fn splice(page: &str, parts: &[(&str, &[String])]) -> Result<String, String> {
    let mut places = Vec::new();
    for &(marker, texts) in parts {
        let mut found = page.match_indices(marker).map(|(at, _)| at);
        match (found.next(), found.next()) {
            (Some(at), None) => places.push((at, marker.len(), texts)),
            _ => return Err(format!("the form's template must hold `{marker}` once")),
        }
    }
    places.sort_by_key(|&(at, ..)| at);
    let size = page.len()
        + parts
            .iter()
            .flat_map(|(_, t)| t.iter())
            .map(String::len)
            .sum::<usize>();
    let mut text = String::with_capacity(size);
    let mut from = 0;
    for (at, len, texts) in places {
        text.push_str(&page[from..at]);
        for t in texts {
            text.push_str(t);
        }
        from = at + len;
    }
    text.push_str(&page[from..]);
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_puts_each_part_in_place_of_its_marker() {
        let page = format!("<p>{DATA}</p>\n{SECTIONS}<b></b>");
        let body = ["<s1>".to_owned(), "<s2>".to_owned()];
        let data = ["{}".to_owned()];
        let text = splice(&page, &[(SECTIONS, &body), (DATA, &data)]).unwrap();
        assert_eq!(text, "<p>{}</p>\n<s1><s2><b></b>");
        // A marker missing or repeated is a broken template.
        assert!(splice("<p></p>", &[(DATA, &data)]).is_err());
        let twice = format!("{DATA}{DATA}");
        assert!(splice(&twice, &[(DATA, &data)]).is_err());
    }

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
}
