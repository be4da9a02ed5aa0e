"""Saving a PDF outside the app: only on an explicit request, and only encrypted.

pypdf's AES-256 (the PDF 2.0 "R6" handler) — not reportlab's RC4 or its deprecated R5 AES,
whose password check is a single SHA-256 (DOCUMENTS.md §11). The proposed password is random
and long, to be given on paper or by phone, never with the file.
"""

from __future__ import annotations

import io
import secrets

from pypdf import PdfReader, PdfWriter

_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
MIN_PASSWORD = 12


def propose_password() -> str:
    """20 letters and digits in groups of five (~100 bits), easy to read out by phone."""
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(20))
    return "-".join(chars[i : i + 5] for i in range(0, 20, 5))


def encrypt(pdf: bytes, password: str) -> bytes:
    """The same PDF, AES-256 encrypted with ``password`` (user and owner)."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise ValueError("export password too short")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=password, owner_password=password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
