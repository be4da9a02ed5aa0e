"""Hak subjek data (UU PDP), from a case's detail page — koordinator only.

- Laporan akses data: everything held about the person in this case, with who accessed it and
  when (from the audit log), previewed for printing (the legal limit is 3×24 hours).
- Riwayat koreksi: corrected fields with their earlier values.
- Hapus atas permintaan subjek: erasure with its reason; the berita acara opens for printing and
  the officer is taken back to Daftar Kasus (the case no longer exists).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from app.services.documents import Rendered
from ui.case_detail.data import CaseView
from ui.context import UiContext
from ui.data_protection import jobs
from ui.data_protection.corrections_dialog import CorrectionsDialog
from ui.data_protection.dialogs import show_document
from ui.data_protection.erase_dialog import EraseDialog
from ui.data_protection.texts import access_report_title, destruction_title, tr
from ui.errors import show_error


class RightsEntry(StrEnum):
    ACCESS_REPORT = "access_report"
    CORRECTIONS = "corrections"
    ERASE = "erase"


class SubjectRightsMenu(QMenu):
    """The three entries, in the order a request usually comes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for entry, text in ((RightsEntry.ACCESS_REPORT, tr("Laporan akses data (UU PDP)")),
                            (RightsEntry.CORRECTIONS, tr("Riwayat koreksi")),
                            (RightsEntry.ERASE, tr("Hapus atas permintaan subjek…"))):
            if entry is RightsEntry.ERASE:
                self.addSeparator()
            self.addAction(text).setData(entry.value)

    @staticmethod
    def choose(menu: QMenu, at: QPoint) -> QAction | None:
        """Show ``menu`` at ``at`` and return the chosen entry. Tests replace this."""
        return menu.exec(at)

    @classmethod
    def ask(cls, anchor: QWidget) -> RightsEntry | None:
        """The entry chosen from the menu opened under ``anchor``."""
        menu = cls(anchor)
        action = cls.choose(menu, anchor.mapToGlobal(QPoint(0, anchor.height())))
        value = action.data() if action is not None else None
        menu.deleteLater()
        return RightsEntry(value) if isinstance(value, str) else None


class SubjectRights(QObject):
    """Carries out the menu's entries for the case loaded on the page."""

    #: The case was erased (its code): the page forgets it and returns to Daftar Kasus.
    case_erased = Signal(str)

    def __init__(self, ctx: UiContext, page: QWidget) -> None:
        super().__init__(page)
        self._ctx = ctx
        self._page = page

    def open_menu(self, view: CaseView, anchor: QWidget) -> None:
        entry = SubjectRightsMenu.ask(anchor)
        if entry is not None:
            self.request(view, entry)

    def request(self, view: CaseView, entry: RightsEntry) -> None:
        case = view.case
        runner = self._ctx.runner
        if entry is RightsEntry.ACCESS_REPORT:
            runner.run(jobs.subject_access_report(case.id), self._on_report_rendered,
                       self._on_failed)
        elif entry is RightsEntry.CORRECTIONS:
            runner.run(jobs.corrections(case.id, case.code), self._on_corrections_loaded,
                       self._on_failed)
        else:
            self._erase(view)

    def _on_report_rendered(self, rendered: Rendered) -> None:
        show_document(self._page, self._ctx.runner, rendered,
                      access_report_title(rendered.case_code or ""),
                      tr("Serahkan hanya kepada subjek data (atau kuasanya) setelah identitasnya "
                         "diperiksa."))

    def _on_corrections_loaded(self, corrections: jobs.Corrections) -> None:
        CorrectionsDialog.show_for(self._page, corrections, self._ctx.office_tz())

    def _erase(self, view: CaseView) -> None:
        erased = EraseDialog.ask(self._page, self._ctx.runner, view.case.id, view.case.code)
        if erased is None:
            return
        self.case_erased.emit(erased.code)
        self._ctx.runner.run(jobs.destruction_record([erased.code]), self._on_record_rendered,
                             self._on_failed)

    def _on_record_rendered(self, rendered: Rendered) -> None:
        show_document(self._page.window(), self._ctx.runner, rendered, destruction_title(),
                      tr("Data kasus sudah dihapus. Cetak berita acara ini, tanda tangani, dan "
                         "simpan bersama arsip."))

    def _on_failed(self, error: BaseException) -> None:
        show_error(self._page.window(), error)
