//! Answer sets from a spreadsheet export: one row per candidate, a column
//! per question id; `jury:ID` columns for jury scores and the jury's
//! decision on a mention; `previous:level` and `previous:total` for the
//! previous edition's result; a `candidat` (or `id`) column names the row.

use super::answer::{typed, typed_number};
use super::answers::{collect, previous_value, Read};
use super::{Problem, ProblemKind};
use crate::model::{Kind, Model};
use std::ops::Range;

/// One row: its name and its answers (or why they are invalid).
pub struct Row {
    pub name: String,
    pub read: Read,
}

const NAME_COLUMNS: &[&str] = &["candidat", "candidate", "id", "nom", "name"];

/// Reads every row; a header problem (an unknown column) fails the file.
///
/// # Errors
/// When the file is not CSV or its header names columns that are not
/// questions.
pub fn rows(model: &Model, file: &str, text: &str) -> Result<Vec<Row>, Vec<Problem>> {
    let (mut reader, delimiter) = reader(text);
    let header = match header(&mut reader) {
        Ok(h) => h,
        Err(e) => {
            return Err(vec![Problem::general(
                ProblemKind::Spreadsheet,
                format!("not a readable CSV file: {e}"),
            )])
        }
    };
    if header.iter().all(String::is_empty) {
        return Err(vec![Problem::general(
            ProblemKind::Spreadsheet,
            "the spreadsheet is empty: its first row names the questions (`candidat;P1;S1;…`), then one row per candidate".to_owned(),
        )]);
    }
    let name_column = name_column(model, text, &header)?;
    // Each column's question type, found once.
    let kinds: Vec<Option<&Kind>> = header
        .iter()
        .map(|c| model.question(c).map(|q| &q.kind))
        .collect();
    let mut rows = Vec::new();
    let mut records = 0;
    for (n, record) in reader.records().enumerate() {
        records += 1;
        let line = line_of(&record, n);
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let at = e.position().map(|p| line_at(text, p.byte() as usize));
                rows.push(Row {
                    name: format!("{file}:{line}"),
                    read: Read {
                        places: std::collections::BTreeMap::new(),
                        answers: super::Answers::default(),
                        problems: vec![Problem::general(ProblemKind::Spreadsheet, format!(
                            "line {line} is not readable: {}{}",
                            csv_error(&e),
                            if delimiter == b';' {
                                " (columns are separated by `;`: put a cell holding several options in quotes, \"a;b\")"
                            } else {
                                ""
                            }
                        )).placed(at)],
                    },
                });
                continue;
            }
        };
        let name = name_column
            .and_then(|c| record.get(c))
            .filter(|v| !v.trim().is_empty())
            .map_or_else(
                || format!("{file}:{line}"),
                |v| format!("{file}:{line} ({})", v.trim()),
            );
        let start = record.position().map(|p| p.byte() as usize);
        let mut answers = Vec::new();
        let mut jury = Vec::new();
        let mut previous = crate::model::Previous::default();
        let mut previous_problems = Vec::new();
        for (i, cell) in record.iter().enumerate() {
            if Some(i) == name_column {
                continue;
            }
            let at = start.map(|start| cell_at(text, start, &record, i));
            let column = header[i].as_str();
            if let Some(key) = column.strip_prefix("previous:") {
                if let Err(p) = previous_value(&mut previous, key, typed_number(cell)) {
                    previous_problems.push(p.placed(at));
                }
                continue;
            }
            match column.strip_prefix("jury:") {
                Some(id) if model.mentions.iter().any(|m| m.id == id) => {
                    jury.push((id, typed(&Kind::YesNo, cell), at));
                }
                Some(id) => jury.push((id, typed_number(cell), at)),
                None => answers.push((column, kinds[i].and_then(|k| typed(k, cell)), at)),
            }
        }
        let mut read = collect(model, answers, jury);
        read.answers.previous = previous;
        read.problems.extend(previous_problems);
        rows.push(Row { name, read });
    }
    if records == 0 {
        return Err(vec![Problem::general(
            ProblemKind::Spreadsheet,
            "the spreadsheet has its header row but no candidate: add one row per candidate"
                .to_owned(),
        )]);
    }
    Ok(rows)
}

