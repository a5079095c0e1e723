//! grille's own words, in the questionnaire's language: every text the
//! outputs write around the source's texts comes from one Fluent catalog per
//! language (`assets/words/fr.ftl`, `assets/words/en.ftl`). Numbers, points
//! and dates are written here by the language's rules; `conditions` words
//! the model's expressions.
//!
//! A questionnaire may replace the catalog's `term-*` messages with its own
//! wording (`terms { submit "Envoyer ma candidature" }` in its header).

mod conditions;

pub use conditions::{answer, choices_count, condition, number_kind, shown_if};

use crate::model::{Date, Model};
use crate::num::Num;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The languages grille writes in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The catalog's source text.
    pub fn catalog(self) -> &'static str {
        match self {
            Lang::Fr => include_str!("../../assets/words/fr.ftl"),
            Lang::En => include_str!("../../assets/words/en.ftl"),
        }
    }

    /// The decimal separator and the one between groups of three digits.
    pub fn separators(self) -> (char, char) {
        match self {
            Lang::Fr => (',', '\u{202f}'),
            Lang::En => ('.', ','),
        }
    }

    fn bundle(self) -> &'static FluentBundle<FluentResource> {
        static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
        let bundles = BUNDLES.get_or_init(|| Lang::ALL.map(load));
        &bundles[self as usize]
    }
}

/// A catalog as a bundle. The catalogs are part of the program and a test
/// parses them, so an error here is a defect of the build.
fn load(lang: Lang) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(lang.catalog().to_owned())
        .unwrap_or_else(|(_, errors)| panic!("assets/words/{}.ftl: {errors:?}", lang.code()));
    let id = lang.code().parse().expect("a language code");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Texts are inserted in pages and PDFs, never beside right-to-left text
    // of grille's own: no isolation marks.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::Fr => |v, _| format_number(v, Lang::Fr),
        Lang::En => |v, _| format_number(v, Lang::En),
    }));
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("assets/words/{}.ftl: {errors:?}", lang.code()));
    bundle
}

/// Numbers given to messages are written as [`Lang::number`] writes them.
fn format_number(value: &FluentValue, lang: Lang) -> Option<String> {
    match value {
        // The page's script fills in this number itself (`Words::script`).
        FluentValue::Number(n) if n.options.currency.is_some() => n.options.currency.clone(),
        FluentValue::Number(n) => {
            let digits = n.options.minimum_fraction_digits.unwrap_or(0);
            Some(group(&format!("{:.*}", digits, n.value), lang))
        }
        _ => None,
    }
}

/// `-1234.5` in the language's writing: `-1 234,5`, `-1,234.5`.
fn group(decimal: &str, lang: Lang) -> String {
    let (point, thousands) = lang.separators();
    let (sign, digits) = decimal
        .strip_prefix('-')
        .map_or(("", decimal), |d| ("-", d));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push(point);
        out.push_str(fraction);
    }
    out
}

/// A value given to a message.
pub enum Arg<'a> {
    Text(std::borrow::Cow<'a, str>),
    Num(FluentNumber),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(text.into())
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(text.as_str().into())
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(text.into())
    }
}

/// A number exactly as written with two decimals at most (its plural
/// category follows what is shown).
impl From<&Num> for Arg<'_> {
    fn from(n: &Num) -> Self {
        Arg::Num(decimal(&n.to_decimal(2)))
    }
}

impl From<Num> for Arg<'_> {
    fn from(n: Num) -> Self {
        Arg::from(&n)
    }
}

macro_rules! from_integer {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Num(decimal(&n.to_string()))
            }
        }
    )*};
}
from_integer!(u8, u32, usize, i64);

fn decimal(text: &str) -> FluentNumber {
    text.parse()
        .expect("a decimal number as Num and integers write it")
}

/// `t!(words, "key", name = value, …)`: a message with its arguments.
#[macro_export]
macro_rules! t {
    ($words:expr, $key:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $words.text($key, &[$((stringify!($name), $crate::words::Arg::from($value))),*])
    };
}

/// The words of one questionnaire: its language's catalog, with the terms
/// the questionnaire chose instead of the catalog's.
#[derive(Clone, Copy)]
pub struct Words<'m> {
    pub lang: Lang,
    terms: &'m BTreeMap<String, String>,
}

impl Model {
    pub fn words(&self) -> Words<'_> {
        Words {
            lang: self.lang,
            terms: &self.meta.terms,
        }
    }
}

/// The terms a questionnaire may choose (`terms { … }`), each the name of a
/// `term-*` message of the catalogs.
pub fn term_names() -> impl Iterator<Item = &'static str> {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            keys(Lang::Fr)
                .filter_map(|k| k.strip_prefix("term-"))
                .collect()
        })
        .iter()
        .copied()
}

