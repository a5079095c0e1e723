//! Hostile input: each gives a clear diagnostic (or is accepted), never a
//! panic, a stack overflow or a flood of output.

use grille::diagnostic::{render_terminal, Code, ColorMode};

const HEADER: &str = "questionnaire t \"T\" edition 2025 { lang fr }\n";

/// Compiles and renders; returns the codes and the rendered text.
fn run(bytes: Vec<u8>) -> (Vec<Code>, String) {
    let compiled = crate::common::compile("hostile.grille", bytes);
    let text = render_terminal(&compiled.source, &compiled.diagnostics, ColorMode::Never);
    (compiled.diagnostics.iter().map(|d| d.code).collect(), text)
}

#[test]
fn empty_file() {
    for input in ["", "   \n\n", "\u{feff}", "# only a comment\n"] {
        let (codes, text) = run(input.as_bytes().to_vec());
        assert_eq!(codes, [Code::E0001], "{input:?}");
        assert!(text.contains("questionnaire"), "{text}");
    }
}

#[test]
fn not_utf8() {
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(b"section s \"\xff\xfe\" { question A \"a\" yesno }\n");
    let (codes, text) = run(bytes);
    assert_eq!(codes, [Code::E0030]);
    assert!(text.contains("hostile.grille:2:"), "{text}");
    assert!(text.contains("UTF-8"), "{text}");
}

#[test]
fn byte_order_mark_and_crlf_are_accepted() {
    let form = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/forms/tnl-2024.grille"
    ))
    .unwrap();
    let crlf = format!("\u{feff}{}", form.replace('\n', "\r\n"));
    let compiled = crate::common::compile("crlf.grille", crlf.into_bytes());
    assert!(compiled.diagnostics.is_empty());
    let model = compiled.model.unwrap();
    assert_eq!(model.max.to_string(), "200");
    // Block texts lose their CR.
    assert!(!model.meta.intro.unwrap().plain().contains('\r'));
}

#[test]
fn crlf_errors_point_at_the_right_line() {
    let input = "questionnaire t \"T\" edition 2025 { lang fr }\r\nsection s \"S\" {\r\n  question A \"a\" yesno when B\r\n}\r\n";
    let (codes, text) = run(input.as_bytes().to_vec());
    assert_eq!(codes, [Code::E0003]);
    assert!(text.contains("hostile.grille:3:29"), "{text}");
    assert!(!text.contains('\r'));
}

#[test]
fn five_megabyte_lines() {
    let long = "x".repeat(5 << 20);
    // A long label is fine.
    let ok = format!("{HEADER}section s \"S\" {{ question A \"{long}\" yesno }}\n");
    assert_eq!(run(ok.into_bytes()).0, []);
    // Garbage on one long line: an error, and the line is not printed.
    let garbage = format!("{HEADER}{long}\n");
    let (codes, text) = run(garbage.into_bytes());
    assert_eq!(codes, [Code::E0001]);
    assert!(text.len() < 2000, "{} bytes of output", text.len());
    // An endless expression (long enough to pass every limit).
    let sum = vec!["1"; 100_000].join("+");
    let expr = format!("{HEADER}section s \"S\" {{ question A \"a\" yesno when {sum} > 0 }}\n");
    let (codes, text) = run(expr.into_bytes());
    assert_eq!(codes, [Code::E0029]);
    assert!(text.len() < 2000, "{} bytes of output", text.len());
}

#[test]
fn nesting_twenty_thousand_deep() {
    let depth = 20_000;
    let parens = format!("{}L1{}", "(".repeat(depth), ")".repeat(depth));
    let nots = format!("{}L1", "not ".repeat(depth));
    let negs = format!("{}L1 > 0", "- ".repeat(depth));
    let braces = "{".repeat(depth);
    for body in [parens, nots, negs] {
        let input = format!("{HEADER}section s \"S\" {{ question L1 \"a\" yesno question L2 \"b\" yesno when {body} }}\n");
        assert_eq!(run(input.into_bytes()).0, [Code::E0029]);
    }
    let input = format!("{HEADER}section s \"S\" {braces}\n");
    assert_eq!(run(input.into_bytes()).0, [Code::E0029]);
}

