"""Sentinels and the sweep that looks for them on disk (SECURITY.md L1).

Every personal detail the leak-sweep flow writes starts with one of the prefixes below; the
sweep reads every file under the given folders — plus every regular file a live process holds
open, since SQLite and Qt may unlink temp files while keeping them open — and looks for each
prefix, case-insensitively, in UTF-8, UTF-16-LE and UTF-16-BE.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from tests import helpers

PREFIX = "ZqLeak"   # names, aliases, addresses, chronology, notes, typed text
NIK = "3316775"     # every sentinel NIK (16 digits) starts with this
PHONE = "0899771"   # every sentinel phone number starts with this
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


def needles(texts: tuple[str, ...]) -> tuple[bytes, ...]:
    return tuple(text.lower().encode(codec) for text in texts for codec in ENCODINGS)


#: The password is a sentinel too: it must never reach a file either.
NEEDLES = needles((PREFIX, NIK, PHONE, helpers.KOORDINATOR_PASSWORD))


def sentinel(kind: str, index: int) -> str:
    return f"{PREFIX}{kind}{index:04d}"


def nik(index: int) -> str:
    return f"{NIK}{index:09d}"


def phone(index: int) -> str:
    return f"{PHONE}{index:05d}"


def found(data: bytes, wanted: tuple[bytes, ...] = NEEDLES) -> list[bytes]:
    lowered = data.lower()  # ASCII lowering: right for the UTF-16 forms of ASCII text too
    return [needle for needle in wanted if needle in lowered]


@dataclass
class Sweep:
    hits: dict[str, list[bytes]] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)
    size: int = 0

    def add(self, name: str, data: bytes, wanted: tuple[bytes, ...]) -> None:
        self.files.add(name)
        self.size += len(data)
        if hit := found(data, wanted):
            self.hits[name] = hit


def _open_files(pid: int) -> dict[str, bytes]:
    """Regular files the process holds open, unlinked ones included (Linux /proc)."""
    files: dict[str, bytes] = {}
    fd_dir = Path(f"/proc/{pid}/fd")
    if not fd_dir.is_dir():
        return files
    for fd in fd_dir.iterdir():
        try:
            if stat.S_ISREG(os.stat(fd).st_mode):
                files[f"fd:{os.readlink(fd)}"] = fd.read_bytes()
        except OSError:
            continue  # closed meanwhile
    return files


def sweep(folders: list[Path], pid: int | None = None,
          wanted: tuple[bytes, ...] = NEEDLES) -> Sweep:
    result = Sweep()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.is_symlink():
                result.add(str(path), path.read_bytes(), wanted)
    for name, data in (_open_files(pid) if pid is not None else {}).items():
        result.add(name, data, wanted)
    return result
