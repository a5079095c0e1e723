//! The campaign's database: SQLite (a file, the default) or PostgreSQL,
//! through one set of queries (sqlx's `Any` driver, `$1` parameters in
//! both). Migrations are versioned (`migrations/`) and run at start.
//!
//! Each save is one transaction: the version, the application's state, the
//! audit line and the request's key are written together or not at all,
//! and a save is acknowledged only once committed (SQLite: WAL with
//! `synchronous=FULL`).

use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Row};
use std::time::Duration;

/// What a store's caller may be told.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No application has this private link.
    #[error("no application has this link")]
    NotFound,
    /// A key sent again with another request.
    #[error("this Idempotency-Key was sent before with another request")]
    KeyReused,
    /// The jury reviews the application: the candidate cannot change it
    /// (unless asked to complete it).
    #[error("the jury reviews this application")]
    Reviewed,
    /// The application changed since the page saved was shown.
    #[error("the application changed since it was shown")]
    Changed,
    /// The database cannot be written or read (a full disk, a lost
    /// connection): nothing was saved.
    #[error("the database cannot be used: {0}")]
    Unavailable(String),
}

impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Error {
        Error::Unavailable(e.to_string())
    }
}

/// Where the database is, from `--database`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The backend of a database address: `sqlite:PATH` or
    /// `postgres://…` (`postgresql://…`).
    pub fn of(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

pub struct Store {
    pool: AnyPool,
}

/// A version to save: the answers file's text, and the engine's score of
/// it (none when a hard check fails on a draft).
pub struct NewVersion<'a> {
    pub questionnaire: &'a str,
    pub edition: u32,
    pub sent: bool,
    pub answers: &'a str,
    pub score: Option<Score>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    pub total: String,
    pub max: String,
    pub level: u32,
}

/// A request's key and a digest of what it sent.
pub struct Key<'a> {
    pub key: &'a str,
    pub digest: &'a str,
}

/// A version as stored, with its application.
#[derive(Clone, Debug)]
pub struct Version {
    pub application: i64,
    pub token: String,
    pub number: i64,
    pub sent: bool,
    pub answers: String,
    pub score: Option<Score>,
    pub at: String,
    /// The questionnaire and edition the application answers.
    pub questionnaire: String,
    pub edition: i64,
}

/// An application: its latest version, and its latest version sent.
#[derive(Clone, Debug)]
pub struct Application {
    pub id: i64,
    pub token: String,
    pub latest: Version,
    pub sent: Option<Version>,
    /// `draft`, `sent`, then the jury's: `being_reviewed`,
    /// `needs_completing`, `reviewed`, `validated`.
    pub state: String,
    /// Grows at each change (see `migrations/`).
    pub revision: i64,
    /// While `needs_completing`: the last day the candidate may change it,
    /// and what the jury asks for.
    pub complete_until: Option<String>,
    pub complete_note: Option<String>,
}

const VERSION_COLUMNS: &str =
    "a.id, a.token, v.number, v.sent, v.answers, v.total, v.max, v.level, v.created_at, a.questionnaire, a.edition, \
     a.state, a.revision, a.complete_until, a.complete_note";

fn version(row: &AnyRow) -> Result<Version, sqlx::Error> {
    let total: Option<String> = row.try_get(5)?;
    let max: Option<String> = row.try_get(6)?;
    let level: Option<i64> = row.try_get(7)?;
    Ok(Version {
        application: row.try_get(0)?,
        token: row.try_get(1)?,
        number: row.try_get(2)?,
        sent: row.try_get::<i64, _>(3)? != 0,
        answers: row.try_get(4)?,
        score: match (total, max, level) {
            (Some(total), Some(max), Some(level)) => Some(Score {
                total,
                max,
                level: u32::try_from(level).unwrap_or_default(),
            }),
            _ => None,
        },
        at: row.try_get(8)?,
        questionnaire: row.try_get(9)?,
        edition: row.try_get(10)?,
    })
}

impl Store {
    /// Opens the database (a SQLite file is created, readable by its owner
    /// only) and brings its schema up to date.
    ///
    /// # Errors
    /// When the address is not a database's, or the database cannot be
    /// opened or migrated.
    pub async fn open(url: &str) -> Result<Store, String> {
        Store::connect(url, true).await
    }

