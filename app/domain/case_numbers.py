"""Case codes from a per-year sequence and a configurable template.

Example template: ``{nomor:03d}/PPKS/{kode_wilayah}/{tahun}`` → ``007/PPKS/3316/2026``. The
template must contain ``{nomor}`` and ``{tahun}`` (so codes are unique across years) and no other
fields than the ones below. The sequence is a counter that only grows, so a number is never
reused, even when a draft is abandoned or a case destroyed.
"""

from __future__ import annotations

import string

from app.errors import ErrorCode, ValidationError

DEFAULT_TEMPLATE = "{nomor:03d}/PPKS/{kode_wilayah}/{tahun}"
ALLOWED_FIELDS = frozenset({"nomor", "tahun", "kode_wilayah", "bulan"})
REQUIRED_FIELDS = frozenset({"nomor", "tahun"})
MAX_CODE_LENGTH = 60


def _fields(template: str) -> list[tuple[str, str]]:
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        raise ValidationError.single("case_number_template",
                                     ErrorCode.CASE_NUMBER_TEMPLATE.value) from None
    return [(name, spec or "") for _, name, spec, _ in parsed if name is not None]


def validate_template(template: str) -> None:
    """Refuse templates that could collide, leak or crash (unknown fields, attribute access)."""
    fields = _fields(template)
    names = {name for name, _ in fields}
    if not names <= ALLOWED_FIELDS or not names >= REQUIRED_FIELDS:
        raise ValidationError.single("case_number_template", ErrorCode.CASE_NUMBER_TEMPLATE.value)
    try:
        sample = format_code(template, number=999999, year=9999, region_code="9999", month=12)
    except (ValueError, KeyError, IndexError, TypeError):
        raise ValidationError.single("case_number_template",
                                     ErrorCode.CASE_NUMBER_TEMPLATE.value) from None
    if len(sample) > MAX_CODE_LENGTH or not sample.isprintable():
        raise ValidationError.single("case_number_template", ErrorCode.CASE_NUMBER_TEMPLATE.value)


def format_code(template: str, *, number: int, year: int, region_code: str, month: int) -> str:
    return template.format(nomor=number, tahun=year, kode_wilayah=region_code, bulan=month)