#[test]
fn many_errors_are_all_reported_in_order() {
    let mut input = String::from(HEADER);
    input.push_str("section s \"S\" {\n");
    for i in 0..200 {
        input.push_str(&format!("  question Q{i} \"q{i}\" yesno when R{i}\n"));
    }
    input.push_str("}\n");
    let compiled = crate::common::compile("many.grille", input.into_bytes());
    assert_eq!(compiled.diagnostics.len(), 200);
    assert!(compiled
        .diagnostics
        .windows(2)
        .all(|w| w[0].primary.span < w[1].primary.span));
}

#[test]
fn long_chains_within_the_limits_check_on_a_small_stack() {
    // A sum of 400 answers: deep (left-nested) but legitimate.
    let mut input = String::from(HEADER);
    input.push_str("section s \"S\" {\n");
    for i in 0..400 {
        input.push_str(&format!("  question A{i} \"a{i}\" integer min 0 max 10\n"));
    }
    let sum: Vec<String> = (0..400).map(|i| format!("A{i}")).collect();
    let gates: Vec<String> = (0..400).map(|i| format!("A{i} > 0")).collect();
    input.push_str(&format!("  check {} <= 4000 \"Trop.\"\n", sum.join(" + ")));
    input.push_str(&format!("  check {} \"Tout.\"\n", gates.join(" and ")));
    input.push_str("}\n");
    // Run on a thread with a deliberately small stack.
    let result = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            crate::common::compile("chain.grille", input.into_bytes())
                .diagnostics
                .len()
        })
        .unwrap()
        .join()
        .expect("no stack overflow");
    assert_eq!(result, 0);
}

/// A small deterministic pseudo-random sequence.
fn lcg(seed: &mut u64) -> usize {
    *seed = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    (*seed >> 33) as usize
}

#[test]
fn mutations_of_the_2024_form_never_panic() {
    let form = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/forms/tnl-2024.grille"
    ))
    .unwrap();
    let boundaries: Vec<usize> = form
        .char_indices()
        .map(|(i, _)| i)
        .chain([form.len()])
        .collect();
    let inserts = [
        "{", "}", "(", ")", "[", "\"", "#", "=", ",", ":", "é", "\u{feff}", "\r", " when ", "0,5",
        "%", "\\",
    ];
    let mut seed = 2024;
    let mut runs = 0;
    for _ in 0..300 {
        let at = boundaries[lcg(&mut seed) % boundaries.len()];
        let next = boundaries.iter().find(|&&b| b > at).copied().unwrap_or(at);
        let insert = inserts[lcg(&mut seed) % inserts.len()];
        for mutated in [
            form[..at].to_owned(),
            format!("{}{}", &form[..at], &form[next..]),
            format!("{}{insert}{}", &form[..at], &form[at..]),
        ] {
            let compiled = crate::common::compile("mutated.grille", mutated.into_bytes());
            let _ = render_terminal(&compiled.source, &compiled.diagnostics, ColorMode::Never);
            let _ = grille::diagnostic::render_json(&compiled.source, &compiled.diagnostics);
            runs += 1;
        }
    }
    assert_eq!(runs, 900);
}

#[test]
fn the_deepest_expressions_allowed_go_through_every_command() {
    // 495 levels of `not` and of negation: within the limits (E0029 is at
    // 500), so every later stage recurses that deep on the command's own
    // stack: the build (the PDFs on rayon's threads), scoring, explaining,
    // formatting.
    let scratch = crate::common::Scratch::new("deepest");
    let form = scratch.join("deep.grille");
    let answers = scratch.join("deep.json");
    std::fs::write(
        &form,
        format!(
            "{HEADER}section s \"S\" {{\n  question A \"a\" yesno\n  question N \"n\" integer min 0 max 10\n  question Z \"z\" yesno when {}A\n  question W \"w\" yesno when {}N < 3\n}}\nlevels {{ level 1 \"Un\" from 0 }}\n",
            "not ".repeat(495),
            "- ".repeat(495)
        ),
    )
    .unwrap();
    std::fs::write(&answers, r#"{"answers": {"A": true, "N": 2}}"#).unwrap();
    let (form, answers) = (form.to_str().unwrap(), answers.to_str().unwrap());
    let out = scratch.join("out");
    for (args, code) in [
        (vec!["check", form], 0),
        (vec!["build", form, "-o", out.to_str().unwrap()], 0),
        (vec!["score", form, answers, "--explain"], 0),
        (vec!["fmt", "--check", form], 1),
        (vec!["diff", form, form], 0),
    ] {
        let (got, _, stderr) = crate::common::grille(&args);
        assert_eq!(got, code, "grille {}: {stderr}", args.join(" "));
    }
}
