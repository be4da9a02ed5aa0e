"""Cetak on a case: the menu lists the case's documents and each referral's, and every entry
opens a preview of the PDF loaded from memory — no file anywhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.documents.page import DocSpec, build_pdf
from app.domain.enums import PaperSize
from app.services.documents import DocumentKind
from tests import pdf_checks
from tests.ui.printing_support import (
    MenuPicker,
    Previews,
    SafetyAnswers,
    actions,
    case_with_referrals,
    empty_temp_and_home,
    listing,
    loaded,
)
from tests.ui.test_case_detail_support import (
    Dialogs,
    detail_shell,
    new_case,
    open_case,
    prepare,
    save,
    vault_of,
)
from ui.printing.letter_number_dialog import LetterNumberDialog
from ui.printing.preview_dialog import PreviewDialog
from ui.shell import Shell

K = DocumentKind
RUJUKAN = "Rujukan ke Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Blora"
PENERUSAN = "Penerusan ke Satgas Pencegahan Kekerasan Seksual KPU Provinsi Jawa Tengah"


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    yield from detail_shell(qtbot, tmp_path)


def submenu(entries: list[str], prefix: str) -> str:
    """The full title of the submenu whose title starts with ``prefix``."""
    return next(e.split("/")[0] for e in entries if e.startswith(prefix))


LAMPIRAN = "Formulir Pengaduan (lampiran, sesuai persetujuan)"


def check_entries(entries: list[str]) -> list[tuple[str, ...]]:
    """The menu of a referred and forwarded case; returns the path of every entry."""
    rujukan, penerusan = submenu(entries, RUJUKAN), submenu(entries, PENERUSAN)
    assert entries == [
        "Formulir Pengaduan", "Lembar Persetujuan", "Salinan untuk Korban…", "-",
        f"{rujukan}/Surat Rujukan…", f"{rujukan}/{LAMPIRAN}", f"{rujukan}/Lembar Umpan Balik",
        f"{rujukan}/Lembar Data SIMFONI-PPA",
        f"{penerusan}/Surat Penerusan…", f"{penerusan}/{LAMPIRAN}",
        f"{penerusan}/Lembar Umpan Balik", f"{penerusan}/Lembar Data SIMFONI-PPA"]
    return [tuple(e.split("/")) for e in entries if e != "-"]


def check_previews(dialogs: list[PreviewDialog], code: str) -> None:
    assert [d.rendered.kind for d in dialogs if d.rendered is not None] == [
        K.FORMULIR_PENGADUAN, K.LEMBAR_PERSETUJUAN, K.SALINAN_KORBAN, K.SURAT_RUJUKAN,
        K.LAMPIRAN_PENGADUAN, K.LEMBAR_UMPAN_BALIK, K.LEMBAR_SIMFONI, K.SURAT_PENERUSAN,
        K.LAMPIRAN_PENGADUAN, K.LEMBAR_UMPAN_BALIK, K.LEMBAR_SIMFONI]
    for dialog in dialogs:
        assert dialog.rendered is not None
        assert loaded(dialog).pageCount() == pdf_checks.page_count(dialog.rendered.pdf)
        assert dialog.windowTitle().endswith(code)  # a case code, never a name
        assert not dialog.save_button.isHidden()


def test_every_document_of_the_menu_previews_from_memory(
        shell: Shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_case(shell, prepare(shell, case_with_referrals).case_id)
    code = page.view.case.code if page.view is not None else ""
    temp, home = empty_temp_and_home(tmp_path, monkeypatch)
    watched = (temp, home, vault_of(shell).paths.root)
    before = [listing(folder) for folder in watched]
    menu, previews = MenuPicker(monkeypatch), Previews(monkeypatch)
    SafetyAnswers(monkeypatch, safe=True)
    Dialogs(monkeypatch).on(LetterNumberDialog, save)  # the register's next number
    menu.pick(page)  # nothing chosen: only look
    assert not previews.dialogs
    for path in check_entries(menu.entries[0]):
        menu.pick(page, *path)
    check_previews(previews.dialogs, code)
    assert [listing(folder) for folder in watched] == before
    session = prepare(shell, lambda s: s)
    assert actions(session, code).count("case.print") == 11
    assert actions(session, code).count("letter.number_issued") == 2


def test_a_case_without_referral_offers_its_own_documents(
        shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_case(shell, prepare(shell, new_case))
    menu, previews = MenuPicker(monkeypatch), Previews(monkeypatch)
    menu.pick(page, "Formulir Pengaduan")
    assert menu.entries[0] == ["Formulir Pengaduan", "Lembar Persetujuan",
                               "Salinan untuk Korban…", "-",
                               "Surat rujukan tersedia setelah kasus dirujuk"]
    dialog = previews.last()
    assert loaded(dialog).pageCount() >= 1
    assert dialog.page_label.text().startswith("Halaman 1 dari ")


def long_pdf() -> bytes:
    from reportlab.platypus import Paragraph  # a long document, made for this test only

    from app.documents import styles
    story = [Paragraph("kalimat " * 60, styles.BODY) for _ in range(30)]
    return build_pdf(DocSpec("Uji", PaperSize.F4, invariant=True), story)


def test_pages_and_zoom(qtbot: QtBot) -> None:
    pdf = long_pdf()
    dialog = PreviewDialog(pdf, "Uji")
    qtbot.addWidget(dialog)
    dialog.show()
    count = pdf_checks.page_count(pdf)
    assert count > 2 and loaded(dialog).pageCount() == count
    assert dialog.page_label.text() == f"Halaman 1 dari {count}"
    assert not dialog.previous_button.isEnabled() and dialog.save_button.isHidden()
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.current_page() == 1)
    assert dialog.page_label.text() == f"Halaman 2 dari {count}"
    assert dialog.previous_button.isEnabled()
    dialog.previous_button.click()
    qtbot.waitUntil(lambda: dialog.current_page() == 0)
    zoom = dialog.view.zoomFactor()
    dialog.zoom_in_button.click()
    assert dialog.view.zoomFactor() == pytest.approx(zoom * 1.25)
    dialog.zoom_out_button.click()
    assert dialog.view.zoomFactor() == pytest.approx(zoom)
    dialog.whole_page_button.click()
    assert dialog.view.zoomMode() is dialog.view.ZoomMode.FitInView
    dialog.fit_width_button.click()
    assert dialog.view.zoomMode() is dialog.view.ZoomMode.FitToWidth
    dialog.close_button.click()
    assert dialog.document.pageCount() == 0  # closing drops the document and its bytes
