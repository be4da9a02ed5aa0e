"""Indonesian text for the admin CLI: one line per error, never a traceback."""

from __future__ import annotations

from collections.abc import Mapping

from app.errors import AppError, ErrorCode, ValidationError

MESSAGES: Mapping[ErrorCode, str] = {
    ErrorCode.VAULT_EXISTS: "Di folder ini sudah ada vault. Gunakan folder lain (--data-dir).",
    ErrorCode.VAULT_MISSING: "Belum ada vault di folder ini. Buat dulu dengan: posko-admin init",
    ErrorCode.VAULT_BUSY: "Vault sedang dibuka oleh program lain. Tutup aplikasi Posko dulu.",
    ErrorCode.NOT_A_VAULT_DB: "Basis data tidak dapat dibuka dengan kunci ini "
                              "(kunci salah atau berkas bukan basis data posko).",
    ErrorCode.VAULT_ID_MISMATCH: "Berkas kunci (posko.keys) bukan milik basis data ini.",
    ErrorCode.UNSAFE_SQLCIPHER: "Pustaka enkripsi tidak memenuhi syarat keamanan ({setting}); "
                                "program berhenti demi keamanan data.",
    ErrorCode.PLAINTEXT_DATABASE: "Berkas basis data tidak terenkripsi; program menolak "
                                  "membukanya.",
    ErrorCode.INTEGRITY_FAILED: "Pemeriksaan keutuhan data gagal. Jangan ubah berkas apa pun; "
                                "pulihkan dari cadangan terakhir.",
    ErrorCode.SCHEMA_TOO_NEW: "Vault ini dibuat oleh versi aplikasi yang lebih baru. "
                              "Perbarui aplikasi.",
    ErrorCode.DISK_FULL: "Disk penuh. Kosongkan ruang disk lalu coba lagi; data lama aman.",
    ErrorCode.READ_ONLY: "Folder vault tidak dapat ditulis (hanya-baca atau tidak ada izin).",
    ErrorCode.STORAGE_FAILED: "Gagal menulis ke penyimpanan. Coba lagi.",
    ErrorCode.KEYFILE_MISSING: "Berkas kunci (posko.keys) tidak ditemukan.",
    ErrorCode.KEYFILE_DAMAGED: "Berkas kunci (posko.keys) rusak dan cadangannya juga tidak "
                               "terbaca.",
    ErrorCode.KEYFILE_TAMPERED: "Berkas kunci telah diubah di luar aplikasi.",
    ErrorCode.WRONG_CREDENTIALS: "Nama pengguna atau kata sandi salah.",
    ErrorCode.LOCKED_OUT: "Terlalu banyak percobaan gagal. Coba lagi dalam {seconds} detik.",
    ErrorCode.RECOVERY_CODE_FORMAT: "Kode pemulihan harus 48 angka (8 kelompok berisi 6 angka).",
    ErrorCode.RECOVERY_CODE_GROUP: "Kode pemulihan salah ketik: kelompok ke-{group} salah.",
    ErrorCode.RECOVERY_CODE_WRONG: "Kode pemulihan tidak cocok dengan vault ini.",
    ErrorCode.USER_DISABLED: "Akun ini sudah dinonaktifkan. Hubungi koordinator.",
    ErrorCode.PASSWORD_CHANGE_REQUIRED: "Kata sandi sementara harus diganti dulu: "
                                        "posko-admin passwd --user NAMA",
    ErrorCode.WEAK_PASSWORD: "Kata sandi terlalu lemah: {problems}.",
    ErrorCode.INVALID_KEY_MATERIAL: "Kunci basis data tidak sah.",
    ErrorCode.ACCESS_DENIED: "Anda tidak berwenang untuk tindakan ini.",
    ErrorCode.USER_EXISTS: "Nama pengguna itu sudah dipakai.",
    ErrorCode.USER_NOT_FOUND: "Pengguna tidak ditemukan.",
    ErrorCode.LAST_KOORDINATOR: "Harus tetap ada paling sedikit satu koordinator aktif.",
    ErrorCode.CANNOT_REMOVE_SELF: "Anda tidak dapat menghapus akun Anda sendiri.",
    ErrorCode.CASE_NOT_FOUND: "Kasus tidak ditemukan.",
    ErrorCode.VALIDATION: "Isian tidak valid: {fields}.",
    ErrorCode.ILLEGAL_TRANSITION: "Perubahan status dari {source} ke {target} tidak diizinkan.",
    ErrorCode.TRANSITION_PRECONDITION: "Syarat perubahan status belum terpenuhi: {missing}.",
    ErrorCode.CASE_READ_ONLY: "Kasus sudah ditutup/diarsipkan; buka kembali dulu.",
    ErrorCode.CONSENT_REQUIRED: "Belum ada persetujuan korban untuk penerima ini.",
    ErrorCode.CONSENT_NOT_FOUND: "Persetujuan tidak ditemukan.",
    ErrorCode.REFERRAL_NOT_FOUND: "Rujukan tidak ditemukan.",
    ErrorCode.RECIPIENT_UNKNOWN: "Penerima rujukan tidak ada di direktori.",
    ErrorCode.CASE_NUMBER_TEMPLATE: "Templat nomor kasus tidak sah.",
    ErrorCode.ATTACHMENT_TOO_LARGE: "Lampiran terlalu besar (batas {limit_mb} MB).",
    ErrorCode.ATTACHMENT_NOT_FOUND: "Lampiran tidak ditemukan.",
    ErrorCode.ATTACHMENT_CORRUPT: "Lampiran rusak (sidik SHA-256 tidak cocok).",
    ErrorCode.SETTING_UNKNOWN: "Pengaturan tidak dikenal.",
    ErrorCode.AUDIT_BROKEN: "Rantai log audit rusak.",
    ErrorCode.BACKUP_NO_SPACE: "Ruang kosong di tujuan tidak cukup (perlu sekitar {needed_mb} MB)."
                               " Tidak ada yang ditulis.",
    ErrorCode.BACKUP_TARGET_MISSING: "Folder tujuan cadangan tidak ada atau terlepas (flashdisk"
                                     " dicabut?). Cadangan ini tidak dianggap berhasil.",
    ErrorCode.BACKUP_CORRUPT: "Berkas cadangan rusak atau bukan cadangan Posko PPKS. Data yang "
                              "sekarang tidak diubah.",
    ErrorCode.BACKUP_VERIFY_FAILED: "Pemeriksaan cadangan gagal; berkas itu tidak dapat dipakai. "
                                    "Data yang sekarang tidak diubah.",
    ErrorCode.BACKUP_OTHER_VAULT: "Cadangan ini berasal dari data posko lain.",
    ErrorCode.RETENTION_NOT_REACHED: "Masa retensi kasus ini belum berakhir.",
}

