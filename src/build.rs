//! The assets `grille build` writes for a questionnaire, computed in memory
//! and written so that a failed build never leaves a file half-written.

use crate::model::Model;
use crate::source::Source;
use std::io;
use std::path::{Path, PathBuf};

/// One output file: its name in the output folder and its bytes.
pub struct Asset {
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

/// A typst template of the user's for the questions PDFs: its name (for
/// messages) and its text.
pub struct Template<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// Which assets to build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    /// `formulaire.html`
    pub form: bool,
    /// `questions.pdf`
    pub pdf: bool,
    /// `questions-jury.pdf`
    pub jury_pdf: bool,
    /// `bareme.json`
    pub bareme: bool,
    /// `answers.schema.json`
    pub schema: bool,
}

impl Selection {
    pub const ALL: Selection = Selection {
        form: true,
        pdf: true,
        jury_pdf: true,
        bareme: true,
        schema: true,
    };
    pub const NONE: Selection = Selection {
        form: false,
        pdf: false,
        jury_pdf: false,
        bareme: false,
        schema: false,
    };
}

/// Every asset of a checked questionnaire; `template` replaces the PDFs'
/// built-in typst template.
///
/// # Errors
/// When a template fails: the PDF template given (its messages name its
/// lines), or an embedded one (a defect of this program).
pub fn assets(
    model: &Model,
    source: &Source,
    template: Option<&Template>,
) -> Result<Vec<Asset>, String> {
    select(model, source, template, Selection::ALL)
}

/// The assets selected.
///
/// # Errors
/// As [`assets`].
pub fn select(
    model: &Model,
    source: &Source,
    template: Option<&Template>,
    which: Selection,
) -> Result<Vec<Asset>, String> {
    // The form (the largest text) is rendered on another thread while this
    // one writes the JSON files.
    let (form, mut out) = crate::join(
        || which.form.then(|| crate::form::html(model)),
        || {
            let mut out = Vec::new();
            if which.bareme {
                out.push(Asset {
                    name: "bareme.json",
                    bytes: crate::bareme::to_json(model, source).into_bytes(),
                });
            }
            if which.schema {
                out.push(Asset {
                    name: "answers.schema.json",
                    bytes: crate::bareme::answers_schema(model).into_bytes(),
                });
            }
            out
        },
    );
    if let Some(html) = form {
        out.push(Asset {
            name: "formulaire.html",
            bytes: html?.into_bytes(),
        });
    }
    #[cfg(not(feature = "pdf"))]
    if which.pdf || which.jury_pdf {
        let _ = template;
        return Err("this grille was built without PDF support (the `pdf` feature)".to_owned());
    }
    #[cfg(feature = "pdf")]
    {
        use crate::pdf::{render, render_both, Edition};
        let pdfs = match (which.pdf, which.jury_pdf) {
            (true, true) => {
                let (candidate, jury) = render_both(model, template);
                vec![(Edition::Candidate, candidate), (Edition::Jury, jury)]
            }
            (true, false) => vec![(
                Edition::Candidate,
                render(model, Edition::Candidate, template),
            )],
            (false, true) => vec![(Edition::Jury, render(model, Edition::Jury, template))],
            (false, false) => Vec::new(),
        };
        for (edition, bytes) in pdfs {
            out.push(Asset {
                name: edition.file_name(),
                bytes: bytes?,
            });
        }
    }
    Ok(out)
}

/// Writes each asset to a temporary file beside its target, then renames it
/// into place: readers see the old file or the new one, never a part.
///
/// # Errors
/// When the folder cannot be created or a file cannot be written; files
/// already renamed stay, the others are untouched.
pub fn write(dir: &Path, assets: &[Asset]) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let staged: Vec<(PathBuf, PathBuf)> = assets
        .iter()
        .map(|asset| {
            let temporary = dir.join(format!(".{}.tmp-{}", asset.name, std::process::id()));
            (temporary, dir.join(asset.name))
        })
        .collect();
    // Each file is written on its own thread: large files are written at
    // the same time.
    let results: Vec<io::Result<()>> = std::thread::scope(|scope| {
        let writers: Vec<_> = assets
            .iter()
            .zip(&staged)
            .map(|(asset, (temporary, _))| {
                let write = move || std::fs::write(temporary, &asset.bytes);
                std::thread::Builder::new()
                    .spawn_scoped(scope, write)
                    // No thread to be had: write it here.
                    .map_err(|_| write())
            })
            .collect();
        writers
            .into_iter()
            .map(|w| match w {
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(written) => written,
            })
            .collect()
    });
    if let Some(e) = results.into_iter().find_map(Result::err) {
        for (temporary, _) in &staged {
            let _ = std::fs::remove_file(temporary);
        }
        return Err(e);
    }
    let mut written = Vec::new();
    for (temporary, target) in staged {
        std::fs::rename(&temporary, &target)?;
        written.push(target);
    }
    Ok(written)
}

/// The assets that differ from what the folder holds.
pub fn stale(dir: &Path, assets: &[Asset]) -> Vec<&'static str> {
    assets
        .iter()
        .filter(|a| std::fs::read(dir.join(a.name)).ok().as_deref() != Some(a.bytes.as_slice()))
        .map(|a| a.name)
        .collect()
}
