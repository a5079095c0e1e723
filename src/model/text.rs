//! Light formatting in introductions and notes: paragraphs separated by a
//! blank line, `*emphasis*`, `**strong**` and `[links](https://…)`. A
//! backslash before a mark (`\*`, `\[`, `\]`, `\_`, `\\`) makes it a literal
//! character.

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RichText {
    pub paragraphs: Vec<Vec<Inline>>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Inline {
    Text(String),
    Emphasis(String),
    Strong(String),
    Link { text: String, url: String },
}

/// A run of formatted text, for documents: `kind` is `text`, `em`,
/// `strong` or `link` (with its `url`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Run {
    pub kind: &'static str,
    pub text: String,
    pub url: Option<String>,
}

impl RichText {
    /// The paragraphs as runs, each text passed through `words` (for
    /// example to add French spacing).
    pub fn runs(&self, words: impl Fn(&str) -> String) -> Vec<Vec<Run>> {
        self.paragraphs
            .iter()
            .map(|p| {
                p.iter()
                    .map(|inline| {
                        let (kind, text, url) = match inline {
                            Inline::Text(t) => ("text", t, None),
                            Inline::Emphasis(t) => ("em", t, None),
                            Inline::Strong(t) => ("strong", t, None),
                            Inline::Link { text, url } => ("link", text, Some(url.clone())),
                        };
                        Run {
                            kind,
                            text: words(text),
                            url,
                        }
                    })
                    .collect()
            })
            .collect()
    }

    /// Parses the light formatting; the error says what is malformed.
    ///
    /// # Errors
    /// When a mark is opened and never closed, or a link is malformed.
    pub fn parse(source: &str) -> Result<RichText, MarkupError> {
        let mut paragraphs = Vec::new();
        for block in source.split("\n\n") {
            let joined = block
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            if !joined.is_empty() {
                paragraphs.push(inlines(&joined)?);
            }
        }
        Ok(RichText { paragraphs })
    }

    /// The text without formatting.
    pub fn plain(&self) -> String {
        self.paragraphs
            .iter()
            .map(|p| {
                p.iter()
                    .map(|i| match i {
                        Inline::Text(t) | Inline::Emphasis(t) | Inline::Strong(t) => t.as_str(),
                        Inline::Link { text, .. } => text.as_str(),
                    })
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// What is malformed in a text's light formatting.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MarkupError {
    #[error("`**` opens strong text that is never closed")]
    UnclosedStrong,
    #[error("`*` opens emphasis that is never closed")]
    UnclosedEmphasis,
    #[error("`[` starts a link that has no `](address)`")]
    LinkWithoutAddress,
    #[error("a link's address is not closed with `)`")]
    UnclosedAddress,
    #[error("the link address `{0}` must start with `https://`, `http://` or `mailto:`")]
    LinkScheme(String),
}

fn inlines(text: &str) -> Result<Vec<Inline>, MarkupError> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(mark) = escaped(rest) {
            plain.push(mark);
            rest = &rest[1 + mark.len_utf8()..];
        } else if let Some(after) = rest.strip_prefix("**") {
            let end = find(after, "**").ok_or(MarkupError::UnclosedStrong)?;
            flush(&mut plain, &mut out);
            out.push(Inline::Strong(literal(&after[..end])));
            rest = &after[end + 2..];
        } else if let Some(after) = rest.strip_prefix('*') {
            let end = find(after, "*").ok_or(MarkupError::UnclosedEmphasis)?;
            flush(&mut plain, &mut out);
            out.push(Inline::Emphasis(literal(&after[..end])));
            rest = &after[end + 1..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let close = find(after, "](").ok_or(MarkupError::LinkWithoutAddress)?;
            let url_end = after[close + 2..]
                .find(')')
                .ok_or(MarkupError::UnclosedAddress)?;
            let url = after[close + 2..close + 2 + url_end].trim().to_owned();
            if !(url.starts_with("https://")
                || url.starts_with("http://")
                || url.starts_with("mailto:"))
            {
                return Err(MarkupError::LinkScheme(url));
            }
            flush(&mut plain, &mut out);
            out.push(Inline::Link {
                text: literal(&after[..close]),
                url,
            });
            rest = &after[close + 3 + url_end..];
        } else {
            plain.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    flush(&mut plain, &mut out);
    Ok(out)
}

/// The mark a backslash makes literal at the start of `text`.
fn escaped(text: &str) -> Option<char> {
    let mark = text.strip_prefix('\\')?.chars().next()?;
    matches!(mark, '*' | '[' | ']' | '_' | '\\').then_some(mark)
}

/// Where `pattern` first starts in `text`, escaped marks skipped.
fn find(text: &str, pattern: &str) -> Option<usize> {
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        if let Some(mark) = escaped(rest) {
            at += 1 + mark.len_utf8();
        } else if rest.starts_with(pattern) {
            return Some(at);
        } else {
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    None
}

/// A mark's content with its escaped marks made literal.
fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match escaped(rest) {
            Some(mark) => {
                out.push(mark);
                rest = &rest[1 + mark.len_utf8()..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

fn flush(plain: &mut String, out: &mut Vec<Inline>) {
    if !plain.is_empty() {
        out.push(Inline::Text(std::mem::take(plain)));
    }
}

#[cfg(test)]
mod tests {
    use super::{Inline, RichText};

    #[test]
    fn parses_paragraphs_and_inlines() {
        let t =
            RichText::parse("Un *label*\nlibre.\n\nVoir [le site](https://example.org) **vite**.")
                .unwrap();
        assert_eq!(t.paragraphs.len(), 2);
        assert_eq!(
            t.paragraphs[0],
            vec![
                Inline::Text("Un ".into()),
                Inline::Emphasis("label".into()),
                Inline::Text(" libre.".into())
            ]
        );
        assert_eq!(t.plain(), "Un label libre.\n\nVoir le site vite.");
    }

    #[test]
    fn a_backslash_makes_a_mark_literal() {
        let t = RichText::parse(r"Note \[1\] : 5 \* 3, *a \* b*, \\ et A_B.").unwrap();
        assert_eq!(
            t.paragraphs[0],
            vec![
                Inline::Text(r"Note [1] : 5 * 3, ".into()),
                Inline::Emphasis("a * b".into()),
                Inline::Text(r", \ et A_B.".into())
            ]
        );
        // A backslash before anything else stays.
        assert_eq!(
            RichText::parse(r"C:\dossier").unwrap().plain(),
            r"C:\dossier"
        );
    }

    #[test]
    fn refuses_malformed_markup() {
        assert!(RichText::parse("un *mot").is_err());
        assert!(RichText::parse("[lien](ftp://x)").is_err());
        assert!(RichText::parse("[lien sans adresse]").is_err());
    }
}
