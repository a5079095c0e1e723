//! The recursive-descent reader against the pest grammar and its tree
//! builder: on every questionnaire of the repository, every ```grille block
//! of the documentation, thousands of mutations of them and a list of edge
//! cases, both must give the same verdict and, when the file is valid, the
//! same tree, spans included.

use std::path::{Path, PathBuf};

/// Both parsers agree on `text`; returns whether it is valid.
fn agree(text: &str) -> bool {
    let fast = grille::syntax::recursive_descent(text);
    match (fast, grille::syntax::reference(text)) {
        (Some(fast), Ok(reference)) => {
            assert_eq!(fast, reference, "different trees for:\n{text}");
            true
        }
        (None, Err(_)) => false,
        (Some(_), Err(d)) => panic!("read although pest refuses it ({}):\n{text}", d.message),
        (None, Ok(_)) => panic!("not read although pest reads it:\n{text}"),
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "grille") {
            out.push(path);
        }
    }
}

/// Every questionnaire file of the repository, and the ```grille blocks of
/// its Markdown pages (fragments included: they must fail alike).
fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in ["forms", "tests/fixtures"] {
        files(&root.join(dir), &mut paths);
    }
    paths.sort();
    let mut texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect();
    let mut pages = vec![root.join("README.md")];
    pages.extend(
        std::fs::read_dir(root.join("docs"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md")),
    );
    pages.sort();
    for page in pages {
        let markdown = std::fs::read_to_string(page).unwrap();
        let mut block: Option<String> = None;
        for line in markdown.lines() {
            match &mut block {
                None if line.trim_start() == "```grille" => block = Some(String::new()),
                Some(b) if line.trim_start() == "```" => texts.push(std::mem::take(b)),
                Some(b) => {
                    b.push_str(line);
                    b.push('\n');
                }
                None => {}
            }
            if line.trim_start() == "```" {
                block = None;
            }
        }
    }
    texts
}

#[test]
fn every_questionnaire_and_documented_block_reads_the_same() {
    let texts = corpus();
    let valid = texts.iter().filter(|t| agree(t)).count();
    assert!(texts.len() > 100, "{} files", texts.len());
    assert!(valid > 40, "only {valid} valid files");
}

fn lcg(seed: &mut u64) -> usize {
    *seed = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    (*seed >> 33) as usize
}

/// Pieces that change how a file reads: every keyword, operator and kind
/// of literal, and the characters at the edges of tokens.
const INSERTS: &[&str] = &[
    " ",
    "\n",
    "\t",
    "\r\n",
    "# c\n",
    "#",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ",",
    "=",
    "==",
    "..",
    "\"",
    "\"x\"",
    "\"\"\"",
    "\"\"\"\n  a\n\"\"\"",
    "\\",
    "\\n",
    "-",
    "+",
    "*",
    "/",
    "<",
    ">",
    "<=",
    ">=",
    "!=",
    "≤",
    "≥",
    "≠",
    "×",
    "∞",
    "+∞",
    "%",
    "0",
    "1",
    "12",
    "0.5",
    "-3",
    "1.",
    "2024-03-15",
    "2024-03-15x",
    "é",
    "\u{feff}",
    "_",
    "x",
    "a1",
    "and",
    "or",
    "not",
    "in",
    "has",
    "any",
    "yes",
    "no",
    "true",
    "false",
    "section",
    "total",
    "questionnaire",
    "edition",
    "intro",
    "note",
    "compute",
    "range",
    "question",
    "yesno",
    "one",
    "many",
    "integer",
    "decimal",
    "percent",
    "text",
    "long",
    "date",
    "email",
    "url",
    "siret",
    "exclusive",
    "required",
    "hint",
    "when",
    "min",
    "max",
    "unit",
    "cap",
    "jury",
    "score",
    "bands",
    "inf",
    "check",
    "soft",
    "levels",
    "cumulative",
    "independent",
    "none",
    "level",
    "from",
    "gate",
    "description",
    "example",
    "answers",
    "expect",
    "invalid",
    "not in",
    "has any",
];

#[test]
fn mutations_read_the_same() {
    let texts: Vec<String> = corpus().into_iter().filter(|t| t.len() < 40_000).collect();
    let mut seed = 7;
    let (mut runs, mut valid) = (0, 0);
    for text in &texts {
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for _ in 0..40 {
            let at = boundaries[lcg(&mut seed) % boundaries.len()];
            let next_from = |n: usize| {
                boundaries
                    .iter()
                    .find(|&&b| b >= at + n)
                    .copied()
                    .unwrap_or(text.len())
            };
            let short = next_from(1);
            // A short stretch: long cuts rarely leave a valid file.
            let stretch = next_from(lcg(&mut seed) % 120);
            let insert = INSERTS[lcg(&mut seed) % INSERTS.len()];
            let mutated = match lcg(&mut seed) % 4 {
                0 => format!("{}{insert}{}", &text[..at], &text[at..]),
                1 => format!("{}{}", &text[..at], &text[short..]),
                2 => format!("{}{insert}{}", &text[..at], &text[short..]),
                _ => format!("{}{}", &text[..at], &text[stretch..]),
            };
            valid += usize::from(agree(&mutated));
            runs += 1;
        }
    }
    assert!(runs > 4000, "{runs} mutations");
    // Enough of them stay valid to compare trees, not only verdicts.
    assert!(valid * 5 > runs, "{valid} of {runs} mutations are valid");
}

/// A file large enough to be read in two parts, with top-level computed
/// values whose sets end with a `}` at no depth, where a part may begin.
fn large_form() -> String {
    let mut text = String::from("questionnaire t \"T\" edition 2025 { lang fr }\n");
    let mut n = 0;
    while text.len() < 3 * 64 * 1024 {
        n += 1;
        text.push_str(&format!(
            "section s{n} \"Section {n}\" {{\n  question Q{n} \"Choix {n}\" one {{ a \"A\" = 1  b \"B\" }}\n  \
             question R{n} \"Nombre {n}\" integer min 0 when Q{n} in {{a}}\n    bands {{ [0, 1) = 0  [1, ∞) = 2 }}\n}}\n\
             compute c{n} = Q{n} in {{a, b}}\ncompute d{n} = Q{n} not in {{b}} or R{n} > 2\n"
        ));
    }
    text.push_str("levels { level 1 \"Un\" from 1 }\nexample e { expect level 1 }\n");
    text
}

#[test]
fn large_files_read_in_two_parts_the_same() {
    let text = large_form();
    assert!(agree(&text));
    // Every `}` of the middle third, where the second part may begin: the
    // file as is, and with what could continue a computed value inserted
    // after it.
    let braces: Vec<usize> = text
        .match_indices('}')
        .map(|(i, _)| i + 1)
        .filter(|&i| i > text.len() / 3 && i < 2 * text.len() / 3)
        .collect();
    let mut seed = 11;
    let mut valid = 0;
    for &at in braces.iter().step_by(41) {
        let insert = [
            "\n or c1",
            " range 0..1",
            "\nsection",
            " and",
            "}",
            "{",
            "\"",
            "\n",
        ][lcg(&mut seed) % 8];
        let mutated = format!("{}{insert}{}", &text[..at], &text[at..]);
        valid += usize::from(agree(&mutated));
        let cut = format!("{}{}", &text[..at], &text[at + 1..]);
        valid += usize::from(agree(&cut));
    }
    assert!(valid > 5, "{valid} valid mutations");
}

const HEADER: &str =
    "questionnaire t \"T\" edition 2025 { lang fr deadline 2025-01-31 n -2.5 k v }\n";

#[test]
fn expressions_and_edge_cases_read_the_same() {
    let conditions = [
        "a or b and c",
        "not a = 1 and b",
        "a = not b",
        "- a * b + c / d - e",
        "a - -b",
        "--a",
        "not not a",
        "a in {x, y,} or a not in {x} and b has any or b has x",
        "a in {}",
        "(a + b) * (c - (d))",
        "a has anything",
        "a not b",
        "a === b",
        "a <= 1 and b ≥ 2 and c ≠ d and e × 2 > f",
        "50% <= section s and total >= 10",
        "2024-03-15 < d",
        "2024-03-15x",
        "1.5 + 2. ",
        "12abc",
        "\"t\\\"\\n\" = a",
        "yes = a and true != no",
        "sectionx + totals",
        "section",
        "section 1",
        "in",
        "any",
        "a = required",
        "a # comment\n and b",
        "a\n<\n=1",
        "not(a)",
        "nota",
        "a in {x} in {y}",
        "a has any has any",
        "a - - - 1",
        "(a",
        "a)",
        "",
    ];
    for c in conditions {
        let form = format!(
            "{HEADER}section s \"S\" when {c} {{\n  question q \"Q\" integer when {c} required\n  check {c} \"m\"\n  note \"n\" when {c}\n}}\ncompute k = {c} range 0..1\nlevels {{ level 1 \"L\" gate {c} from 1 }}\n"
        );
        agree(&form);
        agree(&format!("{HEADER}compute k = {c}\n"));
        agree(&format!("{HEADER}compute k \"K\" = {c} range -1.5..2\n"));
    }
    let parts = [
        "one { a \"A\" = 1 exclusive b \"B\" = -0.5 c \"C\" }",
        "one { a \"A\" exclusive \"B\" }",
        "many { }",
        "many{a\"A\"=1}cap 3 min 1 max 2",
        "text long",
        "text  # c\n long hint \"h\"",
        "textlong",
        "yesno yes = 2 no = 1",
        "yesno yes 2",
        "yesno no = -1",
        "integer min -5 max 10 unit \"u\" jury 0..5",
        "decimal bands { [0, 1) = 0 (1, ∞) = 2 [2, +∞] = 3 [3, inf) = 4 }",
        "decimal score q * 2 bands { [0,1)=0 }",
        "decimal score bands { [0,1)=0 }",
        "decimal bands { [0, 1) = 0, }",
        "percent check soft q > 1 \"m\" check q < 2 \"n\"",
        "percent check soft \"m\"",
        "date email url siret",
        "siretx",
        "one { a \"A\" = 1. }",
        "when q < 1 when q > 0",
        "required required",
        "hint \"\"\"\n  block # not a comment\n  \"\"\"",
        "hint \"\"\"a\"\"\"\"",
        "hint \"\"\"\n  a # b\"\"\"",
        "hint \"\"\"\n  a \"# b\"\"\"",
        "hint \"\"\"unclosed",
        "hint \"\"\" x \" y",
        "hint \"a\tb\"",
        "hint \"a\\qb\"",
        "unit \"",
    ];
    for p in parts {
        agree(&format!(
            "{HEADER}section s \"S\" {{\n  question q \"Q\" {p}\n  question r \"R\" yesno\n}}\n"
        ));
        agree(&format!(
            "{HEADER}section s \"S\" {{ question q \"Q\" {p} }}"
        ));
    }
    let files = [
        "\u{feff}questionnaire t \"T\" edition 1",
        " \u{feff} questionnaire t \"T\" edition 1",
        "# c\nquestionnaire t \"T\" edition 1 # c",
        "questionnaire t \"T\" edition 1 {}",
        "questionnaire t \"T\" edition 1{a\"b\"c 2024-01-01 d 2024-01-01x}",
        "questionnaire t \"T\" edition 2024abc",
        "questionnairet \"T\" edition 1",
        "questionnaire t \"T\" edition 1 section s \"S\" { intro \"i\" note n \"x\" note \"y\" when a }",
        "questionnaire t \"T\" edition 1 levels cumulative { none \"N\" level 1 \"A\" from 10% level 2 \"B\" from 20 description \"d\" gate a }",
        "questionnaire t \"T\" edition 1 levels independent { level 1 \"A\" from -1 }",
        "questionnaire t \"T\" edition 1 levels { none \"N\" none \"M\" }",
        "questionnaire t \"T\" edition 1 levels { level 1 \"A\" from }",
        "questionnaire t \"T\" edition 1 example e \"E\" { answers { a = {x, y} b = 2024-01-02 c = -1.5 d = \"t\" e = yes f = x g = {} } jury { j = 2 } expect level 1 total 2.5 section s 3 invalid }",
        "questionnaire t \"T\" edition 1 example e { expect }",
        "questionnaire t \"T\" edition 1 example e { expect level }",
        "questionnaire t \"T\" edition 1 example e { expect invalid expect level 2 answers { } }",
        "questionnaire t \"T\" edition 1 example e { answers { a = 2024-01-02x } }",
        "questionnaire t \"T\" edition 1 compute a = 1 compute b \"B\" = a range 0..1.5",
        "questionnaire t \"T\" edition 1 compute a = 1 range 0...1",
        "questionnaire t \"T\" edition 1 }",
    ];
    for f in files {
        agree(f);
        agree(&f.replace(' ', "\r\n"));
        agree(&f.replace(' ', " # comment\n"));
    }
}
