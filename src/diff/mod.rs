//! What changed between two editions of a questionnaire, for the committee:
//! sections and questions (matched by id) added, removed, moved or
//! renumbered, wording, types, options, points, caps, bands, conditions,
//! checks, computed values, levels, and the maxima. Descriptions are in
//! the new edition's language, like the documents the committee publishes.

mod compare;
mod regrade;
pub mod render;

pub use compare::diff;
pub use regrade::{carried, regrade, Regraded};

use serde::Serialize;

#[derive(Serialize)]
pub struct Diff {
    /// The language the changes are told in (the new edition's).
    #[serde(skip)]
    pub lang: crate::words::Lang,
    pub old: EditionInfo,
    pub new: EditionInfo,
    /// The questionnaire's maximum before and after.
    pub max: (String, String),
    pub sections: Vec<SectionDiff>,
    /// Computed values and levels.
    pub computed: Vec<Change>,
    pub levels: Vec<Change>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Change>,
}

#[derive(Serialize)]
pub struct EditionInfo {
    pub id: String,
    pub edition: u32,
    pub title: String,
    pub draft: bool,
}

#[derive(Serialize)]
pub struct SectionDiff {
    pub id: String,
    /// `same`: only its questions changed.
    pub status: Status,
    pub number: (Option<usize>, Option<usize>),
    pub title: String,
    pub max: (Option<String>, Option<String>),
    pub changes: Vec<Change>,
    pub questions: Vec<QuestionDiff>,
}

#[derive(Serialize)]
pub struct QuestionDiff {
    pub id: String,
    pub status: Status,
    pub number: (Option<String>, Option<String>),
    pub label: String,
    pub changes: Vec<Change>,
}

/// One change: what, and the old and new values in words.
#[derive(Serialize)]
pub struct Change {
    pub what: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// What became of a section or a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Added,
    Removed,
    Changed,
    Same,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.max.0 == self.max.1
            && self.sections.is_empty()
            && self.computed.is_empty()
            && self.levels.is_empty()
            && self.mentions.is_empty()
    }
}
