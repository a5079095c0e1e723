//! The HTML form's evaluator (assets/form/engine.js, run under Node) and the
//! Rust engine decide the same for the same answer sets: which sections,
//! questions and notes are shown, each computed value and each check; and
//! they read an answer typed as text the same way: accepted (as the same
//! value), blank, or refused.

use grille::engine::{Answers, Engine};
use grille::model::{Answer, Date, Kind, Model};
use grille::num::Num;
use grille::words::{Lang, Words};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

fn model(text: &str) -> (Model, grille::source::Source) {
    let compiled = crate::common::compile("form.grille", text.as_bytes().to_vec());
    let errors: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.severity() == grille::diagnostic::Severity::Error)
        .map(|d| d.message.clone())
        .collect();
    (
        compiled.model.unwrap_or_else(|| panic!("{errors:#?}")),
        compiled.source,
    )
}

fn answers_json(answers: &Answers) -> Value {
    let mut map = serde_json::Map::new();
    for (id, a) in &answers.values {
        map.insert(
            id.clone(),
            match a {
                Answer::Bool(b) => json!(b),
                Answer::Choice(c) => json!(c),
                Answer::Choices(list) => json!(list),
                Answer::Number(n) => json!(n.to_decimal(30)),
                Answer::Text(t) => json!(t),
                Answer::Date(d) => json!(d.to_string()),
            },
        );
    }
    Value::Object(map)
}

/// A small deterministic pseudo-random sequence.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Random answer sets, leaving about one question in five unanswered.
fn random_answers(model: &Model, count: usize, seed: u64) -> Vec<Answers> {
    let mut rng = Lcg(seed);
    // Besides band edges: values that binary floats get wrong.
    let probes = [
        "-5",
        "0",
        "0.1",
        "0.30000000000000001",
        "0.5",
        "1",
        "2",
        "9.99",
        "10",
        "33.333",
        "50",
        "89.99",
        "90",
        "100",
        "1000",
    ];
    (0..count)
        .map(|_| {
            let mut answers = Answers::default();
            for q in model.questions() {
                if rng.next(5) == 0 {
                    continue;
                }
                let answer = match &q.kind {
                    Kind::YesNo => Some(Answer::Bool(rng.next(2) == 0)),
                    Kind::One { options } => {
                        Some(Answer::Choice(options[rng.next(options.len())].id.clone()))
                    }
                    Kind::Many { options, .. } => Some(Answer::Choices(
                        options
                            .iter()
                            .filter(|_| rng.next(3) == 0)
                            .map(|o| o.id.clone())
                            .collect(),
                    )),
                    Kind::Integer(b) | Kind::Decimal(b) | Kind::Percent(b) => {
                        let n = Num::parse(probes[rng.next(probes.len())]).unwrap();
                        let integer = matches!(q.kind, Kind::Integer(_));
                        let n = if integer { n.floor() } else { n };
                        let n = match (&b.min, &b.max) {
                            (Some(lo), _) if n < *lo => lo.clone(),
                            (_, Some(hi)) if n > *hi => hi.clone(),
                            _ => n,
                        };
                        Some(Answer::Number(n))
                    }
                    Kind::Date => Some(Answer::Date(Date {
                        year: 2019 + rng.next(6) as i32,
                        month: 3,
                        day: 1,
                    })),
                    Kind::Text | Kind::LongText => Some(Answer::Text(
                        ["Paris", "Lyon", "Marseille"][rng.next(3)].to_owned(),
                    )),
                    Kind::Email => Some(Answer::Text("a@example.org".to_owned())),
                    Kind::Url => Some(Answer::Text("https://example.org".to_owned())),
                    Kind::Siret => Some(Answer::Text("73282932000074".to_owned())),
                };
                if let Some(a) = answer {
                    answers.values.insert(q.id.clone(), a);
                }
            }
            answers
        })
        .collect()
}

