//! The HTML form as text, without a browser: escaping, the content security
//! policy, no external resource, labels for every control. The browser tests
//! (tests/it/browser.rs) check what a candidate sees and does.

use sha2::{Digest, Sha256};
use std::path::Path;

fn compile(path: &str) -> grille::model::Model {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read(root.join(path)).unwrap();
    let compiled = crate::common::compile(path, text);
    compiled.model.expect("the form checks")
}

fn html(path: &str) -> String {
    grille::form::html(&compile(path)).unwrap()
}

/// The text between `open` and the next `close` after it.
fn between<'a>(text: &'a str, open: &str, close: &str) -> &'a str {
    let start = text
        .find(open)
        .unwrap_or_else(|| panic!("{open} not found"))
        + open.len();
    let end = text[start..].find(close).unwrap() + start;
    &text[start..end]
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            out.push(if i <= c.len() {
                char::from(A[(n >> (18 - 6 * i)) as usize & 63])
            } else {
                '='
            });
        }
    }
    out
}

#[test]
fn source_texts_are_escaped_everywhere() {
    let page = html("tests/browser/fixtures/general.grille");
    // Only the page's own two scripts, and no element from the source.
    assert_eq!(page.matches("<script").count(), 2);
    assert!(!page.contains("<img") && !page.contains("<b>") && !page.contains("<i>"));
    assert!(page.contains("Nom &lt;script&gt;alert(&#x27;label&#x27;)&lt;&#x2f;script&gt;"));
    assert!(page.contains("Commune &lt;img src=x onerror=alert(1)&gt;"));
    assert!(page.contains(
        "Un indice avec &quot;guillemets&quot; &amp; &lt;em&gt;balises&lt;&#x2f;em&gt;."
    ));
    // The embedded data cannot end its element.
    let data = between(&page, "<script type=\"application/json\"", "</script>");
    assert!(!data[data.find('>').unwrap() + 1..].contains('<'));
}

#[test]
fn the_policy_allows_exactly_the_page_script_and_style() {
    let page = html("forms/tnl-2024.grille");
    let policy = between(
        &page,
        "http-equiv=\"Content-Security-Policy\" content=\"",
        "\"",
    )
    .replace("&#x27;", "'")
    .replace("&#x2f;", "/");
    let script = between(&page, "<script>", "</script>");
    let style = between(&page, "<style>", "</style>");
    let hash = |text: &str| format!("'sha256-{}'", base64(&Sha256::digest(text.as_bytes())));
    assert_eq!(
        policy,
        format!(
            "default-src 'none'; script-src {}; style-src {}; img-src data:; form-action 'none'; base-uri 'none'",
            hash(script),
            hash(style)
        )
    );
    let with_action = html("tests/browser/fixtures/general.grille");
    assert!(with_action.contains("form-action https:&#x2f;&#x2f;example.org&#x2f;candidatures;"));
    assert!(with_action.contains("<form id=\"questionnaire\" method=\"post\" action=\"https:&#x2f;&#x2f;example.org&#x2f;candidatures\">"));
}

#[test]
fn nothing_is_fetched() {
    for path in [
        "forms/tnl-2024.grille",
        "tests/browser/fixtures/general.grille",
    ] {
        let page = html(path);
        for needle in [
            " src=\"", "<link", "url(", "@import", "<iframe", "<object", "<embed",
        ] {
            assert!(!page.contains(needle), "{path}: {needle}");
        }
    }
}

#[test]
fn every_control_has_a_label_and_every_choice_a_fieldset() {
    let model = compile("forms/tnl-2024.grille");
    let page = grille::form::html(&model).unwrap();
    let mut controls = 0;
    for rest in page
        .split("<input")
        .skip(1)
        .chain(page.split("<textarea").skip(1))
    {
        let tag = &rest[..rest.find('>').unwrap()];
        if tag.contains("type=\"hidden\"") || tag.contains("type=\"file\"") {
            continue;
        }
        let id = between(tag, "id=\"", "\"");
        assert!(
            page.contains(&format!("<label for=\"{id}\">"))
                || page.contains(&format!("for=\"{id}\">")),
            "no label for {id}"
        );
        controls += 1;
    }
    let mut choices = 0;
    for q in model.sections.iter().flat_map(|s| s.questions()) {
        let grouped = page.contains(&format!(
            "<fieldset class=\"question\" id=\"q-{}-box\"",
            q.id
        ));
        let options = !q.kind.options().is_empty() || q.kind.keyword() == "yesno";
        assert_eq!(grouped, options, "{}: a fieldset exactly for choices", q.id);
        choices += usize::from(grouped);
        assert!(page.contains(&format!("<span class=\"number\">{}</span>", q.number)));
    }
    assert!(
        controls > 200 && choices > 40,
        "{controls} controls, {choices} choices"
    );
}

