//! Helpers shared by the integration tests.

use std::process::{Command, Output};

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

/// What a program printed, on both outputs.
pub fn report(run: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
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

/// Compiles a file's contents, as read from a file of that name.
pub fn compile(name: &str, bytes: impl Into<Vec<u8>>) -> grille::Compiled {
    let world = grille::world::MemoryWorld::new().with(name, bytes);
    grille::compile(&world, name).expect("the file is in memory")
}

/// A folder of its own for one test, removed when the test ends (even when
/// it fails).
pub struct Scratch(tempfile::TempDir);

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        let dir = tempfile::Builder::new()
            .prefix(&format!("grille-{name}-"))
            .tempdir()
            .expect("the temporary folder is writable");
        Scratch(dir)
    }
}

impl std::ops::Deref for Scratch {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        self.0.path()
    }
}
