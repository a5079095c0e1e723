-- A campaign's applications, every version of their answers, and what
-- happened to them. The PostgreSQL schema (../postgres) is the same but
-- for the types of the generated ids.

-- One application: the candidate's private link (`token`, 256 random bits)
-- and its state (draft, sent; the jury's states come later).
CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    token TEXT NOT NULL UNIQUE,
    questionnaire TEXT NOT NULL,
    edition BIGINT NOT NULL,
    state TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Every version of an application's answers, as stored: never changed,
-- never deleted; `sent` is 1 for a version sent, 0 for a draft.
-- `answers` is the answers file (the contract of
-- `grille score`); the score is the engine's at arrival.
CREATE TABLE versions (
    id INTEGER PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES applications (id),
    number BIGINT NOT NULL,
    sent BIGINT NOT NULL,
    answers TEXT NOT NULL,
    total TEXT,
    max TEXT,
    level BIGINT,
    created_at TEXT NOT NULL,
    UNIQUE (application_id, number)
);

-- A request made once: the key the page or the client sent, what was
-- sent (its SHA-256), and the version it made.
CREATE TABLE requests (
    key TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    version_id BIGINT NOT NULL REFERENCES versions (id)
);

-- What happened, by whom (`candidate`, later a juror's name), when, with
-- the state before and after.
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES applications (id),
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    what TEXT NOT NULL,
    before TEXT,
    after TEXT
);

-- The questionnaire served (its bareme.json), so that `grille results`
-- scores the applications without the source file.
CREATE TABLE questionnaires (
    questionnaire TEXT NOT NULL,
    edition BIGINT NOT NULL,
    bareme TEXT NOT NULL,
    PRIMARY KEY (questionnaire, edition)
);

-- The jury's work, kept beside the applications: jurors (a name, a
-- password hash, a role: `juror` or `president`), and each juror's mark of
-- a jury-scored question and decision on a jury-decided mention, for one
-- version of an application. Nothing is overwritten: a changed mark is a
-- new row, and the audit says who changed what. (The states after `sent`
-- are the jury's: `being_reviewed`, `needs_completing`, `reviewed`,
-- `validated`.)
CREATE TABLE jurors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE marks (
    id INTEGER PRIMARY KEY,
    version_id BIGINT NOT NULL REFERENCES versions (id),
    juror_id BIGINT NOT NULL REFERENCES jurors (id),
    question TEXT NOT NULL,
    value TEXT NOT NULL,
    at TEXT NOT NULL
);

CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    version_id BIGINT NOT NULL REFERENCES versions (id),
    juror_id BIGINT NOT NULL REFERENCES jurors (id),
    mention TEXT NOT NULL,
    awarded BIGINT NOT NULL,
    at TEXT NOT NULL
);
