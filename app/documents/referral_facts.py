"""What a referral letter and its return slip say about the case, as plain text.

Pure functions of a :class:`ReferralDocument`. Every identifying item passes the consent check
here (``doc.may_print``); what the consent withholds becomes
:data:`letter_texts.WITHHELD`. The summary is built from categories only (UU TPKS types, place
type, dates): the chronology never reaches a letter body. Values are plain text; the layout
modules escape them (``text.markup``) when they become paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from app.documents import dates
from app.documents import letter_texts as t
from app.documents.context import ReferralDocument
from app.domain import deadlines
from app.domain.enums import (
    DataItem,
    Need,
    Priority,
    RecipientKind,
    ReferralKind,
    SimfoniService,
    TpksType,
)
from app.domain.labels import label
from app.domain.models import Victim
from app.domain.taxonomy import is_child, victim_age

Row = tuple[str, str]
SIMFONI_RECIPIENTS = frozenset({RecipientKind.DINSOS_P3A, RecipientKind.UPTD_PPA})
_POSTCODE = re.compile(r"\b\d{5}\b")
_REGION_PREFIX = re.compile(r"^(kabupaten|kab\.|kota)\s+", re.IGNORECASE)


def local_day(doc: ReferralDocument, moment: datetime) -> date:
    return moment.astimezone(doc.tz).date()


def printed_on(doc: ReferralDocument) -> date:
    return local_day(doc, doc.printed_at)


def place_date(doc: ReferralDocument) -> str:
    """``Blora, 14 Agustus 2025``."""
    return f"{doc.office.institution.city.strip()}, {dates.tanggal(printed_on(doc))}"


def received_on(doc: ReferralDocument) -> str:
    return dates.tanggal(local_day(doc, doc.case.intake.reception.received_at))


def as_lines(items: Iterable[str]) -> str:
    """One item as is; several as "- " lines (the value of one facts row)."""
    listed = [item for item in items if item]
    return listed[0] if len(listed) == 1 else "\n".join(f"- {item}" for item in listed)


# --- identity, as the consent allows -----------------------------------------------------

def victim_name(victim: Victim) -> str | None:
    """The name with gelar exactly as stored: ``Dr. Siti Aminah, S.Pd.``."""
    name = (victim.full_name or "").strip()
    if not name:
        return None
    front, back = (victim.title_front or "").strip(), (victim.title_back or "").strip()
    text = f"{front} {name}" if front else name
    return f"{text}, {back}" if back else text


def _name_text(victim: Victim) -> str | None:
    name, alias = victim_name(victim), (victim.alias or "").strip()
    if name and alias:
        return f"{name} (panggilan: {alias})"
    return name or (f"panggilan: {alias}" if alias else None)


def _birth_text(victim: Victim, on: date) -> str | None:
    age = victim_age(victim, on)
    age_text = t.AGE.format(age=age) if age is not None else None
    if victim.birth_date is not None:
        born = dates.tanggal(victim.birth_date)
        return f"{born} ({age_text})" if age_text else born
    return age_text


def _labelled(prefix: str, value: str | None) -> str:
    """``Kec. Blora``; nothing when the value is empty."""
    text = (value or "").strip()
    return f"{prefix} {text}".strip() if text else ""


def _address_text(victim: Victim) -> str | None:
    parts = [_labelled("", victim.address), _labelled("Desa/Kel.", victim.desa),
             _labelled("Kec.", victim.kecamatan)]
    return ", ".join(part for part in parts if part) or None


def contact_text(victim: Victim) -> str:
    """A safe contact with how it may be used, or "hubungi melalui posko"."""
    phone = (victim.phone or "").strip()
    if not phone or (victim.safe_to_call is False and victim.safe_to_text is False):
        return t.VIA_POSKO
    notes = []
    if victim.safe_to_call is False:
        notes.append(t.CONTACT_TEXT_ONLY)
    elif victim.safe_to_text is False:
        notes.append(t.CONTACT_CALL_ONLY)
    if victim.contact_via_posko:
        notes.append(t.CONTACT_PREFER_POSKO)
    return f"{phone} ({'; '.join(notes)})" if notes else phone


def disability_text(victim: Victim) -> str:
    """Disability and accommodation needs may always be printed (they serve the victim)."""
    answer = (t.UNKNOWN if victim.disability is None
              else t.DISABILITY_YES if victim.disability else t.DISABILITY_NO)
    kind, need = (victim.disability_type or "").strip(), (victim.accommodation or "").strip()
    details = [kind, t.ACCOMMODATION.format(need=need) if need else ""]
    extra = "; ".join(part for part in details if part)
    return f"{answer} — {extra}" if extra else answer


def _consented(doc: ReferralDocument, item: DataItem, value: str | None) -> str:
    if not doc.may_print(item):
        return t.WITHHELD
    return value or t.UNKNOWN


def identity_rows(doc: ReferralDocument) -> list[Row]:
    """Case code and the minimum identity the consent allows (sex and disability always)."""
    victim = doc.case.intake.victim
    return [
        (t.LABEL_CODE, doc.case.code),
        (t.LABEL_NAME, _consented(doc, DataItem.NAMA, _name_text(victim))),
        (t.LABEL_SEX, label(victim.sex) if victim.sex else t.UNKNOWN),
        (t.LABEL_BIRTH, _consented(doc, DataItem.TANGGAL_LAHIR_USIA,
                                   _birth_text(victim, printed_on(doc)))),
        (t.LABEL_NIK, _consented(doc, DataItem.NIK, (victim.nik or "").strip())),
        (t.LABEL_ADDRESS, _consented(doc, DataItem.ALAMAT, _address_text(victim))),
        (t.LABEL_CONTACT, _consented(doc, DataItem.KONTAK, contact_text(victim))),
        (t.LABEL_DISABILITY, disability_text(victim)),
    ]


# --- summary from categories only --------------------------------------------------------

def tpks_labels(doc: ReferralDocument) -> list[str]:
    chosen = doc.case.intake.incident.tpks_types
    return [label(kind) for kind in TpksType if kind in chosen]


def incident_when(doc: ReferralDocument) -> str:
    incident = doc.case.intake.incident
    if incident.occurred_on is None:
        return t.UNKNOWN
    day = dates.tanggal(incident.occurred_on)
    if incident.date_is_approximate:
        return t.APPROXIMATE.format(date=day)
    if incident.time_of_day is not None:
        return f"{day}, {label(incident.time_of_day).lower()} hari"
    return day


def _duration(hours: float) -> str:
    if hours < 1:
        return "kurang dari 1 jam"
    if hours < 72:
        return f"± {int(hours)} jam"
    days = int(hours // 24)
    for limit, size, unit in ((14, 1, "hari"), (60, 7, "minggu"), (730, 30, "bulan")):
        if days < limit:
            return f"± {days // size} {unit}"
    return f"± {days // 365} tahun"


def open_medical_window(doc: ReferralDocument) -> datetime | None:
    """End of the 72-hour window when the case came inside it and it is still open."""
    intake = doc.case.intake
    end = deadlines.medical_window(intake.incident, intake.reception.received_at, doc.tz)
    return end if end is not None and doc.printed_at <= end else None


def time_since(doc: ReferralDocument) -> str:
    """``± 50 jam``; ``sekitar 3 minggu`` when the date is approximate."""
    incident = doc.case.intake.incident
    hours = deadlines.hours_since_incident(incident, doc.printed_at, doc.tz)
    if hours is None:
        return t.UNKNOWN
    text = _duration(hours)
    if incident.date_is_approximate:
        text = t.APPROXIMATE.format(date=text.removeprefix("± "))
    return text


def medical_flag(doc: ReferralDocument) -> str | None:
    """"kurang dari 72 jam — perlu segera layanan kesehatan/visum" while the window is open."""
    window = open_medical_window(doc)
    if window is None:
        return None
    until = t.FLAG_72_UNTIL.format(until=dates.tanggal_jam(window, doc.tz))
    return f"{t.FLAG_72} ({until})"


def summary_rows(doc: ReferralDocument) -> list[Row]:
    place, flag = doc.case.intake.incident.place, medical_flag(doc)
    return [(t.LABEL_TYPES, as_lines(tpks_labels(doc)) or t.NO_TYPES),
            (t.LABEL_PLACE, label(place) if place else t.UNKNOWN),
            (t.LABEL_WHEN, incident_when(doc)),
            (t.LABEL_SINCE, time_since(doc)),
            *([(t.LABEL_FLAG, flag)] if flag else [])]


# --- services, priority, risk ------------------------------------------------------------

def service_labels(doc: ReferralDocument) -> list[str]:
    chosen = doc.referral.referral.services if doc.referral else frozenset()
    return [label(service) for service in SimfoniService if service in chosen]


def service_rows(doc: ReferralDocument) -> list[Row]:
    needs = doc.case.intake.needs.items
    return [(t.LABEL_SERVICES, as_lines(service_labels(doc)) or t.NO_SERVICES),
            (t.LABEL_NEEDS, as_lines(label(need) for need in Need if need in needs) or "—"),
            (t.LABEL_PRIORITY, priority_text(doc))]


def priority(doc: ReferralDocument) -> Priority:
    chosen = doc.referral.referral.priority if doc.referral else None
    return chosen or doc.case.intake.triage.priority or Priority.BIASA


def due_text(doc: ReferralDocument) -> str:
    return dates.tanggal_jam(doc.referral.due_at, doc.tz) if doc.referral else "—"


def priority_text(doc: ReferralDocument) -> str:
    name, span = t.PRIORITY_NAMES[priority(doc)]
    return t.PRIORITY_LINE.format(name=name, span=span, due=due_text(doc))


def risk_lines(doc: ReferralDocument) -> list[str]:
    intake = doc.case.intake
    triage, victim, perpetrators = intake.triage, intake.victim, intake.perpetrators
    checks = (
        (bool(triage.immediate_danger), t.RISK_DANGER),
        (bool(triage.perpetrator_access) or any(p.has_access_to_victim for p in perpetrators),
         t.RISK_ACCESS),
        (bool(triage.insider) or any(p.insider for p in perpetrators),
         t.RISK_INSIDER.format(institution=doc.office.institution.name.strip())),
        (bool(triage.child) or is_child(victim, printed_on(doc)), t.RISK_CHILD),
        (bool(triage.disability) or bool(victim.disability), t.RISK_DISABILITY),
    )
    return [line for flagged, line in checks if flagged]


# --- addressing, attachments, contacts ---------------------------------------------------

def _place_from_address(address: str, skip: Iterable[str]) -> str | None:
    ignored = {word.casefold() for word in skip} | {"indonesia"}
    for segment in reversed(re.split(r"[,\n]", address)):
        place = _REGION_PREFIX.sub("", _POSTCODE.sub("", segment).strip()).strip(" .")
        if not place or place.casefold() in ignored:
            continue
        plain = len(place.split()) <= 3 and not any(char.isdigit() for char in place)
        return place if plain else None
    return None


def destination(doc: ReferralDocument) -> str:
    """The place after "di": from the recipient's address, else the office's own city."""
    institution, recipient = doc.office.institution, doc.recipient
    if recipient is not None and recipient.address:
        place = _place_from_address(recipient.address, (institution.province,))
        if place:
            return place
    if recipient is not None and recipient.kind is RecipientKind.SATGAS_KPU_PROVINSI:
        # The province capital is not a setting (to confirm with the office): "di Tempat".
        return "Tempat"
    return institution.city.strip() or "Tempat"


def attachments(doc: ReferralDocument) -> list[str]:
    """What goes with the letter; the Lampiran count on top is ``len`` of this."""
    items = [t.ATTACH_FORM, t.ATTACH_CONSENT, t.ATTACH_FEEDBACK]
    if doc.may_print(DataItem.KRONOLOGI):
        items.append(t.ATTACH_CHRONOLOGY)
    if doc.recipient is not None and doc.recipient.kind in SIMFONI_RECIPIENTS:
        items.append(t.ATTACH_SIMFONI)
    return items


def posko_contacts(doc: ReferralDocument, address: bool = False) -> str:
    """The institution's name with ``(telepon …; surel …)`` when any contact is set."""
    institution = doc.office.institution
    parts = [_labelled("", institution.address) if address else "",
             _labelled("telepon", institution.phone), _labelled("surel", institution.email)]
    listed = [part for part in parts if part]
    name = institution.name.strip()
    return f"{name} ({'; '.join(listed)})" if listed else name


