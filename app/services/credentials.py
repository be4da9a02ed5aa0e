"""Username and password rules applied when accounts are made or passwords change."""

from __future__ import annotations

from app.domain import passwords, validation
from app.domain.settings import Institution
from app.errors import AuthError, ErrorCode, ValidationError


def clean_username(username: object) -> str:
    """Lowercase, 3–32 of ``a-z 0-9 . _ -``, starting with a letter or digit."""
    text = username.strip().lower() if isinstance(username, str) else ""
    error = validation.username_error(text)
    if error is not None:
        raise ValidationError((error,))
    return text


def office_words(institution: Institution) -> tuple[str, ...]:
    """Place names a password must not contain (the first thing an outsider would try)."""
    return tuple(institution.region_name.split() + institution.city.split())


def check_password(password: object, username: str, institution: Institution) -> str:
    """The password if it meets the policy, else ``AuthError(WEAK_PASSWORD, problems=[…])``."""
    if not isinstance(password, str):
        raise ValidationError.single("password", "type")
    found = passwords.problems(password, username, office_words(institution))
    if found:
        raise AuthError(ErrorCode.WEAK_PASSWORD, problems=found)
    return password
