"""Correction history (UU PDP; SECURITY.md C2): once a complaint is received, correcting a field
keeps its old value with who and when — for the koordinator's eyes only — while the audit log of
the update names the fields and never a value. A draft is still being written: no history.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from app.clock import FakeClock
from app.domain.enums import CaseStatus, Role, Sex
from app.domain.models import Intake, Perpetrator
from app.errors import AccessDenied
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers
from tests.core import key_helpers

OLD_NAME, NEW_NAME = "Korban Koreksiawal", "Korban Koreksibaru"
OLD_NIK, NEW_NIK = "3316015705900311", "3316015705900312"


def _received(session: Session) -> tuple[int, Intake]:
    intake = helpers.full_intake(session.now())
    intake = replace(intake, victim=replace(intake.victim, full_name=OLD_NAME, nik=OLD_NIK))
    case_id = session.cases.create(intake).id
    session.workflow.transition(case_id, CaseStatus.DITERIMA)
    return case_id, intake


def _values(session: Session, case_id: int) -> list[tuple[str, object]]:
    return [(c.field, json.loads(c.old_value)) for c in session.cases.corrections(case_id)]


def test_a_correction_keeps_the_old_value_who_and_when(koord: Session, kclock: FakeClock) -> None:
    case_id, intake = _received(koord)
    helpers.later(kclock, hours=3)
    corrected = replace(intake, victim=replace(intake.victim, full_name=NEW_NAME, nik=NEW_NIK))
    assert koord.cases.update(case_id, corrected) == ["victim.full_name", "victim.nik"]
    changes = koord.cases.corrections(case_id)
    assert [(c.field, json.loads(c.old_value)) for c in changes] == [
        ("victim.nik", OLD_NIK), ("victim.full_name", OLD_NAME)]
    assert {(c.changed_at, c.changed_by) for c in changes} == {(kclock.now(), koord.user.id)}
    assert koord.cases.get(case_id).intake.victim.full_name == NEW_NAME
    helpers.later(kclock, days=1)
    again = replace(corrected, victim=replace(corrected.victim, full_name="Korban Ketiga"))
    koord.cases.update(case_id, again)
    history = _values(koord, case_id)
    assert history[0] == ("victim.full_name", NEW_NAME)  # newest first, the earlier one kept
    assert ("victim.full_name", OLD_NAME) in history and len(history) == 3


def test_the_audit_row_of_an_update_names_fields_only(koord: Session) -> None:
    case_id, intake = _received(koord)
    code = koord.cases.get(case_id).code
    koord.cases.update(case_id, replace(intake, victim=replace(intake.victim,
                                                              full_name=NEW_NAME)))
    rows = koord.ctx.conn.execute(
        "SELECT action, object, detail FROM audit WHERE case_code = ?", (code,)).fetchall()
    update = [json.loads(detail) for action, _, detail in rows if action == "case.update"]
    assert update == [{"fields": ["victim.full_name"]}]
    text = json.dumps(rows)
    assert not [w for w in ("Koreksiawal", "Koreksibaru", OLD_NIK) if w in text]


def test_nested_and_listed_fields_keep_their_whole_old_value(koord: Session) -> None:
    case_id, intake = _received(koord)
    others = (Perpetrator(full_name="Terlapor Pengganti", sex=Sex.L),)
    changed = replace(intake, perpetrators=others,
                      incident=replace(intake.incident, chronology="Kronologi yang dikoreksi."))
    assert koord.cases.update(case_id, changed) == ["perpetrators", "incident.chronology"]
    history = dict(_values(koord, case_id))
    assert history["incident.chronology"] == intake.incident.chronology
    old = history["perpetrators"]
    assert isinstance(old, list) and [p["full_name"] for p in old] == ["Terlapor Satu A", None]


def test_a_draft_does_not_accumulate_history(koord: Session) -> None:
    intake = helpers.minimal_intake(name="Nama Draf Pertama")
    case_id = koord.cases.create(intake).id
    for name in ("Nama Draf Kedua", "Nama Draf Ketiga"):
        koord.cases.update(case_id, replace(intake, victim=replace(intake.victim,
                                                                   full_name=name)))
    assert koord.cases.corrections(case_id) == []
    koord.workflow.transition(case_id, CaseStatus.DITERIMA)  # from now on: corrections
    koord.cases.update(case_id, intake)
    assert _values(koord, case_id) == [("victim.full_name", "Nama Draf Ketiga")]


def test_an_update_that_changes_nothing_records_nothing(koord: Session) -> None:
    case_id, intake = _received(koord)
    code = koord.cases.get(case_id).code
    before = len(koord.ctx.audit.entries(case_code=code, limit=10_000))
    assert koord.cases.update(case_id, intake) == []
    assert len(koord.ctx.audit.entries(case_code=code, limit=10_000)) == before
    assert koord.cases.corrections(case_id) == []


def test_only_the_koordinator_sees_the_history(session: Session, vault: Vault) -> None:
    officer = key_helpers.add_officer(session)
    case_id, intake = _received(session)
    session.cases.assign(case_id, officer)
    code = session.cases.get(case_id).code
    session.close()
    with vault.unlock(helpers.PETUGAS, helpers.PETUGAS_PASSWORD) as petugas:
        corrected = replace(intake, victim=replace(intake.victim, full_name=NEW_NAME))
        assert petugas.cases.update(case_id, corrected) == ["victim.full_name"]  # may correct
        with pytest.raises(AccessDenied):
            petugas.cases.corrections(case_id)  # but not read the old values
        denied = petugas.ctx.audit.entries(case_code=code)[0]
    assert (denied.action, denied.detail) == ("access.denied",
                                              {"action": "audit.view", "role": "petugas"})
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as koord:
        changes = koord.cases.corrections(case_id)
        viewed = koord.ctx.audit.entries(case_code=code)[0]
    assert [(c.field, json.loads(c.old_value), c.changed_by) for c in changes] == [
        ("victim.full_name", OLD_NAME, officer)]
    assert (viewed.action, viewed.actor_user_id) == ("case.view_corrections", 1)


def test_a_pimpinan_sees_no_history(session: Session, vault: Vault) -> None:
    key_helpers.add_officer(session, helpers.PIMPINAN, helpers.PIMPINAN_PASSWORD, Role.PIMPINAN)
    case_id, _ = _received(session)
    session.close()
    with vault.unlock(helpers.PIMPINAN, helpers.PIMPINAN_PASSWORD) as pimpinan, \
            pytest.raises(AccessDenied):
        pimpinan.cases.corrections(case_id)
