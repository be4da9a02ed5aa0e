"""Office configuration kept inside the encrypted vault (STYLE.md §4).

Blora is the default everywhere, and everything Blora-specific is a setting, so another district
office installs the same app and changes these in Pengaturan. Officials' names are never
defaults: the letter signatory and addressees are filled in by the office.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.case_numbers import DEFAULT_LETTER_TEMPLATE, DEFAULT_TEMPLATE
from app.domain.enums import IndonesianTimeZone, PaperSize, RecipientKind
from app.domain.taxonomy import BLORA_KECAMATAN, OUTSIDE_DISTRICT


@dataclass(frozen=True)
class Institution:
    name: str = "Komisi Pemilihan Umum Kabupaten Blora"
    parent_name: str = "Komisi Pemilihan Umum"
    region_code: str = "3316"
    region_name: str = "Kabupaten Blora"
    province: str = "Jawa Tengah"
    city: str = "Blora"  # place name on letters: "Blora, 14 Agustus 2025"
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    posko_name: str = "Posko Pengaduan Kekerasan Seksual"
    dpo_contact: str | None = None  # UU PDP Pasal 53 data protection officer


@dataclass(frozen=True)
class Signatory:
    name: str | None = None
    position: str = "Ketua"
    nip: str | None = None


@dataclass(frozen=True)
class Recipient:
    """One addressee in the referral directory (editable; no officials' names by default)."""

    key: str
    kind: RecipientKind
    name: str
    addressee: str
    attention: str | None = None
    address: str | None = None
    phone: str | None = None
    active: bool = True


BLORA_DIRECTORY: tuple[Recipient, ...] = (
    Recipient("dinsos_p3a_blora", RecipientKind.DINSOS_P3A,
              "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Blora",
              "Kepala Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Blora",
              attention="Kepala Bidang Pemberdayaan Perempuan dan Perlindungan Anak"),
    # DOMAIN.md §1: the UPTD PPA Blora was still being formed in Oct 2024 (to confirm).
    Recipient("uptd_ppa_blora", RecipientKind.UPTD_PPA,
              "UPTD Perlindungan Perempuan dan Anak Kabupaten Blora",
              "Kepala UPTD Perlindungan Perempuan dan Anak Kabupaten Blora", active=False),
    Recipient("rsud_blora", RecipientKind.RSUD, "RSUD Dr. R. Soetijono Blora",
              "Direktur RSUD Dr. R. Soetijono Blora"),
    Recipient("polres_blora_ppa", RecipientKind.POLRES_PPA,
              "Unit PPA Satreskrim Polres Blora", "Kepala Kepolisian Resor Blora",
              attention="Kepala Unit Pelayanan Perempuan dan Anak"),
    Recipient("lbh", RecipientKind.LBH, "Lembaga Bantuan Hukum", "Pimpinan Lembaga Bantuan Hukum"),
    Recipient("satgas_kpu_jateng", RecipientKind.SATGAS_KPU_PROVINSI,
              "Satgas Pencegahan Kekerasan Seksual KPU Provinsi Jawa Tengah",
              "Ketua Satgas Pencegahan Kekerasan Seksual KPU Provinsi Jawa Tengah"),
)


@dataclass(frozen=True)
class OfficeSettings:
    institution: Institution = Institution()
    signatory: Signatory = Signatory()
    case_number_template: str = DEFAULT_TEMPLATE
    letter_number_template: str = DEFAULT_LETTER_TEMPLATE
    #: Letterhead logo (PNG or JPEG) supplied by the office; none by default.
    logo: bytes | None = None
    directory: tuple[Recipient, ...] = BLORA_DIRECTORY
    kecamatan: tuple[str, ...] = BLORA_KECAMATAN
    outside_district: str = OUTSIDE_DISTRICT
    paper_size: PaperSize = PaperSize.F4
    auto_lock_minutes: int = 5
    attachment_limit_mb: int = 25
    timezone: IndonesianTimeZone = IndonesianTimeZone.WIB
    #: Beranda reminds the koordinator when the last verified backup is older than this.
    backup_reminder_days: int = 7
    #: Closed cases may be destroyed this long after closing (UU PDP Pasal 42–44; the
    #: office's archive schedule decides — to confirm with the office).
    retention_years: int = 5
    #: Printed on the destruction record as the legal basis (to confirm with the office).
    retention_legal_basis: str = ("UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi, "
                                  "Pasal 43 dan 44; jadwal retensi arsip kantor")

    def recipient(self, key: str) -> Recipient | None:
        return next((r for r in self.directory if r.key == key), None)

    def pasal41_recipients(self) -> frozenset[str]:
        """Directory keys whose referrals start the Pasal 41 police-report clock."""
        kinds = {RecipientKind.DINSOS_P3A, RecipientKind.UPTD_PPA}
        return frozenset(r.key for r in self.directory if r.kind in kinds)

    def kecamatan_choices(self) -> tuple[str, ...]:
        return (*self.kecamatan, self.outside_district)
