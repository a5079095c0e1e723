//! The comparison of two editions, section by section and question by
//! question, each change in words.

use super::{Change, Diff, EditionInfo, QuestionDiff, SectionDiff, Status};
use crate::model::{Check, Choice, Item, Kind, Level, Model, Question, Scoring, Section};
use crate::num::Num;
use crate::t;
use crate::words::Words;

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

fn yes_no(b: bool, w: Words<'_>) -> String {
    w.get(if b { "explain-yes" } else { "explain-no" })
}

fn option_words(o: &Choice, scored: bool, w: Words<'_>) -> String {
    let mut text = format!("`{}` {}", o.id, w.quoted(&o.label));
    if scored {
        text.push_str(&format!(" = {}", w.number(&o.points)));
    }
    if o.exclusive {
        text.push(' ');
        text.push_str(&w.get("diff-exclusive"));
    }
    text
}

fn kind_words(kind: &Kind, w: Words<'_>) -> String {
    let mut text = kind.keyword().to_owned();
    if let Some(b) = kind.bounds() {
        if let Some(min) = &b.min {
            text.push_str(&format!(" min {}", w.number(min)));
        }
        if let Some(max) = &b.max {
            text.push_str(&format!(" max {}", w.number(max)));
        }
        if let Some(unit) = &b.unit {
            text.push_str(&format!(" unit {}", w.quoted(unit)));
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

fn scoring_words(s: &Scoring, w: Words<'_>) -> String {
    match s {
        Scoring::None => w.get("pdf-no-points"),
        Scoring::YesNo { yes, no } => t!(w, "diff-yes-no", yes = w.number(yes), no = w.number(no)),
        Scoring::Choices { cap: None } => w.get("diff-choices"),
        Scoring::Choices { cap: Some(c) } => t!(w, "diff-choices-cap", cap = w.number(c)),
        Scoring::Bands { value, bands } => {
            let list: Vec<String> = bands
                .iter()
                .map(|b| format!("{b} = {}", w.number(&b.points)))
                .collect();
            match value {
                Some(v) => t!(
                    w,
                    "diff-bands-of",
                    value = v.to_string(),
                    list = list.join(" ; ")
                ),
                None => t!(w, "diff-bands", list = list.join(" ; ")),
            }
        }
        Scoring::Jury { max } => t!(w, "diff-jury", max = w.number(max)),
    }
}

fn checks_words(checks: &[Check], w: Words<'_>) -> Option<String> {
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
                    w.quoted(&c.message)
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
    w: Words<'_>,
) -> Vec<Change> {
    let mut out = Vec::new();
    let part = |s: &Section| {
        t!(
            w,
            "diff-part",
            number = s.number,
            title = w.quoted(&s.title)
        )
    };
    if old_section.id != new_section.id {
        out.push(change(
            w.get("diff-moved"),
            Some(part(old_section)),
            Some(part(new_section)),
        ));
    }
    compare(
        &mut out,
        &w.get("diff-number"),
        Some(old.number.clone()),
        Some(new.number.clone()),
    );
    compare(
        &mut out,
        &w.get("diff-label"),
        Some(old.label.clone()),
        Some(new.label.clone()),
    );
    compare(
        &mut out,
        &w.get("diff-hint"),
        old.hint.clone(),
        new.hint.clone(),
    );
    compare(
        &mut out,
        &w.get("diff-required"),
        Some(yes_no(old.required, w)),
        Some(yes_no(new.required, w)),
    );
    compare(
        &mut out,
        &w.get("diff-type"),
        Some(kind_words(&old.kind, w)),
        Some(kind_words(&new.kind, w)),
    );
    // Options, matched by id.
    let scored_old = matches!(old.scoring, Scoring::Choices { .. });
    let scored_new = matches!(new.scoring, Scoring::Choices { .. });
    for o in old.kind.options() {
        match new.kind.options().iter().find(|n| n.id == o.id) {
            None => out.push(change(
                w.get("diff-option-removed"),
                Some(option_words(o, scored_old, w)),
                None,
            )),
            Some(n) => {
                compare(
                    &mut out,
                    &t!(w, "diff-option-label", id = &o.id),
                    Some(o.label.clone()),
                    Some(n.label.clone()),
                );
                if scored_old && scored_new {
                    compare(
                        &mut out,
                        &t!(w, "diff-option-points", id = &o.id),
                        Some(w.number(&o.points)),
                        Some(w.number(&n.points)),
                    );
                }
                if o.exclusive != n.exclusive {
                    out.push(change(
                        t!(w, "diff-option-exclusive", id = &o.id),
                        Some(yes_no(o.exclusive, w)),
                        Some(yes_no(n.exclusive, w)),
                    ));
                }
            }
        }
    }
    for n in new.kind.options() {
        if !old.kind.options().iter().any(|o| o.id == n.id) {
            out.push(change(
                w.get("diff-option-added"),
                None,
                Some(option_words(n, scored_new, w)),
            ));
        }
    }
    compare(
        &mut out,
        &w.get("diff-scoring"),
        Some(scoring_words(&old.scoring, w)),
        Some(scoring_words(&new.scoring, w)),
    );
    compare(
        &mut out,
        &w.get("diff-condition"),
        old.when.as_ref().map(ToString::to_string),
        new.when.as_ref().map(ToString::to_string),
    );
    compare(
        &mut out,
        &w.get("diff-checks"),
        checks_words(&old.checks, w),
        checks_words(&new.checks, w),
    );
    compare(
        &mut out,
        &w.get("diff-maximum"),
        Some(w.points(&old.max)),
        Some(w.points(&new.max)),
    );
    out
}

fn summary(q: &Question, w: Words<'_>) -> String {
    format!(
        "{}, {}, {}",
        kind_words(&q.kind, w),
        scoring_words(&q.scoring, w),
        t!(w, "diff-summary-max", points = w.points(&q.max))
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
    // The report is in the new edition's language.
    let w = Words::plain(new.lang);
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
        .filter_map(|ns| section_diff(old, new, ns, w))
        .collect();
    sections.extend(
        old.sections
            .iter()
            .filter(|s| new.section(&s.id).is_none())
            .map(|os| removed_section(new, os, w)),
    );
    Diff {
        lang: new.lang,
        old: info(old),
        new: info(new),
        max: (w.points(&old.max), w.points(&new.max)),
        sections,
        computed: computed_changes(old, new, w),
        levels: level_changes(old, new, w),
        mentions: mention_changes(old, new, w),
    }
}

/// Mentions added, removed, renamed, or awarded otherwise.
fn mention_changes(old: &Model, new: &Model, w: Words<'_>) -> Vec<Change> {
    let how = |m: &crate::model::Mention| match &m.source {
        Some(source) => t!(w, "diff-mention-rule", source = source.as_str()),
        None => w.get("explain-mention-jury"),
    };
    let mut out = Vec::new();
    for m in &old.mentions {
        match new.mentions.iter().find(|n| n.id == m.id) {
            None => out.push(change(
                t!(w, "diff-mention-removed", id = &m.id),
                Some(w.quoted(&m.label)),
                None,
            )),
            Some(n) => {
                compare(
                    &mut out,
                    &t!(w, "diff-mention-label", id = &m.id),
                    Some(w.quoted(&m.label)),
                    Some(w.quoted(&n.label)),
                );
                // The rule as the model reads it: a change of layout is none.
                let rule = |m: &crate::model::Mention| m.rule.as_ref().map(ToString::to_string);
                if rule(m) != rule(n) || m.jury != n.jury {
                    out.push(change(
                        t!(w, "diff-mention-how", id = &m.id),
                        Some(how(m)),
                        Some(how(n)),
                    ));
                }
            }
        }
    }
    for n in new
        .mentions
        .iter()
        .filter(|n| old.mentions.iter().all(|m| m.id != n.id))
    {
        out.push(change(
            t!(w, "diff-mention-added", id = &n.id),
            None,
            Some(format!("{} ({})", w.quoted(&n.label), how(n))),
        ));
    }
    out
}

/// What changed in a section of the new edition, if anything.
fn section_diff(old: &Model, new: &Model, ns: &Section, w: Words<'_>) -> Option<SectionDiff> {
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
            &w.get("diff-number"),
            Some(os.number.to_string()),
            Some(ns.number.to_string()),
        );
        compare(
            &mut changes,
            &w.get("diff-title"),
            Some(os.title.clone()),
            Some(ns.title.clone()),
        );
        compare(
            &mut changes,
            &w.get("diff-condition"),
            os.when.as_ref().map(ToString::to_string),
            ns.when.as_ref().map(ToString::to_string),
        );
        compare(
            &mut changes,
            &w.get("diff-intro"),
            os.intro.as_ref().map(|t| t.plain()),
            ns.intro.as_ref().map(|t| t.plain()),
        );
        compare(
            &mut changes,
            &w.get("diff-checks"),
            checks_words(&os.checks, w),
            checks_words(&ns.checks, w),
        );
        let (on, nn) = (notes(os), notes(ns));
        if on != nn {
            changes.push(change(
                w.get("diff-notes"),
                Some(on.join(" / ")),
                Some(nn.join(" / ")),
            ));
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
                changes: vec![change(w.get("diff-added"), None, Some(summary(q, w)))],
            }),
            Some(oq) => {
                let from = section_of(old, &q.id).map_or(ns, |i| &old.sections[i]);
                let c = question_changes(oq, q, from, ns, w);
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
                changes: vec![change(w.get("diff-removed"), Some(summary(q, w)), None)],
            });
        }
    }
    let max = (os.map(|s| w.points(&s.max)), Some(w.points(&ns.max)));
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
fn removed_section(new: &Model, os: &Section, w: Words<'_>) -> SectionDiff {
    let questions = os
        .questions()
        .filter(|q| new.question(&q.id).is_none())
        .map(|q| QuestionDiff {
            id: q.id.clone(),
            status: Status::Removed,
            number: (Some(q.number.clone()), None),
            label: q.label.clone(),
            changes: vec![change(w.get("diff-removed"), Some(summary(q, w)), None)],
        })
        .collect();
    SectionDiff {
        id: os.id.clone(),
        status: Status::Removed,
        number: (Some(os.number), None),
        title: os.title.clone(),
        max: (Some(w.points(&os.max)), None),
        changes: Vec::new(),
        questions,
    }
}

