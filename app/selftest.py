"""The Qt-free half of ``posko --self-test``: a throw-away vault taken through the real services.

The frozen app breaks where a library, a data file or a hidden import is missing, so the
self-test walks the paths an officer's first day walks — create, unlock, save, search, print
a referral and save it encrypted, verify — in a fresh folder that is deleted again. The
desktop half (ui/self_test.py) adds the Qt steps (QtPdf, QtPrintSupport) between these and
reports each step on one line.

The vault uses the Argon2id floor (its data is fictional, and the test must run in seconds) and
never touches the officer's own vault: it lives in a new folder made with ``mkdtemp``.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from app.clock import SystemClock
from app.documents import export
from app.domain.enums import CaseStatus, ConsentOutcome, ConsentPurpose, Priority, Sex, TpksType
from app.domain.models import (
    ConsentInput,
    Incident,
    Intake,
    Reception,
    ReferralInput,
    Triage,
    Victim,
)
from app.keys.kdf import FLOOR
from app.paths import VaultPaths
from app.services.session import Session
from app.services.vault import Vault

USER = "ujimandiri"
PASSWORD = "uji mandiri posko tanpa data asli"
#: Found again by the search step; clearly fictional, like the demo data.
VICTIM = "Sekar Ujimandiri (DEMO)"
RECIPIENT = "dinsos_p3a_blora"  # in the default directory of every new vault
PREFIX = "posko-selftest-"


class StepFailed(Exception):
    """A step ran but its result was wrong (an exception from a library fails a step too)."""


@dataclass
class Probe:
    """What the steps hand on to each other."""

    parent: Path | None = None
    folder: Path | None = None
    vault: Vault | None = None
    session: Session | None = None
    case_id: int = 0
    referral_id: int = 0
    pdf: bytes = b""

    def open_session(self) -> Session:
        if self.session is None:
            raise StepFailed("tidak ada sesi terbuka")
        return self.session


Step = tuple[str, Callable[[Probe], None]]


def create_vault(probe: Probe) -> None:
    probe.folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=probe.parent))
    probe.vault = Vault(VaultPaths(probe.folder / "vault"), kdf_params=FLOOR)
    session, _ = probe.vault.create(username=USER, display_name="Uji Mandiri",
                                    password=PASSWORD)
    session.close()


def unlock(probe: Probe) -> None:
    if probe.vault is None:
        raise StepFailed("vault belum dibuat")
    probe.session = probe.vault.unlock(USER, PASSWORD)


def _intake() -> Intake:
    return Intake(reception=Reception(received_at=SystemClock().now()),
                  victim=Victim(full_name=VICTIM, sex=Sex.P, age_years=30),
                  incident=Incident(chronology="[DATA DEMO] Uji mandiri aplikasi.",
                                    tpks_types=frozenset({TpksType.PELECEHAN_NONFISIK})),
                  triage=Triage(priority=Priority.BIASA))


def save_case(probe: Probe) -> None:
    """A case walked to a Dinsos referral (consent first), as an officer would."""
    session = probe.open_session()
    probe.case_id = session.cases.create(_intake()).id
    session.workflow.transition(probe.case_id, CaseStatus.DITERIMA)
    session.workflow.transition(probe.case_id, CaseStatus.ASESMEN)
    session.referrals.record_consent(probe.case_id, ConsentInput(
        ConsentPurpose.RUJUKAN, ConsentOutcome.DIBERIKAN, recipient=RECIPIENT))
    probe.referral_id = session.referrals.refer(probe.case_id, ReferralInput(RECIPIENT))


def search_case(probe: Probe) -> None:
    found = [summary.id for summary in probe.open_session().cases.search("ujimandiri")]
    if found != [probe.case_id]:
        raise StepFailed(f"pencarian menemukan {found}, bukan [{probe.case_id}]")


def render_referral(probe: Probe) -> None:
    probe.pdf = probe.open_session().documents.referral_letter(probe.referral_id).pdf
    if not probe.pdf.startswith(b"%PDF-"):
        raise StepFailed("hasil bukan PDF")


def encrypt_pdf(probe: Probe) -> None:
    """The "Simpan PDF" path: AES-256 by pypdf (with cryptography), read back with the password."""
    password = export.propose_password()
    reader = PdfReader(io.BytesIO(export.encrypt(probe.pdf, password)))
    if not reader.is_encrypted or not reader.decrypt(password) or not reader.pages:
        raise StepFailed("PDF terenkripsi tidak terbaca kembali")


def verify_audit(probe: Probe) -> None:
    report = probe.open_session().integrity.check()
    if not report.ok:
        raise StepFailed(f"rantai audit {report.audit.ok}, basis data {report.sqlite_ok}/"
                         f"{report.cipher_ok}, berkas kunci {report.keys_mac_ok}")


def remove_vault(probe: Probe) -> None:
    """Always runs: lock the session (files closed, so Windows can delete them), then delete."""
    if probe.session is not None:
        probe.session.close()
        probe.session = None
    if probe.folder is None:
        return
    shutil.rmtree(probe.folder, ignore_errors=True)
    if probe.folder.exists():
        raise StepFailed(f"folder {probe.folder} masih ada")


BEFORE_QT: tuple[Step, ...] = (
    ("buat vault", create_vault), ("buka kunci", unlock), ("simpan kasus", save_case),
    ("cari kasus", search_case), ("render PDF rujukan", render_referral),
    ("enkripsi PDF", encrypt_pdf),
)
AFTER_QT: tuple[Step, ...] = (("periksa rantai audit", verify_audit),)
CLEANUP: Step = ("hapus vault", remove_vault)


def _describe(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return type(error).__name__ + (f": {text[0]}" if text else "")


def run(steps: Sequence[Step], probe: Probe, report: Callable[[str], None]) -> bool:
    """Run ``steps`` in order, then :data:`CLEANUP` whatever happened; one line per step.

    After the first failure the remaining steps are reported as skipped ("LEWAT"): they depend
    on what the failed one should have made. True when every step passed.
    """
    ok = True
    for name, step in (*steps, CLEANUP):
        if not ok and (name, step) != CLEANUP:
            report(f"LEWAT {name}")
            continue
        started = time.perf_counter()
        try:
            step(probe)
        except Exception as error:  # any failure of any library is the finding
            ok = False
            report(f"GAGAL {name}: {_describe(error)}")
            continue
        report(f"OK    {name} ({time.perf_counter() - started:.2f} s)")
    return ok