/// Runs the cases through both evaluators and compares them.
/// Runs the evaluator under Node on `input`; its JSON output.
fn node(input: &Value) -> Vec<Value> {
    let dir = crate::common::Scratch::new("conformance");
    let file = dir.join("cases.json");
    std::fs::write(&file, input.to_string()).unwrap();
    let evaluator = dir.join("engine.js");
    std::fs::write(&evaluator, grille::form::ENGINE).unwrap();
    let runner = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/run.js");
    let out = Command::new("node")
        .arg(runner)
        .arg(&file)
        .arg(&evaluator)
        .output()
        .expect("node runs (scripts/test installs it when absent)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn conform(text: &str, mut cases: Vec<Answers>) -> usize {
    let (model, _) = model(text);
    cases.extend(
        model
            .examples
            .iter()
            .map(grille::engine::answers::from_example),
    );
    let engine = Engine::new(&model);
    // Exactly what the page embeds: its data and its evaluator.
    let input = json!({
        "bareme": serde_json::from_str::<serde_json::Value>(&grille::form::logic(&model)).unwrap(),
        "cases": cases.iter().map(|a| json!({ "answers": answers_json(a) })).collect::<Vec<_>>(),
    });
    let js = node(&input);
    assert_eq!(js.len(), cases.len());
    for (i, (answers, from_js)) in cases.iter().zip(&js).enumerate() {
        let from_rust = engine.trace(answers);
        assert_eq!(
            &from_rust,
            from_js,
            "case {i}: answers {}",
            answers_json(answers)
        );
    }
    cases.len()
}

#[test]
#[ignore = "needs Node.js: run `bash scripts/test`"]
fn the_2024_form_conforms() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("forms/tnl-2024.grille"),
    )
    .unwrap();
    let (model, _) = model(&text);
    let cases = random_answers(&model, 300, 2024);
    assert!(conform(&text, cases) > 300);
}

/// Every operator, with unknowns on either side.
const OPERATORS: &str = r#"
questionnaire ops "Opérateurs" edition 2025 { lang fr }
section a "A" {
  question Y "y" yesno
  question O "o" one { x "X"  y "Y"  z "Z" }
  question M "m" many { x "X"  y "Y"  n "N" exclusive }
  question I "i" integer min -10 max 1000
  question D "d" decimal min -10 max 1000
  question P "p" percent
  question T "t" text
  question E "e" date
  note "n1" when Y and not (O in {x, y})
  note "n2" when O not in {z} or M has y
  check soft I >= 0 "i"
  question Q1 "q1" yesno when not Y or I > 5
  question Q2 "q2" yesno when Y = no and (D <= 2.5 or P < 33.34)
  question Q3 "q3" yesno when O != y and M has any and not M has n
  question Q4 "q4" yesno when T = "Paris" or T != "Lyon"
  question Q5 "q5" yesno when E >= 2021-03-01 and E < 2024-03-01
  question Q6 "q6" yesno when -I + D * 2 - P / 4 >= 3 or (I - 1) * (D + 1) = 0
  question Q7 "q7" yesno when ratio > 1 or mixed
    check ratio <= 1000 "r"
  question Q8 "q8" yesno when D > 0.3 or D + 0.2 = 0.3
  question Q9 "q9" yesno when I * 10000000000000000 + 1 > I * 10000000000000000
}
section b "B" when Q1 {
  question B1 "b1" integer min 1 max 100
  question B2 "b2" integer min 0 max 100 when D / B1 > 0.5
  note "n3"
}
compute ratio "Ratio" = (I + 10) / (P + 1) range 0..1010
compute mixed "Mixte" = Y or O = z and not M has x
levels { level 1 "Un" from 0 }
"#;

#[test]
#[ignore = "needs Node.js: run `bash scripts/test`"]
fn every_operator_conforms() {
    let (model, _) = model(OPERATORS);
    let cases = random_answers(&model, 400, 7);
    assert!(conform(OPERATORS, cases) >= 400);
}

/// `count(…)` and the text functions, on texts of every shape.
const FUNCTIONS: &str = r#"
questionnaire fns "Fonctions" edition 2026 { lang fr }
section a "A" {
  question Y1 "y1" yesno
  question Y2 "y2" yesno
  question O1 "o1" one { met "Met"  unmet "Unmet"  na "N/A" }
  question O2 "o2" one { met "Met"  unmet "Unmet" }
  question M "m" many { x "X"  y "Y" }
  question T "t" text
  question L "l" text long
  question U "u" url
}
section b "B" when count(section a in {met, na}) >= 1 or count(section a = yes) = 2 {
  question Q1 "q1" yesno when count(Y1, Y2, O1 = met, M has x) >= 2
  question Q2 "q2" yesno when length(T) >= 5 and contains(T, "lib")
  question Q3 "q3" yesno when starts_with(L, "Le ") or contains_url(L)
  question Q4 "q4" yesno when not contains_url(T) and count(section a has y, section a != no) > 1
  question Q5 "q5" yesno when starts_with(U, "https://www.")
}
compute n "N" = count(Y1, not Y2, M has any) * 10 + length(T) + length(L)
compute k "K" = count(section a = met) >= 1 and contains(L, "ΣΑΣ")
levels { level 1 "Un" from 0 }
"#;

