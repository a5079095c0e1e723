//! Mentions: awards beside the levels, each awarded by a rule over the
//! answers and results, or decided by the jury.

use super::exprs::Ctx;
use super::Checker;
use crate::diagnostic;
use crate::model::{Levels, Mention};
use crate::syntax::ast;
use std::collections::BTreeMap;

impl Checker<'_> {
    /// Every mention, in order; a rule that can never hold is E0035.
    pub(super) fn mentions(&mut self, levels: &Levels) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut seen: BTreeMap<&str, crate::source::Span> = BTreeMap::new();
        let file = self.file;
        let blocks: Vec<&ast::Mentions> = file
            .items
            .iter()
            .filter_map(|item| match item {
                ast::Item::Mentions(m) => Some(m),
                _ => None,
            })
            .collect();
        for extra in blocks.iter().skip(1) {
            self.report(diagnostic::given_twice(
                "mentions",
                extra.span,
                blocks[0].span,
            ));
        }
        for m in blocks.first().into_iter().flat_map(|b| &b.mentions) {
            self.reserved(&m.id);
            let taken = seen.get(m.id.name.as_str()).copied().or_else(|| {
                self.questions
                    .get(m.id.name.as_str())
                    .map(|q| q.ast.id.span)
                    .or_else(|| self.computed.get(m.id.name.as_str()).map(|c| c.id.span))
            });
            if let Some(first) = taken {
                self.report(diagnostic::duplicate_id("mention", &m.id, first));
                continue;
            }
            seen.insert(&m.id.name, m.id.span);
            if m.when.is_some() == m.jury {
                self.report(diagnostic::mention_without_rule(&m.id, m.jury));
                continue;
            }
            let rule = match &m.when {
                Some(w) => {
                    let Some(expr) = self.condition(w, Ctx::Mentions, "a mention's `when`") else {
                        continue;
                    };
                    let top = levels.levels.iter().map(|l| l.number).max().unwrap_or(0);
                    if let Some(reason) = self.impossible(&expr, top) {
                        self.report(diagnostic::mention_never_awarded(
                            w.span, &m.id.name, &reason,
                        ));
                    }
                    Some(expr)
                }
                None => None,
            };
            out.push(Mention {
                id: m.id.name.clone(),
                label: m.label.value.clone(),
                description: m.description.as_ref().map(|d| d.value.clone()),
                source: m.when.as_ref().map(|w| self.text_of(w.span)),
                rule,
                jury: m.jury,
                span: m.span,
            });
        }
        out
    }
}
