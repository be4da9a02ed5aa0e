"""Coded errors raised by the core.

The core never builds user-facing sentences: it raises an :class:`AppError` carrying an
:class:`ErrorCode` and a few *non-sensitive* parameters (a field name, a limit, a wait time).
``ui/`` and the admin CLI turn the code into Indonesian text. Messages and parameters must never
contain case content (names, NIK, narrative), because errors end up in logs.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ErrorCode(StrEnum):
    # Vault and storage
    VAULT_EXISTS = "vault_exists"
    VAULT_MISSING = "vault_missing"
    VAULT_BUSY = "vault_busy"
    NOT_A_VAULT_DB = "not_a_vault_db"
    VAULT_ID_MISMATCH = "vault_id_mismatch"
    UNSAFE_SQLCIPHER = "unsafe_sqlcipher"
    PLAINTEXT_DATABASE = "plaintext_database"
    INTEGRITY_FAILED = "integrity_failed"
    SCHEMA_TOO_NEW = "schema_too_new"
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    STORAGE_FAILED = "storage_failed"
    # Keys and unlock
    KEYFILE_MISSING = "keyfile_missing"
    KEYFILE_DAMAGED = "keyfile_damaged"
    KEYFILE_TAMPERED = "keyfile_tampered"
    WRONG_CREDENTIALS = "wrong_credentials"
    LOCKED_OUT = "locked_out"
    RECOVERY_CODE_FORMAT = "recovery_code_format"
    RECOVERY_CODE_GROUP = "recovery_code_group"
    RECOVERY_CODE_WRONG = "recovery_code_wrong"
    USER_DISABLED = "user_disabled"
    PASSWORD_CHANGE_REQUIRED = "password_change_required"
    WEAK_PASSWORD = "weak_password"
    INVALID_KEY_MATERIAL = "invalid_key_material"
    # Access control
    ACCESS_DENIED = "access_denied"
    # Users
    USER_EXISTS = "user_exists"
    USER_NOT_FOUND = "user_not_found"
    LAST_KOORDINATOR = "last_koordinator"
    CANNOT_REMOVE_SELF = "cannot_remove_self"
    # Cases and workflow
    CASE_NOT_FOUND = "case_not_found"
    VALIDATION = "validation"
    ILLEGAL_TRANSITION = "illegal_transition"
    TRANSITION_PRECONDITION = "transition_precondition"
    CASE_READ_ONLY = "case_read_only"
    CONSENT_REQUIRED = "consent_required"
    CONSENT_NOT_FOUND = "consent_not_found"
    REFERRAL_NOT_FOUND = "referral_not_found"
    RECIPIENT_UNKNOWN = "recipient_unknown"
    CASE_NUMBER_TEMPLATE = "case_number_template"
    # Attachments
    ATTACHMENT_TOO_LARGE = "attachment_too_large"
    ATTACHMENT_NOT_FOUND = "attachment_not_found"
    ATTACHMENT_CORRUPT = "attachment_corrupt"
    # Settings
    SETTING_UNKNOWN = "setting_unknown"
    # Audit
    AUDIT_BROKEN = "audit_broken"
    # Backup and restore
    BACKUP_NO_SPACE = "backup_no_space"
    BACKUP_TARGET_MISSING = "backup_target_missing"
    BACKUP_CORRUPT = "backup_corrupt"
    BACKUP_VERIFY_FAILED = "backup_verify_failed"
    BACKUP_OTHER_VAULT = "backup_other_vault"
    RETENTION_NOT_REACHED = "retention_not_reached"


@dataclass(frozen=True)
class FieldError:
    """One invalid input field: a dotted field path and a short machine code (e.g. ``too_long``)."""

    field: str
    code: str
    limit: int | None = None


class AppError(Exception):
    """Base of every error the core raises on purpose.

    Args:
        code: what went wrong, as a stable code.
        **params: non-sensitive details (numbers, field names, state names) for the message.
    """

    default_code = ErrorCode.STORAGE_FAILED

    def __init__(self, code: ErrorCode | None = None, **params: object) -> None:
        self.code = code if code is not None else self.default_code
        self.params = params
        super().__init__(self.code.value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code.value!r})"


class StorageError(AppError):
    default_code = ErrorCode.STORAGE_FAILED


class KeyFileError(AppError):
    """The key-slot file is missing, unreadable or fails its integrity check."""

    default_code = ErrorCode.KEYFILE_DAMAGED


class AuthError(AppError):
    default_code = ErrorCode.WRONG_CREDENTIALS


class AccessDenied(AppError):
    default_code = ErrorCode.ACCESS_DENIED


class NotFound(AppError):
    default_code = ErrorCode.CASE_NOT_FOUND


class WorkflowError(AppError):
    default_code = ErrorCode.ILLEGAL_TRANSITION


class ValidationError(AppError):
    """Input rejected before anything was written; ``errors`` lists every bad field."""

    default_code = ErrorCode.VALIDATION

    def __init__(self, errors: tuple[FieldError, ...] | list[FieldError]) -> None:
        super().__init__(ErrorCode.VALIDATION)
        self.errors = tuple(errors)

    @classmethod
    def single(cls, field: str, code: str, limit: int | None = None) -> ValidationError:
        return cls((FieldError(field, code, limit),))


class AuditBroken(AppError):
    default_code = ErrorCode.AUDIT_BROKEN
