"""Hapus atas permintaan subjek: erasure of one case at the data subject's request (UU PDP).

The same path as a destruction at the end of retention, at any time, with the written reason
(which goes on the berita acara). Irreversible, so the button waits for the typed word HAPUS.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.services.retention import DestroyedCase
from ui.case_detail.dialogs.base import ActionDialog
from ui.case_detail.jobs import Job
from ui.data_protection import jobs
from ui.data_protection.dialogs import TypedWord
from ui.data_protection.texts import ERASE_WORD
from ui.workers import TaskRunner


class EraseDialog(ActionDialog):
    def __init__(self, runner: TaskRunner, case_id: int, code: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Hapus data atas permintaan subjek — %1")
                         .replace("%1", code), parent, save_text=self.tr("Hapus permanen"))
        self._case_id = case_id
        #: What remains of the case once erased (for the berita acara).
        self.erased: DestroyedCase | None = None
        self.save_button.setProperty("role", "danger")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)  # Enter never erases anything
        explanation = QLabel(self._explanation(code), self)
        explanation.setWordWrap(True)
        self.form.addRow(explanation)
        self.reason = self.note_edit(self)
        self.add_field(self.tr("Alasan / dasar permintaan"), self.reason, "reason")
        self.typed = TypedWord(ERASE_WORD, self)
        self.form.addRow(self.typed)
        self.typed.matched_changed.connect(self.save_button.setEnabled)
        self.save_button.setEnabled(False)
        self.finish_layout()
        self.resize(540, self.sizeHint().height())

    def _explanation(self, code: str) -> str:
        return self.tr(
            "Seluruh data kasus %1 — identitas korban, pelapor dan terlapor, kejadian, catatan, "
            "persetujuan, rujukan dan lampiran — dihapus dari komputer ini dan TIDAK DAPAT "
            "dikembalikan. Yang tersisa hanya kode kasus, tanggal, alasan dan nama petugas yang "
            "menghapus, untuk berita acara. Cadangan yang dibuat sebelumnya masih memuat data "
            "ini sampai cadangan itu juga dimusnahkan.").replace("%1", code)

    def build_job(self) -> Job | None:
        if not self.typed.matched():
            return None
        return jobs.erase(self._case_id, self.reason.toPlainText().strip())

    def saved(self, result: object) -> None:
        self.erased = result if isinstance(result, DestroyedCase) else None
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget, runner: TaskRunner, case_id: int,
            code: str) -> DestroyedCase | None:
        """What remains of the erased case, or ``None`` when nothing was erased."""
        dialog = cls(runner, case_id, code, parent)
        return dialog.erased if cls.launch(dialog) else None
