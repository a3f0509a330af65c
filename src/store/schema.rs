//! The database schema as versioned migrations; one database holds one regulation and one year.

use rusqlite_migration::{HookError, M, Migrations};
use std::fmt::Write;
use std::sync::LazyLock;

/// `PRAGMA application_id` of a thamdinh database ("THMD").
pub const APPLICATION_ID: i64 = 0x5448_4D44;

/// The schema version this program writes (`PRAGMA user_version` after all migrations).
pub const LATEST_VERSION: i64 = 13;

/// The migrations in order; each is SQL text, applied once, never edited after release.
#[allow(clippy::too_many_lines, reason = "SQL migration text: one migration after another, read as the schema")]
pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(
            r"
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
",
        ),
        M::up(
            r"
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
",
        ),
        M::up(
            r"
-- Remarks of the agencies named after the first on a shared component (SPEC, Roles: they may comment).
CREATE TABLE comment (
    id INTEGER PRIMARY KEY,
    unit TEXT NOT NULL REFERENCES unit(code),
    criterion TEXT NOT NULL,
    agency TEXT NOT NULL,
    text TEXT NOT NULL CHECK (text <> ''),
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
",
        ),
        M::up_with_hook(V4_USERS_VERSIONS_CHAIN.as_str(), |tx: &rusqlite::Transaction| {
            super::audit::seal_legacy_rows(tx).map_err(|e| HookError::Hook(e.to_string()))?;
            tx.execute_batch(AUDIT_APPEND_ONLY)?;
            Ok(())
        }),
        // Version 5: every audit row records the rows its write left (`state`, covered by the row's hash), so
        // `audit verify` compares every table with the log. What an older database already holds is recorded once,
        // one `baseline` row per row, marked as taken at migration time.
        M::up_with_hook("ALTER TABLE audit ADD COLUMN state TEXT;", |tx: &rusqlite::Transaction| {
            super::state::seal_baseline(tx).map_err(|e| HookError::Hook(e.to_string()))
        }),
        // Version 6: the units' side of the year (issue 16).
        M::up(V6_UNITS_YEAR),
        // Version 7: the published result of an approved bloc (issue 22).
        M::up(V7_PUBLISHED),
        // Version 8: the files a unit sends over SFTP (issue 24).
        M::up(V8_DOCUMENT_FILES),
        M::up(V9_FILE_DOCUMENTS),
        // Version 10: each paper's number, signer and date of issue (issue 25, the round's settings).
        M::up(V10_PAPER_SETTINGS),
        // Version 11: the chairman's decisions beyond the quota (issue 26).
        M::up(V11_QUOTA_EXCEPTIONS),
        // Version 12: the last uploads refused to each user over SFTP, so the OpenSSH clients' users read why.
        M::up(V12_UPLOAD_REFUSALS),
        // Version 13: the score table keyed by its primary key alone (`WITHOUT ROWID`), for reading and writing speed.
        M::up(V13_SCORE_BY_KEY.as_str()),
    ])
}

/// Version 7: each approved unit's published result (rank, level, exact total), written in the approval's
/// transaction and never changed; the bloc's eligible count and quota on its approval; a re-rating's new result
/// of its unit on the re-rating row, set as it closes.
const V7_PUBLISHED: &str = r"
CREATE TABLE published_result (
    unit TEXT PRIMARY KEY REFERENCES unit(code),
    bloc TEXT NOT NULL,
    rank INTEGER NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('excellent', 'good', 'completed', 'not_completed')),
    total TEXT NOT NULL
);
CREATE TRIGGER published_result_no_update BEFORE UPDATE ON published_result
BEGIN SELECT RAISE(ABORT, 'a published result is never changed; re-rate the unit instead (Điều 10.4)'); END;
CREATE TRIGGER published_result_no_delete BEFORE DELETE ON published_result
BEGIN SELECT RAISE(ABORT, 'a published result is never removed'); END;
CREATE TRIGGER published_result_with_approval BEFORE INSERT ON published_result
WHEN NOT EXISTS (SELECT 1 FROM approval WHERE bloc = NEW.bloc)
BEGIN SELECT RAISE(ABORT, 'a result is published only by its bloc''s approval'); END;
ALTER TABLE approval ADD COLUMN eligible INTEGER;
ALTER TABLE approval ADD COLUMN quota INTEGER;
ALTER TABLE rerating ADD COLUMN level TEXT;
ALTER TABLE rerating ADD COLUMN rank INTEGER;
ALTER TABLE rerating ADD COLUMN total TEXT;
";

