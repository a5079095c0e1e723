//! The candidate's form in Debian's Chromium (driven by playwright-core):
//! a candidate filling the 2024 form, conditions, checks, the downloaded
//! answers file scored by `grille score`, storage and restore, keyboard use,
//! narrow screens, no JavaScript, literal texts, submission to an address;
//! axe-core (WCAG 2.1 A and AA) and the Nu HTML Checker. The steps are in
//! `tests/browser/form.test.js` (and `grille serve`'s, `serve.test.js`);
//! `bash scripts/test` installs what they need.

use std::path::Path;
use std::process::Command;

/// Runs one of the browser tests' scripts with the binary and a folder of
/// its own for screenshots and pages.
fn run(script: &str, folder: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let modules = root.join("tests/browser/node_modules");
    assert!(
        modules.join("playwright-core").is_dir() && Path::new("/usr/bin/chromium").exists(),
        "Chromium or the browser tests' node packages are missing: run `bash scripts/test`, which installs them"
    );
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(folder);
    let _ = std::fs::remove_dir_all(&out);
    let run = Command::new("node")
        .arg(root.join("tests/browser").join(script))
        .arg(env!("CARGO_BIN_EXE_grille"))
        .arg(&out)
        .output()
        .expect("node runs (scripts/test installs it when absent)");
    let report = crate::common::report(&run);
    println!("{report}\nscreenshots and pages: {}", out.display());
    assert!(run.status.success(), "{report}");
}

#[test]
#[ignore = "needs Node.js, Chromium and Java: run `bash scripts/test`"]
fn the_form_works_in_chromium() {
    run("form.test.js", "browser");
}

/// `grille serve`'s pages and the candidate's flow through them
/// (`tests/browser/serve.test.js`).
#[test]
#[cfg(feature = "serve")]
#[ignore = "needs Node.js, Chromium and Java: run `bash scripts/test`"]
fn the_server_works_in_chromium() {
    run("serve.test.js", "browser-serve");
}

/// The jury's pages, the results and the result sheet, in French and in
/// English (`tests/browser/jury.test.js`).
#[test]
#[cfg(feature = "serve")]
#[ignore = "needs Node.js, Chromium and Java: run `bash scripts/test`"]
fn the_jury_works_in_chromium() {
    run("jury.test.js", "browser-jury");
}

/// `grille preview` reloads the page when the file is saved, and shows the
/// diagnostics of a broken file (`tests/browser/preview.test.js`).
#[test]
#[cfg(feature = "serve")]
#[ignore = "needs Node.js, Chromium and Java: run `bash scripts/test`"]
fn the_preview_follows_the_file_in_chromium() {
    run("preview.test.js", "browser-preview");
}
