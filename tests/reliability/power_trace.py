"""Record what a process asked the kernel to write, as the R2 power-loss test replays it.

:func:`record` runs a command under ``strace`` (every write, sync, truncation, create, rename
and unlink, with the written bytes in full); :func:`parse` turns the trace into a list of
:class:`Event` about one vault folder, plus the child's stdout writes (its acknowledgements).
The disk model in :mod:`tests.reliability.power_loss` decides what survives a power cut.

``-y`` annotates every descriptor with its path and ``-xx`` prints every string — data and
paths — as ``\\xNN`` escapes, so the parser never meets quoting or odd bytes. Memory-mapped
writes (SQLite's ``-shm`` index) do not pass through these calls and are not recorded.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

STRACE = shutil.which("strace")
#: Every call that can change a file's bytes, size or name, and what a parser needs around it.
CALLS = ("openat,open,creat,write,pwrite64,writev,pwritev,pwritev2,lseek,fsync,fdatasync,"
         "ftruncate,truncate,rename,renameat,renameat2,unlink,unlinkat,close,fallocate,"
         "dup,dup2,dup3")
_LINE = re.compile(r"^(\d+) +(\w+)\((.*)\) += (-?\d+)")
_TOKEN = re.compile(r'"((?:\\x[0-9a-f]{2})*)"(\.\.\.)?|(-?\d+|AT_FDCWD)<((?:\\x[0-9a-f]{2})*)>'
                    r"|\b(O_[A-Z_|]+|SEEK_[A-Z]+)\b|(?<![\w<])(-?\d+)\b")
_UNFINISHED = " <unfinished ...>"
_RESUMED = re.compile(r"^(\d+) +<\.\.\. (\w+) resumed>(.*)$")


class TraceError(AssertionError):
    """The trace holds a call on the vault folder the model does not understand."""


@dataclass(frozen=True)
class Event:
    """One change to the folder, in the order the kernel saw it.

    ``kind``: ``write`` (``inode``, ``offset``, ``data``), ``trunc`` (``inode``, ``offset`` =
    the new size), ``sync`` (``inode``: fsync or fdatasync), ``dirsync`` (the folder itself),
    ``create`` (``name`` now names the new ``inode``), ``rename`` (``name`` → ``target``),
    ``unlink`` (``name``) and ``ack`` (``data`` written to stdout).
    """

    kind: str
    inode: int = -1
    offset: int = 0
    data: bytes = b""
    name: str = ""
    target: str = ""


def record(command: list[str], trace: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``command`` under strace (following threads and children) writing ``trace``."""
    assert STRACE is not None
    return subprocess.run([STRACE, "-f", "--seccomp-bpf", "-y", "-xx", "-s", str(1 << 24),
                           "-e", f"trace={CALLS}", "-o", str(trace), *command], cwd=cwd,
                          capture_output=True, text=True, timeout=3600, check=False)


def _hex(text: str) -> bytes:
    return bytes.fromhex(text.replace("\\x", ""))


@dataclass
class _Args:
    """The tokens of one call: strings, ``(fd, path)`` descriptors, flags and numbers."""

    strings: list[bytes] = field(default_factory=list)
    fds: list[tuple[int, str]] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)


def _tokens(text: str) -> _Args:
    args = _Args()
    for match in _TOKEN.finditer(text):
        string, cut, fd, path, word, number = match.groups()
        if string is not None:
            if cut:
                raise TraceError("strace cut a string short: raise -s")
            args.strings.append(_hex(string))
        elif fd is not None:
            args.fds.append((-100 if fd == "AT_FDCWD" else int(fd), _hex(path).decode()))
        elif word is not None:
            args.words.append(word)
        else:
            args.numbers.append(int(number))
    return args


def calls(trace: Path) -> Iterator[tuple[str, _Args, int]]:
    """Each successful call as ``(name, arguments, result)``; a call split by another
    thread (``<unfinished ...>`` / ``<... resumed>``) is joined again."""
    waiting: dict[str, str] = {}
    with trace.open(encoding="ascii") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.endswith(_UNFINISHED):
                pid = line.split(" ", 1)[0]
                waiting[pid] = line[: -len(_UNFINISHED)]
                continue
            resumed = _RESUMED.match(line)
            if resumed:
                line = waiting.pop(resumed.group(1)) + resumed.group(3)
            found = _LINE.match(line)
            if found and int(found.group(4)) >= 0:
                yield found.group(2), _tokens(found.group(3)), int(found.group(4))


@dataclass
class _Open:
    inode: int  # -1: the vault folder itself
    position: int = 0
    append: bool = False


