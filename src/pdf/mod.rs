//! The questions PDF, for candidates and for the jury, typeset by typst used
//! as a library. The template (`assets/pdf/questions.typ`, or the
//! committee's own) reads the document's data as JSON from `/data.json`, an
//! in-memory file of our own `World`, so every text from the source stays
//! data and is never read as markup. No file system, no clock: two builds
//! give the same bytes.

mod data;

use crate::model::Model;
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// The default template: the documented example of a template.
pub const TEMPLATE: &str = include_str!("../../assets/pdf/questions.typ");
/// The template of a candidate's result sheet (`grille serve`).
const RESULT_TEMPLATE: &str = include_str!("../../assets/pdf/result.typ");

/// Which document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edition {
    /// `questions.pdf`: the questions, to prepare the answers.
    Candidate,
    /// `questions-jury.pdf`: the same with points, bands, caps and levels.
    Jury,
}

impl Edition {
    pub fn file_name(self) -> &'static str {
        match self {
            Edition::Candidate => "questions.pdf",
            Edition::Jury => "questions-jury.pdf",
        }
    }
}

pub use crate::assets::Template;

/// The fonts the default template uses, embedded in the binary and read
/// once: Libertinus Serif for the text, DejaVu Sans Mono for the source
/// quoted in the jury's edition (`assets/fonts/NOTICE` has their licences).
const FONT_FILES: [&[u8]; 6] = [
    include_bytes!("../../assets/fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("../../assets/fonts/LibertinusSerif-Bold.otf"),
    include_bytes!("../../assets/fonts/LibertinusSerif-Italic.otf"),
    include_bytes!("../../assets/fonts/LibertinusSerif-BoldItalic.otf"),
    include_bytes!("../../assets/fonts/DejaVuSansMono.ttf"),
    include_bytes!("../../assets/fonts/DejaVuSansMono-Bold.ttf"),
];

static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .into_iter()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

/// The families a template can ask for, in words: « `A` and `B` ».
fn families() -> String {
    let names: Vec<String> = FONTS
        .0
        .families()
        .map(|(name, _)| format!("`{name}`"))
        .collect();
    names.join(" and ")
}

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| unreachable!("a fixed, valid path"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// The template and its data, and nothing else.
struct PdfWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
}

impl World for PdfWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(
                id.get().vpath().get_without_slash().into(),
            ))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.text().to_owned()))
        } else {
            Err(FileError::NotFound(
                id.get().vpath().get_without_slash().into(),
            ))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    /// No clock: documents are dated by the questionnaire.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// The data a template reads from `/data.json`, as JSON.
pub fn data_json(model: &Model, edition: Edition) -> String {
    serde_json::to_string_pretty(&data::document(model, edition == Edition::Jury))
        .unwrap_or_default()
}

/// Typesets one edition of the questions PDF.
///
/// # Errors
/// When the template fails (every message names the template, its line and
/// column) or the PDF cannot meet PDF/UA-1 and PDF/A-2a.
pub fn render(
    model: &Model,
    edition: Edition,
    template: Option<&Template>,
) -> Result<Vec<u8>, Error> {
    let (name, text) =
        template.map_or(("questions.typ (built in)", TEMPLATE), |t| (t.name, t.text));
    let date = model
        .meta
        .date
        .map_or((model.edition as i32, 1, 1), |d| (d.year, d.month, d.day));
    let kind = match edition {
        Edition::Candidate => "questions",
        Edition::Jury => "questions-jury",
    };
    typeset(
        (name, text),
        data_json(model, edition),
        format!("{}-{}-{kind}", model.id, model.edition),
        date,
    )
}

/// A candidate's result sheet, as `grille serve` shows it: `data` is what
/// `assets/pdf/result.typ` reads (its head comment lists the fields),
/// `ident` names the document, `date` dates it (the publication's day).
///
/// # Errors
/// When the PDF cannot meet PDF/UA-1 and PDF/A-2a.
pub fn result_sheet(
    data: &serde_json::Value,
    ident: String,
    date: (i32, u8, u8),
) -> Result<Vec<u8>, Error> {
    typeset(
        ("result.typ (built in)", RESULT_TEMPLATE),
        data.to_string(),
        ident,
        date,
    )
}

/// Typesets a template (its name, for messages, and its text) with its
/// data, as a tagged PDF/UA-1 and PDF/A-2a document.
fn typeset(
    (name, text): (&str, &str),
    data: String,
    ident: String,
    date: (i32, u8, u8),
) -> Result<Vec<u8>, Error> {
    let world = PdfWorld {
        main: Source::new(file_id("/questions.typ"), text.to_owned()),
        data_id: file_id("/data.json"),
        data: Bytes::from_string(data),
    };
    let compiled = typst::compile::<PagedDocument>(&world);
    // typst falls back on another font with a warning; grille has no other.
    let fonts: Vec<SourceDiagnostic> = compiled
        .warnings
        .iter()
        .filter(|w| w.message.starts_with("unknown font family"))
        .cloned()
        .collect();
    if !fonts.is_empty() {
        return Err(Error::Font {
            messages: messages(&world, name, &fonts),
            available: families(),
        });
    }
    let document = compiled.output.map_err(|errors| {
        let errors: Vec<SourceDiagnostic> = errors
            .iter()
            .filter(|e| e.severity == Severity::Error)
            .cloned()
            .collect();
        Error::Typeset(messages(&world, name, &errors))
    })?;
    let options = PdfOptions {
        ident: Smart::Custom(ident),
        creator: Smart::Custom(Some("grille".to_owned())),
        timestamp: Datetime::from_ymd(date.0, date.1, date.2).map(Timestamp::new_utc),
        standards: PdfStandards::new(&[PdfStandard::Ua_1, PdfStandard::A_2a])
            .map_err(|e| Error::Standards(e.message().to_string()))?,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options)
        .map_err(|errors| Error::Standards(messages(&world, name, &errors)))
}

/// Why a questions PDF cannot be typeset.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// typst's messages, each naming the template, its line and column.
    #[error("{0}")]
    Typeset(String),
    /// The template asks for a font grille does not embed.
    #[error("{messages}: grille embeds {available} only")]
    Font { messages: String, available: String },
    #[error("the PDF does not meet PDF/UA-1 and PDF/A-2a:\n{0}")]
    Standards(String),
}

/// typst's diagnostics as `FILE:LINE:COLUMN: message` lines, with hints.
fn messages(world: &PdfWorld, name: &str, errors: &[SourceDiagnostic]) -> String {
    let mut out = Vec::new();
    for e in errors {
        let at = world
            .range(e.span)
            .and_then(|range| {
                let line = world.main.lines().byte_to_line(range.start)?;
                let column = world.main.lines().byte_to_column(range.start)?;
                Some(format!("{name}:{}:{}: ", line + 1, column + 1))
            })
            .unwrap_or_else(|| format!("{name}: "));
        out.push(format!("{at}{}", e.message));
        for hint in &e.hints {
            out.push(format!("  help: {}", hint.v));
        }
    }
    out.join("\n")
}