/// Version 6: a unit's own users (role `unit`, with the unit's code: the table is rebuilt because its role
/// CHECK cannot be altered; its columns keep their order and `unit` comes last, so the audit log's positional
/// records still fit it), the units' submissions (Điều 8.1.b, 8.2), the round's settings (deadline, appraisal
/// period) and the levels of the round before this one.
const V6_UNITS_YEAR: &str = r"
CREATE TABLE council_user_v6 (
    name TEXT PRIMARY KEY CHECK (name <> '' AND name <> 'admin'),
    full_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('member', 'assistant', 'leader', 'secretary', 'chairman', 'unit')),
    agency TEXT,
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    removed_at TEXT,
    unit TEXT,
    CHECK ((role IN ('member', 'assistant')) = (agency IS NOT NULL)),
    CHECK ((role = 'unit') = (unit IS NOT NULL))
);
INSERT INTO council_user_v6 (name, full_name, role, agency, added_at, removed_at)
    SELECT name, full_name, role, agency, added_at, removed_at FROM council_user;
DROP TABLE council_user;
ALTER TABLE council_user_v6 RENAME TO council_user;
CREATE TRIGGER council_user_no_delete BEFORE DELETE ON council_user
BEGIN SELECT RAISE(ABORT, 'a council user is removed by marking, never deleted: the audit log names them'); END;

-- A unit's submission of its self-assessment: the leadership collective's approval (date, minutes' number).
-- Reopening by the secretary removes the row (the audit log keeps both, with the reason).
CREATE TABLE submission (
    unit TEXT PRIMARY KEY REFERENCES unit(code),
    submitted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    submitted_on TEXT NOT NULL,
    approved_on TEXT NOT NULL,
    minutes TEXT NOT NULL CHECK (minutes <> ''),
    actor TEXT NOT NULL,
    late INTEGER NOT NULL CHECK (late IN (0, 1))
);

-- The round's settings; absent values take the regulation's defaults.
CREATE TABLE round_setting (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    submission_deadline TEXT,
    appraisal_working_days INTEGER CHECK (appraisal_working_days > 0)
);

-- The levels of the round this one was started from (`init --from`), per unit.
CREATE TABLE previous_level (
    unit TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    level TEXT NOT NULL,
    total TEXT NOT NULL,
    approved INTEGER NOT NULL CHECK (approved IN (0, 1))
);
";

/// Version 8: each file a unit sent (a document of a criterion, or its signed score sheet), stored by content hash
/// beside the database (`store::files`); a file sent again under the same name is a new row, the old one marked
/// replaced by it, never removed.
const V8_DOCUMENT_FILES: &str = r"
CREATE TABLE document_file (
    id INTEGER PRIMARY KEY,
    unit TEXT NOT NULL REFERENCES unit(code),
    folder TEXT NOT NULL,
    name TEXT NOT NULL CHECK (name <> ''),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size > 0),
    kind TEXT NOT NULL,
    pages INTEGER,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    replaced_by INTEGER,
    -- A PDF's first lines where it has a text layer (the council's preview).
    preview TEXT
);
CREATE INDEX document_file_place ON document_file (unit, folder, name);
";

/// Version 9: an uploaded file becomes a document — its number, date and title are an evidence row linked to it
/// (one row per file); a stored file's row is never removed nor changed, except marked replaced once.
const V9_FILE_DOCUMENTS: &str = r"
ALTER TABLE evidence ADD COLUMN file INTEGER REFERENCES document_file(id);
CREATE UNIQUE INDEX evidence_file ON evidence (file) WHERE file IS NOT NULL;
CREATE TRIGGER document_file_no_delete BEFORE DELETE ON document_file
BEGIN SELECT RAISE(ABORT, 'a stored file is never removed: a new version marks it replaced'); END;
CREATE TRIGGER document_file_replace_only BEFORE UPDATE ON document_file
WHEN NOT (OLD.replaced_by IS NULL AND NEW.replaced_by IS NOT NULL AND NEW.id = OLD.id AND NEW.unit = OLD.unit
 AND NEW.folder = OLD.folder AND NEW.name = OLD.name AND NEW.sha256 = OLD.sha256 AND NEW.size = OLD.size
 AND NEW.kind = OLD.kind AND NEW.pages IS OLD.pages AND NEW.uploaded_by = OLD.uploaded_by
 AND NEW.uploaded_at = OLD.uploaded_at AND NEW.preview IS OLD.preview)
BEGIN SELECT RAISE(ABORT, 'a stored file is only ever marked replaced, once'); END;
";

