//! Labels (none empty, none repeated) and unused computed values.

use super::{Checker, Map};
use crate::diagnostic;
use crate::model;
use crate::num::Num;
use crate::source::Span;
use crate::syntax::ast;

impl Checker<'_> {
    pub(super) fn lints(&mut self, _sections: &[model::Section]) {
        let header = &self.file.header;
        if header.title.value.trim().is_empty() {
            self.report(diagnostic::empty_text(
                header.title.span,
                "questionnaire's title",
            ));
        }
        let year = &header.edition.value;
        if !(Num::from_int(1000)..=Num::from_int(9999)).contains(year) {
            self.report(diagnostic::invalid_value(
                header.edition.span,
                "edition",
                "a year such as `2025`",
            ));
        }
        let mut titles: Map<String, Span> = Map::default();
        let mut labels: Map<String, Span> = Map::default();
        for section in self.ast_sections() {
            let key = section.title.value.trim().to_lowercase();
            if key.is_empty() {
                self.report(diagnostic::empty_text(
                    section.title.span,
                    "section's title",
                ));
            } else if let Some(first) = titles.get(&key) {
                self.report(diagnostic::duplicate_label(
                    "section",
                    &section.title,
                    *first,
                ));
            } else {
                titles.insert(key, section.title.span);
            }
            for item in &section.items {
                if let ast::SectionItem::Question(q) = item {
                    for o in q.parts.iter().filter_map(|p| match &p.kind {
                        ast::PartKind::Options(list) => Some(list),
                        _ => None,
                    }) {
                        for option in o.iter().filter(|o| o.label.value.trim().is_empty()) {
                            self.report(diagnostic::empty_text(
                                option.label.span,
                                "option's label",
                            ));
                        }
                    }
                    if q.label.value.trim().is_empty() {
                        self.report(diagnostic::empty_text(q.label.span, "question's label"));
                        continue;
                    }
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
            // A labelled value is shown to candidates in the form.
            .filter(|c| c.label.is_none() && !self.used.contains(&c.id.name))
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
