//! grille: a language and compiler for scored questionnaires that award levels.
//!
//! The pipeline reads at a glance: [`syntax::parse`] turns text into a syntax
//! tree, [`check::check`] validates it into a [`model::Model`], which the
//! scoring engine and the emitters consume.

// Diagnostics are the error type of every stage: plain data, returned by value.
#![allow(clippy::result_large_err)]

pub mod bareme;
pub mod build;
pub mod check;
pub mod diagnostic;
pub mod diff;
pub mod engine;
pub mod fmt;
pub mod form;
pub mod model;
pub mod num;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod source;
pub mod syntax;
pub mod words;
pub mod world;

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
    Ok(compile_bytes(path, bytes))
}

/// Stack for parsing and checking. Expressions are bounded (see E0029), but
/// a debug build's frames are large: the pipeline brings its own stack rather
/// than depend on the caller's. Only the pages touched use memory.
const STACK: usize = 64 * 1024 * 1024;

/// Parses and checks a file's contents.
pub fn compile_bytes(name: &str, bytes: Vec<u8>) -> Compiled {
    on_own_stack(|| compile_here(name, bytes, true))
}

/// Reads, parses and checks a file, all but the search for a witness of each
/// level (the one check that needs the whole model, and the slowest): the
/// caller runs [`reachability`] on the model, beside other work.
///
/// # Errors
/// When the file cannot be read.
pub fn compile_unreached(world: &dyn World, path: &str) -> std::io::Result<Compiled> {
    let bytes = world.read(path)?;
    Ok(on_own_stack(|| compile_here(path, bytes, false)))
}

/// The search for a witness of each level: E0012 for a level no answers
/// reach, W0005 for one whose witness was not found.
pub fn reachability(model: &Model) -> Vec<Diagnostic> {
    on_own_stack(|| check::reachability(model))
}

/// Runs `f` on a thread with the pipeline's own stack, or on the caller's
/// when no thread can be had.
fn on_own_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    let mut f = Some(f);
    let on_worker = std::thread::scope(|scope| {
        let slot = &mut f;
        let worker = std::thread::Builder::new()
            .name("grille-compile".to_owned())
            .stack_size(STACK)
            .spawn_scoped(scope, || slot.take().map(|f| f()));
        worker.ok().and_then(|handle| {
            handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    });
    on_worker.unwrap_or_else(|| f.take().expect("not run on a thread")())
}

fn compile_here(name: &str, bytes: Vec<u8>, reach: bool) -> Compiled {
    let source = match syntax::decode(name, bytes) {
        Ok(source) => source,
        Err((source, d)) => return failed(source, d),
    };
    let file = match syntax::parse(&source.text) {
        Ok(file) => file,
        Err(d) => return failed(source, d),
    };
    let checked = if reach {
        check::check(&file, &source.text)
    } else {
        check::check_unreached(&file, &source.text)
    };
    Compiled {
        source,
        model: checked.model,
        diagnostics: checked.diagnostics,
    }
}

/// Runs `a` on another thread (with the pipeline's own stack) and `b` on
/// this one, and returns both results; with no thread to be had, runs `a`
/// here too. A panic in `a` goes on here.
pub(crate) fn join<A: Send, B>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    // Whichever thread takes `a` from the slot runs it.
    let slot = std::sync::Mutex::new(Some(a));
    let run = || {
        let a = slot.lock().ok().and_then(|mut a| a.take());
        a.map(|a| a())
    };
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .stack_size(STACK)
            .spawn_scoped(scope, run)
            .ok();
        let b = b();
        let a = match spawned {
            Some(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            None => run(),
        };
        (a.expect("`a` runs on one thread or the other"), b)
    })
}

fn failed(source: Source, diagnostic: Diagnostic) -> Compiled {
    Compiled {
        source,
        model: None,
        diagnostics: vec![diagnostic],
    }
}
