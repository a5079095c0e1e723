//! Bad input everywhere gets a clear error and an exit code, never a panic
//! message; a failing build leaves the previous assets as they were.

use crate::common::{grille, Scratch};

const FORM: &str = "forms/tnl-2024.grille";

/// Runs grille; checks the exit code, that standard error holds `message`,
/// and that no panic reached the user.
fn fails(args: &[&str], code: i32, message: &str) {
    let (got, _, stderr) = grille(args);
    assert_eq!(got, code, "grille {}: {stderr}", args.join(" "));
    assert!(
        stderr.contains(message),
        "grille {}: expected « {message} » in\n{stderr}",
        args.join(" ")
    );
    assert!(
        !stderr.contains("panicked")
            && !stderr.contains("RUST_BACKTRACE")
            && !stderr.contains("stopped unexpectedly"),
        "grille {}: {stderr}",
        args.join(" ")
    );
}

#[test]
fn missing_files() {
    fails(
        &["check", "missing.grille"],
        2,
        "error: cannot read `missing.grille`: no such file",
    );
    fails(
        &["fmt", "missing.grille"],
        2,
        "cannot read `missing.grille`: no such file",
    );
    fails(
        &["build", "missing.grille", "-o", "out"],
        2,
        "cannot read `missing.grille`: no such file",
    );
    fails(
        &["score", "missing.grille", "a.json"],
        2,
        "cannot read `missing.grille`: no such file",
    );
    fails(
        &["score", FORM, "missing.json"],
        2,
        "cannot read `missing.json`: no such file",
    );
    fails(
        &["test", "missing.grille"],
        2,
        "cannot read `missing.grille`: no such file",
    );
    fails(
        &["diff", FORM, "missing.grille"],
        2,
        "cannot read `missing.grille`: no such file",
    );
    fails(
        &["witness", "missing.grille", "--level", "1"],
        2,
        "cannot read `missing.grille`: no such file",
    );
    fails(
        &["score", "missing.json", "a.json"],
        2,
        "cannot read `missing.json`: no such file",
    );
}

#[test]
fn folders_given_as_files() {
    fails(
        &["check", "forms"],
        2,
        "cannot read `forms`: it is a directory",
    );
    fails(
        &["fmt", "forms"],
        2,
        "cannot read `forms`: it is a folder, not a file",
    );
    fails(
        &["build", "forms", "-o", "out"],
        2,
        "cannot read `forms`: it is a directory",
    );
    fails(
        &["score", FORM, "forms"],
        2,
        "cannot read `forms`: it is a folder, not a file",
    );
    fails(
        &["diff", "forms", FORM],
        2,
        "cannot read `forms`: it is a directory",
    );
    fails(
        &["diff", FORM, FORM, "--regrade", "forms"],
        2,
        "cannot read `forms`: it is a folder, not a file",
    );
    let scratch = Scratch::new("robust-template");
    let out = scratch.join("out");
    fails(
        &[
            "build",
            FORM,
            "-o",
            out.to_str().unwrap(),
            "--pdf-template",
            "forms",
        ],
        2,
        "cannot read the PDF template `forms`: it is a folder, not a file",
    );
}

