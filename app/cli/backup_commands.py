"""``backup``, ``verify-backup`` and ``restore``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from app.backup import files
from app.backup import restore as restoring
from app.backup.files import OpenedBackup
from app.cli.credentials import CliError, SecretSource, open_session
from app.cli.messages import describe
from app.cli.vaults import vault_of
from app.clock import SystemClock
from app.errors import AppError, ErrorCode
from app.paths import resolve

#: As ``verify``: the command ran and the thing checked is not sound.
EXIT_CHECK_FAILED = 3


def backup(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    vault = vault_of(args)
    with open_session(vault, args.user, recovery_stdin=args.recovery_code_stdin,
                      password_stdin=args.password_stdin, stdin=stdin) as session:
        record = session.backups.create(Path(args.to))
    print(f"Cadangan dibuat dan diperiksa: {Path(args.to) / record.file_name}", file=out)
    print(f"Isi: {record.cases} kasus. Simpan berkas ini di tempat aman; berkas hanya dapat "
          "dibuka dengan kata sandi petugas atau kode pemulihan.", file=out)
    return 0


def _open(args: argparse.Namespace, stdin: TextIO) -> OpenedBackup:
    path = Path(args.file)
    if not path.is_file():
        raise CliError("Berkas cadangan tidak ditemukan.")
    source = SecretSource(stdin, args.password_stdin or args.recovery_code_stdin)
    if args.recovery_code_stdin:
        return files.open_with_recovery(path, source.line("Kode pemulihan: "))
    return files.open_with_password(path, args.user,
                                    source.line(f"Kata sandi {args.user} (saat cadangan "
                                                "dibuat): "))


def _describe(opened: OpenedBackup, out: TextIO) -> None:
    manifest = opened.manifest
    print(f"Cadangan dibuat: {manifest.created_at} (aplikasi {manifest.app}, skema "
          f"{manifest.schema})", file=out)
    print(f"Isi: {manifest.cases} kasus, {manifest.attachments} lampiran; segel audit "
          f"{manifest.audit_seal or '-'}", file=out)


def verify_backup(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    """Exit 0 for a sound backup, 3 (as ``verify``) for a damaged one, 1 for other errors."""
    try:
        opened = _open(args, stdin)
        try:
            _describe(opened, out)
            files.verify(opened, Path(args.file).resolve().parent)
        finally:
            opened.close()
    except AppError as exc:
        if exc.code in (ErrorCode.BACKUP_CORRUPT, ErrorCode.BACKUP_VERIFY_FAILED):
            raise CliError(describe(exc), EXIT_CHECK_FAILED) from None
        raise
    print("Hasil: CADANGAN UTUH (enkripsi, keutuhan, dan sidik isi cocok).", file=out)
    return 0


def restore(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    opened = _open(args, stdin)
    try:
        _describe(opened, out)
        if not args.yes and not _confirmed(stdin, out):
            print("Dibatalkan; tidak ada yang diubah.", file=out)
            return 0
        paths = resolve(args.data_dir)
        safety = restoring.restore(opened, paths, SystemClock(),
                                 None if args.recovery_code_stdin else args.user)
    finally:
        opened.close()
    print(f"Data dipulihkan ke: {paths.root}", file=out)
    if safety is not None:
        print(f"Data sebelumnya disimpan sebagai salinan pengaman: {safety}", file=out)
    return 0


def _confirmed(stdin: TextIO, out: TextIO) -> bool:
    print("Ketik YA untuk mengganti data posko di komputer ini dengan isi cadangan: ", end="",
          file=out, flush=True)
    return stdin.readline().strip().upper() == "YA"
