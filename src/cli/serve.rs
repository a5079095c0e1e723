//! `grille serve FORM`, and the campaign's administration on the server's
//! machine: `grille results` and `grille export`.

use super::score::{Format, Scored};
use super::Color;
use grille::engine::Engine;
use grille::serve::store::Store;
use miette::NamedSource;
use std::path::Path;

#[derive(clap::Args)]
pub struct ServeArgs {
    /// The questionnaire (`.grille`).
    form: String,
    /// The database: `sqlite:PATH` (created if absent) or `postgres://…`.
    #[arg(long, default_value = "sqlite:grille.db", env = "GRILLE_DATABASE")]
    database: String,
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: String,
    /// The address candidates use (`https://candidatures.example.org`), for
    /// the private links shown; `http://LISTEN` when not given.
    #[arg(long)]
    url: Option<String>,
    /// When to use colors.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

/// The campaign's database, for the commands run beside the server.
#[derive(clap::Args)]
struct Campaign {
    /// The campaign's database: `sqlite:PATH` or `postgres://…`.
    #[arg(long, env = "GRILLE_DATABASE")]
    database: String,
}

#[derive(clap::Args)]
pub struct ResultsArgs {
    #[command(flatten)]
    campaign: Campaign,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// When to use colors.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Print the results' figures instead, as JSON, as `GET /api/results`
    /// gives them: the published ones once published, the current ones
    /// before.
    #[arg(long)]
    summary: bool,
}

#[derive(clap::Args)]
pub struct PreviewArgs {
    /// The questionnaire (`.grille`).
    form: String,
    /// The address to listen on (`127.0.0.1:0`: any free port, printed).
    #[arg(long, default_value = "127.0.0.1:8700")]
    listen: String,
}

#[derive(clap::Args)]
pub struct ImportArgs {
    #[command(flatten)]
    campaign: Campaign,
    /// The previous edition's campaign database (`sqlite:PATH` or
    /// `postgres://…`), whose results are published; or, for an edition
    /// that did not run on grille, a CSV file of its results (`FILE.csv`:
    /// columns `key` and `level`, and if known `name` and `total`).
    #[arg(long)]
    from: String,
    /// With a CSV file: the edition its results are from (`2024`).
    #[arg(long)]
    edition: Option<u32>,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    campaign: Campaign,
    /// The folder to write the answers files to (created if absent).
    dir: String,
}

fn runtime() -> Result<tokio::runtime::Runtime, u8> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            eprintln!("error: cannot start: {e}");
            2
        })
}

fn failed(message: &str) -> u8 {
    eprintln!("error: {message}");
    2
}

pub fn serve(args: &ServeArgs) -> u8 {
    let (model, source) = match super::compile(&args.form, args.color) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let bareme = grille::bareme::to_json(&model, &source);
    let Ok(runtime) = runtime() else { return 2 };
    let options = grille::serve::Options {
        model,
        bareme,
        database: args.database.clone(),
        listen: args.listen.clone(),
        url: args.url.clone(),
    };
    match runtime.block_on(grille::serve::run(options)) {
        Ok(()) => 0,
        Err(e) => failed(&e),
    }
}

/// Every questionnaire of the campaign's database, scored as the server
/// scores it.
fn campaigns(database: &str) -> Result<Vec<grille::serve::Campaign>, u8> {
    let runtime = runtime()?;
    runtime
        .block_on(grille::serve::campaigns(database))
        .map_err(|e| failed(&e))
}

pub fn results(args: &ResultsArgs) -> u8 {
    let campaigns = match campaigns(&args.campaign.database) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if args.summary {
        for c in &campaigns {
            match serde_json::to_string_pretty(&c.summary) {
                Ok(text) => println!("{text}"),
                Err(e) => return failed(&e.to_string()),
            }
        }
        return 0;
    }
    if campaigns.iter().all(|c| c.applications.is_empty()) {
        eprintln!("no application has been sent yet");
    }
    let mut invalid = false;
    for c in &campaigns {
        let engine = Engine::new(&c.model);
        let scored: Vec<Scored<'_>> = c
            .applications
            .iter()
            .map(|(id, text, read)| {
                let name = id.to_string();
                Scored {
                    result: engine.score_read(read),
                    source: std::rc::Rc::new(NamedSource::new(&name, text.clone())),
                    name,
                }
            })
            .collect();
        invalid |= scored.iter().any(|s| s.result.is_err());
        super::score::print(&scored, &c.model, args.format, false, args.color, true);
    }
    u8::from(invalid)
}

pub fn preview(args: &PreviewArgs) -> u8 {
    let Ok(runtime) = runtime() else { return 2 };
    match runtime.block_on(grille::preview::run(&args.form, &args.listen)) {
        Ok(()) => 0,
        Err(e) => failed(&e),
    }
}

pub fn import(args: &ImportArgs) -> u8 {
    let Ok(runtime) = runtime() else { return 2 };
    match runtime.block_on(grille::serve::import_previous(
        &args.from,
        args.edition,
        &args.campaign.database,
    )) {
        Ok(report) => {
            println!("{report}");
            0
        }
        Err(e) => failed(&e),
    }
}

