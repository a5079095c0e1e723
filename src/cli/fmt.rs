//! `grille fmt FILE... [--check]`

use super::Color;
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
            eprintln!("error: cannot read `{path}`: {}", super::describe_io(&e));
            return 2;
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        eprintln!("error: `{path}` is not UTF-8 text: save it as UTF-8 (`grille check {path}` shows where)");
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
        eprintln!("error: `{path}` was left as it is: formatting it would change what it says");
        eprintln!("note: this is a defect of grille; please report it with the file");
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
    let temporary = format!("{path}.fmt-{}", std::process::id());
    let written =
        std::fs::write(&temporary, &formatted).and_then(|()| std::fs::rename(&temporary, path));
    match written {
        Ok(()) => {
            eprintln!("formatted {path}");
            0
        }
        Err(e) => {
            let _ = std::fs::remove_file(&temporary);
            eprintln!("error: cannot write `{path}`: {}", super::describe_io(&e));
            2
        }
    }
}
