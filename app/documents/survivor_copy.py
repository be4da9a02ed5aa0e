"""Salinan untuk Korban: what the survivor may take home (DOCUMENTS.md §7, DOMAIN.md §3.3).

UU TPKS Pasal 68 huruf b gives the victim the documents resulting from the handling of her
case. This sheet says what was done, where the case went and for what, the consent she gave,
how to reach the posko, and her rights in plain words. It must not endanger her if the
perpetrator finds it: no terlapor name, no chronology, no NIK, no address or phone, no free
text an officer typed (notes may name people) — and her own name only as initials.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.documents import dates
from app.documents import form_facts as f
from app.documents.context import CaseDocument
from app.documents.form_blocks import fields, header, para, printed_note, section, splittable
from app.documents.page import DocSpec, body_width, build_pdf
from app.documents.tables import GRID, Cell, table
from app.documents.text import markup
from app.domain import taxonomy
from app.domain.labels import label
from app.domain.models import Referral

TITLE = "Salinan untuk Korban"
#: Versioned plain-language wording (printed small); the office may revise it.
TEXT_VERSION = "salinan-korban-2026.1"
SAFETY = ("Lembar ini milik Anda. Simpan di tempat yang aman. Lembar ini sengaja tidak memuat "
          "nama lengkap Anda, nama terlapor, maupun kronologi kejadian.")
#: UU TPKS Pasal 66–70 in plain words (DOMAIN.md §3.3).
RIGHTS = (
    ("Informasi", "Anda berhak mengetahui seluruh proses penanganan kasus Anda dan hasilnya "
                  "(Pasal 68 huruf a)."),
    ("Dokumen", "Anda berhak menerima dokumen hasil penanganan, seperti lembar ini "
                "(Pasal 68 huruf b)."),
    ("Layanan", "Anda berhak atas layanan hukum, penguatan psikologis, dan pelayanan kesehatan, "
                "termasuk penghapusan konten seksual di media elektronik (Pasal 68); "
                "penyandang disabilitas berhak atas aksesibilitas dan akomodasi yang layak "
                "(Pasal 66)."),
    ("Pelindungan dan kerahasiaan", "Anda berhak dilindungi dari ancaman atau kekerasan "
                                    "pelaku, dari kekerasan yang berulang, dan dari perlakuan "
                                    "aparat yang merendahkan; identitas Anda wajib dirahasiakan "
                                    "(Pasal 69)."),
    ("Pekerjaan", "Anda dilindungi dari kehilangan pekerjaan, mutasi, pendidikan, atau akses "
                  "politik karena kasus ini — termasuk bila Anda pegawai KPU atau petugas badan "
                  "ad hoc (PPK, PPS, KPPS, Pantarlih) (Pasal 69 huruf f)."),
    ("Pemulihan", "Anda berhak atas pemulihan: rehabilitasi medis, mental dan sosial, "
                  "pemberdayaan, restitusi atau kompensasi, dan reintegrasi sosial (Pasal 70)."),
)


def _case_rows(doc: CaseDocument) -> list[tuple[str, Cell]]:
    victim = doc.case.intake.victim
    # Initials only (mask_name): the full name would endanger her if someone finds the sheet.
    return [("Nama (inisial)", taxonomy.mask_name(victim.full_name)),
            ("Tanggal pengaduan diterima", dates.tanggal_hari(f.received_on(doc))),
            ("Petugas yang menerima", f.receiving_officer(doc)),
            ("Keadaan saat ini", label(doc.case.status))]


def _referral_row(doc: CaseDocument, referral: Referral) -> list[Cell]:
    services = referral.referral.services
    answer = ("Belum ada jawaban" if referral.feedback_at is None else
              f"{dates.tanggal(f.local_date(doc, referral.feedback_at))}: "
              f"{f.coded(referral.outcome)}")
    return [dates.tanggal(f.local_date(doc, referral.sent_at)),
            f.recipient_name(doc, referral.referral.recipient),
            f.coded_list(services, label(referral.referral.kind)), answer]


def _referrals(doc: CaseDocument, width: float) -> Flowable:
    referrals = doc.case.referrals
    if not referrals:
        return para("Kasus Anda belum dirujuk ke lembaga lain.")
    rows: list[list[Cell]] = [["Tanggal", "Dirujuk ke", "Untuk layanan", "Jawaban penerima"]]
    rows += [_referral_row(doc, referral) for referral in referrals]
    widths = [width * 0.17, width * 0.35, width * 0.26, width * 0.22]
    return splittable(table(rows, widths, GRID, header=True, repeat_header=True), width)


def _consents(doc: CaseDocument, width: float) -> Flowable:
    """Purpose, recipient, decision and the kinds of data — never a guardian's name or a
    reason an officer wrote (either may name someone)."""
    records = f.latest_consents(doc)
    if not records:
        return para("Belum ada persetujuan yang dicatat.")
    rows: list[tuple[str, Cell]] = []
    for record in records:
        value = f"{f.consent_state(doc, record)}."
        if record.consent.recipient is not None:
            value += f" Data yang dibagikan: {f.items_text(f.shared_items(record))}."
        rows.append((f.consent_scope(doc, record), value))
    return fields(rows, width, 0.45)


def _contact(doc: CaseDocument, width: float) -> Flowable:
    institution = doc.office.institution
    reach = " · ".join(part for part in (institution.phone, institution.email) if part)
    return fields([("Posko", f"{institution.posko_name}, {institution.name}"),
                   ("Alamat", f.text(institution.address)),
                   ("Telepon / surel", reach or f.UNKNOWN)], width)


def _rights() -> list[Flowable]:
    return [para(f"<b>{markup(name)}.</b> {markup(text)}") for name, text in RIGHTS]


def story(doc: CaseDocument) -> list[Flowable]:
    width = body_width(doc.paper)
    return [*header(doc, TITLE.upper(), "Dokumen hasil penanganan (UU TPKS Pasal 68 huruf b)"),
            para(f"<b>{markup(SAFETY)}</b>"),
            *section("A. Pengaduan Anda"), fields(_case_rows(doc), width),
            *section("B. Rujukan"), _referrals(doc, width),
            *section("C. Persetujuan yang Anda berikan"), _consents(doc, width),
            para("Anda boleh mencabut persetujuan kapan saja dengan menghubungi posko."),
            *section("D. Menghubungi posko"), _contact(doc, width),
            *section("E. Hak Anda sebagai korban (UU No. 12 Tahun 2022, Pasal 66–70)"),
            *_rights(), Spacer(1, 2 * mm), printed_note(doc, TEXT_VERSION)]


def render(doc: CaseDocument) -> bytes:
    spec = DocSpec(title=f"{TITLE} {doc.case.code}", paper=doc.paper, confidential=True,
                   invariant=doc.invariant)
    return build_pdf(spec, story(doc))
