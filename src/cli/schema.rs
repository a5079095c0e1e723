//! `grille schema bareme|answers`

use clap::ValueEnum;

#[derive(clap::Args)]
pub struct Args {
    /// Which schema to print.
    #[arg(value_enum)]
    which: Which,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Which {
    /// The scoring config written by `grille build`.
    Bareme,
    /// An answers file, as `grille score` reads it.
    Answers,
}

pub fn run(args: &Args) -> u8 {
    print!(
        "{}",
        match args.which {
            Which::Bareme => grille::bareme::BAREME_SCHEMA,
            Which::Answers => grille::bareme::ANSWERS_SCHEMA,
        }
    );
    0
}
