"""Indonesian names of every coded value, as the posko, the law and SIMFONI-PPA write them.

This is domain vocabulary, not UI chrome: the same words appear on letters (made in ``app/``)
and on screen (``ui/`` passes them through ``QCoreApplication.translate("labels", …)``).
SIMFONI-PPA values must match the national system exactly (DOMAIN.md §4.1).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Final

from app.domain.enums import (
    AgeBand,
    CaseStatus,
    Channel,
    ClosureReason,
    ConsentOutcome,
    ConsentPurpose,
    DataItem,
    DeadlineKind,
    Education,
    FollowUpKind,
    GbvimsType,
    IndonesianTimeZone,
    MaritalStatus,
    Need,
    PaperSize,
    Pasal15Flag,
    PerpetratorKpuRelation,
    Priority,
    RecipientKind,
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

LABELS: Final[Mapping[type[Enum], Mapping[Enum, str]]] = {
    Role: {
        Role.KOORDINATOR: "Koordinator",
        Role.PETUGAS: "Petugas",
        Role.PIMPINAN: "Pimpinan",
    },
    CaseStatus: {
        CaseStatus.DRAF: "Draf",
        CaseStatus.DITERIMA: "Diterima",
        CaseStatus.ASESMEN: "Asesmen & triase",
        CaseStatus.DIRUJUK: "Dirujuk",
        CaseStatus.DITERUSKAN: "Diteruskan ke Satgas",
        CaseStatus.LAYANAN_INTERNAL: "Layanan internal saja",
        CaseStatus.PEMANTAUAN: "Dalam pemantauan",
        CaseStatus.DITUTUP: "Ditutup",
        CaseStatus.DIARSIPKAN: "Diarsipkan",
    },
    Channel: {
        Channel.DATANG_LANGSUNG: "Datang langsung",
        Channel.TELEPON: "Telepon",
        Channel.WHATSAPP: "WhatsApp",
        Channel.SURAT: "Surat",
        Channel.LAINNYA: "Lainnya",
    },
    ReferralSource: {
        ReferralSource.SENDIRI: "Datang sendiri",
        ReferralSource.KELUARGA: "Keluarga",
        ReferralSource.REKAN_KERJA: "Rekan kerja",
        ReferralSource.TENAGA_KESEHATAN: "Tenaga kesehatan",
        ReferralSource.POLISI: "Kepolisian",
        ReferralSource.SEKOLAH: "Sekolah",
        ReferralSource.INSTANSI_LAIN: "Instansi lain",
        ReferralSource.LAINNYA: "Lainnya",
    },
    Route: {
        Route.RUJUKAN: "Rujukan ke Dinsos P3A / UPTD PPA",
        Route.ESKALASI: "Eskalasi ke Satgas KPU Provinsi",
        Route.LAYANAN_INTERNAL: "Layanan internal saja",
    },
    Sex: {
        Sex.L: "Laki-laki",
        Sex.P: "Perempuan",
    },
    VictimKpuRelation: {
        VictimKpuRelation.ASN_SEKRETARIAT: "ASN / staf sekretariat",
        VictimKpuRelation.KOMISIONER: "Anggota KPU (komisioner)",
        VictimKpuRelation.PPK: "Anggota PPK",
        VictimKpuRelation.PPS: "Anggota PPS",
        VictimKpuRelation.KPPS: "Anggota KPPS",
        VictimKpuRelation.PANTARLIH: "Pantarlih",
        VictimKpuRelation.PESERTA_PEMILU: "Peserta pemilu",
        VictimKpuRelation.PEMILIH_MASYARAKAT: "Pemilih / masyarakat umum",
        VictimKpuRelation.LAINNYA: "Lainnya",
    },
    PerpetratorKpuRelation: {
        PerpetratorKpuRelation.ATASAN: "Atasan",
        PerpetratorKpuRelation.REKAN_KERJA: "Rekan kerja",
        PerpetratorKpuRelation.PPK: "Anggota PPK",
        PerpetratorKpuRelation.PPS: "Anggota PPS",
        PerpetratorKpuRelation.KPPS: "Anggota KPPS",
        PerpetratorKpuRelation.PANTARLIH: "Pantarlih",
        PerpetratorKpuRelation.PESERTA_PEMILU: "Peserta pemilu",
        PerpetratorKpuRelation.LAINNYA: "Hubungan lain dengan KPU",
        PerpetratorKpuRelation.TIDAK_ADA: "Tidak ada hubungan dengan KPU",
    },
    SimfoniRelation: {
        SimfoniRelation.ORANG_TUA: "Orang Tua",
        SimfoniRelation.KELUARGA_SAUDARA: "Keluarga/Saudara",
        SimfoniRelation.SUAMI_ISTRI: "Suami/Istri",
        SimfoniRelation.PACAR_TEMAN: "Pacar/Teman",
        SimfoniRelation.TETANGGA: "Tetangga",
        SimfoniRelation.GURU: "Guru",
        SimfoniRelation.MAJIKAN: "Majikan",
        SimfoniRelation.REKAN_KERJA: "Rekan Kerja",
        SimfoniRelation.LAINNYA: "Lainnya",
        SimfoniRelation.NA: "N/A",
    },
    AgeBand: {
        AgeBand.B0_5: "0–5",
        AgeBand.B6_12: "6–12",
        AgeBand.B13_17: "13–17",
        AgeBand.B18_24: "18–24",
        AgeBand.B25_44: "25–44",
        AgeBand.B45_59: "45–59",
        AgeBand.B60: "60+",
    },
    Education: {
        Education.TIDAK_SEKOLAH: "Tidak/belum sekolah",
        Education.SD: "SD/sederajat",
        Education.SMP: "SMP/sederajat",
        Education.SMA: "SMA/sederajat",
        Education.DIPLOMA: "Diploma",
        Education.S1: "S1",
        Education.S2_S3: "S2/S3",
    },
    MaritalStatus: {
        MaritalStatus.BELUM_KAWIN: "Belum kawin",
        MaritalStatus.KAWIN: "Kawin",
        MaritalStatus.CERAI_HIDUP: "Cerai hidup",
        MaritalStatus.CERAI_MATI: "Cerai mati",
    },
    TpksType: {
        TpksType.PELECEHAN_NONFISIK: "Pelecehan seksual nonfisik",
        TpksType.PELECEHAN_FISIK: "Pelecehan seksual fisik",
        TpksType.PEMAKSAAN_KONTRASEPSI: "Pemaksaan kontrasepsi",
        TpksType.PEMAKSAAN_STERILISASI: "Pemaksaan sterilisasi",
        TpksType.PEMAKSAAN_PERKAWINAN: "Pemaksaan perkawinan",
        TpksType.PENYIKSAAN_SEKSUAL: "Penyiksaan seksual",
        TpksType.EKSPLOITASI_SEKSUAL: "Eksploitasi seksual",
        TpksType.PERBUDAKAN_SEKSUAL: "Perbudakan seksual",
        TpksType.KSBE: "Kekerasan seksual berbasis elektronik",
        TpksType.PERKOSAAN: "Perkosaan",
        TpksType.PERBUATAN_CABUL: "Perbuatan cabul",
        TpksType.TERHADAP_ANAK: "Persetubuhan/perbuatan cabul/eksploitasi seksual terhadap anak",
        TpksType.MELANGGAR_KESUSILAAN: "Perbuatan melanggar kesusilaan di luar kehendak korban",
        TpksType.PORNOGRAFI: "Pornografi yang melibatkan anak atau memuat kekerasan seksual",
        TpksType.PEMAKSAAN_PELACURAN: "Pemaksaan pelacuran",
        TpksType.TPPO_SEKSUAL: "Perdagangan orang untuk eksploitasi seksual",
        TpksType.KDRT_SEKSUAL: "Kekerasan seksual dalam lingkup rumah tangga",
        TpksType.TPPU_TPKS: "Pencucian uang dari tindak pidana kekerasan seksual",
        TpksType.LAINNYA_UU: "Tindak pidana lain yang dinyatakan sebagai TPKS",
    },
    Pasal15Flag: {
        Pasal15Flag.LINGKUP_KELUARGA: "Dalam lingkup keluarga",
        Pasal15Flag.TENAGA_PROFESIONAL: "Oleh tenaga kesehatan, pendidik atau profesional lain",
        Pasal15Flag.PEJABAT_ATASAN: "Oleh pejabat, atasan atau pemberi kerja",
        Pasal15Flag.BERULANG_ATAU_LEBIH_DARI_SATU: "Berulang atau terhadap lebih dari satu orang",
        Pasal15Flag.DUA_ORANG_ATAU_LEBIH: "Dilakukan dua orang atau lebih bersama-sama",
        Pasal15Flag.KORBAN_RENTAN: "Terhadap anak, penyandang disabilitas, perempuan hamil atau "
                                           "orang tidak berdaya",
        Pasal15Flag.KEADAAN_DARURAT: "Saat keadaan darurat, bencana atau konflik",
        Pasal15Flag.SARANA_ELEKTRONIK: "Menggunakan sarana elektronik",
    },
    SimfoniViolence: {
        SimfoniViolence.FISIK: "Fisik",
        SimfoniViolence.PSIKIS: "Psikis",
        SimfoniViolence.SEKSUAL: "Seksual",
        SimfoniViolence.EKSPLOITASI: "Eksploitasi",
        SimfoniViolence.TRAFFICKING: "Trafficking",
        SimfoniViolence.PENELANTARAN: "Penelantaran",
        SimfoniViolence.LAINNYA: "Lainnya",
    },
    SimfoniPlace: {
        SimfoniPlace.RUMAH_TANGGA: "Rumah Tangga",
        SimfoniPlace.TEMPAT_KERJA: "Tempat Kerja",
        SimfoniPlace.SEKOLAH: "Sekolah",
        SimfoniPlace.FASILITAS_UMUM: "Fasilitas Umum",
        SimfoniPlace.LEMBAGA_PENDIDIKAN_KILAT: "Lembaga Pendidikan Kilat",
        SimfoniPlace.LAINNYA: "Lainnya",
    },
    SimfoniService: {
        SimfoniService.PENGADUAN: "Pengaduan",
        SimfoniService.KESEHATAN: "Kesehatan",
        SimfoniService.BANTUAN_HUKUM: "Bantuan Hukum",
        SimfoniService.PENEGAKAN_HUKUM: "Penegakan Hukum",
        SimfoniService.REHABILITASI_SOSIAL: "Rehabilitasi Sosial",
        SimfoniService.REINTEGRASI_SOSIAL: "Reintegrasi Sosial",
        SimfoniService.PEMULANGAN: "Pemulangan",
        SimfoniService.PENDAMPINGAN_TOKOH_AGAMA: "Pendampingan Tokoh Agama",
    },
    TimeOfDay: {
        TimeOfDay.PAGI: "Pagi",
        TimeOfDay.SIANG: "Siang",
        TimeOfDay.SORE: "Sore",
        TimeOfDay.MALAM: "Malam",
    },
    Need: {
        Need.KESEHATAN_VISUM: "Kesehatan / visum",
        Need.PENGUATAN_PSIKOLOGIS: "Penguatan psikologis",
        Need.BANTUAN_HUKUM: "Bantuan hukum",
        Need.RUMAH_AMAN: "Rumah aman",
        Need.PENDAMPINGAN: "Pendampingan",
        Need.REHABILITASI_SOSIAL: "Rehabilitasi sosial",
        Need.INFORMASI_SAJA: "Informasi saja",
    },
    Priority: {
        Priority.DARURAT: "Darurat (24 jam)",
        Priority.SEGERA: "Segera (72 jam)",
        Priority.BIASA: "Biasa (14 hari)",
    },
    ConsentPurpose: {
        ConsentPurpose.LAYANAN: "Layanan oleh posko",
        ConsentPurpose.RUJUKAN: "Rujukan / penerusan",
        ConsentPurpose.STATISTIK: "Pelaporan statistik",
    },
    ConsentOutcome: {
        ConsentOutcome.DIBERIKAN: "Diberikan",
        ConsentOutcome.SEBAGIAN: "Sebagian",
        ConsentOutcome.DITOLAK: "Ditolak",
        ConsentOutcome.WALI: "Oleh orang tua/wali",
        ConsentOutcome.OVERRIDE: "Pengecualian oleh koordinator",
    },
    DataItem: {
        DataItem.NAMA: "Nama",
        DataItem.NIK: "NIK",
        DataItem.TANGGAL_LAHIR_USIA: "Tanggal lahir/usia",
        DataItem.ALAMAT: "Alamat",
        DataItem.KONTAK: "Kontak",
        DataItem.KRONOLOGI: "Kronologi",
        DataItem.DATA_TERLAPOR: "Data terlapor",
        DataItem.LAMPIRAN: "Lampiran/bukti",
    },
    ClosureReason: {
        ClosureReason.KEBUTUHAN_TERPENUHI: "Kebutuhan korban terpenuhi",
        ClosureReason.DIALIHKAN: "Dialihkan ke layanan lain",
        ClosureReason.KORBAN_MUNDUR: "Korban mengundurkan diri",
        ClosureReason.TIDAK_DAPAT_DIHUBUNGI: "Korban tidak dapat dihubungi",
        ClosureReason.DUPLIKAT: "Duplikat",
    },
    VictimRight: {
        VictimRight.AKSESIBILITAS: "Aksesibilitas dan akomodasi yang layak (Pasal 66)",
        VictimRight.INFORMASI_PROSES: "Informasi tentang seluruh proses dan hasilnya (Pasal 68 a)",
        VictimRight.DOKUMEN_HASIL: "Dokumen hasil penanganan (Pasal 68 b)",
        VictimRight.LAYANAN_HUKUM_PSIKOLOGIS_KESEHATAN:
            "Layanan hukum, penguatan psikologis, kesehatan (Pasal 68)",
        VictimRight.KEBUTUHAN_KHUSUS_KSBE:
            "Layanan kebutuhan khusus; penghapusan konten seksual (Pasal 68)",
        VictimRight.INFORMASI_PELINDUNGAN: "Informasi tentang hak dan fasilitas pelindungan "
                                                   "(Pasal 69 a)",
        VictimRight.PELINDUNGAN_ANCAMAN:
            "Pelindungan dari ancaman dan kekerasan berulang (Pasal 69)",
        VictimRight.KERAHASIAAN_IDENTITAS: "Kerahasiaan identitas (Pasal 69 d)",
        VictimRight.PELINDUNGAN_APARAT: "Pelindungan dari perlakuan merendahkan aparat (Pasal 69)",
        VictimRight.PELINDUNGAN_PEKERJAAN: "Pelindungan dari kehilangan pekerjaan, mutasi, "
                                                   "pendidikan atau akses politik (Pasal 69)",
        VictimRight.PELINDUNGAN_TUNTUTAN: "Pelindungan dari tuntutan pidana/gugatan perdata "
                                                  "(Pasal 69)",
        VictimRight.PEMULIHAN: "Pemulihan: rehabilitasi, restitusi, reintegrasi (Pasal 70)",
    },
    RightStatus: {
        RightStatus.DIBERIKAN: "Diberikan",
        RightStatus.DIRUJUK: "Dirujuk",
        RightStatus.DITOLAK_KORBAN: "Ditolak korban",
        RightStatus.TIDAK_RELEVAN: "Tidak relevan",
    },
    FollowUpKind: {
        FollowUpKind.KONTAK: "Kontak dengan korban",
        FollowUpKind.UMPAN_BALIK: "Umpan balik diterima",
        FollowUpKind.LAYANAN: "Layanan diberikan",
        FollowUpKind.KONFIRMASI_LAPORAN_POLISI: "Konfirmasi laporan polisi (Pasal 41)",
        FollowUpKind.CATATAN: "Catatan",
    },
    ReferralKind: {
        ReferralKind.RUJUKAN: "Surat rujukan",
        ReferralKind.PENERUSAN: "Surat penerusan (eskalasi)",
    },
    ReferralOutcome: {
        ReferralOutcome.DITANGANI: "Diterima dan ditangani",
        ReferralOutcome.DITOLAK: "Ditolak",
        ReferralOutcome.DIALIHKAN: "Dialihkan",
        ReferralOutcome.KORBAN_TIDAK_DATANG: "Korban tidak datang",
    },
    RecipientKind: {
        RecipientKind.DINSOS_P3A: "Dinsos P3A",
        RecipientKind.UPTD_PPA: "UPTD PPA",
        RecipientKind.RSUD: "Rumah sakit",
        RecipientKind.POLRES_PPA: "Unit PPA Polres",
        RecipientKind.LBH: "Lembaga bantuan hukum",
        RecipientKind.SATGAS_KPU_PROVINSI: "Satgas KPU Provinsi",
        RecipientKind.LAINNYA: "Lainnya",
    },
    GbvimsType: {
        GbvimsType.RAPE: "Perkosaan (Rape)",
        GbvimsType.SEXUAL_ASSAULT: "Serangan seksual (Sexual Assault)",
        GbvimsType.PHYSICAL_ASSAULT: "Serangan fisik (Physical Assault)",
        GbvimsType.FORCED_MARRIAGE: "Perkawinan paksa (Forced Marriage)",
        GbvimsType.DENIAL_OF_RESOURCES: "Penghalangan sumber daya/layanan (Denial of Resources)",
        GbvimsType.PSYCHOLOGICAL_ABUSE: "Kekerasan psikis/emosional (Psychological Abuse)",
        GbvimsType.NON_GBV: "Bukan kekerasan berbasis gender (Non-GBV)",
    },
    IndonesianTimeZone: {
        IndonesianTimeZone.WIB: "WIB (UTC+7)",
        IndonesianTimeZone.WITA: "WITA (UTC+8)",
        IndonesianTimeZone.WIT: "WIT (UTC+9)",
    },
    PaperSize: {
        PaperSize.A4: "A4 (210 × 297 mm)",
        PaperSize.F4: "F4 (215 × 330 mm)",
    },
    DeadlineKind: {
        DeadlineKind.UMPAN_BALIK_RUJUKAN: "Umpan balik rujukan",
        DeadlineKind.JENDELA_MEDIS_72_JAM: "Jendela medis/visum 72 jam",
        DeadlineKind.PASAL_41_LAPORAN_POLISI: "Laporan ke polisi 3×24 jam (Pasal 41)",
    },
}

#: Plain-language help for every UU TPKS type, shown next to the choice at intake.
TPKS_HELP: Final[Mapping[TpksType, str]] = {
    TpksType.PELECEHAN_NONFISIK: "Ucapan, isyarat, tulisan atau gerakan bernada seksual yang "
    "merendahkan, tanpa sentuhan (Pasal 5). Delik aduan: diproses bila korban mengadu.",
    TpksType.PELECEHAN_FISIK: "Sentuhan atau perbuatan fisik bernada seksual yang tidak "
    "diinginkan korban (Pasal 6).",
    TpksType.PEMAKSAAN_KONTRASEPSI: "Memaksa korban memakai alat kontrasepsi sehingga kehilangan "
    "fungsi reproduksi untuk sementara (Pasal 8).",
    TpksType.PEMAKSAAN_STERILISASI: "Memaksa korban menjalani sterilisasi sehingga kehilangan "
    "fungsi reproduksi secara tetap (Pasal 9).",
    TpksType.PEMAKSAAN_PERKAWINAN: "Memaksa seseorang menikah, termasuk dengan pelaku atau atas "
    "nama budaya (Pasal 10).",
    TpksType.PENYIKSAAN_SEKSUAL: "Perbuatan seksual untuk menyiksa, mengintimidasi, menghukum "
    "atau memperoleh keterangan, terutama oleh pejabat (Pasal 11).",
    TpksType.EKSPLOITASI_SEKSUAL: "Memanfaatkan kerentanan atau kekuasaan korban untuk keuntungan "
    "dari perbuatan seksual (Pasal 12).",
    TpksType.PERBUDAKAN_SEKSUAL: "Menguasai dan membatasi kebebasan korban untuk dieksploitasi "
    "secara seksual (Pasal 13).",
    TpksType.KSBE: "Merekam, menyebarkan atau mengancam menyebarkan konten seksual tanpa "
    "persetujuan, atau menguntit lewat sarana elektronik (Pasal 14).",
    TpksType.PERKOSAAN: "Persetubuhan dengan kekerasan atau ancaman kekerasan.",
    TpksType.PERBUATAN_CABUL: "Perbuatan cabul dengan kekerasan, ancaman, tipu daya atau "
    "penyalahgunaan kepercayaan.",
    TpksType.TERHADAP_ANAK: "Persetubuhan, perbuatan cabul atau eksploitasi seksual terhadap "
    "anak (di bawah 18 tahun).",
    TpksType.MELANGGAR_KESUSILAAN: "Perbuatan melanggar kesusilaan yang bertentangan dengan "
    "kehendak korban.",
    TpksType.PORNOGRAFI: "Pornografi yang melibatkan anak, atau yang secara eksplisit memuat "
    "kekerasan dan eksploitasi seksual.",
    TpksType.PEMAKSAAN_PELACURAN: "Memaksa atau menjebak seseorang untuk melacurkan diri.",
    TpksType.TPPO_SEKSUAL: "Perdagangan orang yang ditujukan untuk eksploitasi seksual.",
    TpksType.KDRT_SEKSUAL: "Kekerasan seksual oleh suami/istri atau anggota rumah tangga.",
    TpksType.TPPU_TPKS: "Pencucian uang yang asal tindak pidananya kekerasan seksual.",
    TpksType.LAINNYA_UU: "Tindak pidana lain yang dinyatakan tegas sebagai kekerasan seksual "
    "dalam peraturan perundang-undangan.",
}


def label(value: Enum) -> str:
    """The Indonesian name of a coded value (falls back to the code itself).

    Looked up per enum class: StrEnum members of different classes with the same value
    (``lainnya``, ``rekan_kerja``) compare equal, so one flat dict would mix them up.
    """
    return LABELS.get(type(value), {}).get(value, str(value.value))


def missing_labels() -> list[Enum]:
    """Every enum member of the vocabulary without a label (a test keeps this empty)."""
    from app.domain import enums

    members: list[Enum] = []
    for name in dir(enums):
        kind = getattr(enums, name)
        if isinstance(kind, type) and issubclass(kind, Enum) and kind.__module__ == enums.__name__:
            members += [m for m in kind if m not in LABELS.get(kind, {})]
    return members
