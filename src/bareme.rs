//! `bareme.json`: everything the scoring engine needs, so that answer sets
//! can be scored without the source. Its JSON Schema is
//! `schemas/bareme.schema.json`.

use crate::model::Model;
use crate::source::Source;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Bumped when the format changes in a way readers must know.
pub const FORMAT_VERSION: u32 = 1;

/// The published JSON Schemas.
pub const BAREME_SCHEMA: &str = include_str!("../schemas/bareme.schema.json");
pub const ANSWERS_SCHEMA: &str = include_str!("../schemas/answers.schema.json");

/// `bareme.json`: written from a borrowed model, read into an owned one.
#[derive(Serialize, Deserialize)]
struct Bareme<M> {
    format_version: u32,
    source: SourceInfo,
    questionnaire: M,
}

#[derive(Serialize, Deserialize)]
struct SourceInfo {
    /// The source's file name, without its folder.
    file: String,
    /// The SHA-256 of the source's bytes, in hexadecimal.
    sha256: String,
}

/// The SHA-256 of a text, in hexadecimal.
pub fn sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `bareme.json` for a checked model, ending with a newline.
pub fn to_json(model: &Model, source: &Source) -> String {
    let file = std::path::Path::new(&source.name)
        .file_name()
        .map_or_else(|| source.name.clone(), |f| f.to_string_lossy().into_owned());
    let bareme = Bareme {
        format_version: FORMAT_VERSION,
        source: SourceInfo {
            file,
            sha256: sha256(&source.text),
        },
        questionnaire: model,
    };
    let mut text = serde_json::to_string_pretty(&bareme).expect("a model serializes to JSON");
    text.push('\n');
    text
}

/// Reads `bareme.json` back into a model.
///
/// # Errors
/// When the text is not a `bareme.json` of this format version.
pub fn from_json(text: &str) -> Result<Model, ReadError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(ReadError::NotJson)?;
    match value
        .get("format_version")
        .and_then(serde_json::Value::as_u64)
    {
        Some(v) if v == u64::from(FORMAT_VERSION) => {}
        Some(v) => return Err(ReadError::Version(v)),
        None => return Err(ReadError::NoVersion),
    }
    let bareme: Bareme<Model> = serde_json::from_value(value).map_err(ReadError::Invalid)?;
    Ok(bareme.questionnaire)
}

/// Why a `bareme.json` cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("not valid JSON: {0}")]
    NotJson(serde_json::Error),
    #[error("format version {0}, but this grille reads version {FORMAT_VERSION}: rebuild it with `grille build`")]
    Version(u64),
    #[error("not a bareme.json: it has no `format_version`")]
    NoVersion,
    #[error("not a valid bareme.json: {0}")]
    Invalid(serde_json::Error),
}

/// The JSON Schema of answers files for one questionnaire: its question ids,
/// the options of its choices, the bounds of its numbers, its jury ranges.
pub fn answers_schema(model: &Model) -> String {
    use crate::model::{Kind, Scoring};
    use serde_json::{json, Map, Value};
    let nullable = |t: &str| json!([t, "null"]);
    let mut answers = Map::new();
    let mut jury = Map::new();
    for q in model.questions() {
        let ids = |options: &[crate::model::Choice]| -> Vec<Value> {
            options.iter().map(|o| json!(o.id)).collect()
        };
        let mut schema = match &q.kind {
            Kind::YesNo => json!({ "type": nullable("boolean") }),
            Kind::One { options } => {
                let mut values = ids(options);
                values.extend([json!(""), Value::Null]);
                json!({ "enum": values })
            }
            Kind::Many {
                options,
                min_choices,
                max_choices,
            } => {
                let mut s = json!({ "type": nullable("array"), "items": { "enum": ids(options) }, "uniqueItems": true });
                if let Some(m) = max_choices {
                    s["maxItems"] = json!(m);
                }
                if let Some(m) = min_choices.filter(|m| *m > 0) {
                    s["description"] =
                        json!(format!("at least {m} options, or none (not answered)"));
                }
                s
            }
            Kind::Integer(_) | Kind::Decimal(_) | Kind::Percent(_) => {
                let t = if matches!(q.kind, Kind::Integer(_)) {
                    "integer"
                } else {
                    "number"
                };
                let mut s = json!({ "type": nullable(t) });
                let (min, max) = crate::engine::answer::bounds(&q.kind);
                if let Some(m) = min {
                    s["minimum"] = serde_json::to_value(m).unwrap_or(Value::Null);
                }
                if let Some(m) = max {
                    s["maximum"] = serde_json::to_value(m).unwrap_or(Value::Null);
                }
                s
            }
            Kind::Date => {
                json!({ "type": nullable("string"), "pattern": "^$|^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
            }
            Kind::Siret => json!({ "type": nullable("string"), "pattern": "^$|^[0-9 ]+$" }),
            Kind::Text | Kind::LongText | Kind::Email | Kind::Url => {
                json!({ "type": nullable("string") })
            }
        };
        let title = format!("{} {}", q.number, q.label);
        if let Some(object) = schema.as_object_mut() {
            object.insert("title".into(), json!(title));
        }
        answers.insert(q.id.clone(), schema);
        if let Scoring::Jury { max } = &q.scoring {
            jury.insert(
                q.id.clone(),
                json!({ "title": title, "type": ["integer", "null"], "minimum": 0, "maximum": max }),
            );
        }
    }
    for m in model.mentions.iter().filter(|m| m.jury) {
        jury.insert(
            m.id.clone(),
            json!({ "title": m.label, "description": "the jury's decision on this mention", "type": ["boolean", "null"] }),
        );
    }
    let mut schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!("Answers to « {} », edition {}", model.title, model.edition),
        "description": "One candidate's answers, as `grille score` reads them. `null` or an empty text means not answered.",
        "type": "object",
        "properties": {
            "$schema": { "type": "string" },
            "questionnaire": { "const": model.id },
            "edition": { "const": model.edition },
            "answers": { "type": "object", "properties": answers, "additionalProperties": false },
            "jury": { "type": "object", "properties": jury, "additionalProperties": false },
            "meta": { "type": "object" }
        },
        "required": ["answers"],
        "additionalProperties": false
    });
    if !model.mentions.is_empty() {
        schema["properties"]["previous"] = json!({
            "description": "the previous edition's result, for mentions that compare with it",
            "type": "object",
            "properties": {
                "level": { "type": ["integer", "null"], "minimum": 0 },
                "total": { "type": ["number", "null"] }
            },
            "additionalProperties": false
        });
    }
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
