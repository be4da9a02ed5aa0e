"""Password policy (SECURITY.md §3): at least 12 characters, or a passphrase of 4+ words.

Offline guessing is slowed only by Argon2id and by the password itself, so obvious choices are
refused: too short, on the small blocklist, or containing the username or the institution.
"""

from __future__ import annotations

import re
import secrets
import unicodedata

MIN_LENGTH = 12
MIN_WORDS = 4
MIN_WORD_LENGTH = 3
MAX_LENGTH = 256

#: Common choices on Indonesian office PCs; compared after lowercasing and removing spaces.
BLOCKLIST = frozenset({
    "passwordpassword", "password1234", "123456789012", "1234567890123", "qwertyuiop12",
    "kpubloraposko", "poskoppks2024", "poskoppks2025", "poskoppks2026", "adminadmin123",
    "bismillah1234", "indonesiaraya", "blorakotasate", "katasandiku123", "rahasiasekali",
    "kpukabblora2024", "kpukabblora2025", "kpukabblora2026", "abcdefghijkl", "111111111111",
})
_WORD_SPLIT = re.compile(r"[\s\-_.]+")
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def problems(password: object, username: str = "",
             institution_words: tuple[str, ...] = ()) -> list[str]:
    """Codes of every rule the password breaks (empty list = acceptable)."""
    if not isinstance(password, str):
        return ["type"]
    text = unicodedata.normalize("NFC", password)
    found: list[str] = []
    if len(text) > MAX_LENGTH:
        found.append("too_long")
    words = [w for w in _WORD_SPLIT.split(text.strip()) if len(w) >= MIN_WORD_LENGTH]
    if len(text) < MIN_LENGTH and len(words) < MIN_WORDS:
        found.append("too_short")
    squashed = re.sub(r"\s+", "", text.lower())
    if squashed in BLOCKLIST or len(set(squashed)) < 4:
        found.append("too_common")
    lowered = text.lower()
    if username and len(username) >= 3 and username.lower() in lowered:
        found.append("contains_username")
    if any(len(w) >= 4 and w.lower() in lowered for w in institution_words):
        found.append("contains_institution")
    return found


def temporary_password() -> str:
    """A one-time password for a new or reset account: 16 letters/digits in 4 groups."""
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(16))
    return "-".join(chars[i : i + 4] for i in range(0, 16, 4))


def strength(password: object, username: str = "") -> int:
    """A 0–4 score for the strength meter; 0 whenever a rule above is broken.

    Length counts most (passphrases of common words are strong by length); mixing letters,
    digits and symbols adds a little.
    """
    if not isinstance(password, str) or problems(password, username):
        return 0
    text = unicodedata.normalize("NFC", password)
    classes = sum(bool(re.search(pattern, text)) for pattern in
                  (r"[a-z]", r"[A-Z]", r"\d", r"[^\w\s]", r"\s"))
    score = 1 + (len(text) >= 16) + (len(text) >= 24) + (classes >= 3)
    return min(score, 4)
