"""Printed recovery codes, BitLocker style (SECURITY.md §3).

128 random bits are split into eight 16-bit values; each is printed as ``value × 11`` in six
digits (at most 720 885). A group that is not a multiple of 11 was mistyped, so every single-digit
typo and every swap of two neighbouring digits is caught *and named* ("kelompok ke-3 salah")
before any slow key derivation runs.
"""

from __future__ import annotations

import re
import secrets

from app.errors import AuthError, ErrorCode

GROUPS = 8
GROUP_DIGITS = 6
_MULTIPLIER = 11
_SEPARATORS = re.compile(r"[\s\-–—.]+")


def generate() -> str:
    """A fresh recovery code, e.g. ``123453-000011-…`` (8 groups of 6 digits)."""
    return encode(secrets.token_bytes(2 * GROUPS))


def encode(secret: bytes) -> str:
    if len(secret) != 2 * GROUPS:
        raise ValueError("recovery secret must be 16 bytes")
    groups = []
    for index in range(GROUPS):
        value = int.from_bytes(secret[2 * index : 2 * index + 2], "big")
        groups.append(f"{value * _MULTIPLIER:0{GROUP_DIGITS}d}")
    return "-".join(groups)


def decode(code: str) -> bytes:
    """The 16 secret bytes of a typed recovery code.

    Separators (spaces, dashes, dots) are optional; the officer may type the 48 digits straight.

    Raises:
        AuthError: ``RECOVERY_CODE_FORMAT`` (wrong length or characters) or
            ``RECOVERY_CODE_GROUP`` with ``group`` = the 1-based number of the first bad group.
    """
    digits = _SEPARATORS.sub("", code.strip()) if isinstance(code, str) else ""
    if len(digits) != GROUPS * GROUP_DIGITS or not digits.isascii() or not digits.isdigit():
        raise AuthError(ErrorCode.RECOVERY_CODE_FORMAT)
    secret = bytearray()
    for index in range(GROUPS):
        value = int(digits[index * GROUP_DIGITS : (index + 1) * GROUP_DIGITS])
        if value % _MULTIPLIER or value // _MULTIPLIER > 0xFFFF:
            raise AuthError(ErrorCode.RECOVERY_CODE_GROUP, group=index + 1)
        secret += (value // _MULTIPLIER).to_bytes(2, "big")
    return bytes(secret)


def first_bad_group(partial: str) -> int | None:
    """1-based number of the first *complete* group that fails its check, while typing."""
    digits = _SEPARATORS.sub("", partial.strip()) if isinstance(partial, str) else ""
    for index in range(min(len(digits) // GROUP_DIGITS, GROUPS)):
        chunk = digits[index * GROUP_DIGITS : (index + 1) * GROUP_DIGITS]
        if not (chunk.isascii() and chunk.isdigit()):
            return index + 1
        value = int(chunk)
        if value % _MULTIPLIER or value // _MULTIPLIER > 0xFFFF:
            return index + 1
    return None


def groups(code: str) -> list[str]:
    """The printed groups of a code (the setup wizard asks for two of them back)."""
    return code.split("-")
