//! Conditions in plain words, for respondents (« Si vous avez répondu
//! « Oui » à la question 1.8. », "If you answered “Yes” to question 1.8."),
//! and what an answer looks like. The HTML form (without JavaScript) and the
//! PDFs both word the model this way.

use super::Words;
use crate::model::{Answer, ArithOp, CompareOp, Expr, Kind, Model, TextTest};
use crate::t;

/// « Si … » for a question, note or section shown under a condition.
pub fn shown_if(expr: &Expr, model: &Model) -> String {
    t!(model.words(), "cond-if", condition = condition(expr, model))
}

/// A condition as a clause, starting in lower case.
pub fn condition(expr: &Expr, model: &Model) -> String {
    clause(expr, model, false)
}

fn question_label(model: &Model, id: &str) -> String {
    let w = model.words();
    match model.question(id) {
        Some(q) => t!(w, "cond-question", number = &q.number),
        None => match model.computed(id) {
            Some(c) => t!(
                w,
                "cond-value",
                name = w.quoted(c.label.as_deref().unwrap_or(id))
            ),
            None => w.quoted(id),
        },
    }
}

fn option_label(model: &Model, question: &str, option: &str) -> String {
    let label = model
        .question(question)
        .and_then(|q| q.kind.options().iter().find(|o| o.id == option))
        .map_or(option, |o| o.label.as_str());
    model.words().quoted(label)
}

/// `« A »`, `« A » ou « B »`, `« A », « B » ou « C »`.
fn alternatives(items: &[String], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

fn yes_no(model: &Model, yes: bool) -> String {
    let w = model.words();
    w.quoted(&w.get(if yes { "yes" } else { "no" }))
}

fn clause(e: &Expr, model: &Model, nested: bool) -> String {
    let w = model.words();
    match e {
        Expr::Bool(b) => w.get(if *b { "cond-always" } else { "cond-never" }),
        Expr::In {
            question,
            options,
            negated,
        } => {
            let labels: Vec<String> = options
                .iter()
                .map(|o| option_label(model, question, o))
                .collect();
            let q = question_label(model, question);
            match (negated, labels.as_slice()) {
                (true, [one]) => t!(w, "cond-not-answered", option = one, question = q),
                (true, _) => t!(
                    w,
                    "cond-answered-none-of",
                    options = labels.join(&format!(" {} ", w.get("cond-nor"))),
                    question = q
                ),
                (false, _) => t!(
                    w,
                    "cond-answered",
                    options = alternatives(&labels, &w.get("cond-or")),
                    question = q
                ),
            }
        }
        Expr::Has { question, option } => t!(
            w,
            "cond-ticked",
            option = option_label(model, question, option),
            question = question_label(model, question)
        ),
        Expr::HasAny { question } => t!(
            w,
            "cond-ticked-any",
            question = question_label(model, question)
        ),
        Expr::Answer(q) if is_yes_no(model, q) => t!(
            w,
            "cond-answered",
            options = yes_no(model, true),
            question = question_label(model, q)
        ),
        Expr::Not(x) => match &**x {
            Expr::Answer(q) if is_yes_no(model, q) => t!(
                w,
                "cond-answered",
                options = yes_no(model, false),
                question = question_label(model, q)
            ),
            Expr::Has { question, option } => t!(
                w,
                "cond-not-ticked",
                option = option_label(model, question, option),
                question = question_label(model, question)
            ),
            Expr::HasAny { question } => t!(
                w,
                "cond-ticked-none",
                question = question_label(model, question)
            ),
            other => t!(w, "cond-not", condition = clause(other, model, true)),
        },
        Expr::And(..) | Expr::Or(..) => {
            let and = matches!(e, Expr::And(..));
            let mut parts = Vec::new();
            flatten(e, and, &mut parts);
            let texts: Vec<String> = parts.iter().map(|p| clause(p, model, true)).collect();
            let word = w.get(if and { "cond-and" } else { "cond-or" });
            let joined = alternatives(&texts, &word);
            if nested {
                format!("({joined})")
            } else {
                joined
            }
        }
        Expr::Compare(op, a, b) => compare(*op, a, b, model),
        Expr::TextTest(test, x) => {
            let text = value(x, model);
            match test {
                TextTest::Contains(part) => {
                    t!(w, "cond-contains", text = text, part = w.quoted(part))
                }
                TextTest::StartsWith(part) => {
                    t!(w, "cond-starts-with", text = text, part = w.quoted(part))
                }
                TextTest::Url => t!(w, "cond-contains-url", text = text),
            }
        }
        other => value(other, model),
    }
}

/// The operands of a chain of the same connective: `a and b and c`.
fn flatten<'e>(e: &'e Expr, and: bool, out: &mut Vec<&'e Expr>) {
    match (e, and) {
        (Expr::And(a, b), true) | (Expr::Or(a, b), false) => {
            flatten(a, and, out);
            flatten(b, and, out);
        }
        _ => out.push(e),
    }
}

