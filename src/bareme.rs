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

#[derive(Serialize, Deserialize)]
struct Bareme {
    format_version: u32,
    source: SourceInfo,
    questionnaire: Model,
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
        questionnaire: model.clone(),
    };
    let mut text = serde_json::to_string_pretty(&bareme).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads `bareme.json` back into a model.
///
/// # Errors
/// When the text is not a `bareme.json` of this format version.
pub fn from_json(text: &str) -> Result<Model, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    match value.get("format_version").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(FORMAT_VERSION) => {}
        Some(v) => {
            return Err(format!(
                "format version {v}, but this grille reads version {FORMAT_VERSION}: rebuild it with `grille build`"
            ))
        }
        None => return Err("not a bareme.json: it has no `format_version`".to_owned()),
    }
    let bareme: Bareme =
        serde_json::from_value(value).map_err(|e| format!("not a valid bareme.json: {e}"))?;
    Ok(bareme.questionnaire)
}
