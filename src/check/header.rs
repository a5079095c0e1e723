//! The questionnaire header: its fields and their values.

use super::Checker;
use crate::diagnostic;
use crate::model::{Date, Meta, RichText};
use crate::num::Num;
use crate::source::Span;
use crate::suggest;
use crate::syntax::ast::{self, Value};
use crate::words::{self, Lang};
use std::collections::BTreeMap;

/// The header fields, each with the kind of value it takes.
const FIELDS: &[(&str, &str)] = &[
    ("lang", "`fr` or `en`"),
    ("organiser", "a text in quotes"),
    ("contact", "a text in quotes"),
    (
        "website",
        "an address in quotes such as \"https://example.org\"",
    ),
    ("deadline", "a date such as `2024-11-10`"),
    ("opens", "a date such as `2024-06-01`"),
    ("receipt", "`answers` or `result`"),
    ("date", "a date such as `2024-06-01`"),
    ("notice", "a text in quotes"),
    ("intro", "a text in quotes"),
    ("status", "`draft` or `final`"),
    (
        "action",
        "an address in quotes such as \"https://example.org/depot\"",
    ),
    (
        "terms",
        "a block of terms such as `{ submit \"Envoyer ma candidature\" }`",
    ),
    (
        "campaign",
        "a block naming questions such as `{ name P1 type P2 key P3 carrier P6 }`",
    ),
];

/// The header field names, in the order of the table above.
pub fn field_names() -> impl Iterator<Item = &'static str> {
    FIELDS.iter().map(|(k, _)| *k)
}

/// The lines of a `campaign { … }` block: the question each names, and
/// the answer types it may have.
const CAMPAIGN: &[(&str, &[&str])] = &[
    ("name", &["text"]),
    ("carrier", &["text"]),
    ("type", &["one"]),
    ("key", &["text", "siret", "email", "integer"]),
];

pub(super) struct HeaderOut {
    pub edition: u32,
    pub lang: Lang,
    pub meta: Meta,
}

