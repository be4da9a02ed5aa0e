"""First start on a fresh PC: institution, first koordinator, recovery code — then the vault.

Nothing is written to disk before "Selesai": the recovery code is generated here
(:func:`app.keys.recovery.generate`), shown, optionally printed, and confirmed by typing two
of its groups back. Each "Lanjut" checks its step with the core's own rules, so a bad e-mail
or a weak password is shown under the field at once; if the final job still refuses
something, the wizard goes back to that step. Nothing typed is ever cleared by an error.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import validation
from app.domain.settings import OfficeSettings
from app.errors import AppError, AuthError, ErrorCode
from app.keys import recovery
from app.services.credentials import check_password, clean_username, office_words
from app.services.settings import validate as validate_settings
from ui.backend import Backend
from ui.backup.restore_dialog import RestoreDialog
from ui.errors import field_errors, message_for, show_error
from ui.i18n import QT_TRANSLATE_NOOP
from ui.jobs import Unlocked
from ui.settings.institution_section import InstitutionSection
from ui.setup.account_page import AccountPage
from ui.setup.confirm_dialog import ConfirmDialog
from ui.setup.confirm_page import ConfirmPage
from ui.setup.recovery_page import RecoveryPage
from ui.setup.restore_entry import RestoreEntry
from ui.widgets.password import PROBLEMS
from ui.workers import TaskRunner

_CTX = "SetupWizard"
INSTITUTION, ACCOUNT, RECOVERY, CONFIRM = range(4)
STEP_TITLES = (
    QT_TRANSLATE_NOOP(_CTX, "Instansi dan kop surat"),
    QT_TRANSLATE_NOOP(_CTX, "Koordinator pertama"),
    QT_TRANSLATE_NOOP(_CTX, "Kode pemulihan"),
    QT_TRANSLATE_NOOP(_CTX, "Konfirmasi kode pemulihan"),
)
MAX_WIDTH = 860


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


@dataclass(frozen=True)
class Account:
    username: str
    display_name: str
    password: str = field(repr=False)


def create_vault(account: Account, settings: OfficeSettings,
                 code: str) -> Callable[[Backend], Unlocked]:
    """The one job that writes anything: vault, first koordinator, settings, recovery slot."""

    def job(backend: Backend) -> Unlocked:
        backend.lock("relock")
        session, _ = backend.vault.create(
            username=account.username, display_name=account.display_name,
            password=account.password, settings=settings, recovery_code=code)
        backend.session = session
        return Unlocked(session.user, session.office(), False)

    return job


def weak_password_text(error: AuthError) -> str:
    """The password rules the core found broken, in the strength meter's words."""
    found = error.params.get("problems")
    if not isinstance(found, list) or not found:
        return message_for(error)
    missing = "; ".join(QCoreApplication.translate("PasswordMeter", PROBLEMS.get(code, ""))
                        or str(code) for code in found)
    return tr("Kata sandi belum memenuhi syarat: %1").replace("%1", missing)


