"""Formulir Pengaduan: the intake record as filled in (DOCUMENTS.md §1, DOMAIN.md §5).

A confidential form, "Halaman x dari y" on every page, no kop: a small header line names the
institution and the posko. Sections follow the intake (Penerimaan, Pelapor, Korban, Terlapor,
Kejadian, Risiko & kebutuhan, Persetujuan); every unknown prints as "Tidak diketahui / tidak
ingin menjawab", names exactly as stored. The chronology, in the client's own words, is set as
plain paragraphs outside any table so a long one flows across pages.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from app.documents import dates, styles
from app.documents import form_facts as f
from app.documents.context import CaseDocument
from app.documents.form_blocks import (
    DOTS,
    blank,
    fields,
    header,
    para,
    printed_note,
    section,
    splittable,
)
from app.documents.page import DocSpec, body_width, build_pdf
from app.documents.tables import PLAIN_CELLS, Cell, table
from app.documents.text import markup
from app.domain import deadlines, taxonomy
from app.domain.enums import ConsentPurpose
from app.domain.labels import label
from app.domain.models import Perpetrator

TITLE = "Formulir Pengaduan"
Rows = list[tuple[str, Cell]]


def _reception(doc: CaseDocument) -> Rows:
    case = doc.case
    reception = case.intake.reception
    handler = (f.officer(doc, case.assigned_to) if case.assigned_to is not None
               else f.receiving_officer(doc))
    return [("Kode kasus", case.code),
            ("Tanggal dan jam diterima", f.moment_text(reception.received_at, doc.tz)),
            ("Saluran pengaduan", f.coded(reception.channel)),
            ("Datang atas saran", f.coded(reception.referred_by)),
            ("Petugas penerima", f.receiving_officer(doc)),
            ("Petugas yang menangani", handler),
            ("Rute penanganan", f.coded_list(reception.routes, f.UNKNOWN)),
            ("Catatan rute", f.text(reception.route_note)),
            ("Status kasus", label(case.status))]


def _reporter(doc: CaseDocument) -> Rows:
    reporter = doc.case.intake.reporter
    rows: Rows = [("Pelapor adalah korban sendiri", f.yes_no(reporter.is_victim))]
    if reporter.is_victim:
        return rows
    return [*rows, ("Nama pelapor", f.text(reporter.full_name)),
            ("Hubungan dengan korban", f.text(reporter.relationship)),
            ("Kontak aman pelapor", f.text(reporter.safe_contact)),
            ("Korban mengetahui laporan ini", f.yes_no(reporter.victim_knows)),
            ("Identitas pelapor dirahasiakan", f.yes_no(reporter.confidential))]


def _victim_identity(doc: CaseDocument) -> Rows:
    victim = doc.case.intake.victim
    birth = dates.tanggal(victim.birth_date) if victim.birth_date else None
    return [("Nama lengkap", f.text(f.full_name(victim))),
            ("Nama panggilan / samaran", f.text(victim.alias)),
            ("Jenis kelamin", f.coded(victim.sex)),
            ("Tanggal lahir", f.text(birth)),
            ("Usia saat melapor", f.age_text(doc)),
            ("Kelompok usia (SIMFONI-PPA)", f.age_band_text(doc)),
            ("Anak (di bawah 18 tahun)", "Ya" if f.is_child(doc) else "Tidak"),
            ("NIK", f.text(victim.nik)),
            ("Alamat", f.text(victim.address)),
            ("Desa/kelurahan", f.text(victim.desa)),
            ("Kecamatan", f.text(victim.kecamatan))]


def _victim_situation(doc: CaseDocument) -> Rows:
    victim = doc.case.intake.victim
    return [("Nomor telepon", f.text(victim.phone)),
            ("Aman ditelepon", f.yes_no(victim.safe_to_call)),
            ("Aman dikirimi pesan", f.yes_no(victim.safe_to_text)),
            ("Hubungi melalui posko saja", "Ya" if victim.contact_via_posko else "Tidak"),
            ("Pendidikan", f.coded(victim.education)),
            ("Pekerjaan", f.text(victim.occupation)),
            ("Status perkawinan", f.coded(victim.marital_status)),
            ("Penyandang disabilitas", f.yes_no(victim.disability)),
            ("Jenis disabilitas", f.text(victim.disability_type)),
            ("Akomodasi yang dibutuhkan", f.text(victim.accommodation)),
            ("Sedang hamil", f.yes_no(victim.pregnant)),
            ("Hubungan dengan KPU", f.coded(victim.kpu_relation))]


def _perpetrator(person: Perpetrator) -> Rows:
    return [("Nama", f.text(person.full_name)),
            ("Nama panggilan / samaran", f.text(person.alias)),
            ("Jenis kelamin", f.coded(person.sex)),
            ("Kelompok usia", f.coded(person.age_band)),
            ("Hubungan dengan korban (SIMFONI-PPA)", label(taxonomy.simfoni_relation(person))),
            ("Hubungan dengan KPU", f.coded(person.kpu_relation)),
            ("Pekerjaan", f.text(person.occupation)),
            ("Pernah menjadi pelaku sebelumnya", f.yes_no(person.prior_perpetrator)),
            ("Masih punya akses ke korban", f.yes_no(person.has_access_to_victim))]


def _perpetrators(doc: CaseDocument, width: float) -> list[Flowable]:
    people = doc.case.intake.perpetrators
    if not people:
        return [*section("D. Terlapor"), para("Belum ada data terlapor yang dicatat.")]
    parts: list[Flowable] = []
    for number, person in enumerate(people, 1):
        title = "D. Terlapor" + (f" {number} dari {len(people)}" if len(people) > 1 else "")
        parts += [*section(title), fields(_perpetrator(person), width)]
    return parts


def _when(doc: CaseDocument) -> str:
    incident = doc.case.intake.incident
    if incident.occurred_on is None:
        return f.UNKNOWN
    when = dates.tanggal_hari(incident.occurred_on)
    if incident.occurred_time is not None:
        when += f" pukul {incident.occurred_time:%H.%M}"
    return when + (" (perkiraan)" if incident.date_is_approximate else "")


def _since(doc: CaseDocument) -> str:
    incident, received = doc.case.intake.incident, doc.case.intake.reception.received_at
    hours = deadlines.hours_since_incident(incident, received, doc.tz)
    if hours is None:
        return f.UNKNOWN
    text = f"± {hours:.0f} jam" if hours < 96 else f"± {hours / 24:.0f} hari"
    if deadlines.medical_window(incident, received, doc.tz) is not None:
        text += " — KURANG DARI 72 JAM: layanan medis/visum segera"
    return text


def _incident(doc: CaseDocument) -> Rows:
    incident = doc.case.intake.incident
    violence = taxonomy.simfoni_violence(incident.tpks_types, incident.extra_violence)
    earlier = incident.earlier_incidents
    return [("Waktu kejadian", _when(doc)),
            ("Bagian hari", f.coded(incident.time_of_day)),
            ("Jarak waktu sampai melapor", _since(doc)),
            ("Tempat kejadian (SIMFONI-PPA)", f.coded(incident.place)),
            ("Kecamatan tempat kejadian", f.text(incident.kecamatan)),
            ("Jenis kekerasan seksual (UU TPKS)", f.coded_list(incident.tpks_types, f.UNKNOWN)),
            ("Jenis kekerasan (SIMFONI-PPA)", f.coded_list(violence)),
            ("Jenis menurut GBVIMS", label(taxonomy.gbvims_type(incident.gbvims,
                                                                incident.tpks_types))),
            ("Keadaan pemberat (Pasal 15)", f.coded_list(incident.pasal15)),
            ("Menggunakan sarana elektronik", f.yes_no(incident.electronic)),
            ("Pernah dilaporkan ke pihak lain", f.yes_no(incident.previously_reported)),
            ("Dilaporkan ke", f.text(incident.previously_reported_where)),
            ("Jumlah kejadian sebelumnya", f.UNKNOWN if earlier is None else str(earlier)),
            ("Bukti yang dibawa (uraian)", _evidence(doc))]


def _evidence(doc: CaseDocument) -> Paragraph:
    items = doc.case.intake.incident.evidence
    if not items:
        return para(markup(f.NONE_RECORDED))
    return para("<br/>".join(f"{n}. {markup(item)}" for n, item in enumerate(items, 1)))


def _chronology(doc: CaseDocument) -> list[Flowable]:
    """The client's words, one paragraph per line, free to break across pages."""
    story = section("Kronologi (dalam kata-kata korban)")
    lines = [line for line in (doc.case.intake.incident.chronology or "").split("\n")
             if line.strip()]
    if not lines:
        return [*story, para(markup(f.UNKNOWN))]
    return [*story, *(Paragraph(markup(line), styles.BODY) for line in lines)]


