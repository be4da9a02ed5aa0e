"""The office's identity for letterheads and case codes (setup wizard step 1 and Pengaturan)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.domain.settings import Institution
from ui.i18n import QT_TRANSLATE_NOOP
from ui.settings.form_errors import ErrorLabel, FormErrors, with_error

_CTX = "InstitutionForm"
#: (Institution attribute, label, placeholder). Optional fields say so in their label.
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", QT_TRANSLATE_NOOP(_CTX, "Nama instansi"),
     "Komisi Pemilihan Umum Kabupaten Blora"),
    ("parent_name", QT_TRANSLATE_NOOP(_CTX, "Nama induk instansi"), "Komisi Pemilihan Umum"),
    ("region_code", QT_TRANSLATE_NOOP(_CTX, "Kode wilayah"), "3316"),
    ("region_name", QT_TRANSLATE_NOOP(_CTX, "Nama wilayah"), "Kabupaten Blora"),
    ("province", QT_TRANSLATE_NOOP(_CTX, "Provinsi"), "Jawa Tengah"),
    ("city", QT_TRANSLATE_NOOP(_CTX, "Kota pada tanggal surat"), "Blora"),
    ("address", QT_TRANSLATE_NOOP(_CTX, "Alamat kantor (boleh kosong)"),
     "Jl. … No. …, Blora"),
    ("phone", QT_TRANSLATE_NOOP(_CTX, "Telepon (boleh kosong)"), "0296 …"),
    ("email", QT_TRANSLATE_NOOP(_CTX, "E-mail (boleh kosong)"), "posko@…go.id"),
    ("posko_name", QT_TRANSLATE_NOOP(_CTX, "Nama posko"), "Posko Pengaduan Kekerasan Seksual"),
    ("dpo_contact", QT_TRANSLATE_NOOP(_CTX, "Kontak pejabat PDP (boleh kosong)"),
     "nama / telepon pejabat pelindungan data pribadi"),
)
OPTIONAL = frozenset({"address", "phone", "email", "dpo_contact"})
HINTS = {
    "region_code": QT_TRANSLATE_NOOP(
        _CTX, "Dipakai dalam nomor kasus dan surat. Huruf, angka, titik, garis miring atau "
        "tanda hubung, tanpa spasi."),
    "city": QT_TRANSLATE_NOOP(_CTX, "Ditulis sebelum tanggal surat, misalnya \"Blora, 14 "
                                    "Agustus 2025\"."),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class InstitutionForm(QWidget):
    """One labelled field per :class:`Institution` attribute, each with its error line."""

    region_code_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FormErrors()
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for name, label, placeholder in FIELDS:
            edit = self._edit(name, placeholder)
            self.edits[name] = edit
            form.addRow(tr(label), with_error(self._with_hint(name, edit),
                                              self.errors.add(f"institution.{name}",
                                                              ErrorLabel(self)), self))
        self.line("region_code").textChanged.connect(self.region_code_changed)

    def _edit(self, name: str, placeholder: str) -> QLineEdit | QPlainTextEdit:
        if name == "address":
            address = QPlainTextEdit(self)
            address.setTabChangesFocus(True)
            address.setPlaceholderText(placeholder)
            address.setFixedHeight(64)
            return address
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setObjectName(name)
        return edit

    def _with_hint(self, name: str, edit: QWidget) -> QWidget:
        if name not in HINTS:
            return edit
        hint = QLabel(tr(HINTS[name]), self)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        return with_error(edit, hint, self)

    def line(self, name: str) -> QLineEdit:
        edit = self.edits[name]
        assert isinstance(edit, QLineEdit)
        return edit

    def set_institution(self, institution: Institution) -> None:
        for name, edit in self.edits.items():
            value = getattr(institution, name) or ""
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(value)
            else:
                edit.setText(value)

    def institution(self) -> Institution:
        """As typed; an empty optional field is ``None`` (the core checks the rest)."""
        values: dict[str, str | None] = {}
        for name, edit in self.edits.items():
            text = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
            values[name] = None if name in OPTIONAL and not text.strip() else text
        return Institution(**values)  # type: ignore[arg-type]

    def region_code(self) -> str:
        return self.line("region_code").text().strip()

