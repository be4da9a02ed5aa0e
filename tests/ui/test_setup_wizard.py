"""The setup wizard on a fresh PC: institution → first koordinator → recovery code → vault."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from app.domain.enums import PaperSize, Role
from app.domain.settings import Institution
from app.services.vault import Vault, VaultState
from tests import helpers, pdf_checks
from tests.ui.conftest import open_workspace, unlock
from ui.backend import Backend
from ui.context import PageName
from ui.pages.settings import SettingsPage
from ui.setup import wizard as wizard_module
from ui.setup.confirm_dialog import ConfirmDialog
from ui.setup.recovery_sheet import RecoverySheet
from ui.setup.wizard import SetupWizard
from ui.shell import Shell
from ui.workers import ImmediateRunner

USERNAME = "siti.koord"
PASSWORD = "sawah hijau membentang luas"
EMAIL = "posko@kpu-blora.go.id"


@pytest.fixture
def empty_vault(tmp_path: Path) -> Vault:
    return helpers.new_vault(tmp_path / "vault")


@pytest.fixture
def fresh_shell(qtbot: QtBot, empty_vault: Vault) -> Iterator[Shell]:
    window = Shell(empty_vault, ImmediateRunner(Backend(empty_vault)), idle_ms=60 * 60_000)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def the_wizard(shell: Shell) -> SetupWizard:
    assert isinstance(shell.setup_wizard, SetupWizard)
    return shell.setup_wizard


def fill_institution(wizard: SetupWizard, email: str = EMAIL) -> None:
    form = wizard.institution_page.form
    form.line("name").setText("Komisi Pemilihan Umum Kabupaten Blora")
    form.line("phone").setText("0296 531234")
    form.line("email").setText(email)
    form.edits["address"].setPlainText("Jl. Pemuda No. 1, Blora")  # type: ignore[union-attr]


def fill_account(wizard: SetupWizard, password: str = PASSWORD,
                 username: str = USERNAME) -> None:
    page = wizard.account_page
    page.username.setText(username)
    page.display_name.setText("Siti Rahma")
    page.password.set_text(password)
    page.repeat.set_text(password)


def type_groups(wizard: SetupWizard, code: str, wrong_first: bool = False) -> None:
    groups = code.split("-")
    page = wizard.confirm_page
    for field, number in zip(page.fields, page.asked, strict=True):
        field.clear()
        QTest.keyClicks(field, groups[number - 1])
    if wrong_first:
        right = groups[page.asked[0] - 1]
        page.fields[0].setText(right[:-1] + ("0" if right[-1] != "0" else "1"))


def to_confirmation(wizard: SetupWizard) -> str:
    fill_institution(wizard)
    wizard.next_button.click()
    fill_account(wizard)
    wizard.next_button.click()
    assert wizard.step == wizard_module.RECOVERY
    code = wizard.recovery_page.view.shown_code()
    wizard.next_button.click()
    assert wizard.step == wizard_module.CONFIRM
    return code


def test_wizard_creates_the_vault_and_its_recovery_code_unlocks(
        fresh_shell: Shell, empty_vault: Vault) -> None:
    wizard = the_wizard(fresh_shell)
    assert [b.text() for b in (wizard.cancel_button, wizard.back_button, wizard.next_button,
                               wizard.finish_button)] == ["Batal", "Kembali", "Lanjut",
                                                          "Selesai"]
    code = to_confirmation(wizard)
    wizard.back_button.click()
    wizard.back_button.click()
    wizard.next_button.click()
    assert wizard.recovery_page.view.shown_code() == code, "going back keeps the same code"
    wizard.next_button.click()
    type_groups(wizard, code, wrong_first=True)
    wizard.finish_button.click()
    assert fresh_shell.workspace is None
    assert empty_vault.state() is VaultState.EMPTY, "nothing written before confirmation"
    first = wizard.confirm_page.asked[0]
    assert wizard.confirm_page.errors[0].text().startswith(
        f"Belum cocok dengan kelompok ke-{first}.")
    assert wizard.confirm_page.errors[1].text() == ""
    type_groups(wizard, code)
    wizard.finish_button.click()
    workspace = open_workspace(fresh_shell)
    assert fresh_shell.setup_wizard is None
    assert (workspace.ctx.user.username, workspace.ctx.user.role) == (USERNAME, Role.KOORDINATOR)
    assert workspace.ctx.settings.institution.email == EMAIL
    assert workspace.current is PageName.BERANDA
    opens_with_password_and_code(fresh_shell, empty_vault, code)


def opens_with_password_and_code(shell: Shell, vault: Vault, code: str) -> None:
    shell.lock()
    unlock(shell, USERNAME, PASSWORD)
    assert open_workspace(shell).ctx.user.display_name == "Siti Rahma"
    shell.lock()
    with vault.unlock_with_recovery(code, USERNAME) as session:
        assert session.ctx.via_recovery
        assert session.office().institution.address == "Jl. Pemuda No. 1, Blora"


def test_inline_errors_keep_everything_typed(fresh_shell: Shell) -> None:
    wizard = the_wizard(fresh_shell)
    fill_institution(wizard, email="posko di kantor")
    wizard.next_button.click()
    form = wizard.institution_page.form
    assert wizard.step == wizard_module.INSTITUTION
    assert form.errors.text("institution.email") == "Alamat e-mail tidak sah."
    assert form.line("email").text() == "posko di kantor"
    assert form.line("phone").text() == "0296 531234"
    assert form.edits["address"].toPlainText() == "Jl. Pemuda No. 1, Blora"  # type: ignore[union-attr]
    form.line("email").setText(EMAIL)
    wizard.next_button.click()
    assert wizard.step == wizard_module.ACCOUNT
    assert not form.errors.has_errors()
    fill_account(wizard, password="pendek")
    wizard.next_button.click()
    page = wizard.account_page
    assert wizard.step == wizard_module.ACCOUNT
    assert "minimal 12 karakter" in page.errors.text("password")
    assert (page.username.text(), page.display_name.text(), page.password.text(),
            page.repeat.text()) == (USERNAME, "Siti Rahma", "pendek", "pendek")


def test_password_with_the_office_name_is_refused_although_long(fresh_shell: Shell) -> None:
    wizard = the_wizard(fresh_shell)
    fill_institution(wizard)
    wizard.next_button.click()
    fill_account(wizard, password="kopi pagi di pendopo blora")
    wizard.next_button.click()
    assert wizard.step == wizard_module.ACCOUNT
    assert "nama kantor atau daerah" in wizard.account_page.errors.text("password")
    fill_account(wizard, username="Siti Koord!")
    wizard.account_page.repeat.set_text(PASSWORD + " lain")
    wizard.next_button.click()
    assert wizard.account_page.mismatch.text() == "Kedua kata sandi belum sama."
    wizard.account_page.repeat.set_text(PASSWORD)
    wizard.next_button.click()
    assert "huruf kecil" in wizard.account_page.errors.text("username")
    assert wizard.account_page.username.text() == "Siti Koord!"


def test_bad_region_code_goes_back_to_the_institution_step(fresh_shell: Shell) -> None:
    wizard = the_wizard(fresh_shell)
    code = to_confirmation(wizard)
    type_groups(wizard, code)
    wizard.institution_page.form.line("region_code").setText("33 16")
    wizard.finish_button.click()
    assert fresh_shell.workspace is None
    assert wizard.step == wizard_module.INSTITUTION
    assert wizard.institution_page.form.errors.text("institution.region_code")
    assert wizard.institution_page.form.line("region_code").text() == "33 16"


def test_printing_goes_through_the_seam(fresh_shell: Shell,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    printed: list[tuple[str, str, PaperSize]] = []

    def fake_launch(parent: QWidget | None, code: str, institution: Institution,
                    paper: PaperSize) -> bool:
        printed.append((code, institution.name, paper))
        return True

    monkeypatch.setattr(RecoverySheet, "launch", staticmethod(fake_launch))
    wizard = the_wizard(fresh_shell)
    fill_institution(wizard)
    wizard.next_button.click()
    fill_account(wizard)
    wizard.next_button.click()
    view = wizard.recovery_page.view
    QTest.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    assert printed == [(view.shown_code(), "Komisi Pemilihan Umum Kabupaten Blora",
                        PaperSize.F4)]
    assert "dikirim ke printer" in view.print_status.text()


def test_the_sheet_carries_the_code() -> None:
    """The sheet's text, as the preview shows and prints it (previewing and printing it:
    tests/ui/test_printing_sheets.py)."""
    code = "000011-000022-000033-000044-000055-000066-000077-000088"
    pdf = RecoverySheet.pdf(code, Institution(name="KPU Kabupaten Blora"), PaperSize.A4,
                            date(2026, 3, 2))
    pdf_checks.assert_paper(pdf, PaperSize.A4)
    text = pdf_checks.text_of(pdf)
    for group in code.split("-"):
        assert group in text
    assert "KPU Kabupaten Blora" in text
    assert "2 Maret 2026" in text


def test_an_error_from_the_job_is_shown_and_nothing_is_lost(
        fresh_shell: Shell, empty_vault: Vault, shown_errors: list[str]) -> None:
    wizard = the_wizard(fresh_shell)
    code = to_confirmation(wizard)
    type_groups(wizard, code)
    other, _ = helpers.create_vault(helpers.new_vault(empty_vault.paths.root))
    other.close()  # someone set the vault up meanwhile (e.g. with posko-admin)
    wizard.finish_button.click()
    assert shown_errors == ["Di komputer ini sudah ada data posko."]
    assert fresh_shell.workspace is None
    assert wizard.finish_button.isEnabled()
    assert wizard.account_page.password.text() == PASSWORD


def test_cancel_asks_first(fresh_shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [False, True]
    monkeypatch.setattr(ConfirmDialog, "ask",
                        classmethod(lambda cls, *args, **kwargs: answers.pop(0)))
    wizard = the_wizard(fresh_shell)
    wizard.cancel_button.click()
    assert fresh_shell.isVisible()
    wizard.cancel_button.click()
    assert not fresh_shell.isVisible()


def test_with_the_db_thread_settings_say_saved_only_after_the_job(
        qtbot: QtBot, empty_vault: Vault) -> None:
    """The production runner: the vault is made in the DB thread, and later jobs find it."""
    window = Shell(empty_vault, idle_ms=60 * 60_000)
    qtbot.addWidget(window)
    wizard = the_wizard(window)
    code = to_confirmation(wizard)
    type_groups(wizard, code)
    QTest.keyClick(wizard.confirm_page.fields[1], Qt.Key.Key_Return)
    assert wizard.finish_button.text() == "Menyiapkan…"
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    workspace = open_workspace(window)
    workspace.show_page(PageName.PENGATURAN)
    page = workspace.page(PageName.PENGATURAN)
    assert isinstance(page, SettingsPage)
    qtbot.waitUntil(page.save_button.isEnabled, timeout=10_000)
    page.general.auto_lock.setValue(3)
    page.save_button.click()
    assert page.status.text() == "Menyimpan…"
    qtbot.waitUntil(lambda: page.status.text() == "Tersimpan.", timeout=10_000)
    assert workspace.ctx.settings.auto_lock_minutes == 3
    window.close()
