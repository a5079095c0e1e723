//! `grille witness FORM --level N`

use super::Color;
use grille::engine::witness::{reach, reach_exactly, Reach};
use grille::engine::Engine;

#[derive(clap::Args)]
pub struct Args {
    /// The questionnaire: its source (`.grille`) or its `bareme.json`.
    form: String,
    /// The level to reach (0: an answer set that reaches no level).
    #[arg(long)]
    level: u32,
    /// An answer set at that level exactly, not above.
    #[arg(long)]
    exact: bool,
    /// When to use colors.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

pub fn run(args: &Args) -> u8 {
    let model = match super::load_model(&args.form, args.color) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let engine = Engine::new(&model);
    let found = if args.exact || args.level == 0 {
        reach_exactly(&engine, args.level)
    } else {
        reach(&engine, args.level)
    };
    match found {
        Reach::Witness(answers, outcome) => {
            let file = serde_json::json!({
                "questionnaire": model.id,
                "edition": model.edition,
                "answers": answers.values,
                "jury": answers.jury,
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&file).unwrap_or_default()
            );
            eprintln!(
                "these answers score {} / {}: level {}",
                outcome.total, outcome.max, outcome.level
            );
            0
        }
        Reach::Impossible(reason) => {
            eprintln!("error: level {} cannot be reached: {reason}", args.level);
            1
        }
        Reach::NotFound => {
            let what = if args.exact || args.level == 0 {
                "is at"
            } else {
                "reaches"
            };
            eprintln!(
                "error: no answer set was found that {what} level {}",
                args.level
            );
            1
        }
    }
}
