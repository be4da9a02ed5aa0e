"""Strategies and small tools for ``test_fuzz_inputs.py``.

The expected cleaning is written out here from the documented contract (STYLE/validation
docstring): newlines normalised in long fields, control characters and lone surrogates refused,
NFC, stripped, length-capped, empty → ``None``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import typing
import unicodedata
from datetime import UTC, date, datetime, time
from enum import Enum
from typing import Any

from hypothesis import strategies as st

from app.domain import validation
from app.domain.taxonomy import BLORA_KECAMATAN
from app.store.connection import Connection

SPECIALS = ("\x00", "\x07", "\x1b", "\x7f", "\x85", "\r", "\n", "\r\n", "\t", "\u200b",
            "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\ufeff", "\u2028",
            "\u00a0", "\u3000", " ", "\u0301", "e\u0301", "\u1100\u1161", "\u0958", "🙂",
            "👩\u200d👧", "🇮🇩", "\ud800", "\udfff", "\udbff\udc00", "ǅ", "ﬁ", "İ", "ß",
            "'", '"', "\\", "%", "{}", "x" * 100, "y" * 5000)
CLEAN_CHAR = st.characters(exclude_categories=("Cc", "Cs"))
#: Arbitrary text: any code point (incl. control chars), lone surrogates, emoji, RTL marks,
#: combining marks and long runs that cross the 200 and 20,000 character limits.
TEXT = st.lists(st.one_of(st.characters(exclude_categories=()), st.sampled_from(SPECIALS)),
                max_size=25).map("".join)
CLEAN_TEXT = st.text(CLEAN_CHAR, max_size=40)
FIELD_TEXT = st.one_of(
    TEXT, CLEAN_TEXT, st.sampled_from(BLORA_KECAMATAN),
    st.from_regex(r"\s?\+?[0-9 ().-]{6,22}\s?", fullmatch=True),
    st.from_regex(r"[0-9]{16}", fullmatch=True),
    st.from_regex(r"[a-z0-9._%+-]{1,10}@[a-z0-9-]{1,10}\.[a-z]{2,4}", fullmatch=True))
JUNK = st.one_of(st.none(), TEXT, st.integers(), st.floats(), st.binary(max_size=4),
                 st.lists(st.integers(), max_size=3), st.booleans(), st.datetimes(),
                 st.sampled_from([object(), {"a": 1}, frozenset({1}), (None,), ["x"]]))


# --- the contract -----------------------------------------------------------------------


def expect_clean(text: str, *, multiline: bool, limit: int) -> tuple[bool, str | None]:
    """(accepted, cleaned value) for one text field, per the documented contract."""
    value = text.replace("\r\n", "\n").replace("\r", "\n") if multiline else text
    for char in value:
        category = unicodedata.category(char)
        if category == "Cs" or (category == "Cc" and not (multiline and char in "\n\t")):
            return False, None
    cleaned = unicodedata.normalize("NFC", value).strip()
    if len(cleaned) > limit:
        return False, None
    return True, cleaned or None


def expect_field(name: str, text: str) -> tuple[bool, str | None]:
    long = name in validation.LONG_FIELDS
    return expect_clean(text, multiline=long,
                        limit=validation.LONG_TEXT if long else validation.SHORT_TEXT)


def is_clean_text(text: str, multiline: bool) -> bool:
    allowed = "\n\t" if multiline else ""
    return (unicodedata.is_normalized("NFC", text) and text == text.strip()
            and all(unicodedata.category(c) not in ("Cc", "Cs") or c in allowed
                    for c in text))


# --- dataclass paths such as "perpetrators[0].full_name" ----------------------------------

_STEP = re.compile(r"(\w+)(\[0\])?")


@dataclasses.dataclass(frozen=True)
class TextField:
    path: str
    name: str
    optional: bool


def text_fields(cls: Any, prefix: str = "") -> list[TextField]:
    """Every text field of a dataclass tree (first item of each tuple)."""
    hints = typing.get_type_hints(cls)
    found: list[TextField] = []
    for spec in dataclasses.fields(cls):
        kind, optional = validation._field_kind(hints[spec.name])
        path = f"{prefix}{spec.name}"
        item = typing.get_args(kind)[0] if typing.get_origin(kind) is tuple else None
        if kind is str:
            found.append(TextField(path, spec.name, optional))
        elif item is str:
            found.append(TextField(f"{path}[0]", spec.name, False))
        elif item is not None and dataclasses.is_dataclass(item):
            found += text_fields(item, f"{path}[0].")
        elif dataclasses.is_dataclass(kind):
            found += text_fields(kind, f"{path}.")
    return found


def get_path(obj: Any, path: str) -> Any:
    for part in path.split("."):
        match = _STEP.fullmatch(part)
        assert match is not None
        obj = getattr(obj, match[1])
        if match[2]:
            obj = obj[0]
    return obj


def set_path(obj: Any, path: str, value: Any) -> Any:
    head, _, rest = path.partition(".")
    match = _STEP.fullmatch(head)
    assert match is not None
    current = getattr(obj, match[1])
    if match[2]:
        first = set_path(current[0], rest, value) if rest else value
        new = (first, *current[1:])
    else:
        new = set_path(current, rest, value) if rest else value
    return dataclasses.replace(obj, **{match[1]: new})


def strings(obj: Any) -> list[tuple[str, str]]:
    """(field name, text) for every string in a dataclass tree."""
    if dataclasses.is_dataclass(obj):
        return [pair for spec in dataclasses.fields(obj)
                for pair in _named(spec.name, getattr(obj, spec.name))]
    return []


def _named(name: str, value: Any) -> list[tuple[str, str]]:
    if isinstance(value, str):
        return [(name, value)]
    if isinstance(value, (tuple, frozenset)):
        return [pair for item in value for pair in _named(name, item)]
    return strings(value)


# --- typed-or-junk instances of any intake dataclass ----------------------------------------


def typed(annotation: Any) -> st.SearchStrategy[Any]:
    kind, optional = validation._field_kind(annotation)
    base = _typed_kind(kind)
    return st.one_of(st.none(), base) if optional else base


def _typed_kind(kind: Any) -> st.SearchStrategy[Any]:
    simple: dict[Any, st.SearchStrategy[Any]] = {
        str: st.one_of(CLEAN_TEXT, TEXT), bool: st.booleans(),
        int: st.integers(-(10**20), 10**20), date: st.dates(), time: st.times(),
        datetime: st.datetimes(timezones=st.sampled_from([None, UTC])),
    }
    if kind in simple:
        return simple[kind]
    if isinstance(kind, type) and issubclass(kind, Enum):
        return st.sampled_from(list(kind))
    origin = typing.get_origin(kind)
    if origin in (frozenset, tuple):
        items = st.lists(typed(typing.get_args(kind)[0]), max_size=4)
        return items.map(frozenset if origin is frozenset else tuple)
    assert dataclasses.is_dataclass(kind), kind
    return instances(kind)


@st.composite
def instances(draw: st.DrawFn, cls: Any) -> Any:
    """An instance of ``cls`` with well-typed values, except up to two junk fields."""
    hints = typing.get_type_hints(cls)
    names = [spec.name for spec in dataclasses.fields(cls)]
    junk = draw(st.sets(st.sampled_from(names), max_size=2))
    values = {name: draw(JUNK if name in junk else typed(hints[name])) for name in names}
    return cls(**values)


# --- "nothing was written" ------------------------------------------------------------------


def snapshot(conn: Connection) -> dict[str, tuple[int, str]]:
    """Row count and content digest of every table (audit included)."""
    names = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")]
    result = {}
    for name in names:
        rows = conn.execute(f'SELECT * FROM "{name}"').fetchall()
        result[name] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return result
