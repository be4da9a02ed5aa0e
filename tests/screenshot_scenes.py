"""The scenes ``make screenshots`` renders: each puts an unlocked demo shell in one state.

A scene returns the widget to capture (a dialog), an image to save (a document page rendered
from memory) or ``None`` for the whole window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QWidget

from app.domain.enums import CaseStatus, Role, Sex, SimfoniPlace, TimeOfDay, TpksType
from app.domain.models import AttachmentInfo
from tests import screenshot_data, screenshot_documents
from ui.backend import Backend
from ui.case_detail.attachment_viewer import AttachmentViewer
from ui.case_detail.dialogs.close import CloseDialog
from ui.case_detail.dialogs.refer import ReferDialog
from ui.context import PageName
from ui.intake.intake_form import CONSENT, INCIDENT, VICTIM
from ui.pages.case_detail import CaseDetailPage
from ui.pages.case_list import CaseListPage
from ui.pages.intake import IntakePage
from ui.pages.reports import ReportsPage
from ui.pages.settings import SettingsPage
from ui.pages.users import UsersPage
from ui.shell import Shell
from ui.users.temporary_password_dialog import TemporaryPasswordDialog

#: A widget to capture, a rendered image to save as it is, or None for the whole window.
Scene = Callable[[Shell], QWidget | QImage | None]
PIMPINAN_DEMO = ("pimpinan", "Pimpinan Demo", "kopi tubruk tanpa gula pagi")


def _page(window: Shell, name: PageName) -> QWidget:
    assert window.workspace is not None
    window.workspace.show_page(name)
    return window.workspace.page(name)


def page_scene(name: PageName) -> Scene:
    def scene(window: Shell) -> QWidget | None:
        _page(window, name)
        return None

    return scene


def case_list_search(window: Shell) -> QWidget | None:
    page = _page(window, PageName.DAFTAR_KASUS)
    assert isinstance(page, CaseListPage)
    page.filters.status_combo.setCurrentIndex(0)
    page.search_box.setText("wahyuni")
    page.apply_search()
    page.view.selectRow(0)
    page.reveal_action.trigger()  # audited, as in real use
    return None


def _demo_case(window: Shell, statuses: tuple[CaseStatus, ...]) -> int:
    found: list[int] = []

    def pick(backend: Backend) -> int:
        rows = backend.require().cases.summaries()
        return next((r.id for r in rows if r.status in statuses), rows[0].id)

    window.runner.run(pick, found.append)
    return found[0]


def case_detail(window: Shell, tab: int = 0,
                statuses: tuple[CaseStatus, ...] = (CaseStatus.PEMANTAUAN,
                                                    CaseStatus.DIRUJUK)) -> CaseDetailPage:
    assert window.workspace is not None
    window.workspace.open_case(_demo_case(window, statuses))
    page = window.workspace.page(PageName.DETAIL_KASUS)
    assert isinstance(page, CaseDetailPage) and page.view is not None
    page.tabs.setCurrentIndex(tab)
    return page


def detail_tab(tab: int) -> Scene:
    def scene(window: Shell) -> QWidget | None:
        case_detail(window, tab)
        return None

    return scene


def refer_blocked(window: Shell) -> QWidget | None:
    page = case_detail(window, statuses=(CaseStatus.ASESMEN, CaseStatus.PEMANTAUAN))
    assert page.view is not None
    dialog = ReferDialog(page.ctx, page.view, page)
    dialog.select_recipient("lbh")  # the demo records no consent for the LBH
    dialog.show()
    return dialog


def close_dialog(window: Shell) -> QWidget | None:
    page = case_detail(window)
    assert page.view is not None
    dialog = CloseDialog(page.ctx.runner, page.view.case, page)
    dialog.show()
    return dialog


def _pdf_bytes() -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(600, 800, "SURAT KETERANGAN (DEMO)")
    painter.end()
    return bytes(buffer.data().data())


def attachment_viewer(window: Shell) -> QWidget | None:
    page = case_detail(window, tab=5)
    assert page.view is not None
    content, case_id = _pdf_bytes(), page.view.case.id
    infos: list[AttachmentInfo] = []

    def add(backend: Backend) -> AttachmentInfo:
        return backend.require().attachments.add(case_id, "surat-keterangan.pdf", content)

    window.runner.run(add, infos.append)
    viewer = AttachmentViewer(infos[0], content, page)
    viewer.show()
    return viewer


def _intake(window: Shell) -> IntakePage:
    assert window.workspace is not None
    window.workspace.new_intake()
    page = window.workspace.page(PageName.PENGADUAN_BARU)
    assert isinstance(page, IntakePage) and page.form is not None
    return page


def intake_victim(window: Shell) -> QWidget | None:
    page = _intake(window)
    page.step_bar.buttons[VICTIM].click()
    victim = page.form.victim  # type: ignore[union-attr]
    victim.full_name.setText("Rina Lestari (DEMO)")
    victim.alias.setText("Mawar")
    victim.sex.set_value(Sex.P)
    victim.birth_date.setText("17-05-1994")
    victim.nik.setText("9999015705940001")
    victim.kecamatan.setCurrentIndex(victim.kecamatan.findText("Blora"))
    victim.phone.setText("0800-0000-1234")
    victim.safe_to_call.set_value(False)
    victim.contact_via_posko.setChecked(True)
    return None


def intake_incident(window: Shell) -> QWidget | None:
    page = _intake(window)
    page.step_bar.buttons[INCIDENT].click()
    incident = page.form.incident  # type: ignore[union-attr]
    incident.occurred_on.setText("27-02-2026")
    incident.time_of_day.set_value(TimeOfDay.SIANG)
    incident.place.set_value(SimfoniPlace.TEMPAT_KERJA)
    incident.chronology.setPlainText(
        "[DATA DEMO] Korban menerima pesan bernada seksual berulang kali melalui WhatsApp dari "
        "atasannya, lalu disentuh tanpa persetujuan di ruang arsip.")
    incident.tpks.box(TpksType.PELECEHAN_FISIK).setChecked(True)
    incident.tpks.box(TpksType.KSBE).setChecked(True)
    incident.tpks.show_help(TpksType.KSBE)
    incident.scroll_area.ensureWidgetVisible(incident.tpks.help_panel)
    return None


def intake_child_consent(window: Shell) -> QWidget | None:
    page = _intake(window)
    page.step_bar.buttons[VICTIM].click()
    page.form.victim.full_name.setText("Anak Demo (DEMO)")  # type: ignore[union-attr]
    page.form.victim.age_years.setText("15")  # type: ignore[union-attr]
    page.step_bar.buttons[CONSENT].click()
    return None


def laporan(window: Shell) -> QWidget | None:
    page = _page(window, PageName.LAPORAN)
    assert isinstance(page, ReportsPage)
    page.month_combo.setCurrentIndex(0)  # the whole year
    page.show_button.click()
    return None


def _add_colleagues(backend: Backend) -> None:
    users = backend.require().users
    for username, name, role in (("rina.petugas", "Rina Wulandari", Role.PETUGAS),
                                 ("agus.petugas", "Agus Setiawan", Role.PETUGAS)):
        users.add(username, name, role)
    users.remove("agus.petugas")
    username, name, password = PIMPINAN_DEMO
    users.add(username, name, Role.PIMPINAN, password=password)


def pengguna(window: Shell) -> QWidget | None:
    window.runner.run(_add_colleagues)
    page = _page(window, PageName.PENGGUNA)
    assert isinstance(page, UsersPage)
    page.select("rina.petugas")
    return None


def temporary_password(window: Shell) -> QWidget | None:
    dialog = TemporaryPasswordDialog("rina.petugas", "Rina Wulandari", "k7mp-q2xd-9hwt-a4ne",
                                     window)
    dialog.show()
    return dialog


def settings_tab(tab: int) -> Scene:
    """0 instansi, 1 penanda tangan & nomor, 2 direktori, 3 kecamatan, 4 lainnya."""
    def scene(window: Shell) -> QWidget | None:
        page = _page(window, PageName.PENGATURAN)
        assert isinstance(page, SettingsPage)
        page.tabs.setCurrentIndex(tab)
        return None

    return scene


def beranda_pimpinan(window: Shell) -> QWidget | None:
    """Signs in as the pimpinan added by ``pengguna``: run it last."""
    window.lock()
    username, _, password = PIMPINAN_DEMO
    window.unlock_page.username.setText(username)
    window.unlock_page.password.set_text(password)
    window.unlock_page.open_button.click()
    _page(window, PageName.BERANDA)
    return None


#: In order: scenes that add data (intake drafts, users) come after the ones showing lists.
SCENES: dict[str, Scene] = {
    "02-beranda": page_scene(PageName.BERANDA),
    "03a-daftar-kasus": page_scene(PageName.DAFTAR_KASUS),
    "03b-daftar-kasus-pencarian": case_list_search,
    "04a-detail-identitas": detail_tab(0),
    "04b-detail-kejadian": detail_tab(1),
    "04c-detail-layanan-rujukan": detail_tab(3),
    "04d-detail-tindak-lanjut": detail_tab(4),
    "04e-rujukan-tanpa-persetujuan": refer_blocked,
    "04f-tutup-kasus": close_dialog,
    "04g-lampiran-pdf": attachment_viewer,
    "05a-pengaduan-korban": intake_victim,
    "05b-pengaduan-kejadian": intake_incident,
    "05c-pengaduan-persetujuan-anak": intake_child_consent,
    "06-laporan": laporan,
    "07a-pengguna": pengguna,
    "07b-kata-sandi-sementara": temporary_password,
    "08a-pengaturan-instansi": settings_tab(0),
    "08b-pengaturan-surat": settings_tab(1),
    "08c-pengaturan-direktori": settings_tab(2),
    "08d-pengaturan-lainnya": settings_tab(4),
    # The printed documents (each first page) and the preview of a referral letter.
    **screenshot_documents.SCENES,
    # Data & Cadangan and its documents: they back up, record a breach and erase a case.
    **screenshot_data.SCENES,
    "09-beranda-pimpinan": beranda_pimpinan,
}
