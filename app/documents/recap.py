"""Rekap Statistik (placeholder layout until the real one lands)."""

from __future__ import annotations

from datetime import datetime

from reportlab.platypus import Paragraph

from app.documents import styles
from app.documents.page import DocSpec, build_pdf
from app.domain.settings import OfficeSettings
from app.domain.statistics import Recap


def render(recap: Recap, office: OfficeSettings, printed_at: datetime,
           invariant: bool = False) -> bytes:
    del printed_at
    spec = DocSpec(title="Rekap Statistik", paper=office.paper_size, confidential=False,
                   invariant=invariant)
    return build_pdf(spec, [Paragraph("REKAP STATISTIK", styles.TITLE),
                            Paragraph(recap.total.shown, styles.SUBTITLE)])
