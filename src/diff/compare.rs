//! The comparison of two editions, section by section and question by
//! question, each change in words.

use super::{Change, Diff, EditionInfo, QuestionDiff, SectionDiff, Status};
use crate::french;
use crate::model::{Check, Choice, Item, Kind, Level, Model, Question, Scoring, Section};
use crate::num::Num;

fn change(what: impl Into<String>, old: Option<String>, new: Option<String>) -> Change {
    Change {
        what: what.into(),
        old,
        new,
    }
}

/// Adds a change when the two values differ.
fn compare(out: &mut Vec<Change>, what: &str, old: Option<String>, new: Option<String>) {
    if old != new {
        out.push(change(what, old, new));
    }
}

fn points(n: &Num) -> String {
    french::points(n)
}

fn quoted(text: &str) -> String {
    format!("« {text} »")
}

fn option_words(o: &Choice, scored: bool) -> String {
    let mut text = format!("`{}` {}", o.id, quoted(&o.label));
    if scored {
        text.push_str(&format!(" = {}", french::number(&o.points)));
    }
    if o.exclusive {
        text.push_str(" (exclusive)");
    }
    text
}

fn kind_words(kind: &Kind) -> String {
    let mut text = kind.keyword().to_owned();
    if let Some(b) = kind.bounds() {
        if let Some(min) = &b.min {
            text.push_str(&format!(" min {}", french::number(min)));
        }
        if let Some(max) = &b.max {
            text.push_str(&format!(" max {}", french::number(max)));
        }
        if let Some(unit) = &b.unit {
            text.push_str(&format!(" unit « {unit} »"));
        }
    }
    if let Kind::Many {
        min_choices,
        max_choices,
        ..
    } = kind
    {
        if let Some(m) = min_choices {
            text.push_str(&format!(" min {m}"));
        }
        if let Some(m) = max_choices {
            text.push_str(&format!(" max {m}"));
        }
    }
    text
}

fn scoring_words(s: &Scoring) -> String {
    match s {
        Scoring::None => "sans points".to_owned(),
        Scoring::YesNo { yes, no } => {
            format!(
                "oui = {}, non = {}",
                french::number(yes),
                french::number(no)
            )
        }
        Scoring::Choices { cap: None } => "points des réponses".to_owned(),
        Scoring::Choices { cap: Some(c) } => {
            format!("points des réponses, plafond {}", french::number(c))
        }
        Scoring::Bands { value, bands } => {
            let list: Vec<String> = bands
                .iter()
                .map(|b| format!("{b} = {}", french::number(&b.points)))
                .collect();
            match value {
                Some(v) => format!("tranches de {v} : {}", list.join(" ; ")),
                None => format!("tranches : {}", list.join(" ; ")),
            }
        }
        Scoring::Jury { max } => format!("note du jury de 0 à {}", french::number(max)),
    }
}

fn checks_words(checks: &[Check]) -> Option<String> {
    if checks.is_empty() {
        return None;
    }
    Some(
        checks
            .iter()
            .map(|c| {
                format!(
                    "{}{} {}",
                    if c.soft { "soft " } else { "" },
                    c.expr,
                    quoted(&c.message)
                )
            })
            .collect::<Vec<_>>()
            .join(" ; "),
    )
}

fn question_changes(
    old: &Question,
    new: &Question,
    old_section: &Section,
    new_section: &Section,
) -> Vec<Change> {
    let mut out = Vec::new();
    if old_section.id != new_section.id {
        out.push(change(
            "déplacée",
            Some(format!(
                "partie {} {}",
                old_section.number,
                quoted(&old_section.title)
            )),
            Some(format!(
                "partie {} {}",
                new_section.number,
                quoted(&new_section.title)
            )),
        ));
    }
    compare(
        &mut out,
        "numéro",
        Some(old.number.clone()),
        Some(new.number.clone()),
    );
    compare(
        &mut out,
        "libellé",
        Some(old.label.clone()),
        Some(new.label.clone()),
    );
    compare(&mut out, "aide", old.hint.clone(), new.hint.clone());
    compare(
        &mut out,
        "obligatoire",
        Some(if old.required { "oui" } else { "non" }.to_owned()),
        Some(if new.required { "oui" } else { "non" }.to_owned()),
    );
    compare(
        &mut out,
        "type",
        Some(kind_words(&old.kind)),
        Some(kind_words(&new.kind)),
    );
    // Options, matched by id.
    let scored_old = matches!(old.scoring, Scoring::Choices { .. });
    let scored_new = matches!(new.scoring, Scoring::Choices { .. });
    for o in old.kind.options() {
        match new.kind.options().iter().find(|n| n.id == o.id) {
            None => out.push(change(
                "option retirée",
                Some(option_words(o, scored_old)),
                None,
            )),
            Some(n) => {
                compare(
                    &mut out,
                    &format!("libellé de l’option `{}`", o.id),
                    Some(o.label.clone()),
                    Some(n.label.clone()),
                );
                if scored_old && scored_new {
                    compare(
                        &mut out,
                        &format!("points de l’option `{}`", o.id),
                        Some(french::number(&o.points)),
                        Some(french::number(&n.points)),
                    );
                }
                if o.exclusive != n.exclusive {
                    out.push(change(
                        format!("option `{}` exclusive", o.id),
                        Some(if o.exclusive { "oui" } else { "non" }.to_owned()),
                        Some(if n.exclusive { "oui" } else { "non" }.to_owned()),
                    ));
                }
            }
        }
    }
    for n in new.kind.options() {
        if !old.kind.options().iter().any(|o| o.id == n.id) {
            out.push(change(
                "option ajoutée",
                None,
                Some(option_words(n, scored_new)),
            ));
        }
    }
    compare(
        &mut out,
        "barème",
        Some(scoring_words(&old.scoring)),
        Some(scoring_words(&new.scoring)),
    );
    compare(
        &mut out,
        "condition",
        old.when.as_ref().map(ToString::to_string),
        new.when.as_ref().map(ToString::to_string),
    );
    compare(
        &mut out,
        "contrôles",
        checks_words(&old.checks),
        checks_words(&new.checks),
    );
    compare(
        &mut out,
        "maximum",
        Some(points(&old.max)),
        Some(points(&new.max)),
    );
    out
}