fn is_yes_no(model: &Model, id: &str) -> bool {
    model
        .question(id)
        .is_some_and(|q| matches!(q.kind, Kind::YesNo))
}

fn compare(op: CompareOp, a: &Expr, b: &Expr, model: &Model) -> String {
    let w = model.words();
    // A yes/no answer compared with yes or no.
    if let (Expr::Answer(q), Expr::Bool(v)) | (Expr::Bool(v), Expr::Answer(q)) = (a, b) {
        return t!(
            w,
            "cond-answered",
            options = yes_no(model, *v == (op == CompareOp::Eq)),
            question = question_label(model, q)
        );
    }
    let op = match op {
        CompareOp::Eq => "eq",
        CompareOp::Ne => "ne",
        CompareOp::Lt => "lt",
        CompareOp::Le => "le",
        CompareOp::Gt => "gt",
        CompareOp::Ge => "ge",
    };
    // What the subject is, for languages whose words agree with it: « le
    // score » and « le nombre » agree alike.
    let subject = match a {
        Expr::SectionScore(_)
        | Expr::Total
        | Expr::Count(_)
        | Expr::Length(_)
        | Expr::Level
        | Expr::Previous(_) => "score",
        _ if matches!(b, Expr::Date(_)) => "date",
        _ => "value",
    };
    let compared = match (a, b) {
        (Expr::SectionScore(_) | Expr::Total | Expr::Previous(false), Expr::Number(n)) => {
            w.points(n)
        }
        // « supérieur à celui de l’édition précédente »: French does not
        // write « à le ».
        (_, Expr::Level) => w.get("cond-level-compared"),
        (_, Expr::Previous(true)) => w.get("cond-previous-level-compared"),
        (_, Expr::Previous(false)) => w.get("cond-previous-total-compared"),
        _ => value(b, model),
    };
    t!(
        w,
        "cond-compare",
        subject = value(a, model),
        kind = subject,
        op = op,
        value = compared
    )
}

/// A value in words: a number, a date, an answer, a computation.
fn value(e: &Expr, model: &Model) -> String {
    let w = model.words();
    match e {
        Expr::Number(n) => w.number(n),
        Expr::Text(t) => w.quoted(t),
        Expr::Date(d) => w.date(*d),
        Expr::Bool(b) => yes_no(model, *b),
        Expr::Answer(q) => t!(w, "cond-answer-to", question = question_label(model, q)),
        Expr::Computed(c) => question_label(model, c),
        Expr::SectionScore(s) => t!(
            w,
            "cond-section-score",
            title = w.quoted(model.section(s).map_or(s.as_str(), |x| x.title.as_str()))
        ),
        Expr::Total => w.get("cond-total"),
        Expr::Count(list) => count(list, model),
        Expr::Level => w.get("cond-level"),
        Expr::Previous(true) => w.get("cond-previous-level"),
        Expr::Previous(false) => w.get("cond-previous-total"),
        Expr::Length(x) => t!(w, "cond-length", text = value(x, model)),
        Expr::Neg(x) => t!(w, "cond-minus", value = value(x, model)),
        Expr::Arith(op, a, b) => {
            let symbol = match op {
                ArithOp::Add => "+",
                ArithOp::Sub => "−",
                ArithOp::Mul => "×",
                ArithOp::Div => "÷",
            };
            format!("({} {symbol} {})", value(a, model), value(b, model))
        }
        other => clause(other, model, true),
    }
}

