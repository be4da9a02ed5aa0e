"""Every field of a case survives the encrypted database: write, read, edit, lock and unlock.

The vault is a real SQLCipher file on disk; "reopen" closes the session (checkpoint, key wiped)
and unlocks again with the officer's password.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

import pytest

from app.clock import FakeClock
from app.domain.deadlines import zone
from app.domain.enums import (
    AgeBand,
    CaseStatus,
    Channel,
    ClosureReason,
    ConsentOutcome,
    ConsentPurpose,
    DataItem,
    Education,
    FollowUpKind,
    IndonesianTimeZone,
    MaritalStatus,
    Need,
    Pasal15Flag,
    PerpetratorKpuRelation,
    Priority,
    ReferralKind,
    ReferralOutcome,
    ReferralSource,
    RightStatus,
    Role,
    Route,
    Sex,
    SimfoniPlace,
    SimfoniRelation,
    SimfoniService,
    SimfoniViolence,
    TimeOfDay,
    TpksType,
    VictimKpuRelation,
    VictimRight,
)
from app.domain.models import (
    ConsentInput,
    ConsentRecord,
    GbvimsAnswers,
    Incident,
    Intake,
    Needs,
    Perpetrator,
    Reception,
    Referral,
    ReferralInput,
    Reporter,
    Triage,
    Victim,
)
from app.domain.workflow import STARRED_RIGHTS
from app.errors import ValidationError
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers

WIB = zone(IndonesianTimeZone.WIB)
DINSOS, SATGAS = "dinsos_p3a_blora", "satgas_kpu_jateng"
OTHER, OTHER_PASSWORD = "petugas2", "gajah makan rumput di hutan"


def other_intake() -> Intake:
    """Every field different from ``helpers.full_intake(tag="A")``."""
    return Intake(
        reception=Reception(received_at=helpers.START - timedelta(hours=5), channel=Channel.SURAT,
                            referred_by=ReferralSource.POLISI,
                            routes=frozenset({Route.LAYANAN_INTERNAL}), route_note="rute B"),
        reporter=Reporter(is_victim=True, full_name="Pelapor Dua", relationship="teman",
                          safe_contact="0813 1111 2222", victim_knows=False, confidential=False),
        victim=Victim(full_name="Ñandú Wahyuni", alias="Melati", title_front="Hj.",
                      title_back="M.Si.", sex=Sex.L, birth_date=date(1985, 1, 2), age_years=41,
                      nik="3316020201850002", address="Dukuh Lain RT 5\nRW 6", desa="Jepon",
                      kecamatan="Luar Kabupaten Blora", phone="+6281299998888",
                      safe_to_call=True, safe_to_text=False, contact_via_posko=False,
                      education=Education.SMA, occupation="petani",
                      marital_status=MaritalStatus.CERAI_HIDUP, disability=False,
                      disability_type="daksa", accommodation="kursi roda", pregnant=True,
                      kpu_relation=VictimKpuRelation.KPPS),
        perpetrators=(Perpetrator(full_name="Terlapor Dua", alias="Mas Y", sex=Sex.P,
                                  age_band=AgeBand.B45_59,
                                  simfoni_relation=SimfoniRelation.TETANGGA,
                                  kpu_relation=PerpetratorKpuRelation.PPS, occupation="guru",
                                  prior_perpetrator=False, has_access_to_victim=False),),
        incident=Incident(occurred_on=date(2025, 12, 30), occurred_time=time(21, 5),
                          date_is_approximate=True, time_of_day=TimeOfDay.MALAM,
                          place=SimfoniPlace.FASILITAS_UMUM, kecamatan="Jati",
                          chronology="Cerita lain\n\twith a tab.",
                          tpks_types=frozenset({TpksType.PERKOSAAN}),
                          extra_violence=frozenset({SimfoniViolence.FISIK}),
                          gbvims=GbvimsAnswers(penetration=True, sexual_contact=False,
                                               physical_assault=True, forced_marriage=True,
                                               denial_of_resources=False, gender_based=False),
                          pasal15=frozenset({Pasal15Flag.LINGKUP_KELUARGA}), electronic=False,
                          previously_reported=False, previously_reported_where="Polsek",
                          earlier_incidents=0, evidence=("surat keterangan",)),
        triage=Triage(immediate_danger=True, injury_or_recent=False, child=True,
                      disability=False, perpetrator_access=False, insider=False,
                      priority=Priority.DARURAT, priority_reason="bahaya langsung"),
        needs=Needs(items=frozenset({Need.RUMAH_AMAN}), expectations="aman dulu"),
    )


def _leaves(value: Any, prefix: str = "") -> dict[str, Any]:
    if not dataclasses.is_dataclass(value):
        return {prefix: value}
    found: dict[str, Any] = {}
    for spec in dataclasses.fields(value):
        found |= _leaves(getattr(value, spec.name), f"{prefix}.{spec.name}".strip("."))
    return found


def test_other_intake_differs_in_every_field() -> None:
    first, second = _leaves(helpers.full_intake(tag="A")), _leaves(other_intake())
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] == second[name]] == []


def test_full_intake_round_trips(session: Session, clock: FakeClock) -> None:
    intake = helpers.full_intake(tag="A")
    ref = session.cases.create(intake)
    case = session.cases.get(ref.id)
    assert case.intake == intake
    assert (case.id, case.code, case.status) == (ref.id, ref.code, CaseStatus.DRAF)
    assert case.created_at == case.updated_at == clock.now()
    assert case.created_by == case.assigned_to == session.user.id


def test_update_replaces_every_field(session: Session, clock: FakeClock) -> None:
    ref = session.cases.create(helpers.full_intake(tag="A"))
    clock.advance(timedelta(minutes=3))
    changed = session.cases.update(ref.id, other_intake())
    assert set(changed) == set(_leaves(other_intake()))   # every leaf, perpetrators as one
    case = session.cases.get(ref.id)
    assert case.intake == other_intake()
    assert case.updated_at == clock.now() != case.created_at
    assert session.cases.update(ref.id, other_intake()) == []   # nothing changed, nothing written


def test_update_can_clear_fields_and_perpetrators(session: Session) -> None:
    ref = session.cases.create(helpers.full_intake(tag="A"))
    bare = Intake(reception=Reception(received_at=helpers.START))
    session.cases.update(ref.id, bare)
    assert session.cases.get(ref.id).intake == bare


def test_text_is_normalised_before_it_is_stored(session: Session) -> None:
    decomposed = "  Siti\u0308 Wahyuni  "  # NFD diaeresis and blanks around
    ref = session.cases.create(helpers.minimal_intake(name=decomposed))
    assert session.cases.get(ref.id).intake.victim.full_name == "Sit\u00ef Wahyuni"


def _rich_case(session: Session, clock: FakeClock) -> tuple[int, dict[str, Any]]:
    """A case with something in every child table; returns the id and what was recorded."""
    other, _ = session.users.add(OTHER, "Petugas Dua", Role.PETUGAS, password=OTHER_PASSWORD)
    me = session.user.id
    ref = session.cases.create(helpers.full_intake(tag="A"))
    wf, rf = session.workflow, session.referrals
    start = clock.now()
    wf.transition(ref.id, CaseStatus.DITERIMA)
    wf.transition(ref.id, CaseStatus.ASESMEN)
    partial = ConsentInput(ConsentPurpose.RUJUKAN, ConsentOutcome.SEBAGIAN, recipient=DINSOS,
                           data_items=frozenset({DataItem.NAMA, DataItem.KRONOLOGI}),
                           guardian_name="Ibu Sri", guardian_relation="ibu",
                           override_reason="tidak berlaku", expires_on=date(2026, 6, 30),
                           note="dibacakan ulang")
    override = ConsentInput(ConsentPurpose.RUJUKAN, ConsentOutcome.OVERRIDE, recipient=SATGAS,
                            override_reason="kepentingan terbaik korban")
    stats = ConsentInput(ConsentPurpose.STATISTIK, ConsentOutcome.DIBERIKAN)
    consent_ids = [rf.record_consent(ref.id, c) for c in (partial, override, stats)]
    clock.advance(timedelta(minutes=10))
    rf.revoke_consent(consent_ids[2], "korban menarik persetujuan")
    revoked_at = clock.now()
    clock.advance(timedelta(minutes=10))
    rujukan = ReferralInput(DINSOS, ReferralKind.RUJUKAN, Priority.SEGERA,
                            frozenset({SimfoniService.KESEHATAN, SimfoniService.BANTUAN_HUKUM}),
                            letter_number="400/12/PPKS/2026", note="diantar langsung")
    penerusan = ReferralInput(SATGAS, ReferralKind.PENERUSAN, Priority.DARURAT,
                              letter_number="400/13/PPKS/2026", note="insider")
    sent_at = clock.now()
    referral_ids = [rf.refer(ref.id, rujukan), rf.refer(ref.id, penerusan)]
    clock.advance(timedelta(hours=20))
    rf.record_feedback(referral_ids[0], ReferralOutcome.DITANGANI, "diterima Kabid")
    rf.confirm_police_report(referral_ids[0])
    feedback_at = clock.now()
    follow_ids = [wf.add_follow_up(ref.id, FollowUpKind.KONTAK, "telepon korban"),
                  wf.add_follow_up(ref.id, FollowUpKind.CATATAN, "catatan\nbaris dua")]
    for right in sorted(STARRED_RIGHTS):
        wf.set_right(ref.id, right, RightStatus.DIBERIKAN, f"catatan {right.value}")
    clock.advance(timedelta(hours=1))
    wf.set_right(ref.id, VictimRight.DOKUMEN_HASIL, RightStatus.DITOLAK_KORBAN, "tidak aman")
    session.cases.restrict(ref.id, frozenset({other.id}))
    wf.close(ref.id, ClosureReason.KEBUTUHAN_TERPENUHI, "selesai ditangani")
    facts = dict(me=me, other=other.id, start=start, consent_ids=consent_ids,
                 consents=(partial, override, stats), revoked_at=revoked_at, sent_at=sent_at,
                 referral_ids=referral_ids, referrals=(rujukan, penerusan),
                 feedback_at=feedback_at, follow_ids=follow_ids, closed_at=clock.now())
    return ref.id, facts


def test_everything_hanging_off_a_case_round_trips(session: Session, clock: FakeClock) -> None:
    case_id, f = _rich_case(session, clock)
    case = session.cases.get(case_id)
    me = f["me"]
    assert case.consents == (
        ConsentRecord(f["consent_ids"][0], f["consents"][0], f["start"], me),
        ConsentRecord(f["consent_ids"][1], f["consents"][1], f["start"], me),
        ConsentRecord(f["consent_ids"][2], f["consents"][2], f["start"], me, f["revoked_at"], me,
                      "korban menarik persetujuan"),
    )
    sent = f["sent_at"]
    assert case.referrals == (
        Referral(f["referral_ids"][0], f["referrals"][0], sent, sent + timedelta(hours=72), me,
                 f["consent_ids"][0], f["feedback_at"], ReferralOutcome.DITANGANI,
                 "diterima Kabid", f["feedback_at"],
                 letter_number=f["referrals"][0].letter_number),  # registered when referred
        Referral(f["referral_ids"][1], f["referrals"][1], sent, sent + timedelta(hours=24), me,
                 f["consent_ids"][1], letter_number=f["referrals"][1].letter_number),
    )
    assert [(u.id, u.kind, u.note, u.officer_id, u.at) for u in case.follow_ups] == [
        (f["follow_ids"][0], FollowUpKind.KONTAK, "telepon korban", me, f["feedback_at"]),
        (f["follow_ids"][1], FollowUpKind.CATATAN, "catatan\nbaris dua", me, f["feedback_at"]),
    ]
    rights = {entry.right: entry for entry in case.rights}
    assert set(rights) == STARRED_RIGHTS
    document = rights[VictimRight.DOKUMEN_HASIL]
    assert (document.status, document.note, document.at) == (
        RightStatus.DITOLAK_KORBAN, "tidak aman", f["closed_at"])
    info = rights[VictimRight.INFORMASI_PROSES]
    assert (info.status, info.note, info.officer_id) == (
        RightStatus.DIBERIKAN, "catatan informasi_proses_68a", me)
    assert case.closure is not None
    assert (case.closure.reason, case.closure.note, case.closure.closed_at,
            case.closure.closed_by) == (ClosureReason.KEBUTUHAN_TERPENUHI, "selesai ditangani",
                                        f["closed_at"], me)
    assert [(h.from_status, h.to_status) for h in case.history] == [
        (None, CaseStatus.DRAF), (CaseStatus.DRAF, CaseStatus.DITERIMA),
        (CaseStatus.DITERIMA, CaseStatus.ASESMEN), (CaseStatus.ASESMEN, CaseStatus.DIRUJUK),
        (CaseStatus.DIRUJUK, CaseStatus.DITERUSKAN),
        (CaseStatus.DITERUSKAN, CaseStatus.PEMANTAUAN),
        (CaseStatus.PEMANTAUAN, CaseStatus.DITUTUP)]
    assert case.history[-1].reason == "selesai ditangani"
    assert {h.by_user for h in case.history} == {me}
    assert case.restricted_from == frozenset({f["other"]})
    assert case.status is CaseStatus.DITUTUP


def test_case_and_attachments_survive_lock_and_unlock(vault: Vault, session: Session,
                                                      clock: FakeClock) -> None:
    case_id, _ = _rich_case(session, clock)
    session.workflow.reopen(case_id, "ada laporan baru")
    captured = datetime(2026, 2, 28, 8, 15, 30, 123456, tzinfo=WIB)
    photo = bytes(range(256)) * 40
    info = session.attachments.add(case_id, "foto memar.jpg", photo, captured_at=captured)
    before = session.cases.get(case_id)
    listed = session.attachments.for_case(case_id)
    session.close()
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as again:
        after = again.cases.get(case_id)
        assert after == before
        assert after.closure is None and after.status is CaseStatus.ASESMEN
        assert again.attachments.for_case(case_id) == listed == [info]
        assert again.attachments.read(info.id) == photo
    assert (info.filename, info.mime, info.size, info.case_id) == (
        "foto memar.jpg", "image/jpeg", len(photo), case_id)
    assert info.captured_at == captured and info.added_at == clock.now()


# --- case codes ----------------------------------------------------------------------------

def _codes(session: Session, count: int) -> list[str]:
    return [session.cases.create(helpers.minimal_intake(received=session.ctx.clock.now())).code
            for _ in range(count)]


def test_codes_follow_the_template_and_count_per_year(session: Session,
                                                      clock: FakeClock) -> None:
    assert _codes(session, 3) == ["001/PPKS/3316/2026", "002/PPKS/3316/2026",
                                  "003/PPKS/3316/2026"]
    # 00:30 WIB on 1 January 2027 is still 2026 in UTC: the office's year counts.
    clock.set(datetime(2026, 12, 31, 17, 30, tzinfo=UTC))
    assert _codes(session, 2) == ["001/PPKS/3316/2027", "002/PPKS/3316/2027"]


def test_codes_are_never_reused(session: Session) -> None:
    first = _codes(session, 3)
    # A destroyed case leaves a gap; its number is not handed out again.
    session.ctx.conn.execute("DELETE FROM cases WHERE code = ?", (first[-1],))
    assert _codes(session, 1) == ["004/PPKS/3316/2026"]


def test_codes_follow_a_changed_template_and_region(session: Session) -> None:
    institution = session.settings.get().institution
    session.settings.update(case_number_template="PPKS-{kode_wilayah}-{tahun}{bulan:02d}-{nomor}",
                            institution=dataclasses.replace(institution, region_code="3317"))
    assert _codes(session, 2) == ["PPKS-3317-202603-1", "PPKS-3317-202603-2"]


def test_codes_stay_unique_when_the_pc_clock_is_corrected(session: Session,
                                                          clock: FakeClock) -> None:
    """``{nomor}{bulan}`` gives 1+11 == 11+1: a clock set back must not reuse a code."""
    session.settings.update(case_number_template="{nomor}{bulan}/{tahun}")
    clock.set(datetime(2026, 11, 2, 2, 0, tzinfo=UTC))
    codes = _codes(session, 1)
    clock.set(datetime(2026, 1, 5, 2, 0, tzinfo=UTC))
    codes += _codes(session, 11)
    assert codes[0] == "111/2026"
    assert len(set(codes)) == len(codes) == 12
    assert all(session.cases.get(s.id).code == s.code for s in session.cases.summaries())


# --- timestamps ----------------------------------------------------------------------------

def test_timestamps_keep_time_order_within_a_second(session: Session, clock: FakeClock) -> None:
    """A whole second (``…:00``) and the half second after it are stored in time order."""
    whole = session.cases.create(helpers.minimal_intake(received=helpers.START))
    half = session.cases.create(helpers.minimal_intake(
        received=helpers.START + timedelta(milliseconds=500)))
    assert [s.id for s in session.cases.summaries()] == [half.id, whole.id]
    first = session.workflow.add_follow_up(whole.id, FollowUpKind.KONTAK, "pertama")
    clock.advance(timedelta(milliseconds=500))
    second = session.workflow.add_follow_up(whole.id, FollowUpKind.KONTAK, "kedua")
    assert [f.id for f in session.cases.get(whole.id).follow_ups] == [first, second]


@pytest.mark.parametrize("received", [
    datetime(1, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=5))),  # before year 1 in UTC
    datetime(1899, 12, 31, 23, 0, tzinfo=UTC),
    helpers.START + timedelta(days=2),
])
def test_reception_time_out_of_range_is_refused(session: Session, received: datetime) -> None:
    with pytest.raises(ValidationError) as info:
        session.cases.create(helpers.minimal_intake(received=received))
    assert [(e.field, e.code) for e in info.value.errors] == [
        ("reception.received_at", "date_range")]
    assert session.cases.summaries() == []