/// A reader of a spreadsheet export, and its delimiter: `;` when the first
/// line has more `;` than `,` (as spreadsheets write CSV in French), else
/// `,`. Every row has as many cells as the header.
pub fn reader(text: &str) -> (csv::Reader<&[u8]>, u8) {
    let delimiter = if text
        .lines()
        .next()
        .is_some_and(|l| l.matches(';').count() > l.matches(',').count())
    {
        b';'
    } else {
        b','
    };
    let reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .from_reader(text.as_bytes());
    (reader, delimiter)
}

/// The line a row starts on (from 1: the header is line 1), a cell over
/// several lines counted; the `n`-th row's rank after the header when the
/// reader does not say.
pub fn line_of(record: &Result<csv::StringRecord, csv::Error>, n: usize) -> usize {
    let position = match record {
        Ok(r) => r.position(),
        Err(e) => e.position(),
    };
    position.map_or(n + 2, |p| usize::try_from(p.line()).unwrap_or(n + 2))
}

/// The header's column names, trimmed (a byte order mark left out).
///
/// # Errors
/// When the first row is not readable CSV.
pub fn header(reader: &mut csv::Reader<&[u8]>) -> Result<Vec<String>, csv::Error> {
    Ok(reader
        .headers()?
        .iter()
        .map(|c| c.trim().trim_start_matches('\u{feff}').to_owned())
        .collect())
}

/// The line of a text that starts at a byte offset, without its line break.
fn line_at(text: &str, start: usize) -> Range<usize> {
    let start = start.min(text.len());
    let end = text[start..]
        .find(['\r', '\n'])
        .map_or(text.len(), |n| start + n);
    start..end
}

/// The column that names the rows, if any; every other column must be a
/// question (`jury:ID` for a jury mark).
fn name_column(
    model: &Model,
    text: &str,
    header: &[String],
) -> Result<Option<usize>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut name_column = None;
    for (i, column) in header.iter().enumerate() {
        let id = column.strip_prefix("jury:").unwrap_or(column);
        let mention = column
            .strip_prefix("jury:")
            .is_some_and(|id| model.mentions.iter().any(|m| m.id == id));
        if model.question(id).is_some()
            || mention
            || matches!(column.as_str(), "previous:level" | "previous:total")
        {
            continue;
        }
        if NAME_COLUMNS.contains(&column.to_lowercase().as_str()) && name_column.is_none() {
            name_column = Some(i);
            continue;
        }
        let suggestion = crate::suggest::closest(id, model.questions().map(|q| q.id.as_str()));
        let header_line = Some(line_at(text, 0));
        problems.push(
            Problem::general(
                ProblemKind::Column,
                format!(
                    "column {} `{column}` is not a question of `{}` {}{}",
                    i + 1,
                    model.id,
                    model.edition,
                    suggestion
                        .map(|s| format!(" (did you mean `{s}`?)"))
                        .unwrap_or_default()
                ),
            )
            .placed(header_line),
        );
    }
    if problems.is_empty() {
        Ok(name_column)
    } else {
        Err(problems)
    }
}

/// Where a record's cell stands in the text: found from the cells before
/// it when none of them is quoted, else the record's whole line.
fn cell_at(text: &str, start: usize, record: &csv::StringRecord, i: usize) -> Range<usize> {
    let found = record.range(i).and_then(|range| {
        // One delimiter after each cell before this one.
        let at = start + range.start + i..start + range.end + i;
        (text.get(at.clone()) == record.get(i)).then_some(at)
    });
    found.unwrap_or_else(|| line_at(text, start))
}

/// A CSV error without the library's prefix and byte offsets.
pub fn csv_error(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("it has {len} cells, but the header has {expected_len}")
        }
        _ => e.to_string(),
    }
}
