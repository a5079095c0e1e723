//! grille's own words in French: conditions in plain French, for
//! candidates (« Si vous avez répondu « Oui » à la question 1.8 »), numbers,
//! points, dates and French spacing. The HTML form (without JavaScript) and
//! the questions PDF both word the model this way.

use crate::model::{Answer, ArithOp, CompareOp, Date, Expr, Kind, Model};
use crate::num::Num;

/// « Si … » for a question, note or section shown under a condition.
pub fn shown_if(expr: &Expr, model: &Model) -> String {
    let phrase = condition(expr, model);
    let mut out = String::from("Si ");
    out.push_str(&phrase);
    out.push('.');
    out
}

/// A condition as a French clause, starting in lower case.
pub fn condition(expr: &Expr, model: &Model) -> String {
    clause(expr, model, false)
}

fn question_label(model: &Model, id: &str) -> String {
    match model.question(id) {
        Some(q) => format!("la question {}", q.number),
        None => match model.computed(id) {
            Some(c) => c.label.clone().map_or_else(
                || format!("la valeur « {id} »"),
                |l| format!("la valeur « {l} »"),
            ),
            None => format!("« {id} »"),
        },
    }
}

fn option_label(model: &Model, question: &str, option: &str) -> String {
    let label = model
        .question(question)
        .and_then(|q| q.kind.options().iter().find(|o| o.id == option))
        .map_or(option, |o| o.label.as_str());
    format!("« {label} »")
}

/// `« A »`, `« A » ou « B »`, `« A », « B » ou « C »`.
fn alternatives(items: &[String], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

fn clause(e: &Expr, model: &Model, nested: bool) -> String {
    match e {
        Expr::Bool(true) => "toujours".to_owned(),
        Expr::Bool(false) => "jamais".to_owned(),
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
            if *negated {
                if labels.len() == 1 {
                    format!("vous n’avez pas répondu {} à {q}", labels[0])
                } else {
                    format!("vous n’avez répondu ni {} à {q}", labels.join(" ni "))
                }
            } else {
                format!("vous avez répondu {} à {q}", alternatives(&labels, "ou"))
            }
        }
        Expr::Has { question, option } => {
            format!(
                "vous avez coché {} à {}",
                option_label(model, question, option),
                question_label(model, question)
            )
        }
        Expr::HasAny { question } => {
            format!(
                "vous avez coché au moins une réponse à {}",
                question_label(model, question)
            )
        }
        Expr::Answer(q) if is_yes_no(model, q) => {
            format!("vous avez répondu « Oui » à {}", question_label(model, q))
        }
        Expr::Not(x) => match &**x {
            Expr::Answer(q) if is_yes_no(model, q) => {
                format!("vous avez répondu « Non » à {}", question_label(model, q))
            }
            Expr::Has { question, option } => format!(
                "vous n’avez pas coché {} à {}",
                option_label(model, question, option),
                question_label(model, question)
            ),
            Expr::HasAny { question } => format!(
                "vous n’avez coché aucune réponse à {}",
                question_label(model, question)
            ),
            other => format!("il n’est pas vrai que {}", clause(other, model, true)),
        },
        Expr::And(..) | Expr::Or(..) => {
            let and = matches!(e, Expr::And(..));
            let mut parts = Vec::new();
            flatten(e, and, &mut parts);
            let texts: Vec<String> = parts.iter().map(|p| clause(p, model, true)).collect();
            let joined = alternatives(&texts, if and { "et" } else { "ou" });
            if nested {
                format!("({joined})")
            } else {
                joined
            }
        }
        Expr::Compare(op, a, b) => compare(*op, a, b, model),
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
    // A yes/no answer compared with yes or no.
    if let (Expr::Answer(q), Expr::Bool(v)) | (Expr::Bool(v), Expr::Answer(q)) = (a, b) {
        let yes = *v == (op == CompareOp::Eq);
        let word = if yes { "« Oui »" } else { "« Non »" };
        return format!("vous avez répondu {word} à {}", question_label(model, q));
    }
    // « la réponse » and « la valeur » are feminine, « le score » masculine.
    let score = matches!(a, Expr::SectionScore(_) | Expr::Total);
    let e = if score { "" } else { "e" };
    let relation = match op {
        CompareOp::Eq => format!("est égal{e} à"),
        CompareOp::Ne => format!("est différent{e} de"),
        CompareOp::Lt => format!("est inférieur{e} à"),
        CompareOp::Le => format!("est inférieur{e} ou égal{e} à"),
        CompareOp::Gt => format!("est supérieur{e} à"),
        CompareOp::Ge => format!("est supérieur{e} ou égal{e} à"),
    };
    let relation = match (op, b) {
        (CompareOp::Lt, Expr::Date(_)) => "est antérieure au",
        (CompareOp::Le, Expr::Date(_)) => "est au plus tard le",
        (CompareOp::Gt, Expr::Date(_)) => "est postérieure au",
        (CompareOp::Ge, Expr::Date(_)) => "est au plus tôt le",
        (CompareOp::Eq, Expr::Date(_)) => "est le",
        (CompareOp::Ne, Expr::Date(_)) => "n’est pas le",
        _ => &relation,
    };
    let subject = match a {
        Expr::Answer(q) => format!("la réponse à {}", question_label(model, q)),
        other => value(other, model),
    };
    let unit = if score && matches!(b, Expr::Number(_)) {
        " points"
    } else {
        ""
    };
    format!("{subject} {relation} {}{unit}", value(b, model))
}

/// A value in words: a number, a date, an answer, a computation.
fn value(e: &Expr, model: &Model) -> String {
    match e {
        Expr::Number(n) => number(n),
        Expr::Text(t) => format!("« {t} »"),
        Expr::Date(d) => date(*d),
        Expr::Bool(true) => "« Oui »".to_owned(),
        Expr::Bool(false) => "« Non »".to_owned(),
        Expr::Answer(q) => format!("la réponse à {}", question_label(model, q)),
        Expr::Computed(c) => question_label(model, c),
        Expr::SectionScore(s) => match model.section(s) {
            Some(section) => format!("le score de la partie « {} »", section.title),
            None => format!("le score de la partie « {s} »"),
        },
        Expr::Total => "le score total".to_owned(),
        Expr::Neg(x) => format!("moins {}", value(x, model)),
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

/// A number in French: decimal comma, narrow no-break space between thousands.
pub fn number(n: &Num) -> String {
    let text = n.to_decimal(2);
    let (sign, digits) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |d| ("-", d));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 && whole.len() > 4 {
            grouped.push('\u{202f}');
        }
        grouped.push(c);
    }
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{fraction}")
    }
}

