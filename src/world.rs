//! File access behind a small trait, so that the compiler core stays pure and
//! tests can run on in-memory files.

use std::collections::BTreeMap;
use std::io;

/// Where source files come from.
pub trait World {
    /// The bytes of a file.
    fn read(&self, path: &str) -> io::Result<Vec<u8>>;
}

/// The real file system.
pub struct FsWorld;

impl World for FsWorld {
    fn read(&self, path: &str) -> io::Result<Vec<u8>> {
        let meta = std::fs::metadata(path)?;
        if meta.is_dir() {
            return Err(io::Error::other(
                "it is a directory; give questionnaire files such as `forms/tnl-2024.grille`",
            ));
        }
        std::fs::read(path)
    }
}

/// Files held in memory, for tests.
#[derive(Default)]
pub struct MemoryWorld {
    files: BTreeMap<String, Vec<u8>>,
}

impl MemoryWorld {
    pub fn new() -> MemoryWorld {
        MemoryWorld::default()
    }

    #[must_use]
    pub fn with(mut self, path: &str, contents: impl Into<Vec<u8>>) -> MemoryWorld {
        self.files.insert(path.to_owned(), contents.into());
        self
    }
}

impl World for MemoryWorld {
    fn read(&self, path: &str) -> io::Result<Vec<u8>> {
        self.files
            .get(path)
            .cloned()
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no such file"))
    }
}
