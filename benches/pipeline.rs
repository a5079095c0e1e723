//! Benchmarks of each stage on the 2024 form: parse, check, score, the
//! emitters (bareme.json, answers.schema.json, formulaire.html) and fmt.
//! The PDFs have their own: `cargo bench --bench pdf`.
//!   cargo bench --bench pipeline

use grille::engine::{answers, Engine};

fn main() {
    divan::main();
}

const FORM: &str = include_str!("../forms/tnl-2024.grille");
const COMPLETE: &str = include_str!("../tests/fixtures/answers/complet.json");
const PARTIAL: &str = include_str!("../tests/fixtures/answers/libreville.json");

fn model() -> grille::model::Model {
    grille::compile(
        &grille::world::MemoryWorld::new().with("tnl-2024.grille", FORM),
        "tnl-2024.grille",
    )
    .expect("in memory")
    .model
    .expect("the 2024 form checks")
}

#[divan::bench]
fn parse(bencher: divan::Bencher) {
    bencher.bench(|| grille::syntax::parse(divan::black_box(FORM)).is_ok());
}

#[divan::bench]
fn parse_and_check(bencher: divan::Bencher) {
    let file = grille::syntax::parse(FORM).unwrap();
    bencher.bench(|| {
        grille::check::check(divan::black_box(&file), FORM)
            .model
            .is_some()
    });
}

/// One answer set scored, everything answered (the throughput figure).
#[divan::bench]
fn score_complete(bencher: divan::Bencher) {
    let model = model();
    let engine = Engine::new(&model);
    let read = answers::from_json(&model, COMPLETE);
    bencher.bench(|| {
        engine
            .score(divan::black_box(&read.answers))
            .map(|o| o.level)
    });
}

/// One answer set scored, partly answered, with hidden answers and jury missing.
#[divan::bench]
fn score_partial(bencher: divan::Bencher) {
    let model = model();
    let engine = Engine::new(&model);
    let read = answers::from_json(&model, PARTIAL);
    bencher.bench(|| {
        engine
            .score(divan::black_box(&read.answers))
            .map(|o| o.level)
    });
}

/// Reading and validating an answers file, then scoring it.
#[divan::bench]
fn read_and_score(bencher: divan::Bencher) {
    let model = model();
    let engine = Engine::new(&model);
    bencher.bench(|| {
        engine
            .score_read(&answers::from_json(&model, divan::black_box(COMPLETE)))
            .map(|o| o.level)
    });
}

/// `bareme.json`.
#[divan::bench]
fn emit_bareme(bencher: divan::Bencher) {
    let model = model();
    let source = grille::source::Source::new("tnl-2024.grille", FORM);
    bencher.bench(|| grille::bareme::to_json(divan::black_box(&model), &source).len());
}

/// `answers.schema.json`.
#[divan::bench]
fn emit_answers_schema(bencher: divan::Bencher) {
    let model = model();
    bencher.bench(|| grille::bareme::answers_schema(divan::black_box(&model)).len());
}

/// `formulaire.html`: the template rendered, the script and style hashed.
#[divan::bench]
fn emit_form(bencher: divan::Bencher) {
    let model = model();
    bencher.bench(|| grille::form::html(divan::black_box(&model)).map(|h| h.len()));
}

/// `grille fmt` of the 2024 form.
#[divan::bench]
fn format(bencher: divan::Bencher) {
    bencher.bench(|| grille::fmt::format(divan::black_box(FORM)).map_or(0, |t| t.len()));
}
