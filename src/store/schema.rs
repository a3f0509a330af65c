//! The database schema as versioned migrations; one database holds one regulation and one year.

use rusqlite_migration::{M, Migrations};

/// `PRAGMA application_id` of a thamdinh database ("THMD").
pub const APPLICATION_ID: i64 = 0x5448_4D44;

/// The schema version this program writes (`PRAGMA user_version` after all migrations).
pub const LATEST_VERSION: i64 = 3;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(
            r#"
CREATE TABLE round (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    regulation TEXT NOT NULL,
    year INTEGER NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
-- The regulation's data files as they were at init: the rules of this round never change under it.
CREATE TABLE regulation_file (
    path TEXT PRIMARY KEY,
    content TEXT NOT NULL
);
CREATE TABLE unit (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    bloc TEXT NOT NULL,
    unit_group TEXT
);
CREATE TABLE score (
    unit TEXT NOT NULL REFERENCES unit(code),
    criterion TEXT NOT NULL,
    self_score TEXT,
    appraised_score TEXT,
    deduction_reason TEXT NOT NULL DEFAULT '',
    explanation TEXT NOT NULL DEFAULT '',
    applicable INTEGER NOT NULL DEFAULT 1 CHECK (applicable IN (0, 1)),
    PRIMARY KEY (unit, criterion)
);
CREATE TABLE leader_score (
    unit TEXT NOT NULL REFERENCES unit(code),
    criterion TEXT NOT NULL,
    leader TEXT NOT NULL,
    score TEXT NOT NULL,
    deduction_reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (unit, criterion, leader)
);
CREATE TABLE grade_override (
    unit TEXT NOT NULL REFERENCES unit(code),
    criterion TEXT NOT NULL,
    grade TEXT NOT NULL CHECK (grade IN ('excellent', 'good', 'average', 'poor')),
    reason TEXT NOT NULL CHECK (reason <> ''),
    PRIMARY KEY (unit, criterion)
);
CREATE TABLE fact (
    unit TEXT NOT NULL REFERENCES unit(code),
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (unit, name)
);
CREATE TABLE evidence (
    unit TEXT NOT NULL REFERENCES unit(code),
    criterion TEXT NOT NULL,
    reference TEXT NOT NULL,
    title TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    PRIMARY KEY (unit, criterion, reference)
);
-- The chairman's order of a tie group: one row per unit, ordered by position.
CREATE TABLE tie_order (
    bloc TEXT NOT NULL,
    order_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    unit TEXT NOT NULL REFERENCES unit(code),
    PRIMARY KEY (bloc, order_id, position)
);
-- Every write, appended; triggers refuse changing or removing a row.
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"#,
        ),
        M::up(
            r#"
-- The chairman's approval of a bloc's results; from then on its units' results are frozen.
CREATE TABLE approval (
    bloc TEXT PRIMARY KEY,
    approved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    actor TEXT NOT NULL
);
CREATE TRIGGER score_frozen_insert BEFORE INSERT ON score
WHEN EXISTS (SELECT 1 FROM approval a JOIN unit u ON u.bloc = a.bloc WHERE u.code = NEW.unit)
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;
CREATE TRIGGER score_frozen_update BEFORE UPDATE ON score
WHEN EXISTS (SELECT 1 FROM approval a JOIN unit u ON u.bloc = a.bloc WHERE u.code = OLD.unit)
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;
CREATE TRIGGER score_frozen_delete BEFORE DELETE ON score
WHEN EXISTS (SELECT 1 FROM approval a JOIN unit u ON u.bloc = a.bloc WHERE u.code = OLD.unit)
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;
CREATE TRIGGER leader_score_frozen_insert BEFORE INSERT ON leader_score
WHEN EXISTS (SELECT 1 FROM approval a JOIN unit u ON u.bloc = a.bloc WHERE u.code = NEW.unit)
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;
CREATE TRIGGER leader_score_frozen_delete BEFORE DELETE ON leader_score
WHEN EXISTS (SELECT 1 FROM approval a JOIN unit u ON u.bloc = a.bloc WHERE u.code = OLD.unit)
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;
CREATE TRIGGER grade_frozen_insert BEFORE INSERT ON grade_override
WHEN EXISTS (SELECT 1 FROM approval a JOIN unit u ON u.bloc = a.bloc WHERE u.code = NEW.unit)
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;
CREATE TRIGGER grade_frozen_delete BEFORE DELETE ON grade_override
WHEN EXISTS (SELECT 1 FROM approval a JOIN unit u ON u.bloc = a.bloc WHERE u.code = OLD.unit)
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;
CREATE TRIGGER fact_frozen_insert BEFORE INSERT ON fact
WHEN EXISTS (SELECT 1 FROM approval a JOIN unit u ON u.bloc = a.bloc WHERE u.code = NEW.unit)
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;
CREATE TRIGGER fact_frozen_delete BEFORE DELETE ON fact
WHEN EXISTS (SELECT 1 FROM approval a JOIN unit u ON u.bloc = a.bloc WHERE u.code = OLD.unit)
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;
CREATE TRIGGER tie_frozen_insert BEFORE INSERT ON tie_order
WHEN EXISTS (SELECT 1 FROM approval WHERE bloc = NEW.bloc)
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;
CREATE TRIGGER tie_frozen_delete BEFORE DELETE ON tie_order
WHEN EXISTS (SELECT 1 FROM approval WHERE bloc = OLD.bloc)
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;
CREATE TRIGGER unit_frozen_update BEFORE UPDATE ON unit
WHEN EXISTS (SELECT 1 FROM approval WHERE bloc IN (OLD.bloc, NEW.bloc))
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;
CREATE TRIGGER unit_frozen_insert BEFORE INSERT ON unit
WHEN EXISTS (SELECT 1 FROM approval WHERE bloc = NEW.bloc)
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;
"#,
        ),
        M::up(
            r#"
-- Remarks of the agencies named after the first on a shared component (SPEC, Roles: they may comment).
CREATE TABLE comment (
    id INTEGER PRIMARY KEY,
    unit TEXT NOT NULL REFERENCES unit(code),
    criterion TEXT NOT NULL,
    agency TEXT NOT NULL,
    text TEXT NOT NULL CHECK (text <> ''),
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
"#,
        ),
    ])
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        assert!(super::migrations().validate().is_ok());
    }
}