/// Computed values added, removed or changed.
fn computed_changes(old: &Model, new: &Model, w: Words<'_>) -> Vec<Change> {
    let mut computed = Vec::new();
    for c in &old.computed {
        match new.computed(&c.id) {
            None => computed.push(change(
                t!(w, "diff-computed-removed", id = &c.id),
                Some(c.expr.to_string()),
                None,
            )),
            Some(n) => {
                compare(
                    &mut computed,
                    &t!(w, "diff-computed", id = &c.id),
                    Some(c.expr.to_string()),
                    Some(n.expr.to_string()),
                );
                let range = |r: &Option<(Num, Num)>| {
                    r.as_ref()
                        .map(|(a, b)| format!("{}..{}", w.number(a), w.number(b)))
                };
                compare(
                    &mut computed,
                    &t!(w, "diff-computed-range", id = &c.id),
                    range(&c.range),
                    range(&n.range),
                );
                compare(
                    &mut computed,
                    &t!(w, "diff-computed-unit", id = &c.id),
                    c.unit.clone(),
                    n.unit.clone(),
                );
                compare(
                    &mut computed,
                    &t!(w, "diff-computed-decimals", id = &c.id),
                    c.decimals.map(|d| d.to_string()),
                    n.decimals.map(|d| d.to_string()),
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
            t!(w, "diff-computed-added", id = &n.id),
            None,
            Some(n.expr.to_string()),
        ));
    }
    computed
}

/// The levels' scheme, names, thresholds, conditions and descriptions.
fn level_changes(old: &Model, new: &Model, w: Words<'_>) -> Vec<Change> {
    let mut levels = Vec::new();
    if old.levels.scheme != new.levels.scheme {
        let scheme = |m: &Model| format!("{:?}", m.levels.scheme).to_lowercase();
        levels.push(change(
            w.get("diff-levels"),
            Some(scheme(old)),
            Some(scheme(new)),
        ));
    }
    compare(
        &mut levels,
        &t!(w, "explain-level-number", number = 0u32),
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
        _ if l.by_conditions => w.get("pdf-by-conditions"),
        Some(p) => t!(
            w,
            "diff-threshold-percent",
            percent = p,
            points = w.points(&l.min_total)
        ),
        None => w.points(&l.min_total),
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
                t!(w, "diff-level-removed", number = n),
                Some(w.quoted(&o.name)),
                None,
            )),
            (None, Some(l)) => levels.push(change(
                t!(w, "diff-level-added", number = n),
                None,
                Some(t!(
                    w,
                    "diff-level-value",
                    name = w.quoted(&l.name),
                    threshold = threshold(&l)
                )),
            )),
            (Some(o), Some(l)) => {
                compare(
                    &mut levels,
                    &t!(w, "diff-level-name", number = n),
                    Some(o.name.clone()),
                    Some(l.name.clone()),
                );
                compare(
                    &mut levels,
                    &t!(w, "diff-level-threshold", number = n),
                    Some(threshold(&o)),
                    Some(threshold(&l)),
                );
                compare(
                    &mut levels,
                    &t!(w, "diff-level-gates", number = n),
                    gates(&o),
                    gates(&l),
                );
                compare(
                    &mut levels,
                    &t!(w, "diff-level-description", number = n),
                    o.description.clone(),
                    l.description.clone(),
                );
            }
            (None, None) => {}
        }
    }
    levels
}
