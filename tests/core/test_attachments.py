"""Evidence files inside the encrypted vault: digest, size, limit, tamper detection."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from app.clock import FakeClock
from app.errors import AppError, ErrorCode, NotFound, ValidationError
from app.services.attachments import MIB
from app.services.session import Session
from tests import helpers


@pytest.fixture
def koord(shared: tuple[Session, FakeClock]) -> Iterator[Session]:
    yield shared[0]
    shared[0].settings.update(attachment_limit_mb=25)


def case(session: Session) -> int:
    return session.cases.create(helpers.minimal_intake()).id


def counts(session: Session) -> tuple[int, int, int]:
    conn = session.ctx.conn
    return (conn.execute("SELECT count(*) FROM attachments").fetchone()[0],
            conn.execute("SELECT count(*) FROM attachment_blobs").fetchone()[0],
            conn.execute("SELECT count(*) FROM audit").fetchone()[0])


@pytest.mark.parametrize(("filename", "mime"), [
    ("tangkapan layar.png", "image/png"), ("surat.pdf", "application/pdf"),
    ("rekaman", "application/octet-stream"), ("catatan.txt", "text/plain"),
])
def test_stored_with_digest_size_and_read_back_equal(koord: Session, filename: str,
                                                     mime: str) -> None:
    case_id = case(koord)
    content = bytes(range(256)) * 3 + b"\x00\xff"
    captured = datetime(2026, 3, 1, 23, 0, tzinfo=UTC)
    info = koord.attachments.add(case_id, filename, content, captured_at=captured)
    assert (info.case_id, info.filename, info.mime, info.size) == (case_id, filename, mime,
                                                                   len(content))
    assert info.sha256 == hashlib.sha256(content).hexdigest()
    assert (info.captured_at, info.added_at, info.added_by) == (captured, koord.ctx.clock.now(),
                                                                koord.user.id)
    assert koord.attachments.read(info.id) == content
    assert koord.attachments.for_case(case_id) == [info]
    newest = koord.ctx.audit.entries(limit=2)
    assert [e.action for e in newest] == ["attachment.view", "attachment.add"]
    assert newest[1].detail == {"size": len(content)}
    assert newest[1].object == f"attachment:{info.id}"


def test_empty_file_and_several_files_keep_their_order(koord: Session) -> None:
    case_id = case(koord)
    infos = [koord.attachments.add(case_id, f"f{i}.bin", bytes([i]) * i) for i in range(3)]
    assert koord.attachments.for_case(case_id) == infos
    assert [koord.attachments.read(i.id) for i in infos] == [b"", b"\x01", b"\x02\x02"]


def test_default_limit_is_25_mib(koord: Session) -> None:
    case_id = case(koord)
    assert koord.settings.get().attachment_limit_mb == 25
    before = counts(koord)
    with pytest.raises(AppError) as info:
        koord.attachments.add(case_id, "video.mp4", bytes(25 * MIB + 1))
    assert info.value.code is ErrorCode.ATTACHMENT_TOO_LARGE
    assert info.value.params == {"limit_mb": 25}
    assert counts(koord) == before


def test_limit_follows_the_setting_and_nothing_is_written(koord: Session) -> None:
    case_id = case(koord)
    koord.settings.update(attachment_limit_mb=1)
    exact = koord.attachments.add(case_id, "pas.bin", bytes(MIB))
    assert exact.size == MIB
    before = counts(koord)
    with pytest.raises(AppError) as info:
        koord.attachments.add(case_id, "lebih.bin", bytes(MIB + 1))
    assert (info.value.code, info.value.params) == (ErrorCode.ATTACHMENT_TOO_LARGE,
                                                    {"limit_mb": 1})
    assert counts(koord) == before
    assert koord.attachments.for_case(case_id) == [exact]


@pytest.mark.parametrize("tamper", [
    "UPDATE attachment_blobs SET content = ? WHERE attachment_id = ?",
    "UPDATE attachments SET sha256 = lower(hex(?)) WHERE id = ?",
])
def test_altered_blob_or_digest_is_reported_corrupt(koord: Session, tamper: str) -> None:
    case_id = case(koord)
    info = koord.attachments.add(case_id, "bukti.jpg", b"asli" * 100)
    koord.ctx.conn.execute(tamper, (b"palsu" * 80, info.id))
    with pytest.raises(AppError) as error:
        koord.attachments.read(info.id)
    assert error.value.code is ErrorCode.ATTACHMENT_CORRUPT


def test_missing_blob_is_reported_corrupt(koord: Session) -> None:
    info = koord.attachments.add(case(koord), "bukti.jpg", b"asli")
    koord.ctx.conn.execute("DELETE FROM attachment_blobs WHERE attachment_id = ?", (info.id,))
    with pytest.raises(AppError) as error:
        koord.attachments.read(info.id)
    assert error.value.code is ErrorCode.ATTACHMENT_CORRUPT


def test_one_flipped_bit_is_caught(koord: Session) -> None:
    content = bytearray(b"foto" * 1000)
    info = koord.attachments.add(case(koord), "foto.jpg", bytes(content))
    content[1234] ^= 0x01
    koord.ctx.conn.execute("UPDATE attachment_blobs SET content = ? WHERE attachment_id = ?",
                             (bytes(content), info.id))
    with pytest.raises(AppError) as error:
        koord.attachments.read(info.id)
    assert error.value.code is ErrorCode.ATTACHMENT_CORRUPT


@pytest.mark.parametrize(("filename", "content", "captured", "field"), [
    ("", b"x", None, "filename"), ("   ", b"x", None, "filename"),
    ("a\nb.txt", b"x", None, "filename"), ("a.txt", "teks", None, "content"),
    ("a.txt", b"x", datetime(2026, 3, 1, 8, 0), "captured_at"),  # naive time
])
def test_bad_input_is_refused_before_writing(koord: Session, filename: str, content: object,
                                             captured: datetime | None, field: str) -> None:
    case_id = case(koord)
    before = counts(koord)
    with pytest.raises(ValidationError) as info:
        koord.attachments.add(case_id, filename, content, captured_at=captured)  # type: ignore[arg-type]
    assert [e.field for e in info.value.errors] == [field]
    assert counts(koord) == before


def test_unknown_attachment_is_not_found(koord: Session) -> None:
    with pytest.raises(NotFound) as info:
        koord.attachments.read(12345)
    assert info.value.code is ErrorCode.ATTACHMENT_NOT_FOUND