/// What a number question accepts: « Nombre entier de 0 à 30 »,
/// « Pourcentage de 0 à 100 », « Nombre positif ou nul »; `None` for other
/// kinds.
pub fn number_kind(kind: &Kind) -> Option<String> {
    let what = match kind {
        Kind::Integer(_) => "Nombre entier",
        Kind::Decimal(_) => "Nombre",
        Kind::Percent(_) => "Pourcentage",
        _ => return None,
    };
    let range = match crate::engine::answer::bounds(kind) {
        (Some(lo), Some(hi)) => format!(" de {} à {}", number(&lo), number(&hi)),
        (Some(lo), None) if lo.is_zero() => " positif ou nul".to_owned(),
        (Some(lo), None) => format!(" supérieur ou égal à {}", number(&lo)),
        (None, Some(hi)) => format!(" inférieur ou égal à {}", number(&hi)),
        (None, None) => String::new(),
    };
    Some(format!("{what}{range}"))
}

/// How many options of a multiple choice to tick: « Cochez au plus 3
/// réponses. », or « Plusieurs réponses possibles. ».
pub fn choices_count(min: Option<u32>, max: Option<u32>) -> String {
    match (min, max) {
        (Some(lo), Some(hi)) if lo == hi => format!("Cochez {lo} réponses."),
        (Some(lo), Some(hi)) => format!("Cochez de {lo} à {hi} réponses."),
        (Some(lo), None) => format!("Cochez au moins {lo} réponses."),
        (None, Some(1)) => "Cochez une réponse au plus.".to_owned(),
        (None, Some(hi)) => format!("Cochez au plus {hi} réponses."),
        (None, None) => "Plusieurs réponses possibles.".to_owned(),
    }
}

/// Points in French: « 1 point », « 0,5 point », « 6 points ».
pub fn points(n: &Num) -> String {
    let plural = n.clone() >= Num::from_int(2) || n.clone() <= Num::from_int(-2);
    format!("{} point{}", number(n), if plural { "s" } else { "" })
}

/// A date in French: « 15 mars 2021 ».
pub fn date(d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let day = if d.day == 1 {
        "1er".to_owned()
    } else {
        d.day.to_string()
    };
    format!("{day} {} {}", MONTHS[usize::from(d.month - 1)], d.year)
}