def _risk(doc: CaseDocument) -> Rows:
    triage, needs = doc.case.intake.triage, doc.case.intake.needs
    return [("Dalam bahaya segera", f.yes_no(triage.immediate_danger)),
            ("Cedera atau kejadian kurang dari 72 jam", f.yes_no(triage.injury_or_recent)),
            ("Korban anak", f.yes_no(triage.child)),
            ("Korban penyandang disabilitas", f.yes_no(triage.disability)),
            ("Terlapor punya akses ke korban", f.yes_no(triage.perpetrator_access)),
            ("Kasus internal (terlapor terkait KPU)", f.yes_no(triage.insider)),
            ("Prioritas", f.coded(triage.priority)),
            ("Alasan prioritas", f.text(triage.priority_reason)),
            ("Kebutuhan korban", f.coded_list(needs.items, f.UNKNOWN)),
            ("Harapan korban", f.text(needs.expectations))]


def _consents(doc: CaseDocument, width: float) -> list[Flowable]:
    records = f.latest_consents(doc)
    if not records:
        return [para("Belum ada persetujuan yang dicatat.")]
    rows: Rows = []
    for record in records:
        consent = record.consent
        parts = [f.consent_state(doc, record)]
        if consent.purpose is ConsentPurpose.RUJUKAN:
            parts.append(f"Data: {f.items_text(f.shared_items(record))}")
        if consent.guardian_name or consent.guardian_relation:
            parts.append(f"Wali: {f.text(consent.guardian_name)} "
                         f"({f.text(consent.guardian_relation)})")
        if consent.override_reason:
            parts.append(f"Alasan pengecualian: {consent.override_reason}")
        parts.append(f"Dicatat {dates.tanggal(f.local_date(doc, record.recorded_at))} oleh "
                     f"{f.officer(doc, record.recorded_by)}")
        rows.append((f.consent_scope(doc, record), f.sentences(parts)))
    return [fields(rows, width, 0.4)]


