"""Raw intake-form drafts: saved encrypted, resumable, listed, discarded, never lossy."""

from __future__ import annotations

import pytest

from app.domain.enums import CaseStatus, ClosureReason, RightStatus, Role
from app.domain.workflow import STARRED_RIGHTS
from app.errors import AccessDenied, ErrorCode, ValidationError, WorkflowError
from app.services.drafts import FormValue
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers

FORM: dict[str, FormValue] = {
    "victim.full_name": "Siti Setengah Ket", "victim.nik": "33160", "step": 3,
    "incident.tpks_types": ["pelecehan_seksual_fisik"], "victim.disability": None,
    "reporter.is_victim": True,
}


def test_a_saved_form_comes_back_exactly_and_is_listed(session: Session) -> None:
    ref = session.cases.create(helpers.minimal_intake())
    assert session.drafts.load(ref.id) is None
    session.drafts.save(ref.id, FORM)
    draft = session.drafts.load(ref.id)
    assert draft is not None and draft.data == FORM and draft.updated_by == session.user.id
    assert [r.id for r in session.drafts.pending()] == [ref.id]
    [summary] = session.cases.summaries()
    assert summary.has_form_draft
    actions = [e.action for e in session.ctx.audit.entries(case_code=ref.code)]
    assert "case.form_draft_saved" in actions


def test_a_draft_survives_locking_and_is_replaced_by_the_next_save(session: Session,
                                                                    vault: Vault) -> None:
    ref = session.cases.create(helpers.minimal_intake())
    session.drafts.save(ref.id, FORM)
    session.close()
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as again:
        again.drafts.save(ref.id, {"victim.full_name": "Siti"})
        draft = again.drafts.load(ref.id)
        assert draft is not None and draft.data == {"victim.full_name": "Siti"}
        again.drafts.discard(ref.id)
        assert again.drafts.load(ref.id) is None and again.drafts.pending() == []


@pytest.mark.parametrize("bad", [
    {"x": {"nested": 1}}, {"x": 1.5}, {"x": [1, 2]}, {1: "key not text"}, {"x": "\ud800"},
    {f"f{i}": "" for i in range(1001)}, {"x": "a" * (2 * 1024 * 1024 + 1)},
])
def test_malformed_forms_are_refused_without_writing(session: Session,
                                                     bad: dict[object, object]) -> None:
    ref = session.cases.create(helpers.minimal_intake())
    before = len(session.ctx.audit.entries(limit=100_000))
    with pytest.raises(ValidationError):
        session.drafts.save(ref.id, bad)  # type: ignore[arg-type]
    assert session.drafts.load(ref.id) is None
    assert len(session.ctx.audit.entries(limit=100_000)) == before


def test_a_closed_case_takes_no_draft(session: Session) -> None:
    ref = session.cases.create(helpers.minimal_intake())
    for right in STARRED_RIGHTS:
        session.workflow.set_right(ref.id, right, RightStatus.TIDAK_RELEVAN)
    session.workflow.close(ref.id, ClosureReason.DUPLIKAT)
    assert session.cases.get(ref.id).status is CaseStatus.DITUTUP
    with pytest.raises(WorkflowError) as raised:
        session.drafts.save(ref.id, FORM)
    assert raised.value.code is ErrorCode.CASE_READ_ONLY


def test_drafts_follow_case_visibility(session: Session, vault: Vault) -> None:
    ref = session.cases.create(helpers.minimal_intake())
    session.drafts.save(ref.id, FORM)
    session.users.add(helpers.PETUGAS, "Petugas", Role.PETUGAS, password=helpers.PETUGAS_PASSWORD)
    session.close()
    with vault.unlock(helpers.PETUGAS, helpers.PETUGAS_PASSWORD) as petugas:
        assert petugas.drafts.pending() == []
        with pytest.raises(AccessDenied):
            petugas.drafts.load(ref.id)


def test_every_officer_sees_the_colleague_directory(session: Session, vault: Vault) -> None:
    session.users.add(helpers.PETUGAS, "Petugas Satu", Role.PETUGAS,
                      password=helpers.PETUGAS_PASSWORD)
    session.close()
    with vault.unlock(helpers.PETUGAS, helpers.PETUGAS_PASSWORD) as petugas:
        names = {u.username: (u.display_name, u.role) for u in petugas.users.directory()}
        assert names[helpers.PETUGAS] == ("Petugas Satu", Role.PETUGAS)
        assert names[helpers.KOORDINATOR][1] is Role.KOORDINATOR
