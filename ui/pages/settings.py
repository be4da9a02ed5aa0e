"""Pengaturan (koordinator): institution and letterhead, signatory and numbering, referral
directory, kecamatan, and the general options.

Settings are saved only with "Simpan" (one ``settings.update`` job: all changes or none), never
on lock. Unsaved edits stay in the widgets while the officer visits other pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.settings import OfficeSettings
from ui.context import UiContext
from ui.errors import field_errors, show_error
from ui.pages.base import Page
from ui.settings import jobs
from ui.settings.directory_section import DirectorySection
from ui.settings.general_section import GeneralSection
from ui.settings.institution_section import InstitutionSection
from ui.settings.kecamatan_section import KecamatanSection
from ui.settings.letters_section import LettersSection

_CTX = "SettingsPage"
FORM_WIDTH = 920


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class Section(Protocol):
    def load(self, settings: OfficeSettings) -> None: ...

    def values(self) -> dict[str, Any]: ...

    def clear_errors(self) -> None: ...

    def show_errors(self, errors: Mapping[str, str]) -> dict[str, str]: ...


class SettingsPage(Page):
    """One tab per section; "Simpan" sends every changed setting at once."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.saved: OfficeSettings | None = None
        self.institution = InstitutionSection(tr(
            "Data instansi untuk kop dan isi surat. Kode wilayah juga dipakai dalam nomor "
            "kasus dan nomor surat."), self)
        self.letters = LettersSection(self)
        self.directory = DirectorySection(self)
        self.kecamatan = KecamatanSection(self)
        self.general = GeneralSection(self)
        self.tabs = QTabWidget(self)
        self.sections: list[Section] = []
        self._add_tabs()
        self.save_button = QPushButton(tr("Simpan"), self)
        self.save_button.setProperty("role", "primary")
        self.revert_button = QPushButton(tr("Batalkan perubahan"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.revert_button.clicked.connect(self._on_revert_clicked)
        self.institution.form.region_code_changed.connect(self.letters.set_region_code)
        self._build()
        self._set_enabled(False)

    def _add_tabs(self) -> None:
        for section, title, scrolled in (
                (self.institution, tr("Instansi dan kop surat"), True),
                (self.letters, tr("Penanda tangan dan nomor"), True),
                (self.directory, tr("Direktori rujukan"), False),
                (self.kecamatan, tr("Kecamatan"), True),
                (self.general, tr("Lainnya"), True)):
            self.tabs.addTab(self._scrolled(section) if scrolled else section, title)
            self.sections.append(section)

    def _scrolled(self, section: QWidget) -> QScrollArea:
        section.setMaximumWidth(FORM_WIDTH)  # long lines of fields are hard to follow
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(section)
        return area

    def _build(self) -> None:
        title = QLabel(tr("Pengaturan"), self)
        title.setProperty("role", "title")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.addWidget(title)
        column.addWidget(self.tabs, 1)
        column.addLayout(buttons)

    # --- loading -----------------------------------------------------------------------

    def activate(self, **params: Any) -> None:
        """Loads once; later visits keep whatever is typed but not yet saved."""
        del params
        if self.saved is None:
            self.ctx.runner.run(jobs.load, self._on_loaded, self._on_load_failed)

    def _on_loaded(self, settings: OfficeSettings) -> None:
        self._show_settings(settings)
        self._set_enabled(True)

    def _on_load_failed(self, error: BaseException) -> None:
        show_error(self, error)

    def _show_settings(self, settings: OfficeSettings) -> None:
        self.saved = settings
        for section in self.sections:
            section.load(settings)

    def _on_revert_clicked(self) -> None:
        if self.saved is not None:
            self._show_settings(self.saved)
            self.status.setText(tr("Perubahan dibatalkan."))

    # --- saving ------------------------------------------------------------------------

    def changes(self) -> dict[str, Any]:
        """Every setting whose value on screen differs from the saved one."""
        assert self.saved is not None
        values: dict[str, Any] = {}
        for section in self.sections:
            values.update(section.values())
        return {name: value for name, value in values.items()
                if getattr(self.saved, name) != value}

    def _on_save_clicked(self) -> None:
        if self.saved is None:
            return
        self._clear_errors()
        changes = self.changes()
        if not changes:
            self.status.setText(tr("Tidak ada perubahan untuk disimpan."))
            return
        self.status.setText(tr("Menyimpan…"))
        self._set_enabled(False)
        self.ctx.runner.run(jobs.update(changes), self._on_saved, self._on_save_failed)

    def _on_saved(self, settings: OfficeSettings) -> None:
        self._show_settings(settings)
        self._set_enabled(True)
        self.ctx.navigator.settings_changed(settings)
        self.status.setText(tr("Tersimpan."))

    def _on_save_failed(self, error: BaseException) -> None:
        self._set_enabled(True)
        fields = field_errors(error)
        if not fields:
            self.status.clear()
            show_error(self, error)
            return
        self.status.setText("\n".join([tr("Belum tersimpan: perbaiki isian yang ditandai "
                                          "merah."), *self._show_fields(fields)]))

    def _show_fields(self, fields: Mapping[str, str]) -> list[str]:
        """Each message at its field; opens the first tab concerned. Returns the rest."""
        first: int | None = None
        for index, section in enumerate(self.sections):
            left = section.show_errors(fields)
            if len(left) < len(fields) and first is None:
                first = index
            fields = left
        if first is not None:
            self.tabs.setCurrentIndex(first)
        return list(fields.values())

    def _clear_errors(self) -> None:
        for section in self.sections:
            section.clear_errors()

    def _set_enabled(self, enabled: bool) -> None:
        self.save_button.setEnabled(enabled)
        self.revert_button.setEnabled(enabled)
