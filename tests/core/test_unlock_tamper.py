"""Key-slot tampering (SECURITY.md §3 slot binding, test S4).

One officer's slot is altered in ``posko.keys`` as raw JSON. That officer's unlock must fail
cleanly (a coded error, nothing printed, no file changed), while another officer and the recovery
slot still unlock, and the first good unlock reports the ``slots_mac`` mismatch.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.clock import FakeClock
from app.domain.enums import Role
from app.errors import AuthError, ErrorCode, StorageError
from app.paths import VaultPaths
from tests import helpers
from tests.core import key_helpers

Doc = dict[str, Any]
#: Edits the document (and may use the donor vault's document); returns who then tries to log in.
Tamper = Callable[[Doc, Doc], tuple[str, str]]
VICTIM, VICTIM_PASSWORD = helpers.PETUGAS, helpers.PETUGAS_PASSWORD


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """Vault A (koordinator, petugas, pimpinan) and an unrelated vault B; A's recovery code."""
    root = tmp_path_factory.mktemp("tamper")
    session, code = helpers.create_vault(helpers.new_vault(root / "a"))
    with session:
        key_helpers.add_officer(session)
        key_helpers.add_officer(session, helpers.PIMPINAN, helpers.PIMPINAN_PASSWORD,
                                Role.PIMPINAN)
    other, _ = helpers.create_vault(helpers.new_vault(root / "b"))
    other.close()
    return root / "a", root / "b", code


def _field(name: str, change: Callable[[Any], Any]) -> Tamper:
    def tamper(doc: Doc, _donor: Doc) -> tuple[str, str]:
        slot = key_helpers.slot_of(doc, username=VICTIM)
        path = name.split(".")
        target = slot
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = change(target[path[-1]])
        return VICTIM, VICTIM_PASSWORD
    return tamper


def _flip(index: int) -> Callable[[Any], Any]:
    return lambda value: key_helpers.flip_b64(value, index)


def _move_to_koordinator(doc: Doc, _donor: Doc) -> tuple[str, str]:
    """The petugas's slot relabelled as the koordinator's (whose own slot is deleted)."""
    doc["slots"].remove(key_helpers.slot_of(doc, username=helpers.KOORDINATOR))
    slot = key_helpers.slot_of(doc, username=VICTIM)
    slot["username"], slot["user_id"] = helpers.KOORDINATOR, 1
    return helpers.KOORDINATOR, VICTIM_PASSWORD


def _rename(doc: Doc, _donor: Doc) -> tuple[str, str]:
    key_helpers.slot_of(doc, username=VICTIM)["username"] = "petugas9"
    return "petugas9", VICTIM_PASSWORD


def _from_other_vault(doc: Doc, donor: Doc) -> tuple[str, str]:
    """Vault B's koordinator slot (same name, same password) pasted into vault A."""
    doc["slots"].remove(key_helpers.slot_of(doc, username=helpers.KOORDINATOR))
    doc["slots"].append(key_helpers.slot_of(donor, username=helpers.KOORDINATOR))
    return helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD


