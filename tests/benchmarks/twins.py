"""The replay children, driven call by call from the benchmark (:mod:`tests.benchmarks.replay`).

Two twins follow the encrypted vault through a run: the plain SQLite twin, and a copy of the
encrypted vault without memory wiping. Each measured call is sent to both right after it ran.
"""

from __future__ import annotations

import pickle
import struct
import subprocess
import sys
from pathlib import Path
from typing import IO

from .capture import Call

ROOT = Path(__file__).resolve().parents[2]


class Twin:
    def __init__(self, database: Path, key_hex: str | None = None) -> None:
        command = [sys.executable, "-m", "tests.benchmarks.replay", str(database),
                   *(["--key-stdin"] if key_hex else [])]
        self._child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       cwd=ROOT)
        self._send, self._answer = self._child.stdin, self._child.stdout
        if key_hex:
            self._pipe().write(key_hex.encode() + b"\n")

    def _pipe(self) -> IO[bytes]:
        if self._send is None:
            raise RuntimeError("twin closed")
        return self._send

    def replay(self, call: Call) -> float:
        """The milliseconds the twin took for ``call``."""
        blob = pickle.dumps(call)
        pipe = self._pipe()
        pipe.write(struct.pack(">I", len(blob)) + blob)
        pipe.flush()
        answer = self._answer.read(8) if self._answer is not None else b""
        if len(answer) != 8:
            raise RuntimeError(f"replay child failed (exit {self._child.wait()})")
        return float(struct.unpack(">d", answer)[0])

    def close(self) -> None:
        if self._send is not None:
            self._send.close()
            self._send = None
        self._child.wait()
