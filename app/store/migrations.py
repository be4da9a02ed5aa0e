"""Schema migrations by ``PRAGMA user_version``, each applied in one transaction.

Never edit a published step: add a new one. ``tests/core/test_migrations.py`` opens a fixture
vault made at every earlier version (``tests/fixtures/vaults/``) and migrates it to the latest.
Steps only change the schema; work that needs today's Python code (rebuilding the search index)
is flagged in ``vault_meta`` and done after the last step, so an old step never runs new code
against an old schema.
"""

from __future__ import annotations

from collections.abc import Callable

from app.errors import ErrorCode, StorageError
from app.store.connection import Connection
from app.store.tx import write_transaction

REINDEX_FLAG = "search_reindex_needed"

_V1_ACCOUNTS = """
CREATE TABLE vault_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('koordinator', 'petugas', 'pimpinan')),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- The slots this database accepts. A slot in posko.keys that is not listed here (a removed
-- officer's slot in an old posko.keys.bak, an old password's slot) does not unlock.
-- The public key is kept here too: rotate-key re-wraps to *these* keys, so a public key
-- swapped in the file by someone without the DB key cannot capture the new database key.
CREATE TABLE key_slots (
    slot_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('password', 'recovery')),
    user_id INTEGER REFERENCES users(id),
    public_key BLOB NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    ts_utc TEXT NOT NULL,
    actor_user_id INTEGER,
    action TEXT NOT NULL,
    case_code TEXT,
    object TEXT,
    detail TEXT NOT NULL,
    prev_mac BLOB NOT NULL,
    mac BLOB NOT NULL
);
CREATE INDEX audit_case ON audit(case_code);
-- Append-only in the app; the hash chain catches anyone who drops these triggers.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
"""

_V2_CASES = """
CREATE TABLE case_counters (
    year INTEGER PRIMARY KEY,
    last_number INTEGER NOT NULL
);
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users(id),
    assigned_to INTEGER REFERENCES users(id),
    received_at TEXT NOT NULL,
    priority TEXT,
    reception TEXT NOT NULL,
    incident TEXT NOT NULL,
    triage TEXT NOT NULL,
    needs TEXT NOT NULL,
    closure TEXT,
    UNIQUE (year, number)
);
CREATE INDEX cases_status ON cases(status);
CREATE INDEX cases_assigned ON cases(assigned_to);
CREATE INDEX cases_received ON cases(received_at);
-- Identifying data lives apart from the case facts (DOMAIN.md §5).
CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('pelapor', 'korban', 'terlapor')),
    position INTEGER NOT NULL,
    data TEXT NOT NULL,
    UNIQUE (case_id, role, position)
);
CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    recipient TEXT,
    outcome TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    revoked_at TEXT,
    revoked_by INTEGER REFERENCES users(id),
    data TEXT NOT NULL
);
CREATE INDEX consents_case ON consents(case_id);
CREATE TABLE referrals (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    priority TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    feedback_at TEXT,
    police_report_confirmed_at TEXT,
    consent_id INTEGER REFERENCES consents(id),
    created_by INTEGER NOT NULL REFERENCES users(id),
    data TEXT NOT NULL
);
CREATE INDEX referrals_case ON referrals(case_id);
CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    officer_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    note TEXT NOT NULL
);
CREATE INDEX follow_ups_case ON follow_ups(case_id);
CREATE TABLE rights (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    item TEXT NOT NULL,
    status TEXT NOT NULL,
    at TEXT NOT NULL,
    officer_id INTEGER NOT NULL REFERENCES users(id),
    note TEXT,
    PRIMARY KEY (case_id, item)
);
CREATE TABLE status_history (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    from_status TEXT,
    to_status TEXT NOT NULL,
    at TEXT NOT NULL,
    by_user INTEGER NOT NULL REFERENCES users(id),
    reason TEXT
);
CREATE INDEX status_history_case ON status_history(case_id);
CREATE TABLE case_restrictions (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (case_id, user_id)
);
"""

# Accent-insensitive (remove_diacritics 2) with prefix indexes for as-you-type search.
_V3_SEARCH = """
CREATE VIRTUAL TABLE case_search USING fts5(
    code, names, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
INSERT OR REPLACE INTO vault_meta(key, value) VALUES ('search_reindex_needed', '1');
"""

_V4_ATTACHMENTS = """
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    captured_at TEXT,
    added_at TEXT NOT NULL,
    added_by INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX attachments_case ON attachments(case_id);
-- Content apart, so listing attachments never pages megabytes of blobs in.
CREATE TABLE attachment_blobs (
    attachment_id INTEGER PRIMARY KEY REFERENCES attachments(id) ON DELETE CASCADE,
    content BLOB NOT NULL
);
"""

