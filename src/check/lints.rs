//! Warnings: duplicate labels and unused computed values.

use super::Checker;
use crate::diagnostic;
use crate::model;
use crate::source::Span;
use crate::syntax::ast;
use std::collections::BTreeMap;

impl Checker<'_> {
    pub(super) fn lints(&mut self, _sections: &[model::Section]) {
        let mut labels: BTreeMap<String, Span> = BTreeMap::new();
        for section in self.ast_sections() {
            for item in &section.items {
                if let ast::SectionItem::Question(q) = item {
                    let key = q.label.value.trim().to_lowercase();
                    if let Some(first) = labels.get(&key) {
                        self.report(diagnostic::duplicate_label("question", &q.label, *first));
                    } else {
                        labels.insert(key, q.label.span);
                    }
                }
            }
        }
        let unused: Vec<_> = self
            .computed
            .values()
            .filter(|c| !self.used.contains(&c.id.name))
            .map(|c| c.id.clone())
            .collect();
        for id in unused {
            self.report(diagnostic::unused_computed(&id));
        }
    }

    /// The source text of a span.
    pub(super) fn text_of(&self, span: Span) -> String {
        self.text.get(span.range()).unwrap_or_default().to_owned()
    }
}
