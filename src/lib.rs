//! grille: a language and compiler for scored questionnaires that award levels.
//!
//! The pipeline, in [`compile`]: the file's text is parsed into a syntax tree
//! ([`syntax::parse`]), checked into a [`model::Model`] ([`check::check`]),
//! and each level is shown reachable ([`reach::levels`]). The scoring
//! engine ([`engine`]) and the emitters ([`assets`]: the form, the PDFs,
//! `bareme.json`) consume the model only.

// Diagnostics are the error type of every stage: plain data, returned by value.
#![allow(clippy::result_large_err)]

pub mod assets;
pub mod bareme;
pub mod check;
pub mod diagnostic;
pub mod diff;
pub mod engine;
pub mod fmt;
pub mod form;
#[cfg(feature = "lsp")]
pub mod lsp;
pub mod model;
pub mod num;
#[cfg(feature = "pdf")]
pub mod pdf;
#[cfg(feature = "serve")]
pub mod preview;
pub mod reach;
#[cfg(feature = "serve")]
pub mod serve;
pub mod source;
mod stack;
pub mod suggest;
pub mod syntax;
pub mod words;
pub mod world;

use check::Checked;
use diagnostic::Diagnostic;
use model::Model;
use source::Source;
use world::World;

/// A file read and checked: the model when it has no error, and every
/// diagnostic.
pub struct Compiled {
    pub source: Source,
    pub model: Option<Model>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads, parses and checks one questionnaire file.
///
/// # Errors
/// When the file cannot be read.
pub fn compile(world: &dyn World, path: &str) -> std::io::Result<Compiled> {
    let bytes = world.read(path)?;
    Ok(stack::deep(|| {
        let (source, decoded) = syntax::decode(path, bytes);
        let checked = match decoded.and_then(|()| syntax::parse(&source.text)) {
            Ok(file) => reach::levels(check::check(&file, &source.text)),
            Err(error) => Checked::failed(error),
        };
        Compiled {
            source,
            model: checked.model,
            diagnostics: checked.diagnostics,
        }
    }))
}