/// An answer in words, for documents that restate answers.
pub fn answer(model: &Model, question: &str, a: &Answer) -> String {
    match a {
        Answer::Bool(true) => "Oui".to_owned(),
        Answer::Bool(false) => "Non".to_owned(),
        Answer::Choice(o) => option_label(model, question, o),
        Answer::Choices(list) => {
            let labels: Vec<String> = list
                .iter()
                .map(|o| option_label(model, question, o))
                .collect();
            alternatives(&labels, "et")
        }
        Answer::Number(n) => number(n),
        Answer::Text(t) => format!("« {t} »"),
        Answer::Date(d) => date(*d),
    }
}

/// French spacing: a no-break space before `:` and inside « », a narrow
/// no-break space before `;`, `?` and `!` (added when missing after a word).
pub fn spacing(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            ' ' if matches!(next, Some(':' | '»')) => out.push('\u{a0}'),
            ' ' if matches!(next, Some(';' | '?' | '!')) => out.push('\u{202f}'),
            ' ' if i > 0 && chars[i - 1] == '«' => out.push('\u{a0}'),
            '?' | '!'
                if i > 0
                    && chars[i - 1].is_alphanumeric()
                    && next.is_none_or(|n| n.is_whitespace()) =>
            {
                out.push('\u{202f}');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{choices_count, date, number, number_kind, shown_if};
    use crate::model::{Date, Item, Model};
    use crate::num::Num;

    fn tnl() -> Model {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/forms/tnl-2024.grille"
        ))
        .unwrap();
        crate::compile(
            &crate::world::MemoryWorld::new().with("t.grille", text),
            "t.grille",
        )
        .unwrap()
        .model
        .unwrap()
    }

    #[test]
    fn what_answers_look_like() {
        let m = tnl();
        let kind = |id: &str| number_kind(&m.question(id).unwrap().kind);
        assert_eq!(kind("B9").as_deref(), Some("Nombre entier de 0 à 30"));
        assert_eq!(
            kind("L1").as_deref(),
            Some("Nombre entier supérieur ou égal à 1")
        );
        assert_eq!(kind("P4").as_deref(), Some("Nombre entier positif ou nul"));
        assert_eq!(kind("S12").as_deref(), Some("Pourcentage de 0 à 100"));
        assert_eq!(kind("S1"), None);
        assert_eq!(choices_count(None, None), "Plusieurs réponses possibles.");
        assert_eq!(choices_count(None, Some(1)), "Cochez une réponse au plus.");
        assert_eq!(choices_count(Some(1), Some(3)), "Cochez de 1 à 3 réponses.");
        assert_eq!(choices_count(Some(2), Some(2)), "Cochez 2 réponses.");
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

    #[test]
    fn mixed_connectives_keep_their_grouping() {
        let text = r#"questionnaire t "T" edition 2025 { lang fr }
section s "S" {
  question A "a" yesno
  question B "b" many { x "X"  y "Y" }
  question C "c" date
  question D "d" integer min 0
  question E "e" yesno when (A or B has x) and not B has y
  question F "f" yesno when C >= 2024-03-01 and D != 1000000
  question G "g" yesno when not A
}"#;
        let m = crate::compile(
            &crate::world::MemoryWorld::new().with("t.grille", text),
            "t.grille",
        )
        .unwrap()
        .model
        .unwrap();
        let whens: Vec<String> = m.sections[0]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Question(q) => q.when.as_ref().map(|w| shown_if(w, &m)),
                Item::Note(_) => None,
            })
            .collect();
        assert_eq!(
            whens,
            [
                "Si (vous avez répondu « Oui » à la question 1.1 ou vous avez coché « X » à la question 1.2) et vous n’avez pas coché « Y » à la question 1.2.",
                "Si la réponse à la question 1.3 est au plus tôt le 1er mars 2024 et la réponse à la question 1.4 est différente de 1\u{202f}000\u{202f}000.",
                "Si vous avez répondu « Non » à la question 1.1.",
            ]
        );
    }

    #[test]
    fn numbers_and_dates_in_french() {
        assert_eq!(number(&Num::parse("1234.5").unwrap()), "1234,5");
        assert_eq!(number(&Num::parse("12345").unwrap()), "12\u{202f}345");
        assert_eq!(number(&Num::parse("-0.25").unwrap()), "-0,25");
        assert_eq!(
            date(Date {
                year: 2021,
                month: 3,
                day: 15
            }),
            "15 mars 2021"
        );
    }
}
