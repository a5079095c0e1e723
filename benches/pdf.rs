//! In-process time of the questions PDFs (both editions, candidates' and
//! jury's, typeset side by side as `grille build` does), from the checked
//! model to the PDF bytes, with typst's caches emptied before each run as in
//! a fresh `grille build`.
//!   cargo bench --bench pdf
//! The 10,000-question form is written by `bench/gen` (Python 3).

use grille::assets::{Selection, Template};

fn main() {
    divan::main();
}

fn model(name: &str, text: &str) -> grille::model::Model {
    grille::compile(&grille::world::MemoryWorld::new().with(name, text), name)
        .expect("in memory")
        .model
        .expect("the form checks")
}

fn both(model: &grille::model::Model) -> usize {
    typst::comemo::evict(0);
    let pdfs = Selection {
        pdf: true,
        jury_pdf: true,
        ..Selection::NONE
    };
    let source = grille::source::Source::new("form.grille", "");
    let none: Option<&Template> = None;
    grille::assets::build(model, &source, none, pdfs)
        .expect("both PDFs")
        .iter()
        .map(|a| a.bytes.len())
        .sum()
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn tnl_2024_both_editions(bencher: divan::Bencher) {
    let model = model("tnl-2024.grille", include_str!("../forms/tnl-2024.grille"));
    bencher.bench(|| both(divan::black_box(&model)));
}

#[divan::bench(sample_count = 2, sample_size = 1)]
fn synthetic_10000_questions_both_editions(bencher: divan::Bencher) {
    let out = std::process::Command::new("python3")
        .args(["bench/gen", "10000"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("python3 runs bench/gen");
    let text = String::from_utf8(out.stdout).expect("bench/gen writes UTF-8");
    let model = model("synthetic.grille", &text);
    bencher.bench(|| both(divan::black_box(&model)));
}
