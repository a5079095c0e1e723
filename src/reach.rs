//! The last check of a questionnaire: can each level be reached? It needs
//! the scoring engine (it searches for answers reaching each level), so it
//! is a stage of its own after [`crate::check`], which knows nothing of the
//! engine.

use crate::check::Checked;
use crate::diagnostic::{self, Diagnostic};
use crate::engine::witness::{reach, Reach};
use crate::engine::Engine;
use crate::model::Model;
use crate::source::Span;

/// Adds a diagnostic for each level that no answer set can reach (E0012),
/// or for which none was found (W0005); a model with such an error is
/// dropped.
pub fn levels(checked: Checked) -> Checked {
    let Checked {
        model,
        mut diagnostics,
    } = checked;
    let Some(model) = model else {
        return Checked { model, diagnostics };
    };
    diagnostics.extend(unreached(&model));
    diagnostics.extend(mentions_never_awarded(&model));
    diagnostic::sort_and_dedup(&mut diagnostics);
    let model = (!diagnostic::has_errors(&diagnostics)).then_some(model);
    Checked { model, diagnostics }
}

/// A mention whose rule is proven never to hold, trying every answer to the
/// yes/no and choice questions it reads (E0035).
fn mentions_never_awarded(model: &Model) -> Vec<Diagnostic> {
    let engine = Engine::new(model).quiet();
    model
        .mentions
        .iter()
        .filter_map(|m| {
            let rule = m.rule.as_ref()?;
            crate::engine::proof::never_together(&engine, &[rule]).then(|| {
                let source = m.source.as_deref().unwrap_or_default();
                diagnostic::mention_never_awarded(
                    m.span,
                    &m.id,
                    &format!("its condition `{source}` can never hold"),
                )
            })
        })
        .collect()
}

fn unreached(model: &Model) -> Vec<Diagnostic> {
    let engine = Engine::new(model).quiet();
    let mut out = Vec::new();
    // From the highest level down: a witness for a level reaches those below.
    let mut witnessed = 0;
    for level in model.levels.levels.iter().rev() {
        if level.number <= witnessed {
            continue;
        }
        match reach(&engine, level.number) {
            Reach::Witness(_, outcome) => witnessed = outcome.level,
            Reach::Impossible(reason) => {
                // Point at the conditions involved: this level's, and those of
                // the levels below it when they accumulate.
                let gates: Vec<Span> = model
                    .levels
                    .levels
                    .iter()
                    .filter(|l| model.levels.scheme.needs(level.number, l.number))
                    .flat_map(|l| l.gates.iter().map(|g| g.span))
                    .collect();
                let primary = level.gates.last().map_or(level.span, |g| g.span);
                let mut d = diagnostic::unreachable_level(primary, level.number, &reason);
                for span in gates.into_iter().filter(|s| *s != primary) {
                    d = d.with_label(span, "this condition");
                }
                out.push(d);
            }
            Reach::NotFound => out.push(diagnostic::level_not_found(level.span, level.number)),
        }
    }
    out
}
