"""Lembar Kode Pemulihan: the recovery code on paper, for a sealed envelope in the safe."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.documents import dates, fonts, styles
from app.documents.page import DocSpec, body_width, build_pdf
from app.documents.tables import Cell, table
from app.documents.text import markup
from app.domain.enums import PaperSize
from app.domain.settings import Institution

STEPS = (
    "Masukkan lembar ini ke amplop, tutup, dan bubuhkan paraf di atas segelnya.",
    "Serahkan kepada kepala kantor untuk disimpan di brankas.",
    "Amplop dipegang orang lain, bukan petugas admin yang memakai aplikasi setiap hari.",
    "Bila kode pernah dipakai atau diganti, buat kode baru dan musnahkan lembar ini.",
)


def _code_table(code: str, width: float) -> Table:
    groups = code.split("-")
    label: list[Cell] = [Paragraph(f"kelompok ke-{i}", styles.SMALL)
                         for i in range(1, len(groups) + 1)]
    value: list[Cell] = [Paragraph(f"<font name='{fonts.BOLD}' size='16'>{g}</font>", styles.CENTER)
             for g in groups]
    rows: list[list[Cell]] = [label[:4], value[:4], label[4:], value[4:]]
    return table(rows, [width / 4] * 4, [("BOX", (0, 0), (-1, -1), 1, "black"),
                                         ("ALIGN", (0, 0), (-1, -1), "CENTER")])


def story(code: str, institution: Institution, made_on: date, width: float) -> list[Flowable]:
    steps = "<br/>".join(f"{n}. {markup(step)}" for n, step in enumerate(STEPS, 1))
    return [
        Paragraph("LEMBAR KODE PEMULIHAN", styles.TITLE),
        Paragraph(markup(f"{institution.posko_name} — {institution.name}"), styles.SUBTITLE),
        Paragraph(markup(f"Dibuat pada {dates.tanggal(made_on)}."), styles.PLAIN),
        Spacer(1, 6 * mm), _code_table(code, width), Spacer(1, 6 * mm),
        Paragraph(markup("Kode ini membuka seluruh data posko bila semua kata sandi koordinator "
                         "hilang. Jangan difoto, disalin ke komputer, atau dikirim lewat "
                         "WhatsApp/e-mail."), styles.BODY),
        Paragraph("<b>Cara menyimpan:</b><br/>" + steps, styles.BODY),
        Spacer(1, 12 * mm),
        Paragraph("Disegel oleh: ............................  Paraf: ..........  "
                  "Tanggal: ..........", styles.PLAIN),
    ]


def render(code: str, institution: Institution, made_on: date, paper: PaperSize,
           invariant: bool = False) -> bytes:
    spec = DocSpec(title="Lembar Kode Pemulihan", paper=paper, confidential=True,
                   invariant=invariant)
    return build_pdf(spec, story(code, institution, made_on, body_width(paper)))
