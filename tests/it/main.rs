//! The integration tests: one binary, a module per area. Fixtures are in
//! `tests/fixtures/`, snapshots in `tests/it/snapshots/`.
//!
//! Tests that need programs from outside Rust (Node.js, Chromium, Java,
//! poppler) are ignored by a plain `cargo test`, each with its reason;
//! `bash scripts/test` installs those programs and runs every test.

mod browser;
mod check;
mod cli;
mod codes;
mod common;
mod conformance;
mod diff;
mod docs;
mod editors;
mod engine;
mod fmt;
mod form;
mod forms;
mod fuzz_regressions;
mod hostile;
#[cfg(feature = "serve")]
mod jury;
#[cfg(feature = "lsp")]
mod lsp;
mod parse;
#[cfg(feature = "pdf")]
mod pdf;
mod robust;
mod schemas;
mod score;
#[cfg(feature = "serve")]
mod serve;
mod words;