/// « le nombre de questions parmi 1.1, 1.2 et 1.3 auxquelles vous avez
/// répondu « Oui » » when every counted condition tests the same answer,
/// else « le nombre de conditions remplies parmi : … ; … ».
fn count(list: &[Expr], model: &Model) -> String {
    let w = model.words();
    // What each condition tests, in words, and on which question.
    let tested: Vec<Option<(String, &str)>> = list
        .iter()
        .map(|e| match e {
            Expr::In {
                question,
                options,
                negated: false,
            } => {
                let labels: Vec<String> = options
                    .iter()
                    .map(|o| option_label(model, question, o))
                    .collect();
                Some((alternatives(&labels, &w.get("cond-or")), question.as_str()))
            }
            Expr::Answer(q) if is_yes_no(model, q) => Some((yes_no(model, true), q.as_str())),
            Expr::Compare(CompareOp::Eq, a, b) => match (&**a, &**b) {
                (Expr::Answer(q), Expr::Bool(v)) => Some((yes_no(model, *v), q.as_str())),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let uniform = tested.iter().all(|t| {
        t.as_ref()
            .zip(tested[0].as_ref())
            .is_some_and(|(a, b)| a.0 == b.0)
    });
    if uniform && list.len() > 1 {
        let numbers: Vec<String> = tested
            .iter()
            .flatten()
            .map(|(_, q)| {
                model
                    .question(q)
                    .map_or((*q).to_owned(), |q| q.number.clone())
            })
            .collect();
        let options = tested[0].as_ref().map(|t| t.0.clone()).unwrap_or_default();
        return t!(
            w,
            "cond-count-answered",
            questions = alternatives(&numbers, &w.get("cond-and")),
            options = options
        );
    }
    let texts: Vec<String> = list.iter().map(|e| clause(e, model, true)).collect();
    t!(w, "cond-count", conditions = texts.join(" ; "))
}

/// What a number question accepts: « Nombre entier de 0 à 30 », "Whole
/// number from 0 to 30", « Nombre positif ou nul »; `None` for other kinds.
pub fn number_kind(kind: &Kind, w: Words<'_>) -> Option<String> {
    let what = match kind {
        Kind::Integer(_) => "integer",
        Kind::Decimal(_) => "decimal",
        Kind::Percent(_) => "percent",
        _ => return None,
    };
    Some(match crate::engine::answer::bounds(kind) {
        (Some(lo), Some(hi)) => t!(w, "number-between", kind = what, lo = &lo, hi = &hi),
        (Some(lo), None) if lo.is_zero() => t!(w, "number-positive", kind = what),
        (Some(lo), None) => t!(w, "number-at-least", kind = what, lo = &lo),
        (None, Some(hi)) => t!(w, "number-at-most", kind = what, hi = &hi),
        (None, None) => t!(w, "number-any", kind = what),
    })
}

/// How many options of a multiple choice to tick: « Cochez au plus 3
/// réponses. », or « Plusieurs réponses possibles. ».
pub fn choices_count(min: Option<u32>, max: Option<u32>, w: Words<'_>) -> String {
    match (min, max) {
        (Some(lo), Some(hi)) if lo == hi => t!(w, "choices-exactly", count = lo),
        (Some(lo), Some(hi)) => t!(w, "choices-between", lo = lo, count = hi),
        (Some(lo), None) => t!(w, "choices-at-least", count = lo),
        (None, Some(hi)) => t!(w, "choices-at-most", count = hi),
        (None, None) => w.get("choices-any"),
    }
}

/// An answer in words, for documents that restate answers.
pub fn answer(model: &Model, question: &str, a: &Answer) -> String {
    let w = model.words();
    match a {
        Answer::Bool(b) => w.get(if *b { "yes" } else { "no" }),
        Answer::Choice(o) => option_label(model, question, o),
        Answer::Choices(list) => {
            let labels: Vec<String> = list
                .iter()
                .map(|o| option_label(model, question, o))
                .collect();
            alternatives(&labels, &w.get("cond-and"))
        }
        Answer::Number(n) => w.number(n),
        Answer::Text(t) => w.quoted(t),
        Answer::Date(d) => w.date(*d),
    }
}

#[cfg(test)]
mod tests {
    use super::{choices_count, number_kind, shown_if};
    use crate::model::{Item, Model};
    use crate::words::{Lang, Words};

    fn compile(text: &str) -> Model {
        let checked = crate::compile(
            &crate::world::MemoryWorld::new().with("t.grille", text),
            "t.grille",
        )
        .unwrap();
        let messages: Vec<&str> = checked
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        checked.model.unwrap_or_else(|| panic!("{messages:?}"))
    }

    fn tnl() -> Model {
        compile(
            &std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/forms/tnl-2024.grille"
            ))
            .unwrap(),
        )
    }

    #[test]
    fn what_answers_look_like() {
        let m = tnl();
        let kind = |id: &str| number_kind(&m.question(id).unwrap().kind, m.words());
        assert_eq!(kind("B9").as_deref(), Some("Nombre entier de 0 à 30"));
        assert_eq!(
            kind("L1").as_deref(),
            Some("Nombre entier supérieur ou égal à 1")
        );
        assert_eq!(kind("P4").as_deref(), Some("Nombre entier positif ou nul"));
        assert_eq!(kind("S12").as_deref(), Some("Pourcentage de 0 à 100"));
        assert_eq!(kind("S1"), None);
        let fr = Words::plain(Lang::Fr);
        assert_eq!(
            choices_count(None, None, fr),
            "Plusieurs réponses possibles."
        );
        assert_eq!(
            choices_count(None, Some(1), fr),
            "Cochez une réponse au plus."
        );
        assert_eq!(
            choices_count(Some(1), Some(3), fr),
            "Cochez de 1 à 3 réponses."
        );
        assert_eq!(choices_count(Some(2), Some(2), fr), "Cochez 2 réponses.");
        assert_eq!(
            choices_count(Some(1), None, fr),
            "Cochez au moins 1 réponse."
        );
        let en = Words::plain(Lang::En);
        assert_eq!(choices_count(None, None, en), "Several answers possible.");
        assert_eq!(choices_count(None, Some(1), en), "Tick one answer at most.");
        assert_eq!(choices_count(Some(1), Some(3), en), "Tick 1 to 3 answers.");
        assert_eq!(choices_count(Some(1), None, en), "Tick at least 1 answer.");
    }

    fn when_of(model: &Model, id: &str) -> String {
        let q = model.question(id).unwrap();
        shown_if(q.when.as_ref().unwrap(), model)
    }

    #[test]
    fn the_2024_conditions_in_french() {
        let m = tnl();
        assert_eq!(
            when_of(&m, "P8a"),
            "Si vous avez répondu « Oui » à la question 1.8."
        );
        assert_eq!(
            when_of(&m, "S2"),
            "Si vous avez répondu « Document interne validé » ou « Adoptée par délibération » à la question 2.1."
        );
        assert_eq!(
            when_of(&m, "B6"),
            "Si vous n’avez pas répondu « Aucune déclaration » à la question 3.5."
        );
        assert_eq!(
            when_of(&m, "L3"),
            "Si la réponse à la question 4.2 est supérieure à 0."
        );
        assert_eq!(
            when_of(&m, "L13a"),
            "Si vous avez répondu « Parfois » ou « Systématiquement » à la question 4.13."
        );
        assert_eq!(
            when_of(&m, "D3a"),
            "Si vous avez coché au moins une réponse à la question 6.3."
        );
        let gate = &m.levels.levels[0].gates[0].expr;
        assert_eq!(
            shown_if(gate, &m),
            "Si vous avez répondu « LibreOffice et suite propriétaire » ou « Suite libre seule » à la question 4.4, \
             vous avez coché au moins une réponse à la question 4.5 ou vous avez coché au moins une réponse à la question 4.8."
        );
        let gate = &m.levels.levels[3].gates[1].expr;
        assert_eq!(
            shown_if(gate, &m),
            "Si le score de la partie « Gestion des données » est supérieur ou égal à 14 points."
        );
    }

    const MIXED: &str = r#"
section s "S" {
  question A "a" yesno yes = 1
  question B "b" many { x "X"  y "Y" }
  question C "c" date
  question D "d" integer min 0
  question E "e" yesno when (A or B has x) and not B has y
  question F "f" yesno when C >= 2024-03-01 and D != 1000000
  question G "g" yesno when not A
  question J "j" one { x "X"  y "Y"  z "Z" }
  question H "h" yesno when J not in {x, y}
}
levels { level 1 "L" from 0 gate section s >= 1 }"#;

    fn whens(m: &Model) -> Vec<String> {
        let gate = shown_if(&m.levels.levels[0].gates[0].expr, m);
        m.sections[0]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Question(q) => q.when.as_ref().map(|w| shown_if(w, m)),
                Item::Note(_) => None,
            })
            .chain([gate])
            .collect()
    }

    #[test]
    fn mixed_connectives_keep_their_grouping() {
        let m = compile(&format!(
            "questionnaire t \"T\" edition 2025 {{ lang fr }}{MIXED}"
        ));
        assert_eq!(
            whens(&m),
            [
                "Si (vous avez répondu « Oui » à la question 1.1 ou vous avez coché « X » à la question 1.2) et vous n’avez pas coché « Y » à la question 1.2.",
                "Si la réponse à la question 1.3 est au plus tôt le 1er mars 2024 et la réponse à la question 1.4 est différente de 1\u{202f}000\u{202f}000.",
                "Si vous avez répondu « Non » à la question 1.1.",
                "Si vous n’avez répondu ni « X » ni « Y » à la question 1.8.",
                "Si le score de la partie « S » est supérieur ou égal à 1 point.",
            ]
        );
    }

    #[test]
    fn conditions_in_english() {
        let m = compile(&format!(
            "questionnaire t \"T\" edition 2025 {{ lang en }}{MIXED}"
        ));
        assert_eq!(
            whens(&m),
            [
                "If (you answered “Yes” to question 1.1 or you ticked “X” for question 1.2) and you did not tick “Y” for question 1.2.",
                "If the answer to question 1.3 is on or after 1 March 2024 and the answer to question 1.4 is not 1,000,000.",
                "If you answered “No” to question 1.1.",
                "If you answered neither “X” nor “Y” to question 1.8.",
                "If the score of the part “S” is at least 1 point.",
            ]
        );
    }
}