/// Version 10: what the council sets for each kind of paper; an unset value prints dotted lines.
const V10_PAPER_SETTINGS: &str = r"
CREATE TABLE paper_setting (
    kind TEXT PRIMARY KEY CHECK (kind IN ('report', 'proposal', 'decision', 'minutes', 'notice')),
    number TEXT CHECK (number IS NULL OR number <> ''),
    signer TEXT CHECK (signer IS NULL OR signer <> ''),
    issued_on TEXT CHECK (issued_on IS NULL OR issued_on <> '')
);
";

/// Version 11: the chairman's decision to rate a unit excellent beyond its bloc's quota (`exceed-quota`, where the
/// regulation allows it), with its reason; withdrawn by removing the row while the bloc is open, frozen once the
/// bloc is approved.
const V11_QUOTA_EXCEPTIONS: &str = r"
CREATE TABLE quota_exception (
    unit TEXT PRIMARY KEY REFERENCES unit(code),
    bloc TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason <> ''),
    actor TEXT NOT NULL
);
CREATE TRIGGER quota_exception_frozen_insert BEFORE INSERT ON quota_exception
WHEN EXISTS (SELECT 1 FROM approval WHERE bloc = NEW.bloc)
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;
CREATE TRIGGER quota_exception_frozen_update BEFORE UPDATE ON quota_exception
WHEN EXISTS (SELECT 1 FROM approval WHERE bloc IN (OLD.bloc, NEW.bloc))
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;
CREATE TRIGGER quota_exception_frozen_delete BEFORE DELETE ON quota_exception
WHEN EXISTS (SELECT 1 FROM approval WHERE bloc = OLD.bloc)
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;
";

/// Version 12: the uploads refused to each user over SFTP (the OpenSSH clients show only *Failure*): the path as the
/// user sent it and the reason in both languages, read back as a note in the user's folder and on the unit's
/// screen. Not a document and not audited (nothing was stored); only each user's last few are kept.
const V12_UPLOAD_REFUSALS: &str = r"
CREATE TABLE upload_refusal (
    id INTEGER PRIMARY KEY,
    user TEXT NOT NULL,
    at TEXT NOT NULL,
    path TEXT NOT NULL,
    reason TEXT NOT NULL,
    reason_en TEXT NOT NULL
);
CREATE INDEX upload_refusal_by_user ON upload_refusal (user, id);
";

