"""Reading generated PDFs back in tests (pypdf): text, page sizes, fonts, page count."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from pypdf import PdfReader

from app.documents.page import PAGE_SIZES
from app.domain.enums import PaperSize


def reader(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-"), "not a PDF"
    return PdfReader(io.BytesIO(pdf))


def text_of(pdf: bytes) -> str:
    """All pages' text, with runs of whitespace collapsed to single spaces."""
    pages = [page.extract_text() or "" for page in reader(pdf).pages]
    return " ".join(" ".join(pages).split())


def page_texts(pdf: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in reader(pdf).pages]


def page_count(pdf: bytes) -> int:
    return len(reader(pdf).pages)


def assert_paper(pdf: bytes, paper: PaperSize) -> None:
    """Every page exactly A4 or F4 (to a hundredth of a point)."""
    width, height = PAGE_SIZES[paper]
    for page in reader(pdf).pages:
        box = page.mediabox
        assert abs(float(box.width) - width) < 0.01 and abs(float(box.height) - height) < 0.01


def _fonts(pdf: bytes) -> Iterator[dict[str, Any]]:
    for page in reader(pdf).pages:
        resources: Any = page.get("/Resources")
        fonts: Any = resources.get_object().get("/Font") if resources is not None else None
        for ref in (fonts.get_object().values() if fonts is not None else ()):
            yield ref.get_object()


def font_names(pdf: bytes) -> set[str]:
    return {str(font.get("/BaseFont")) for font in _fonts(pdf)}


def assert_fonts_embedded(pdf: bytes) -> None:
    """Every font of every page carries its own font program; no Helvetica leaked in."""
    seen = 0
    for font in _fonts(pdf):
        seen += 1
        name = str(font.get("/BaseFont"))
        assert "Helvetica" not in name, f"non-embedded base font {name}"
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:  # a composite font keeps its descriptor in the descendant
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        descriptor = descriptor.get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name
    assert seen, "no fonts at all"


def assert_no_metadata_leak(pdf: bytes, *secrets: str) -> None:
    """The document info (title, subject…) holds none of the given texts."""
    info: dict[str, Any] = dict(reader(pdf).metadata or {})
    joined = " ".join(str(value) for value in info.values())
    for secret in secrets:
        assert secret not in joined
