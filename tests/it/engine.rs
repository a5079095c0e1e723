//! The scoring rules of docs/language.md, one at a time, on small forms.

use grille::engine::{answers, Engine, Outcome};
use grille::model::Model;

fn model(body: &str) -> Model {
    let text = format!("questionnaire t \"T\" edition 2025 {{ lang fr }}\n{body}");
    let compiled = crate::common::compile("t.grille", text.into_bytes());
    let errors: Vec<_> = compiled
        .diagnostics
        .iter()
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect();
    compiled.model.unwrap_or_else(|| panic!("{errors:#?}"))
}

fn score<'m>(engine: &Engine<'m>, json: &str) -> Result<Outcome<'m>, Vec<String>> {
    engine
        .score_read(&answers::from_json(engine.model, json))
        .map_err(|problems| problems.iter().map(ToString::to_string).collect())
}

fn shown(outcome: &Outcome<'_>, id: &str) -> bool {
    outcome.questions.iter().find(|q| q.id == id).unwrap().shown
}

const CONDITIONS: &str = r#"
section s "S" {
  question A "A" yesno yes = 1
  question B "B" integer min 0
  question C "C" yesno yes = 1 when B > 0
  question D "D" yesno yes = 1 when not (B > 0)
  question E "E" yesno yes = 1 when A or B > 0
  question F "F" yesno yes = 1 when A and B > 0
  question M "M" many { x "X" = 1  y "Y" = 1 }
  question G "G" yesno yes = 1 when M has any
  question H "H" yesno yes = 1 when not M has x
}
levels { level 1 "Un" from 1 }
"#;

