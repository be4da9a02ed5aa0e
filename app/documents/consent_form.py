"""Lembar Persetujuan: informed consent per purpose, recipient and data item (DOCUMENTS.md §5).

Printed for signing (so the client's name appears) or thumb-printing: who the data is about,
the posko that holds it, exactly which items go to which recipient and why, until when, how to
revoke, the right to a copy, that signing is not a condition of service, and a line that it
was read back in plain language. A child's form carries the guardian section (UU PDP — article
to confirm with the office); a koordinator override carries its reason and approver. With no
decision recorded yet, every purpose and every active directory recipient prints with empty
tick boxes, to be filled in by hand.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.documents import dates
from app.documents import form_facts as f
from app.documents.context import CaseDocument
from app.documents.form_blocks import (
    DOTS,
    Party,
    choices,
    fields,
    header,
    para,
    printed_note,
    section,
    signatures,
)
from app.documents.page import DocSpec, body_width, build_pdf
from app.documents.tables import Cell
from app.documents.text import markup
from app.domain.enums import ConsentOutcome, ConsentPurpose, DataItem, RecipientKind
from app.domain.labels import label
from app.domain.models import ConsentRecord

TITLE = "Lembar Persetujuan"
#: The wording below is a versioned template (printed small on the form); the office edits it
#: with the Dinsos P3A and a new version number (to confirm with the office).
TEXT_VERSION = "persetujuan-2026.1"
EXPLANATION = (
    "Posko mencatat pengaduan Anda untuk membantu Anda memperoleh layanan. Data Anda disimpan "
    "terkunci dan hanya dibuka oleh petugas yang menangani.",
    "Data hanya dibagikan kepada penerima dan untuk tujuan yang dicentang pada lembar ini, dan "
    "hanya jenis data yang dicentang.",
    "<b>Menandatangani lembar ini bukan syarat untuk mendapatkan layanan.</b> Anda tetap "
    "dilayani walaupun menolak sebagian atau seluruh isi lembar ini.",
    # What a revocation can still undo is to confirm with the office.
    "Anda dapat mencabut persetujuan kapan saja, secara lisan atau tertulis, kepada petugas "
    "posko. Pencabutan menghentikan pembagian data berikutnya; data yang sudah diserahkan "
    "sebelumnya tidak dapat ditarik kembali oleh posko.",
    "Persetujuan berlaku sampai tanggal yang tertulis; bila tidak ada tanggal, sampai dicabut "
    "atau kasus ditutup. Anda berhak menerima salinan lembar ini.",
)
#: Why each kind of recipient would receive data (template text, to confirm with the office).
PURPOSES = {
    RecipientKind.DINSOS_P3A: "Rujukan untuk pendampingan dan layanan pemulihan (kesehatan, "
                              "psikologis, hukum, rumah aman, rehabilitasi sosial)",
    RecipientKind.UPTD_PPA: "Rujukan untuk pendampingan dan layanan pemulihan (kesehatan, "
                            "psikologis, hukum, rumah aman, rehabilitasi sosial)",
    RecipientKind.RSUD: "Pemeriksaan dan perawatan kesehatan, termasuk visum bila diminta",
    RecipientKind.POLRES_PPA: "Pendampingan pelaporan dan proses hukum",
    RecipientKind.LBH: "Bantuan hukum",
    RecipientKind.SATGAS_KPU_PROVINSI: "Penerusan kasus di lingkungan KPU untuk penanganan dan "
                                       "pelindungan korban (UU TPKS Pasal 69)",
    RecipientKind.LAINNYA: "Rujukan layanan",
}
READ_BACK = ("Isi lembar ini telah dibacakan dan dijelaskan dengan bahasa yang sederhana, dan "
             "saya memahaminya. Bahasa yang dipakai:")
GUARDIAN_TEXT = (
    "Korban berusia di bawah 18 tahun. Persetujuan diberikan oleh orang tua atau wali (UU "
    "No. 27 Tahun 2022 tentang Pelindungan Data Pribadi; pasal dikonfirmasi kantor), setelah "
    "pendapat anak didengar dan dihormati. Bila orang tua atau wali diduga terlibat, "
    "persetujuannya tidak diminta dan koordinator dapat memberi pengecualian demi kepentingan "
    "terbaik anak.")
SERVICE_QUESTION = ("Saya setuju posko mencatat pengaduan saya dan membantu saya memperoleh "
                    "layanan.")
STATISTICS_QUESTION = ("Kasus saya boleh dihitung dalam statistik tanpa nama dan tanpa data yang "
                       "mengenali saya.")
OVERRIDE_TEXT = ("Data dibagikan tanpa persetujuan korban atau wali demi kepentingan terbaik "
                 "korban, dengan alasan tertulis dan persetujuan koordinator:")


def _latest(doc: CaseDocument, purpose: ConsentPurpose) -> list[ConsentRecord]:
    return [r for r in f.latest_consents(doc) if r.consent.purpose is purpose]


def _subject(doc: CaseDocument, width: float) -> Flowable:
    victim = doc.case.intake.victim
    born = dates.tanggal(victim.birth_date) if victim.birth_date else None
    age = f.victim_age(doc)
    return fields([("Nama", f.full_name(victim) or DOTS),
                   ("Kode kasus", doc.case.code),
                   ("Tanggal lahir / usia", ", ".join(
                       part for part in (born, f"{age} tahun" if age is not None else None)
                       if part) or DOTS)], width)


def _holder(doc: CaseDocument, width: float) -> Flowable:
    institution = doc.office.institution
    contact = " · ".join(part for part in (institution.phone, institution.email) if part)
    return fields([("Posko", f"{institution.posko_name}, {institution.name}"),
                   ("Alamat", f.text(institution.address)),
                   ("Kontak", contact or f.UNKNOWN)], width)


def _explanation() -> list[Flowable]:
    return [para("<br/>".join(f"{n}. {text}" for n, text in enumerate(EXPLANATION, 1)))]


def _yes_no_choice(record: ConsentRecord | None, width: float) -> Flowable:
    outcome = record.consent.outcome if record is not None else None
    agreed = outcome is not None and outcome is not ConsentOutcome.DITOLAK
    return choices([("Setuju", agreed), ("Tidak setuju", outcome is ConsentOutcome.DITOLAK)],
                   width, columns=3)


def _purpose_block(question: str, record: ConsentRecord | None, doc: CaseDocument,
                   width: float) -> list[Flowable]:
    state = f"Tercatat: {f.consent_state(doc, record)}." if record is not None else ""
    return [para(f"{markup(question)} {markup(state, empty='')}"),
            _yes_no_choice(record, width)]


def _purpose_text(doc: CaseDocument, key: str) -> str:
    recipient = doc.office.recipient(key)
    text = PURPOSES[recipient.kind if recipient else RecipientKind.LAINNYA]
    services = [s for r in doc.case.referrals if r.referral.recipient == key
                for s in r.referral.services]
    if services:
        text += f". Layanan yang diminta: {f.coded_list(set(services))}"
    return text


def _decision(record: ConsentRecord | None, width: float) -> Flowable:
    outcome = record.consent.outcome if record is not None else None
    items = f.shared_items(record) if record is not None else []
    full = outcome is not None and len(items) == len(DataItem)
    agreed = outcome is not ConsentOutcome.OVERRIDE  # an override is no agreement
    return choices([("Setuju (semua data)", agreed and full),
                    ("Setuju sebagian (data yang dicentang)", agreed and bool(items) and not full),
                    ("Tidak setuju", outcome is ConsentOutcome.DITOLAK)], width, columns=1)


def _recipient_block(doc: CaseDocument, key: str, record: ConsentRecord | None,
                     width: float) -> KeepTogether:
    items = f.shared_items(record) if record is not None else []
    expiry = record.consent.expires_on if record is not None else None
    rows: list[tuple[str, Cell]] = [
            ("Penerima", f.recipient_name(doc, key)), ("Tujuan", _purpose_text(doc, key)),
            ("Keputusan", _decision(record, width * 0.64 - 12)),
            ("Data yang boleh dibagikan",
             choices([(label(i), i in items) for i in DataItem], width * 0.64 - 12, 2)),
            ("Berlaku sampai", dates.tanggal(expiry) if expiry else DOTS)]
    if record is not None:
        note = record.consent.note
        rows.append(("Tercatat", f.sentences([f.consent_state(doc, record), note or ""])))
    return KeepTogether([fields(rows, width), Spacer(1, 3 * mm)])


def _referral_blocks(doc: CaseDocument, width: float) -> list[Flowable]:
    records = _latest(doc, ConsentPurpose.RUJUKAN)
    intro = para("Centang penerima, tujuan dan data yang boleh dibagikan kepada masing-masing "
                 "penerima.")
    if records:
        blocks = [_recipient_block(doc, r.consent.recipient or "", r, width) for r in records]
    else:  # nothing recorded: every active recipient, to fill in by hand
        blocks = [_recipient_block(doc, r.key, None, width) for r in doc.office.directory
                  if r.active]
    return [intro, *blocks]


def _read_back(doc: CaseDocument, width: float) -> list[Flowable]:
    accommodation = doc.case.intake.victim.accommodation
    options = [("Bahasa Indonesia", False), ("Bahasa Jawa", False),
               ("Bahasa isyarat / juru bahasa", False), ("Lainnya: ....................", False)]
    parts: list[Flowable] = [para(markup(READ_BACK)), choices(options, width, columns=2)]
    if accommodation:
        parts.append(para(f"Akomodasi yang diberikan: {markup(accommodation)}"))
    return parts


def _guardian(doc: CaseDocument, width: float) -> list[Flowable]:
    given = next((r for r in reversed(doc.case.consents)
                  if r.consent.outcome is ConsentOutcome.WALI), None)
    name = given.consent.guardian_name if given else None
    relation = given.consent.guardian_relation if given else None
    return [para(markup(GUARDIAN_TEXT)),
            fields([("Nama orang tua / wali", name or DOTS),
                    ("Hubungan dengan anak", relation or DOTS)], width)]


def _overrides(doc: CaseDocument, width: float) -> list[Flowable]:
    records = [r for r in doc.case.consents if r.consent.outcome is ConsentOutcome.OVERRIDE]
    if not records:
        return []
    rows = [(f.consent_scope(doc, r),
             f"Alasan: {markup(r.consent.override_reason)}<br/>Disetujui koordinator: "
             f"{markup(f.officer(doc, r.recorded_by))}, "
             f"{dates.tanggal(f.local_date(doc, r.recorded_at))}") for r in records]
    return [para(markup(OVERRIDE_TEXT)), fields([(s, para(v)) for s, v in rows], width)]


def _signers(doc: CaseDocument) -> Sequence[Party]:
    records = doc.case.consents
    own = [r for r in records if r.consent.outcome is not ConsentOutcome.OVERRIDE]
    when = dates.tanggal(f.local_date(doc, own[-1].recorded_at)) if own else None
    officer = f.officer(doc, own[-1].recorded_by) if own else doc.printed_by
    victim_name = f.full_name(doc.case.intake.victim)
    parties: list[Party] = []
    if f.is_child(doc):
        guardian = next((r.consent.guardian_name for r in reversed(records)
                         if r.consent.outcome is ConsentOutcome.WALI), None)
        parties += [Party("Anak (korban)", victim_name, when),
                    Party("Orang tua / wali", guardian, when)]
    else:
        parties.append(Party("Korban / klien", victim_name, when))
    parties.append(Party("Petugas posko", officer, when, thumb=False))
    overrides = [r for r in records if r.consent.outcome is ConsentOutcome.OVERRIDE]
    if overrides:
        parties.append(Party("Koordinator (pengecualian)",
                             f.officer(doc, overrides[-1].recorded_by),
                             dates.tanggal(f.local_date(doc, overrides[-1].recorded_at)),
                             thumb=False))
    return parties


def _sections(doc: CaseDocument, width: float) -> list[tuple[str, list[Flowable]]]:
    service = next(iter(_latest(doc, ConsentPurpose.LAYANAN)), None)
    statistics = next(iter(_latest(doc, ConsentPurpose.STATISTIK)), None)
    parts = [("Data ini tentang", [_subject(doc, width)]),
             ("Pihak yang menyimpan dan membagikan data", [_holder(doc, width)]),
             ("Penjelasan", _explanation()),
             ("Persetujuan layanan oleh posko", _purpose_block(SERVICE_QUESTION, service, doc,
                                                               width)),
             ("Persetujuan rujukan dan berbagi data", _referral_blocks(doc, width)),
             ("Persetujuan pelaporan statistik", _purpose_block(STATISTICS_QUESTION,
                                                                statistics, doc, width)),
             ("Pernyataan", _read_back(doc, width))]
    if f.is_child(doc):
        parts.append(("Persetujuan orang tua / wali (korban anak)", _guardian(doc, width)))
    overrides = _overrides(doc, width)
    if overrides:
        parts.append(("Pengecualian demi kepentingan terbaik korban", overrides))
    return parts


def story(doc: CaseDocument) -> list[Flowable]:
    width = body_width(doc.paper)
    body: list[Flowable] = []
    for letter, (title, parts) in zip("ABCDEFGHIJ", _sections(doc, width), strict=False):
        body += [*section(f"{letter}. {title}"), *parts]
    return [*header(doc, TITLE.upper(), "Persetujuan atas dasar informasi"), *body,
            signatures(_signers(doc), width), printed_note(doc, TEXT_VERSION)]


def render(doc: CaseDocument) -> bytes:
    spec = DocSpec(title=f"{TITLE} {doc.case.code}", paper=doc.paper, confidential=True,
                   invariant=doc.invariant)
    return build_pdf(spec, story(doc))