# Raw intake-form state, saved as the officer types (unvalidated, so nothing typed is lost when
# the app locks or crashes); the validated case sections stay in their own tables.
_V5_FORM_DRAFTS = """
CREATE TABLE form_drafts (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    updated_at TEXT NOT NULL,
    updated_by INTEGER NOT NULL REFERENCES users(id),
    data TEXT NOT NULL
);
"""

# The letter register: a number once issued is never issued again (UNIQUE), and it survives
# the case (issue 5 destroys cases; the register keeps code and number, never content).
_V6_LETTERS = """
CREATE TABLE letter_counters (
    year INTEGER PRIMARY KEY,
    last_number INTEGER NOT NULL
);
CREATE TABLE letter_numbers (
    id INTEGER PRIMARY KEY,
    number_text TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    serial INTEGER,
    kind TEXT NOT NULL,
    case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
    case_code TEXT,
    referral_id INTEGER UNIQUE REFERENCES referrals(id) ON DELETE SET NULL,
    manual INTEGER NOT NULL CHECK (manual IN (0, 1)),
    issued_at TEXT NOT NULL,
    issued_by INTEGER NOT NULL REFERENCES users(id)
);
"""

# Data protection (issue 5): verified backups, destroyed cases (code and legal basis only),
# the history of corrected fields (UU PDP: correction keeps the old value, koordinator only),
# the breach register; and FTS5 secure-delete, so a destroyed case's words leave the index.
_V7_DATA_PROTECTION = """
CREATE TABLE backups (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    size INTEGER NOT NULL,
    digest TEXT NOT NULL,
    cases INTEGER NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users(id)
);
CREATE TABLE destroyed_cases (
    code TEXT PRIMARY KEY,
    received_on TEXT,
    closed_on TEXT,
    destroyed_at TEXT NOT NULL,
    destroyed_by INTEGER NOT NULL REFERENCES users(id),
    legal_basis TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE TABLE field_history (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    old_value TEXT,
    changed_at TEXT NOT NULL,
    changed_by INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX field_history_case ON field_history(case_id);
CREATE TABLE breaches (
    id INTEGER PRIMARY KEY,
    discovered_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    notified_at TEXT,
    data TEXT NOT NULL
);
INSERT INTO case_search(case_search, rank) VALUES ('secure-delete', 1);
"""

# FTS5 secure-delete off again: under it an edit's re-index looked up every word of the old text
# in every index segment (76 ms p95 at 100,000 cases, ``make bench``). An edit may now leave the
# old words in an older segment, cancelled by a delete marker (never found by search) — a
# received case keeps its old values in field_history anyway — until segments merge. A
# destruction merges the whole index (``'optimize'``) in its own transaction, which drops a
# destroyed case's words, old and current (app/services/retention.py).
_V8_FAST_REINDEX = """
INSERT INTO case_search(case_search, rank) VALUES ('secure-delete', 0);
"""


def _script(sql: str) -> Callable[[Connection], None]:
    def apply(conn: Connection) -> None:
        for statement in _statements(sql):
            conn.execute(statement)

    return apply


def _statements(sql: str) -> list[str]:
    """Split a script on ';' at line ends, keeping trigger bodies (which end in 'END;') whole."""
    statements: list[str] = []
    current: list[str] = []
    for line in sql.strip().splitlines():
        if line.startswith("--") and not current:
            continue
        current.append(line)
        stripped = line.rstrip()
        in_trigger = current[0].lstrip().upper().startswith("CREATE TRIGGER")
        if stripped.endswith(";") and (not in_trigger or stripped.upper().endswith("END;")):
            statements.append("\n".join(current))
            current = []
    return statements


#: Step N brings the schema from version N-1 to N.
STEPS: tuple[Callable[[Connection], None], ...] = (
    _script(_V1_ACCOUNTS),
    _script(_V2_CASES),
    _script(_V3_SEARCH),
    _script(_V4_ATTACHMENTS),
    _script(_V5_FORM_DRAFTS),
    _script(_V6_LETTERS),
    _script(_V7_DATA_PROTECTION),
    _script(_V8_FAST_REINDEX),
)
LATEST = len(STEPS)


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, on_step: Callable[[int, int], None] | None = None) -> int:
    """Bring the schema to :data:`LATEST`; returns the version found.

    Args:
        conn: an open vault connection.
        on_step: called inside each step's transaction with ``(from, to)``, e.g. to audit it.

    Raises:
        StorageError: ``SCHEMA_TOO_NEW`` when the vault comes from a newer app.
    """
    found = current_version(conn)
    if found > LATEST:
        raise StorageError(ErrorCode.SCHEMA_TOO_NEW)
    for version in range(found + 1, LATEST + 1):
        with write_transaction(conn):
            STEPS[version - 1](conn)
            conn.execute(f"PRAGMA user_version = {int(version)}")
            if on_step is not None:
                on_step(version - 1, version)
    return found
