"""What a disk holds after a power cut: the model behind test R2 (SECURITY.md §8).

LazyFS (a FUSE file system that keeps unsynced writes in its own page cache and drops them on
``clear-cache``) cannot be installed here, so this replays a system-call trace of the writer
(:mod:`tests.reliability.power_trace`) through a model with the same rules, stricter where
POSIX allows:

- *File data.* A write is durable once its file was ``fsync``-ed or ``fdatasync``-ed after it
  (either, on any descriptor of that file). Size changes (``ftruncate``, ``O_TRUNC``,
  extending writes) follow the same rule.
- *Names.* Creating, renaming and unlinking a file is durable only once the folder itself was
  fsync-ed afterwards — stricter than ext4, whose journal commits them within seconds anyway. A name
  not yet durable is gone after the cut; a removal not yet durable brings the old file back.
- *``-shm``.* SQLite's index is written through ``mmap`` (not in the trace) and never synced:
  it is deleted in every cut state. SQLite itself ignores whatever a crash left there (the
  first connection truncates it and rebuilds the index from the WAL); only
  ``app/store/wal_check.py`` reads it first, as a second witness that under FULL can only
  count fewer frames than the disk holds (SQLite updates it after the WAL sync). Without it
  that check has less to go on: the stricter case for the product.

At a cut, unsynced data is either all lost (:data:`NONE`: LazyFS ``clear-cache``) or partly
written back (:data:`SOME`): each dirty 4 KiB page of each file independently reached the disk
with its newest bytes, as a kernel flushing its page cache in any order would leave it; each
file's size metadata independently made it or not; and a random prefix of the folder's pending
name changes (a journal commits them in order). :data:`ALL_BUT_FIRST` is one such order, fixed:
every dirty page but each file's first, every size and name change.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.reliability.power_trace import Event

NONE = "unsynced lost"
SOME = "unsynced partly written"
#: Every unsynced page written back but each file's first one (a reproduction, not random).
ALL_BUT_FIRST = "unsynced written but the first page"
PAGE = 4096
#: Written by the child's SQLite through mmap only; see the module doc.
SHM_SUFFIX = "-shm"


@dataclass
class _File:
    """One inode: what the page cache holds now, and what the disk surely holds."""

    current: bytearray
    durable: bytearray
    dirty: list[tuple[int, int]] = field(default_factory=list)  # byte ranges since last sync

    def write(self, offset: int, data: bytes) -> None:
        end = offset + len(data)
        if len(self.current) < offset:
            self.current.extend(bytes(offset - len(self.current)))
        self.current[offset:end] = data
        self.dirty.append((offset, end))

    def truncate(self, size: int) -> None:
        old = len(self.current)
        if size < old:
            del self.current[size:]
        else:
            self.current.extend(bytes(size - old))
        self.dirty.append((min(size, old), max(size, old)))

    def sync(self) -> None:
        _apply(self.durable, self.current, self.dirty, len(self.current))
        self.dirty = []

    def after_cut(self, mode: str, rng: random.Random) -> bytes:
        if mode == NONE or not self.dirty:
            return bytes(self.durable)
        pages = sorted({page for start, end in self.dirty
                        for page in range(start // PAGE, (max(end, start + 1) - 1) // PAGE + 1)})
        if mode == ALL_BUT_FIRST:
            kept, size = pages[1:], len(self.current)
        else:
            kept = [page for page in pages if rng.random() < 0.5]
            size = len(self.current) if rng.random() < 0.5 else len(self.durable)
        flushed = [(page * PAGE, (page + 1) * PAGE) for page in kept]
        size = max([size] + [min(end, len(self.current)) for _, end in flushed])
        result = bytearray(self.durable)
        _apply(result, self.current, flushed, size)
        return bytes(result)


def _apply(result: bytearray, current: bytearray, ranges: Iterable[tuple[int, int]],
           size: int) -> None:
    """Copy each range of ``current`` into ``result``, then cut or zero-extend it to ``size``."""
    for start, end in ranges:
        end = min(end, len(current))
        if end <= start:
            continue
        if len(result) < end:
            result.extend(bytes(end - len(result)))
        result[start:end] = current[start:end]
    if len(result) > size:
        del result[size:]
    else:
        result.extend(bytes(size - len(result)))


@dataclass(frozen=True)
class Cut:
    """One folder state after a power cut before event ``index``."""

    index: int
    mode: str
    files: dict[str, bytes]
    acknowledged: list[str]  # stdout lines complete before the cut

    def write_to(self, folder: Path) -> None:
        folder.mkdir(parents=True)
        for name, data in self.files.items():
            (folder / name).write_bytes(data)


class Disk:
    """The folder as the page cache and as the disk see it, moved on one event at a time."""

    def __init__(self, initial: dict[str, bytes]) -> None:
        self.files = {inode: _File(bytearray(data), bytearray(data))
                      for inode, data in enumerate(initial.values())}
        self.names = {name: inode for inode, name in enumerate(initial)}
        self.durable_names = dict(self.names)
        self.pending: list[Event] = []  # name changes since the folder's last fsync
        self.stdout = b""

    def apply(self, event: Event) -> None:
        kind = event.kind
        if kind == "write":
            self.files[event.inode].write(event.offset, event.data)
        elif kind == "trunc":
            self.files[event.inode].truncate(event.offset)
        elif kind == "sync":
            self.files[event.inode].sync()
        elif kind == "ack":
            self.stdout += event.data
        elif kind == "dirsync":
            self.durable_names = dict(self.names)
            self.pending = []
        else:
            if kind == "create":
                self.files[event.inode] = _File(bytearray(), bytearray())
            _rename(self.names, event)
            self.pending.append(event)

    def cut(self, index: int, mode: str, rng: random.Random) -> Cut:
        names = dict(self.durable_names)
        if mode != NONE:
            done = len(self.pending)
            for event in self.pending[:done if mode == ALL_BUT_FIRST else rng.randint(0, done)]:
                _rename(names, event)
        files = {name: self.files[inode].after_cut(mode, rng) for name, inode in names.items()
                 if not name.endswith(SHM_SUFFIX)}
        lines = self.stdout.decode().split("\n")[:-1]  # a line without its newline: unsaid
        return Cut(index, mode, files, lines)


def _rename(names: dict[str, int], event: Event) -> None:
    """Apply one name change to a folder listing."""
    if event.kind == "create":
        names[event.name] = event.inode
    elif event.kind == "unlink":
        del names[event.name]
    else:
        names[event.target] = names.pop(event.name)


def cuts(initial: dict[str, bytes], events: list[Event], points: Iterable[int],
         modes: Iterable[str], seed: int) -> Iterator[Cut]:
    """The folder after a power cut before each event index in ``points``, in each mode."""
    disk, rng, wanted = Disk(initial), random.Random(seed), sorted(set(points))
    modes = tuple(modes)
    done = 0
    for index in wanted:
        while done < index:
            disk.apply(events[done])
            done += 1
        for mode in modes:
            yield disk.cut(index, mode, rng)
