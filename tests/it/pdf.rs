//! The questions PDFs, read back with poppler (`pdftotext`, `pdfinfo`,
//! `pdffonts`; `bash scripts/test` installs them): every question and
//! option is there, the metadata, fonts and tags are right, builds are
//! byte-identical, and texts that look like typst markup are shown as
//! written.

use crate::common::{grille, Scratch};
use grille::model::{Kind, Model};
use grille::words::{Lang, Words};
use std::path::Path;
use std::process::Command;

fn poppler(tool: &str, args: &[&Path]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|_| panic!("{tool} runs (bash scripts/test installs poppler-utils)"));
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text with every kind of space made one space, and hyphenation undone.
fn words(text: &str) -> String {
    text.replace("-\n", "-")
        .split(|c: char| c.is_whitespace() || c == '\u{2060}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn text_of(pdf: &Path) -> String {
    words(&poppler("pdftotext", &[pdf, Path::new("-")]))
}

fn info(pdf: &Path) -> String {
    poppler("pdfinfo", &[pdf])
}

fn model(path: &str) -> Model {
    let text = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    crate::common::compile(path, text).model.unwrap()
}

fn build(form: &str, scratch: &Scratch) -> std::path::PathBuf {
    let dir = scratch.join("out");
    let (code, _, stderr) = grille(&["build", form, "-o", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    dir
}

#[test]
#[ignore = "needs poppler (pdftotext): run `bash scripts/test`"]
fn the_2024_pdfs_hold_every_question_and_option() {
    let scratch = Scratch::new("pdf-2024");
    let dir = build("forms/tnl-2024.grille", &scratch);
    let model = model("forms/tnl-2024.grille");
    let fr = Words::plain(Lang::Fr);
    // The contents, and in the jury's edition the levels, are headings too.
    for (file, pages, more) in [("questions.pdf", 13, 1), ("questions-jury.pdf", 15, 2)] {
        let pdf = dir.join(file);
        let text = text_of(&pdf);
        for q in model.questions() {
            let label = words(&fr.spacing(&q.label));
            assert!(text.contains(&label), "{file}: « {label} »");
            assert!(
                text.contains(&format!("{} ", q.number)),
                "{file}: {}",
                q.number
            );
            for o in q.kind.options() {
                let option = words(&fr.spacing(&o.label));
                assert!(
                    text.contains(&option),
                    "{file}: option « {option} » of {}",
                    q.id
                );
            }
            if matches!(q.kind, Kind::YesNo) {
                assert!(text.contains("Oui") && text.contains("Non"));
            }
        }
        for s in &model.sections {
            assert!(
                text.contains(&format!("{}. {}", s.number, s.title)),
                "{file}: section {}",
                s.id
            );
        }
        // Conditions in words, and French spacing.
        assert!(
            text.contains("Si vous avez répondu « Oui » à la question 1.8."),
            "{file}"
        );
        let info = info(&pdf);
        let field = |name: &str| {
            info.lines()
                .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_owned()))
                .unwrap_or_default()
        };
        assert_eq!(field("Pages:"), pages.to_string(), "{file}");
        assert_eq!(field("Tagged:"), "yes", "{file}");
        assert_eq!(field("Author:"), "ADULLACT");
        assert_eq!(field("Creator:"), "grille");
        assert_eq!(field("CreationDate:"), "Sat Jun  1 00:00:00 2024 UTC");
        assert!(field("Title:").starts_with("Territoire Numérique Libre — Questionnaire"));
        // Each question is a heading below its section's, and the options
        // of a choice question are a list, each box the label of its item.
        let tags = poppler("pdfinfo", &[Path::new("-struct"), &pdf]);
        let count = |tag: &str| {
            tags.lines()
                .filter(|l| l.trim_start().starts_with(&format!("{tag} ")))
                .count()
        };
        assert_eq!(count("H1"), model.sections.len() + more, "{file}: sections");
        assert_eq!(count("H2"), model.questions().count(), "{file}: questions");
        let options: usize = model
            .questions()
            .filter(|q| matches!(q.kind, Kind::One { .. } | Kind::Many { .. }))
            .map(|q| q.kind.options().len())
            .sum();
        assert_eq!(count("LI"), options, "{file}: options as list items");
        assert_eq!(count("Lbl"), options, "{file}: boxes as labels");
        assert_eq!(count("LBody"), options, "{file}: option labels");
        let fonts = poppler("pdffonts", &[&pdf]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty());
        for row in rows {
            // Columns: name, type, encoding, emb, sub, uni, object, generation.
            let cells: Vec<&str> = row.split_whitespace().collect();
            assert_eq!(
                cells[cells.len() - 5],
                "yes",
                "{file}: font not embedded: {row}"
            );
        }
    }
    // The jury's edition adds the barème.
    let jury = text_of(&dir.join("questions-jury.pdf"));
    for needle in [
        "sur 6 points",
        "Plafond : 3 points",
        "de 10 à moins de 30",
        "Note du jury : de 0 à 5 points",
        "Niveaux",
        "160 points",
        "section donnees >= 60%",
    ] {
        assert!(jury.contains(needle), "jury edition: « {needle} »");
    }
    let candidate = text_of(&dir.join("questions.pdf"));
    assert!(!candidate.contains("Plafond") && !candidate.contains("160 points"));
}

#[test]
fn pdf_metadata_is_french_and_standard() {
    let model = model("forms/tnl-2024.grille");
    let bytes = grille::pdf::render(&model, grille::pdf::Edition::Candidate, None).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("/Lang(fr)"), "document language");
    assert!(
        text.contains("<dc:language><rdf:Bag><rdf:li>fr</rdf:li>"),
        "XMP language"
    );
    assert!(text.contains("<pdfuaid:part>1</pdfuaid:part>"), "PDF/UA-1");
    assert!(
        text.contains("<pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>"),
        "PDF/A-2a"
    );
}

