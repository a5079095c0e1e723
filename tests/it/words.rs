//! grille's own words: the French and English catalogs hold the same
//! messages with the same arguments, every message is used and every key
//! the code asks for exists, and an English questionnaire's outputs hold no
//! French word of grille's own.

use crate::common::{grille, Scratch};
use grille::words::{self, Lang};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Each message of a catalog with the `$arguments` it reads.
fn messages(lang: Lang) -> BTreeMap<&'static str, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for key in words::keys(lang) {
        let args = words::arguments(lang, key).into_iter().collect();
        assert!(out.insert(key, args).is_none(), "{key} is given twice");
    }
    out
}

#[test]
fn both_catalogs_have_the_same_messages_with_the_same_arguments() {
    let fr = messages(Lang::Fr);
    let en = messages(Lang::En);
    let mut problems = Vec::new();
    for (key, args) in &fr {
        match en.get(key) {
            None => problems.push(format!("{key}: missing in en.ftl")),
            Some(other) if other != args => {
                problems.push(format!(
                    "{key}: reads {args:?} in fr.ftl, {other:?} in en.ftl"
                ));
            }
            Some(_) => {}
        }
    }
    for key in en.keys().filter(|k| !fr.contains_key(*k)) {
        problems.push(format!("{key}: missing in fr.ftl"));
    }
    // The same order, so that the two files read side by side.
    let order = |lang| words::keys(lang).collect::<Vec<_>>();
    if problems.is_empty() && order(Lang::Fr) != order(Lang::En) {
        problems.push("the messages are not in the same order".to_owned());
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every file of grille's own that may name a message.
fn sources() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![
        root().join("src"),
        root().join("assets/form"),
        root().join("assets/pdf"),
    ];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                out.push((path.display().to_string(), text));
            }
        }
    }
    out
}

