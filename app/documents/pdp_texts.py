"""The wording of the UU PDP documents: berita acara pemusnahan, laporan akses data pribadi and
the breach notice (surat pemberitahuan kegagalan pelindungan data pribadi).

Versioned templates, not UI translations (like :mod:`app.documents.letter_texts`): an office
edits the wording here, bumps :data:`VERSION`, and the version prints in small type on every
document. Placeholders in braces are filled with escaped user text. UU PDP article numbers
follow DOMAIN.md §3.6 and are to confirm with the office.
"""

from __future__ import annotations

from typing import Final

VERSION: Final = "pdp-2026.1"
VERSION_LINE: Final = "Teks dokumen versi {version}"
PDP_LAW: Final = "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi"
DOTS: Final = "...................................."

# --- Berita Acara Pemusnahan (SECURITY.md §6, DOMAIN.md §3.6 Pasal 42–44) -----------------

BA_TITLE: Final = "BERITA ACARA PEMUSNAHAN DATA PRIBADI"
BA_DOC_TITLE: Final = "Berita Acara Pemusnahan"
#: Numbered by hand from the office's register (to confirm with the office).
BA_NUMBER: Final = "Nomor: " + DOTS
BA_OPENING: Final = (
    "Pada hari ini {weekday} tanggal {day} bulan {month} tahun {year} ({short}), bertempat di "
    "{institution}, yang bertanda tangan di bawah ini:")
BA_WHO_NAME: Final = "Nama"
BA_WHO_POSITION: Final = "Jabatan"
BA_WHO_POSITION_TEXT: Final = "Koordinator {posko}"
BA_DONE: Final = (
    "telah melaksanakan pemusnahan data pribadi dalam aplikasi register kasus {posko} atas "
    "{count} kasus, dengan rincian sebagai berikut:")
BA_TABLE_HEADER: Final = ("No", "Kode kasus", "Tanggal diterima", "Tanggal ditutup",
                          "Waktu pemusnahan", "Dilaksanakan oleh")
BA_BASIS_HEADING: Final = "Dasar hukum dan alasan pemusnahan"
BA_BASIS: Final = "Dasar hukum"
BA_REASON: Final = "Alasan"
BA_CODES: Final = "Kode kasus"
BA_HOW_HEADING: Final = "Cara pemusnahan"
BA_HOW: Final = (
    "Data kasus disimpan dalam basis data terenkripsi (SQLCipher, AES-256). Seluruh isi kasus "
    "di atas — identitas korban, pelapor dan terlapor, kronologi, persetujuan, rujukan, "
    "catatan tindak lanjut, riwayat koreksi dan lampiran berkas — dihapus secara aman (secure "
    "delete): halaman basis data yang dibebaskan ditimpa dengan nol, indeks pencarian "
    "dibersihkan, lalu berkas log (WAL) dikosongkan dan basis data dipadatkan (VACUUM), "
    "sehingga tidak tersisa jejak isi kasus dalam berkas aplikasi.",
    "Yang tetap disimpan hanya kode kasus, tanggal diterima dan ditutup, waktu pemusnahan, "
    "dasar hukum, alasan, petugas yang melaksanakan, dan catatan jejak audit tanpa isi kasus.",
)
BA_BACKUPS: Final = (
    "Salinan cadangan (backup) yang dibuat sebelum pemusnahan masih memuat data tersebut "
    "sampai salinan itu sendiri dimusnahkan. Pemusnahan baru tuntas setelah salinan cadangan "
    "berikut dimusnahkan sesuai jadwal retensi arsip kantor:")
BA_BACKUPS_HEADER: Final = ("No", "Nama berkas cadangan", "Dibuat")
BA_NO_BACKUPS: Final = (
    "Aplikasi tidak mencatat salinan cadangan yang dibuat selama masa kasus tersebut sampai "
    "pemusnahan. Salinan cadangan sebelum pemusnahan, bila ada, masih memuat data tersebut "
    "sampai salinan itu sendiri dimusnahkan.")
BA_OTHER_COPIES: Final = (
    "Salinan lain di luar catatan aplikasi serta arsip kertas kasus tersebut, bila ada, "
    "dimusnahkan tersendiri sesuai jadwal retensi arsip kantor.")  # to confirm with the office
BA_CLOSING: Final = ("Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan "
                     "sebagaimana mestinya.")
BA_EXECUTOR: Final = "Yang melaksanakan pemusnahan,"
BA_WITNESS: Final = "Saksi,"
BA_ACKNOWLEDGED: Final = "Mengetahui,"
NIP_BLANK: Final = "NIP " + DOTS

# --- Laporan Akses Data Pribadi (SECURITY.md C1; UU PDP Pasal 32) -----------------------

AR_TITLE: Final = "LAPORAN AKSES DATA PRIBADI"
AR_DOC_TITLE: Final = "Laporan Akses Data Pribadi"
AR_SUBTITLE: Final = ("Pemenuhan hak subjek data atas akses data pribadi dan riwayat "
                      "pemrosesannya (UU No. 27 Tahun 2022, Pasal 32)")
