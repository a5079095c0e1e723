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

/// Every asset of a checked questionnaire; `template` replaces the PDFs'
/// built-in typst template.
///
/// # Errors
/// When a template fails: the PDF template given (its messages name its
/// lines), or an embedded one (a defect of this program).
pub fn assets(
    model: &Model,
    source: &Source,
    template: Option<&crate::pdf::Template>,
) -> Result<Vec<Asset>, String> {
    let (candidate, jury) = crate::pdf::render_both(model, template);
    let pdf = |edition: crate::pdf::Edition, bytes: Result<Vec<u8>, String>| {
        bytes.map(|bytes| Asset {
            name: edition.file_name(),
            bytes,
        })
    };
    let candidate = pdf(crate::pdf::Edition::Candidate, candidate);
    let jury = pdf(crate::pdf::Edition::Jury, jury);
    Ok(vec![
        Asset {
            name: "bareme.json",
            bytes: crate::bareme::to_json(model, source).into_bytes(),
        },
        Asset {
            name: "answers.schema.json",
            bytes: crate::bareme::answers_schema(model).into_bytes(),
        },
        Asset {
            name: "formulaire.html",
            bytes: crate::form::html(model)?.into_bytes(),
        },
        candidate?,
        jury?,
    ])
}

/// Writes each asset to a temporary file beside its target, then renames it
/// into place: readers see the old file or the new one, never a part.
///
/// # Errors
/// When the folder cannot be created or a file cannot be written; files
/// already renamed stay, the others are untouched.
pub fn write(dir: &Path, assets: &[Asset]) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut staged = Vec::new();
    for asset in assets {
        let target = dir.join(asset.name);
        let temporary = dir.join(format!(".{}.tmp-{}", asset.name, std::process::id()));
        if let Err(e) = std::fs::write(&temporary, &asset.bytes) {
            let _ = std::fs::remove_file(&temporary);
            for (t, _) in &staged {
                let _ = std::fs::remove_file(t);
            }
            return Err(e);
        }
        staged.push((temporary, target));
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
