"""Shared set-up for the printing tests (no tests here).

Every modal step of printing has a seam; the classes below replace them with answers written
by the test: the Cetak menu (:class:`MenuPicker`), the preview (:class:`Previews`, which keeps
the dialogs instead of running them), the system print dialog (:class:`Printers`, which points
the QPrinter at a PDF file the test chose) and the paper question (:class:`PaperAnswers`).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMenu, QWidget

from app.domain.enums import ReferralKind
from app.domain.models import ReferralInput
from app.services.session import Session
from tests.ui.test_case_detail_support import SATGAS, consent, new_case, refer
from ui.case_detail.rules import CaseAction
from ui.pages.case_detail import CaseDetailPage
from ui.printing.menu import PrintMenu
from ui.printing.preview_dialog import PreviewDialog
from ui.printing.printer import PrintDialog
from ui.printing.questions import PaperQuestion, SafetyQuestion


@dataclass(frozen=True)
class PreparedCase:
    case_id: int
    rujukan_id: int
    penerusan_id: int


def case_with_referrals(session: Session) -> PreparedCase:
    """A case referred to Dinsos P3A and forwarded to Satgas KPU Provinsi."""
    case_id = new_case(session)
    rujukan = refer(session, case_id)
    consent(session, case_id, SATGAS)
    penerusan = session.referrals.refer(case_id, ReferralInput(SATGAS, ReferralKind.PENERUSAN))
    return PreparedCase(case_id, rujukan, penerusan)


def actions(session: Session, case_code: str) -> list[str]:
    """The case's audit actions, oldest first."""
    return [e.action for e in reversed(session.ctx.audit.entries(case_code=case_code))]


# --- folders ---------------------------------------------------------------------------------

def listing(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


def empty_temp_and_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Point the temp folder and the home folder at empty folders of the test."""
    temp, home = tmp_path / "tmp", tmp_path / "home"
    for folder in (temp, home):
        folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setenv("HOME", str(home))
    return temp, home


# --- seams -----------------------------------------------------------------------------------

class MenuPicker:
    """Chooses a Cetak-menu entry by its path of texts, and keeps every menu's entries."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.path: tuple[str, ...] = ()
        self.entries: list[list[str]] = []
        monkeypatch.setattr(PrintMenu, "choose", staticmethod(self._choose))

    def _choose(self, menu: QMenu, at: QPoint) -> QAction | None:
        del at
        self.entries.append(texts(menu))
        chosen: QAction | None = None
        for text in self.path:
            chosen = next(a for a in menu.actions() if a.text() == text)
            submenu = chosen.menu()
            if isinstance(submenu, QMenu):
                menu = submenu
        return chosen

    def pick(self, page: CaseDetailPage, *path: str) -> None:
        self.path = path
        page.action_bar.buttons[CaseAction.PRINT].click()


def texts(menu: QMenu) -> list[str]:
    """Entries as "text" or "submenu/text"; separators as "-"."""
    found: list[str] = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            found += [f"{action.text()}/{entry}" for entry in texts(submenu)]
        else:
            found.append("-" if action.isSeparator() else action.text())
    return found


class Previews:
    """Keeps each preview dialog instead of running it modally."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.dialogs: list[PreviewDialog] = []
        monkeypatch.setattr(PreviewDialog, "launch", staticmethod(self.dialogs.append))

    def last(self) -> PreviewDialog:
        assert self.dialogs, "no preview was opened"
        return self.dialogs[-1]


def loaded(dialog: PreviewDialog) -> QPdfDocument:
    assert dialog.document.status() is QPdfDocument.Status.Ready
    return dialog.document


class Printers:
    """Stands in for the print dialog: the officer "chooses" a printer that writes the PDF
    file ``output`` (this test's only file), optionally with A4 paper loaded."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, output: Path) -> None:
        self.output = output
        self.paper: QPageSize | None = None
        self.accept = True
        self.asked: list[int] = []
        monkeypatch.setattr(PrintDialog, "ask", staticmethod(self._ask))

    def _ask(self, parent: QWidget | None, printer: QPrinter, pages: int) -> bool:
        del parent
        self.asked.append(pages)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.output))
        if self.paper is not None:
            printer.setPageSize(self.paper)
        return self.accept


class PaperAnswers:
    """Answers the paper-size question (fit or Batal) and keeps what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, fit: bool = False) -> None:
        self.fit = fit
        self.asked: list[tuple[str, str]] = []
        monkeypatch.setattr(PaperQuestion, "ask", staticmethod(self._ask))

    def _ask(self, parent: QWidget | None, printer_paper: str, document_paper: str) -> bool:
        del parent
        self.asked.append((printer_paper, document_paper))
        return self.fit


class SafetyAnswers:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, safe: bool) -> None:
        self.safe = safe
        self.asked = 0
        monkeypatch.setattr(SafetyQuestion, "ask", staticmethod(self._ask))

    def _ask(self, parent: QWidget | None) -> bool:
        del parent
        self.asked += 1
        return self.safe