AR_INTRO: Final = (
    "Laporan ini memuat seluruh data pribadi subjek data yang disimpan {posko} {institution} "
    "dalam kasus {code}, beserta riwayat setiap akses dan pemrosesannya sampai laporan ini "
    "dicetak. Data pribadi pihak lain (pelapor dan terlapor) tidak dicantumkan; yang "
    "dicantumkan hanya hubungannya dengan subjek data.")
AR_HANDOVER: Final = (
    "Serahkan laporan ini langsung kepada subjek data. Bila subjek data adalah anak, laporan "
    "diserahkan kepada orang tua/wali yang sah setelah dipastikan wali tersebut bukan "
    "terlapor.")
AR_REPORTER_SELF: Final = "Pelapor adalah subjek data sendiri."
AR_REPORTER_OTHER: Final = ("Pengaduan disampaikan oleh pihak lain ({relation}). Identitas "
                            "pelapor adalah data pribadi pihak ketiga dan tidak dicantumkan.")
AR_PERPETRATOR: Final = "Terlapor {number}"
AR_PERPETRATOR_NOTE: Final = ("Nama dan identitas terlapor adalah data pribadi pihak ketiga dan "
                              "tidak dicantumkan; dapat dibicarakan langsung dengan posko.")
AR_NO_PERPETRATOR: Final = "Belum ada data terlapor yang dicatat."
AR_NONE: Final = "Tidak ada."
AR_THIRD_PARTY_VALUE: Final = "(data pihak ketiga — tidak dicantumkan)"
AR_EMPTY_VALUE: Final = "(kosong)"
AR_TRAIL_INTRO: Final = ("Setiap pembukaan, perubahan, pencetakan, penyimpanan dan "
                         "pengiriman data kasus ini tercatat dalam jejak audit terenkripsi "
                         "yang tidak dapat diubah. Waktu dalam zona waktu kantor.")
AR_TRAIL_HEADER: Final = ("No", "Waktu", "Petugas", "Kegiatan", "Keterangan")
AR_SYSTEM: Final = "Sistem"

# --- Surat Pemberitahuan Kegagalan Pelindungan Data Pribadi (UU PDP Pasal 46) ------------

BN_DOC_TITLE: Final = "Surat Pemberitahuan Kegagalan Pelindungan Data Pribadi"
BN_HAL: Final = "Pemberitahuan Kegagalan Pelindungan Data Pribadi"
#: The notice carries no case data; its urgency is the 3×24-hour deadline. Sifat wording and
#: the addressee (one letter to the data subjects and the supervisory body, or two) are to
#: confirm with the office.
BN_SIFAT: Final = "Segera"
BN_ADDRESSEE: Final = ("Bapak/Ibu Subjek Data Pribadi dan Lembaga Penyelenggara Pelindungan "
                       "Data Pribadi")
BN_DESTINATION: Final = "Tempat"
BN_GREETING: Final = "Dengan hormat,"
BN_OPENING: Final = (
    "Sesuai Pasal 46 ayat (1) Undang-Undang Nomor 27 Tahun 2022 tentang "
    "Pelindungan Data Pribadi, bersama ini {institution} memberitahukan secara tertulis bahwa "
    "telah terjadi kegagalan pelindungan data pribadi yang diketahui pada {discovered}. "
    "Pemberitahuan ini disampaikan paling lambat 3 × 24 (tiga kali dua puluh empat) jam sejak "
    "kegagalan tersebut diketahui, yaitu paling lambat {due}.")
BN_INTRO: Final = "Sesuai Pasal 46 ayat (2), dengan ini kami sampaikan:"
BN_DATA: Final = "Data pribadi yang terungkap"
BN_WHEN_HOW: Final = "Kapan dan bagaimana data pribadi terungkap"
BN_HANDLING: Final = "Upaya penanganan dan pemulihan"
BN_SUBJECTS: Final = "Perkiraan jumlah subjek data"
BN_SUBJECTS_VALUE: Final = "{count} ({words}) orang"
BN_PENDING: Final = "masih diperiksa; akan disampaikan dalam pemberitahuan lanjutan"
BN_DISCOVERED: Final = "Diketahui pada {moment}."
BN_ADVICE: Final = (
    "Untuk mengurangi risiko, kami sarankan Bapak/Ibu waspada terhadap pesan, telepon atau "
    "kunjungan yang mengatasnamakan posko atau yang meminta data pribadi, dan segera "
    "memberi tahu kami bila menerima hal yang mencurigakan.")
BN_CONTACT: Final = "Untuk keterangan lebih lanjut, Bapak/Ibu dapat menghubungi {contact}."
BN_CLOSING: Final = ("Kami mohon maaf atas kejadian ini. Demikian pemberitahuan ini "
                     "disampaikan, atas perhatian Bapak/Ibu diucapkan terima kasih.")
BN_TEMBUSAN: Final = ("Arsip",)
