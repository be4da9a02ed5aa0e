"""While the code is being typed, the first wrong complete group is named."""

from __future__ import annotations

from app.keys import recovery


def test_only_complete_groups_are_judged() -> None:
    code = recovery.generate()
    digits = code.replace("-", "")
    for length in range(len(digits) + 1):
        assert recovery.first_bad_group(digits[:length]) is None
    wrong_third = code[:14] + ("1" if code[14] != "1" else "2") + code[15:]
    assert recovery.first_bad_group(wrong_third) == 3
    assert recovery.first_bad_group(wrong_third[:14]) is None  # group 3 not complete yet