class SetupWizard(QWidget):
    """Four calm steps; emits ``completed(ui.jobs.Unlocked)`` once the vault exists."""

    completed = Signal(object)
    #: "Pulihkan dari cadangan" on a fresh PC: an opened backup and who opened it.
    restore_requested = Signal(object, object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.code: str | None = None
        self.institution_page = InstitutionSection(tr(
            "Data ini tercetak pada kop dan isi surat rujukan. Isian awal berisi contoh untuk "
            "KPU Kabupaten Blora; ubah bila perlu. Semua dapat diubah lagi di Pengaturan."),
            self)
        self.institution_page.load(OfficeSettings())
        self.account_page = AccountPage(self)
        self.recovery_page = RecoveryPage(self)
        self.confirm_page = ConfirmPage(self)
        self.restore_entry = RestoreEntry(self)
        self.restore_entry.restore_clicked.connect(self._on_restore_clicked)
        self.pages = QStackedWidget(self)
        for page in (self.institution_page, self.account_page, self.recovery_page,
                     self.confirm_page):
            self.pages.addWidget(self._scrolled(page))
        self.step_label = QLabel(self)
        self.step_label.setProperty("role", "subtitle")
        self.status = QLabel(self)
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)
        self._make_buttons()
        self._build()
        for edit in self.pages.findChildren(QLineEdit):
            edit.returnPressed.connect(self._on_return_pressed)
        self._go(INSTITUTION)

    # --- construction ------------------------------------------------------------------

    def _scrolled(self, page: QWidget) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(page)
        return area

    def _make_buttons(self) -> None:
        self.cancel_button = QPushButton(tr("Batal"), self)
        self.back_button = QPushButton(tr("Kembali"), self)
        self.next_button = QPushButton(tr("Lanjut"), self)
        self.finish_button = QPushButton(tr("Selesai"), self)
        for button in (self.next_button, self.finish_button):
            button.setProperty("role", "primary")
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.back_button.clicked.connect(self._on_back_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.finish_button.clicked.connect(self._on_finish_clicked)

    def _build(self) -> None:
        title = QLabel(tr("Selamat datang di Posko PPKS"), self)
        title.setProperty("role", "title")
        intro = QLabel(tr("Penyiapan awal dilakukan sekali di komputer ini: data instansi, "
                          "akun koordinator pertama, dan kode pemulihan."), self)
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.finish_button):
            buttons.addWidget(button)
        body = QWidget(self)
        body.setMaximumWidth(MAX_WIDTH)
        column = QVBoxLayout(body)
        for widget in (title, intro, self.restore_entry, self.step_label):
            column.addWidget(widget)
        column.addWidget(self.pages, 1)
        column.addWidget(self.status)
        column.addLayout(buttons)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(body, 4)
        outer.addStretch(1)

    # --- navigation --------------------------------------------------------------------

    @property
    def step(self) -> int:
        return self.pages.currentIndex()

    def _go(self, step: int) -> None:
        self.pages.setCurrentIndex(step)
        self.step_label.setText(tr("Langkah %1 dari %2: %3").replace("%1", str(step + 1))
                                .replace("%2", str(len(STEP_TITLES)))
                                .replace("%3", tr(STEP_TITLES[step])))
        self.back_button.setEnabled(step > INSTITUTION)
        self.restore_entry.setVisible(step == INSTITUTION)
        self.next_button.setVisible(step < CONFIRM)
        self.finish_button.setVisible(step == CONFIRM)
        self._first_field(step).setFocus()

    def _first_field(self, step: int) -> QWidget:
        return (self.institution_page.form.line("name"), self.account_page.username,
                self.recovery_page.view.print_button, self.confirm_page.fields[0])[step]

    def _on_return_pressed(self) -> None:
        """Enter in a field moves on, as "Lanjut" (or "Selesai" on the last step) would."""
        (self._on_finish_clicked if self.step == CONFIRM else self._on_next_clicked)()

    def _on_back_clicked(self) -> None:
        self.status.clear()
        self._go(max(INSTITUTION, self.step - 1))

    def _on_next_clicked(self) -> None:
        if not self._check(self.step):
            return
        if self.step == INSTITUTION:
            self.account_page.office_words = office_words(self._settings().institution)
        if self.step == ACCOUNT:
            self._prepare_code()
        self._go(self.step + 1)

    def _prepare_code(self) -> None:
        """Made once, when first needed; going back and forth keeps the same code."""
        settings = self._settings()
        if self.code is None:
            self.code = recovery.generate()
            self.recovery_page.view.set_code(self.code, settings.institution,
                                             settings.paper_size)
            self.confirm_page.set_code(self.code)
        else:  # the sheet prints the institution as now entered
            self.recovery_page.view.institution = settings.institution

    def _on_cancel_clicked(self) -> None:
        if ConfirmDialog.ask(self, tr("Batalkan penyiapan?"), tr(
                "Isian penyiapan belum disimpan dan akan hilang. Aplikasi ditutup; penyiapan "
                "dapat diulang saat aplikasi dibuka lagi."), tr("Ya, tutup aplikasi"),
                danger=True):
            self.window().close()

    def _on_restore_clicked(self) -> None:
        """A fresh PC with a backup: nothing typed here is needed (the backup has it all)."""
        chosen = RestoreDialog.ask(self, self.runner, fresh=True)
        if chosen is not None:
            self.restore_requested.emit(chosen.opened, chosen.restorer)

    # --- checks ------------------------------------------------------------------------

    def _settings(self) -> OfficeSettings:
        return OfficeSettings(**self.institution_page.values())

    def _account(self) -> Account:
        page = self.account_page
        return Account(page.username.text(), page.display_name.text(), page.password.text())

    def _check(self, step: int) -> bool:
        """The step's values pass the core's rules; if not, the reasons are shown inline."""
        self._clear_errors()
        if step == CONFIRM:
            return self.confirm_page.check()
        if step == ACCOUNT and not self.account_page.check_repeat():
            return False
        try:
            if step == INSTITUTION:
                validate_settings(self._settings())
            elif step == ACCOUNT:
                self._check_account(self._account())
        except AppError as error:
            self._show_failure(error)
            return False
        return True

    def _check_account(self, account: Account) -> None:
        username = clean_username(account.username)
        validation.clean_single(account.display_name, "display_name")
        check_password(account.password, username, self._settings().institution)

    def _clear_errors(self) -> None:
        self.status.clear()
        self.institution_page.clear_errors()
        self.account_page.errors.clear()

    def _show_failure(self, error: BaseException) -> None:
        """Inline under the field, on the step it belongs to; otherwise a message box."""
        fields = (
            {"password": weak_password_text(error)}
            if isinstance(error, AuthError) and error.code is ErrorCode.WEAK_PASSWORD
            else field_errors(error))
        if not fields:
            show_error(self, error)
            return
        first = self._show_fields(fields)
        if first is not None:
            self._go(first)

    def _show_fields(self, fields: Mapping[str, str]) -> int | None:
        """Show each message on its step; the first step that has one, or ``None``."""
        first: int | None = None
        handlers = ((INSTITUTION, self.institution_page.show_errors),
                    (ACCOUNT, self.account_page.errors.show))
        for step, show in handlers:
            left = show(fields)
            if len(left) < len(fields) and first is None:
                first = step
            fields = left
        if fields:
            self.status.setText("\n".join(fields.values()))
        return first

    # --- finishing ---------------------------------------------------------------------

    def _on_finish_clicked(self) -> None:
        for step in (INSTITUTION, ACCOUNT, CONFIRM):
            if not self._check(step):
                self._go(step)
                return
        assert self.code is not None
        self._set_busy(True)
        self.runner.run(create_vault(self._account(), self._settings(), self.code),
                        self._on_created, self._on_create_failed)

    def _on_created(self, result: object) -> None:
        self._set_busy(False)
        self.account_page.clear_passwords()
        self.completed.emit(result)

    def _on_create_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._show_failure(error)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.cancel_button, self.back_button, self.finish_button):
            button.setEnabled(not busy)
        self.pages.setEnabled(not busy)
        self.finish_button.setText(tr("Menyiapkan…") if busy else tr("Selesai"))
        self.status.setText(tr("Data posko sedang dienkripsi dan disimpan. Tunggu sebentar…")
                            if busy else "")
