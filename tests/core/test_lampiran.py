"""The intake form as a referral's lampiran shows only what that referral's consent allows."""

from __future__ import annotations

import pytest

from app.documents.redaction import WITHHELD
from app.domain.enums import CaseStatus, ConsentOutcome, ConsentPurpose, DataItem
from app.domain.models import ConsentInput, ReferralInput
from app.services.session import Session
from tests import helpers, pdf_checks

DINSOS = "dinsos_p3a_blora"
INTAKE = helpers.full_intake(tag="Lampiranuji")


def _referred(session: Session, items: frozenset[DataItem]) -> int:
    case_id = session.cases.create(INTAKE).id
    session.workflow.transition(case_id, CaseStatus.DITERIMA)
    session.workflow.transition(case_id, CaseStatus.ASESMEN)
    session.referrals.record_consent(case_id, ConsentInput(
        ConsentPurpose.RUJUKAN, ConsentOutcome.SEBAGIAN, recipient=DINSOS, data_items=items))
    return session.referrals.refer(case_id, ReferralInput(DINSOS))


@pytest.mark.parametrize("with_chronology", [False, True])
def test_only_consented_items_travel_with_the_letter(session: Session,
                                                     with_chronology: bool) -> None:
    items = frozenset({DataItem.NAMA} | ({DataItem.KRONOLOGI} if with_chronology else set()))
    referral_id = _referred(session, items)
    rendered = session.documents.intake_form_for_referral(referral_id)
    text = pdf_checks.text_of(rendered.pdf)
    victim, incident = INTAKE.victim, INTAKE.incident
    assert victim.full_name is not None and victim.full_name in text
    for withheld in (victim.nik, victim.phone, victim.address, "Terlapor Satu Lampiranuji"):
        assert withheld is not None and withheld not in text
    assert WITHHELD in text
    assert incident.chronology is not None
    assert (incident.chronology.split("\n")[0] in text) is with_chronology
    pdf_checks.assert_fonts_embedded(rendered.pdf)
    pdf_checks.assert_no_metadata_leak(rendered.pdf, victim.full_name)
    kinds = [e.detail.get("document") for e in session.ctx.audit.entries(limit=5)
             if e.action == "case.print"]
    assert kinds[0] == "lampiran_formulir_pengaduan"


def test_the_posko_copy_keeps_everything(session: Session) -> None:
    referral_id = _referred(session, frozenset({DataItem.NAMA}))
    case_id = session.cases.summaries()[0].id
    text = pdf_checks.text_of(session.documents.intake_form(case_id).pdf)
    assert INTAKE.victim.nik is not None and INTAKE.victim.nik in text
    assert referral_id