#[test]
fn unwritable_outputs() {
    let scratch = Scratch::new("robust-output");
    let file = scratch.join("a-file");
    std::fs::write(&file, "not a folder").unwrap();
    let path = file.to_str().unwrap();
    fails(
        &["build", FORM, "-o", path, "--only", "bareme"],
        2,
        &format!("cannot write into `{path}`: it exists and is a file, not a folder"),
    );
    let below = file.join("sub");
    let below = below.to_str().unwrap();
    fails(
        &["build", FORM, "-o", below, "--only", "bareme"],
        2,
        "a part of the path is a file, not a folder",
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a folder");
}

#[test]
fn an_output_that_cannot_be_replaced_leaves_no_temporary_file() {
    let scratch = Scratch::new("robust-replace");
    let out = scratch.join("assets");
    // A folder where `bareme.json` should go: written aside, it cannot be
    // renamed into place.
    std::fs::create_dir_all(out.join("bareme.json").join("inside")).unwrap();
    let dir = out.to_str().unwrap();
    fails(
        &[
            "build", FORM, "-o", dir, "--only", "bareme", "--only", "schema",
        ],
        2,
        &format!("cannot write into `{dir}`"),
    );
    let mut left: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    // The other file may have been renamed into place; nothing else is there.
    left.retain(|name| name != "answers.schema.json");
    assert_eq!(left, ["bareme.json"]);
    assert!(out.join("bareme.json").join("inside").is_dir());
}

/// Each file of a folder, with its bytes, by name.
fn files(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_failing_build_leaves_the_previous_assets_untouched() {
    let scratch = Scratch::new("robust-build");
    let out = scratch.join("assets");
    let dir = out.to_str().unwrap();
    assert_eq!(grille(&["build", FORM, "-o", dir]).0, 0);
    let before = files(&out);
    assert_eq!(before.len(), 5);
    // A broken PDF template: the form and JSON would build, the PDFs cannot.
    let template = scratch.join("broken.typ");
    std::fs::write(&template, "#let x = (\n").unwrap();
    fails(
        &[
            "build",
            "forms/tnl-2025.grille",
            "-o",
            dir,
            "--pdf-template",
            template.to_str().unwrap(),
        ],
        2,
        "nothing was written",
    );
    // A questionnaire with errors.
    let broken = scratch.join("broken.grille");
    std::fs::write(&broken, "questionnaire x \"X\" edition 2025 { lang fr }\nsection s \"S\" { question Q \"Q\" yesno when nope }\n").unwrap();
    fails(
        &["build", broken.to_str().unwrap(), "-o", dir],
        1,
        "has errors: fix them first",
    );
    // A questionnaire whose last check (a level no answers reach) fails
    // while its assets are being built.
    let (code, _, stderr) = grille(&[
        "build",
        "tests/fixtures/check/E0012_unreachable_level.grille",
        "-o",
        dir,
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("E0012"), "{stderr}");
    assert!(stderr.contains("has errors: fix them first"), "{stderr}");
    assert!(!stderr.contains("wrote"), "{stderr}");
    let after = files(&out);
    assert!(
        after == before,
        "the assets changed, or a temporary file was left"
    );
}

#[test]
fn a_hundred_megabyte_answers_file() {
    let scratch = Scratch::new("robust-big");
    // A text answer of 100 MB is read and scored.
    let big = scratch.join("big.json");
    let text = format!(
        "{{\"answers\": {{\"P1\": \"{}\"}}}}",
        "x".repeat(100 * 1024 * 1024)
    );
    std::fs::write(&big, text).unwrap();
    let (code, stdout, stderr) =
        grille(&["score", FORM, big.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("\"level\":0"), "{stdout}");
    // Two hundred thousand unknown questions: a hundred problems said, the
    // rest counted.
    let many = scratch.join("many.json");
    let answers: Vec<String> = (0..200_000).map(|i| format!("\"Z{i}\": 1")).collect();
    std::fs::write(&many, format!("{{\"answers\": {{{}}}}}", answers.join(","))).unwrap();
    let (code, _, stderr) = grille(&["score", FORM, many.to_str().unwrap()]);
    assert_eq!(code, 1);
    // One report per problem said (each shows its line of the file).
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.starts_with("  error: "))
            .count(),
        101,
        "{}",
        &stderr[..2000.min(stderr.len())]
    );
    assert!(
        stderr.lines().count() < 1500,
        "{} lines",
        stderr.lines().count()
    );
    assert!(stderr.contains("and 199900 more problems like these: is this the right answers file?"));
    // Not JSON at all.
    std::fs::write(&many, vec![b'{'; 1024 * 1024]).unwrap();
    fails(
        &["score", FORM, many.to_str().unwrap()],
        1,
        "not valid JSON",
    );
}

#[test]
fn spreadsheets_with_wrong_columns() {
    let scratch = Scratch::new("robust-csv");
    let csv = scratch.join("a.csv");
    let path = csv.to_str().unwrap();
    std::fs::write(&csv, "candidat;P1;ZZ9;S1\nVille;Nom;1;aucune\n").unwrap();
    fails(
        &["score", FORM, path],
        1,
        "column 3 `ZZ9` is not a question of `tnl` 2024",
    );
    std::fs::write(&csv, "candidat;P1;S1\nVille;Nom\n").unwrap();
    fails(&["score", FORM, path], 1, "line 2 is not readable");
    std::fs::write(&csv, "").unwrap();
    fails(&["score", FORM, path], 1, "the spreadsheet is empty");
    std::fs::write(&csv, "candidat;P1\n").unwrap();
    fails(
        &["score", FORM, path],
        1,
        "has its header row but no candidate",
    );
    std::fs::write(&csv, b"candidat;P1\nVille;\xff\xfe\n").unwrap();
    fails(&["score", FORM, path], 2, "is not UTF-8 text");
}
