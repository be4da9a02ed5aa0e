"""Screenshot scenes of Data & Cadangan (issue 5) and its documents, on the demo vault.

The scenes change the demo vault as an officer would: a backup is made (into a temporary
folder deleted at exit), a suspected breach is recorded, and one closed demo case is erased on
request so the berita acara has something to list. They run after the other scenes.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from app.domain.enums import CaseStatus
from app.services.breaches import BreachInput
from app.services.documents import Rendered
from tests.screenshot_documents import first_page, run_job
from ui.backend import Backend
from ui.context import PageName
from ui.data_protection import jobs
from ui.pages.data import TABS, DataPage
from ui.shell import Shell

#: Where the demo backup goes; removed when ``make screenshots`` ends.
BACKUP_FOLDER = Path(tempfile.mkdtemp(prefix="posko-screens-backup-"))
atexit.register(shutil.rmtree, BACKUP_FOLDER, True)


def _data_page(window: Shell, tab: str) -> DataPage:
    assert window.workspace is not None
    window.workspace.show_page(PageName.DATA, tab=tab)
    page = window.workspace.page(PageName.DATA)
    assert isinstance(page, DataPage)
    return page


def data_tab(tab: str, prepare: Callable[[Backend], object] | None = None,
             ) -> Callable[[Shell], QWidget | None]:
    assert tab in TABS
    def scene(window: Shell) -> QWidget | None:
        if prepare is not None:
            run_job(window, prepare)
        _data_page(window, tab)
        return None
    return scene


def _backup(backend: Backend) -> object:
    return backend.require().backups.create(BACKUP_FOLDER)


def _breach(backend: Backend) -> object:
    session = backend.require()
    discovered = session.ctx.clock.now() - timedelta(hours=20)
    return session.breaches.record(BreachInput(
        discovered, "Laptop posko hilang dari ruang rapat (diduga dicuri).",
        data_affected="Basis data terenkripsi posko; tidak ada salinan tanpa enkripsi.",
        how="Laptop tertinggal di ruang rapat setelah jam kantor.",
        subjects_estimate=None, handling="Kunci basis data diganti; laporan ke Polres Blora.",
        contact="Koordinator Posko PPKS, (0296) 531000"))


def _first_breach(backend: Backend) -> int:
    return backend.require().breaches.all()[0].id


def _closed_case(backend: Backend) -> int:
    rows = backend.require().cases.summaries()
    return next(r.id for r in rows if r.status in (CaseStatus.DITUTUP, CaseStatus.DIARSIPKAN))


def _any_case(backend: Backend) -> int:
    return backend.require().cases.summaries()[0].id


def _erase_one(backend: Backend) -> list[str]:
    record = jobs.erase(_closed_case(backend), "Korban meminta datanya dihapus.")(backend)
    return [record.code]


def _document_page(lookup: Callable[[Backend], object],
                   render: Callable[[Any], Callable[[Backend], Rendered]],
                   ) -> Callable[[Shell], QImage]:
    """Find what to print (a job), render it (a job), and return its first page."""
    def scene(window: Shell) -> QImage:
        rendered = run_job(window, render(run_job(window, lookup)))
        assert isinstance(rendered, Rendered)
        return first_page(rendered.pdf)
    return scene


breach_notice_page = _document_page(_first_breach, jobs.breach_notice)
access_report_page = _document_page(_any_case, jobs.subject_access_report)
destruction_record_page = _document_page(_erase_one, jobs.destruction_record)


def beranda_reminders(window: Shell) -> QWidget | None:
    assert window.workspace is not None
    window.workspace.show_page(PageName.BERANDA)
    return None


#: In order: the backup and the breach are made before the pages that show them.
SCENES: dict[str, Callable[[Shell], QWidget | QImage | None]] = {
    "11a-data-cadangan": data_tab("cadangan", _backup),
    "11b-data-pemusnahan": data_tab("pemusnahan"),
    "11c-data-kebocoran": data_tab("insiden", _breach),
    "11d-data-ekspor": data_tab("ekspor"),
    "11e-beranda-pengingat": beranda_reminders,
    "10k-dokumen-pemberitahuan-kebocoran": breach_notice_page,
    "10l-dokumen-laporan-akses": access_report_page,
    "10m-dokumen-berita-acara-pemusnahan": destruction_record_page,
}
