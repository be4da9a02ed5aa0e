"""The wording of the referral letter, the escalation letter and the return slip.

These are versioned templates, not UI translations: an office edits the wording here (a
starting point, DOCUMENTS.md §3–§4 and §6), bumps :data:`VERSION` and the version is printed in
small type at the end of every letter, so a printed letter can always be traced to its text.
Placeholders in braces are filled with escaped user text (``referral_parts.fill``); the
templates themselves contain no markup. The wording is calm, plain and never graphic.
"""

from __future__ import annotations

from typing import Final

from app.domain.enums import PerpetratorKpuRelation, Priority

VERSION: Final = "2026.1"
VERSION_LINE: Final = "Teks surat versi {version}"

# --- shared ------------------------------------------------------------------------------

SIFAT: Final = "Rahasia"
#: What prints wherever the consent withholds an item.
WITHHELD: Final = "dirahasiakan — dapat diperoleh melalui posko"
VIA_POSKO: Final = "hubungi melalui posko"
UNKNOWN: Final = "tidak diketahui"
#: The 72-hour medical/visum flag (DOMAIN.md §5.5).
FLAG_72: Final = "kurang dari 72 jam — perlu segera layanan kesehatan/visum"
FLAG_72_UNTIL: Final = "jendela 72 jam berakhir {until}"
#: Legal basis of both letters. The title of Keputusan KPU 1341/2024 is quoted from KPU news
#: posts, not the decree text (to confirm with the office, DOMAIN.md §3.5).
LEGAL_BASIS: Final = (
    "Undang-Undang Nomor 12 Tahun 2022 tentang Tindak Pidana Kekerasan Seksual;",
    "Peraturan Presiden Nomor 55 Tahun 2024 tentang Unit Pelaksana Teknis Daerah "
    "Perlindungan Perempuan dan Anak;",
    "Keputusan Komisi Pemilihan Umum Nomor 1341 Tahun 2024 tentang Pedoman Pencegahan "
    "Kekerasan Seksual di Lingkungan Komisi Pemilihan Umum, Komisi Pemilihan Umum Provinsi, "
    "dan Komisi Pemilihan Umum Kabupaten/Kota.",
)
LEGAL_INTRO: Final = "Rujukan ini kami sampaikan dengan memperhatikan:"
DATA_INTRO: Final = "Adapun keterangan yang dapat kami sampaikan adalah sebagai berikut:"
FEEDBACK_REQUEST: Final = ("Mohon Lembar Umpan Balik terlampir diisi dan dikembalikan kepada "
                           "posko kami paling lambat {due}. Untuk koordinasi lebih lanjut, "
                           "Saudara dapat menghubungi {posko} {institution}, dengan petugas "
                           "{officer}.")
CLOSING: Final = "Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih."
TEMBUSAN: Final = ("Arsip",)  # minimal for confidential cases (DOCUMENTS.md §2)

# Section headings and row labels of the facts block.
SECTION_IDENTITY: Final = "Identitas korban (sebatas yang disetujui korban)"
SECTION_SUMMARY: Final = "Ringkasan pengaduan"
SECTION_SERVICES: Final = "Layanan yang dimohon dan prioritas"
SECTION_PRIORITY: Final = "Prioritas penanganan"
SECTION_RISK: Final = "Catatan risiko"
SECTION_RELATION: Final = "Hubungan terlapor dengan lingkungan KPU"
SECTION_OTHER_REFERRALS: Final = "Rujukan layanan bagi korban"
LABEL_CODE: Final = "Kode kasus"
LABEL_NAME: Final = "Nama"
LABEL_SEX: Final = "Jenis kelamin"
LABEL_BIRTH: Final = "Tanggal lahir / usia"
LABEL_NIK: Final = "NIK"
LABEL_ADDRESS: Final = "Alamat"
LABEL_CONTACT: Final = "Kontak aman"
LABEL_DISABILITY: Final = "Disabilitas / akomodasi"
LABEL_VICTIM_KPU: Final = "Hubungan korban dengan KPU"
LABEL_TYPES: Final = "Jenis kekerasan seksual (UU TPKS)"
LABEL_PLACE: Final = "Tempat kejadian"
LABEL_WHEN: Final = "Waktu kejadian"
LABEL_SINCE: Final = "Waktu sejak kejadian"
LABEL_FLAG: Final = "Perhatian"
LABEL_SERVICES: Final = "Layanan (kategori SIMFONI-PPA)"
LABEL_NEEDS: Final = "Kebutuhan yang disampaikan korban"
LABEL_PRIORITY: Final = "Prioritas"
NO_SERVICES: Final = "sesuai hasil asesmen unit layanan"
NO_RISK: Final = "Tidak ada catatan risiko khusus."
NO_TYPES: Final = "belum ditentukan"
APPROXIMATE: Final = "sekitar {date}"
PRIORITY_LINE: Final = "{name} — mohon umpan balik dalam {span}, paling lambat {due}"
PRIORITY_NAMES: Final = {Priority.DARURAT: ("Darurat", "24 jam"),
                         Priority.SEGERA: ("Segera", "72 jam"),
                         Priority.BIASA: ("Biasa", "14 hari")}
