//! The result of scoring one answer set, and its JSON form (the contract).

use crate::num::Num;
use serde_json::{json, Map, Value};

#[derive(Clone, Debug)]
pub struct Outcome {
    pub total: Num,
    pub max: Num,
    /// The level granted; 0 when not labelled.
    pub level: u32,
    pub level_name: Option<String>,
    pub sections: Vec<SectionResult>,
    pub questions: Vec<QuestionResult>,
    pub levels: Vec<LevelResult>,
    /// Set while jury scores are missing.
    pub provisional: Option<Provisional>,
    /// Ignored answers, unanswered required questions, failed soft checks.
    pub warnings: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct SectionResult {
    pub id: String,
    pub score: Num,
    pub max: Num,
    pub shown: bool,
}

#[derive(Clone, Debug)]
pub struct QuestionResult {
    pub id: String,
    pub number: String,
    pub shown: bool,
    pub answered: bool,
    pub points: Num,
    pub max: Num,
    pub detail: Detail,
}

/// How a question earned its points.
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    Hidden,
    Unanswered,
    /// The scored value is unknown (it depends on unanswered questions).
    Unknown,
    NotScored,
    YesNo(bool),
    Choice(String),
    Choices {
        chosen: Vec<String>,
        sum: Num,
        /// The cap, when it was applied.
        cap: Option<Num>,
    },
    Band {
        /// What was banded when not the answer itself (`part_linux`).
        of: Option<String>,
        value: Num,
        band: String,
    },
    NoBand(Num),
    /// The jury's score, `None` while missing.
    Jury(Option<Num>),
}

#[derive(Clone, Debug)]
pub struct LevelResult {
    pub number: u32,
    pub name: String,
    pub min_total: Num,
    pub total_reached: bool,
    pub gates: Vec<GateResult>,
}

#[derive(Clone, Debug)]
pub struct GateResult {
    /// The gate as written.
    pub source: String,
    /// `None` when unknown (it depends on unanswered questions).
    pub holds: Option<bool>,
    /// The values the gate reads, in words.
    pub values: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Provisional {
    /// Jury questions without a score yet.
    pub missing: Vec<String>,
    /// The level full marks on them would give.
    pub highest_level: u32,
    pub highest_total: Num,
}

/// A number as JSON: exact, as a JSON number.
pub fn number(n: &Num) -> Value {
    let text = n.to_decimal(6);
    match text.parse::<serde_json::Number>() {
        Ok(n) => Value::Number(n),
        Err(_) => Value::String(text),
    }
}

impl Outcome {
    /// The contract's result object for one answers file.
    pub fn to_json(&self, file: &str) -> Value {
        let mut sections = Map::new();
        for s in &self.sections {
            sections.insert(
                s.id.clone(),
                json!({ "score": number(&s.score), "max": number(&s.max) }),
            );
        }
        let mut object = Map::new();
        object.insert("file".into(), json!(file));
        object.insert("total".into(), number(&self.total));
        object.insert("max".into(), number(&self.max));
        object.insert("level".into(), json!(self.level));
        object.insert("level_name".into(), json!(self.level_name));
        object.insert("provisional".into(), json!(self.provisional.is_some()));
        if let Some(p) = &self.provisional {
            object.insert("jury_missing".into(), json!(p.missing));
            object.insert(
                "reachable_levels".into(),
                json!({ "from": self.level, "to": p.highest_level }),
            );
            object.insert("highest_total".into(), number(&p.highest_total));
        }
        object.insert("sections".into(), Value::Object(sections));
        object.insert("warnings".into(), json!(self.warnings));
        Value::Object(object)
    }
}
