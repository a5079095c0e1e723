//! Running a questionnaire's examples: each answer set against the level,
//! total and section scores it expects.

use super::{answers, explain, Engine};
use crate::model::{Example, Model};

/// The outcome of one example.
pub struct ExampleRun {
    pub id: String,
    pub title: Option<String>,
    /// What differs from the expectations (empty: it passes).
    pub failures: Vec<String>,
    /// The explanation of the score, or the answers' problems.
    pub trace: String,
}

impl ExampleRun {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Runs every example of a model.
pub fn run(model: &Model) -> Vec<ExampleRun> {
    let engine = Engine::new(model).explaining();
    model.examples.iter().map(|e| run_one(&engine, e)).collect()
}

fn run_one(engine: &Engine<'_>, example: &Example) -> ExampleRun {
    let expect = &example.expect;
    let mut failures = Vec::new();
    let trace = match engine.score(&answers::from_example(example)) {
        Err(problems) => {
            if !expect.invalid {
                failures
                    .push("the answers are rejected, but the example expects a score".to_owned());
            }
            problems.iter().map(|p| format!("{p}\n")).collect()
        }
        Ok(outcome) => {
            if expect.invalid {
                failures.push(format!(
                    "expected the answers to be rejected, but they score {} (level {})",
                    outcome.total, outcome.level
                ));
            }
            if let Some(level) = expect.level {
                if outcome.level != level {
                    failures.push(format!(
                        "expected level {level}, got level {}",
                        outcome.level
                    ));
                }
            }
            if let Some(total) = &expect.total {
                if outcome.total != *total {
                    failures.push(format!("expected total {total}, got {}", outcome.total));
                }
            }
            if let Some(expected) = &expect.mentions {
                let mut want: Vec<&str> = expected.iter().map(String::as_str).collect();
                let mut got = outcome.awarded();
                want.sort_unstable();
                got.sort_unstable();
                if want != got {
                    let list = |l: &[&str]| {
                        if l.is_empty() {
                            "none".to_owned()
                        } else {
                            l.join(", ")
                        }
                    };
                    failures.push(format!(
                        "expected mentions {}, got {}",
                        list(&want),
                        list(&got)
                    ));
                }
            }
            for (id, score) in &expect.sections {
                if let Some(s) = outcome.sections.iter().find(|s| s.id == *id) {
                    if s.score != *score {
                        failures.push(format!("expected section `{id}` {score}, got {}", s.score));
                    }
                }
            }
            explain::explain(&outcome, engine.model)
        }
    };
    ExampleRun {
        id: example.id.clone(),
        title: example.title.clone(),
        failures,
        trace,
    }
}

/// The threshold checks of `--boundaries`, as example runs.
pub fn boundaries(model: &Model) -> Vec<ExampleRun> {
    let engine = Engine::new(model);
    super::boundaries::boundaries(&engine)
        .into_iter()
        .map(|b| {
            let mut trace = String::new();
            if b.by_conditions {
                if let Some((total, level)) = &b.at {
                    trace.push_str(&format!(
                        "with its conditions: {total} points, level {level}\n"
                    ));
                }
                if let Some((total, level)) = &b.below {
                    trace.push_str(&format!(
                        "without one of them: {total} points, level {level}\n"
                    ));
                }
            } else if let Some((total, level)) = &b.at {
                trace.push_str(&format!(
                    "at or above {} points: {total} points, level {level}\n",
                    b.threshold
                ));
                if *total != b.threshold {
                    trace.push_str(&format!(
                        "(no answer set found totals exactly {})\n",
                        b.threshold
                    ));
                }
            }
            if let (false, Some((total, level))) = (b.by_conditions, &b.below) {
                trace.push_str(&format!("just below: {total} points, level {level}\n"));
            }
            if let Some(note) = &b.note {
                trace.push_str(&format!("{note}\n"));
            }
            ExampleRun {
                id: format!("threshold_level_{}", b.level),
                title: Some(if b.by_conditions {
                    format!("level {} changes with its conditions", b.level)
                } else {
                    format!("level {} changes at {} points", b.level, b.threshold)
                }),
                failures: b.failures,
                trace,
            }
        })
        .collect()
}