DISABILITY_YES: Final = "Ya"
DISABILITY_NO: Final = "Tidak"
ACCOMMODATION: Final = "kebutuhan akomodasi: {need}"
AGE: Final = "{age} tahun"
CONTACT_TEXT_ONLY: Final = "hanya melalui pesan tertulis, jangan menelepon"
CONTACT_CALL_ONLY: Final = "hanya melalui telepon, jangan mengirim pesan"
CONTACT_PREFER_POSKO: Final = "utamakan menghubungi melalui posko"

# Risk notes (plain lines, DOMAIN.md §5.6).
RISK_DANGER: Final = "Korban dalam bahaya langsung."
RISK_ACCESS: Final = "Terlapor masih memiliki akses kepada korban."
RISK_INSIDER: Final = "Terlapor berada di lingkungan kerja {institution} (kasus internal)."
RISK_CHILD: Final = "Korban adalah anak (berusia di bawah 18 tahun)."
RISK_DISABILITY: Final = "Korban penyandang disabilitas; mohon akomodasi yang layak."

# Lampiran (the count on top is computed from this list).
ATTACH_FORM: Final = "Formulir Pengaduan"
ATTACH_CONSENT: Final = "Lembar Persetujuan"
ATTACH_FEEDBACK: Final = "Lembar Umpan Balik (untuk dikembalikan kepada posko)"
ATTACH_CHRONOLOGY: Final = "Kronologi"
ATTACH_SIMFONI: Final = "Lembar Data SIMFONI-PPA"
ATTACH_HEADING: Final = "Lampiran:"
TEMBUSAN_HEADING: Final = "Tembusan:"

# --- Surat Rujukan (DOCUMENTS.md §3) -----------------------------------------------------

RUJUKAN_TITLE: Final = "Surat Rujukan"
RUJUKAN_HAL: Final = "Rujukan Layanan Korban Kekerasan Seksual"
RUJUKAN_OPENING: Final = (
    "Menindaklanjuti pengaduan yang diterima {posko} {institution} pada tanggal {received}, "
    "dan dengan persetujuan yang bersangkutan, bersama ini kami rujuk seorang korban dugaan "
    "kekerasan seksual dengan kode kasus {code} untuk memperoleh layanan sesuai kewenangan "
    "Saudara. Identitas lengkap dan keterangan lain sebatas yang disetujui korban terdapat "
    "dalam lampiran.")
#: UU TPKS Pasal 41 applies to UPTD PPA / UPT sosial / community providers only.
PASAL_41: Final = (
    "Sesuai Pasal 41 Undang-Undang Nomor 12 Tahun 2022, mohon pengaduan ini dilaporkan kepada "
    "kepolisian paling lambat 3 × 24 (tiga kali dua puluh empat) jam sejak diterima, dan "
    "pelaporan tersebut dikonfirmasi kepada posko kami.")
RUJUKAN_CONFIDENTIAL: Final = (
    "Mengingat sifat informasi ini, mohon identitas korban dijaga kerahasiaannya dan tidak "
    "disampaikan kepada pihak lain tanpa persetujuan korban.")

# --- Surat Penerusan (DOCUMENTS.md §4) ---------------------------------------------------

PENERUSAN_TITLE: Final = "Surat Penerusan"
PENERUSAN_HAL: Final = "Penerusan Dugaan Kekerasan Seksual di Lingkungan KPU"
PENERUSAN_OPENING: Final = (
    "Menindaklanjuti pengaduan yang diterima {posko} {institution} pada tanggal {received}, "
    "dan dengan persetujuan korban, bersama ini kami teruskan dugaan kekerasan seksual di "
    "lingkungan penyelenggara pemilu dengan kode kasus {code} untuk ditindaklanjuti oleh "
    "Satuan Tugas sesuai Keputusan Komisi Pemilihan Umum Nomor 1341 Tahun 2024.")
PENERUSAN_LEGAL_INTRO: Final = "Penerusan ini kami sampaikan dengan memperhatikan:"
PENERUSAN_REASON: Final = (
    "Pengaduan ini kami teruskan karena terlapor diduga memiliki hubungan dengan lingkungan "
    "Komisi Pemilihan Umum sebagai berikut:")
RELATION_LINE: Final = "Terlapor {number}: {relation}"
RELATION_UNKNOWN: Final = ("Hubungan terlapor dengan lingkungan KPU dinyatakan dalam triase; "
                           "rinciannya dapat diperoleh melalui posko.")
