"""Printed recovery codes (SECURITY.md §3, test S5): format, entropy and typo detection."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import AuthError, ErrorCode
from app.keys import recovery

#: Fixed secrets covering the extremes of a 16-bit group (0, 1, 0xFFFF) and mixed values.
SECRETS = (bytes(16), bytes(range(16)), b"\xff" * 16,
           bytes.fromhex("0001fffe8000123456789abcdef0a5a5"))


def _digits(code: str) -> list[str]:
    return list(code.replace("-", ""))


def _join(digits: list[str]) -> str:
    text = "".join(digits)
    return "-".join(text[i : i + 6] for i in range(0, 48, 6))


def _group_error(code: str) -> int:
    with pytest.raises(AuthError) as info:
        recovery.decode(code)
    assert info.value.code is ErrorCode.RECOVERY_CODE_GROUP
    group = info.value.params["group"]
    assert isinstance(group, int)
    return group


def test_generated_code_is_eight_groups_of_six_digits() -> None:
    code = recovery.generate()
    assert re.fullmatch(r"\d{6}(-\d{6}){7}", code)
    assert recovery.groups(code) == code.split("-")
    assert all(int(group) % 11 == 0 and int(group) <= 0xFFFF * 11
               for group in recovery.groups(code))


def test_secret_has_128_bits_and_every_bit_is_used() -> None:
    secrets = [recovery.decode(recovery.generate()) for _ in range(200)]
    assert all(len(secret) == 16 for secret in secrets)
    assert len(set(secrets)) == len(secrets)
    # Each of the 128 bit positions takes both values somewhere in 200 codes (a generator that
    # used fewer random bytes would leave some position constant). Chance of a false failure:
    # 128 * 2**-199.
    ones = [0] * 128
    for secret in secrets:
        value = int.from_bytes(secret, "big")
        for bit in range(128):
            ones[bit] += (value >> bit) & 1
    assert all(0 < count < len(secrets) for count in ones)


@pytest.mark.parametrize("secret", SECRETS)
def test_encode_decode_round_trip_fixed(secret: bytes) -> None:
    assert recovery.decode(recovery.encode(secret)) == secret


@given(st.binary(min_size=16, max_size=16))
def test_encode_decode_round_trip_property(secret: bytes) -> None:
    code = recovery.encode(secret)
    assert len(code) == 8 * 6 + 7
    assert recovery.decode(code) == secret


@pytest.mark.parametrize("size", [0, 15, 17, 32])
def test_encode_refuses_wrong_secret_size(size: int) -> None:
    with pytest.raises(ValueError):
        recovery.encode(bytes(size))


@pytest.mark.parametrize("secret", SECRETS)
def test_every_single_digit_typo_is_caught_in_the_right_group(secret: bytes) -> None:
    digits = _digits(recovery.encode(secret))
    checked = 0
    for position in range(48):
        for replacement in "0123456789":
            if replacement == digits[position]:
                continue
            typo = digits.copy()
            typo[position] = replacement
            assert _group_error(_join(typo)) == position // 6 + 1
            checked += 1
    assert checked == 48 * 9


@pytest.mark.parametrize("secret", SECRETS)
def test_every_swap_of_neighbouring_digits_is_caught(secret: bytes) -> None:
    digits = _digits(recovery.encode(secret))
    for position in range(47):
        if digits[position] == digits[position + 1]:
            continue  # swapping equal digits is no typo
        typo = digits.copy()
        typo[position], typo[position + 1] = typo[position + 1], typo[position]
        # A swap across a group boundary changes two groups; the first one is reported.
        assert _group_error(_join(typo)) == position // 6 + 1


def test_multiple_of_eleven_above_16_bits_is_a_group_error() -> None:
    digits = _digits(recovery.encode(bytes(16)))
    digits[18:24] = list(f"{0x10000 * 11:06d}")  # 720896: divisible by 11, but not a 16-bit value
    assert _group_error(_join(digits)) == 4


def test_separators_are_optional() -> None:
    secret = SECRETS[3]
    code = recovery.encode(secret)
    plain = code.replace("-", "")
    variants = [plain, code.replace("-", " "), f"  {code}  ", code.replace("-", "."),
                code.replace("-", " - "), code.replace("-", "–"), plain[:20] + " " + plain[20:]]
    for variant in variants:
        assert recovery.decode(variant) == secret


@pytest.mark.parametrize("text", [
    "", "123", "0" * 47, "0" * 49, "0" * 54,
    "00000a" + "0" * 42,                    # a letter
    "\u0660" * 48,                          # Arabic-Indic digits are digits, but not ASCII
    "\uff10" * 48,                          # full-width digits
    "0" * 24 + "/" + "0" * 24,              # not a separator
])
def test_wrong_length_or_characters_is_a_format_error(text: str) -> None:
    with pytest.raises(AuthError) as info:
        recovery.decode(text)
    assert info.value.code is ErrorCode.RECOVERY_CODE_FORMAT
    assert info.value.params == {}


def test_non_text_is_a_format_error() -> None:
    with pytest.raises(AuthError) as info:
        recovery.decode(12345)  # type: ignore[arg-type]
    assert info.value.code is ErrorCode.RECOVERY_CODE_FORMAT