/// Version 13: the score table keyed by (unit, criterion) alone, `WITHOUT ROWID`. A rowid table kept its rows in
/// the rowid's b-tree and their key in a second one: reading a round in key order looked each row up twice, and
/// every write of a score wrote both. Same columns in the same order, same constraints; its rows copied as they
/// are; its freeze triggers (dropped with the old table) made again as version 4 made them.
static V13_SCORE_BY_KEY: LazyLock<String> = LazyLock::new(|| {
    let mut sql = String::from(
        r"
CREATE TABLE score_by_key (
    unit TEXT NOT NULL REFERENCES unit(code),
    criterion TEXT NOT NULL,
    self_score TEXT,
    appraised_score TEXT,
    deduction_reason TEXT NOT NULL DEFAULT '',
    explanation TEXT NOT NULL DEFAULT '',
    applicable INTEGER NOT NULL DEFAULT 1 CHECK (applicable IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1,
    appraised_by TEXT,
    awaiting_confirmation INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (unit, criterion)
) WITHOUT ROWID;
INSERT INTO score_by_key (unit, criterion, self_score, appraised_score, deduction_reason, explanation, applicable,
                          version, appraised_by, awaiting_confirmation)
SELECT unit, criterion, self_score, appraised_score, deduction_reason, explanation, applicable,
       version, appraised_by, awaiting_confirmation FROM score;
DROP TABLE score;
ALTER TABLE score_by_key RENAME TO score;
",
    );
    sql.push_str(&frozen_triggers("score"));
    sql
});

const AUDIT_APPEND_ONLY: &str = r"
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
";

/// Version 4: council users, a version and a double-entry state on each appraisal, the audit log's
/// structured columns and hash chain, re-rating after approval (Điều 10.4), and freeze triggers that
/// cover every kind of change to an approved bloc's results except an open re-rating of that unit.
static V4_USERS_VERSIONS_CHAIN: LazyLock<String> = LazyLock::new(|| {
    let mut sql = String::from(
        r"
DROP TRIGGER audit_no_update;
DROP TRIGGER audit_no_delete;
ALTER TABLE audit ADD COLUMN unit TEXT;
ALTER TABLE audit ADD COLUMN criterion TEXT;
ALTER TABLE audit ADD COLUMN field TEXT;
ALTER TABLE audit ADD COLUMN old_value TEXT;
ALTER TABLE audit ADD COLUMN new_value TEXT;
ALTER TABLE audit ADD COLUMN reason TEXT;
ALTER TABLE audit ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_by_component ON audit (unit, criterion);

-- Council users; a session runs as one of them (`--user`). A removed user stays, for the audit log.
CREATE TABLE council_user (
    name TEXT PRIMARY KEY CHECK (name <> '' AND name <> 'admin'),
    full_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('member', 'assistant', 'leader', 'secretary', 'chairman')),
    agency TEXT,
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    removed_at TEXT,
    CHECK ((role IN ('member', 'assistant')) = (agency IS NOT NULL))
);
CREATE TRIGGER council_user_no_delete BEFORE DELETE ON council_user
BEGIN SELECT RAISE(ABORT, 'a council user is removed by marking, never deleted: the audit log names them'); END;

-- Each save of a component bumps its version; a save based on an older version is refused.
ALTER TABLE score ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- Who entered the appraised score; an assistant's entry awaits a member's confirmation.
ALTER TABLE score ADD COLUMN appraised_by TEXT;
ALTER TABLE score ADD COLUMN awaiting_confirmation INTEGER NOT NULL DEFAULT 0;

-- A round created by `thamdinh demo` (or the first run): the start-up picker is offered only there.
ALTER TABLE round ADD COLUMN demo INTEGER NOT NULL DEFAULT 0;
-- A round seeded by an earlier `thamdinh demo` is a demo round.
UPDATE round SET demo = 1 WHERE EXISTS (SELECT 1 FROM audit WHERE action = 'seed');

-- Re-rating a unit after approval (Điều 10.4): open only inside the chairman's transaction.
CREATE TABLE rerating (
    id INTEGER PRIMARY KEY,
    unit TEXT NOT NULL REFERENCES unit(code),
    reason TEXT NOT NULL CHECK (reason <> ''),
    actor TEXT NOT NULL,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    open INTEGER NOT NULL DEFAULT 1
);
CREATE TRIGGER rerating_no_delete BEFORE DELETE ON rerating
BEGIN SELECT RAISE(ABORT, 'a re-rating is part of the record and is never removed'); END;
CREATE TRIGGER rerating_close_only BEFORE UPDATE ON rerating
WHEN NOT (OLD.open = 1 AND NEW.open = 0 AND NEW.unit = OLD.unit AND NEW.reason = OLD.reason AND NEW.actor = OLD.actor AND NEW.at = OLD.at)
BEGIN SELECT RAISE(ABORT, 'a re-rating is only ever closed'); END;

CREATE TRIGGER approval_no_delete BEFORE DELETE ON approval
BEGIN SELECT RAISE(ABORT, 'an approval is never withdrawn; re-rate a unit instead (Điều 10.4)'); END;
CREATE TRIGGER approval_no_update BEFORE UPDATE ON approval
BEGIN SELECT RAISE(ABORT, 'an approval is never changed'); END;
",
    );
    for table in ["score", "leader_score", "grade_override", "fact"] {
        let _ = writeln!(
            sql,
            "DROP TRIGGER IF EXISTS {table}_frozen_insert;\nDROP TRIGGER IF EXISTS {table}_frozen_update;\nDROP TRIGGER IF EXISTS {table}_frozen_delete;"
        );
    }
    sql.push_str("DROP TRIGGER IF EXISTS grade_frozen_insert;\nDROP TRIGGER IF EXISTS grade_frozen_delete;\n");
    for table in ["score", "leader_score", "grade_override", "fact", "evidence"] {
        sql.push_str(&frozen_triggers(table));
    }
    sql.push_str(
        "CREATE TRIGGER tie_frozen_update BEFORE UPDATE ON tie_order
WHEN EXISTS (SELECT 1 FROM approval WHERE bloc IN (OLD.bloc, NEW.bloc))
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;\n",
    );
    sql
});

/// A per-unit table's freeze triggers as version 4 writes them: no insert, change or removal of an approved bloc's
/// unit's rows, except while that unit's re-rating is open.
fn frozen_triggers(table: &str) -> String {
    let mut sql = String::new();
    for (event, row) in [("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")] {
        let _ = writeln!(
            sql,
            "CREATE TRIGGER {table}_frozen_{event_lower} BEFORE {event} ON {table}
WHEN EXISTS (SELECT 1 FROM approval a JOIN unit u ON u.bloc = a.bloc WHERE u.code = {row}.unit)
 AND NOT EXISTS (SELECT 1 FROM rerating r WHERE r.unit = {row}.unit AND r.open = 1)
BEGIN SELECT RAISE(ABORT, 'the bloc is approved: its results are frozen'); END;",
            event_lower = event.to_lowercase()
        );
    }
    sql
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        assert!(super::migrations().validate().is_ok());
    }
}