    /// Opens a campaign's database that exists already (`grille results`,
    /// `grille export`).
    ///
    /// # Errors
    /// As [`Store::open`], and when a SQLite file does not exist.
    pub async fn open_existing(url: &str) -> Result<Store, String> {
        Store::connect(url, false).await
    }

    async fn connect(url: &str, create: bool) -> Result<Store, String> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of(url).ok_or_else(|| {
            format!("`{url}` is not a database address: use `sqlite:PATH` or `postgres://…`")
        })?;
        let options = match backend {
            Backend::Sqlite => {
                let path = sqlite_path(url);
                if create {
                    create_private(path)?;
                } else if !std::path::Path::new(path).is_file() {
                    return Err(format!(
                        "there is no campaign database `{path}`: `grille serve` creates it"
                    ));
                }
                // One connection: SQLite writes one transaction at a time
                // anyway, and so no writer ever waits on a lock.
                AnyPoolOptions::new()
                    .max_connections(1)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            for pragma in [
                                "PRAGMA journal_mode = WAL",
                                "PRAGMA synchronous = FULL",
                                "PRAGMA foreign_keys = ON",
                                "PRAGMA busy_timeout = 5000",
                            ] {
                                sqlx::query(pragma).execute(&mut *conn).await?;
                            }
                            Ok(())
                        })
                    })
            }
            Backend::Postgres => AnyPoolOptions::new().max_connections(8),
        };
        // One connection first, for its error in words (a pool only says
        // that it timed out).
        let cannot = |e: sqlx::Error| format!("cannot open the database `{}`: {e}", shown(url));
        sqlx::Connection::close(
            <sqlx::AnyConnection as sqlx::Connection>::connect(url)
                .await
                .map_err(cannot)?,
        )
        .await
        .map_err(cannot)?;
        let pool = options
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await
            .map_err(cannot)?;
        let migrated = match backend {
            Backend::Sqlite => sqlx::migrate!("migrations/sqlite").run(&pool).await,
            Backend::Postgres => sqlx::migrate!("migrations/postgres").run(&pool).await,
        };
        migrated.map_err(|e| format!("cannot update the database's tables: {e}"))?;
        Ok(Store { pool })
    }

    /// Whether the database answers.
    pub async fn healthy(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    /// Keeps the questionnaire served (its `bareme.json`), so that
    /// `grille results` scores without the source file.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn keep_questionnaire(
        &self,
        id: &str,
        edition: u32,
        bareme: &str,
    ) -> Result<(), Error> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM questionnaires WHERE questionnaire = $1 AND edition = $2")
            .bind(id)
            .bind(i64::from(edition))
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO questionnaires (questionnaire, edition, bareme) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(i64::from(edition))
        .bind(bareme)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The questionnaires this database holds applications for, with their
    /// `bareme.json`.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn questionnaires(&self) -> Result<Vec<(String, u32, String)>, Error> {
        let rows = sqlx::query(
            "SELECT questionnaire, edition, bareme FROM questionnaires ORDER BY questionnaire, edition",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let edition: i64 = r.try_get(1)?;
                Ok((
                    r.try_get(0)?,
                    u32::try_from(edition).unwrap_or_default(),
                    r.try_get(2)?,
                ))
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Error::from)
    }

    /// Saves a version: of a new application (`token` none), or of the
    /// application with this private link. A key sent before with the same
    /// request gives the version it made, saved once (and `true`).
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown link, [`Error::KeyReused`] for a
    /// key sent before with another request, [`Error::Unavailable`] when
    /// nothing could be saved.
    pub async fn save(
        &self,
        token: Option<&str>,
        new: &NewVersion<'_>,
        key: Option<&Key<'_>>,
    ) -> Result<(Version, bool), Error> {
        // Two servers (PostgreSQL) saving the same application, or the same
        // key, at once: the second's insert fails on a unique column and it
        // tries again, finding what the first saved.
        let mut tries = 0;
        loop {
            let mut conn = self.pool.acquire().await?;
            let result = save_once(&mut conn, token, new, key).await;
            if result.is_err() {
                // A transaction that failed (a full disk) may not even have
                // rolled back: the connection is closed, never reused, so
                // that no later save runs inside it and is lost with it.
                let _ = conn.close().await;
            }
            match result {
                Err(sqlx::Error::Database(e)) if e.is_unique_violation() && tries < 3 => {
                    tries += 1;
                }
                Err(e) => return Err(e.into()),
                Ok(saved) => return saved,
            }
        }
    }

    /// Adds a juror; `false` when one has this name already.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn add_juror(
        &self,
        name: &str,
        password_hash: &str,
        role: &str,
    ) -> Result<bool, Error> {
        let added = sqlx::query(
            "INSERT INTO jurors (name, password_hash, role, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(password_hash)
        .bind(role)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(added.rows_affected() == 1)
    }

    /// Removes a juror who has marked nothing; `Ok(None)` when none has
    /// this name, `Ok(Some(false))` when the juror's marks or decisions keep
    /// the account.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn remove_juror(&self, name: &str) -> Result<Option<bool>, Error> {
        let mut tx = self.pool.begin().await?;
        let Some(row) = sqlx::query("SELECT id FROM jurors WHERE name = $1")
            .bind(name)
            .fetch_optional(&mut *tx)
            .await?
        else {
            tx.rollback().await?;
            return Ok(None);
        };
        let id: i64 = row.try_get(0)?;
        let work: i64 = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM marks WHERE juror_id = $1) + (SELECT COUNT(*) FROM decisions WHERE juror_id = $1) \
             + (SELECT COUNT(*) FROM comments WHERE juror_id = $1) + (SELECT COUNT(*) FROM publications WHERE juror_id = $1)",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        if work > 0 {
            tx.rollback().await?;
            return Ok(Some(false));
        }
        for delete in [
            "DELETE FROM sessions WHERE juror_id = $1",
            "DELETE FROM jurors WHERE id = $1",
        ] {
            sqlx::query(delete).bind(id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(Some(true))
    }

    /// Every juror: name, role, and when the account was made.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn jurors(&self) -> Result<Vec<(String, String, String)>, Error> {
        let rows = sqlx::query("SELECT name, role, created_at FROM jurors ORDER BY name")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Error::from)
    }

    /// The application with this private link.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn application(&self, token: &str) -> Result<Option<Application>, Error> {
        let rows = sqlx::query(&format!(
            "SELECT {VERSION_COLUMNS} FROM versions v JOIN applications a ON a.id = v.application_id \
             WHERE a.token = $1 ORDER BY v.number"
        ))
        .bind(token)
        .fetch_all(&self.pool)
        .await?;
        Ok(gather(&rows)?.pop())
    }

    /// Every application, in the order they arrived.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn applications(&self) -> Result<Vec<Application>, Error> {
        let rows = sqlx::query(&format!(
            "SELECT {VERSION_COLUMNS} FROM versions v JOIN applications a ON a.id = v.application_id \
             ORDER BY a.id, v.number"
        ))
        .fetch_all(&self.pool)
        .await?;
        Ok(gather(&rows)?)
    }
}

