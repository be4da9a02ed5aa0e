"""Reading and changing office settings (koordinator only, audited by setting name)."""

from __future__ import annotations

import dataclasses
import typing
from typing import Any

from app.domain import validation
from app.domain.case_numbers import CODE_CHARS, validate_template
from app.domain.settings import OfficeSettings, Recipient
from app.errors import ErrorCode, FieldError, ValidationError
from app.services.access import Action, require
from app.services.context import Context
from app.store.codec import dumps, loads
from app.store.connection import Connection
from app.store.tx import write_transaction

_FIELDS = {f.name: f for f in dataclasses.fields(OfficeSettings)}
_HINTS = typing.get_type_hints(OfficeSettings)
AUTO_LOCK_RANGE = (1, 15)
ATTACHMENT_LIMIT_RANGE = (1, 100)
BACKUP_REMINDER_RANGE = (1, 90)
RETENTION_YEARS_RANGE = (1, 50)
REGION_CODE_MAX = 20


def load(conn: Connection) -> OfficeSettings:
    """Stored values over defaults; a key this version does not know is ignored."""
    stored = dict(conn.execute("SELECT key, value FROM settings").fetchall())
    values = {name: loads(stored[name], _HINTS[name]) for name in _FIELDS if name in stored}
    return OfficeSettings(**values)


def write(conn: Connection, settings: OfficeSettings, names: typing.Iterable[str]) -> None:
    for name in names:
        conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key)"
                     " DO UPDATE SET value = excluded.value",
                     (name, dumps(getattr(settings, name))))


class SettingsService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def get(self) -> OfficeSettings:
        return load(self._ctx.conn)

    def update(self, **changes: Any) -> OfficeSettings:
        """Change some settings at once; returns the new whole.

        Raises:
            ValidationError: an unknown name or a bad value (nothing is written).
            AccessDenied: the officer is not a koordinator.
        """
        require(self._ctx, Action.SETTINGS_EDIT)
        unknown = [FieldError(name, ErrorCode.SETTING_UNKNOWN.value)
                   for name in changes if name not in _FIELDS]
        if unknown:
            raise ValidationError(unknown)
        current = load(self._ctx.conn)
        updated = validate(dataclasses.replace(current, **changes))
        changed = sorted(n for n in changes if getattr(updated, n) != getattr(current, n))
        if changed:
            with write_transaction(self._ctx.conn):
                write(self._ctx.conn, updated, changed)
                self._ctx.audit.append("settings.update", actor=self._ctx.user.id,
                                       detail={"keys": changed})
        return updated


def validate(settings: OfficeSettings) -> OfficeSettings:
    """Type-check and apply the rules each setting has."""
    cleaned = validation.clean(settings, OfficeSettings)
    institution = cleaned.institution
    rules: list[FieldError | None] = [
        validation.email_error(institution.email, "institution.email"),
        validation.phone_error(institution.phone, "institution.phone"),
        validation.int_range_error(cleaned.auto_lock_minutes, "auto_lock_minutes",
                                   *AUTO_LOCK_RANGE),
        validation.int_range_error(cleaned.attachment_limit_mb, "attachment_limit_mb",
                                   *ATTACHMENT_LIMIT_RANGE),
        validation.int_range_error(cleaned.backup_reminder_days, "backup_reminder_days",
                                   *BACKUP_REMINDER_RANGE),
        validation.int_range_error(cleaned.retention_years, "retention_years",
                                   *RETENTION_YEARS_RANGE),
        None if cleaned.retention_legal_basis.strip()
        else FieldError("retention_legal_basis", "required"),
        None if cleaned.kecamatan else FieldError("kecamatan", "required"),
        _region_error(institution.region_code),
        _directory_error(cleaned.directory),
    ]
    validation.check(rules)
    validate_template(cleaned.case_number_template, institution.region_code)
    validate_template(cleaned.letter_number_template, institution.region_code,
                      setting="letter_number_template")
    validation.check([_logo_error(cleaned.logo)])
    return cleaned


LOGO_MAX_BYTES = 1024 * 1024
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def _logo_error(logo: bytes | None) -> FieldError | None:
    """A letterhead logo must be a PNG or JPEG image of at most 1 MB."""
    if logo is None:
        return None
    if len(logo) > LOGO_MAX_BYTES:
        return FieldError("logo", "too_large", LOGO_MAX_BYTES)
    return None if logo.startswith(_IMAGE_MAGIC) else FieldError("logo", "image_format")


def _region_error(region_code: str) -> FieldError | None:
    """The region code becomes part of case codes: the same characters, and short."""
    if CODE_CHARS.fullmatch(region_code) and len(region_code) <= REGION_CODE_MAX:
        return None
    return FieldError("institution.region_code", "code_format")


def _directory_error(directory: tuple[Recipient, ...]) -> FieldError | None:
    keys = [r.key for r in directory]
    if len(set(keys)) != len(keys):
        return FieldError("directory", "duplicate_key")
    for index, key in enumerate(keys):
        error = validation.username_error(key.replace("_", "-"), f"directory[{index}].key")
        if error is not None:
            return FieldError(error.field, "key_format")
    return None
