""""Simpan PDF": exactly one file, at the chosen path, AES-256 encrypted (R6) with the password
shown to the officer, and audited; nothing else is written anywhere."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PasswordType, PdfReader
from pytestqt.qtbot import QtBot

from app.documents.export import MIN_PASSWORD
from app.services.documents import DocumentKind
from tests import pdf_checks
from tests.ui.printing_support import (
    MenuPicker,
    Previews,
    actions,
    empty_temp_and_home,
    listing,
)
from tests.ui.test_case_detail_support import detail_shell, new_case, open_case, prepare, vault_of
from ui.printing.export import SavePath
from ui.printing.password_dialog import ExportPasswordDialog
from ui.printing.preview_dialog import PreviewDialog
from ui.shell import Shell


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    yield from detail_shell(qtbot, tmp_path)


class SaveAnswers:
    """The save dialog answers ``path``; the password dialog accepts what it shows."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, path: Path | None) -> None:
        self.path = path
        self.proposed: list[str] = []
        self.shown: list[str] = []
        monkeypatch.setattr(SavePath, "ask", staticmethod(self._path))
        monkeypatch.setattr(ExportPasswordDialog, "launch", staticmethod(self._password))

    def _path(self, parent: object, proposed: str) -> str | None:
        del parent
        self.proposed.append(proposed)
        return None if self.path is None else str(self.path)

    def _password(self, dialog: ExportPasswordDialog) -> bool:
        self.shown.append(dialog.password_edit.text())
        dialog.save_button.click()
        return dialog.result() == dialog.DialogCode.Accepted


def check_encrypted(saved: bytes, password: str, original: bytes) -> None:
    """AES-256 (R6); opens with the password shown, not without; the same pages inside."""
    assert len(password) >= MIN_PASSWORD
    reader = PdfReader(io.BytesIO(saved))
    assert reader.is_encrypted
    handler: Any = reader.trailer["/Encrypt"]
    assert handler.get_object()["/R"] == 6  # AES-256, the PDF 2.0 handler
    assert reader.decrypt("bukan kata sandinya") is PasswordType.NOT_DECRYPTED
    reader = PdfReader(io.BytesIO(saved))
    assert reader.decrypt(password) is not PasswordType.NOT_DECRYPTED
    assert len(reader.pages) == pdf_checks.page_count(original)
    assert ((reader.pages[0].extract_text() or "").split()
            == (pdf_checks.reader(original).pages[0].extract_text() or "").split())


def consent_preview(shell: Shell, monkeypatch: pytest.MonkeyPatch) -> PreviewDialog:
    page = open_case(shell, prepare(shell, new_case))
    previews = Previews(monkeypatch)
    MenuPicker(monkeypatch).pick(page, "Lembar Persetujuan")
    return previews.last()


def test_simpan_pdf_writes_one_encrypted_file_and_audits_it(
        shell: Shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = consent_preview(shell, monkeypatch)
    rendered = dialog.rendered
    assert rendered is not None and rendered.kind is DocumentKind.LEMBAR_PERSETUJUAN
    temp, home = empty_temp_and_home(tmp_path, monkeypatch)
    chosen = tmp_path / "keluar"
    chosen.mkdir()
    watched = (temp, home, vault_of(shell).paths.root, chosen)
    before = [listing(folder) for folder in watched]
    answers = SaveAnswers(monkeypatch, chosen / "persetujuan")  # ".pdf" is added
    dialog.save_button.click()
    proposed = Path(answers.proposed[0])
    assert (proposed.parent.name, proposed.name) == ("Documents", f"{rendered.file_stem}.pdf")
    after = [listing(folder) for folder in watched]
    assert after[:3] == before[:3]
    assert after[3] == {"persetujuan.pdf"}
    check_encrypted((chosen / "persetujuan.pdf").read_bytes(), answers.shown[0], rendered.pdf)
    session = prepare(shell, lambda s: s)
    assert actions(session, rendered.case_code or "")[-1] == "document.export"
    assert "Berikan kata sandinya secara terpisah" in dialog.status.text()


def test_cancelling_writes_and_records_nothing_and_a_failed_write_is_told(
        shell: Shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = consent_preview(shell, monkeypatch)
    answers = SaveAnswers(monkeypatch, None)
    dialog.save_button.click()
    assert answers.proposed and not answers.shown
    session = prepare(shell, lambda s: s)
    code = (dialog.rendered.case_code if dialog.rendered is not None else "") or ""
    assert "document.export" not in actions(session, code)
    answers.path = tmp_path / "tidak-ada" / "persetujuan.pdf"  # a folder that is gone
    dialog.save_button.click()
    assert dialog.status.text().startswith("Berkas tidak dapat disimpan di tempat itu.")
    assert not answers.path.parent.exists()
    assert actions(session, code)[-1] == "document.export"  # the attempt stays on record


def test_the_password_can_be_changed_but_not_shortened(qtbot: QtBot) -> None:
    dialog = ExportPasswordDialog("abcde-fghjk-mnpqr-stuvw", "surat.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "surat.pdf" in dialog.intro.text()
    dialog.new_button.click()
    proposed = dialog.password()
    assert proposed != "abcde-fghjk-mnpqr-stuvw" and len(proposed) == 23
    dialog.password_edit.setText("terlalu-pdk")  # 11 characters
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.error_label.text() == "Kata sandi minimal 12 karakter."
    dialog.password_edit.setText("  kata sandi kantor  ")
    dialog.save_button.click()
    assert not dialog.isVisible() and dialog.password() == "kata sandi kantor"