#[test]
fn an_unanswered_comparison_is_unknown_and_hides() {
    let m = model(CONDITIONS);
    let e = Engine::new(&m);
    let o = score(&e, r#"{ "answers": {} }"#).unwrap();
    assert!(!shown(&o, "C"), "B > 0 is unknown");
    assert!(!shown(&o, "D"), "not unknown is unknown");
    assert!(!shown(&o, "E"), "unknown or unknown is unknown");
    assert!(!shown(&o, "F"));
    // A multiple choice unanswered is the empty set: never unknown.
    assert!(!shown(&o, "G"), "has any of nothing is false");
    assert!(shown(&o, "H"), "not (nothing has x) is true");
}

#[test]
fn true_or_unknown_is_true_and_false_and_unknown_is_false() {
    let m = model(CONDITIONS);
    let e = Engine::new(&m);
    let o = score(&e, r#"{ "answers": { "A": true } }"#).unwrap();
    assert!(shown(&o, "E"));
    assert!(!shown(&o, "F"));
    let o = score(&e, r#"{ "answers": { "A": false, "B": 0 } }"#).unwrap();
    assert!(shown(&o, "D"));
    assert!(!shown(&o, "F"));
}

#[test]
fn answers_to_hidden_questions_are_ignored_with_a_warning() {
    let m = model(CONDITIONS);
    let e = Engine::new(&m);
    let o = score(&e, r#"{ "answers": { "B": 0, "C": true, "D": true } }"#).unwrap();
    assert_eq!(
        o.total.to_string(),
        "1",
        "D (shown) counts, C (hidden) does not"
    );
    assert!(!shown(&o, "C") && shown(&o, "D"));
    assert!(
        o.warnings
            .iter()
            .any(|w| w.contains("`C` is ignored") && w.contains("B > 0")),
        "{:?}",
        o.warnings
    );
}

#[test]
fn a_hidden_section_hides_its_questions() {
    let m = model(
        r#"
section a "A" { question P "Commune ?" yesno }
section b "B" when P {
  question Q "Q" yesno yes = 3
}
levels { level 1 "Un" from 3 }
"#,
    );
    let e = Engine::new(&m);
    let o = score(&e, r#"{ "answers": { "P": false, "Q": true } }"#).unwrap();
    assert_eq!(o.total.to_string(), "0");
    assert!(!o.sections[1].shown);
    assert!(o
        .warnings
        .iter()
        .any(|w| w.contains("its section `b` is not shown")));
    let o = score(&e, r#"{ "answers": { "P": true, "Q": true } }"#).unwrap();
    assert_eq!((o.total.to_string(), o.level), ("3".to_owned(), 1));
}

#[test]
fn checks_fail_only_when_false() {
    let m = model(
        r#"
section s "S" {
  question T "Total" integer min 1
  question L "Libres" integer min 0
    check L <= T "Pas plus que le total."
    check soft L < T "Vraiment tous ?"
}
"#,
    );
    let e = Engine::new(&m);
    assert!(
        score(&e, r#"{ "answers": { "L": 5 } }"#).is_ok(),
        "unknown passes"
    );
    let o = score(&e, r#"{ "answers": { "T": 5, "L": 5 } }"#).unwrap();
    assert_eq!(o.warnings, ["Vraiment tous ?"]);
    let problems = score(&e, r#"{ "answers": { "T": 5, "L": 6 } }"#).unwrap_err();
    assert_eq!(problems, ["`L`: Pas plus que le total."]);
}

const LEVELS: &str = r#"
section s "S" {
  question A "A" yesno yes = 10
  question B "B" yesno yes = 10
  question O "O" one { a "a"  b "b" }
}
levels SCHEME {
  level 1 "Un" from 5
    gate O = a
  level 2 "Deux" from 15
}
"#;

#[test]
fn cumulative_levels_need_the_gates_below() {
    let m = model(&LEVELS.replace("SCHEME", "cumulative"));
    let e = Engine::new(&m);
    let o = score(&e, r#"{ "answers": { "A": true, "B": true, "O": "b" } }"#).unwrap();
    assert_eq!(
        o.level, 0,
        "level 1's gate fails, so level 2 is not granted either"
    );
    let o = score(&e, r#"{ "answers": { "A": true, "B": true, "O": "a" } }"#).unwrap();
    assert_eq!(o.level, 2);
}

#[test]
fn independent_levels_need_only_their_own_gates() {
    let m = model(&LEVELS.replace("SCHEME", "independent"));
    let e = Engine::new(&m);
    let o = score(&e, r#"{ "answers": { "A": true, "B": true, "O": "b" } }"#).unwrap();
    assert_eq!(o.level, 2);
    let o = score(&e, r#"{ "answers": { "A": true, "O": "b" } }"#).unwrap();
    assert_eq!(o.level, 0, "unanswered gate: unknown, so not granted");
}

#[test]
fn caps_exclusive_options_and_choice_bounds() {
    let m = model(
        r#"
section s "S" {
  question M "M" many min 1 max 3 cap 2.5 {
    a "A" = 1
    b "B" = 1
    c "C" = 1
    n "Aucune" = 0 exclusive
  }
}
levels { level 1 "Un" from 1 }
"#,
    );
    let e = Engine::new(&m);
    assert_eq!(
        score(&e, r#"{ "answers": { "M": ["a", "b", "c"] } }"#)
            .unwrap()
            .total
            .to_string(),
        "2.5"
    );
    let bad = score(&e, r#"{ "answers": { "M": ["a", "n"] } }"#).unwrap_err();
    assert!(bad[0].contains("cannot be combined"), "{bad:?}");
    assert!(score(&e, r#"{ "answers": { "M": ["n"] } }"#).is_ok());
}

#[test]
fn missing_jury_scores_make_the_result_provisional() {
    let m = model(
        r#"
section s "S" {
  question A "A" yesno yes = 4
  question J "Projet" text long jury 0..5
}
levels { level 1 "Un" from 4  level 2 "Deux" from 8 }
"#,
    );
    let e = Engine::new(&m);
    let o = score(&e, r#"{ "answers": { "A": true, "J": "…" } }"#).unwrap();
    let p = o.provisional.as_ref().unwrap();
    assert_eq!((o.level, p.highest_level), (1, 2));
    assert_eq!(p.missing, ["J"]);
    let o = score(
        &e,
        r#"{ "answers": { "A": true, "J": "…" }, "jury": { "J": 4 } }"#,
    )
    .unwrap();
    assert!(o.provisional.is_none());
    assert_eq!(o.level, 2);
}

#[test]
fn percentages_of_a_section_are_exact() {
    let m = model(
        r#"
section s "S" {
  question A "A" one { a "a" = 1  b "b" = 2 }
  question B "B" yesno yes = 1
}
levels { level 1 "Un" from 0 gate section s >= 66.67% }
"#,
    );
    let e = Engine::new(&m);
    // 2 of 3 is 66.666…%, below 66.67%: not granted.
    assert_eq!(
        score(&e, r#"{ "answers": { "A": "b" } }"#).unwrap().level,
        0
    );
    assert_eq!(
        score(&e, r#"{ "answers": { "A": "b", "B": true } }"#)
            .unwrap()
            .level,
        1
    );
}

const COUNTING: &str = r#"
section s "S" {
  question P1 "P1" yesno
  question P2 "P2" yesno
  question C1 "C1" one { met "Met"  unmet "Unmet"  na "N/A" }
  question C2 "C2" one { met "Met"  unmet "Unmet" }
  question J "J" text
}
section t "T" {
  question Q1 "Q1" yesno when count(P1, P2, section s = met) >= 3
  question Q2 "Q2" yesno when length(J) >= 5 and contains(J, "LIBRE")
  question Q3 "Q3" yesno when not contains_url(J)
}
compute n "n" = count(section s in {met, na}) * 10 + count(P1)
levels { level 1 "Un" gate count(section s = yes) = 2 }
"#;

#[test]
fn count_counts_what_holds_and_unknown_does_not_count() {
    let m = model(COUNTING);
    let e = Engine::new(&m);
    let o = score(
        &e,
        r#"{ "answers": { "P1": true, "C1": "met", "C2": "met" } }"#,
    )
    .unwrap();
    assert!(
        shown(&o, "Q1"),
        "P1, C1 and C2: 3, P2 unanswered does not count"
    );
    assert_eq!(o.level, 0, "only one yes");
    let o = score(
        &e,
        r#"{ "answers": { "P1": true, "P2": true, "C1": "na" } }"#,
    )
    .unwrap();
    assert!(!shown(&o, "Q1"), "P1, P2: 2");
    assert_eq!(o.level, 1, "two yes answers in section s");
    let trace = e.trace(
        &answers::from_json(
            &m,
            r#"{ "answers": { "P1": true, "P2": true, "C1": "na" } }"#,
        )
        .answers,
    );
    assert_eq!(
        trace["computed"][0], "11",
        "C1 is na: 1 × 10, and P1 is yes: 1"
    );
}

#[test]
fn text_functions_are_unknown_when_unanswered() {
    let m = model(COUNTING);
    let e = Engine::new(&m);
    let o = score(&e, r#"{ "answers": {} }"#).unwrap();
    assert!(!shown(&o, "Q2"));
    assert!(!shown(&o, "Q3"), "not unknown is unknown");
    let o = score(&e, r#"{ "answers": { "J": "Logiciel libre" } }"#).unwrap();
    assert!(shown(&o, "Q2"), "contains ignores case");
    assert!(shown(&o, "Q3"));
    let o = score(&e, r#"{ "answers": { "J": "libre : www.exemple.org" } }"#).unwrap();
    assert!(!shown(&o, "Q3"));
}

#[test]
fn a_count_over_a_section_reads_all_its_questions() {
    let text = "questionnaire t \"T\" edition 2025 { lang fr }\nsection s \"S\" {\n  question P1 \"P1\" yesno\n  question Q \"Q\" yesno when count(section s = yes) >= 1\n}\n";
    let compiled = crate::common::compile("t.grille", text.as_bytes().to_vec());
    assert!(
        compiled
            .diagnostics
            .iter()
            .any(|d| d.code.as_str() == "E0008"),
        "{:?}",
        compiled.diagnostics
    );
}

const MENTIONS: &str = r#"
section s "S" {
  question P0 "P0" yesno
  question P1 "P1" yesno yes = 10
}
levels {
  level 1 "Un" from 5
  level 2 "Deux" from 10
}
mentions {
  mention premiere "Première" when P0
  mention progression "Progression" when level > previous level
  mention coeur "Cœur" jury
}
"#;

#[test]
fn mentions_follow_their_rule_or_the_jury() {
    let m = model(MENTIONS);
    let e = Engine::new(&m);
    let o = score(&e, r#"{ "answers": { "P0": true, "P1": true } }"#).unwrap();
    assert_eq!(
        o.awarded(),
        ["premiere"],
        "no previous result: no progression"
    );
    assert_eq!(o.mentions[2].awarded, None, "the jury has not decided");
    let o = score(
        &e,
        r#"{ "answers": { "P1": true }, "jury": { "coeur": true }, "previous": { "level": 1 } }"#,
    )
    .unwrap();
    assert_eq!(o.awarded(), ["progression", "coeur"]);
    let o = score(
        &e,
        r#"{ "answers": { "P1": true }, "jury": { "coeur": false }, "previous": { "level": 2, "total": 10 } }"#,
    )
    .unwrap();
    assert!(o.awarded().is_empty());
    assert_eq!(o.mentions[2].awarded, Some(false));
}

#[test]
fn bad_decisions_and_previous_results_are_refused() {
    let m = model(MENTIONS);
    let e = Engine::new(&m);
    let problems = score(
        &e,
        r#"{ "answers": {}, "jury": { "coeur": 3, "premiere": true }, "previous": { "level": -1, "rang": 2 } }"#,
    )
    .unwrap_err();
    assert_eq!(problems.len(), 4, "{problems:#?}");
    assert!(
        problems.iter().any(|p| p.contains("with true or false")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("the jury does not decide it")),
        "{problems:#?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("unknown key `rang`")),
        "{problems:#?}"
    );
}
