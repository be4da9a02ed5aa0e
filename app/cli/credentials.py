"""Reading secrets for the CLI: a prompt on the terminal, or lines on standard input.

Secrets never come from argv (visible in the process list and shell history).
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from typing import TextIO

from app.errors import ErrorCode
from app.services.session import Session
from app.services.vault import Vault


class CliError(Exception):
    """A failure the CLI reports as one Indonesian line (not an AppError from the core)."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


class SecretSource:
    """Hands out secrets: from standard input (``--*-stdin``) or by prompting."""

    def __init__(self, stdin: TextIO, from_stdin: bool,
                 prompt: Callable[[str], str] = getpass.getpass) -> None:
        self._stdin = stdin
        self._from_stdin = from_stdin
        self._prompt = prompt

    def line(self, prompt_text: str) -> str:
        if self._from_stdin:
            text = self._stdin.readline()
            if not text:
                raise CliError("Standar input kosong: baris rahasia yang diharapkan tidak ada.")
            return text.rstrip("\r\n")
        if not sys.stdin.isatty():
            raise CliError("Tidak ada terminal untuk menanyakan kata sandi; gunakan "
                           "--password-stdin.", 2)
        return self._prompt(prompt_text)

    def new_password(self, label: str) -> str:
        """A new password: one line from stdin, or typed twice at the prompt."""
        first = self.line(f"Kata sandi baru untuk {label}: ")
        if self._from_stdin:
            return first
        if self.line("Ulangi kata sandi baru: ") != first:
            raise CliError("Kedua kata sandi tidak sama.")
        return first


def open_session(vault: Vault, username: str, *, recovery_stdin: bool, password_stdin: bool,
                 stdin: TextIO, prompt: Callable[[str], str] = getpass.getpass) -> Session:
    """Unlock as ``username`` with a password or, if asked, the recovery code."""
    source = SecretSource(stdin, recovery_stdin or password_stdin, prompt)
    if recovery_stdin:
        return vault.unlock_with_recovery(source.line("Kode pemulihan: "), username)
    return vault.unlock(username, source.line(f"Kata sandi {username}: "))


__all__ = ["CliError", "ErrorCode", "SecretSource", "open_session"]
