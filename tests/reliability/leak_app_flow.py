"""The leak sweep's working day, run by ``test_leak_sweep.py`` in a child pytest (not collected
by default: no ``test_`` prefix).

The child's HOME, XDG folders and temp folders are private folders of the parent, so the
vault (in its default place, via platformdirs), the log, Qt's and Python's temp files and any
settings land where the parent can sweep them. The app is set up as ``posko`` sets it up
(application names, the rotating log, the crash handler) and driven through its real widgets
(pytest-qt), with sentinels in every personal field: a list of ``POSKO_LEAK_CASES`` cases,
a complaint typed on the intake steps, search, every column sorted both ways, a name
revealed, the intake form previewed and printed (to ``$POSKO_LEAK_OUT/kertas.pdf``, deleted
again), a backup (to ``$POSKO_LEAK_OUT/usb``), lock, unlock, a draft being typed — then
``READY`` on stdout, and the child waits for SIGKILL.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.domain.enums import FollowUpKind, Sex, TpksType
from app.domain.models import Intake
from app.paths import default_data_dir
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers
from tests.reliability.sweep import nik, phone, sentinel
from tests.ui.backup_support import choose_folder
from tests.ui.conftest import open_workspace, unlock
from tests.ui.intake_crash_child import form_of, next_steps, pick, start_intake, type_into
from tests.ui.printing_support import MenuPicker, Previews, Printers
from ui import crash, logging_setup
from ui.backend import Backend
from ui.context import PageName
from ui.models.case_table import CaseColumn, CaseTableModel
from ui.pages.case_list import CaseListPage
from ui.pages.data import DataPage
from ui.shell import Shell
from ui.workers import ImmediateRunner

HOUR_MS = 60 * 60_000
TYPED = 9999  # the sentinel index of the complaint typed through the intake steps


def intake(index: int) -> Intake:
    base = helpers.full_intake(tag=sentinel("Tag", index))
    victim = dataclasses.replace(
        base.victim, full_name=f"{sentinel('Nama', index)} Lestari",
        alias=sentinel("Alias", index), nik=nik(index), phone=phone(index),
        address=f"Jl. {sentinel('Jalan', index)} 7")
    return dataclasses.replace(
        base, victim=victim,
        perpetrators=(dataclasses.replace(base.perpetrators[0],
                                          full_name=sentinel("Pelaku", index)),),
        incident=dataclasses.replace(base.incident,
                                     chronology=f"{sentinel('Kronologi', index)} di gudang."),
        reporter=dataclasses.replace(base.reporter, full_name=sentinel("Pelapor", index)))


def seed(vault: Vault, count: int) -> None:
    session, _ = helpers.create_vault(vault)
    with session:
        for index in range(count):
            ref = session.cases.create(intake(index))
            if index % 10 == 0:
                session.workflow.add_follow_up(ref.id, FollowUpKind.CATATAN,
                                               f"{sentinel('Catatan', index)} dihubungi.")


def set_up_like_posko(app: QApplication) -> None:
    """What ``ui.app.create_application`` does besides making the application."""
    app.setApplicationName("Posko PPKS")
    app.setOrganizationName("PoskoPPKS")
    logging_setup.configure()
    crash.install()


def take_the_complaint(shell: Shell) -> None:
    page = start_intake(shell)
    form = form_of(page)
    next_steps(page, 2)
    type_into(form.victim.full_name, f"{sentinel('Ketik', TYPED)} Handayani")
    pick(form.victim.sex, Sex.P)
    type_into(form.victim.age_years, "27")
    type_into(form.victim.nik, nik(TYPED))
    type_into(form.victim.phone, phone(TYPED))
    next_steps(page)
    type_into(form.incident.chronology, f"{sentinel('KetikKronologi', TYPED)} lewat pesan.")
    form.incident.tpks.box(TpksType.PELECEHAN_NONFISIK).setChecked(True)
    next_steps(page, 4)
    page.finish_button.click()


def case_list(shell: Shell) -> CaseListPage:
    workspace = open_workspace(shell)
    workspace.show_page(PageName.DAFTAR_KASUS)
    page = workspace.page(PageName.DAFTAR_KASUS)
    assert isinstance(page, CaseListPage)
    return page


def search_sort_reveal(shell: Shell, qtbot: QtBot, count: int) -> int:
    """Returns the id of the case found by its sentinel name."""
    page = case_list(shell)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == count + 1)
    QTest.keyClicks(page.search_box, sentinel("Nama", 7).lower())
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)
    page.view.selectRow(0)
    page.reveal_action.trigger()
    case_id = int(page.proxy.index(0, 0).data(CaseTableModel.CaseIdRole))
    page.search_box.clear()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == count + 1)
    for column in CaseColumn:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            page.view.sortByColumn(column, order)
    return case_id


def preview_and_print(shell: Shell, monkeypatch: pytest.MonkeyPatch, case_id: int,
                      out: Path) -> None:
    workspace = open_workspace(shell)
    workspace.open_case(case_id)
    page = workspace.page(PageName.DETAIL_KASUS)
    previews = Previews(monkeypatch)
    Printers(monkeypatch, out / "kertas.pdf")
    MenuPicker(monkeypatch).pick(page, "Formulir Pengaduan")  # type: ignore[arg-type]
    dialog = previews.last()
    dialog.print_button.click()
    assert dialog.printed and (out / "kertas.pdf").read_bytes().startswith(b"%PDF-")
    (out / "kertas.pdf").unlink()  # the printer's paper: outside the sweep, and gone
    dialog.close()


def back_up(shell: Shell, monkeypatch: pytest.MonkeyPatch, usb: Path) -> None:
    workspace = open_workspace(shell)
    workspace.show_page(PageName.DATA, tab="cadangan")
    page = workspace.page(PageName.DATA)
    assert isinstance(page, DataPage)
    usb.mkdir()
    choose_folder(monkeypatch, usb)
    page.backup.backup_button.click()
    assert len(list(usb.glob("*.poskobak"))) == 1, page.backup.status.text()


def type_a_draft(shell: Shell) -> None:
    page = start_intake(shell)
    next_steps(page, 2)
    type_into(form_of(page).victim.full_name, f"{sentinel('Draf', TYPED)} Kusuma")
    page.autosave()


def session_of(shell: Shell) -> Session:
    assert isinstance(shell.runner, ImmediateRunner)
    return shell.runner.backend.require()


def test_a_working_day_full_of_sentinels(qtbot: QtBot, qapp: QApplication,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    count, out = int(os.environ["POSKO_LEAK_CASES"]), Path(os.environ["POSKO_LEAK_OUT"])
    set_up_like_posko(qapp)
    vault = helpers.new_vault(default_data_dir())
    seed(vault, count)
    shell = Shell(vault, ImmediateRunner(Backend(vault)), idle_ms=HOUR_MS)
    qtbot.addWidget(shell)
    shell.show()
    unlock(shell)
    take_the_complaint(shell)
    case_id = search_sort_reveal(shell, qtbot, count)
    preview_and_print(shell, monkeypatch, case_id, out)
    back_up(shell, monkeypatch, out / "usb")
    shell.lock()
    unlock(shell)
    type_a_draft(shell)
    assert len(session_of(shell).cases.search(sentinel("Ketik", TYPED))) == 1
    print("READY", flush=True)
    sys.stdin.readline()  # killed here: unlocked, a draft saved, the WAL not checkpointed
