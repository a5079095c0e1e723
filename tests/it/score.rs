//! `grille score`, `grille build` and `grille schema` on the 2024 form.

use crate::common::{grille, transcript, Scratch};

const FORM: &str = "forms/tnl-2024.grille";

/// The results of `--format json`: an object for one answer set, an array
/// for several.
fn json_lines(stdout: &str) -> Vec<serde_json::Value> {
    match serde_json::from_str(stdout).expect("the output is one JSON document") {
        serde_json::Value::Array(items) => items,
        one => vec![one],
    }
}

#[test]
fn score_json_follows_the_contract() {
    let (code, stdout, _) = grille(&[
        "score",
        FORM,
        "tests/fixtures/answers/complet.json",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let results = json_lines(&stdout);
    assert_eq!(results.len(), 1);
    let r = &results[0];
    assert_eq!(r["total"], serde_json::json!(200));
    assert_eq!(r["max"], serde_json::json!(200));
    assert_eq!(r["level"], serde_json::json!(5));
    assert_eq!(r["level_name"], "Excellence");
    assert_eq!(r["sections"]["donnees"]["score"], serde_json::json!(35));
    assert_eq!(r["sections"]["donnees"]["max"], serde_json::json!(35));
    assert!(r["total"].is_number());
}

#[test]
fn decimals_are_read_exactly() {
    // 29.99 stays below 30; 74.999999999999999999 below 75; 9.999999999999999999
    // below 10 (a binary float would round the last two up).
    let (_, stdout, _) = grille(&[
        "score",
        FORM,
        "tests/fixtures/answers/decimales.json",
        "--format",
        "json",
    ]);
    let r = &json_lines(&stdout)[0];
    assert_eq!(r["sections"]["strategie"]["score"], serde_json::json!(1));
    assert_eq!(r["sections"]["pratiques"]["score"], serde_json::json!(4));
    assert_eq!(r["sections"]["logiciels"]["score"], serde_json::json!(2));
    assert_eq!(r["total"], serde_json::json!(7));
}

#[test]
fn score_table_with_explanation_and_provisional_result() {
    insta::assert_snapshot!(transcript(&[
        "score",
        FORM,
        "tests/fixtures/answers/libreville.json",
        "--explain"
    ]));
}

#[test]
fn invalid_answers_get_one_error_per_problem_and_no_score() {
    insta::assert_snapshot!(transcript(&[
        "score",
        FORM,
        "tests/fixtures/answers/invalid.json",
        "tests/fixtures/answers/malformed.json",
        "tests/fixtures/answers/complet.json"
    ]));
}

#[test]
fn invalid_answers_in_json() {
    let (code, stdout, _) = grille(&[
        "score",
        FORM,
        "tests/fixtures/answers/invalid.json",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let r = &json_lines(&stdout)[0];
    assert_eq!(r["valid"], serde_json::json!(false));
    assert!(r.get("total").is_none());
    let questions: Vec<&str> = r["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["question"].as_str())
        .collect();
    for q in [
        "S1", "S3", "D5", "P3", "P7", "B9", "S13", "B1", "L4", "S2", "S5", "S6", "L2",
    ] {
        assert!(questions.contains(&q), "no error for {q}: {questions:?}");
    }
}

#[test]
fn spreadsheets_of_candidates() {
    insta::assert_snapshot!(transcript(&[
        "score",
        FORM,
        "tests/fixtures/answers/candidats.csv",
        "--format",
        "csv"
    ]));
}

#[test]
fn spreadsheet_with_unknown_columns() {
    let dir = Scratch::new("csv");
    let path = dir.join("jury.csv");
    std::fs::write(&path, "candidat,S1,S99,Total\nA,aucune,1,2\n").unwrap();
    let (code, _, stderr) = grille(&["score", FORM, path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("column 3 `S99` is not a question of `tnl` 2024 (did you mean `S9`?)"),
        "{stderr}"
    );
    assert!(stderr.contains("column 4 `Total`"), "{stderr}");
}

#[test]
fn scoring_from_bareme_json_alone_gives_the_same_results() {
    let answers = [
        "tests/fixtures/answers/complet.json",
        "tests/fixtures/answers/libreville.json",
        "tests/fixtures/answers/decimales.json",
        "tests/fixtures/answers/candidats.csv",
    ];
    let mut from_source = vec!["score", FORM, "--format", "json"];
    from_source.extend(answers);
    let mut from_bareme = vec![
        "score",
        "generated/tnl-2024/bareme.json",
        "--format",
        "json",
    ];
    from_bareme.extend(answers);
    let (a, b) = (grille(&from_source), grille(&from_bareme));
    assert_eq!(a.0, b.0);
    assert_eq!(a.1, b.1);
    assert!(a.1.lines().count() >= 6);
}

#[test]
fn answers_for_another_edition_are_refused() {
    let dir = Scratch::new("edition");
    let path = dir.join("2023.json");
    std::fs::write(
        &path,
        r#"{ "questionnaire": "tnl", "edition": 2023, "answers": {} }"#,
    )
    .unwrap();
    let (code, _, stderr) = grille(&["score", FORM, path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("these answers are for edition 2023, not 2024"),
        "{stderr}"
    );
}

#[test]
fn answers_files_with_a_byte_order_mark_are_read() {
    let dir = Scratch::new("bom");
    let path = dir.join("bom.json");
    std::fs::write(
        &path,
        "\u{feff}{ \"answers\": { \"S1\": \"deliberation\" } }",
    )
    .unwrap();
    let (code, stdout, stderr) =
        grille(&["score", FORM, path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        json_lines(&stdout)[0]["sections"]["strategie"]["score"],
        serde_json::json!(6)
    );
}

#[test]
fn unreadable_answers_exit_2() {
    let (code, _, stderr) = grille(&["score", FORM, "tests/fixtures/answers/none.json"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read `tests/fixtures/answers/none.json`: no such file"));
}

#[test]
fn the_2024_examples_and_thresholds_pass() {
    let (code, stdout, _) = grille(&["test", FORM, "--boundaries"]);
    assert_eq!(code, 0, "{stdout}");
    let last = stdout.lines().last().unwrap();
    assert!(last.ends_with(" passed, 0 failed"), "{last}");
    let passed: usize = last.split(' ').next().unwrap().parse().unwrap();
    assert!(passed >= 12 + 5);
    for level in 1..=5 {
        assert!(
            stdout.contains(&format!("ok      threshold_level_{level}")),
            "{stdout}"
        );
    }
    let (_, json, _) = grille(&["test", FORM, "--boundaries", "--format", "json"]);
    let items: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let level_3 = items
        .iter()
        .find(|i| i["example"] == "threshold_level_3")
        .unwrap();
    assert_eq!(
        level_3["trace"],
        "at or above 100 points: 100 points, level 3\njust below: 99 points, level 2\n"
    );
}

/// A threshold of 0 points holds by definition, and a threshold the
/// level's conditions imply is not wrong: neither fails.
#[test]
fn boundaries_that_hold_by_definition_pass() {
    let (code, stdout, stderr) = grille(&[
        "test",
        "docs/examples/severity.grille",
        "--boundaries",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("nothing is below 0 points: the threshold always holds"),
        "{stdout}"
    );
    let dir = Scratch::new("implied");
    let form = dir.join("implied.grille");
    std::fs::write(
        &form,
        "questionnaire t \"T\" edition 2025 { lang en }\nsection s \"S\" {\n  question A \"a\" yesno yes = 10\n  question B \"b\" yesno yes = 1\n}\nlevels {\n  level 1 \"One\" from 5\n    gate A\n}\n",
    )
    .unwrap();
    let (code, stdout, stderr) = grille(&[
        "test",
        form.to_str().unwrap(),
        "--boundaries",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("they imply the threshold"), "{stdout}");
}

#[test]
fn witnesses_reach_their_level() {
    let dir = Scratch::new("witness");
    for level in 1..=5u64 {
        let (code, stdout, stderr) = grille(&["witness", FORM, "--level", &level.to_string()]);
        assert_eq!(code, 0, "{stderr}");
        let path = dir.join(format!("witness-{level}.json"));
        std::fs::write(&path, &stdout).unwrap();
        let (code, scored, _) =
            grille(&["score", FORM, path.to_str().unwrap(), "--format", "json"]);
        assert_eq!(code, 0);
        let result = &json_lines(&scored)[0];
        assert!(result["level"].as_u64().unwrap() >= level, "{result}");
    }
}

#[test]
fn exact_witnesses_are_at_their_level_and_level_0_works() {
    let dir = Scratch::new("witness-exact");
    for level in 0..=5u64 {
        let level_text = level.to_string();
        let mut args = vec!["witness", FORM, "--level", level_text.as_str()];
        if level > 0 {
            args.push("--exact");
        }
        let (code, stdout, stderr) = grille(&args);
        assert_eq!(code, 0, "level {level}: {stderr}");
        let path = dir.join(format!("exact-{level}.json"));
        std::fs::write(&path, &stdout).unwrap();
        let (code, scored, _) =
            grille(&["score", FORM, path.to_str().unwrap(), "--format", "json"]);
        assert_eq!(code, 0);
        assert_eq!(json_lines(&scored)[0]["level"].as_u64(), Some(level));
    }
    // A scale whose first degree starts at 0 points has no level 0.
    let (code, _, stderr) = grille(&["witness", "docs/examples/severity.grille", "--level", "0"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("level 1 « Gêne minime » needs 0 points and no condition"),
        "{stderr}"
    );
}

#[test]
fn a_witness_for_an_unreachable_level_explains_why() {
    let (code, _, stderr) = grille(&["witness", FORM, "--level", "9"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("level 9 cannot be reached: there is no level 9"),
        "{stderr}"
    );
}

#[test]
fn test_reports_failures_with_expected_and_actual() {
    let form = std::fs::read_to_string(FORM).unwrap();
    let wrong = form.replace(
        "expect level 3 total 100 section communication 10",
        "expect level 4 total 104.5",
    );
    assert_ne!(form, wrong);
    let dir = Scratch::new("test");
    let path = dir.join("wrong.grille");
    std::fs::write(&path, wrong).unwrap();
    let (code, stdout, _) = grille(&["test", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stdout.contains("FAILED  niveau_3"));
    assert!(stdout.contains("expected level 4, got level 3"));
    assert!(stdout.contains("expected total 104.5, got 100"));
    assert!(stdout.contains("| Total : 100 / 200"));
    let (_, junit, _) = grille(&["test", path.to_str().unwrap(), "--format", "junit"]);
    assert!(junit.starts_with("<?xml"));
    assert!(junit.contains("failures=\"1\""));
    assert!(junit.contains(
        "<failure message=\"expected level 4, got level 3; expected total 104.5, got 100\">"
    ));
    let (_, json, _) = grille(&["test", path.to_str().unwrap(), "--format", "json"]);
    let items: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(items.iter().filter(|i| i["passed"] == false).count(), 1);
}

#[test]
fn build_writes_the_bareme_and_check_detects_staleness() {
    let scratch = Scratch::new("build");
    let dir = scratch.join("assets");
    let out = dir.to_str().unwrap();
    assert_eq!(grille(&["build", FORM, "-o", out]).0, 0);
    let files = [
        "answers.schema.json",
        "bareme.json",
        "formulaire.html",
        "questions-jury.pdf",
        "questions.pdf",
    ];
    let first: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect();
    assert_eq!(grille(&["build", FORM, "-o", out]).0, 0);
    for (name, bytes) in files.iter().zip(&first) {
        assert_eq!(
            bytes,
            &std::fs::read(dir.join(name)).unwrap(),
            "{name}: builds are byte-identical"
        );
    }
    assert_eq!(grille(&["build", FORM, "-o", out, "--check"]).0, 0);
    std::fs::write(dir.join("bareme.json"), "{}").unwrap();
    let (code, _, stderr) = grille(&["build", FORM, "-o", out, "--check"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("bareme.json differs from a fresh build"),
        "{stderr}"
    );
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, files);
}

#[test]
fn a_failing_build_writes_nothing() {
    let scratch = Scratch::new("nobuild");
    let dir = scratch.join("assets");
    let (code, _, _) = grille(&[
        "build",
        "tests/fixtures/check/E0003_undefined_reference.grille",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(!dir.exists());
}

/// A web address with a space is told about the space, not about how
/// addresses start.
#[test]
fn a_web_address_is_told_what_is_wrong_with_it() {
    let form = "questionnaire t \"T\" edition 2025 { lang en }\nsection s \"S\" {\n  question W \"Site\" url\n}\n";
    let model = crate::common::compile("t.grille", form.as_bytes().to_vec())
        .model
        .unwrap();
    let engine = grille::engine::Engine::new(&model);
    let message = |raw: &str| {
        let read = grille::engine::answers::from_json(
            &model,
            &serde_json::json!({ "answers": { "W": raw } }).to_string(),
        );
        match engine.score_read(&read) {
            Ok(_) => String::new(),
            Err(problems) => problems[0].message.clone(),
        }
    };
    assert!(message("https://example.org/a b")
        .ends_with("an address has no space and a site name after https://"));
    assert!(message("example.org").ends_with("a web address starts with https:// or http://"));
    assert_eq!(message("https://example.org/a"), "");
}

/// A level decided by its gates alone: no threshold in words, its
/// boundary is its conditions, and a level with neither is still E0019.
#[test]
fn a_level_decided_by_conditions_alone() {
    let dir = Scratch::new("by-conditions");
    let form = dir.join("badge.grille");
    std::fs::write(
        &form,
        r#"questionnaire badge "Project badge" edition 2026 { lang en }
section must "Must" {
  question license "A licence is published" one { met "Met" = 1  unmet "Unmet"  na "N/A" = 1 }
  question tests "Tests run on each change" one { met "Met" = 1  unmet "Unmet"  na "N/A" = 1 }
  question docs "Documentation exists" yesno yes = 1
}
levels cumulative named {
  level 1 "Passing"
    gate license in {met, na} and tests in {met, na}
  level 2 "Silver" from 3
}
"#,
    )
    .unwrap();
    let form = form.to_str().unwrap();
    let (code, stdout, stderr) = grille(&["test", form, "--boundaries"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("ok      threshold_level_1 “level 1 changes with its conditions”"),
        "{stdout}"
    );
    let answers = dir.join("a.json");
    std::fs::write(
        &answers,
        r#"{"answers": {"license": "na", "tests": "met"}}"#,
    )
    .unwrap();
    let (_, explained, _) = grille(&["score", form, answers.to_str().unwrap(), "--explain"]);
    assert!(
        explained.contains("“Passing” (conditions only): reached"),
        "{explained}"
    );
    // Unmet: no points can make up for it.
    std::fs::write(
        &answers,
        r#"{"answers": {"license": "unmet", "tests": "met", "docs": true}}"#,
    )
    .unwrap();
    let (_, scored, _) = grille(&["score", form, answers.to_str().unwrap(), "--format", "json"]);
    assert_eq!(json_lines(&scored)[0]["level"], serde_json::json!(0));
    let (_, bareme, _) = grille(&[
        "build",
        form,
        "-o",
        dir.join("out").to_str().unwrap(),
        "--only",
        "bareme",
    ]);
    let _ = bareme;
    let text = std::fs::read_to_string(dir.join("out/bareme.json")).unwrap();
    assert!(text.contains("\"by_conditions\": true"));
}

#[test]
fn mentions_in_every_format_and_from_bareme_json() {
    let form = "tests/fixtures/mentions/label.grille";
    let rows = "tests/fixtures/mentions/candidats.csv";
    let (code, json, stderr) = grille(&["score", form, rows, "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let results = json_lines(&json);
    assert_eq!(
        results[0]["mentions"],
        serde_json::json!(["premiere", "coeur"])
    );
    assert_eq!(results[1]["mentions"], serde_json::json!(["progression"]));
    assert_eq!(results[1]["mentions_pending"], serde_json::json!(["coeur"]));
    assert_eq!(results[2]["mentions"], serde_json::json!([]));
    // The same from the bareme.json the build writes.
    let dir = Scratch::new("mentions");
    let out = dir.join("out");
    let (code, _, stderr) = grille(&[
        "build",
        form,
        "-o",
        out.to_str().unwrap(),
        "--only",
        "bareme",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let bareme = out.join("bareme.json");
    let (_, again, _) = grille(&["score", bareme.to_str().unwrap(), rows, "--format", "json"]);
    assert_eq!(json, again);
    let (_, csv, _) = grille(&["score", form, rows, "--format", "csv"]);
    assert!(
        csv.lines().next().unwrap().ends_with(",mentions,errors"),
        "{csv}"
    );
    assert!(csv.contains(",premiere;coeur,"), "{csv}");
    let (_, table, _) = grille(&["score", form, rows, "--explain"]);
    assert!(
        table.contains("Meilleure progression, Coup de cœur du jury (à décider par le jury)"),
        "{table}"
    );
    assert!(
        table.contains("« Meilleure progression » (si `level > previous level`) : attribuée"),
        "{table}"
    );
    assert!(
        table.contains("(niveau : 2 ; niveau précédent : 1)"),
        "{table}"
    );
}
