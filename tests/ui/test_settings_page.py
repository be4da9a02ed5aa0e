"""Pengaturan: edit, save in one job, inline errors, the directory model, unsaved edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyleOptionViewItem

from app.domain.enums import PaperSize, RecipientKind
from app.domain.settings import BLORA_DIRECTORY, OfficeSettings
from app.services.vault import Vault
from tests import helpers
from tests.ui.conftest import open_workspace, unlock
from ui.context import PageName
from ui.pages.settings import SettingsPage
from ui.settings.directory_model import Column, RecipientTableModel
from ui.settings.directory_section import DirectorySection
from ui.settings.letters_section import example
from ui.settings.logo_picker import LogoPicker
from ui.shell import Shell
from ui.widgets.choices import CodedCombo

NEW_NAME = "Komisi Pemilihan Umum Kabupaten Contoh"


def settings_page(shell: Shell) -> SettingsPage:
    unlock(shell)
    workspace = open_workspace(shell)
    workspace.show_page(PageName.PENGATURAN)
    page = workspace.page(PageName.PENGATURAN)
    assert isinstance(page, SettingsPage)
    return page


def stored(shell: Shell, vault: Vault) -> OfficeSettings:
    """What a fresh session reads back (the shell is locked first)."""
    shell.lock()
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as session:
        return session.settings.get()


def png_file(tmp_path: Path) -> Path:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("darkred"))
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    return path


def test_directory_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = RecipientTableModel()
    model.set_recipients(BLORA_DIRECTORY)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    row = model.add_recipient()
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert model.recipients()[row].key == "lembaga_baru"
    assert model.add_recipient() == row + 1 and model.recipients()[-1].key == "lembaga_baru_1"
    assert not model.flags(model.index(0, Column.KEY)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(row, Column.KEY)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(0, Column.KIND), RecipientKind.LAINNYA)
    assert model.index(0, Column.KIND).data() == "Lainnya"
    assert model.setData(model.index(0, Column.ACTIVE), Qt.CheckState.Unchecked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert not model.recipients()[0].active
    assert model.setData(model.index(2, Column.PHONE), "  ")
    assert model.recipients()[2].phone is None
    model.remove_recipient(row)
    assert len(model.recipients()) == len(BLORA_DIRECTORY) + 1


def test_save_writes_every_change_at_once(
        shell: Shell, ready_vault: Vault, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = settings_page(shell)
    page.institution.form.line("name").setText(NEW_NAME)
    monkeypatch.setattr(LogoPicker, "choose_file",
                        staticmethod(lambda parent: str(png_file(tmp_path))))
    QTest.mouseClick(page.institution.logo_picker.choose_button, Qt.MouseButton.LeftButton)
    model = page.directory.model
    model.setData(model.index(0, Column.ATTENTION), "Kepala Bidang PPPA")
    page.general.auto_lock.setValue(7)
    page.general.paper_size.set_value(PaperSize.A4)
    assert set(page.changes()) == {"institution", "logo", "directory", "auto_lock_minutes",
                                   "paper_size"}
    page.save_button.click()
    assert page.status.text() == "Tersimpan."
    assert open_workspace(shell).ctx.settings.auto_lock_minutes == 7
    assert page.changes() == {}
    saved = stored(shell, ready_vault)
    assert saved.institution.name == NEW_NAME
    assert saved.directory[0].attention == "Kepala Bidang PPPA"
    assert saved.auto_lock_minutes == 7 and saved.paper_size is PaperSize.A4
    assert saved.logo == png_file(tmp_path).read_bytes()


def test_invalid_template_is_shown_inline_and_nothing_is_saved(
        shell: Shell, ready_vault: Vault) -> None:
    page = settings_page(shell)
    page.institution.form.line("name").setText(NEW_NAME)
    page.letters.templates["case_number_template"].setText("{nomor:03d}/PPKS")
    assert page.letters.examples["case_number_template"].text().startswith("Templat belum sah")
    page.tabs.setCurrentIndex(0)
    page.save_button.click()
    assert page.letters.errors.text("case_number_template") == (
        "Templat harus memuat {nomor} dan {tahun}.")
    assert page.tabs.currentIndex() == 1, "the tab with the error is opened"
    assert page.status.text().startswith("Belum tersimpan")
    assert page.institution.form.line("name").text() == NEW_NAME, "nothing typed is lost"
    saved = stored(shell, ready_vault)
    assert saved.case_number_template == OfficeSettings().case_number_template
    assert saved.institution.name == OfficeSettings().institution.name


def test_field_errors_land_next_to_their_fields(shell: Shell) -> None:
    page = settings_page(shell)
    page.kecamatan.kecamatan.setPlainText("Blora\n" + "x" * 250)
    row = page.directory.model.add_recipient()
    page.save_button.click()
    assert page.kecamatan.errors.text("kecamatan").startswith("Baris 2: Terlalu panjang")
    assert f"Baris {row + 1}, Nama lembaga: Wajib diisi." in page.directory.error.text()
    assert page.tabs.currentIndex() == 2
    page.kecamatan.kecamatan.setPlainText("Blora")
    page.directory.model.remove_recipient(row)
    page.institution.form.line("email").setText("bukan e-mail")
    page.save_button.click()
    assert page.institution.form.errors.text("institution.email") == "Alamat e-mail tidak sah."
    assert page.kecamatan.errors.text("kecamatan") == ""
    assert page.tabs.currentIndex() == 0
    page.institution.form.line("email").setText("posko@kpu-blora.go.id")
    page.save_button.click()
    assert page.status.text() == "Tersimpan."
    assert not page.institution.form.errors.has_errors()


def test_new_directory_entry_is_saved(shell: Shell, ready_vault: Vault) -> None:
    page = settings_page(shell)
    model = page.directory.model
    page.directory.add_button.click()
    row = model.rowCount() - 1
    for column, text in ((Column.KEY, "lbh_blora"), (Column.NAME, "LBH Blora"),
                         (Column.ADDRESSEE, "Direktur LBH Blora")):
        model.setData(model.index(row, column), text)
    page.save_button.click()
    assert page.status.text() == "Tersimpan."
    assert not model.flags(model.index(row, Column.KEY)) & Qt.ItemFlag.ItemIsEditable
    added = stored(shell, ready_vault).recipient("lbh_blora")
    assert added is not None and added.kind is RecipientKind.LAINNYA
    assert added.addressee == "Direktur LBH Blora" and added.active


def test_unsaved_edits_survive_other_pages_and_can_be_reverted(shell: Shell) -> None:
    page = settings_page(shell)
    page.general.attachment_limit.setValue(40)
    workspace = open_workspace(shell)
    workspace.show_page(PageName.BERANDA)
    workspace.show_page(PageName.PENGATURAN)
    assert page.general.attachment_limit.value() == 40
    page.revert_button.click()
    assert page.general.attachment_limit.value() == OfficeSettings().attachment_limit_mb
    page.save_button.click()
    assert page.status.text() == "Tidak ada perubahan untuk disimpan."
    page.institution.form.line("region_code").setText("3317")
    year = QDate.currentDate().year()
    assert page.letters.examples["case_number_template"].text().endswith(
        f"007/PPKS/3317/{year}")


def test_template_example() -> None:
    assert example("{nomor}-{bulan:02d}-{tahun}", "3316", QDate(2026, 3, 2)) == (
        "Contoh (nomor urut 7 tahun ini): 7-03-2026", True)
    assert not example("{nomor}/{nama}/{tahun}", "3316", QDate(2026, 3, 2))[1]


def test_logo_picker_refuses_what_is_not_a_small_image(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    picker = LogoPicker()
    qtbot.addWidget(picker)
    text_file = tmp_path / "catatan.png"
    text_file.write_bytes(b"bukan gambar")
    big = tmp_path / "besar.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(1024 * 1024))
    for path, message in ((text_file, "bukan gambar PNG atau JPEG"),
                          (big, "terlalu besar")):
        monkeypatch.setattr(LogoPicker, "choose_file", staticmethod(lambda parent, p=path: str(p)))
        picker.choose_button.click()
        assert message in picker.error.text()
        assert picker.logo() is None
    monkeypatch.setattr(LogoPicker, "choose_file",
                        staticmethod(lambda parent: str(png_file(tmp_path))))
    picker.choose_button.click()
    assert picker.logo() is not None and picker.error.text() == ""
    assert not picker.preview.pixmap().isNull()
    picker.remove_button.click()
    assert picker.logo() is None



def test_kind_is_chosen_from_a_drop_down(qtbot: QtBot) -> None:
    section = DirectorySection()
    qtbot.addWidget(section)
    section.load(OfficeSettings())
    index = section.model.index(2, Column.KIND)
    delegate = section.view.itemDelegateForColumn(Column.KIND)
    editor = delegate.createEditor(section.view.viewport(), QStyleOptionViewItem(), index)
    delegate.setEditorData(editor, index)
    assert isinstance(editor, CodedCombo) and editor.value() is RecipientKind.RSUD
    editor.set_value(RecipientKind.LBH)
    delegate.setModelData(editor, section.model, index)
    assert section.model.recipients()[2].kind is RecipientKind.LBH
    assert index.data() == "Lembaga bantuan hukum"


def test_backup_reminder_and_retention_are_office_settings(
        shell: Shell, ready_vault: Vault) -> None:
    page = settings_page(shell)
    general = page.general
    assert general.backup_reminder.value() == 7 and general.retention.value() == 5
    general.backup_reminder.setValue(14)
    general.retention.setValue(10)
    general.retention_basis.clear()
    page.save_button.click()
    assert general.errors.text("retention_legal_basis") == "Wajib diisi."
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Lainnya", "its tab is opened"
    assert general.backup_reminder.value() == 14, "nothing typed is lost"
    QTest.keyClicks(general.retention_basis, "Jadwal Retensi Arsip KPU, lampiran II")
    page.save_button.click()
    assert page.status.text() == "Tersimpan."
    saved = stored(shell, ready_vault)
    assert (saved.backup_reminder_days, saved.retention_years) == (14, 10)
    assert saved.retention_legal_basis == "Jadwal Retensi Arsip KPU, lampiran II"
