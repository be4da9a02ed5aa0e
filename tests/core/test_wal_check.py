"""The WAL check before opening (``app/store/wal_check.py``): damage that SQLite would replay
past without a word is refused; what a crash legitimately leaves is not.

``tests/reliability/test_bit_flips.py`` throws random bits at it; these are the edge cases by
name: the tail a killed writer leaves, the final commit frame with and without the ``-shm``
index as a witness, and the log header.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.errors import ErrorCode, StorageError
from app.store import wal_check
from tests import helpers
from tests.reliability.flips import FRAME, WAL_HEADER

pytestmark = pytest.mark.reliability


@pytest.fixture(scope="module")
def live_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A vault copied while its session held three committed transactions in the WAL."""
    folder = tmp_path_factory.mktemp("wal")
    vault = helpers.new_vault(folder / "live")
    session, _ = helpers.create_vault(vault)
    with session:
        session.cases.create(helpers.full_intake(tag="Satu"))
        session.ctx.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        for tag in ("Dua", "Tiga", "Empat"):
            session.cases.create(helpers.full_intake(tag=tag))
        copy = folder / "copy"
        copy.mkdir()
        for name in ("posko.db", "posko.db-wal", "posko.db-shm"):
            shutil.copyfile(vault.paths.root / name, copy / name)
    return copy


def _copy(live_copy: Path, target: Path) -> Path:
    shutil.copytree(live_copy, target)
    return target / "posko.db"


def _frames(db: Path) -> int:
    return (db.with_name("posko.db-wal").stat().st_size - WAL_HEADER) // FRAME


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x20
    path.write_bytes(bytes(data))


def _refused(db: Path) -> bool:
    try:
        wal_check.check(db)
    except StorageError as error:
        assert error.code is ErrorCode.INTEGRITY_FAILED
        return True
    return False


def test_an_intact_log_passes(live_copy: Path, tmp_path: Path) -> None:
    assert not _refused(_copy(live_copy, tmp_path / "v"))


def test_the_tail_a_killed_writer_leaves_passes(live_copy: Path, tmp_path: Path) -> None:
    """A frame cut short, or a frame header written without its page (two writes)."""
    db = _copy(live_copy, tmp_path / "v")
    wal = db.with_name("posko.db-wal")
    frames = _frames(db)
    with wal.open("r+b") as handle:
        handle.truncate(WAL_HEADER + frames * FRAME + 24 + 100)  # a half-written next frame
    assert not _refused(db)
    data = bytearray(wal.read_bytes())
    last = WAL_HEADER + (frames - 1) * FRAME
    data[last + 24:last + FRAME] = bytes(FRAME - 24)  # the last page never arrived
    wal.write_bytes(bytes(data[:last + FRAME]))
    db.with_name("posko.db-shm").unlink()  # a crash of the whole machine: no index
    assert not _refused(db)


def test_a_damaged_frame_before_a_commit_is_refused(live_copy: Path, tmp_path: Path) -> None:
    db = _copy(live_copy, tmp_path / "v")
    db.with_name("posko.db-shm").unlink()  # the chain alone gives it away
    _flip(db.with_name("posko.db-wal"), WAL_HEADER + FRAME + 500)
    assert _refused(db)


def test_a_damaged_checksum_field_is_refused(live_copy: Path, tmp_path: Path) -> None:
    """The next frame does not fit the stored sum, but fits the sum that should be there."""
    db = _copy(live_copy, tmp_path / "v")
    db.with_name("posko.db-shm").unlink()
    _flip(db.with_name("posko.db-wal"), WAL_HEADER + FRAME + 18)
    assert _refused(db)


def test_the_last_transaction_needs_the_index_as_witness(live_copy: Path,
                                                         tmp_path: Path) -> None:
    """Damage in the last transaction's frames looks exactly like that transaction written
    back in part by a power cut before it was acknowledged (SQLite drops it): only the -shm
    index, when it survived, tells the two apart."""
    for frame, offset in ((1, 3000), (2, 18)):  # the final commit frame; the frame before it
        db = _copy(live_copy, tmp_path / f"v{frame}")
        _flip(db.with_name("posko.db-wal"), WAL_HEADER + (_frames(db) - frame) * FRAME + offset)
        assert _refused(db)  # the -shm index says these frames were committed
        db.with_name("posko.db-shm").unlink()
        assert not _refused(db)  # the documented limit


@pytest.mark.parametrize("offset", [0, 3, 8, 13, 17, 22, 27, 31])
def test_a_damaged_log_header_is_refused(live_copy: Path, tmp_path: Path, offset: int) -> None:
    db = _copy(live_copy, tmp_path / "v")
    _flip(db.with_name("posko.db-wal"), offset)
    assert _refused(db)


def test_only_an_intact_index_is_trusted(live_copy: Path, tmp_path: Path) -> None:
    db = _copy(live_copy, tmp_path / "v")
    wal = db.with_name("posko.db-wal")
    wal.write_bytes(wal.read_bytes()[:WAL_HEADER + (_frames(db) - 1) * FRAME])
    assert _refused(db)  # the index counts a committed frame the log no longer holds
    _flip(db.with_name("posko.db-shm"), 33)  # its two header copies no longer agree
    assert not _refused(db)
