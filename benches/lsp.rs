//! What `grille lsp` does on each keystroke: the file checked again and its
//! diagnostics converted for the editor (`grille::lsp::diagnostics`), on the
//! 2024 form and on a form of 2,000 questions; a hover; a completion (the
//! file parsed and its outline made, as on each change, then the items).
//!   cargo bench --bench lsp

fn main() {
    divan::main();
}

const FORM: &str = include_str!("../forms/tnl-2024.grille");

/// 2,000 questions in 20 sections, each scored, with conditions.
fn large() -> String {
    let mut text = String::from("questionnaire large \"Large\" edition 2026 { lang en }\n\n");
    for s in 0..20 {
        text.push_str(&format!("section s{s} \"Section {s}\" {{\n"));
        for q in 0..100 {
            let id = format!("Q{s}_{q}");
            if q % 2 == 0 {
                text.push_str(&format!(
                    "  question {id} \"Question {id}?\" yesno yes = 1\n"
                ));
            } else {
                let previous = format!("Q{s}_{}", q - 1);
                text.push_str(&format!(
                    "  question {id} \"How many {id}?\" integer min 0 when {previous}\n    bands {{\n      [0, 10) = 0\n      [10, ∞) = 1\n    }}\n"
                ));
            }
        }
        text.push_str("}\n\n");
    }
    text.push_str("levels {\n  level 1 \"Bronze\" from 500\n  level 2 \"Silver\" from 1000\n}\n");
    text
}

fn uri() -> lsp_types::Uri {
    "file:///bench.grille".parse().expect("a valid address")
}

#[divan::bench]
fn diagnostics_2024_form(bencher: divan::Bencher) {
    let uri = uri();
    bencher.bench(|| grille::lsp::diagnostics(&uri, divan::black_box(FORM)).len());
}

#[divan::bench]
fn diagnostics_2000_questions(bencher: divan::Bencher) {
    let uri = uri();
    let text = large();
    assert!(
        grille::lsp::diagnostics(&uri, &text).is_empty(),
        "the large form checks"
    );
    bencher.bench(|| grille::lsp::diagnostics(&uri, divan::black_box(&text)).len());
}

#[divan::bench]
fn hover_2024_form(bencher: divan::Bencher) {
    let at = FORM.find("when S1").expect("a condition on S1") + 6;
    bencher.bench(|| grille::lsp::hover(divan::black_box(FORM), at).is_some());
}

#[divan::bench]
fn completion_2024_form(bencher: divan::Bencher) {
    // After `S1 in {`: the options of S1.
    let at = FORM.find("when S1 in {").expect("a condition on S1") + "when S1 in {".len();
    assert!(!grille::lsp::completion(FORM, at).is_empty());
    bencher.bench(|| grille::lsp::completion(divan::black_box(FORM), at).len());
}
