//! Running the `grille` binary from the repository root.

use std::process::Command;

/// Runs grille; returns its exit code, standard output and standard error.
pub fn grille(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .expect("grille runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The command, its exit code and both outputs, for snapshots.
pub fn transcript(args: &[&str]) -> String {
    let (code, stdout, stderr) = grille(args);
    format!(
        "$ grille {}\nexit: {code}\n--- stdout\n{stdout}--- stderr\n{stderr}",
        args.join(" ")
    )
}
