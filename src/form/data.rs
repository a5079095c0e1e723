//! The page's data (`<script type="application/json" id="grille-data">`):
//! what its evaluator reads, serialized straight from the model. Every number
//! is written as text, so that JavaScript never rounds it, and the text can
//! sit inside a `<script>` element.

use crate::model::{Check, Computed, Expr, Item, Kind, Model, Question, Section};
use crate::num::Num;
use serde::Serialize;
use std::io::{self, Write};

/// The questionnaire's sections, questions (kinds, conditions, checks) and
/// computed values, in the expression format of `bareme.json`. Scores,
/// levels and examples are left out.
pub fn json(model: &Model) -> String {
    let words = model.words();
    let (point, thousands) = model.lang.separators();
    let data = Data {
        lang: model.lang.code(),
        separators: [point, thousands],
        words: words.script(),
        questionnaire: Questionnaire {
            id: &model.id,
            edition: model.edition,
            sections: model.sections.iter().map(SectionData).collect(),
            computed: model.computed.iter().map(ComputedData).collect(),
        },
    };
    // Room for the usual size at once: a large text is not copied as it grows.
    let mut out = Vec::with_capacity(4096 + 320 * model.size());
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, ScriptSafe);
    data.serialize(&mut serializer)
        .expect("serializing to memory cannot fail");
    // The formatter only ever writes valid UTF-8 (JSON text and ASCII
    // escapes).
    String::from_utf8(out).expect("JSON is UTF-8")
}

#[derive(Serialize)]
struct Data<'a> {
    /// The language, the number separators and the catalog's `script-*`
    /// messages, for the page's own words.
    lang: &'static str,
    separators: [char; 2],
    words: std::collections::BTreeMap<&'static str, serde_json::Value>,
    questionnaire: Questionnaire<'a>,
}

#[derive(Serialize)]
struct Questionnaire<'a> {
    id: &'a str,
    edition: u32,
    sections: Vec<SectionData<'a>>,
    computed: Vec<ComputedData<'a>>,
}

struct SectionData<'a>(&'a Section);

impl Serialize for SectionData<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            id: &'a str,
            number: usize,
            title: &'a str,
            when: &'a Option<Expr>,
            checks: &'a [Check],
            items: Vec<ItemData<'a>>,
        }
        let s = self.0;
        Out {
            id: &s.id,
            number: s.number,
            title: &s.title,
            when: &s.when,
            checks: &s.checks,
            items: s.items.iter().map(ItemData).collect(),
        }
        .serialize(serializer)
    }
}

struct ItemData<'a>(&'a Item);

impl Serialize for ItemData<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(rename_all = "snake_case")]
        enum Out<'a> {
            Question(QuestionData<'a>),
            Note { when: &'a Option<Expr> },
        }
        match self.0 {
            Item::Question(q) => Out::Question(QuestionData(q)),
            Item::Note(n) => Out::Note { when: &n.when },
        }
        .serialize(serializer)
    }
}

struct QuestionData<'a>(&'a Question);

impl Serialize for QuestionData<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            id: &'a str,
            number: &'a str,
            label: &'a str,
            required: bool,
            kind: KindData<'a>,
            when: &'a Option<Expr>,
            checks: &'a [Check],
        }
        let q = self.0;
        Out {
            id: &q.id,
            number: &q.number,
            label: &q.label,
            required: q.required,
            kind: KindData(&q.kind),
            when: &q.when,
            checks: &q.checks,
        }
        .serialize(serializer)
    }
}

/// A question's kind as the page checks answers: its type (a long text is a
/// text), options, number of choices and bounds.
struct KindData<'a>(&'a Kind);

impl Serialize for KindData<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        #[derive(Serialize)]
        struct Choice<'a> {
            id: &'a str,
            exclusive: bool,
        }
        let kind = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(
            "type",
            match kind {
                Kind::LongText => "text",
                k => k.keyword(),
            },
        )?;
        let options = kind.options();
        if !options.is_empty() {
            let options: Vec<Choice> = options
                .iter()
                .map(|o| Choice {
                    id: &o.id,
                    exclusive: o.exclusive,
                })
                .collect();
            map.serialize_entry("options", &options)?;
        }
        if let Kind::Many {
            min_choices,
            max_choices,
            ..
        } = kind
        {
            map.serialize_entry("min_choices", min_choices)?;
            map.serialize_entry("max_choices", max_choices)?;
        }
        if kind.bounds().is_some() {
            let (min, max) = crate::engine::answer::bounds(kind);
            map.serialize_entry("min", &min)?;
            map.serialize_entry("max", &max)?;
        }
        map.end()
    }
}

struct ComputedData<'a>(&'a Computed);

impl Serialize for ComputedData<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            id: &'a str,
            label: &'a Option<String>,
            expr: &'a Expr,
            range: &'a Option<(Num, Num)>,
            #[serde(skip_serializing_if = "Option::is_none")]
            unit: &'a Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            decimals: &'a Option<u32>,
        }
        let c = self.0;
        Out {
            id: &c.id,
            label: &c.label,
            expr: &c.expr,
            range: &c.range,
            unit: &c.unit,
            decimals: &c.decimals,
        }
        .serialize(serializer)
    }
}

/// Compact JSON with every number in quotes, and none of `<`, `>`, `&`
/// (so no `</script>`) or the line separators U+2028 and U+2029 in strings.
struct ScriptSafe;

macro_rules! quoted {
    ($($name:ident: $t:ty),* $(,)?) => {
        $(
            fn $name<W: ?Sized + Write>(&mut self, writer: &mut W, value: $t) -> io::Result<()> {
                write!(writer, "\"{value}\"")
            }
        )*
    };
}

impl serde_json::ser::Formatter for ScriptSafe {
    quoted!(
        write_i8: i8,
        write_i16: i16,
        write_i32: i32,
        write_i64: i64,
        write_i128: i128,
        write_u8: u8,
        write_u16: u16,
        write_u32: u32,
        write_u64: u64,
        write_u128: u128,
        write_f32: f32,
        write_f64: f64,
    );

    fn write_number_str<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        value: &str,
    ) -> io::Result<()> {
        writer.write_all(b"\"")?;
        writer.write_all(value.as_bytes())?;
        writer.write_all(b"\"")
    }

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            let escape = match c {
                '<' => "\\u003c",
                '>' => "\\u003e",
                '&' => "\\u0026",
                '\u{2028}' => "\\u2028",
                '\u{2029}' => "\\u2029",
                _ => continue,
            };
            writer.write_all(&fragment.as_bytes()[start..i])?;
            writer.write_all(escape.as_bytes())?;
            start = i + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_cannot_close_the_script_element() {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, ScriptSafe);
        "</script><b>&amp;\u{2028}\u{2029}é\"\\"
            .serialize(&mut serializer)
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        assert!(!text.contains('\u{2028}') && !text.contains('\u{2029}'));
        let back: String = serde_json::from_str(&text).unwrap();
        assert_eq!(back, "</script><b>&amp;\u{2028}\u{2029}é\"\\");
    }

    #[test]
    fn numbers_are_text() {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, ScriptSafe);
        (1u32, -2i64, Num::parse("29.99").unwrap(), 0.5f64)
            .serialize(&mut serializer)
            .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"["1","-2","29.99","0.5"]"#
        );
    }
}
