//! `grille fmt`: the canonical layout of a questionnaire, printed from its
//! syntax tree. Comments are kept where they were (before the line they
//! precede, or at the end of the line they follow), and so is the grouping
//! of lines by blank lines (several blank lines become one). Nothing is
//! reordered: the formatted file has the same syntax tree as the original.
//!
//! The layout: two spaces of indentation; one blank line between top-level
//! items; a question's type and short attributes on its first line, `hint`,
//! `check` and `bands` (and a `when` that would make the line longer than
//! 100 characters) on lines of their own; options and bands aligned in
//! columns; answers of examples kept on the lines they were written on.

mod comments;
mod printer;

/// The file in canonical layout, or the syntax error that prevents it.
///
/// # Errors
/// When the file does not parse.
pub fn format(text: &str) -> Result<String, crate::diagnostic::Diagnostic> {
    let file = crate::syntax::parse(text)?;
    Ok(printer::print(&file, text))
}

/// The comments of a file, in order, as written.
pub fn comment_texts(text: &str) -> Vec<&str> {
    comments::comments(text)
        .iter()
        .map(|c| &text[c.start as usize..c.end as usize])
        .collect()
}
