"""The fast demo seeder writes exactly what the service-walking one writes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from app.clock import FakeClock
from app.demo import seed
from app.demo_bulk import noise_png, seed_bulk
from app.keys.kdf import FLOOR
from app.paths import VaultPaths
from app.services.session import Session
from app.services.vault import Vault
from tests.helpers import KOORDINATOR_PASSWORD

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
#: Audit rows compared without their MACs (each vault has its own audit key).
TABLES = {
    "cases": "SELECT * FROM cases ORDER BY id",
    "persons": "SELECT * FROM persons ORDER BY id",
    "consents": "SELECT * FROM consents ORDER BY id",
    "referrals": "SELECT * FROM referrals ORDER BY id",
    "follow_ups": "SELECT * FROM follow_ups ORDER BY id",
    "rights": "SELECT * FROM rights ORDER BY case_id, item",
    "status_history": "SELECT * FROM status_history ORDER BY id",
    "case_counters": "SELECT * FROM case_counters ORDER BY year",
    "case_search": "SELECT rowid, code, names, body FROM case_search ORDER BY rowid",
    "audit": "SELECT seq, ts_utc, actor_user_id, action, case_code, object, detail FROM audit"
             " ORDER BY seq",
}


def _vault(folder: Path) -> tuple[Session, FakeClock]:
    clock = FakeClock(START)
    vault = Vault(VaultPaths(folder), clock=clock, kdf_params=FLOOR)
    session, _ = vault.create(username="koordinator", display_name="Koordinator",
                              password=KOORDINATOR_PASSWORD)
    return session, clock


def _rows(session: Session) -> dict[str, list[tuple[object, ...]]]:
    conn = session.ctx.conn
    return {name: conn.execute(sql).fetchall() for name, sql in TABLES.items()}


def test_bulk_seed_equals_the_service_walk(tmp_path: Path) -> None:
    walked, walked_clock = _vault(tmp_path / "walked")
    bulk, bulk_clock = _vault(tmp_path / "bulk")
    with walked, bulk:
        seed(walked, walked_clock, count=60)
        seed_bulk(bulk, bulk_clock, count=60, attachment_every=None)
        expected, found = _rows(walked), _rows(bulk)
        assert len(expected["cases"]) == 60
        for table in TABLES:
            assert found[table] == expected[table], table
        assert bulk.integrity.check().ok


def test_bulk_seed_adds_evidence_that_reads_back(tmp_path: Path) -> None:
    session, clock = _vault(tmp_path / "vault")
    with session:
        seed_bulk(session, clock, count=30, attachment_every=10)
        rows = session.ctx.conn.execute("SELECT id, case_id FROM attachments").fetchall()
        assert len(rows) == 3
        content = session.attachments.read(rows[0][0])
        assert content.startswith(b"\x89PNG\r\n\x1a\n") and len(content) > 12_000
        assert session.integrity.check().ok


def test_noise_png_is_deterministic_per_stream() -> None:
    from random import Random

    assert noise_png(Random(1)) == noise_png(Random(1)) != noise_png(Random(2))
