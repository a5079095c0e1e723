-- The jury's work on the applications. The PostgreSQL schema (../postgres) is
-- the same but for the types of the generated ids.

-- A juror's session: the SHA-256 of the cookie's token (the token itself
-- is never kept), the token the juror's forms send back (CSRF), and when
-- it ends.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    juror_id BIGINT NOT NULL REFERENCES jurors (id),
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- `revision` grows at each change of an application (a version, a
-- juror's marks, its state): a juror's page sends back the one it showed,
-- and a save made on an older one is refused, so that nothing is lost.
-- While `needs_completing`, the candidate may change the application
-- until `complete_until` (a day), told why by `complete_note`.
ALTER TABLE applications ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE applications ADD COLUMN complete_until TEXT;
ALTER TABLE applications ADD COLUMN complete_note TEXT;

-- A mark or a decision is a juror's own (`agreed` 0) or the marks the
-- president agreed for the application (`agreed` 1). The latest row of
-- each juror, question or mention and kind counts; an empty `value` (a
-- decision of -1) takes a mark (a decision) back.
ALTER TABLE marks ADD COLUMN agreed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE decisions ADD COLUMN agreed BIGINT NOT NULL DEFAULT 0;

-- A juror's comment on an application, kept with the others.
CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES applications (id),
    juror_id BIGINT NOT NULL REFERENCES jurors (id),
    text TEXT NOT NULL,
    at TEXT NOT NULL
);

-- The results as the president published them (JSON): the public page,
-- the API and each candidate's result sheet read the latest.
CREATE TABLE publications (
    id INTEGER PRIMARY KEY,
    juror_id BIGINT NOT NULL REFERENCES jurors (id),
    results TEXT NOT NULL,
    at TEXT NOT NULL
);

-- The previous edition's results (`grille import`), matched with this
-- edition's applications by the key the questionnaire declares
-- (`campaign { key … }`, written without spaces): each one's name, level
-- and total as published, and the answers file it was scored from, which
-- this edition's questionnaire scores again to show the progress.
CREATE TABLE previous_results (
    key TEXT PRIMARY KEY,
    questionnaire TEXT NOT NULL,
    edition BIGINT NOT NULL,
    name TEXT NOT NULL,
    level BIGINT NOT NULL,
    total TEXT NOT NULL,
    answers TEXT NOT NULL
);
