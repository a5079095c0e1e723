//! Where the comments and blank lines of the source go in the printed
//! file: a comment before the line it preceded, or at the end of the line
//! it followed; one blank line wherever the source had one or more.

use super::printer::{Line, Printer};

pub(super) struct Comment {
    pub(super) start: u32,
    pub(super) end: u32,
    own_line: bool,
}

/// `# …` comments, outside texts.
pub(super) fn comments(text: &str) -> Vec<Comment> {
    crate::syntax::scan::pieces(text)
        .filter(|(_, piece)| *piece == crate::syntax::scan::Piece::Comment)
        .map(|(range, _)| {
            let line_start = text[..range.start].rfind('\n').map_or(0, |n| n + 1);
            let before = text[line_start..range.start].trim();
            Comment {
                start: range.start as u32,
                end: text[..range.end].trim_end().len() as u32,
                own_line: before.is_empty() || before == "\u{feff}",
            }
        })
        .collect()
}

impl Printer<'_> {
    /// Places the comments, decides the blank lines, and joins the lines.
    pub(super) fn finish(mut self, comments: &[Comment]) -> String {
        // Own-line comments become lines before the first line after them;
        // trailing comments go at the end of the last line before them.
        let mut trailing: Vec<(usize, String)> = Vec::new();
        let mut own: Vec<(usize, &Comment)> = Vec::new();
        for c in comments {
            let text = self.src[c.start as usize..c.end as usize].to_owned();
            if c.own_line {
                let at = self
                    .lines
                    .iter()
                    .position(|l| l.start.is_some_and(|s| s > c.start))
                    .unwrap_or(self.lines.len());
                own.push((at, c));
            } else if let Some(at) = self
                .lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.start.is_some_and(|s| s <= c.start))
                .max_by_key(|(_, l)| l.start)
                .map(|(i, _)| i)
            {
                trailing.push((at, text));
            }
        }
        for (at, text) in trailing {
            let line = &mut self.lines[at];
            let last = line.text.rsplit('\n').next().unwrap_or_default().to_owned();
            line.text
                .push_str(if last.is_empty() { "# " } else { "  " });
            line.text.push_str(&text);
            line.text = line.text.replace("# # ", "# ");
        }
        for (at, c) in own.into_iter().rev() {
            let (indent, item) = match self.lines.get(at) {
                Some(next) if next.closing => (next.indent + 2, false),
                Some(next) => (next.indent, next.item),
                None => (0, false),
            };
            let text = self.src[c.start as usize..c.end as usize].to_owned();
            self.lines.insert(
                at,
                Line {
                    indent,
                    text,
                    start: Some(c.start),
                    end: Some(c.end),
                    closing: false,
                    item,
                },
            );
            if item {
                // The comment now begins the item.
                if let Some(next) = self.lines.get_mut(at + 1) {
                    next.item = false;
                }
            }
        }
        let mut out = String::new();
        let mut previous: Option<&Line> = None;
        for line in &self.lines {
            if let Some(prev) = previous {
                let blank = if line.item {
                    true
                } else {
                    !line.closing
                        && !prev.text.ends_with('{')
                        && match (prev.end, line.start) {
                            (Some(e), Some(s)) if s > e => {
                                has_blank_line(&self.src[e as usize..s as usize])
                            }
                            _ => false,
                        }
                };
                if blank {
                    out.push('\n');
                }
            }
            out.push_str(&" ".repeat(line.indent));
            out.push_str(&line.text);
            out.push('\n');
            previous = Some(line);
        }
        out
    }
}

/// Whether a stretch of source holds an empty line between two others.
fn has_blank_line(gap: &str) -> bool {
    let parts: Vec<&str> = gap.split('\n').collect();
    parts.len() > 2
        && parts[1..parts.len() - 1]
            .iter()
            .any(|l| l.trim().is_empty())
}