/// Texts for the text functions: web addresses or not, cases, accents.
const TEXTS: &[&str] = &[
    "libre",
    "Logiciel LIBRE",
    "lib",
    "Le projet",
    "le projet",
    "Lepidoptère",
    "voir https://exemple.org",
    "voir https:// rien",
    "HTTP://X.ORG",
    "http:///chemin",
    "https://",
    "www.exemple.org",
    "awww.exemple.org",
    "(www.exemple.org)",
    "www. exemple",
    "www..org",
    "ΣΑΣ est ici",
    "σας",
    "İstanbul",
    "école ÉCOLE",
    "😀😀😀😀😀",
    "e\u{301}cole",
    "texte\u{85}https://x",
    "\u{feff}www.x",
];

#[test]
#[ignore = "needs Node.js: run `bash scripts/test`"]
fn counting_and_text_functions_conform() {
    let (model, _) = model(FUNCTIONS);
    let mut cases = random_answers(&model, 200, 26);
    let mut rng = Lcg(3);
    for (i, case) in cases.iter_mut().enumerate() {
        for id in ["T", "L"] {
            if rng.next(6) > 0 {
                let text = TEXTS[(i + rng.next(TEXTS.len())) % TEXTS.len()];
                case.values
                    .insert(id.to_owned(), Answer::Text(text.to_owned()));
            }
        }
        if rng.next(2) == 0 {
            let url = [
                "https://www.exemple.org",
                "https://exemple.org",
                "HTTPS://WWW.X.ORG",
            ];
            case.values
                .insert("U".to_owned(), Answer::Text(url[rng.next(3)].to_owned()));
        }
    }
    assert!(conform(FUNCTIONS, cases) >= 200);
}

/// One question of each kind, with bounds, for the answers as typed.
const KINDS: &str = r#"
questionnaire kinds "Types" edition 2025 { lang fr }
section a "A" {
  question Y "y" yesno
  question O "o" one { x "X"  y "Y" }
  question M "m" many min 2 max 3 { a "A"  b "B"  c "C"  d "D"  n "N" exclusive }
  question I "i" integer min -10 max 1000
  question D "d" decimal min 0.5 max 99.25
  question P "p" percent
  question E "e" date
  question C "c" email
  question U "u" url
  question S "s" siret
  question T "t" text
}
"#;

/// Texts a candidate may type, hostile ones included.
const TYPED: &[&str] = &[
    "",
    " ",
    "\t",
    "12",
    " 12 ",
    "012",
    "12,5",
    "12.5",
    "-3",
    "+3",
    "- 3",
    "--3",
    "1 000",
    "1\u{a0}000",
    "1\u{202f}000,25",
    "1\u{2009}000",
    "12,",
    "12.",
    ",5",
    ".5",
    "1e3",
    "0x10",
    "1,2,3",
    "1.2.3",
    "99999999999999999999999999",
    "-0",
    "-11",
    "1001",
    "1000",
    "0.4",
    "0.5",
    "99.25",
    "99.26",
    "100",
    "100.5",
    "12abc",
    "١٢",
    "１２",
    "∞",
    "NaN",
    "oui",
    "Non",
    "TRUE",
    "vrai",
    "faux",
    "yes",
    "no",
    "1",
    "0",
    "peut-être",
    "x",
    "y",
    "z",
    "X",
    "a;b",
    "a|b|c",
    "a;a",
    "a;n",
    "n",
    "a",
    "a;b;c;d",
    " a ; b ",
    "2024-03-15",
    " 2024-03-15 ",
    "2024-+3-15",
    "2024-3-15",
    "2021-02-30",
    "2024-02-29",
    "2023-02-29",
    "0000-01-01",
    "2024-13-01",
    "2024-03-15T00:00",
    "２０２４-03-15",
    "a@b.c",
    "a@b",
    "a@.b.c",
    "a@b.c.",
    "a b@c.d",
    "a@b@c.d",
    "@b.c",
    "é@exemple.fr",
    "a@b..c",
    "nom@exemple.fr",
    "https://x",
    "http://x",
    "https://",
    "https:///x",
    "ftp://x",
    "https://a b",
    "HTTPS://x",
    " https://exemple.org/a?b=c ",
    "73282932000074",
    "732 829 320 00074",
    "73282932000075",
    "35600000049837",
    "35600000012345",
    "7328293200007",
    "7328293200007a",
    "١٢٣٤٥٦٧٨٩٠١٢٣٤",
    "texte libre",
    "« guillemets »",
    "\u{feff}12",
    "12\u{85}",
    "\u{85}",
    "\u{3000}12",
];

