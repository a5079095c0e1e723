//! Benchmarks of each stage on the 2024 form: parse, check, score.
//!   cargo bench --bench pipeline

use grille::engine::{answers, Engine};

fn main() {
    divan::main();
}

const FORM: &str = include_str!("../forms/tnl-2024.grille");
const COMPLETE: &str = include_str!("../tests/fixtures/answers/complet.json");
const PARTIAL: &str = include_str!("../tests/fixtures/answers/libreville.json");

fn model() -> grille::model::Model {
    grille::compile_bytes("tnl-2024.grille", FORM.as_bytes().to_vec())
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
