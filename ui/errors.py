"""The one place where error codes become Indonesian sentences on screen (STYLE.md §5)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.enums import VictimRight
from app.errors import AppError, ErrorCode, FieldError, ValidationError
from ui.i18n import QT_TRANSLATE_NOOP, label_text

_CTX = "errors"

MESSAGES: Mapping[ErrorCode, str] = {
    ErrorCode.VAULT_EXISTS: QT_TRANSLATE_NOOP("errors", "Di komputer ini sudah ada data posko."),
    ErrorCode.VAULT_MISSING: QT_TRANSLATE_NOOP("errors", "Data posko terkunci atau belum dibuat."),
    ErrorCode.VAULT_BUSY: QT_TRANSLATE_NOOP(
        "errors", "Data posko sedang dibuka oleh program lain (misalnya posko-admin). Tutup "
        "program itu lalu coba lagi."),
    ErrorCode.NOT_A_VAULT_DB: QT_TRANSLATE_NOOP(
        "errors", "Basis data tidak dapat dibuka dengan kunci ini."),
    ErrorCode.VAULT_ID_MISMATCH: QT_TRANSLATE_NOOP(
        "errors", "Berkas kunci bukan milik basis data ini."),
    ErrorCode.UNSAFE_SQLCIPHER: QT_TRANSLATE_NOOP(
        "errors", "Pustaka enkripsi tidak memenuhi syarat keamanan; aplikasi berhenti demi "
        "keamanan data."),
    ErrorCode.PLAINTEXT_DATABASE: QT_TRANSLATE_NOOP(
        "errors", "Berkas basis data tidak terenkripsi; aplikasi menolak membukanya."),
    ErrorCode.INTEGRITY_FAILED: QT_TRANSLATE_NOOP(
        "errors", "Pemeriksaan keutuhan data gagal. Jangan mengubah berkas apa pun; hubungi "
        "koordinator untuk memulihkan dari cadangan."),
    ErrorCode.SCHEMA_TOO_NEW: QT_TRANSLATE_NOOP(
        "errors", "Data ini dibuat oleh versi aplikasi yang lebih baru. Perbarui aplikasi."),
    ErrorCode.DISK_FULL: QT_TRANSLATE_NOOP(
        "errors", "Disk penuh. Isian Anda belum tersimpan; kosongkan ruang disk lalu coba lagi."),
    ErrorCode.READ_ONLY: QT_TRANSLATE_NOOP(
        "errors", "Folder data tidak dapat ditulis. Hubungi petugas TI."),
    ErrorCode.STORAGE_FAILED: QT_TRANSLATE_NOOP(
        "errors", "Gagal menyimpan. Isian Anda masih ada di layar; coba lagi."),
    ErrorCode.KEYFILE_MISSING: QT_TRANSLATE_NOOP("errors", "Berkas kunci tidak ditemukan."),
    ErrorCode.KEYFILE_DAMAGED: QT_TRANSLATE_NOOP("errors", "Berkas kunci rusak."),
    ErrorCode.KEYFILE_TAMPERED: QT_TRANSLATE_NOOP(
        "errors", "Berkas kunci diubah di luar aplikasi."),
    ErrorCode.WRONG_CREDENTIALS: QT_TRANSLATE_NOOP(
        "errors", "Nama pengguna atau kata sandi salah."),
    ErrorCode.LOCKED_OUT: QT_TRANSLATE_NOOP(
        "errors", "Terlalu banyak percobaan gagal. Tunggu sampai hitung mundur selesai."),
    ErrorCode.RECOVERY_CODE_FORMAT: QT_TRANSLATE_NOOP(
        "errors", "Kode pemulihan terdiri dari 8 kelompok berisi 6 angka."),
    ErrorCode.RECOVERY_CODE_GROUP: QT_TRANSLATE_NOOP(
        "errors", "Kode pemulihan salah ketik: kelompok ke-%1 salah."),
    ErrorCode.RECOVERY_CODE_WRONG: QT_TRANSLATE_NOOP(
        "errors", "Kode pemulihan tidak cocok dengan data posko ini."),
    ErrorCode.USER_DISABLED: QT_TRANSLATE_NOOP(
        "errors", "Akun ini sudah dinonaktifkan. Hubungi koordinator."),
    ErrorCode.PASSWORD_CHANGE_REQUIRED: QT_TRANSLATE_NOOP(
        "errors", "Ganti kata sandi sementara Anda terlebih dahulu."),
    ErrorCode.WEAK_PASSWORD: QT_TRANSLATE_NOOP(
        "errors", "Kata sandi terlalu lemah: minimal 12 karakter atau 4 kata, tidak umum, "
        "tidak memuat nama pengguna atau nama kantor."),
    ErrorCode.INVALID_KEY_MATERIAL: QT_TRANSLATE_NOOP("errors", "Kunci tidak sah."),
    ErrorCode.ACCESS_DENIED: QT_TRANSLATE_NOOP(
        "errors", "Anda tidak berwenang untuk tindakan ini. Percobaan ini tercatat."),
    ErrorCode.USER_EXISTS: QT_TRANSLATE_NOOP("errors", "Nama pengguna itu sudah dipakai."),
    ErrorCode.USER_NOT_FOUND: QT_TRANSLATE_NOOP("errors", "Pengguna tidak ditemukan."),
    ErrorCode.LAST_KOORDINATOR: QT_TRANSLATE_NOOP(
        "errors", "Harus tetap ada paling sedikit satu koordinator aktif."),
    ErrorCode.CANNOT_REMOVE_SELF: QT_TRANSLATE_NOOP(
        "errors", "Anda tidak dapat menonaktifkan akun Anda sendiri."),
    ErrorCode.CASE_NOT_FOUND: QT_TRANSLATE_NOOP("errors", "Kasus tidak ditemukan."),
    ErrorCode.VALIDATION: QT_TRANSLATE_NOOP("errors", "Ada isian yang perlu diperbaiki."),
    ErrorCode.ILLEGAL_TRANSITION: QT_TRANSLATE_NOOP(
        "errors", "Perubahan status ini tidak diizinkan dari status sekarang."),
    ErrorCode.TRANSITION_PRECONDITION: QT_TRANSLATE_NOOP(
        "errors", "Syarat perubahan status belum lengkap."),
    ErrorCode.CASE_READ_ONLY: QT_TRANSLATE_NOOP(
        "errors", "Kasus sudah ditutup atau diarsipkan. Buka kembali kasus untuk mengubahnya."),
    ErrorCode.CONSENT_REQUIRED: QT_TRANSLATE_NOOP(
        "errors", "Belum ada persetujuan korban yang berlaku untuk penerima ini. Catat "
        "persetujuan dulu (atau pengecualian oleh koordinator dengan alasan)."),
    ErrorCode.CONSENT_NOT_FOUND: QT_TRANSLATE_NOOP("errors", "Persetujuan tidak ditemukan."),
    ErrorCode.REFERRAL_NOT_FOUND: QT_TRANSLATE_NOOP("errors", "Rujukan tidak ditemukan."),
    ErrorCode.RECIPIENT_UNKNOWN: QT_TRANSLATE_NOOP(
        "errors", "Penerima tidak ada atau tidak aktif di direktori rujukan."),
    ErrorCode.CASE_NUMBER_TEMPLATE: QT_TRANSLATE_NOOP(
        "errors", "Templat nomor tidak sah: harus memuat {nomor} dan {tahun}."),
    ErrorCode.ATTACHMENT_TOO_LARGE: QT_TRANSLATE_NOOP(
        "errors", "Lampiran terlalu besar (batas %1 MB)."),
    ErrorCode.ATTACHMENT_NOT_FOUND: QT_TRANSLATE_NOOP("errors", "Lampiran tidak ditemukan."),
    ErrorCode.ATTACHMENT_CORRUPT: QT_TRANSLATE_NOOP(
        "errors", "Lampiran rusak (sidik SHA-256 tidak cocok)."),
    ErrorCode.SETTING_UNKNOWN: QT_TRANSLATE_NOOP("errors", "Pengaturan tidak dikenal."),
    ErrorCode.AUDIT_BROKEN: QT_TRANSLATE_NOOP("errors", "Rantai log audit rusak."),
    # Backups (the backup tab words storage errors of its target itself).
    ErrorCode.BACKUP_NO_SPACE: QT_TRANSLATE_NOOP(
        "errors", "Ruang kosong di tempat tujuan tidak cukup: perlu sekitar %1 MB. Pilih "
        "flashdisk atau disk lain."),
    ErrorCode.BACKUP_TARGET_MISSING: QT_TRANSLATE_NOOP(
        "errors", "Folder tujuan cadangan tidak ditemukan (flashdisk dicabut?). Pasang lagi "
        "lalu coba lagi; tidak ada cadangan setengah jadi yang dianggap berhasil."),
    ErrorCode.BACKUP_CORRUPT: QT_TRANSLATE_NOOP(
        "errors", "Berkas ini rusak atau bukan berkas cadangan Posko PPKS. Data posko tidak "
        "diubah."),
    ErrorCode.BACKUP_VERIFY_FAILED: QT_TRANSLATE_NOOP(
        "errors", "Pemeriksaan cadangan gagal: isi berkas tidak utuh atau tidak cocok dengan "
        "catatannya, jadi berkas itu tidak dapat dipakai. Data posko tidak diubah."),
    ErrorCode.BACKUP_OTHER_VAULT: QT_TRANSLATE_NOOP(
        "errors", "Cadangan ini berasal dari data posko lain."),
    ErrorCode.RETENTION_NOT_REACHED: QT_TRANSLATE_NOOP(
        "errors", "Masa retensi kasus ini belum berakhir."),
}

FIELD_MESSAGES: Mapping[str, str] = {
    "required": QT_TRANSLATE_NOOP("errors", "Wajib diisi."),
    "too_long": QT_TRANSLATE_NOOP("errors", "Terlalu panjang (maksimal %1 karakter)."),
    "too_many": QT_TRANSLATE_NOOP("errors", "Terlalu banyak (maksimal %1)."),
    "invalid_chars": QT_TRANSLATE_NOOP("errors", "Memuat karakter yang tidak diizinkan."),
    "type": QT_TRANSLATE_NOOP("errors", "Isian tidak sesuai."),
    "nik_format": QT_TRANSLATE_NOOP("errors", "NIK harus 16 angka."),
    "phone_format": QT_TRANSLATE_NOOP("errors", "Nomor telepon 8–15 angka, boleh diawali +."),
    "email_format": QT_TRANSLATE_NOOP("errors", "Alamat e-mail tidak sah."),
    "username_format": QT_TRANSLATE_NOOP(
        "errors", "3–32 huruf kecil, angka, titik, garis bawah atau tanda hubung."),
    "date_range": QT_TRANSLATE_NOOP("errors", "Tanggal di luar rentang yang masuk akal."),
    "out_of_range": QT_TRANSLATE_NOOP("errors", "Angka di luar rentang (maksimal %1)."),
    "not_in_list": QT_TRANSLATE_NOOP("errors", "Pilih salah satu dari daftar."),
    "child_needs_guardian": QT_TRANSLATE_NOOP(
        "errors", "Korban anak: persetujuan diberikan oleh orang tua/wali, atau pengecualian "
        "demi kepentingan terbaik anak oleh koordinator."),
    "recipient_unknown": QT_TRANSLATE_NOOP("errors", "Penerima tidak ada di direktori."),
    "kind_recipient_mismatch": QT_TRANSLATE_NOOP(
        "errors", "Surat penerusan hanya untuk Satgas KPU Provinsi; rujukan untuk penerima lain."),
    "case_number_template": QT_TRANSLATE_NOOP(
        "errors", "Templat harus memuat {nomor} dan {tahun}."),
    # Intake: text the form could not read (the typed text stays in the draft).
    "date_format": QT_TRANSLATE_NOOP(
        "errors", "Tulis tanggal sebagai hh-bb-tttt, misalnya 17-08-1990."),
    "time_format": QT_TRANSLATE_NOOP("errors", "Tulis jam sebagai jj:mm, misalnya 14:30."),
    "number_format": QT_TRANSLATE_NOOP("errors", "Tulis dengan angka saja, misalnya 3."),
    "restricted": QT_TRANSLATE_NOOP(
        "errors", "Petugas ini dibatasi dari kasus ini; cabut pembatasannya dulu."),
    "not_assignable": QT_TRANSLATE_NOOP(
        "errors", "Kasus hanya dapat ditugaskan kepada petugas atau koordinator yang aktif."),
    "cannot_restrict_self_or_assignee": QT_TRANSLATE_NOOP(
        "errors", "Anda sendiri dan petugas yang ditugaskan tidak dapat dibatasi."),
    "unknown_user": QT_TRANSLATE_NOOP("errors", "Petugas tidak dikenal."),
    "code_format": QT_TRANSLATE_NOOP(
        "errors", "Hanya huruf, angka, titik, garis miring atau tanda hubung (tanpa spasi)."),
    "duplicate_key": QT_TRANSLATE_NOOP("errors", "Kode ini sudah dipakai di baris lain."),
    "key_format": QT_TRANSLATE_NOOP(
        "errors", "Kode: 3–32 huruf kecil, angka, titik, garis bawah atau tanda hubung."),
    "too_large": QT_TRANSLATE_NOOP("errors", "Berkas terlalu besar (maksimal 1 MB)."),
    "image_format": QT_TRANSLATE_NOOP("errors", "Pilih gambar PNG atau JPEG."),
    "setting_unknown": QT_TRANSLATE_NOOP("errors", "Pengaturan tidak dikenal."),
    # Letter numbers typed by hand (the register never issues a number twice).
    "taken": QT_TRANSLATE_NOOP("errors", "Nomor surat ini sudah pernah dipakai."),
}

#: Unmet workflow preconditions (codes from app.domain.workflow.precondition).
PRECONDITIONS: Mapping[str, str] = {
    "victim": QT_TRANSLATE_NOOP(
        "errors", "data korban (paling sedikit nama, nama panggilan, jenis kelamin atau usia)"),
    "incident": QT_TRANSLATE_NOOP("errors", "kejadian (kronologi atau jenis kekerasan)"),
    "priority": QT_TRANSLATE_NOOP("errors", "prioritas hasil triase"),
    "referral": QT_TRANSLATE_NOOP("errors", "rujukan yang sudah dikirim"),
    "reason": QT_TRANSLATE_NOOP("errors", "alasan"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def message_for(error: BaseException) -> str:
    """One Indonesian sentence for any error the core raises; generic for anything else."""
    if not isinstance(error, AppError):
        return tr("Terjadi kesalahan tak terduga. Silakan coba lagi.")
    text = tr(MESSAGES.get(error.code, "Terjadi kesalahan (%1)."))
    argument = {ErrorCode.RECOVERY_CODE_GROUP: "group",
                ErrorCode.ATTACHMENT_TOO_LARGE: "limit_mb",
                ErrorCode.BACKUP_NO_SPACE: "needed_mb"}.get(error.code)
    if argument is not None:
        return text.replace("%1", str(error.params.get(argument, "")))
    missing = error.params.get("missing")
    if error.code is ErrorCode.TRANSITION_PRECONDITION and isinstance(missing, (list, tuple)):
        return text + " " + tr("Yang belum ada: %1.").replace(
            "%1", "; ".join(missing_names(missing)))
    return text.replace("%1", error.code.value)


def missing_names(codes: Iterable[object]) -> list[str]:
    """Indonesian names of unmet preconditions; a victim's right is named by its label."""
    rights = {right.value: right for right in VictimRight}
    names = []
    for code in codes:
        text = str(code)
        names.append(label_text(rights[text]) if text in rights
                     else tr(PRECONDITIONS.get(text, text)))
    return names


def field_message(error: FieldError) -> str:
    text = tr(FIELD_MESSAGES.get(error.code, "Isian tidak sesuai."))
    return text.replace("%1", "" if error.limit is None else str(error.limit))


def field_errors(error: BaseException) -> dict[str, str]:
    """Field path → message, for inline validation."""
    if not isinstance(error, ValidationError):
        return {}
    return {item.field: field_message(item) for item in error.errors}


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """A modal message for an error that has no field to show it next to."""
    if isinstance(error, AppError) and error.params.get("after_unlock"):
        return  # damage found beside the session: the shell shows it on the unlock screen
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Posko PPKS"), message_for(error),
                      QMessageBox.StandardButton.NoButton, parent)
    box.addButton(tr("Tutup"), QMessageBox.ButtonRole.AcceptRole)
    ErrorBox.launch(box)


class ErrorBox:
    """Seam for tests: ``launch`` runs the modal box; tests replace it to capture the text."""

    @staticmethod
    def launch(box: QMessageBox) -> None:
        box.exec()