fn summary(q: &Question) -> String {
    format!(
        "{}, {}, {}",
        kind_words(&q.kind),
        scoring_words(&q.scoring),
        format_args!("maximum {}", points(&q.max))
    )
}

fn notes(s: &Section) -> Vec<String> {
    s.items
        .iter()
        .filter_map(|i| match i {
            Item::Note(n) => Some(n.text.plain()),
            Item::Question(_) => None,
        })
        .collect()
}

/// The changes from `old` to `new`.
pub fn diff(old: &Model, new: &Model) -> Diff {
    let info = |m: &Model| EditionInfo {
        id: m.id.clone(),
        edition: m.edition,
        title: m.title.clone(),
        draft: m.meta.draft,
    };
    // Sections of the new edition, in order, then those removed.
    let mut sections: Vec<SectionDiff> = new
        .sections
        .iter()
        .filter_map(|ns| section_diff(old, new, ns))
        .collect();
    sections.extend(
        old.sections
            .iter()
            .filter(|s| new.section(&s.id).is_none())
            .map(|os| removed_section(new, os)),
    );
    Diff {
        old: info(old),
        new: info(new),
        max: (points(&old.max), points(&new.max)),
        sections,
        computed: computed_changes(old, new),
        levels: level_changes(old, new),
    }
}

/// What changed in a section of the new edition, if anything.
fn section_diff(old: &Model, new: &Model, ns: &Section) -> Option<SectionDiff> {
    let section_of = |m: &'_ Model, id: &str| -> Option<usize> {
        m.sections
            .iter()
            .position(|s| s.questions().any(|q| q.id == id))
    };
    let os = old.section(&ns.id);
    let mut changes = Vec::new();
    if let Some(os) = os {
        compare(
            &mut changes,
            "numéro",
            Some(os.number.to_string()),
            Some(ns.number.to_string()),
        );
        compare(
            &mut changes,
            "titre",
            Some(os.title.clone()),
            Some(ns.title.clone()),
        );
        compare(
            &mut changes,
            "condition",
            os.when.as_ref().map(ToString::to_string),
            ns.when.as_ref().map(ToString::to_string),
        );
        compare(
            &mut changes,
            "introduction",
            os.intro.as_ref().map(|t| t.plain()),
            ns.intro.as_ref().map(|t| t.plain()),
        );
        compare(
            &mut changes,
            "contrôles",
            checks_words(&os.checks),
            checks_words(&ns.checks),
        );
        let (on, nn) = (notes(os), notes(ns));
        if on != nn {
            changes.push(change("notes", Some(on.join(" / ")), Some(nn.join(" / "))));
        }
    }
    let mut questions = Vec::new();
    for q in ns.questions() {
        match old.question(&q.id) {
            None => questions.push(QuestionDiff {
                id: q.id.clone(),
                status: Status::Added,
                number: (None, Some(q.number.clone())),
                label: q.label.clone(),
                changes: vec![change("ajoutée", None, Some(summary(q)))],
            }),
            Some(oq) => {
                let from = section_of(old, &q.id).map_or(ns, |i| &old.sections[i]);
                let c = question_changes(oq, q, from, ns);
                if !c.is_empty() {
                    questions.push(QuestionDiff {
                        id: q.id.clone(),
                        status: Status::Changed,
                        number: (Some(oq.number.clone()), Some(q.number.clone())),
                        label: q.label.clone(),
                        changes: c,
                    });
                }
            }
        }
    }
    // Questions removed from this section (not moved elsewhere).
    if let Some(os) = os {
        for q in os.questions().filter(|q| new.question(&q.id).is_none()) {
            questions.push(QuestionDiff {
                id: q.id.clone(),
                status: Status::Removed,
                number: (Some(q.number.clone()), None),
                label: q.label.clone(),
                changes: vec![change("retirée", Some(summary(q)), None)],
            });
        }
    }
    let max = (os.map(|s| points(&s.max)), Some(points(&ns.max)));
    let status = match os {
        None => Status::Added,
        Some(_) if !changes.is_empty() || max.0 != max.1 => Status::Changed,
        Some(_) => Status::Same,
    };
    (status != Status::Same || !questions.is_empty()).then(|| SectionDiff {
        id: ns.id.clone(),
        status,
        number: (os.map(|s| s.number), Some(ns.number)),
        title: ns.title.clone(),
        max,
        changes,
        questions,
    })
}

