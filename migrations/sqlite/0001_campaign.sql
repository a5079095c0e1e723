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
