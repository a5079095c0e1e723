//! `grille test FILE...`

use super::Color;
use clap::ValueEnum;
use grille::engine::examples::{self, ExampleRun};
use grille::words::{Lang, Words};

#[derive(clap::Args)]
pub struct Args {
    /// Questionnaire files whose examples to run.
    #[arg(required = true)]
    files: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Also check each level's threshold: answer sets at the threshold and
    /// just below it (keeping the level's conditions) must change level there.
    #[arg(long)]
    boundaries: bool,
    /// When to use colors.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    /// One line per example; failures with expected and actual values and
    /// the explanation of the score.
    Human,
    /// A JUnit XML report (GitLab and GitHub test reports).
    Junit,
    /// A JSON array, one object per example.
    Json,
}

/// The examples of one file, or why they could not run.
struct FileRun {
    file: String,
    /// The questionnaire's language: example titles are quoted in it.
    lang: Lang,
    runs: Result<Vec<ExampleRun>, String>,
}

pub fn run(args: &Args) -> u8 {
    let mut files = Vec::new();
    let mut unreadable = false;
    for file in &args.files {
        let mut lang = Lang::default();
        let runs = match super::compile(file, args.color) {
            Ok((model, _)) => {
                lang = model.lang;
                let mut runs = examples::run(&model);
                if args.boundaries {
                    runs.extend(examples::boundaries(&model));
                }
                Ok(runs)
            }
            Err(2) => {
                unreadable = true;
                continue;
            }
            Err(_) => Err(format!(
                "`{file}` has errors: fix them first (`grille check {file}`)"
            )),
        };
        files.push(FileRun {
            file: file.clone(),
            lang,
            runs,
        });
    }
    match args.format {
        Format::Human => print_human(&files),
        Format::Junit => print!("{}", junit(&files)),
        Format::Json => println!("{}", json(&files)),
    }
    let failed = files.iter().any(|f| {
        f.runs
            .as_ref()
            .map_or(true, |runs| runs.iter().any(|r| !r.passed()))
    });
    if unreadable {
        2
    } else {
        u8::from(failed)
    }
}

fn print_human(files: &[FileRun]) {
    let (mut passed, mut failed) = (0, 0);
    for f in files {
        println!("{}", f.file);
        match &f.runs {
            Err(why) => {
                println!("  error: {why}");
                failed += 1;
            }
            Ok(runs) if runs.is_empty() => println!("  (no examples)"),
            Ok(runs) => {
                for r in runs {
                    let title = r
                        .title
                        .as_deref()
                        .map(|t| format!(" {}", Words::plain(f.lang).quoted(t)))
                        .unwrap_or_default();
                    if r.passed() {
                        passed += 1;
                        println!("  ok      {}{title}", r.id);
                    } else {
                        failed += 1;
                        println!("  FAILED  {}{title}", r.id);
                        for failure in &r.failures {
                            println!("          {failure}");
                        }
                        for line in r.trace.lines() {
                            println!("          | {line}");
                        }
                    }
                }
            }
        }
    }
    println!("{passed} passed, {failed} failed");
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

fn junit(files: &[FileRun]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let count = |f: &FileRun| {
        f.runs.as_ref().map_or((1, 1), |r| {
            (r.len(), r.iter().filter(|x| !x.passed()).count())
        })
    };
    let (tests, failures) = files
        .iter()
        .map(count)
        .fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
    out.push_str(&format!(
        "<testsuites name=\"grille\" tests=\"{tests}\" failures=\"{failures}\">\n"
    ));
    for f in files {
        let (tests, failures) = count(f);
        out.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\">\n",
            xml(&f.file)
        ));
        match &f.runs {
            Err(why) => out.push_str(&format!(
                "    <testcase name=\"check\" classname=\"{}\"><failure message=\"{}\"/></testcase>\n",
                xml(&f.file),
                xml(why)
            )),
            Ok(runs) => {
                for r in runs {
                    out.push_str(&format!("    <testcase name=\"{}\" classname=\"{}\"", xml(&r.id), xml(&f.file)));
                    if r.passed() {
                        out.push_str("/>\n");
                    } else {
                        out.push_str(&format!(
                            ">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                            xml(&r.failures.join("; ")),
                            xml(&r.trace)
                        ));
                    }
                }
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn json(files: &[FileRun]) -> String {
    let mut items = Vec::new();
    for f in files {
        match &f.runs {
            Err(why) => items.push(serde_json::json!({
                "file": f.file, "example": null, "passed": false, "failures": [why],
            })),
            Ok(runs) => items.extend(runs.iter().map(|r| {
                serde_json::json!({
                    "file": f.file,
                    "example": r.id,
                    "title": r.title,
                    "passed": r.passed(),
                    "failures": r.failures,
                    "trace": r.trace,
                })
            })),
        }
    }
    serde_json::to_string_pretty(&items).unwrap_or_default()
}