#[test]
#[ignore = "needs poppler (pdftotext): run `bash scripts/test`"]
fn texts_that_look_like_markup_are_shown_as_written() {
    let scratch = Scratch::new("pdf-escaping");
    let dir = build("tests/fixtures/pdf/escaping.grille", &scratch);
    for file in ["questions.pdf", "questions-jury.pdf"] {
        let text = text_of(&dir.join(file));
        for needle in [
            "Titre #set $x$ *gras* _souligné_ @ref <lab> \\ // ]",
            "Dièse # dollar $ étoile * souligné _ arobase @ chevron < barre \\ commentaire // crochet ] fin",
            "Option #a $b$ *c* _d_ @e <f> \\g //h ]i",
            "Autre ] ) } // fin",
            "Indice #[x] $y$ // z",
            "#unités",
            "Note #strong(non) $z$ // pas un commentaire",
            "Introduction #emph(x) et du gras vrai.",
            "Org #1 & [crochets]",
            "Avis : #pagebreak() $1 + 1$",
        ] {
            assert!(text.contains(&words(needle)), "{file}: « {needle} » in\n{text}");
        }
    }
}

#[test]
fn builds_are_byte_identical() {
    let model = model("forms/tnl-2024.grille");
    for edition in [grille::pdf::Edition::Candidate, grille::pdf::Edition::Jury] {
        let first = grille::pdf::render(&model, edition, None).unwrap();
        let second = grille::pdf::render(&model, edition, None).unwrap();
        assert!(first == second, "{edition:?}");
    }
}

#[test]
#[ignore = "needs poppler (pdftotext): run `bash scripts/test`"]
fn an_english_questionnaire_gets_english_pdfs() {
    let scratch = Scratch::new("pdf-english");
    let dir = build("docs/examples/maturity.grille", &scratch);
    let french = crate::words::french_words();
    for file in ["questions.pdf", "questions-jury.pdf"] {
        let pdf = dir.join(file);
        let text = text_of(&pdf);
        let found = crate::words::french_in(&text, &french);
        assert!(
            found.is_empty(),
            "{file} holds French words: {found:?}\n{text}"
        );
        assert!(text.contains("Contents"), "{file}: {text}");
        assert!(info(&pdf).contains("Title:"), "{file}");
    }
    let jury = text_of(&dir.join("questions-jury.pdf"));
    // Levels told by their names: no number column, the cumulative rule
    // stated since there are three.
    assert!(jury.contains("Name Threshold Conditions"), "{jury}");
    assert!(jury.contains("Levels are cumulative"), "{jury}");
}

/// `grille build` of the 2024 form into `out` with a PDF template; the exit
/// code and standard error.
fn build_with(template: &str, out: &Path) -> (i32, String) {
    let (code, _, stderr) = grille(&[
        "build",
        "forms/tnl-2024.grille",
        "-o",
        out.to_str().unwrap(),
        "--pdf-template",
        template,
    ]);
    (code, stderr)
}

#[test]
#[ignore = "needs poppler (pdftotext): run `bash scripts/test`"]
fn a_template_of_ones_own_is_used_and_its_errors_name_its_lines() {
    let scratch = Scratch::new("pdf-template");
    let template = scratch.join("mine.typ");
    std::fs::write(
        &template,
        "#let data = json(\"/data.json\")\n#set document(title: data.title, date: datetime(year: 2024, month: 1, day: 1))\n#set text(lang: \"fr\")\n= #data.title\n#for s in data.sections [#s.title (#s.items.len() éléments)\n\n]\n",
    )
    .unwrap();
    let dir = scratch.join("out");
    let (code, stderr) = build_with(template.to_str().unwrap(), &dir);
    assert_eq!(code, 0, "{stderr}");
    let text = text_of(&dir.join("questions.pdf"));
    assert!(
        text.contains("Stratégie et mutualisation (12 éléments)"),
        "{text}"
    );

    std::fs::write(
        &template,
        "#let data = json(\"/data.json\")\n\n#data.nope\n",
    )
    .unwrap();
    let fresh = scratch.join("fresh");
    let (code, stderr) = build_with(template.to_str().unwrap(), &fresh);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("mine.typ:3:7: dictionary does not contain key \"nope\""),
        "{stderr}"
    );
    assert!(stderr.contains("help: fix the template"), "{stderr}");
    assert!(!fresh.exists(), "nothing is written when a template fails");

    let (code, stderr) = build_with("missing.typ", &dir);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("cannot read the PDF template `missing.typ`"),
        "{stderr}"
    );
}

#[test]
fn a_template_asking_for_a_font_grille_does_not_embed_is_refused() {
    let scratch = Scratch::new("pdf-font");
    let template = scratch.join("font.typ");
    std::fs::write(
        &template,
        "#let data = json(\"/data.json\")\n#set document(title: data.title, date: datetime(year: 2024, month: 1, day: 1))\n#set text(lang: \"fr\", font: \"Comic Sans\")\n= #data.title\n",
    )
    .unwrap();
    let out = scratch.join("out");
    let (code, stderr) = build_with(template.to_str().unwrap(), &out);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("font.typ:3:29: unknown font family: comic sans: grille embeds `DejaVu Sans Mono` and `Libertinus Serif` only"),
        "{stderr}"
    );
    assert!(!out.join("questions.pdf").exists());
}