CASES: dict[str, Tamper] = {
    "sealed-key-first-byte": _field("sealed_private_key", _flip(0)),
    "sealed-key-gcm-tag": _field("sealed_private_key", _flip(47)),
    "wrapped-db-key": _field("wrapped_db_key", _flip(40)),
    "wrapped-db-key-encapsulation": _field("wrapped_db_key", _flip(0)),
    "nonce": _field("key_nonce", _flip(11)),
    "salt": _field("salt", _flip(5)),
    "public-key": _field("public_key", _flip(3)),
    "kdf-t": _field("kdf.t", lambda t: t + 1),
    "kdf-m": _field("kdf.m", lambda m: m + 1024),
    "kdf-m-below-floor": _field("kdf.m", lambda m: m // 2),
    "kdf-m-absurd": _field("kdf.m", lambda _m: 2**32 - 1),
    "kdf-p-absurd": _field("kdf.p", lambda _p: 2**24),
    "user-id": _field("user_id", lambda _uid: 1),
    "moved-to-koordinator": _move_to_koordinator,
    "renamed": _rename,
    "from-another-vault": _from_other_vault,
}


@pytest.mark.parametrize("case", list(CASES))
def test_tampered_slot_fails_cleanly_and_others_still_unlock(
        templates: tuple[Path, Path, str], tmp_path: Path,
        capfd: pytest.CaptureFixture[str], case: str) -> None:
    template, donor_root, code = templates
    vault = key_helpers.copy_vault(template, tmp_path / "v")
    document = key_helpers.read_doc(vault.paths)
    donor = key_helpers.read_doc(VaultPaths(donor_root))
    username, password = CASES[case](document, donor)
    key_helpers.write_doc(vault.paths, document)
    before = key_helpers.snapshot(vault.paths)
    capfd.readouterr()

    with pytest.raises(AuthError) as info:
        vault.unlock(username, password)
    assert info.value.code is ErrorCode.WRONG_CREDENTIALS
    assert capfd.readouterr() == ("", "")
    assert key_helpers.snapshot(vault.paths) == before

    with vault.unlock(helpers.PIMPINAN, helpers.PIMPINAN_PASSWORD) as other:
        assert "slots_mac_mismatch" in other.notes
        entry = other.ctx.audit.entries(limit=1)[0]
        assert entry.action == "session.unlock" and entry.detail["keys_mac_ok"] is False
    with vault.unlock_with_recovery(code, helpers.KOORDINATOR) as rescued:
        assert rescued.ctx.via_recovery
        assert rescued.integrity.check().ok  # the key file was re-signed after the report


def test_untouched_copy_unlocks(templates: tuple[Path, Path, str], tmp_path: Path) -> None:
    """Control: without tampering the victim's password works, so the cases above can fail."""
    vault = key_helpers.copy_vault(templates[0], tmp_path / "v")
    with vault.unlock(VICTIM, VICTIM_PASSWORD) as session:
        assert session.notes == ()


@pytest.mark.parametrize("target", [{"t": 3, "m": 1024, "p": 4}, {"t": 3, "m": 2**32 - 1, "p": 4},
                                    {"t": 65, "m": 65536, "p": 4}],
                         ids=["below-floor", "absurd-memory", "passes-over-ceiling"])
def test_doctored_kdf_target_fails_cleanly(templates: tuple[Path, Path, str], tmp_path: Path,
                                           clock: FakeClock, target: dict[str, int]) -> None:
    """The target is read before the MAC can be checked: it must not crash or hang an unlock."""
    vault = key_helpers.copy_vault(templates[0], tmp_path / "v", clock)
    document = key_helpers.read_doc(vault.paths)
    document["kdf_target"] = target
    key_helpers.write_doc(vault.paths, document)
    with pytest.raises(AuthError) as info:
        vault.unlock("tidakada", VICTIM_PASSWORD)  # unknown user: a dummy derivation runs
    assert info.value.code is ErrorCode.WRONG_CREDENTIALS
    with vault.unlock(VICTIM, VICTIM_PASSWORD) as session:
        assert "slots_mac_mismatch" in session.notes
    slot = key_helpers.slot_of(key_helpers.read_doc(vault.paths), username=VICTIM)
    assert (slot["kdf"]["t"], slot["kdf"]["m"]) == (3, 65536)  # not "upgraded" to the target


def test_slot_added_by_an_outsider_opens_nothing(templates: tuple[Path, Path, str],
                                                 tmp_path: Path) -> None:
    """A slot made without the DB key (here: vault B's, renamed) cannot reach vault A's data."""
    vault = key_helpers.copy_vault(templates[0], tmp_path / "v")
    document = key_helpers.read_doc(vault.paths)
    foreign = key_helpers.slot_of(key_helpers.read_doc(VaultPaths(templates[1])),
                                  username=helpers.KOORDINATOR)
    foreign["username"] = "penyusup"
    document["slots"].append(foreign)
    key_helpers.write_doc(vault.paths, document)
    with pytest.raises(AuthError) as info:
        vault.unlock("penyusup", helpers.KOORDINATOR_PASSWORD)
    assert info.value.code is ErrorCode.WRONG_CREDENTIALS
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as session:
        assert "slots_mac_mismatch" in session.notes
        assert "unregistered_slots_removed" in session.notes
    remaining = {slot["username"] for slot in key_helpers.read_doc(vault.paths)["slots"]}
    assert "penyusup" not in remaining


def test_key_file_of_another_vault_fails_silently(templates: tuple[Path, Path, str],
                                                  tmp_path: Path,
                                                  capfd: pytest.CaptureFixture[str]) -> None:
    """Vault B's whole key file opens with the same password, but to B's key: A's database
    refuses it on the first read, without SQLCipher printing its "hmac check failed" lines."""
    vault = key_helpers.copy_vault(templates[0], tmp_path / "v")
    donor = VaultPaths(templates[1])
    vault.paths.keys.write_bytes(donor.keys.read_bytes())
    before = key_helpers.snapshot(vault.paths)
    capfd.readouterr()
    with pytest.raises(StorageError) as info:
        vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD)
    assert info.value.code is ErrorCode.NOT_A_VAULT_DB
    assert capfd.readouterr() == ("", "")
    assert key_helpers.snapshot(vault.paths) == before
