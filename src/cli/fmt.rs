//! `grille fmt FILE... [--check]`

use super::{report, Color};
use grille::diagnostic;
use grille::source::Source;

#[derive(clap::Args)]
pub struct Args {
    /// The questionnaires (`.grille`) to format in place.
    #[arg(required = true)]
    files: Vec<String>,
    /// Write nothing; print a diff and exit 1 when a file is not formatted.
    #[arg(long)]
    check: bool,
    /// When to use colors.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

pub fn run(args: &Args) -> u8 {
    let mut code = 0;
    for path in &args.files {
        code = code.max(one(path, args));
    }
    code
}

fn one(path: &str, args: &Args) -> u8 {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            report::print(&report::Error::read(path, &e), args.color);
            return 2;
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        let hint = format!(" (`grille check {path}` shows where)");
        let error = report::Error::NotUtf8 {
            path: path.to_owned(),
            hint,
        };
        report::print(&error, args.color);
        return 1;
    };
    let formatted = match grille::fmt::format(&text) {
        Ok(f) => f,
        Err(d) => {
            let source = Source::new(path, text.clone());
            eprint!(
                "{}",
                diagnostic::render_terminal(&source, &[d], args.color.for_stderr())
            );
            eprintln!("error: `{path}` was not formatted: fix the syntax error first");
            return 1;
        }
    };
    // Nothing the file says may change: the same tree, the same comments.
    let same = grille::syntax::parse(&formatted)
        .is_ok_and(|new| grille::syntax::parse(&text).is_ok_and(|old| old == new))
        && grille::fmt::comment_texts(&text) == grille::fmt::comment_texts(&formatted);
    if !same {
        let error = report::Error::Defect {
            form: path.to_owned(),
            message: format!("`{path}` was left as it is: formatting it would change what it says"),
        };
        report::print(&error, args.color);
        return 2;
    }
    if formatted == text {
        return 0;
    }
    if args.check {
        let diff = similar::TextDiff::from_lines(&text, &formatted);
        print!(
            "{}",
            diff.unified_diff()
                .context_radius(2)
                .header(path, &format!("{path} (formatted)"))
        );
        eprintln!("{path}: not formatted (run `grille fmt {path}`)");
        return 1;
    }
    match grille::assets::replace(std::path::Path::new(path), formatted.as_bytes()) {
        Ok(()) => {
            eprintln!("formatted {path}");
            0
        }
        Err(e) => {
            let error = report::Error::WriteFile {
                path: path.to_owned(),
                reason: super::describe_io(&e),
            };
            report::print(&error, args.color);
            2
        }
    }
}
