//! `grille build FORM -o DIR`

use super::{report, Color};
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
    /// Build only these assets (repeat the option for several).
    #[arg(long, value_enum, value_name = "ASSET")]
    only: Vec<Only>,
    /// A typst template for the questions PDFs, instead of the built-in one
    /// (see docs/pdf.md).
    #[arg(long, value_name = "FILE.typ")]
    pdf_template: Option<PathBuf>,
    /// When to use colors.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

/// An asset of `grille build`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Only {
    /// `formulaire.html`, the online form.
    Form,
    /// `questions.pdf`, for candidates.
    Pdf,
    /// `questions-jury.pdf`, for the jury.
    JuryPdf,
    /// `bareme.json`, the scoring config.
    Bareme,
    /// `answers.schema.json`, the schema of answers files.
    Schema,
}

fn selection(only: &[Only]) -> grille::assets::Selection {
    if only.is_empty() {
        return grille::assets::Selection::ALL;
    }
    let mut s = grille::assets::Selection::NONE;
    for o in only {
        match o {
            Only::Form => s.form = true,
            Only::Pdf => s.pdf = true,
            Only::JuryPdf => s.jury_pdf = true,
            Only::Bareme => s.bareme = true,
            Only::Schema => s.schema = true,
        }
    }
    s
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
                let error = report::Error::ReadTemplate {
                    path: path.display().to_string(),
                    reason: super::describe_io(&e),
                };
                report::print(&error, args.color);
                return 2;
            }
        },
    };
    let template_name = args
        .pdf_template
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let template = template_text
        .as_deref()
        .map(|text| grille::assets::Template {
            name: &template_name,
            text,
        });
    let assets =
        match grille::assets::build(&model, &source, template.as_ref(), selection(&args.only)) {
            Ok(assets) => assets,
            Err(e) => {
                let error = match e {
                    #[cfg(feature = "pdf")]
                    grille::assets::Error::Pdf {
                        template: true,
                        error,
                    } => report::Error::Template {
                        path: template_name,
                        message: error.to_string(),
                    },
                    grille::assets::Error::NoPdf => report::Error::NoPdf,
                    other => report::Error::Defect {
                        form: args.form.clone(),
                        message: other.to_string(),
                    },
                };
                report::print(&error, args.color);
                return 2;
            }
        };
    let dir = args.output.display();
    if args.check {
        let stale = grille::assets::stale(&args.output, &assets);
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
    match grille::assets::write(&args.output, &assets) {
        Ok(written) => {
            for path in written {
                eprintln!("wrote {}", path.display());
            }
            0
        }
        Err(e) => {
            let error = report::Error::Write {
                dir: dir.to_string(),
                reason: super::describe_io(&e),
            };
            report::print(&error, args.color);
            2
        }
    }
}
