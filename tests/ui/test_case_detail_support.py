"""Shared set-up for the case-detail tests (no tests here).

Speed: every test gets its own copy of one ready vault made once per run (the first
koordinator plus a second koordinator and a petugas), so no test pays for creating a vault or
adding officers (each costs Argon2 key derivations). Cases and consents are made directly on
the session the shell holds after the koordinator unlocked it; the shell is driven afterwards.
Dialogs run through :class:`Dialogs`, which replaces the one modal seam
(:meth:`ActionDialog.launch`) with a filler written by the test.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.domain.enums import (
    CaseStatus,
    ClosureReason,
    ConsentOutcome,
    ConsentPurpose,
    ReferralOutcome,
    RightStatus,
    Role,
)
from app.domain.models import ConsentInput, Intake, ReferralInput
from app.domain.workflow import STARRED_RIGHTS
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers
from tests.ui.conftest import open_workspace, unlock
from ui.backend import Backend
from ui.case_detail.dialogs.base import ActionDialog
from ui.case_detail.dialogs.confirm import Confirm
from ui.context import PageName
from ui.pages.case_detail import CaseDetailPage
from ui.shell import Shell
from ui.workers import ImmediateRunner

T = TypeVar("T")
D = TypeVar("D", bound=ActionDialog)
DINSOS = "dinsos_p3a_blora"
SATGAS = "satgas_kpu_jateng"
RSUD = "rsud_blora"
KOORD2 = "koord2"
KOORD2_PASSWORD = "meja kayu jati di pendopo"


_template: list[Path] = []


def template_vault() -> Path:
    """The folder of a locked vault with three officers, made on first use in this run."""
    if not _template:
        root = Path(tempfile.mkdtemp(prefix="posko-detail-tests-"))
        atexit.register(shutil.rmtree, root, True)
        session, _ = helpers.create_vault(helpers.new_vault(root / "vault"))
        with session:
            add_user(session, KOORD2, KOORD2_PASSWORD, Role.KOORDINATOR)
            add_user(session, helpers.PETUGAS, helpers.PETUGAS_PASSWORD, Role.PETUGAS)
        _template.append(root / "vault")
    return _template[0]


def detail_shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    """The main window on a fresh copy of the template vault, jobs run synchronously."""
    shutil.copytree(template_vault(), tmp_path / "vault")
    vault = helpers.new_vault(tmp_path / "vault")
    window = Shell(vault, ImmediateRunner(Backend(vault)), idle_ms=60 * 60_000)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def vault_of(shell: Shell) -> Vault:
    assert isinstance(shell.runner, ImmediateRunner)
    return shell.runner.backend.vault


def officer(session: Session, username: str) -> int:
    """The id of one of the template's officers."""
    return next(u.id for u in session.users.directory() if u.username == username)


def prepare(shell: Shell, work: Callable[[Session], T]) -> T:
    """Do set-up work as the first koordinator, on the session the shell unlocked."""
    if shell.workspace is None:
        unlock(shell)
    assert isinstance(shell.runner, ImmediateRunner)
    session = shell.runner.backend.require()
    assert session.user.username == helpers.KOORDINATOR
    return work(session)


def clock(shell: Shell) -> FakeClock:
    moment = vault_of(shell).clock
    assert isinstance(moment, FakeClock)
    return moment


def new_case(session: Session, status: CaseStatus = CaseStatus.ASESMEN,
             intake: Intake | None = None) -> int:
    """A case walked to ``status`` through the real workflow (diterima → asesmen → ...)."""
    case_id = session.cases.create(intake or helpers.minimal_intake()).id
    path: list[CaseStatus] = {CaseStatus.DRAF: [], CaseStatus.DITERIMA: [CaseStatus.DITERIMA]}.get(
        status, [CaseStatus.DITERIMA, CaseStatus.ASESMEN])
    for target in path:
        session.workflow.transition(case_id, target)
    if status is CaseStatus.LAYANAN_INTERNAL:
        session.workflow.transition(case_id, status, "hanya ingin informasi")
    if status in (CaseStatus.DIRUJUK, CaseStatus.PEMANTAUAN):
        referral_id = refer(session, case_id)
        if status is CaseStatus.PEMANTAUAN:
            session.referrals.record_feedback(referral_id, ReferralOutcome.DITANGANI)
    if status in (CaseStatus.DITUTUP, CaseStatus.DIARSIPKAN):
        close(session, case_id, archive=status is CaseStatus.DIARSIPKAN)
    return case_id


def close(session: Session, case_id: int, archive: bool = False) -> None:
    for right in STARRED_RIGHTS:
        session.workflow.set_right(case_id, right, RightStatus.DIBERIKAN)
    session.workflow.close(case_id, ClosureReason.KEBUTUHAN_TERPENUHI)
    if archive:
        session.workflow.archive(case_id)


def consent(session: Session, case_id: int, recipient: str = DINSOS) -> int:
    return session.referrals.record_consent(
        case_id, ConsentInput(ConsentPurpose.RUJUKAN, ConsentOutcome.DIBERIKAN,
                              recipient=recipient))


def refer(session: Session, case_id: int, recipient: str = DINSOS) -> int:
    consent(session, case_id, recipient)
    return session.referrals.refer(case_id, ReferralInput(recipient))


def add_user(session: Session, username: str, password: str, role: Role) -> int:
    user, _ = session.users.add(username, f"Nama {username}", role, password)
    return user.id


def open_case(shell: Shell, case_id: int, username: str = helpers.KOORDINATOR,
              password: str = helpers.KOORDINATOR_PASSWORD) -> CaseDetailPage:
    """The detail page of ``case_id`` as ``username`` (locking and unlocking as needed)."""
    if shell.workspace is not None and shell.workspace.ctx.user.username != username:
        shell.lock()
    if shell.workspace is None:
        unlock(shell, username, password)
    workspace = open_workspace(shell)
    workspace.open_case(case_id)
    page = workspace.page(PageName.DETAIL_KASUS)
    assert isinstance(page, CaseDetailPage)
    return page


class Dialogs:
    """Answers modal case dialogs: each filler gets the real dialog and clicks its buttons."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._fillers: dict[type[ActionDialog], Callable[[Any], None]] = {}
        self.seen: list[ActionDialog] = []
        monkeypatch.setattr(ActionDialog, "launch", staticmethod(self._launch))

    def on(self, kind: type[D], filler: Callable[[D], None]) -> None:
        self._fillers[kind] = filler

    def last(self, kind: type[D]) -> D:
        found = [d for d in self.seen if isinstance(d, kind)]
        assert found, f"no {kind.__name__} was opened"
        return found[-1]

    def _launch(self, dialog: ActionDialog) -> bool:
        self.seen.append(dialog)
        filler = self._fillers.get(type(dialog))
        if filler is not None:
            filler(dialog)
        return dialog.changed


class Confirmations:
    """Answers every yes/cancel question with yes and keeps the questions asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts: list[str] = []
        monkeypatch.setattr(Confirm, "ask", self.ask)

    def ask(self, parent: object, title: str, text: str, yes_text: str) -> bool:
        del parent, title, yes_text
        self.texts.append(text)
        return True


def save(dialog: ActionDialog) -> None:
    dialog.save_button.click()
