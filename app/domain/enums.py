"""Every closed list the posko records, as string enums.

Values are stable storage codes (lowercase Indonesian); display labels live in
:mod:`app.domain.labels`. Never rename a value: it is stored in the vault and in old backups.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    KOORDINATOR = "koordinator"  # all cases not recused from them, users, settings, closure
    PETUGAS = "petugas"          # creates cases, sees the cases assigned to them
    PIMPINAN = "pimpinan"        # aggregate statistics only, never a name


class CaseStatus(StrEnum):
    DRAF = "draf"
    DITERIMA = "diterima"
    ASESMEN = "asesmen"
    DIRUJUK = "dirujuk"
    DITERUSKAN = "diteruskan"              # escalated to Satgas KPU Provinsi (insider case)
    LAYANAN_INTERNAL = "layanan_internal"
    PEMANTAUAN = "pemantauan"
    DITUTUP = "ditutup"
    DIARSIPKAN = "diarsipkan"


class Channel(StrEnum):
    DATANG_LANGSUNG = "datang_langsung"
    TELEPON = "telepon"
    WHATSAPP = "whatsapp"
    SURAT = "surat"
    LAINNYA = "lainnya"


class ReferralSource(StrEnum):
    """Who sent the client to the posko (DOMAIN.md §5.1)."""

    SENDIRI = "sendiri"
    KELUARGA = "keluarga"
    REKAN_KERJA = "rekan_kerja"
    TENAGA_KESEHATAN = "tenaga_kesehatan"
    POLISI = "polisi"
    SEKOLAH = "sekolah"
    INSTANSI_LAIN = "instansi_lain"
    LAINNYA = "lainnya"


class Route(StrEnum):
    RUJUKAN = "rujukan"                    # to Dinsos P3A / UPTD PPA
    ESKALASI = "eskalasi"                  # to Satgas KPU Provinsi (insider)
    LAYANAN_INTERNAL = "layanan_internal"  # information only / referral declined


class Sex(StrEnum):
    L = "L"
    P = "P"


class VictimKpuRelation(StrEnum):
    ASN_SEKRETARIAT = "asn_sekretariat"
    KOMISIONER = "komisioner"
    PPK = "ppk"
    PPS = "pps"
    KPPS = "kpps"
    PANTARLIH = "pantarlih"
    PESERTA_PEMILU = "peserta_pemilu"
    PEMILIH_MASYARAKAT = "pemilih_masyarakat"
    LAINNYA = "lainnya"


class PerpetratorKpuRelation(StrEnum):
    """Relation of a terlapor to the institution; anything but TIDAK_ADA makes an insider case."""

    ATASAN = "atasan"
    REKAN_KERJA = "rekan_kerja"
    PPK = "ppk"
    PPS = "pps"
    KPPS = "kpps"
    PANTARLIH = "pantarlih"
    PESERTA_PEMILU = "peserta_pemilu"
    LAINNYA = "lainnya"
    TIDAK_ADA = "tidak_ada"


class SimfoniRelation(StrEnum):
    ORANG_TUA = "orang_tua"
    KELUARGA_SAUDARA = "keluarga_saudara"
    SUAMI_ISTRI = "suami_istri"
    PACAR_TEMAN = "pacar_teman"
    TETANGGA = "tetangga"
    GURU = "guru"
    MAJIKAN = "majikan"
    REKAN_KERJA = "rekan_kerja"
    LAINNYA = "lainnya"
    NA = "n_a"


class AgeBand(StrEnum):
    """SIMFONI-PPA age bands."""

    B0_5 = "0-5"
    B6_12 = "6-12"
    B13_17 = "13-17"
    B18_24 = "18-24"
    B25_44 = "25-44"
    B45_59 = "45-59"
    B60 = "60+"


class Education(StrEnum):
    TIDAK_SEKOLAH = "tidak_sekolah"
    SD = "sd"
    SMP = "smp"
    SMA = "sma"
    DIPLOMA = "diploma"
    S1 = "s1"
    S2_S3 = "s2_s3"


class MaritalStatus(StrEnum):
    BELUM_KAWIN = "belum_kawin"
    KAWIN = "kawin"
    CERAI_HIDUP = "cerai_hidup"
    CERAI_MATI = "cerai_mati"


class TpksType(StrEnum):
    """UU 12/2022 Pasal 4 ayat (1) (nine offences) and ayat (2) (ten more), multi-select."""

    # Pasal 4 ayat (1)
    PELECEHAN_NONFISIK = "pelecehan_seksual_nonfisik"
    PELECEHAN_FISIK = "pelecehan_seksual_fisik"
    PEMAKSAAN_KONTRASEPSI = "pemaksaan_kontrasepsi"
    PEMAKSAAN_STERILISASI = "pemaksaan_sterilisasi"
    PEMAKSAAN_PERKAWINAN = "pemaksaan_perkawinan"
    PENYIKSAAN_SEKSUAL = "penyiksaan_seksual"
    EKSPLOITASI_SEKSUAL = "eksploitasi_seksual"
    PERBUDAKAN_SEKSUAL = "perbudakan_seksual"
    KSBE = "kekerasan_seksual_berbasis_elektronik"
    # Pasal 4 ayat (2)
    PERKOSAAN = "perkosaan"
    PERBUATAN_CABUL = "perbuatan_cabul"
    TERHADAP_ANAK = "persetubuhan_cabul_eksploitasi_anak"
    MELANGGAR_KESUSILAAN = "melanggar_kesusilaan"
    PORNOGRAFI = "pornografi_anak_atau_kekerasan"
    PEMAKSAAN_PELACURAN = "pemaksaan_pelacuran"
    TPPO_SEKSUAL = "tppo_eksploitasi_seksual"
    KDRT_SEKSUAL = "kekerasan_seksual_rumah_tangga"
    TPPU_TPKS = "tppu_asal_tpks"
    LAINNYA_UU = "tindak_pidana_lain_tpks"


class Pasal15Flag(StrEnum):
    """UU TPKS Pasal 15 aggravating circumstances (list to confirm with the office)."""

    LINGKUP_KELUARGA = "lingkup_keluarga"
    TENAGA_PROFESIONAL = "tenaga_profesional"
    PEJABAT_ATASAN = "pejabat_atasan_pemberi_kerja"
    BERULANG_ATAU_LEBIH_DARI_SATU = "berulang_atau_lebih_dari_satu_korban"
    DUA_ORANG_ATAU_LEBIH = "dua_orang_atau_lebih"
    KORBAN_RENTAN = "anak_disabilitas_hamil_tidak_berdaya"
    KEADAAN_DARURAT = "keadaan_darurat_bencana_konflik"
    SARANA_ELEKTRONIK = "sarana_elektronik"


class SimfoniViolence(StrEnum):
    FISIK = "fisik"
    PSIKIS = "psikis"
    SEKSUAL = "seksual"
    EKSPLOITASI = "eksploitasi"
    TRAFFICKING = "trafficking"
    PENELANTARAN = "penelantaran"
    LAINNYA = "lainnya"


class SimfoniPlace(StrEnum):
    RUMAH_TANGGA = "rumah_tangga"
    TEMPAT_KERJA = "tempat_kerja"
    SEKOLAH = "sekolah"
    FASILITAS_UMUM = "fasilitas_umum"
    LEMBAGA_PENDIDIKAN_KILAT = "lembaga_pendidikan_kilat"
    LAINNYA = "lainnya"


class SimfoniService(StrEnum):
    PENGADUAN = "pengaduan"
    KESEHATAN = "kesehatan"
    BANTUAN_HUKUM = "bantuan_hukum"
    PENEGAKAN_HUKUM = "penegakan_hukum"
    REHABILITASI_SOSIAL = "rehabilitasi_sosial"
    REINTEGRASI_SOSIAL = "reintegrasi_sosial"
    PEMULANGAN = "pemulangan"
    PENDAMPINGAN_TOKOH_AGAMA = "pendampingan_tokoh_agama"


class GbvimsType(StrEnum):
    RAPE = "rape"
    SEXUAL_ASSAULT = "sexual_assault"
    PHYSICAL_ASSAULT = "physical_assault"
    FORCED_MARRIAGE = "forced_marriage"
    DENIAL_OF_RESOURCES = "denial_of_resources"
    PSYCHOLOGICAL_ABUSE = "psychological_abuse"
    NON_GBV = "non_gbv"


class TimeOfDay(StrEnum):
    PAGI = "pagi"
    SIANG = "siang"
    SORE = "sore"
    MALAM = "malam"


class Need(StrEnum):
    KESEHATAN_VISUM = "kesehatan_visum"
    PENGUATAN_PSIKOLOGIS = "penguatan_psikologis"
    BANTUAN_HUKUM = "bantuan_hukum"
    RUMAH_AMAN = "rumah_aman"
    PENDAMPINGAN = "pendampingan"
    REHABILITASI_SOSIAL = "rehabilitasi_sosial"
    INFORMASI_SAJA = "informasi_saja"


class Priority(StrEnum):
    """IASC referral priorities; the feedback clock depends on them (DOMAIN.md §7)."""

    DARURAT = "darurat"   # 24 hours
    SEGERA = "segera"     # 72 hours
    BIASA = "biasa"       # 14 days


class ConsentPurpose(StrEnum):
    LAYANAN = "layanan"        # services by the posko itself
    RUJUKAN = "rujukan"        # disclosure to one recipient (referral or escalation)
    STATISTIK = "statistik"    # counted in anonymised statistics


class ConsentOutcome(StrEnum):
    DIBERIKAN = "diberikan"
    SEBAGIAN = "sebagian"
    DITOLAK = "ditolak"
    WALI = "wali"              # given by the parent/guardian of a child (UU PDP Pasal 25)
    OVERRIDE = "override"      # koordinator override (emergency or best interest) with reason


class DataItem(StrEnum):
    """Items a referral consent may cover; the letter prints only consented items."""

    NAMA = "nama"
    NIK = "nik"
    TANGGAL_LAHIR_USIA = "tanggal_lahir_usia"
    ALAMAT = "alamat"
    KONTAK = "kontak"
    KRONOLOGI = "kronologi"
    DATA_TERLAPOR = "data_terlapor"
    LAMPIRAN = "lampiran"


class ClosureReason(StrEnum):
    KEBUTUHAN_TERPENUHI = "kebutuhan_terpenuhi"
    DIALIHKAN = "dialihkan"
    KORBAN_MUNDUR = "korban_mundur"
    TIDAK_DAPAT_DIHUBUNGI = "tidak_dapat_dihubungi"
    DUPLIKAT = "duplikat"


class VictimRight(StrEnum):
    """UU TPKS Pasal 66–70 rights checklist; the starred ones gate closure."""

    AKSESIBILITAS = "aksesibilitas_66"
    INFORMASI_PROSES = "informasi_proses_68a"          # starred
    DOKUMEN_HASIL = "dokumen_hasil_penanganan_68b"     # starred
    LAYANAN_HUKUM_PSIKOLOGIS_KESEHATAN = "layanan_hukum_psikologis_kesehatan_68"
    KEBUTUHAN_KHUSUS_KSBE = "kebutuhan_khusus_penghapusan_konten_68"
    INFORMASI_PELINDUNGAN = "informasi_pelindungan_69a"  # starred
    PELINDUNGAN_ANCAMAN = "pelindungan_ancaman_69"
    KERAHASIAAN_IDENTITAS = "kerahasiaan_identitas_69d"  # starred
    PELINDUNGAN_APARAT = "pelindungan_perlakuan_merendahkan_69"
    PELINDUNGAN_PEKERJAAN = "pelindungan_pekerjaan_pendidikan_69"
    PELINDUNGAN_TUNTUTAN = "pelindungan_tuntutan_69"
    PEMULIHAN = "pemulihan_70"


class RightStatus(StrEnum):
    DIBERIKAN = "diberikan"
    DIRUJUK = "dirujuk"
    DITOLAK_KORBAN = "ditolak_korban"
    TIDAK_RELEVAN = "tidak_relevan"


class FollowUpKind(StrEnum):
    KONTAK = "kontak"
    UMPAN_BALIK = "umpan_balik"
    LAYANAN = "layanan"
    KONFIRMASI_LAPORAN_POLISI = "konfirmasi_laporan_polisi"
    CATATAN = "catatan"


class ReferralKind(StrEnum):
    RUJUKAN = "rujukan"      # Surat Rujukan to Dinsos P3A / UPTD PPA / other service
    PENERUSAN = "penerusan"  # Surat Penerusan to Satgas KPU Provinsi (insider case)


class ReferralOutcome(StrEnum):
    DITANGANI = "ditangani"
    DITOLAK = "ditolak"
    DIALIHKAN = "dialihkan"
    KORBAN_TIDAK_DATANG = "korban_tidak_datang"


class RecipientKind(StrEnum):
    DINSOS_P3A = "dinsos_p3a"
    UPTD_PPA = "uptd_ppa"
    RSUD = "rsud"
    POLRES_PPA = "polres_ppa"
    LBH = "lbh"
    SATGAS_KPU_PROVINSI = "satgas_kpu_provinsi"
    LAINNYA = "lainnya"


class DeadlineKind(StrEnum):
    UMPAN_BALIK_RUJUKAN = "umpan_balik_rujukan"
    JENDELA_MEDIS_72_JAM = "jendela_medis_72_jam"
    PASAL_41_LAPORAN_POLISI = "pasal_41_laporan_polisi"


class PaperSize(StrEnum):
    A4 = "A4"
    F4 = "F4"


class IndonesianTimeZone(StrEnum):
    """Indonesia's three zones have fixed offsets (no DST), so no tz database is needed."""

    WIB = "WIB"
    WITA = "WITA"
    WIT = "WIT"
