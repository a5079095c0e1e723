//! The assets `grille build` writes for a questionnaire, computed in memory
//! and written so that a failed build never leaves a file half-written.

use crate::diagnostic::Diagnostic;
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

/// The assets selected for a model from [`crate::compile_unreached`], built
/// beside the search for a witness of each level: that search's
/// diagnostics, and the assets (to be written only if it found no error).
pub fn select_beside_reachability(
    model: &Model,
    source: &Source,
    template: Option<&Template>,
    which: Selection,
) -> (Vec<Diagnostic>, Result<Vec<Asset>, String>) {
    // `join`'s thread has the pipeline's own stack, as the search needs.
    crate::join(
        || crate::check::reachability(model),
        || select(model, source, template, which),
    )
}

/// Writes each asset to a temporary file beside its target, then renames it
/// into place: readers see the old file or the new one, never a part.
///
/// # Errors
/// When the folder cannot be created or a file cannot be written (then no
/// file is replaced), or a file cannot be renamed into place (files already
/// renamed stay). No temporary file is left behind.
pub fn write(dir: &Path, assets: &[Asset]) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let staged: Vec<(PathBuf, PathBuf)> = assets
        .iter()
        .map(|asset| {
            let temporary = dir.join(format!(".{}.tmp-{}", asset.name, std::process::id()));
            (temporary, dir.join(asset.name))
        })
        .collect();
    // Large files are written at the same time, then renamed at the same
    // time (replacing a file can wait for its data to reach the disk).
    let written = each(assets.iter().zip(&staged), |(asset, (temporary, _))| {
        std::fs::write(temporary, &asset.bytes)
    });
    if let Some(e) = written.into_iter().find_map(Result::err) {
        for (temporary, _) in &staged {
            let _ = std::fs::remove_file(temporary);
        }
        return Err(e);
    }
    let renamed = each(&staged, |(temporary, target)| {
        std::fs::rename(temporary, target).inspect_err(|_| {
            let _ = std::fs::remove_file(temporary);
        })
    });
    match renamed.into_iter().find_map(Result::err) {
        Some(e) => Err(e),
        None => Ok(staged.into_iter().map(|(_, target)| target).collect()),
    }
}

/// `f` on each item, each on a thread of its own (or on this one when no
/// thread can be had); the results in the items' order.
fn each<T, R>(items: impl IntoIterator<Item = T>, f: impl Fn(T) -> R + Sync) -> Vec<R>
where
    T: Copy + Send,
    R: Send,
{
    let f = &f;
    std::thread::scope(|scope| {
        let started: Vec<_> = items
            .into_iter()
            .map(|item| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || f(item))
                    .map_err(|_| f(item))
            })
            .collect();
        started
            .into_iter()
            .map(|s| match s {
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(result) => result,
            })
            .collect()
    })
}

/// The assets that differ from what the folder holds.
pub fn stale(dir: &Path, assets: &[Asset]) -> Vec<&'static str> {
    assets
        .iter()
        .filter(|a| std::fs::read(dir.join(a.name)).ok().as_deref() != Some(a.bytes.as_slice()))
        .map(|a| a.name)
        .collect()
}