// ------------------------------------------------------------ the jury

/// A juror, as a session knows them.
#[derive(Clone, Debug)]
pub struct Juror {
    pub id: i64,
    pub name: String,
    pub role: String,
    /// The token this session's forms send back.
    pub csrf: String,
}

/// A juror's mark of a question, their decision on a mention, their
/// comment, as stored: the latest of each counts.
#[derive(Clone, Debug)]
pub struct Mark {
    pub application: i64,
    pub juror: String,
    pub question: String,
    /// Empty: taken back.
    pub value: String,
    pub agreed: bool,
}

#[derive(Clone, Debug)]
pub struct Decision {
    pub application: i64,
    pub juror: String,
    pub mention: String,
    /// 1 awarded, 0 not, -1 taken back.
    pub awarded: i64,
    pub agreed: bool,
}

#[derive(Clone, Debug)]
pub struct Comment {
    pub application: i64,
    pub juror: String,
    pub text: String,
    pub at: String,
}

/// The jury's work on every application, in the order it was done.
#[derive(Clone, Debug, Default)]
pub struct Work {
    pub marks: Vec<Mark>,
    pub decisions: Vec<Decision>,
    pub comments: Vec<Comment>,
}

/// One application of the previous edition, as published, by its key.
/// From a CSV file of results, `questionnaire`, and `total` and `answers`
/// when not known, are empty.
#[derive(Clone, Debug)]
pub struct PreviousResult {
    pub key: String,
    pub questionnaire: String,
    pub edition: i64,
    pub name: String,
    pub level: i64,
    /// The total, as an exact decimal.
    pub total: String,
    /// The answers file it was scored from (with the jury's marks).
    pub answers: String,
}