def _signature(doc: CaseDocument, width: float) -> KeepTogether:
    place_date = f"{doc.office.institution.city}, {dates.tanggal(f.received_on(doc))}"
    lines = [markup(place_date), "Petugas penerima,", "<br/><br/><br/>",
             f"<b>{markup(f.receiving_officer(doc), empty=DOTS)}</b>"]
    block = Paragraph("<br/>".join(lines), styles.PLAIN)
    return KeepTogether([Spacer(1, 6 * mm),
                         splittable(table([[blank(), block]], [width / 2, width / 2],
                                          PLAIN_CELLS), width)])


def story(doc: CaseDocument) -> list[Flowable]:
    width = body_width(doc.paper)
    victim = _victim_identity(doc) + _victim_situation(doc)
    return [*header(doc, TITLE.upper()),
            *section("A. Penerimaan"), fields(_reception(doc), width),
            *section("B. Pelapor"), fields(_reporter(doc), width),
            *section("C. Korban"), fields(victim, width),
            *_perpetrators(doc, width),
            *section("E. Kejadian"), fields(_incident(doc), width), Spacer(1, 3 * mm),
            *_chronology(doc),
            *section("F. Risiko & kebutuhan"), fields(_risk(doc), width),
            *section("G. Persetujuan"), *_consents(doc, width),
            _signature(doc, width), Spacer(1, 4 * mm), printed_note(doc)]


def render(doc: CaseDocument) -> bytes:
    spec = DocSpec(title=f"{TITLE} {doc.case.code}", paper=doc.paper, confidential=True,
                   invariant=doc.invariant)
    return build_pdf(spec, story(doc))