/// A section the new edition no longer has.
fn removed_section(new: &Model, os: &Section) -> SectionDiff {
    let questions = os
        .questions()
        .filter(|q| new.question(&q.id).is_none())
        .map(|q| QuestionDiff {
            id: q.id.clone(),
            status: Status::Removed,
            number: (Some(q.number.clone()), None),
            label: q.label.clone(),
            changes: vec![change("retirée", Some(summary(q)), None)],
        })
        .collect();
    SectionDiff {
        id: os.id.clone(),
        status: Status::Removed,
        number: (Some(os.number), None),
        title: os.title.clone(),
        max: (Some(points(&os.max)), None),
        changes: Vec::new(),
        questions,
    }
}

/// Computed values added, removed or changed.
fn computed_changes(old: &Model, new: &Model) -> Vec<Change> {
    let mut computed = Vec::new();
    for c in &old.computed {
        match new.computed(&c.id) {
            None => computed.push(change(
                format!("valeur calculée `{}` retirée", c.id),
                Some(c.expr.to_string()),
                None,
            )),
            Some(n) => {
                compare(
                    &mut computed,
                    &format!("valeur calculée `{}`", c.id),
                    Some(c.expr.to_string()),
                    Some(n.expr.to_string()),
                );
                let range = |r: &Option<(Num, Num)>| {
                    r.as_ref()
                        .map(|(a, b)| format!("{}..{}", french::number(a), french::number(b)))
                };
                compare(
                    &mut computed,
                    &format!("intervalle de `{}`", c.id),
                    range(&c.range),
                    range(&n.range),
                );
            }
        }
    }
    for n in new
        .computed
        .iter()
        .filter(|n| old.computed(&n.id).is_none())
    {
        computed.push(change(
            format!("valeur calculée `{}` ajoutée", n.id),
            None,
            Some(n.expr.to_string()),
        ));
    }
    computed
}

/// The levels' scheme, names, thresholds, conditions and descriptions.
fn level_changes(old: &Model, new: &Model) -> Vec<Change> {
    let mut levels = Vec::new();
    if old.levels.scheme != new.levels.scheme {
        let scheme = |m: &Model| format!("{:?}", m.levels.scheme).to_lowercase();
        levels.push(change("niveaux", Some(scheme(old)), Some(scheme(new))));
    }
    compare(
        &mut levels,
        "niveau 0",
        old.levels.unlabelled.clone(),
        new.levels.unlabelled.clone(),
    );
    let find = |m: &'_ Model, n: u32| -> Option<Level> {
        m.levels.levels.iter().find(|l| l.number == n).cloned()
    };
    let numbers: std::collections::BTreeSet<u32> = old
        .levels
        .levels
        .iter()
        .chain(&new.levels.levels)
        .map(|l| l.number)
        .collect();
    let threshold = |l: &Level| match &l.percent {
        Some(p) => format!("{} % ({})", french::number(p), points(&l.min_total)),
        None => points(&l.min_total),
    };
    let gates = |l: &Level| {
        (!l.gates.is_empty()).then(|| {
            l.gates
                .iter()
                .map(|g| g.source.clone())
                .collect::<Vec<_>>()
                .join(" ; ")
        })
    };
    for n in numbers {
        match (find(old, n), find(new, n)) {
            (Some(o), None) => levels.push(change(
                format!("niveau {n} retiré"),
                Some(quoted(&o.name)),
                None,
            )),
            (None, Some(l)) => levels.push(change(
                format!("niveau {n} ajouté"),
                None,
                Some(format!("{}, seuil {}", quoted(&l.name), threshold(&l))),
            )),
            (Some(o), Some(l)) => {
                compare(
                    &mut levels,
                    &format!("nom du niveau {n}"),
                    Some(o.name.clone()),
                    Some(l.name.clone()),
                );
                compare(
                    &mut levels,
                    &format!("seuil du niveau {n}"),
                    Some(threshold(&o)),
                    Some(threshold(&l)),
                );
                compare(
                    &mut levels,
                    &format!("conditions du niveau {n}"),
                    gates(&o),
                    gates(&l),
                );
                compare(
                    &mut levels,
                    &format!("description du niveau {n}"),
                    o.description.clone(),
                    l.description.clone(),
                );
            }
            (None, None) => {}
        }
    }
    levels
}