/// The message ids of a catalog, in its order.
pub fn keys(lang: Lang) -> impl Iterator<Item = &'static str> {
    lang.catalog().lines().filter_map(|line| {
        let (id, _) = line.split_once(" =")?;
        (!id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')).then_some(id)
    })
}

impl<'m> Words<'m> {
    /// The words of a language with no terms of a questionnaire's.
    pub fn plain(lang: Lang) -> Words<'static> {
        static NONE: BTreeMap<String, String> = BTreeMap::new();
        Words { lang, terms: &NONE }
    }

    /// The message `key` with its arguments.
    pub fn text(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        if let Some(own) = key.strip_prefix("term-").and_then(|t| self.terms.get(t)) {
            return own.clone();
        }
        let bundle = self.lang.bundle();
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            debug_assert!(false, "no message `{key}` in {}.ftl", self.lang.code());
            return key.to_owned();
        };
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            match value {
                Arg::Text(t) => fluent.set(*name, FluentValue::String(t.clone())),
                Arg::Num(n) => fluent.set(*name, FluentValue::Number(n.clone())),
            }
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
        debug_assert!(errors.is_empty(), "{key}: {errors:?}");
        text.into_owned()
    }

    /// A message without arguments.
    pub fn get(&self, key: &str) -> String {
        self.text(key, &[])
    }

    /// A number: two decimals at most, the language's separators.
    pub fn number(&self, n: &Num) -> String {
        group(&n.to_decimal(2), self.lang)
    }

    /// A number with exactly `decimals` decimals, rounded half up: « 1 234,50 »
    /// for money. The page writes computed values declared with `decimals`
    /// so (`assets/form/engine.js`, `number`).
    pub fn number_fixed(&self, n: &Num, decimals: u32) -> String {
        let places = decimals as usize;
        let text = n.to_decimal(places);
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let padded = if places == 0 {
            whole.to_owned()
        } else {
            format!("{whole}.{fraction:0<places$}")
        };
        group(&padded, self.lang)
    }

    /// « 1 point », « 0,5 point », « 6 points »; "1 point", "0.5 points".
    pub fn points(&self, n: &Num) -> String {
        t!(self, "points", n = n)
    }

    /// « 15 mars 2021 », "15 March 2021".
    pub fn date(&self, d: Date) -> String {
        t!(
            self,
            "date",
            day = d.day,
            month = d.month,
            year = d.year.to_string()
        )
    }

    /// A source text quoted: « Oui », “Yes”.
    pub fn quoted(&self, text: &str) -> String {
        t!(self, "quoted", text = text)
    }

    /// A source text with the language's spacing (French: no-break spaces
    /// before `:` and inside « », narrow ones before `;`, `?` and `!`).
    pub fn spacing(&self, text: &str) -> String {
        match self.lang {
            Lang::Fr => french_spacing(text),
            Lang::En => text.to_owned(),
        }
    }

    /// The messages of the page's script (`script-*`), each resolved for
    /// the script: `{name}` stands for an argument, and a message that
    /// depends on a `$count` is given for each plural category.
    pub fn script(&self) -> BTreeMap<&'static str, serde_json::Value> {
        keys(self.lang)
            .filter(|k| k.starts_with("script-"))
            .map(|key| (key, self.for_script(key)))
            .collect()
    }

    fn for_script(&self, key: &str) -> serde_json::Value {
        let bundle = self.lang.bundle();
        let pattern = bundle
            .get_message(key)
            .and_then(|m| m.value())
            .expect("a key of the catalog");
        let names = arguments(self.lang, key);
        let resolve = |count: Option<&str>| {
            let mut args = FluentArgs::new();
            for name in &names {
                let value = match (name.as_str(), count) {
                    ("count", Some(sample)) => {
                        let mut n = decimal(sample);
                        n.options.currency = Some("{count}".to_owned());
                        FluentValue::Number(n)
                    }
                    _ => FluentValue::String(format!("{{{name}}}").into()),
                };
                args.set(name.clone(), value);
            }
            let mut errors = Vec::new();
            bundle
                .format_pattern(pattern, Some(&args), &mut errors)
                .into_owned()
        };
        if !names.iter().any(|n| n == "count") {
            return resolve(None).into();
        }
        // One sample of each category: these are CLDR's for French and
        // English ("one", "many" for a million in French, "other").
        let samples: &[(&str, &str)] = match self.lang {
            Lang::Fr => &[("one", "1"), ("many", "1000000"), ("other", "2")],
            Lang::En => &[("one", "1"), ("other", "2")],
        };
        let mut forms = serde_json::Map::new();
        for (category, sample) in samples {
            forms.insert((*category).to_owned(), resolve(Some(sample)).into());
        }
        forms.into()
    }
}

