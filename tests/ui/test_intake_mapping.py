"""Raw form ↔ model mapping of the intake (no widgets)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from app.domain.enums import ConsentOutcome, ConsentPurpose, DataItem, Priority
from app.domain.models import (
    ConsentInput,
    ConsentRecord,
    Intake,
    Reception,
    Triage,
    Victim,
)
from tests import helpers
from ui.intake.consent_mapping import (
    ConsentSlot,
    consents_from_raw,
    fingerprint,
    raw_from_consents,
    recorded_from_raw,
    slots,
    unrecorded,
    victim_is_child,
)
from ui.intake.incident_step import looks_identifying
from ui.intake.mapping import intake_from_raw, parse_date, parse_time, raw_from_intake

WIB = timezone(timedelta(hours=7), "WIB")


def test_a_full_intake_survives_the_raw_form_both_ways() -> None:
    intake = helpers.full_intake(tag="M")
    raw = raw_from_intake(intake, WIB)
    assert raw["reception.date"] == "02-03-2026" and raw["reception.time"] == "09:00"
    assert raw["victim.nik"] == "3316015705900001"
    assert raw["perpetrators[1].kpu_relation"] == "tidak_ada"
    reading = intake_from_raw(raw, WIB)
    assert reading.errors == {}
    assert reading.intake == intake


def test_an_empty_form_is_an_empty_intake() -> None:
    raw = {"reception.date": "02-03-2026", "reception.time": "09:00"}
    reading = intake_from_raw(raw, WIB)
    assert reading.intake == Intake(reception=Reception(
        received_at=datetime(2026, 3, 2, 2, 0, tzinfo=UTC)))


def test_unreadable_text_becomes_a_local_error_at_its_path() -> None:
    raw = {**raw_from_intake(helpers.minimal_intake(), WIB), "victim.birth_date": "31-02-1990",
           "incident.occurred_time": "25:00", "victim.age_years": "tiga puluh",
           "reception.date": ""}
    reading = intake_from_raw(raw, WIB)
    assert reading.intake is None
    assert reading.errors == {"victim.birth_date": "date_format",
                              "incident.occurred_time": "time_format",
                              "victim.age_years": "number_format",
                              "reception.date": "required"}


@pytest.mark.parametrize(("text", "expected"), [
    ("17-08-1990", date(1990, 8, 17)), ("7/8/1990", date(1990, 8, 7)),
    ("17.08.1990", date(1990, 8, 17)), ("1990-08-17", date(1990, 8, 17)),
])
def test_dates_are_read_the_indonesian_way(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_times_take_a_colon_or_a_dot() -> None:
    assert parse_time("14:30") == parse_time("14.30") == time(14, 30)
    with pytest.raises(ValueError):
        parse_time("jam dua")


def test_a_changed_priority_without_a_reason_is_a_local_error() -> None:
    raw = raw_from_intake(replace(helpers.minimal_intake(), triage=Triage(
        immediate_danger=True, priority=Priority.BIASA)), WIB)
    assert intake_from_raw(raw, WIB).errors == {"triage.priority_reason": "required"}


def test_consents_map_per_slot_and_remember_what_was_recorded() -> None:
    all_slots = slots(["dinsos_p3a_blora"])
    raw = {"consent.layanan.outcome": "diberikan",
           "consent.rujukan.dinsos_p3a_blora.outcome": "sebagian",
           "consent.rujukan.dinsos_p3a_blora.items": ["nama", "kronologi"],
           "consent.rujukan.dinsos_p3a_blora.expires_on": "31-12-2026",
           "consent.statistik.outcome": None}
    consents, errors = consents_from_raw(raw, all_slots)
    assert errors == {}
    assert [slot.key for slot, _ in consents] == ["layanan", "rujukan.dinsos_p3a_blora"]
    partial = consents[1][1]
    assert partial.data_items == {DataItem.NAMA, DataItem.KRONOLOGI}
    assert partial.expires_on == date(2026, 12, 31)
    records = [ConsentRecord(index, consent, datetime(2026, 3, 2, tzinfo=UTC), 1)
               for index, (_, consent) in enumerate(consents)]
    back = raw_from_consents(records)
    assert consents_from_raw(back, all_slots)[0] == consents
    assert unrecorded(consents, recorded_from_raw(back)) == []
    changed = {**raw, "consent.layanan.outcome": "ditolak"}
    again, _ = consents_from_raw(changed, all_slots)
    assert [slot.key for slot, _ in unrecorded(again, recorded_from_raw(back))] == ["layanan"]


def test_guardian_fields_go_only_with_a_guardian_consent() -> None:
    raw = {"consent.layanan.outcome": "wali", "consent.statistik.outcome": "ditolak",
           "consent.guardian_name": " Ibu Sumarni ", "consent.guardian_relation": "ibu"}
    consents, _ = consents_from_raw(raw, slots([]))
    assert consents[0][1] == ConsentInput(ConsentPurpose.LAYANAN, ConsentOutcome.WALI,
                                          guardian_name="Ibu Sumarni", guardian_relation="ibu")
    assert consents[1][1].guardian_name is None
    assert fingerprint(consents[0][1]) != fingerprint(consents[1][1])
    assert ConsentSlot(ConsentPurpose.RUJUKAN, "x").error_path("data_items") == (
        "consent.rujukan.x.items")
    assert ConsentSlot(ConsentPurpose.LAYANAN).error_path("guardian_name") == (
        "consent.guardian_name")


def test_the_child_path_follows_the_age_on_the_reception_date() -> None:
    base = helpers.minimal_intake()
    assert not victim_is_child(base)
    assert victim_is_child(replace(base, victim=Victim(birth_date=date(2008, 3, 3))))
    assert not victim_is_child(replace(base, victim=Victim(birth_date=date(2008, 3, 2))))
    assert victim_is_child(replace(base, victim=Victim(), triage=Triage(child=True)))


@pytest.mark.parametrize(("text", "warn"), [
    ("NIK 3316015705900001", True), ("telepon +62 812-3456-7890", True),
    ("hubungi 0812.3456.789", True), ("tanggal 08-03-2026 14.30", False),
    ("tiga kali, sejak 2024", False),
])
def test_identifying_numbers_in_a_chronology_are_noticed(text: str, warn: bool) -> None:
    assert looks_identifying(text) is warn