PERPETRATOR_ATTACHED: Final = "Identitas terlapor terdapat dalam Formulir Pengaduan terlampir."
PERPETRATOR_WITHHELD: Final = ("Identitas terlapor dirahasiakan dalam surat ini dan dapat "
                               "diperoleh melalui posko.")
#: How each KPU relation of a terlapor reads in the escalation letter.
KPU_RELATION: Final = {
    PerpetratorKpuRelation.ATASAN: "atasan korban di lingkungan KPU",
    PerpetratorKpuRelation.REKAN_KERJA: "rekan kerja korban di lingkungan KPU",
    PerpetratorKpuRelation.PPK: "anggota badan ad hoc (PPK)",
    PerpetratorKpuRelation.PPS: "anggota badan ad hoc (PPS)",
    PerpetratorKpuRelation.KPPS: "anggota badan ad hoc (KPPS)",
    PerpetratorKpuRelation.PANTARLIH: "anggota badan ad hoc (Pantarlih)",
    PerpetratorKpuRelation.PESERTA_PEMILU: "peserta pemilu",
    PerpetratorKpuRelation.LAINNYA: "memiliki hubungan lain dengan KPU",
}
ALSO_REFERRED: Final = "Korban juga telah dirujuk kepada {recipient} pada tanggal {date}."
NOT_REFERRED: Final = ("Sampai surat ini dibuat, korban belum dirujuk kepada Dinas Sosial P3A / "
                       "UPTD PPA; posko akan merujuk bila korban menghendaki layanan.")
PASAL_69: Final = (
    "Sesuai Pasal 69 Undang-Undang Nomor 12 Tahun 2022, korban berhak atas pelindungan dari "
    "kehilangan pekerjaan, mutasi pekerjaan, pendidikan, atau akses politik. Mohon Satuan "
    "Tugas memastikan korban dan pelapor tidak mengalami pemberhentian, mutasi, atau tindakan "
    "pembalasan lain karena pengaduan ini.")
PASAL_69_ACCESS: Final = ("Karena terlapor masih memiliki akses kepada korban, mohon "
                          "dipertimbangkan langkah pelindungan sementara, misalnya pemisahan "
                          "ruang atau jalur kerja.")
PENERUSAN_CONFIDENTIAL: Final = (
    "Mengingat sifat informasi ini, mohon identitas korban dan pelapor dijaga kerahasiaannya, "
    "termasuk terhadap unit kerja terlapor; surat ini tidak ditembuskan kepada unit kerja "
    "tersebut.")
REPORTER_CONFIDENTIAL: Final = "Pelapor secara khusus meminta identitasnya dirahasiakan."

# --- Lembar Umpan Balik (DOCUMENTS.md §6) ------------------------------------------------

SLIP_TITLE: Final = "LEMBAR UMPAN BALIK RUJUKAN"
SLIP_DOC_TITLE: Final = "Lembar Umpan Balik"
SLIP_SUBTITLE: Final = "Diisi oleh unit penerima rujukan"
SLIP_REFERENCE: Final = "Data rujukan"
SLIP_LETTER_KIND: Final = "Jenis surat"
SLIP_LETTER_NUMBER: Final = "Nomor surat"
SLIP_LETTER_DATE: Final = "Tanggal surat"
SLIP_RECIPIENT: Final = "Unit penerima"
SLIP_SENDER: Final = "Posko pengirim"
SLIP_UNNUMBERED: Final = "...................................."
SLIP_RECEIVED: Final = "A. Penerimaan rujukan"
SLIP_RECEIVED_ROWS: Final = ("Tanggal diterima", "Nama petugas penerima", "Unit / jabatan",
                             "Telepon", "Tanda tangan")
SLIP_STATUS: Final = "B. Status rujukan"
SLIP_ACTIONS: Final = "C. Tindakan yang telah dilakukan"
SLIP_POLICE: Final = ("Dilaporkan kepada kepolisian (Pasal 41 UU TPKS), "
                      "tanggal: ..............................")
SLIP_OTHER_ACTION: Final = "Lainnya:"
SLIP_PLAN: Final = "D. Rencana tindak lanjut"
SLIP_RETURN: Final = ("Mohon lembar ini dikembalikan kepada {posko} {institution} paling "
                      "lambat {due}.")
SLIP_RETURN_NOTE: Final = ("Kirimkan dalam amplop tertutup bertanda RAHASIA; jangan lampirkan "
                           "identitas korban pada lembar ini.")
SLIP_SIGN_PLACE: Final = "................................, ........................"
SLIP_SIGN_ROLE: Final = "Petugas penerima,"
SLIP_SIGN_NAME: Final = "(......................................................)"
