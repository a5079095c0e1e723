//! The result of scoring one answer set, and its JSON form (the contract).

use crate::num::Num;
use serde_json::{json, Map, Value};

#[derive(Clone, Debug)]
pub struct Outcome<'m> {
    pub total: Num,
    pub max: Num,
    /// The level granted; 0 when not labelled.
    pub level: u32,
    pub level_name: Option<&'m str>,
    pub sections: Vec<SectionResult<'m>>,
    pub questions: Vec<QuestionResult<'m>>,
    pub levels: Vec<LevelResult<'m>>,
    /// Each mention, awarded or not.
    pub mentions: Vec<MentionResult<'m>>,
    /// Set while jury scores are missing.
    pub provisional: Option<Provisional<'m>>,
    /// Ignored answers, unanswered required questions, failed soft checks.
    pub warnings: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct MentionResult<'m> {
    pub id: &'m str,
    pub label: &'m str,
    /// `None` while the jury has not decided a mention it decides.
    pub awarded: Option<bool>,
    /// The values its rule reads, for explanations.
    pub values: Vec<String>,
}

impl<'m> Outcome<'m> {
    /// The ids of the mentions awarded.
    pub fn awarded(&self) -> Vec<&'m str> {
        self.awarded_mentions().map(|m| m.id).collect()
    }

    /// The labels of the mentions awarded.
    pub fn awarded_labels(&self) -> Vec<&'m str> {
        self.awarded_mentions().map(|m| m.label).collect()
    }

    fn awarded_mentions(&self) -> impl Iterator<Item = &MentionResult<'m>> {
        self.mentions.iter().filter(|m| m.awarded == Some(true))
    }
}

#[derive(Clone, Debug)]
pub struct SectionResult<'m> {
    pub id: &'m str,
    pub score: Num,
    pub max: Num,
    pub shown: bool,
}

#[derive(Clone, Debug)]
pub struct QuestionResult<'m> {
    pub id: &'m str,
    pub number: &'m str,
    pub shown: bool,
    pub answered: bool,
    pub points: Num,
    pub max: Num,
    pub detail: Detail<'m>,
}

/// How a question earned its points.
#[derive(Clone, Debug, PartialEq)]
pub enum Detail<'m> {
    Hidden,
    Unanswered,
    /// The scored value is unknown (it depends on unanswered questions).
    Unknown,
    NotScored,
    YesNo(bool),
    /// The option chosen.
    Choice(&'m str),
    Choices {
        /// The options chosen (listed only when explaining).
        chosen: Vec<&'m str>,
        sum: Num,
        /// The cap, when it was applied.
        cap: Option<Num>,
    },
    Band {
        /// What was banded when not the answer itself (`part_linux`).
        of: Option<&'m crate::model::Expr>,
        value: Num,
        band: &'m crate::model::Band,
    },
    NoBand(Num),
    /// The jury's score, `None` while missing.
    Jury(Option<Num>),
}

#[derive(Clone, Debug)]
pub struct LevelResult<'m> {
    pub number: u32,
    pub name: &'m str,
    pub min_total: Num,
    pub total_reached: bool,
    pub gates: Vec<GateResult<'m>>,
}

#[derive(Clone, Debug)]
pub struct GateResult<'m> {
    /// The gate as written.
    pub source: &'m str,
    /// `None` when unknown (it depends on unanswered questions).
    pub holds: Option<bool>,
    /// The values the gate reads, in words.
    pub values: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Provisional<'m> {
    /// Jury questions without a score yet.
    pub missing: Vec<&'m str>,
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

impl Outcome<'_> {
    /// The contract's result object for one answers file.
    pub fn to_json(&self, file: &str) -> Value {
        let mut sections = Map::new();
        for s in &self.sections {
            sections.insert(
                s.id.to_owned(),
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
        if !self.mentions.is_empty() {
            object.insert("mentions".into(), json!(self.awarded()));
            let pending: Vec<&str> = self
                .mentions
                .iter()
                .filter(|m| m.awarded.is_none())
                .map(|m| m.id)
                .collect();
            if !pending.is_empty() {
                object.insert("mentions_pending".into(), json!(pending));
            }
        }
        object.insert("sections".into(), Value::Object(sections));
        object.insert("warnings".into(), json!(self.warnings));
        Value::Object(object)
    }
}