/// What a juror saves on an application at once: each a change, with its
/// value before for the audit.
#[derive(Debug, Default)]
pub struct Changes {
    /// Question, before, after (empty: taken back).
    pub marks: Vec<(String, String, String)>,
    /// Mention, before, after (1, 0, -1 as stored).
    pub decisions: Vec<(String, i64, i64)>,
    /// The president's agreed marks and decisions, not the juror's own.
    pub agreed: bool,
    pub comment: Option<String>,
    /// The new state, the day until which the candidate may complete the
    /// application, and what the jury asks for.
    pub state: Option<(String, Option<String>, Option<String>)>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
            && self.decisions.is_empty()
            && self.comment.is_none()
            && self.state.is_none()
    }
}

impl Store {
    /// A juror's id, password hash and role, by name.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn juror(&self, name: &str) -> Result<Option<(i64, String, String)>, Error> {
        let row = sqlx::query("SELECT id, password_hash, role FROM jurors WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
            .transpose()
            .map_err(|e: sqlx::Error| e.into())
    }

    /// Opens a session for a juror until `expires_at`.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn open_session(
        &self,
        juror: i64,
        token_hash: &str,
        csrf: &str,
        expires_at: &str,
    ) -> Result<(), Error> {
        let now = now();
        let mut tx = self.pool.begin().await?;
        // Sessions ended are forgotten.
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, juror_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(juror)
        .bind(csrf)
        .bind(&now)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The juror of a session that has not ended.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn session(&self, token_hash: &str) -> Result<Option<Juror>, Error> {
        let row = sqlx::query(
            "SELECT j.id, j.name, j.role, s.csrf FROM sessions s JOIN jurors j ON j.id = s.juror_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(Juror {
                id: r.try_get(0)?,
                name: r.try_get(1)?,
                role: r.try_get(2)?,
                csrf: r.try_get(3)?,
            })
        })
        .transpose()
        .map_err(|e: sqlx::Error| e.into())
    }

    /// Ends a session.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn close_session(&self, token_hash: &str) -> Result<(), Error> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The jury's work on every application.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn work(&self) -> Result<Work, Error> {
        let marks = sqlx::query(
            "SELECT v.application_id, j.name, m.question, m.value, m.agreed FROM marks m \
             JOIN versions v ON v.id = m.version_id JOIN jurors j ON j.id = m.juror_id ORDER BY m.id",
        )
        .fetch_all(&self.pool)
        .await?;
        let decisions = sqlx::query(
            "SELECT v.application_id, j.name, d.mention, d.awarded, d.agreed FROM decisions d \
             JOIN versions v ON v.id = d.version_id JOIN jurors j ON j.id = d.juror_id ORDER BY d.id",
        )
        .fetch_all(&self.pool)
        .await?;
        let comments = sqlx::query(
            "SELECT c.application_id, j.name, c.text, c.at FROM comments c \
             JOIN jurors j ON j.id = c.juror_id ORDER BY c.id",
        )
        .fetch_all(&self.pool)
        .await?;
        let work = || -> Result<Work, sqlx::Error> {
            Ok(Work {
                marks: marks
                    .iter()
                    .map(|r| {
                        Ok(Mark {
                            application: r.try_get(0)?,
                            juror: r.try_get(1)?,
                            question: r.try_get(2)?,
                            value: r.try_get(3)?,
                            agreed: r.try_get::<i64, _>(4)? != 0,
                        })
                    })
                    .collect::<Result<_, sqlx::Error>>()?,
                decisions: decisions
                    .iter()
                    .map(|r| {
                        Ok(Decision {
                            application: r.try_get(0)?,
                            juror: r.try_get(1)?,
                            mention: r.try_get(2)?,
                            awarded: r.try_get(3)?,
                            agreed: r.try_get::<i64, _>(4)? != 0,
                        })
                    })
                    .collect::<Result<_, sqlx::Error>>()?,
                comments: comments
                    .iter()
                    .map(|r| {
                        Ok(Comment {
                            application: r.try_get(0)?,
                            juror: r.try_get(1)?,
                            text: r.try_get(2)?,
                            at: r.try_get(3)?,
                        })
                    })
                    .collect::<Result<_, sqlx::Error>>()?,
            })
        };
        Ok(work()?)
    }

    /// Saves a juror's changes to an application shown at `revision`, in
    /// one transaction with their audit lines: `Error::Changed` when the
    /// application changed since (nothing is saved).
    ///
    /// # Errors
    /// `NotFound`, `Changed`, or when the database cannot be written.
    pub async fn review(
        &self,
        application: i64,
        revision: i64,
        juror: &Juror,
        changes: &Changes,
    ) -> Result<(), Error> {
        let now = now();
        let mut tx = self.pool.begin().await?;
        // The update first: it locks the application's row (PostgreSQL)
        // and tells whether it changed since it was shown.
        let row = sqlx::query(
            "UPDATE applications SET revision = revision + 1, updated_at = $1 \
             WHERE id = $2 AND revision = $3 AND state <> 'draft' RETURNING state",
        )
        .bind(&now)
        .bind(application)
        .bind(revision)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            let exists =
                sqlx::query("SELECT 1 FROM applications WHERE id = $1 AND state <> 'draft'")
                    .bind(application)
                    .fetch_optional(&mut *tx)
                    .await?
                    .is_some();
            tx.rollback().await?;
            return Err(if exists {
                Error::Changed
            } else {
                Error::NotFound
            });
        };
        let before: String = row.try_get(0)?;
        let version: i64 =
            sqlx::query("SELECT MAX(id) FROM versions WHERE application_id = $1 AND sent = 1")
                .bind(application)
                .fetch_one(&mut *tx)
                .await?
                .try_get(0)?;
        let agreed = i64::from(changes.agreed);
        let audit = |what: String, before: String, after: String| {
            sqlx::query(
                "INSERT INTO audit (application_id, at, who, what, before, after) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(application)
            .bind(now.clone())
            .bind(juror.name.clone())
            .bind(what)
            .bind(before)
            .bind(after)
        };
        let kind = if changes.agreed { "agreed " } else { "" };
        for (question, was, value) in &changes.marks {
            sqlx::query(
                "INSERT INTO marks (version_id, juror_id, question, value, at, agreed) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(version)
            .bind(juror.id)
            .bind(question)
            .bind(value)
            .bind(&now)
            .bind(agreed)
            .execute(&mut *tx)
            .await?;
            audit(format!("{kind}mark {question}"), was.clone(), value.clone())
                .execute(&mut *tx)
                .await?;
        }
        for (mention, was, awarded) in &changes.decisions {
            sqlx::query(
                "INSERT INTO decisions (version_id, juror_id, mention, awarded, at, agreed) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(version)
            .bind(juror.id)
            .bind(mention)
            .bind(*awarded)
            .bind(&now)
            .bind(agreed)
            .execute(&mut *tx)
            .await?;
            audit(
                format!("{kind}decision {mention}"),
                was.to_string(),
                awarded.to_string(),
            )
            .execute(&mut *tx)
            .await?;
        }
        if let Some(text) = &changes.comment {
            sqlx::query(
                "INSERT INTO comments (application_id, juror_id, text, at) VALUES ($1, $2, $3, $4)",
            )
            .bind(application)
            .bind(juror.id)
            .bind(text)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
            audit("comment".to_owned(), String::new(), text.clone())
                .execute(&mut *tx)
                .await?;
        }
        if let Some((state, until, note)) = &changes.state {
            sqlx::query(
                "UPDATE applications SET state = $1, complete_until = $2, complete_note = $3 WHERE id = $4",
            )
            .bind(state)
            .bind(until)
            .bind(note)
            .bind(application)
            .execute(&mut *tx)
            .await?;
            audit("state".to_owned(), before, state.clone())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// What happened to an application, oldest first: when, who, what,
    /// before, after.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn audit(&self, application: i64) -> Result<Vec<[String; 5]>, Error> {
        let rows = sqlx::query(
            "SELECT at, who, what, COALESCE(before, ''), COALESCE(after, '') FROM audit \
             WHERE application_id = $1 ORDER BY id",
        )
        .bind(application)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok([
                    r.try_get(0)?,
                    r.try_get(1)?,
                    r.try_get(2)?,
                    r.try_get(3)?,
                    r.try_get(4)?,
                ])
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Error::from)
    }

    /// The previous edition's results imported, by key.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn previous(&self) -> Result<Vec<PreviousResult>, Error> {
        let rows = sqlx::query(
            "SELECT key, questionnaire, edition, name, level, total, answers FROM previous_results ORDER BY key",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(PreviousResult {
                    key: r.try_get(0)?,
                    questionnaire: r.try_get(1)?,
                    edition: r.try_get(2)?,
                    name: r.try_get(3)?,
                    level: r.try_get(4)?,
                    total: r.try_get(5)?,
                    answers: r.try_get(6)?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Error::from)
    }

    /// Replaces the previous edition's results with these, at once.
    ///
    /// # Errors
    /// When the database cannot be written: nothing is changed.
    pub async fn replace_previous(&self, results: &[PreviousResult]) -> Result<(), Error> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM previous_results")
            .execute(&mut *tx)
            .await?;
        for r in results {
            sqlx::query(
                "INSERT INTO previous_results (key, questionnaire, edition, name, level, total, answers) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(&r.key)
            .bind(&r.questionnaire)
            .bind(r.edition)
            .bind(&r.name)
            .bind(r.level)
            .bind(&r.total)
            .bind(&r.answers)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Keeps the results the president publishes.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub async fn publish(&self, juror: i64, results: &str) -> Result<(), Error> {
        sqlx::query("INSERT INTO publications (juror_id, results, at) VALUES ($1, $2, $3)")
            .bind(juror)
            .bind(results)
            .bind(now())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The results last published (JSON), and when.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub async fn publication(&self) -> Result<Option<(String, String)>, Error> {
        let row = sqlx::query("SELECT results, at FROM publications ORDER BY id DESC LIMIT 1")
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .transpose()
            .map_err(|e: sqlx::Error| e.into())
    }
}

/// One try at [`Store::save`], in one transaction on this connection.
async fn save_once(
    conn: &mut sqlx::AnyConnection,
    token: Option<&str>,
    new: &NewVersion<'_>,
    key: Option<&Key<'_>>,
) -> Result<Result<(Version, bool), Error>, sqlx::Error> {
    let mut tx = sqlx::Connection::begin(conn).await?;
    if let Some(key) = key {
        let made = sqlx::query("SELECT body, version_id FROM requests WHERE key = $1")
            .bind(key.key)
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(made) = made {
            let digest: String = made.try_get(0)?;
            let id: i64 = made.try_get(1)?;
            if digest != key.digest {
                tx.rollback().await?;
                return Ok(Err(Error::KeyReused));
            }
            let row = sqlx::query(&format!(
                "SELECT {VERSION_COLUMNS} FROM versions v JOIN applications a ON a.id = v.application_id WHERE v.id = $1"
            ))
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            tx.rollback().await?;
            return Ok(Ok((version(&row)?, true)));
        }
    }
    let now = now();
    let (application, token, before) = match token {
        None => {
            let token = new_token();
            let row = sqlx::query(
                "INSERT INTO applications (token, questionnaire, edition, state, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(&token)
            .bind(new.questionnaire)
            .bind(i64::from(new.edition))
            .bind(state(new.sent, None))
            .bind(&now)
            .bind(&now)
            .fetch_one(&mut *tx)
            .await?;
            (row.try_get::<i64, _>(0)?, token, None)
        }
        Some(token) => {
            // An update first: it locks the application's row (PostgreSQL),
            // so that two servers saving it at once number their versions
            // one after the other.
            let Some(row) = sqlx::query(
                "UPDATE applications SET updated_at = $1 WHERE token = $2 RETURNING id, state",
            )
            .bind(&now)
            .bind(token)
            .fetch_optional(&mut *tx)
            .await?
            else {
                tx.rollback().await?;
                return Ok(Err(Error::NotFound));
            };
            (
                row.try_get::<i64, _>(0)?,
                token.to_owned(),
                Some(row.try_get::<String, _>(1)?),
            )
        }
    };
    let Some(after) = state(new.sent, before.as_deref()) else {
        tx.rollback().await?;
        return Ok(Err(Error::Reviewed));
    };
    let number: i64 =
        sqlx::query("SELECT COALESCE(MAX(number), 0) + 1 FROM versions WHERE application_id = $1")
            .bind(application)
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
    let score = new.score.as_ref();
    let id: i64 = sqlx::query(
        "INSERT INTO versions (application_id, number, sent, answers, total, max, level, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(application)
    .bind(number)
    .bind(i64::from(new.sent))
    .bind(new.answers)
    .bind(score.map(|s| s.total.clone()))
    .bind(score.map(|s| s.max.clone()))
    .bind(score.map(|s| i64::from(s.level)))
    .bind(&now)
    .fetch_one(&mut *tx)
    .await?
    .try_get(0)?;
    sqlx::query(
        "UPDATE applications SET state = $1, updated_at = $2, revision = revision + 1 WHERE id = $3",
    )
        .bind(after)
        .bind(&now)
        .bind(application)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO audit (application_id, at, who, what, before, after) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(application)
    .bind(&now)
    .bind("candidate")
    .bind(if new.sent { "send" } else { "save" })
    .bind(before)
    .bind(after)
    .execute(&mut *tx)
    .await?;
    if let Some(key) = key {
        sqlx::query("INSERT INTO requests (key, body, version_id) VALUES ($1, $2, $3)")
            .bind(key.key)
            .bind(key.digest)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(Ok((
        Version {
            application,
            token,
            number,
            sent: new.sent,
            answers: new.answers.to_owned(),
            score: new.score.clone(),
            at: now,
            questionnaire: new.questionnaire.to_owned(),
            edition: i64::from(new.edition),
        },
        false,
    )))
}

/// Versions in order of application then number, gathered by application.
fn gather(rows: &[AnyRow]) -> Result<Vec<Application>, sqlx::Error> {
    let mut applications: Vec<Application> = Vec::new();
    for row in rows {
        let v = version(row)?;
        match applications.last_mut() {
            Some(a) if a.id == v.application => {
                if v.sent {
                    a.sent = Some(v.clone());
                }
                a.latest = v;
            }
            _ => applications.push(Application {
                id: v.application,
                token: v.token.clone(),
                sent: v.sent.then(|| v.clone()),
                latest: v,
                state: row.try_get(11)?,
                revision: row.try_get(12)?,
                complete_until: row.try_get(13)?,
                complete_note: row.try_get(14)?,
            }),
        }
    }
    Ok(applications)
}

/// An application's state after the candidate saves it (`sent` when
/// sent), from its state before: `draft` until it is first sent, then
/// `sent`; sent while the jury asked to complete it, it goes back to the
/// jury. `None` while the jury reviews it: the candidate cannot change it.
fn state(sent: bool, before: Option<&str>) -> Option<&'static str> {
    match before {
        None | Some("draft") if sent => Some("sent"),
        None | Some("draft") => Some("draft"),
        Some("sent") => Some("sent"),
        Some("needs_completing") if sent => Some("being_reviewed"),
        Some("needs_completing") => Some("needs_completing"),
        Some(_) => None,
    }
}

/// Now, as stored: UTC, to the millisecond (`2024-06-03T09:12:45.120Z`).
fn now() -> String {
    let now = jiff::Timestamp::now();
    format!("{:.3}", now)
}

/// A private link's token: 256 random bits, in base64url.
pub fn new_token() -> String {
    use base64::Engine as _;
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the system gives random bytes");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Whether a text could be a token (43 characters of base64url).
pub fn is_token(text: &str) -> bool {
    text.len() == 43
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The file of a `sqlite:` address.
fn sqlite_path(url: &str) -> &str {
    let rest = url.trim_start_matches("sqlite:");
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    rest.split('?').next().unwrap_or(rest)
}

/// Creates the SQLite file, readable and writable by its owner only
/// (SQLite gives its journal files the same permissions).
fn create_private(path: &str) -> Result<(), String> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map(drop).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "its folder does not exist".to_owned(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            _ => e.to_string(),
        };
        format!("cannot create the database file `{path}`: {why}")
    })
}

/// A database address without its password.
fn shown(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let user = &url[scheme + 3..at];
            let user = user.split(':').next().unwrap_or(user);
            format!("{}{user}@{}", &url[..scheme + 3], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}
