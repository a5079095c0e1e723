//! The one scan of a file's texts in quotes and `#` comments, for the work
//! done beside the grammar: the nesting bound before parsing, the end of a
//! rule's last token, the comments `fmt` keeps, the block a syntax error
//! leaves open.

use std::ops::Range;

/// What a piece of the file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    /// `# …` to the end of its line (the line break excluded).
    Comment,
    /// `"…"` (to its closing quote, or the end of its line when unclosed)
    /// or `"""…"""` (to its closing quotes, or the end of the file).
    Text,
    /// A space, a tab or a line break.
    Blank,
    /// Any other byte: a bracket, a letter of an identifier…
    Byte(u8),
}

/// The pieces of a text, in order, with their byte ranges.
pub(crate) fn pieces(text: &str) -> impl Iterator<Item = (Range<usize>, Piece)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = i;
        let b = *bytes.get(i)?;
        let piece = match b {
            b'#' => {
                i = find(bytes, i, b"\n");
                Piece::Comment
            }
            b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                i = (find(bytes, i + 3, b"\"\"\"") + 3).min(bytes.len());
                Piece::Text
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if bytes.get(i) == Some(&b'"') {
                    i += 1;
                }
                i = i.min(bytes.len());
                Piece::Text
            }
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                Piece::Blank
            }
            _ => {
                i += 1;
                Piece::Byte(b)
            }
        };
        Some((start..i, piece))
    })
}

/// The offset of the first `needle` at or after `from`, or the end.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.windows(needle.len()).position(|w| w == needle))
        .map_or(bytes.len(), |n| from + n)
}

/// The brackets `( ) [ ] { }` outside texts and comments, with their offsets.
pub(crate) fn brackets(text: &str) -> impl Iterator<Item = (usize, u8)> + '_ {
    pieces(text).filter_map(|(range, piece)| match piece {
        Piece::Byte(b @ (b'(' | b')' | b'[' | b']' | b'{' | b'}')) => Some((range.start, b)),
        _ => None,
    })
}

/// The end of a text's last token: blanks and comments after it left out.
pub(crate) fn end_of_tokens(text: &str) -> usize {
    pieces(text)
        .filter(|(_, piece)| !matches!(piece, Piece::Comment | Piece::Blank))
        .last()
        .map_or(0, |(range, _)| range.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, Piece)> {
        pieces(text)
            .filter(|(_, p)| *p != Piece::Blank)
            .map(|(r, p)| (&text[r], p))
            .collect()
    }

    #[test]
    fn texts_and_comments_hide_what_they_hold() {
        let text = "a \"{ # \\\" }\" # \"x\" {\n\"\"\"\n# }\n\"\"\" }";
        assert_eq!(
            kinds(text),
            [
                ("a", Piece::Byte(b'a')),
                ("\"{ # \\\" }\"", Piece::Text),
                ("# \"x\" {", Piece::Comment),
                ("\"\"\"\n# }\n\"\"\"", Piece::Text),
                ("}", Piece::Byte(b'}')),
            ]
        );
        assert_eq!(brackets(text).collect::<Vec<_>>(), [(text.len() - 1, b'}')]);
    }

    #[test]
    fn unclosed_texts_end_at_the_line_or_the_file() {
        assert_eq!(
            kinds("\"abc\n{"),
            [("\"abc", Piece::Text), ("{", Piece::Byte(b'{'))]
        );
        assert_eq!(kinds("\"\"\"abc {"), [("\"\"\"abc {", Piece::Text)]);
        assert_eq!(kinds("\"a\\"), [("\"a\\", Piece::Text)]);
    }

    #[test]
    fn end_of_tokens_skips_trailing_blanks_and_comments() {
        assert_eq!(end_of_tokens("x \"# y\"  # z\n  "), 7);
        assert_eq!(end_of_tokens("  # only\n"), 0);
    }
}
