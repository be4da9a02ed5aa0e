"""Indonesian dates and numbers from fixed tables, never from the PC's locale.

Office PCs often run English Windows; a letter must still say "Blora, 14 Agustus 2025".
"""

from __future__ import annotations

from datetime import date, datetime, timezone

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_ONES = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
         "sepuluh", "sebelas")


def tanggal(day: date) -> str:
    """``14 Agustus 2025`` (no leading zero)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def tanggal_hari(day: date) -> str:
    """``Kamis, 14 Agustus 2025``."""
    return f"{DAYS[day.weekday()]}, {tanggal(day)}"


def tanggal_singkat(day: date) -> str:
    """``14/08/2025``."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def jam(moment: datetime, tz: timezone) -> str:
    """``14.05 WIB`` in the office's zone."""
    local = moment.astimezone(tz)
    return f"{local.hour:02d}.{local.minute:02d} {local.tzname() or ''}".rstrip()


def tanggal_jam(moment: datetime, tz: timezone) -> str:
    """``14 Agustus 2025 pukul 14.05 WIB``."""
    return f"{tanggal(moment.astimezone(tz).date())} pukul {jam(moment, tz)}"


def terbilang(number: int) -> str:
    """Indonesian number words for counts (``3`` → ``tiga``), as Lampiran lines need."""
    if number < 0:
        return "minus " + terbilang(-number)
    if number < 12:
        return _ONES[number] or "nol"
    if number < 20:
        return f"{_ONES[number - 10]} belas"
    if number < 100:
        tens, rest = divmod(number, 10)
        return f"{_ONES[tens]} puluh" + (f" {_ONES[rest]}" if rest else "")
    for size, word in ((1_000_000_000, "miliar"), (1_000_000, "juta"), (1000, "ribu"),
                       (100, "ratus")):
        if number >= size:
            head, rest = divmod(number, size)
            lead = (("se" + word) if head == 1 and size in (100, 1000)
                    else f"{terbilang(head)} {word}")
            return lead + (f" {terbilang(rest)}" if rest else "")
    raise AssertionError("unreachable")


def jumlah_berkas(count: int) -> str:
    """Lampiran line: ``3 (tiga) berkas``; ``–`` when nothing is attached."""
    return "–" if count == 0 else f"{count} ({terbilang(count)}) berkas"