#[test]
fn every_message_is_used_and_every_key_asked_for_exists() {
    let sources = sources();
    let catalog = Lang::Fr.catalog();
    let keys: BTreeSet<&str> = words::keys(Lang::Fr).collect();
    let mut problems = Vec::new();
    for key in &keys {
        let quoted = format!("\"{key}\"");
        let referenced = format!("{{ {key} }}");
        if !sources.iter().any(|(_, text)| text.contains(&quoted)) && !catalog.contains(&referenced)
        {
            problems.push(format!("{key}: used nowhere"));
        }
    }
    // Every literal that looks like a key of the catalog is one.
    let prefixes: BTreeSet<&str> = keys
        .iter()
        .filter_map(|k| k.split_once('-'))
        .map(|(p, _)| p)
        .collect();
    for (file, text) in &sources {
        for (at, _) in text.match_indices('"') {
            let rest = &text[at + 1..];
            let Some(end) = rest.find('"') else { continue };
            let literal = &rest[..end];
            let looks_like_key = literal
                .split_once('-')
                .is_some_and(|(p, tail)| prefixes.contains(p) && !tail.is_empty())
                && literal
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if looks_like_key && !keys.contains(literal) {
                problems.push(format!(
                    "{file}: `{literal}` is not a message of the catalog"
                ));
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_terms_are_the_ones_the_schema_allows() {
    let schema: serde_json::Value = serde_json::from_str(grille::bareme::BAREME_SCHEMA).unwrap();
    let allowed: Vec<&str> = schema["$defs"]["meta"]["properties"]["terms"]["propertyNames"]
        ["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(allowed, words::term_names().collect::<Vec<_>>());
}

/// The words of ours an English output must not hold: the French
/// catalog's words that the English one does not use.
pub fn french_words() -> BTreeSet<String> {
    let split = |text: &str| -> BTreeSet<String> {
        text.split(|c: char| !c.is_alphabetic() && c != '’')
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let strip = |text: &str| -> String {
        // Comments and message ids are not words shown to anyone.
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split_once(" = ").map_or(l, |(_, v)| v))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let fr = split(&strip(Lang::Fr.catalog()));
    let en = split(&strip(Lang::En.catalog()));
    fr.difference(&en).cloned().collect()
}

/// What a page shows: its text and attribute values, without its script
/// and style (code, whose comments and names are not shown).
fn shown(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        for element in ["<script", "<style"] {
            if rest.starts_with(element) {
                let close = format!("</{}>", &element[1..]);
                rest = rest.find(&close).map_or("", |end| &rest[end..]);
            }
        }
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        // The attributes that are read out are kept.
        let tag = &rest[..end];
        for name in ["title=\"", "aria-label=\"", "alt=\"", "placeholder=\""] {
            if let Some(at) = tag.find(name) {
                let value = &tag[at + name.len()..];
                out.push(' ');
                out.push_str(&value[..value.find('"').unwrap_or(value.len())]);
            }
        }
        out.push(' ');
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

pub fn french_in(text: &str, french: &BTreeSet<String>) -> Vec<String> {
    let mut found: Vec<String> = text
        .split(|c: char| !c.is_alphabetic() && c != '’')
        .map(str::to_lowercase)
        .filter(|w| french.contains(w))
        .collect();
    found.sort();
    found.dedup();
    found
}

#[test]
fn an_english_questionnaire_gets_english_words_only() {
    let french = french_words();
    assert!(french.contains("réponses") && french.contains("obligatoire"));
    let form = "docs/examples/maturity.grille";
    let scratch = Scratch::new("english");
    let out = scratch.join("out");
    let (code, _, stderr) = grille(&["build", form, "-o", out.to_str().unwrap(), "--only", "form"]);
    assert_eq!(code, 0, "{stderr}");
    let html = std::fs::read_to_string(out.join("formulaire.html")).unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    let found = french_in(&shown(&html), &french);
    assert!(
        found.is_empty(),
        "formulaire.html holds French words: {found:?}"
    );
    // The script's own words, embedded as data.
    let data = &html[html.find("id=\"grille-data\"").unwrap()..];
    let data = &data[..data.find("</script>").unwrap()];
    assert!(data.contains("\"script-required\":\"Answer this question: it is required.\""));
    let found = french_in(data, &french);
    assert!(
        found.is_empty(),
        "the script's words hold French words: {found:?}"
    );
    // The explanation of a score, and the examples' traces.
    let answers = scratch.join("answers.json");
    std::fs::write(
        &answers,
        r#"{"answers": {"license": true, "spdx": "some", "maintainers": 3, "policy": true}}"#,
    )
    .unwrap();
    let (_, explained, _) = grille(&["score", form, answers.to_str().unwrap(), "--explain"]);
    assert!(explained.contains("Levels:"), "{explained}");
    let found = french_in(&explained, &french);
    assert!(
        found.is_empty(),
        "the explanation holds French words: {found:?}\n{explained}"
    );
    let (_, tests, _) = grille(&["test", form, "--format", "json"]);
    let found = french_in(&tests, &french);
    assert!(
        found.is_empty(),
        "the examples' traces hold French words: {found:?}"
    );
}

#[test]
fn a_french_questionnaire_without_terms_is_neutral() {
    let scratch = Scratch::new("neutral");
    let out = scratch.join("out");
    let form = "docs/examples/severity.grille";
    let (code, _, stderr) = grille(&["build", form, "-o", out.to_str().unwrap(), "--only", "form"]);
    assert_eq!(code, 0, "{stderr}");
    let html = std::fs::read_to_string(out.join("formulaire.html")).unwrap();
    let text = shown(&html).to_lowercase();
    for word in ["candidat", "labellis", "collectivit"] {
        assert!(!text.contains(word), "« {word} » in {form}'s form");
    }
    assert!(html.contains(">Questionnaire 2026</span>"));
    // The form has no `action`: it checks and downloads.
    assert!(html.contains("Vérifier et télécharger mes réponses"));
}
