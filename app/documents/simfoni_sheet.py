"""Lembar Data SIMFONI-PPA: one referred case in SIMFONI-PPA's own categories (DOCUMENTS.md §7).

The posko never uploads (DOMAIN.md §1): the Dinsos P3A operator keys this sheet into
SIMFONI-PPA. Every closed list prints all of SIMFONI's exact values with the recorded ones
ticked (DOMAIN.md §4.1), derived through the versioned crosswalk (DOMAIN.md §4.3), whose
version prints small at the bottom. Identity ("by name, by address, NIK") prints only as the
referral's consent allows; otherwise "dirahasiakan". Terlapor appear by category only. Whether
Dinsos P3A Blora wants this sheet, or CSV/xlsx instead, is to confirm with the office.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.documents import dates
from app.documents import form_facts as f
from app.documents.context import ReferralDocument
from app.documents.form_blocks import (
    NOTE,
    choices,
    fields,
    header,
    para,
    printed_text,
    section,
    splittable,
)
from app.documents.page import DocSpec, body_width, build_pdf
from app.documents.tables import GRID, Cell, table
from app.documents.text import markup
from app.domain import taxonomy
from app.domain.enums import (
    AgeBand,
    DataItem,
    Sex,
    SimfoniPlace,
    SimfoniService,
    SimfoniViolence,
)
from app.domain.labels import label

TITLE = "Lembar Data SIMFONI-PPA"
WITHHELD = "dirahasiakan — hubungi posko"
LABEL_SHARE = 0.3
Rows = list[tuple[str, Cell]]


def _ticks(values: Sequence[Enum], chosen: object, width: float, columns: int) -> Flowable:
    """Every SIMFONI value of one list, ticked where recorded."""
    picked = chosen if isinstance(chosen, (set, frozenset)) else {chosen}
    return choices([(label(value), value in picked) for value in values], width, columns)


def _sex_code(sex: Sex | None) -> str:
    """SIMFONI writes L / P."""
    return f.UNKNOWN if sex is None else f"{sex.value} ({label(sex)})"


def _sex(sex: Sex | None, width: float) -> Flowable:
    return choices([(_sex_code(value), value is sex) for value in Sex], width, 2)


def _value_width(width: float) -> float:
    return width * (1 - LABEL_SHARE) - 12


def _referral(doc: ReferralDocument) -> Rows:
    referral = doc.referral
    sent = (dates.tanggal(f.local_date(doc, referral.sent_at)) if referral is not None
            else f.UNKNOWN)
    recipient = doc.recipient.name if doc.recipient is not None else f.UNKNOWN
    return [("Surat rujukan", f"Nomor {doc.letter_number or '—'}, tanggal {sent}"),
            ("Dirujuk ke", recipient)]


def _gated(doc: ReferralDocument, item: DataItem, value: str | None) -> str:
    return f.text(value) if doc.may_print(item) else WITHHELD


def _identity(doc: ReferralDocument) -> Rows:
    victim = doc.case.intake.victim
    address = ", ".join(part for part in (victim.address, victim.desa) if part) or None
    born = dates.tanggal(victim.birth_date) if victim.birth_date else None
    return [("Nama (by name)", _gated(doc, DataItem.NAMA, f.full_name(victim))),
            ("Alamat (by address)", _gated(doc, DataItem.ALAMAT, address)),
            ("NIK", _gated(doc, DataItem.NIK, victim.nik)),
            ("Tanggal lahir", _gated(doc, DataItem.TANGGAL_LAHIR_USIA, born))]


def _victim(doc: ReferralDocument, width: float) -> Rows:
    victim, age = doc.case.intake.victim, f.victim_age(doc)
    band = taxonomy.age_band(age) if age is not None else None
    disability = f.yes_no(victim.disability)
    if victim.disability and victim.disability_type:
        disability += f" ({victim.disability_type})"
    return [("Usia korban", _ticks(list(AgeBand), band, width, 4)),
            ("Jenis kelamin korban", _sex(victim.sex, width)),
            ("Pendidikan", f.coded(victim.education)),
            ("Pekerjaan", f.text(victim.occupation)),
            ("Status perkawinan", f.coded(victim.marital_status)),
            ("Disabilitas", disability),
            ("Kecamatan domisili", f.text(victim.kecamatan))]


def _incident(doc: ReferralDocument, width: float) -> Rows:
    incident = doc.case.intake.incident
    violence = taxonomy.simfoni_violence(incident.tpks_types, incident.extra_violence)
    when = dates.tanggal(incident.occurred_on) if incident.occurred_on else None
    if when and incident.date_is_approximate:
        when += " (perkiraan)"
    return [("Jenis kekerasan", _ticks(list(SimfoniViolence), violence, width, 3)),
            ("Tempat kejadian", _ticks(list(SimfoniPlace), incident.place, width, 3)),
            ("Tanggal kejadian", f.text(when)),
            ("Kecamatan kejadian", f.text(incident.kecamatan)),
            ("Jenis TPKS (UU No. 12 Tahun 2022)", f.coded_list(incident.tpks_types, f.UNKNOWN))]


def _perpetrators(doc: ReferralDocument, width: float) -> Flowable:
    people = doc.case.intake.perpetrators
    if not people:
        return para("Tidak ada data terlapor.")
    rows: list[list[Cell]] = [["No", "Jenis kelamin pelaku", "Usia pelaku",
                               "Hubungan pelaku dengan korban"]]
    rows += [[str(n), _sex_code(p.sex), f.coded(p.age_band),
              label(taxonomy.simfoni_relation(p))] for n, p in enumerate(people, 1)]
    widths = [width * 0.07, width * 0.22, width * 0.39, width * 0.32]
    return splittable(table(rows, widths, GRID, header=True, repeat_header=True), width)


def _services(doc: ReferralDocument, width: float) -> Flowable:
    chosen = doc.referral.referral.services if doc.referral is not None else frozenset()
    return _ticks(list(SimfoniService), chosen, width, 4)


def _footnote(doc: ReferralDocument) -> Flowable:
    return para("Untuk operator SIMFONI-PPA; posko tidak mengunggah data. Kategori mengikuti "
                "SIMFONI-PPA (KemenPPPA). Jenis kekerasan diturunkan dari "
                f"jenis TPKS dengan tabel pemetaan versi {markup(taxonomy.MAPPING_VERSION)}. "
                "Identitas dicetak hanya sejauh persetujuan korban untuk penerima ini. "
                + printed_text(doc), NOTE)


def story(doc: ReferralDocument) -> list[Flowable]:
    width = body_width(doc.paper)
    inner = _value_width(width)
    return [*header(doc, TITLE.upper()),
            fields(_referral(doc), width, LABEL_SHARE),
            *section("A. Identitas korban (sesuai persetujuan)"),
            fields(_identity(doc), width, LABEL_SHARE),
            *section("B. Data korban"), fields(_victim(doc, inner), width, LABEL_SHARE),
            *section("C. Kejadian"), fields(_incident(doc, inner), width, LABEL_SHARE),
            *section("D. Pelaku"), _perpetrators(doc, width),
            *section("E. Layanan yang dirujuk"), _services(doc, width),
            Spacer(1, 2 * mm), _footnote(doc)]


def render(doc: ReferralDocument) -> bytes:
    spec = DocSpec(title=f"{TITLE} {doc.case.code}", paper=doc.paper, confidential=True,
                   invariant=doc.invariant)
    return build_pdf(spec, story(doc))
