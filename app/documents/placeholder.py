"""A plain one-page document, until each real layout lands (kept for the UI to build on)."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from app.documents import styles
from app.documents.context import CaseDocument
from app.documents.page import DocSpec, build_pdf
from app.documents.text import markup


def render(title: str, doc: CaseDocument) -> bytes:
    spec = DocSpec(title=f"{title} {doc.case.code}", paper=doc.paper, invariant=doc.invariant)
    return build_pdf(spec, [Paragraph(markup(title), styles.TITLE),
                            Paragraph(markup(doc.case.code), styles.SUBTITLE)])
