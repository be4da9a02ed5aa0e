"""Letters take a number from the register or from Subbag Umum/TU (typed by hand; a number
already used is refused next to the field), and a survivor copy is printed only when it is
safe for her to carry."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.models import ReferralInput
from app.services.documents import DocumentKind
from app.services.session import Session
from tests.ui.printing_support import (
    MenuPicker,
    Previews,
    SafetyAnswers,
    actions,
    case_with_referrals,
    loaded,
)
from tests.ui.test_case_detail_support import (
    DINSOS,
    RSUD,
    Dialogs,
    consent,
    detail_shell,
    new_case,
    open_case,
    prepare,
    save,
)
from ui.pages.case_detail import CaseDetailPage
from ui.printing.letter_number_dialog import LetterNumberDialog
from ui.shell import Shell

TU_NUMBER = "045/PP.01-SD/3316/2026"


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    yield from detail_shell(qtbot, tmp_path)


def letter_entry(menu: MenuPicker, page: CaseDetailPage, prefix: str, letter: str) -> None:
    """Pick ``letter`` in the first referral submenu whose title starts with ``prefix``."""
    menu.pick(page)
    title = next(e.split("/")[0] for e in menu.entries[-1] if e.startswith(prefix))
    menu.pick(page, title, letter)


def typed(number: str) -> Callable[[LetterNumberDialog], None]:
    def fill(dialog: LetterNumberDialog) -> None:
        dialog.manual_choice.setChecked(True)
        dialog.number_edit.setText(number)
        save(dialog)
    return fill


def two_referrals(session: Session) -> tuple[int, str]:
    prepared = case_with_referrals(session)
    consent(session, prepared.case_id, RSUD)
    session.referrals.refer(prepared.case_id, ReferralInput(RSUD))
    return prepared.case_id, session.cases.get(prepared.case_id).code


def test_a_number_from_tu_is_used_and_a_taken_one_is_refused_inline(
        shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id, code = prepare(shell, two_referrals)
    page = open_case(shell, case_id)
    menu, previews, dialogs = MenuPicker(monkeypatch), Previews(monkeypatch), Dialogs(monkeypatch)
    dialogs.on(LetterNumberDialog, typed(TU_NUMBER))
    letter_entry(menu, page, "Rujukan ke Dinas Sosial", "Surat Rujukan…")
    first = previews.last().rendered
    assert first is not None and first.letter_number == TU_NUMBER
    assert first.kind is DocumentKind.SURAT_RUJUKAN
    seen: list[tuple[str, str, int]] = []

    def taken_then_register(dialog: LetterNumberDialog) -> None:
        typed(TU_NUMBER)(dialog)  # the same number again, for another letter
        seen.append((dialog.field_error("letter_number"), dialog.number_edit.text(),
                     len(previews.dialogs)))
        dialog.register_choice.setChecked(True)
        save(dialog)  # the register's next number instead

    dialogs.on(LetterNumberDialog, taken_then_register)
    letter_entry(menu, page, "Rujukan ke RSUD", "Surat Rujukan…")
    # Refused next to the field, the typed number kept, no preview meanwhile.
    assert seen == [("Nomor surat ini sudah pernah dipakai.", TU_NUMBER, 1)]
    second = previews.last().rendered
    assert second is not None and second.letter_number not in (None, TU_NUMBER)
    session = prepare(shell, lambda s: s)
    issued = [e.detail for e in session.ctx.audit.entries(case_code=code)
              if e.action == "letter.number_issued"]
    assert [entry["manual"] for entry in reversed(issued)] == [True, False]


def test_a_manual_choice_needs_a_number(shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    prepared = prepare(shell, case_with_referrals)
    page = open_case(shell, prepared.case_id)
    menu, previews, dialogs = MenuPicker(monkeypatch), Previews(monkeypatch), Dialogs(monkeypatch)
    dialogs.on(LetterNumberDialog, typed("   "))
    letter_entry(menu, page, "Penerusan ke", "Surat Penerusan…")
    assert dialogs.last(LetterNumberDialog).field_error("letter_number") == "Wajib diisi."
    assert not previews.dialogs


def test_a_letter_numbered_when_referred_keeps_its_number(
        shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    def referred_with_number(session: Session) -> int:
        case_id = new_case(session)
        consent(session, case_id, DINSOS)
        session.referrals.refer(case_id, ReferralInput(DINSOS, letter_number=TU_NUMBER))
        return case_id

    page = open_case(shell, prepare(shell, referred_with_number))
    menu, previews, dialogs = MenuPicker(monkeypatch), Previews(monkeypatch), Dialogs(monkeypatch)
    letter_entry(menu, page, "Rujukan ke", "Surat Rujukan…")
    assert not dialogs.seen  # nothing to choose
    rendered = previews.last().rendered
    assert rendered is not None and rendered.letter_number == TU_NUMBER
    assert loaded(previews.last()).pageCount() >= 1


@pytest.mark.parametrize("safe", [False, True])
def test_the_survivor_copy_is_printed_only_when_safe(
        shell: Shell, monkeypatch: pytest.MonkeyPatch, safe: bool) -> None:
    page = open_case(shell, prepare(shell, new_case))
    assert page.view is not None
    code, rights = page.view.case.code, page.view.case.rights
    menu, previews = MenuPicker(monkeypatch), Previews(monkeypatch)
    answers = SafetyAnswers(monkeypatch, safe=safe)
    menu.pick(page, "Salinan untuk Korban…")
    assert answers.asked == 1
    session = prepare(shell, lambda s: s)
    printed = [e.detail["document"] for e in session.ctx.audit.entries(case_code=code)
               if e.action == "case.print"]
    if safe:
        assert printed == ["salinan_korban"] and len(previews.dialogs) == 1
    else:
        assert printed == [] and previews.dialogs == []
    assert session.cases.get(page.view.case.id).rights == rights  # nothing recorded
    assert "case.right" not in actions(session, code)
