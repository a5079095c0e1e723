//! The assets `grille build` writes for a questionnaire: computed in memory
//! from the model, then written so that a failed build never leaves a file
//! half-written.

use crate::model::Model;
use crate::source::Source;
use std::io::{self, Write as _};
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

/// Why an asset could not be built.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The form's embedded template fails: a defect of grille.
    #[error("the form could not be rendered: {0:#}")]
    Form(#[from] minijinja::Error),
    /// A PDF cannot be typeset: with the user's template (`template`), or
    /// with the embedded one (a defect of grille).
    #[cfg(feature = "pdf")]
    #[error("{error}")]
    Pdf {
        template: bool,
        error: crate::pdf::Error,
    },
    /// This grille was built without the `pdf` feature.
    #[error("this grille was built without PDF support (the `pdf` feature)")]
    NoPdf,
}

/// The assets selected, in a fixed order; `template` replaces the PDFs'
/// built-in typst template.
///
/// # Errors
/// When a template fails: the PDF template given, or an embedded one.
pub fn build(
    model: &Model,
    source: &Source,
    template: Option<&Template>,
    which: Selection,
) -> Result<Vec<Asset>, Error> {
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
    if which.form {
        out.push(Asset {
            name: "formulaire.html",
            bytes: crate::form::html(model)?.into_bytes(),
        });
    }
    out.extend(pdfs(model, template, which)?);
    Ok(out)
}

/// The questions PDFs selected: typesetting is most of a build's time, so
/// the two editions are typeset side by side.
#[cfg(feature = "pdf")]
fn pdfs(model: &Model, template: Option<&Template>, which: Selection) -> Result<Vec<Asset>, Error> {
    use crate::pdf::{render, Edition};
    let typeset = |wanted: bool, edition: Edition| {
        wanted.then(|| {
            render(model, edition, template)
                .map(|bytes| Asset {
                    name: edition.file_name(),
                    bytes,
                })
                .map_err(|error| Error::Pdf {
                    template: template.is_some(),
                    error,
                })
        })
    };
    let (candidate, jury) = crate::stack::join(
        || typeset(which.pdf, Edition::Candidate),
        || typeset(which.jury_pdf, Edition::Jury),
    );
    candidate.into_iter().chain(jury).collect()
}

#[cfg(not(feature = "pdf"))]
fn pdfs(_: &Model, _: Option<&Template>, which: Selection) -> Result<Vec<Asset>, Error> {
    if which.pdf || which.jury_pdf {
        return Err(Error::NoPdf);
    }
    Ok(Vec::new())
}

/// Writes every asset to a temporary file beside its target, flushed to
/// the disk, then renames each into place and flushes the folder: readers
/// see the old file or the new one, never a part, even after a power cut.
///
/// # Errors
/// When the folder cannot be created or a file cannot be written (then no
/// file is replaced), or a file cannot be renamed into place (files already
/// renamed stay). No temporary file is left behind.
pub fn write(dir: &Path, assets: &[Asset]) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut staged = Vec::new();
    for asset in assets {
        staged.push((stage(dir, asset.name, &asset.bytes)?, dir.join(asset.name)));
    }
    let mut written = Vec::new();
    for (file, target) in staged {
        // A file that cannot be renamed is removed as it is dropped.
        file.persist(&target).map_err(|e| e.error)?;
        written.push(target);
    }
    sync_folder(dir)?;
    Ok(written)
}

/// Replaces one file's contents in the same way, keeping its permissions
/// (or writes it anew).
///
/// # Errors
/// When it cannot be written or renamed into place (then it is unchanged).
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let file = stage(dir, name.as_deref().unwrap_or("file"), bytes)?;
    match std::fs::metadata(path) {
        Ok(old) => std::fs::set_permissions(file.path(), old.permissions())?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    file.persist(path).map_err(|e| e.error)?;
    sync_folder(dir)
}

/// A temporary file beside its target, holding `bytes`, flushed to the disk;
/// removed when dropped unless persisted.
fn stage(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<tempfile::NamedTempFile> {
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    // The permissions of a file written anew (less the umask), not a
    // temporary file's 0600.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut file = builder.tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    Ok(file)
}

/// Flushes a folder's entries (the renames) to the disk.
fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The assets that differ from what the folder holds.
pub fn stale(dir: &Path, assets: &[Asset]) -> Vec<&'static str> {
    assets
        .iter()
        .filter(|a| std::fs::read(dir.join(a.name)).ok().as_deref() != Some(a.bytes.as_slice()))
        .map(|a| a.name)
        .collect()
}
