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
    /// A typst template for the questions PDFs, instead of the built-in one
    /// (see docs/pdf.md).
    #[arg(long, value_name = "FILE.typ")]
    pdf_template: Option<PathBuf>,
    /// When to use colors.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

pub fn run(args: &Args) -> u8 {
    let (model, source) = match super::compile(&args.form, args.color) {
        Ok(compiled) => compiled,
        Err(code) => return code,
    };
    let template_text = match &args.pdf_template {
        None => None,
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(e) => {
                eprintln!(
                    "error: cannot read the PDF template `{}`: {}",
                    path.display(),
                    super::describe_io(&e)
                );
                return 2;
            }
        },
    };
    let template_name = args
        .pdf_template
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let template = template_text.as_deref().map(|text| grille::pdf::Template {
        name: &template_name,
        text,
    });
    let assets = match grille::build::assets(&model, &source, template.as_ref()) {
        Ok(assets) => assets,
        Err(e) => {
            eprintln!("error: {e}");
            match &args.pdf_template {
                Some(path) => eprintln!(
                    "help: fix the template `{}`; nothing was written",
                    path.display()
                ),
                None => eprintln!(
                    "note: this is a defect of grille, not of `{}`; nothing was written",
                    args.form
                ),
            }
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