class _Parser:
    """Follows descriptors and names through the calls; emits the folder's events."""

    def __init__(self, root: Path, names: dict[str, int]) -> None:
        self.root = str(root)
        self.names = dict(names)
        self.sizes = dict.fromkeys(names.values(), 0)
        self.fds: dict[int, _Open] = {}
        self.events: list[Event] = []

    def name_of(self, path: str, base: str = "") -> str | None:
        """The file's name when ``path`` (relative to ``base``) is in the folder; ``"."`` for
        the folder itself; ``None`` outside it."""
        full = path if path.startswith("/") else f"{base}/{path}"
        if full == self.root:
            return "."
        parent, _, name = full.rpartition("/")
        if parent == self.root:
            return name
        if full.startswith(self.root + "/"):
            raise TraceError(f"a sub-folder of the vault is not modelled: {full}")
        return None

    def emit(self, kind: str, **fields: object) -> None:
        self.events.append(Event(kind, **fields))  # type: ignore[arg-type]

    def write(self, fd: int, data: bytes, offset: int | None) -> None:
        if fd == 1:
            self.emit("ack", data=data)
            return
        handle = self.fds.get(fd)
        if handle is None:
            return
        if handle.inode < 0:
            raise TraceError("a write to the folder itself")
        start = offset
        if start is None:
            start = self.sizes[handle.inode] if handle.append else handle.position
            handle.position = start + len(data)
        self.sizes[handle.inode] = max(self.sizes[handle.inode], start + len(data))
        self.emit("write", inode=handle.inode, offset=start, data=data)

    def truncate(self, inode: int, size: int) -> None:
        self.sizes[inode] = size
        self.emit("trunc", inode=inode, offset=size)

    def open(self, name: str | None, flags: str, fd: int) -> None:
        self.fds.pop(fd, None)  # a descriptor number is reused once closed
        if name is None:
            return
        if name == ".":
            self.fds[fd] = _Open(-1)
            return
        if name not in self.names:
            if "O_CREAT" not in flags:
                raise TraceError(f"{name} opened but never created")
            self.names[name] = len(self.sizes)
            self.sizes[self.names[name]] = 0
            self.emit("create", inode=self.names[name], name=name)
        inode = self.names[name]
        if "O_TRUNC" in flags:
            self.truncate(inode, 0)
        self.fds[fd] = _Open(inode, append="O_APPEND" in flags)

    def rename(self, old: str | None, new: str | None) -> None:
        if old is None and new is None:
            return
        if old is None or new is None or "." in (old, new):
            raise TraceError(f"a rename across the folder's edge: {old} -> {new}")
        self.names[new] = self.names.pop(old)
        self.emit("rename", name=old, target=new)

    def unlink(self, name: str | None) -> None:
        if name is not None and name != ".":
            del self.names[name]
            self.emit("unlink", name=name)

    def tracked(self, fd: int) -> _Open | None:
        return self.fds.get(fd)


def _on_file_call(parser: _Parser, call: str, args: _Args, result: int) -> None:
    """Calls on a descriptor: writes, syncs, truncations, seeks, closes."""
    fd = args.fds[0][0]
    if call == "write" or call == "writev":
        parser.write(fd, b"".join(args.strings)[:result], None)
    elif call == "pwrite64":
        parser.write(fd, args.strings[0][:result], args.numbers[-1])
    elif call in ("pwritev", "pwritev2"):
        offset = args.numbers[-1] if call == "pwritev" else args.numbers[-2]
        parser.write(fd, b"".join(args.strings)[:result], offset)
    elif (handle := parser.tracked(fd)) is None:
        return
    elif call in ("fsync", "fdatasync"):
        parser.emit("dirsync" if handle.inode < 0 else "sync", inode=handle.inode)
    elif call == "ftruncate":
        parser.truncate(handle.inode, args.numbers[-1])
    elif call == "lseek":
        handle.position = result
    elif call == "close":
        parser.fds.pop(fd)
    else:  # fallocate, dup*: SQLite and Python do not use them on the vault
        raise TraceError(f"{call} on a vault file is not modelled")


def _on_name_call(parser: _Parser, call: str, args: _Args, result: int) -> None:
    """Calls naming a path: opens, renames, unlinks, truncate by name."""
    bases = [path for _, path in args.fds]
    names = [parser.name_of(path.decode(), bases[i] if i < len(bases) else "")
             for i, path in enumerate(args.strings)]
    if call in ("openat", "open", "creat"):
        flags = "O_CREAT|O_WRONLY|O_TRUNC" if call == "creat" else "|".join(args.words)
        parser.open(names[0], flags, result)
    elif call.startswith("rename"):
        parser.rename(names[0], names[1])
    elif call.startswith("unlink"):
        parser.unlink(names[0])
    elif names[0] not in (None, "."):  # truncate(path, size)
        parser.truncate(parser.names[str(names[0])], args.numbers[-1])


_BY_NAME = {"openat", "open", "creat", "rename", "renameat", "renameat2", "unlink", "unlinkat",
            "truncate"}


def parse(trace: Path, root: Path, names: dict[str, int]) -> list[Event]:
    """The folder's events, in order. ``names``: the files present before the trace began,
    each with its inode number (new files are numbered on from ``len(names)``)."""
    parser = _Parser(root, names)
    for call, args, result in calls(trace):
        if call in _BY_NAME:
            _on_name_call(parser, call, args, result)
        elif args.fds:
            _on_file_call(parser, call, args, result)
    return parser.events
