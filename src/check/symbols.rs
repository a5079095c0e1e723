//! Declarations: every id once, in its namespace, and no reserved word.

use super::{Checker, Map, QuestionInfo};
use crate::diagnostic;
use crate::syntax::ast::{self, Ident};

/// Words that expressions reserve: an id spelt so could not be referred to.
const RESERVED: &[&str] = &[
    "and", "or", "not", "in", "has", "any", "yes", "no", "true", "false", "section", "total",
    "level", "previous",
];

impl<'a> Checker<'a> {
    /// Collects sections, questions, notes, computed values and examples,
    /// reporting duplicates (E0002) and reserved words (E0027).
    pub(super) fn collect_symbols(&mut self) {
        // Questions, notes and computed values share one namespace: all are
        // referred to by bare id.
        let mut items: Map<&'a str, (&'static str, &'a Ident)> = Map::default();
        let mut sections: Map<&'a str, &'a Ident> = Map::default();
        let mut position = 0;
        for (index, section) in self.ast_sections().enumerate() {
            self.reserved(&section.id);
            if let Some(first) = sections.get(section.id.name.as_str()) {
                self.report(diagnostic::duplicate_id("section", &section.id, first.span));
            } else {
                sections.insert(&section.id.name, &section.id);
                self.sections.insert(&section.id.name, index);
            }
            for item in &section.items {
                let (kind, id): (&'static str, &'a Ident) = match item {
                    ast::SectionItem::Question(q) => {
                        if !self.questions.contains_key(q.id.name.as_str())
                            && !items.contains_key(q.id.name.as_str())
                        {
                            self.questions.insert(
                                &q.id.name,
                                QuestionInfo {
                                    ast: q,
                                    position,
                                    section: index,
                                },
                            );
                        }
                        position += 1;
                        ("question", &q.id)
                    }
                    ast::SectionItem::Note(ast::Note { id: Some(id), .. }) => {
                        position += 1;
                        ("note", id)
                    }
                    ast::SectionItem::Note(_) => {
                        position += 1;
                        continue;
                    }
                    _ => continue,
                };
                self.declare(&mut items, kind, id);
            }
        }
        for c in self.ast_computed() {
            if self.declare(&mut items, "computed value", &c.id) {
                self.computed.insert(&c.id.name, c);
            }
        }
        let mut examples: Map<&str, &Ident> = Map::default();
        for item in &self.file.items {
            if let ast::Item::Example(e) = item {
                if let Some(first) = examples.get(e.id.name.as_str()) {
                    self.report(diagnostic::duplicate_id("example", &e.id, first.span));
                } else {
                    examples.insert(&e.id.name, &e.id);
                }
            }
        }
    }

    /// Declares an id in the shared namespace; false when it was taken.
    fn declare(
        &mut self,
        items: &mut Map<&'a str, (&'static str, &'a Ident)>,
        kind: &'static str,
        id: &'a Ident,
    ) -> bool {
        self.reserved(id);
        if let Some((_, first)) = items.get(id.name.as_str()) {
            self.report(diagnostic::duplicate_id(kind, id, first.span));
            false
        } else {
            items.insert(&id.name, (kind, id));
            true
        }
    }

    pub(super) fn reserved(&mut self, id: &Ident) {
        if RESERVED.contains(&id.name.as_str()) {
            self.report(diagnostic::reserved_word(id));
        }
    }
}
