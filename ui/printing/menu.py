"""The "Cetak" menu of a case: its own documents, then each referral's letters and sheets."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from app.domain.deadlines import zone
from app.domain.enums import ReferralKind
from app.domain.models import Referral
from app.domain.settings import OfficeSettings
from app.services.documents import DocumentKind
from ui.case_detail.data import CaseView, recipient_names
from ui.case_detail.texts import day
from ui.printing.texts import kind_name, tr

K = DocumentKind
#: Letters: they get a number from the register (or from Subbag Umum/TU) when first printed.
LETTERS = frozenset({K.SURAT_RUJUKAN, K.SURAT_PENERUSAN})
CASE_DOCUMENTS = (K.FORMULIR_PENGADUAN, K.LEMBAR_PERSETUJUAN, K.SALINAN_KORBAN)
#: Entries followed by a question get "…", as menus do.
ASKS_FIRST = frozenset({K.SALINAN_KORBAN, *LETTERS})


@dataclass(frozen=True)
class DocumentRequest:
    """One menu entry: a document kind and the case id (case documents) or referral id."""

    kind: DocumentKind
    target_id: int


def letter_kind(referral: Referral) -> DocumentKind:
    if referral.referral.kind is ReferralKind.PENERUSAN:
        return K.SURAT_PENERUSAN
    return K.SURAT_RUJUKAN


class PrintMenu(QMenu):
    """Built afresh from the loaded case each time it opens."""

    def __init__(self, view: CaseView, settings: OfficeSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for kind in CASE_DOCUMENTS:
            self._entry(self, kind, view.case.id)
        self.addSeparator()
        names = recipient_names(settings)
        for referral in view.case.referrals:
            self._referral_menu(referral, names.get(referral.referral.recipient,
                                                    referral.referral.recipient), settings)
        if not view.case.referrals:
            waiting = self.addAction(tr("Surat rujukan tersedia setelah kasus dirujuk"))
            waiting.setEnabled(False)

    def _referral_menu(self, referral: Referral, recipient: str,
                       settings: OfficeSettings) -> None:
        when = day(referral.sent_at.astimezone(zone(settings.timezone)).date())
        title = (tr("Penerusan ke %1 (%2)") if referral.referral.kind is ReferralKind.PENERUSAN
                 else tr("Rujukan ke %1 (%2)")).replace("%1", recipient).replace("%2", when)
        submenu = self.addMenu(title)
        for kind in (letter_kind(referral), K.LAMPIRAN_PENGADUAN, K.LEMBAR_UMPAN_BALIK,
                     K.LEMBAR_SIMFONI):
            self._entry(submenu, kind, referral.id)

    @staticmethod
    def _entry(menu: QMenu, kind: DocumentKind, target_id: int) -> QAction:
        text = kind_name(kind) + ("…" if kind in ASKS_FIRST else "")
        action = menu.addAction(text)
        action.setData(DocumentRequest(kind, target_id))
        return action

    # --- the modal seam ------------------------------------------------------------------

    @staticmethod
    def choose(menu: QMenu, at: QPoint) -> QAction | None:
        """Show ``menu`` at ``at`` and return the chosen entry. Tests replace this."""
        return menu.exec(at)

    @classmethod
    def ask(cls, anchor: QWidget, view: CaseView,
            settings: OfficeSettings) -> DocumentRequest | None:
        """The document chosen from the menu opened under ``anchor`` (the Cetak button)."""
        menu = cls(view, settings, anchor)
        action = cls.choose(menu, anchor.mapToGlobal(QPoint(0, anchor.height())))
        request = action.data() if action is not None else None
        menu.deleteLater()
        return request if isinstance(request, DocumentRequest) else None
