"""What each ``posko-admin`` command does, on top of the service layer."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO

from app.cli import backup_commands
from app.cli.credentials import CliError, SecretSource, open_session
from app.cli.vaults import vault_of
from app.clock import FakeClock, SystemClock
from app.demo_bulk import seed_bulk
from app.domain.enums import Role
from app.services.integrity import IntegrityReport
from app.services.session import Session
from app.services.vault import Vault

EXIT_CHECK_FAILED = 3
EXIT_USAGE = 2
MIN_DEMO_CASES, MAX_DEMO_CASES = 1, 100_000
#: Tests and benchmarks only: use the RFC 9106 floor instead of calibrating (still >= 64 MiB,
#: 3 passes). Production vaults calibrate to about 0.75 s per unlock.
def _session(args: argparse.Namespace, stdin: TextIO, vault: Vault | None = None) -> Session:
    return open_session(vault or vault_of(args), args.user,
                        recovery_stdin=args.recovery_code_stdin,
                        password_stdin=args.password_stdin, stdin=stdin)


def run(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    handlers: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
        "init": _init, "verify": _verify, "seed-demo": _seed_demo, "users": _users,
        "rotate-key": _rotate_key, "passwd": _passwd, "recovery-code": _recovery_code,
        "seal": _seal, "backup": backup_commands.backup,
        "verify-backup": backup_commands.verify_backup, "restore": backup_commands.restore,
    }
    return handlers[args.command](args, stdin, out)


def _init(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    vault = vault_of(args)
    password = SecretSource(stdin, args.password_stdin).new_password(args.user)
    session, code = vault.create(username=args.user, display_name=args.display_name or args.user,
                                 password=password)
    session.close("init")
    print(f"Vault dibuat di: {vault.paths.root}", file=out)
    print("Catat kode pemulihan di bawah ini, simpan dalam amplop tertutup di brankas pimpinan."
          " Kode ini hanya ditampilkan sekali.", file=out)
    print(f"KODE PEMULIHAN: {code}", file=out)
    return 0


def _verify(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    with _session(args, stdin) as session:
        report = session.integrity.check(args.seal)
    _print_report(report, out)
    return 0 if report.ok else EXIT_CHECK_FAILED


def _mark(ok: bool) -> str:
    return "OK   " if ok else "GAGAL"


def _print_report(report: IntegrityReport, out: TextIO) -> None:
    audit = report.audit
    lines = [
        f"[{_mark(report.sqlite_ok)}] Keutuhan SQLite (integrity_check)",
        f"[{_mark(report.cipher_ok)}] Keutuhan enkripsi (cipher_integrity_check)",
        f"[{_mark(audit.first_broken_seq is None)}] Rantai log audit: {audit.count} entri"
        + ("" if audit.first_broken_seq is None
           else f"; entri pertama yang rusak: nomor {audit.first_broken_seq}"),
        f"[{_mark(report.keys_mac_ok and report.keys_match_registry)}] Berkas kunci posko.keys",
    ]
    if audit.missing_seals:
        lines.append(f"[GAGAL] Segel tidak ditemukan: {', '.join(audit.missing_seals)}")
    lines.append(f"Segel audit saat ini: {audit.head_seal or '-'}")
    lines.append("Hasil: SEMUA PEMERIKSAAN LULUS" if report.ok else "Hasil: ADA PEMERIKSAAN GAGAL")
    for line in lines:
        print(line, file=out)


def _seed_demo(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    if not MIN_DEMO_CASES <= args.cases <= MAX_DEMO_CASES:
        raise CliError(f"Kesalahan perintah: --cases harus antara {MIN_DEMO_CASES} dan "
                       f"{MAX_DEMO_CASES}.", EXIT_USAGE)
    clock = FakeClock(SystemClock().now())
    vault = vault_of(args, clock)
    with _session(args, stdin, vault) as session:
        # The bulk writer: the same cases as app.demo.seed, 100,000 in minutes.
        made = seed_bulk(session, clock, count=args.cases, seed=args.seed)
        clock.set(SystemClock().now())
    print(f"{made} kasus contoh (fiktif, bertanda DEMO) ditambahkan.", file=out)
    return 0


def _users(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    with _session(args, stdin) as session:
        action = args.users_command
        if action == "list":
            for user in session.users.all_users():
                state = "aktif" if user.active else "nonaktif"
                flag = " (harus ganti kata sandi)" if user.must_change_password else ""
                print(f"{user.username}\t{user.role.value}\t{state}\t{user.display_name}{flag}",
                      file=out)
        elif action == "add":
            user, temporary = session.users.add(args.name, args.display_name or args.name,
                                                Role(args.role))
            print(f"Akun {user.username} ({user.role.value}) dibuat.", file=out)
            _print_temporary(temporary, out)
        elif action == "reset":
            _print_temporary(session.users.reset_password(args.name), out)
        elif action == "remove":
            session.users.remove(args.name)
            print(f"Akun {args.name} dinonaktifkan; slot kuncinya dihapus.", file=out)
        else:
            session.users.set_role(args.name, Role(args.role))
            print(f"Peran {args.name} sekarang {args.role}.", file=out)
    return 0


def _print_temporary(temporary: str | None, out: TextIO) -> None:
    if temporary is not None:
        print("Serahkan kata sandi sementara ini langsung kepada petugas; wajib diganti saat "
              "masuk pertama.", file=out)
        print(f"KATA SANDI SEMENTARA: {temporary}", file=out)


def _rotate_key(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    session = _session(args, stdin)
    try:
        session.rotate_key()
    finally:
        session.close()
    print("Kunci basis data telah diganti dan semua slot petugas dibungkus ulang. Buat cadangan "
          "baru sekarang: cadangan lama memakai kunci lama.", file=out)
    return 0


def _passwd(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    """Own password. With ``--password-stdin``: line 1 the current, line 2 the new password;
    with ``--recovery-code-stdin``: line 1 the code, line 2 the new password."""
    source = SecretSource(stdin, args.password_stdin or args.recovery_code_stdin)
    vault = vault_of(args)
    old: str | None = None
    if args.recovery_code_stdin:
        session = vault.unlock_with_recovery(source.line("Kode pemulihan: "), args.user)
    else:
        old = source.line(f"Kata sandi saat ini untuk {args.user}: ")
        session = vault.unlock(args.user, old)
    with session:
        session.users.change_own_password(source.new_password(args.user), old)
    print("Kata sandi diganti.", file=out)
    return 0


def _recovery_code(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    with _session(args, stdin) as session:
        code = session.users.new_recovery_code()
    print("Kode pemulihan lama tidak berlaku lagi. Catat yang baru:", file=out)
    print(f"KODE PEMULIHAN: {code}", file=out)
    return 0


def _seal(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    with _session(args, stdin) as session:
        seal = session.integrity.seal()
    print(f"SEGEL AUDIT: {seal}", file=out)
    return 0