#[test]
fn conditions_are_written_in_words() {
    let page = html("forms/tnl-2024.grille");
    assert!(page.contains(
        "<p class=\"when\" id=\"q-P8a-when\">Si vous avez répondu « Oui » à la question 1.8.</p>"
    ));
    assert!(page.contains("aria-describedby=\"q-P8a-when q-P8a-error q-P8a-warning\""));
}

#[test]
fn the_page_data_has_exact_numbers() {
    let model = compile("forms/tnl-2024.grille");
    let text = grille::form::logic(&model);
    let data: serde_json::Value = serde_json::from_str(&text).unwrap();
    // Every number is text: JavaScript never rounds it.
    fn no_numbers(v: &serde_json::Value) -> bool {
        match v {
            serde_json::Value::Number(_) => false,
            serde_json::Value::Array(a) => a.iter().all(no_numbers),
            serde_json::Value::Object(o) => o.values().all(no_numbers),
            _ => true,
        }
    }
    assert!(no_numbers(&data), "{text}");
    // Points and levels stay in bareme.json.
    assert!(!text.contains("\"points\"") && !text.contains("\"levels\""));
}

/// A large form's sections are rendered in parts (on two threads): every
/// section and question is on the page once, in the source's order, with a
/// note numbered across the parts.
#[test]
fn a_large_form_is_whole_and_in_order() {
    let mut text = String::from("questionnaire big \"Grand\" edition 2025 {\n  lang fr\n}\n");
    for s in 1..=30 {
        text.push_str(&format!("section s{s} \"Partie {s}\" {{\n"));
        text.push_str(&format!("  note \"Note {s}\"\n"));
        for q in 1..=20 {
            let n = (s - 1) * 20 + q;
            text.push_str(&format!("  question q{n} \"Question {n}\" yesno yes = 1\n"));
        }
        text.push_str("}\n");
    }
    text.push_str("levels {\n  level 1 \"Un\" from 1\n}\n");
    let model = crate::common::compile("big.grille", text.into_bytes())
        .model
        .expect("the form checks");
    let page = grille::form::html(&model).unwrap();
    let mut at = 0;
    for s in 1..=30 {
        let section = format!("<section class=\"section\" id=\"s-s{s}\"");
        assert_eq!(page.matches(&section).count(), 1, "{section}");
        let found = page[at..].find(&section).expect("sections in order") + at;
        let note = format!("<div class=\"note\" id=\"n-{}\">", s - 1);
        assert_eq!(page.matches(&note).count(), 1, "{note}");
        at = page[found..].find(&note).expect("the note in its section") + found;
        for q in 1..=20 {
            let n = (s - 1) * 20 + q;
            let box_ = format!("id=\"q-q{n}-box\"");
            assert_eq!(page.matches(&box_).count(), 1, "{box_}");
            at = page[at..].find(&box_).expect("questions in order") + at;
        }
    }
    assert!(page.ends_with("</html>\n"));
}

/// A computed value's label that ends with a colon gets one colon only.
#[test]
fn a_label_ending_with_a_colon_is_not_given_a_second() {
    let text = "questionnaire t \"T\" edition 2025 { lang fr }\nsection s \"S\" {\n  question A \"Postes\" integer min 1\n  question B \"Sous Linux\" integer min 0\n  compute part \"Part des postes sous Linux :\" = 100 * B / A\n}\n";
    let model = crate::common::compile("t.grille", text.as_bytes().to_vec())
        .model
        .unwrap();
    let page = grille::form::html(&model).unwrap();
    assert!(
        page.contains("<span id=\"c-part-label\">Part des postes sous Linux</span> : <output"),
        "{}",
        between(&page, "<p class=\"computed\"", "</p>")
    );
}