/// A text with its first letter in upper case.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// A label without the colon it may end with, for a sentence that puts its
/// own: « Part des postes : » shown as « Part des postes : 15 ».
pub fn without_colon(label: &str) -> &str {
    let trimmed = label.trim_end();
    trimmed
        .strip_suffix(':')
        .map_or(trimmed, |t| t.trim_end_matches([' ', '\u{a0}', '\u{202f}']))
}

/// Whether a message takes no argument.
pub fn takes_nothing(lang: Lang, key: &str) -> bool {
    arguments(lang, key).is_empty()
}

/// The `$names` a message of a catalog reads, in their order.
pub fn arguments(lang: Lang, key: &str) -> Vec<String> {
    let catalog = lang.catalog();
    let Some(start) = catalog
        .lines()
        .position(|l| l.starts_with(&format!("{key} =")))
    else {
        return Vec::new();
    };
    let mut names = Vec::new();
    let lines = catalog.lines().skip(start).enumerate();
    for (i, line) in lines {
        // A message goes on over indented lines and the `}` closing a
        // selector, which may stand at the start of a line.
        if i > 0 && !line.starts_with(' ') && !line.starts_with('}') {
            break;
        }
        let mut rest = line;
        while let Some(at) = rest.find('$') {
            rest = &rest[at + 1..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

fn french_spacing(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            ' ' if matches!(next, Some(':' | '»')) => out.push('\u{a0}'),
            ' ' if matches!(next, Some(';' | '?' | '!')) => out.push('\u{202f}'),
            ' ' if i > 0 && chars[i - 1] == '«' => out.push('\u{a0}'),
            '?' | '!'
                if i > 0
                    && chars[i - 1].is_alphanumeric()
                    && next.is_none_or(|n| n.is_whitespace()) =>
            {
                out.push('\u{202f}');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_points_and_dates_by_language() {
        let (fr, en) = (Words::plain(Lang::Fr), Words::plain(Lang::En));
        let n = |s: &str| Num::parse(s).unwrap();
        assert_eq!(fr.number(&n("2500.5")), "2\u{202f}500,5");
        assert_eq!(en.number(&n("2500.5")), "2,500.5");
        assert_eq!(fr.number(&n("-0.25")), "-0,25");
        assert_eq!(en.number(&n("123")), "123");
        assert_eq!(fr.points(&n("1")), "1 point");
        assert_eq!(fr.points(&n("0.5")), "0,5 point");
        assert_eq!(fr.points(&n("1234")), "1\u{202f}234 points");
        assert_eq!(en.points(&n("1")), "1 point");
        assert_eq!(en.points(&n("0.5")), "0.5 points");
        assert_eq!(en.points(&n("0")), "0 points");
        let d = Date {
            year: 2021,
            month: 3,
            day: 1,
        };
        assert_eq!(fr.date(d), "1er mars 2021");
        assert_eq!(en.date(d), "1 March 2021");
    }

    #[test]
    fn french_spacing_only_in_french() {
        let fr = Words::plain(Lang::Fr);
        assert_eq!(
            fr.spacing("Adhérent ? Oui ! « Aucune » : voir; fin"),
            "Adhérent\u{202f}? Oui\u{202f}! «\u{a0}Aucune\u{a0}»\u{a0}: voir; fin"
        );
        assert_eq!(fr.spacing("Adhérent?"), "Adhérent\u{202f}?");
        assert_eq!(fr.spacing("https://a.fr/?x=1"), "https://a.fr/?x=1");
        assert_eq!(Words::plain(Lang::En).spacing("Member ?"), "Member ?");
    }

    #[test]
    fn the_script_gets_each_plural_form() {
        let fr = Words::plain(Lang::Fr).script();
        let en = Words::plain(Lang::En).script();
        assert_eq!(
            en["script-file-count"]["one"],
            "The file “{name}” holds {count} answer."
        );
        assert_eq!(
            en["script-file-count"]["other"],
            "The file “{name}” holds {count} answers."
        );
        assert_eq!(
            fr["script-file-count"]["other"],
            "Le fichier « {name} » contient {count} réponses."
        );
        assert!(fr["script-required"].is_string());
        // Arguments after a selector's closing brace count too.
        assert_eq!(arguments(Lang::Fr, "diff-moves"), ["count", "from", "to"]);
    }
}
