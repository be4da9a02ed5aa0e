"""Case codes from a per-year sequence and a configurable template.

Example template: ``{nomor:03d}/PPKS/{kode_wilayah}/{tahun}`` → ``007/PPKS/3316/2026``. Letter
numbers use the same fields and rules (``{nomor:03d}/PP.01-SD/{kode_wilayah}/{tahun}``). The
template must contain ``{nomor}`` and ``{tahun}`` (so codes are unique across years) and no other
fields than the ones below. The sequence is a counter that only grows, so a number is never
reused, even when a draft is abandoned or a case destroyed.
"""

from __future__ import annotations

import re
import string

from app.errors import ErrorCode, ValidationError

DEFAULT_TEMPLATE = "{nomor:03d}/PPKS/{kode_wilayah}/{tahun}"
ALLOWED_FIELDS = frozenset({"nomor", "tahun", "kode_wilayah", "bulan"})
REQUIRED_FIELDS = frozenset({"nomor", "tahun"})
MAX_CODE_LENGTH = 60
#: Codes are written to the audit log, which takes only these characters (``app.audit``).
CODE_CHARS = re.compile(r"[A-Za-z0-9_.:/\-]+")
SAMPLE_REGION = "9999"


DEFAULT_LETTER_TEMPLATE = "{nomor:03d}/PP.01-SD/{kode_wilayah}/{tahun}"


def _fields(template: str, setting: str) -> list[tuple[str, str]]:
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        raise ValidationError.single(setting, ErrorCode.CASE_NUMBER_TEMPLATE.value) from None
    return [(name, spec or "") for _, name, spec, _ in parsed if name is not None]


def validate_template(template: str, region_code: str = SAMPLE_REGION,
                      setting: str = "case_number_template") -> None:
    """Refuse templates that could collide, leak or crash (unknown fields, attribute access).

    A format spec may not hold a nested field (``{nomor:{bulan}}``): nested fields are
    evaluated by ``str.format`` without passing the field-name check above. The code made
    with ``region_code`` must fit :data:`CODE_CHARS` (no blanks, ASCII only).
    """
    fields = _fields(template, setting)
    names = {name for name, _ in fields}
    nested = any("{" in spec for _, spec in fields)
    if nested or not names <= ALLOWED_FIELDS or not names >= REQUIRED_FIELDS:
        raise ValidationError.single(setting, ErrorCode.CASE_NUMBER_TEMPLATE.value)
    try:  # the smallest and the largest values: padding must not add blanks to either
        samples = [format_code(template, number=number, year=9999, region_code=region_code,
                               month=month) for number, month in ((1, 1), (999999, 12))]
    except (ValueError, KeyError, IndexError, TypeError):
        raise ValidationError.single(setting,
                                     ErrorCode.CASE_NUMBER_TEMPLATE.value) from None
    if any(len(code) > MAX_CODE_LENGTH or not CODE_CHARS.fullmatch(code) for code in samples):
        raise ValidationError.single(setting, ErrorCode.CASE_NUMBER_TEMPLATE.value)


def format_code(template: str, *, number: int, year: int, region_code: str, month: int) -> str:
    return template.format(nomor=number, tahun=year, kode_wilayah=region_code, bulan=month)
