//! Answer sets from a spreadsheet export: one row per candidate, a column
//! per question id; `jury:ID` columns for jury scores; a `candidat` (or
//! `id`) column names the row.

use super::answers::{collect, Raw, Read};
use super::Problem;
use crate::model::{Kind, Model};
use crate::num::Num;

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
    let delimiter = if text
        .lines()
        .next()
        .is_some_and(|l| l.matches(';').count() > l.matches(',').count())
    {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h
            .iter()
            .map(|c| c.trim().trim_start_matches('\u{feff}').to_owned())
            .collect(),
        Err(e) => {
            return Err(vec![Problem::general(format!(
                "not a readable CSV file: {e}"
            ))])
        }
    };
    if header.iter().all(String::is_empty) {
        return Err(vec![Problem::general(
            "the spreadsheet is empty: its first row names the questions (`candidat;P1;S1;…`), then one row per candidate".to_owned(),
        )]);
    }
    let mut problems = Vec::new();
    let mut name_column = None;
    for (i, column) in header.iter().enumerate() {
        let id = column.strip_prefix("jury:").unwrap_or(column);
        if model.question(id).is_some() {
            continue;
        }
        if NAME_COLUMNS.contains(&column.to_lowercase().as_str()) && name_column.is_none() {
            name_column = Some(i);
            continue;
        }
        let suggestion = crate::suggest::closest(id, model.questions().map(|q| q.id.as_str()));
        problems.push(Problem::general(format!(
            "column {} `{column}` is not a question of `{}` {}{}",
            i + 1,
            model.id,
            model.edition,
            suggestion
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_default()
        )));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Each column's question type, found once.
    let kinds: Vec<Option<&Kind>> = header
        .iter()
        .map(|c| model.question(c).map(|q| &q.kind))
        .collect();
    let mut rows = Vec::new();
    let mut records = 0;
    for (n, record) in reader.records().enumerate() {
        records += 1;
        let line = n + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                rows.push(Row {
                    name: format!("{file}:{line}"),
                    read: Read {
                        answers: super::Answers::default(),
                        problems: vec![Problem::general(format!(
                            "line {line} is not readable: {}{}",
                            csv_error(&e),
                            if delimiter == b';' {
                                " (columns are separated by `;`: put a cell holding several options in quotes, \"a;b\")"
                            } else {
                                ""
                            }
                        ))],
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
        let mut answers = Vec::new();
        let mut jury = Vec::new();
        for (i, cell) in record.iter().enumerate() {
            if Some(i) == name_column {
                continue;
            }
            let column = header[i].as_str();
            match column.strip_prefix("jury:") {
                Some(id) => jury.push((id, cell_number(cell))),
                None => answers.push((column, kinds[i].and_then(|k| cell_value(k, cell)))),
            }
        }
        rows.push(Row {
            name,
            read: collect(model, answers, jury),
        });
    }
    if records == 0 {
        return Err(vec![Problem::general(
            "the spreadsheet has its header row but no candidate: add one row per candidate"
                .to_owned(),
        )]);
    }
    Ok(rows)
}

/// A CSV error without the library's prefix and byte offsets.
fn csv_error(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("it has {len} cells, but the header has {expected_len}")
        }
        _ => e.to_string(),
    }
}

fn cell_number(cell: &str) -> Option<Raw> {
    let cell = cell.trim();
    if cell.is_empty() {
        return None;
    }
    Some(match Num::parse(&cell.replace(',', ".")) {
        Some(n) => Raw::Number(n),
        None => Raw::Text(cell.to_owned()),
    })
}

/// A cell read as its question expects: yes/no as oui/non/true/false,
/// numbers with a point or a comma, options separated by `;`.
fn cell_value(kind: &Kind, cell: &str) -> Option<Raw> {
    let cell = cell.trim();
    if cell.is_empty() {
        return None;
    }
    Some(match kind {
        Kind::YesNo => match cell.to_lowercase().as_str() {
            "oui" | "true" | "vrai" | "yes" | "1" => Raw::Bool(true),
            "non" | "false" | "faux" | "no" | "0" => Raw::Bool(false),
            _ => Raw::Text(cell.to_owned()),
        },
        Kind::Many { .. } => Raw::List(
            cell.split([';', '|'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        ),
        Kind::Integer(_) | Kind::Decimal(_) | Kind::Percent(_) => return cell_number(cell),
        _ => Raw::Text(cell.to_owned()),
    })
}