impl Checker<'_> {
    pub(super) fn header(&mut self) -> HeaderOut {
        let header = &self.file.header;
        let mut seen: BTreeMap<&str, Span> = BTreeMap::new();
        let mut meta = Meta::default();
        let mut lang = None;
        for field in &header.fields {
            let key = field.key.name.as_str();
            let Some((_, expects)) = FIELDS.iter().find(|(k, _)| *k == key) else {
                let suggestion = suggest::closest(key, FIELDS.iter().map(|(k, _)| *k));
                self.report(diagnostic::unknown_field(&field.key, suggestion));
                continue;
            };
            if let Some(first) = seen.insert(key, field.key.span) {
                self.report(diagnostic::given_twice(key, field.key.span, first));
                continue;
            }
            let bad = |checker: &mut Self| {
                checker.report(diagnostic::invalid_value(field.value.span(), key, expects));
            };
            match (key, &field.value) {
                ("lang", Value::Ident(i)) => match Lang::parse(&i.name) {
                    Some(l) => lang = Some(l),
                    None => self.report(diagnostic::unsupported_lang(i.span, &i.name)),
                },
                ("lang", Value::Text(t)) => match Lang::parse(&t.value) {
                    Some(l) => lang = Some(l),
                    None => self.report(diagnostic::unsupported_lang(t.span, &t.value)),
                },
                ("terms", Value::Block(fields, _)) => self.terms(fields, &mut meta),
                // Read once the questions' types are known: `campaign()`.
                ("campaign", Value::Block(..)) => {}
                ("organiser", Value::Text(t)) => meta.organiser = Some(t.value.clone()),
                ("contact", Value::Text(t)) => meta.contact = Some(t.value.clone()),
                ("website", Value::Text(t)) if is_web(&t.value) => {
                    meta.website = Some(t.value.clone())
                }
                ("action", Value::Text(t)) if is_web(&t.value) => {
                    meta.action = Some(t.value.clone())
                }
                ("deadline" | "date" | "opens", Value::Date(d)) => match Date::parse(&d.text) {
                    Some(date) if key == "date" => meta.date = Some(date),
                    Some(date) if key == "opens" => meta.opens = Some(date),
                    Some(date) => meta.deadline = Some(date),
                    None => self.report(diagnostic::invalid_date(d.span, &d.text)),
                },
                ("notice" | "intro", Value::Text(t)) => {
                    if let Some(rich) = self.rich_text(t) {
                        if key == "notice" {
                            meta.notice = Some(rich);
                        } else {
                            meta.intro = Some(rich);
                        }
                    }
                }
                ("receipt", Value::Ident(i)) if i.name == "answers" || i.name == "result" => {
                    meta.receipt_result = i.name == "result";
                }
                ("status", Value::Ident(i)) if i.name == "draft" || i.name == "final" => {
                    meta.draft = i.name == "draft";
                }
                _ => bad(self),
            }
        }
        if let (Some(opens), Some(deadline), Some(span)) =
            (meta.opens, meta.deadline, seen.get("opens"))
        {
            if opens > deadline {
                self.report(diagnostic::invalid_value(
                    *span,
                    "opens",
                    "a date no later than the `deadline`",
                ));
            }
        }
        if lang.is_none() && !seen.contains_key("lang") {
            self.report(diagnostic::missing_lang(
                header.id.span.to(header.title.span),
            ));
        }
        HeaderOut {
            edition: edition(&header.edition.value),
            lang: lang.unwrap_or_default(),
            meta,
        }
    }

    /// `terms { submit "…" }`: the questionnaire's wording of the
    /// catalog's terms.
    fn terms(&mut self, fields: &[ast::Field], meta: &mut Meta) {
        let mut seen: BTreeMap<&str, Span> = BTreeMap::new();
        for field in fields {
            let key = field.key.name.as_str();
            if !words::term_names().any(|t| t == key) {
                let suggestion = suggest::closest(key, words::term_names());
                self.report(diagnostic::unknown_term(&field.key, suggestion));
                continue;
            }
            if let Some(first) = seen.insert(key, field.key.span) {
                self.report(diagnostic::given_twice(key, field.key.span, first));
                continue;
            }
            match &field.value {
                Value::Text(t) if !t.value.trim().is_empty() => {
                    meta.terms.insert(key.to_owned(), t.value.clone());
                }
                other => self.report(diagnostic::invalid_value(
                    other.span(),
                    key,
                    "a text in quotes",
                )),
            }
        }
    }

    /// `campaign { name P1 type P2 key P3 carrier P6 }`: the questions
    /// that name an application, say who carries it, give its respondent
    /// type, and match it with the previous edition's. Read after the
    /// questions' types are lowered.
    pub(super) fn campaign(&mut self, meta: &mut Meta) {
        let Some(Value::Block(fields, _)) = self
            .file
            .header
            .fields
            .iter()
            .find(|f| f.key.name == "campaign")
            .map(|f| &f.value)
        else {
            return;
        };
        let mut seen: BTreeMap<&str, Span> = BTreeMap::new();
        for field in fields {
            let key = field.key.name.as_str();
            let Some((_, kinds)) = CAMPAIGN.iter().find(|(k, _)| *k == key) else {
                let suggestion = suggest::closest(key, CAMPAIGN.iter().map(|(k, _)| *k));
                self.report(diagnostic::unknown_campaign_line(&field.key, suggestion));
                continue;
            };
            if let Some(first) = seen.insert(key, field.key.span) {
                self.report(diagnostic::given_twice(key, field.key.span, first));
                continue;
            }
            let Value::Ident(id) = &field.value else {
                self.report(diagnostic::invalid_value(
                    field.value.span(),
                    key,
                    "the id of a question, such as `P1`",
                ));
                continue;
            };
            if !self.questions.contains_key(id.name.as_str()) {
                let suggestion = suggest::closest(&id.name, super::sorted(self.questions.keys()));
                self.report(diagnostic::undefined_reference(
                    &id.name, id.span, suggestion, false,
                ));
                continue;
            }
            let Some(kind) = self.kinds.get(id.name.as_str()) else {
                continue; // an invalid type, reported already
            };
            if !kinds.contains(&kind.keyword()) {
                self.report(diagnostic::campaign_kind(key, id, kind.keyword(), kinds));
                continue;
            }
            let question = Some(id.name.clone());
            match key {
                "name" => meta.campaign.name = question,
                "carrier" => meta.campaign.carrier = question,
                "type" => meta.campaign.kind = question,
                _ => meta.campaign.key = question,
            }
        }
    }

    /// Parses light formatting, reporting malformed markup (E0028).
    pub(super) fn rich_text(&mut self, text: &ast::Text) -> Option<RichText> {
        match RichText::parse(&text.value) {
            Ok(rich) => Some(rich),
            Err(reason) => {
                self.report(diagnostic::bad_markup(text.span, &reason.to_string()));
                None
            }
        }
    }
}

fn edition(value: &Num) -> u32 {
    value.to_decimal(0).parse().unwrap_or(0)
}

fn is_web(address: &str) -> bool {
    address.starts_with("https://") || address.starts_with("http://")
}
