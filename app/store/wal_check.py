"""Refuse a write-ahead log that SQLite would silently cut short (SECURITY.md §2.3, test R6).

SQLite replays ``posko.db-wal`` only up to the first frame whose salt or checksum does not fit,
and takes everything after it for the unfinished tail of a crash; a damaged WAL header makes it
ignore the whole file. Either way the vault opens cleanly *without* transactions that were
acknowledged ("Tersimpan") — and closing it folds the shortened log into the database and
deletes the rest. The reliability suite found exactly this with one flipped bit in the WAL.

A crash or a power cut can only leave a broken frame in the *last* transaction: each earlier
one was synced before the next began. So a broken frame followed by a commit frame of the same
log generation *that a later frame chains from* is damage, as is a header that fails its own
checksum. (A power cut may write the unacknowledged last transaction back in part and out of
order — its commit frame without an earlier frame — and that one SQLite rightly drops.) When
the ``-shm`` index a crashed session left behind still names this log generation, its count
of committed frames is a second witness: a log that replays fewer is damaged — this also
covers the last transaction, which otherwise looks exactly like a write cut short by a crash
or a power cut. All of it is checked before SQLite opens the file, so nothing is replayed,
folded or deleted, and the officer is sent to a backup.

Limit: without that index (it is never synced, so a power cut may leave it stale, which only
makes it count fewer frames) damage inside the last transaction cannot be told from a torn
write, and SQLite's own rule decides. Formats: sqlite.org/fileformat2.html#walformat and
sqlite.org/walformat.html (the wal-index header).
"""

from __future__ import annotations

import struct
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.errors import ErrorCode, StorageError

_MAGIC = (0x377F0682, 0x377F0683)  # the low bit selects big-endian checksum words
_VERSION = 3007000
_HEADER = 32
_FRAME_HEADER = 24
_MASK = 0xFFFFFFFF
_INDEX_HEADER = 48  # one copy of the wal-index header at the start of -shm
Sums = tuple[int, int]


@dataclass(frozen=True)
class _Header:
    big_endian: bool
    page_size: int
    salts: bytes
    sums: Sums


@dataclass(frozen=True)
class _Frame:
    summed: bytes  # what the checksum covers: page number, commit size, the page
    commit: bool
    current: bool  # carries this log generation's salts
    stored: Sums


def check(db: Path) -> None:
    """Raise ``INTEGRITY_FAILED`` when the WAL beside ``db`` is damaged (see module doc)."""
    wal = db.with_name(db.name + "-wal")
    try:
        handle = wal.open("rb")
    except FileNotFoundError:
        return
    with handle:
        if damaged(handle, _index_header(db.with_name(db.name + "-shm"))):
            raise StorageError(ErrorCode.INTEGRITY_FAILED)


def damaged(handle: BinaryIO, index: bytes | None = None) -> bool:
    """True when SQLite would replay less of this log than was committed to it.

    ``index``: the first 48 bytes of the ``-shm`` file a crashed session left, if any.
    """
    raw = handle.read(_HEADER)
    if len(raw) < _HEADER or not any(raw):
        return False  # no log yet, or one never written: SQLite rightly ignores it
    header = _header(raw)
    if header is None:
        return True
    frames = _frames(handle, header)
    seed, replayed, count = header.sums, 0, 0
    for frame in frames:
        if not frame.current or _sums(frame.summed, header.big_endian, seed) != frame.stored:
            if _commit_after_break(frames, header, seed, frame):
                return True
            break
        seed, count = frame.stored, count + 1
        replayed = count if frame.commit else replayed
    return replayed < _committed_frames(index, header)


def _commit_after_break(frames: Iterator[_Frame], header: _Header, seed: Sums,
                        broken: _Frame) -> bool:
    """Whether a commit frame of this generation after the broken one was surely synced.

    A commit frame proves it when a later frame chains from it: under ``synchronous=FULL``
    SQLite writes the next transaction only after the commit's sync returned. A commit frame
    with nothing chained after it may belong to the last transaction, written back in part and
    out of order by a power cut before it was ever acknowledged — SQLite rightly drops that one
    (``tests/reliability/test_power_loss.py`` found the false alarm).
    Each later frame is checked against its predecessor's stored checksum — or, when that one
    itself was damaged, against the checksum its predecessor should have had.
    """
    before, previous = seed, broken
    synced: _Frame | None = None  # a commit frame waiting for a frame that chains from it
    for frame in frames:
        if synced is not None and frame.current and \
                _sums(frame.summed, header.big_endian, synced.stored) == frame.stored:
            return True
        synced = None
        if frame.current and frame.commit:
            expected = _sums(previous.summed, header.big_endian, before)
            if any(_sums(frame.summed, header.big_endian, start) == frame.stored
                   for start in (previous.stored, expected)):
                synced = frame
        before, previous = previous.stored, frame
    return False


def _header(raw: bytes) -> _Header | None:
    magic, version, page_size = struct.unpack(">III", raw[:12])
    if magic not in _MAGIC or version != _VERSION:
        return None
    big_endian = bool(magic & 1)
    stored = struct.unpack(">II", raw[24:32])
    if _sums(raw[:24], big_endian, (0, 0)) != stored:
        return None
    size = 65536 if page_size == 1 else page_size
    if size < 512 or size > 65536 or size & (size - 1):
        return None
    return _Header(big_endian, size, raw[16:24], stored)


def _frames(handle: BinaryIO, header: _Header) -> Iterator[_Frame]:
    """Every complete frame in file order (a last frame cut short is the crash tail)."""
    length = _FRAME_HEADER + header.page_size
    while len(raw := handle.read(length)) == length:
        commit_size = struct.unpack(">I", raw[4:8])[0]
        yield _Frame(raw[:8] + raw[_FRAME_HEADER:], commit_size != 0,
                     raw[8:16] == header.salts, struct.unpack(">II", raw[16:24]))


def _index_header(shm: Path) -> bytes | None:
    """The wal-index header (two copies) from ``-shm``, or ``None`` without a usable one."""
    try:
        with shm.open("rb") as handle:
            raw = handle.read(2 * _INDEX_HEADER)
    except OSError:
        return None
    return raw if len(raw) == 2 * _INDEX_HEADER else None


def _committed_frames(index: bytes | None, header: _Header) -> int:
    """Frames the last session knew committed, per its wal-index header; 0 when the index is
    missing, torn, uninitialised or of another log generation (then it proves nothing)."""
    if index is None or index[:_INDEX_HEADER] != index[_INDEX_HEADER:]:
        return 0
    order = "<" if sys.byteorder == "little" else ">"  # SQLite writes it in native order
    version, _, _, initialised = struct.unpack(f"{order}IIIB", index[:13])
    stored = struct.unpack(f"{order}II", index[40:48])
    if (version != _VERSION or initialised != 1 or index[32:40] != header.salts
            or _sums(index[:40], order == ">", (0, 0)) != stored):
        return 0
    return int(struct.unpack(f"{order}I", index[16:20])[0])


def _sums(data: bytes, big_endian: bool, seed: Sums) -> Sums:
    """SQLite's WAL checksum: a Fibonacci-weighted sum of 32-bit word pairs."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    first, second = seed
    pairs = iter(words)
    for word in pairs:
        first = (first + word + second) & _MASK
        second = (second + next(pairs) + first) & _MASK
    return first, second