def pasal41_applies(doc: ReferralDocument) -> bool:
    """UU TPKS Pasal 41 binds UPTD PPA / UPT sosial, not hospitals, lawyers or the Satgas."""
    return (doc.referral is not None and doc.referral.referral.kind is ReferralKind.RUJUKAN
            and doc.referral.referral.recipient in doc.office.pasal41_recipients())


# --- escalation --------------------------------------------------------------------------

def kpu_relation_lines(doc: ReferralDocument) -> list[str]:
    lines = [t.RELATION_LINE.format(number=number,
                                    relation=t.KPU_RELATION.get(p.kpu_relation, "")
                                    if p.kpu_relation else "")
             for number, p in enumerate(doc.case.intake.perpetrators, 1) if p.insider]
    return lines or [t.RELATION_UNKNOWN]


def other_referral_lines(doc: ReferralDocument) -> list[str]:
    """Service referrals of the same case besides this letter (escalation letters say so)."""
    own = doc.referral.id if doc.referral else None
    lines = []
    for other in doc.case.referrals:
        if other.id == own or other.referral.kind is not ReferralKind.RUJUKAN:
            continue
        entry = doc.office.recipient(other.referral.recipient)
        lines.append(t.ALSO_REFERRED.format(
            recipient=entry.name.strip() if entry else other.referral.recipient,
            date=dates.tanggal(local_day(doc, other.sent_at))))
    return lines or [t.NOT_REFERRED]


def victim_kpu_relation(doc: ReferralDocument) -> str:
    relation = doc.case.intake.victim.kpu_relation
    return label(relation) if relation is not None else t.UNKNOWN
