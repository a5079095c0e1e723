//! `grille build FORM -o DIR`

use super::Color;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The questionnaire (`.grille`).
    form: String,
    /// The folder to write the assets into.
    #[arg(short, long)]
    output: PathBuf,
    /// Write nothing; exit 1 when the folder's assets differ from a fresh build.
    #[arg(long)]
    check: bool,
    /// When to use colors.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

pub fn run(args: &Args) -> u8 {
    let (model, source) = match super::compile(&args.form, args.color) {
        Ok(compiled) => compiled,
        Err(code) => return code,
    };
    let assets = match grille::build::assets(&model, &source) {
        Ok(assets) => assets,
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("note: this is a defect of grille, not of `{}`", args.form);
            return 2;
        }
    };
    let dir = args.output.display();
    if args.check {
        let stale = grille::build::stale(&args.output, &assets);
        if stale.is_empty() {
            eprintln!("{dir}: up to date");
            return 0;
        }
        for name in stale {
            eprintln!(
                "error: {dir}/{name} differs from a fresh build of {}",
                args.form
            );
        }
        eprintln!(
            "help: run `grille build {} -o {dir}` and commit the result",
            args.form
        );
        return 1;
    }
    match grille::build::write(&args.output, &assets) {
        Ok(written) => {
            for path in written {
                eprintln!("wrote {}", path.display());
            }
            0
        }
        Err(e) => {
            eprintln!(
                "error: cannot write into `{dir}`: {}",
                super::describe_io(&e)
            );
            2
        }
    }
}
