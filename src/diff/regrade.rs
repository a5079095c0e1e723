//! Each answer set scored under both editions: answers to
//! questions the new edition no longer has are set aside and reported; the
//! rest is read as the new edition reads it.

use crate::engine::{answers, Engine, Outcome, Problem};
use crate::model::Model;
use crate::t;
use crate::words::Words;
use serde_json::Value;

/// One answer set under both editions.
pub struct Regraded<'m> {
    pub name: String,
    pub old: Result<Outcome<'m>, Vec<Problem>>,
    pub new: Result<Outcome<'m>, Vec<Problem>>,
    /// Answers to questions the new edition no longer has.
    pub dropped: Vec<String>,
}

/// One answer set of the old edition (as read, and as its file's JSON)
/// scored under both.
pub fn regrade<'m>(
    name: String,
    old_read: &answers::Read,
    value: Value,
    new: &'m Model,
    old_engine: &Engine<'m>,
    new_engine: &Engine<'m>,
) -> Regraded<'m> {
    let (new_read, dropped) = carried(value, new);
    Regraded {
        name,
        old: old_engine.score_read(old_read),
        new: new_engine.score_read(&new_read),
        dropped,
    }
}

/// An answers file of an older edition (its JSON) as the new edition
/// reads it: answers and jury marks of questions it no longer has are set
/// aside (and named); the rest is read as written.
pub fn carried(mut value: Value, new: &Model) -> (answers::Read, Vec<String>) {
    let mut dropped = Vec::new();
    if let Some(object) = value.as_object_mut() {
        // The file was written for the old edition.
        object.remove("edition");
        for key in ["answers", "jury"] {
            if let Some(map) = object.get_mut(key).and_then(Value::as_object_mut) {
                let gone: Vec<String> = map
                    .keys()
                    .filter(|id| new.question(id).is_none())
                    .cloned()
                    .collect();
                for id in gone {
                    map.remove(&id);
                    if !dropped.contains(&id) {
                        dropped.push(id);
                    }
                }
            }
        }
    }
    (answers::from_json(new, &value.to_string()), dropped)
}

/// « 3 jeux de réponses passent du niveau 4 au niveau 3. », for each move;
/// then those who keep their level, and answer sets refused.
pub fn summary(rows: &[Regraded<'_>], w: Words<'_>) -> Vec<String> {
    let level = |r: &Result<Outcome<'_>, Vec<Problem>>| r.as_ref().ok().map(|o| o.level);
    let mut moves: std::collections::BTreeMap<(u32, u32), usize> =
        std::collections::BTreeMap::new();
    let (mut kept, mut refused_now, mut accepted_now, mut refused_both) = (0usize, 0, 0, 0);
    for r in rows {
        match (level(&r.old), level(&r.new)) {
            (Some(a), Some(b)) if a == b => kept += 1,
            (Some(a), Some(b)) => *moves.entry((a, b)).or_default() += 1,
            (Some(_), None) => refused_now += 1,
            (None, Some(_)) => accepted_now += 1,
            (None, None) => refused_both += 1,
        }
    }
    let mut out: Vec<String> = moves
        .iter()
        .rev()
        .map(|((from, to), n)| t!(w, "diff-moves", count = *n, from = *from, to = *to))
        .collect();
    for (count, key) in [
        (kept, "diff-kept"),
        (refused_now, "diff-refused-now"),
        (accepted_now, "diff-accepted-now"),
        (refused_both, "diff-refused-both"),
    ] {
        if count > 0 {
            out.push(t!(w, key, count = count));
        }
    }
    out
}
