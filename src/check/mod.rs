//! From the syntax tree to the validated model. Every problem is collected
//! (not just the first), then sorted by position.

mod bands;
mod calls;
mod examples;
mod exprs;
mod header;
mod interval;
mod levels;
mod lints;
mod mentions;
mod order;
mod questions;
mod symbols;

use crate::diagnostic::{self, Diagnostic};
use crate::model::{Kind, Model};
use crate::num::Num;
use crate::syntax::ast;
use exprs::Typed;
use std::collections::{BTreeMap, BTreeSet};

/// The outcome of checking: the model when there is no error, and every
/// diagnostic (errors and warnings) sorted by position.
pub struct Checked {
    pub model: Option<Model>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// No model: an error stopped the pipeline before checking.
    pub fn failed(error: Diagnostic) -> Checked {
        Checked {
            model: None,
            diagnostics: vec![error],
        }
    }
}

pub use header::field_names as header_fields;

/// Checks a parsed file: every check but the search for answers reaching
/// each level, which needs the engine (`crate::reach`).
pub fn check(file: &ast::File, text: &str) -> Checked {
    let mut checker = Checker::new(file, text);
    checker.collect_symbols();
    let mut meta = checker.header();
    checker.lower_kinds();
    checker.campaign(&mut meta.meta);
    let sections = checker.sections();
    let computed = checker.computed_values();
    checker.check_order(&sections);
    let max: Num = sections.iter().map(|s| s.max.clone()).sum();
    let levels = checker.levels(&sections, &max);
    let mentions = checker.mentions(&levels);
    let examples = checker.examples(&sections, &levels, &mentions);
    checker.lints(&sections);

    let mut diagnostics = std::mem::take(&mut checker.diags);
    let model = (!diagnostic::has_errors(&diagnostics)).then(|| Model {
        id: file.header.id.name.clone(),
        title: file.header.title.value.clone(),
        edition: meta.edition,
        lang: meta.lang,
        meta: meta.meta,
        sections,
        computed,
        levels,
        mentions,
        examples,
        max,
        index: std::sync::OnceLock::new(),
    });
    diagnostic::sort_and_dedup(&mut diagnostics);
    Checked { model, diagnostics }
}

/// A question as declared: where it stands and its syntax.
struct QuestionInfo<'a> {
    ast: &'a ast::Question,
    /// Order of declaration among questions and notes, from 0.
    position: usize,
    /// Index of its section.
    section: usize,
}

/// A map from ids, for lookups: its order is not the ids' order.
type Map<K, V> = rustc_hash::FxHashMap<K, V>;

/// Ids in alphabetical order: « did you mean » takes the first of the
/// closest, so that the choice never depends on a map's order.
fn sorted<'k>(ids: impl Iterator<Item = &'k &'k str>) -> impl Iterator<Item = &'k str> {
    let mut ids: Vec<&str> = ids.copied().collect();
    ids.sort_unstable();
    ids.into_iter()
}

struct Checker<'a> {
    file: &'a ast::File,
    /// The source text, to quote gates as written.
    text: &'a str,
    diags: Vec<Diagnostic>,
    questions: Map<&'a str, QuestionInfo<'a>>,
    computed: BTreeMap<&'a str, &'a ast::Compute>,
    /// Section id → index, for the first declaration of each id.
    sections: Map<&'a str, usize>,
    /// Every question's answer type, once lowered.
    kinds: Map<&'a str, Kind>,
    /// Lowered computed values (`None`: invalid), filled on first use.
    computed_done: BTreeMap<&'a str, Option<Typed>>,
    computed_busy: BTreeSet<&'a str>,
    /// Computed values referred to somewhere.
    used: BTreeSet<String>,
    /// Section maxima, once known.
    section_max: BTreeMap<String, Num>,
}

impl<'a> Checker<'a> {
    fn new(file: &'a ast::File, text: &'a str) -> Checker<'a> {
        Checker {
            file,
            text,
            diags: Vec::new(),
            questions: Map::default(),
            computed: BTreeMap::new(),
            sections: Map::default(),
            kinds: Map::default(),
            computed_done: BTreeMap::new(),
            computed_busy: BTreeSet::new(),
            used: BTreeSet::new(),
            section_max: BTreeMap::new(),
        }
    }

    fn report(&mut self, diagnostic: Diagnostic) {
        self.diags.push(diagnostic);
    }

    /// Every section of the file, with its syntax.
    fn ast_sections(&self) -> impl Iterator<Item = &'a ast::Section> {
        self.file.items.iter().filter_map(|item| match item {
            ast::Item::Section(s) => Some(s),
            _ => None,
        })
    }

    /// Every computed value, at top level or in a section.
    fn ast_computed(&self) -> Vec<&'a ast::Compute> {
        let mut out = Vec::new();
        for item in &self.file.items {
            match item {
                ast::Item::Compute(c) => out.push(c),
                ast::Item::Section(s) => {
                    for i in &s.items {
                        if let ast::SectionItem::Compute(c) = i {
                            out.push(c);
                        }
                    }
                }
                _ => {}
            }
        }
        out
    }
}