PASSWORD_PROBLEMS: Mapping[str, str] = {
    "too_short": "minimal 12 karakter, atau 4 kata",
    "too_long": "paling banyak 256 karakter",
    "too_common": "terlalu umum atau mudah ditebak",
    "contains_username": "memuat nama pengguna",
    "contains_institution": "memuat nama kantor atau daerah",
    "type": "bukan teks",
}

FIELD_PROBLEMS: Mapping[str, str] = {
    "username_format": "nama pengguna harus 3–32 huruf kecil/angka/titik/garis bawah/tanda "
                       "hubung",
    "required": "wajib diisi",
    "too_long": "terlalu panjang",
    "invalid_chars": "memuat karakter yang tidak diizinkan",
    "type": "jenis isian salah",
}


def describe(error: AppError) -> str:
    """One Indonesian line for a coded error."""
    template = MESSAGES.get(error.code, "Terjadi kesalahan ({code}).")
    params: dict[str, object] = {"code": error.code.value, **error.params}
    if error.code is ErrorCode.WEAK_PASSWORD:
        problems = error.params.get("problems")
        codes = problems if isinstance(problems, list) else []
        params["problems"] = "; ".join(PASSWORD_PROBLEMS.get(str(p), str(p)) for p in codes)
    if isinstance(error, ValidationError):
        params["fields"] = "; ".join(
            f"{e.field}: {FIELD_PROBLEMS.get(e.code, e.code)}" for e in error.errors)
    missing = params.get("missing")
    if isinstance(missing, list):
        params["missing"] = ", ".join(str(v) for v in missing)
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