/// An answer typed as text, read by the Rust engine as the page's
/// evaluator reads it: `{}` blank, `{"value": …}`, or `{"refused": …}`.
fn typed_in_rust(model: &Model, id: &str, raw: &Value) -> Value {
    use grille::engine::answer::{answer, typed, Raw};
    let question = model.question(id).unwrap();
    let raw = match raw {
        Value::Array(list) => Some(Raw::List(
            list.iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect(),
        )),
        Value::String(text) => typed(&question.kind, text),
        other => panic!("{other}"),
    };
    match raw.map(|raw| answer(question, raw)) {
        None | Some(Ok(None)) => json!({}),
        Some(Err(p)) => json!({ "refused": p.message }),
        Some(Ok(Some(a))) => json!({ "value": match a {
            Answer::Bool(b) => json!(b),
            Answer::Choice(c) | Answer::Text(c) => json!(c),
            Answer::Choices(list) => json!(list),
            Answer::Number(n) => json!(n.to_fraction()),
            Answer::Date(d) => json!(d.to_string()),
        }}),
    }
}

#[test]
#[ignore = "needs Node.js: run `bash scripts/test`"]
fn answers_typed_in_the_page_are_read_as_the_engine_reads_them() {
    let (model, _) = model(KINDS);
    let ids: Vec<&str> = model.questions().map(|q| q.id.as_str()).collect();
    let mut cases = Vec::new();
    for id in &ids {
        for text in TYPED {
            cases.push(json!({ "question": id, "raw": text }));
        }
    }
    // Options ticked in the page.
    for list in [
        vec![],
        vec!["a"],
        vec!["a", "b"],
        vec!["a", "b", "c", "d"],
        vec!["a", "a"],
        vec!["n"],
        vec!["n", "a"],
        vec!["z", "a"],
        vec!["A", "b"],
    ] {
        cases.push(json!({ "question": "M", "raw": list }));
    }
    let input = json!({
        "bareme": serde_json::from_str::<Value>(&grille::form::logic(&model)).unwrap(),
        "typed": cases,
    });
    let js = node(&input);
    assert_eq!(js.len(), cases.len());
    let mut disagreements = Vec::new();
    for (case, from_js) in cases.iter().zip(&js) {
        let id = case["question"].as_str().unwrap();
        let from_rust = typed_in_rust(&model, id, &case["raw"]);
        let same = match (from_rust.get("refused"), from_js.get("refused")) {
            (Some(_), Some(_)) => true,
            (None, None) => from_rust == *from_js,
            _ => false,
        };
        if !same {
            disagreements.push(format!(
                "{id} {}: rust {from_rust}, page {from_js}",
                case["raw"]
            ));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

#[test]
#[ignore = "needs Node.js: run `bash scripts/test`"]
fn numbers_are_written_in_each_language_as_the_engine_writes_them() {
    let mut numbers: Vec<String> = [
        "0",
        "-0",
        "1",
        "-1",
        "0.5",
        "-0.5",
        "0.004",
        "0.005",
        "-0.005",
        "0.015",
        "2.675",
        "9.995",
        "-9.995",
        "12.5",
        "1000",
        "9999",
        "10000",
        "-12345.678",
        "123456789",
        "1234567.891",
        "100",
        "99.999",
        "0.1",
        "33.333333",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    // Exact fractions, as the page's computed values are.
    numbers.extend(
        [
            "1/3", "2/3", "-2/3", "200/3", "1/200", "-1/200", "1/8", "100001/7",
        ]
        .map(String::from),
    );
    for (lang, decimals) in Lang::ALL
        .iter()
        .flat_map(|&lang| [None, Some(0), Some(2), Some(3)].map(|d| (lang, d)))
    {
        let (point, thousands) = lang.separators();
        let js = node(&json!({
            "numbers": numbers,
            "separators": [point, thousands],
            "decimals": decimals,
        }));
        for (text, from_js) in numbers.iter().zip(&js) {
            let n = match text.split_once('/') {
                Some((a, b)) => Num::parse(a)
                    .unwrap()
                    .checked_div(&Num::parse(b).unwrap())
                    .unwrap(),
                None => Num::parse(text).unwrap(),
            };
            let w = Words::plain(lang);
            let rust = match decimals {
                Some(d) => w.number_fixed(&n, d),
                None => w.number(&n),
            };
            assert_eq!(
                json!(rust),
                *from_js,
                "{text} in {lang:?}, {decimals:?} decimals"
            );
        }
    }
}
