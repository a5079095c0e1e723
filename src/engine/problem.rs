//! What makes an answer set invalid: each problem has a kind (with its
//! stable code and its help, worded here), the question concerned, its
//! message, and where it stands in the file read.

use std::ops::Range;

/// The kinds of problem, each with a stable code (`grille score` prints it,
/// `docs/scoring.md` explains it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The file is not JSON.
    NotJson,
    /// The file is JSON but not shaped as an answers file.
    Shape,
    /// A key at the top of the file that answers files do not have.
    UnknownKey,
    /// The answers are for another questionnaire or edition.
    OtherEdition,
    /// An id that is not a question of the questionnaire.
    UnknownQuestion,
    /// An answer that does not fit its question.
    Answer,
    /// A jury mark that does not fit its question.
    Jury,
    /// The previous edition's result is not a level and a total.
    Previous,
    /// A hard check of the questionnaire fails on these answers.
    Check,
    /// A computed value leaves its declared range.
    Computed,
    /// More problems than are described.
    More,
    /// A spreadsheet that cannot be read as CSV.
    Spreadsheet,
    /// A spreadsheet's column that is not a question.
    Column,
}

impl Kind {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Kind::NotJson => "answers::not_json",
            Kind::Shape => "answers::shape",
            Kind::UnknownKey => "answers::unknown_key",
            Kind::OtherEdition => "answers::other_edition",
            Kind::UnknownQuestion => "answers::unknown_question",
            Kind::Answer => "answers::invalid_answer",
            Kind::Jury => "answers::jury_mark",
            Kind::Previous => "answers::previous",
            Kind::Check => "answers::failed_check",
            Kind::Computed => "answers::computed_range",
            Kind::More => "answers::too_many_problems",
            Kind::Spreadsheet => "spreadsheet::unreadable",
            Kind::Column => "spreadsheet::unknown_column",
        }
    }

    /// What to do about it.
    pub fn help(self) -> &'static str {
        match self {
            Kind::NotJson => "an answers file is JSON: { \"answers\": { \"S1\": \"…\" }, \"jury\": { … } }; the form's « Télécharger mes réponses » writes one",
            Kind::Shape => "an answers file is an object with an `answers` object of question ids, and optionally a `jury` object",
            Kind::UnknownKey => "remove the key, or move it under `answers`, `jury` or `previous`",
            Kind::OtherEdition => "score it with the questionnaire it was written for, or regrade it with `grille diff OLD NEW --regrade`",
            Kind::UnknownQuestion => "use the question ids of the questionnaire: its jury's PDF shows each one beside its question",
            Kind::Answer => "correct the answer, or remove it to leave the question unanswered",
            Kind::Jury => "the jury awards a whole number of points from 0 to the question's maximum",
            Kind::Previous => "`previous` gives the previous edition's result: { \"level\": 2, \"total\": 80.5 }",
            Kind::Check => "the questionnaire's checks must hold: correct the answers it names",
            Kind::Computed => "correct the answers the computed value is made of",
            Kind::More => "check that these are answers to this questionnaire",
            Kind::Spreadsheet => "save the spreadsheet as CSV in UTF-8, one row per candidate, with the question ids in its first row",
            Kind::Column => "name each column after a question id (`jury:ID` for a jury mark, `candidat` for the row's name)",
        }
    }
}

/// A problem with an answer set: it is invalid and gets no score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub kind: Kind,
    /// The question concerned, if any.
    pub question: Option<String>,
    pub message: String,
    /// Where it stands in the file read (bytes), when known.
    pub at: Option<Range<usize>>,
}

impl Problem {
    /// A problem with a question's answer or mark.
    pub fn at(kind: Kind, question: &str, message: String) -> Problem {
        Problem {
            kind,
            question: Some(question.to_owned()),
            message,
            at: None,
        }
    }

    /// A problem with the answer set as a whole.
    pub fn general(kind: Kind, message: String) -> Problem {
        Problem {
            kind,
            question: None,
            message,
            at: None,
        }
    }

    /// The same problem, placed in the file read.
    #[must_use]
    pub fn placed(mut self, at: Option<Range<usize>>) -> Problem {
        self.at = at;
        self
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.question {
            Some(q) => write!(f, "`{q}`: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}