pub fn export(args: &ExportArgs) -> u8 {
    let campaigns = match campaigns(&args.campaign.database) {
        Ok(c) => c,
        Err(code) => return code,
    };
    // The folder is its owner's only, as the database is: the files hold
    // the candidates' answers.
    let dir = Path::new(&args.dir);
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    if let Err(e) = builder.create(dir) {
        return failed(&format!(
            "cannot create the folder `{}`: {}",
            dir.display(),
            super::describe_io(&e)
        ));
    }
    let mut count = 0;
    for c in &campaigns {
        for (id, text, _) in &c.applications {
            let path = dir.join(format!("{}-{}-{id}.json", c.model.id, c.model.edition));
            if let Err(e) = grille::assets::replace(&path, text.as_bytes()) {
                return failed(&format!(
                    "cannot write `{}`: {}",
                    path.display(),
                    super::describe_io(&e)
                ));
            }
            count += 1;
        }
    }
    println!(
        "wrote {count} answers file{} in {}",
        if count == 1 { "" } else { "s" },
        dir.display()
    );
    0
}

#[derive(clap::Args)]
pub struct JuryArgs {
    #[command(subcommand)]
    command: JuryCommand,
}

#[derive(clap::Subcommand)]
enum JuryCommand {
    /// Add a juror. The password is read from standard input (one line, at
    /// least 12 characters); with none given, one is made and printed once.
    Add {
        /// The juror's name, as they sign in (`Claire Martin`).
        name: String,
        /// The president: also agrees the marks, validates and publishes.
        #[arg(long)]
        president: bool,
        #[command(flatten)]
        campaign: Campaign,
    },
    /// Remove a juror who has marked nothing yet.
    Remove {
        name: String,
        #[command(flatten)]
        campaign: Campaign,
    },
    /// List the jurors and their roles.
    List {
        #[command(flatten)]
        campaign: Campaign,
    },
}

/// The password given on standard input, or one made (and so printed).
fn password() -> Result<(String, bool), u8> {
    use std::io::{BufRead, IsTerminal};
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!(
            "the juror's password (at least {} characters; leave empty to have one made):",
            grille::serve::jury::MIN_PASSWORD
        );
    }
    let mut line = String::new();
    if let Err(e) = stdin.lock().read_line(&mut line) {
        return Err(failed(&format!("cannot read the password: {e}")));
    }
    let given = line.trim_end_matches(['\n', '\r']);
    if given.is_empty() {
        return Ok((grille::serve::jury::new_password(), true));
    }
    if given.chars().count() < grille::serve::jury::MIN_PASSWORD {
        return Err(failed(&format!(
            "a juror's password has at least {} characters (or give none, and one is made)",
            grille::serve::jury::MIN_PASSWORD
        )));
    }
    Ok((given.to_owned(), false))
}

pub fn jury(args: &JuryArgs) -> u8 {
    use grille::serve::jury::{self, Role};
    let Ok(runtime) = runtime() else { return 2 };
    runtime.block_on(async {
        let database = match &args.command {
            JuryCommand::Add { campaign, .. }
            | JuryCommand::Remove { campaign, .. }
            | JuryCommand::List { campaign } => &campaign.database,
        };
        // Jurors may be added before the campaign opens: `add` makes the
        // database when it does not exist yet.
        let opened = match &args.command {
            JuryCommand::Add { .. } => Store::open(database).await,
            _ => Store::open_existing(database).await,
        };
        let store = match opened {
            Ok(s) => s,
            Err(e) => return failed(&e),
        };
        let result = match &args.command {
            JuryCommand::Add { name, president, .. } => {
                if let Some(problem) = jury::name_problem(name) {
                    return failed(problem);
                }
                // Said before the password is asked for.
                match store.jurors().await {
                    Ok(jurors) if jurors.iter().any(|(n, _, _)| n == name) => {
                        return failed(&format!("there is a juror « {name} » already"));
                    }
                    Ok(_) => {}
                    Err(e) => return failed(&e.to_string()),
                }
                let (password, made) = match password() {
                    Ok(p) => p,
                    Err(code) => return code,
                };
                let role = if *president { Role::President } else { Role::Juror };
                match store.add_juror(name, &jury::hash(&password), role.name()).await {
                    Ok(true) if made => {
                        println!("added {} « {name} », password (shown once): {password}", role.name());
                        Ok(0)
                    }
                    Ok(true) => {
                        println!("added {} « {name} »", role.name());
                        Ok(0)
                    }
                    Ok(false) => Ok(failed(&format!("there is a juror « {name} » already"))),
                    Err(e) => Err(e),
                }
            }
            JuryCommand::Remove { name, .. } => match store.remove_juror(name).await {
                Ok(Some(true)) => {
                    println!("removed « {name} »");
                    Ok(0)
                }
                Ok(Some(false)) => Ok(failed(&format!(
                    "« {name} » has marked applications: the account stays, so that their marks keep their author"
                ))),
                Ok(None) => Ok(failed(&format!("there is no juror « {name} »"))),
                Err(e) => Err(e),
            },
            JuryCommand::List { .. } => store.jurors().await.map(|jurors| {
                for (name, role, since) in &jurors {
                    println!("{name}\t{role}\t{since}");
                }
                if jurors.is_empty() {
                    eprintln!("no juror yet: `grille jury add NAME --database …`");
                }
                0
            }),
        };
        result.unwrap_or_else(|e| failed(&e.to_string()))
    })
}
