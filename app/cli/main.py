"""``posko-admin`` entry point: argument parsing in Indonesian and error handling.

Shape (kept stable for scripts)::

    posko-admin [--data-dir DIR] init --user NAME
    posko-admin [--data-dir DIR] verify --user NAME [--seal KODE ...]
    posko-admin [--data-dir DIR] seed-demo --cases N --user NAME
    posko-admin [--data-dir DIR] users list|add|reset|remove|role … --user NAME
    posko-admin [--data-dir DIR] rotate-key --user NAME
    posko-admin [--data-dir DIR] passwd --user NAME
    posko-admin [--data-dir DIR] recovery-code --user NAME
    posko-admin [--data-dir DIR] seal --user NAME

Exit status: 0 success, 1 error, 2 wrong usage, 3 a verify check failed, 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from app.cli import commands
from app.cli.credentials import CliError
from app.cli.messages import describe
from app.domain.enums import Role
from app.errors import AppError

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

_ARGPARSE_ID = {
    "the following arguments are required": "argumen berikut wajib diisi",
    "invalid choice": "pilihan tidak dikenal",
    "unrecognized arguments": "argumen tidak dikenal",
    "expected one argument": "membutuhkan satu nilai",
    "invalid int value": "bukan bilangan bulat",
    "not allowed with argument": "tidak boleh bersama argumen",
    "choose from": "pilih dari",
    "argument ": "argumen ",  # last: the longer phrases above contain it
}


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: object, groups: object,
                  prefix: str | None = None) -> None:
        # argparse passes prefix="" to build a subcommand's prog: keep that empty.
        prefix = "Penggunaan: " if prefix is None else prefix
        super().add_usage(usage, actions, groups, prefix)  # type: ignore[arg-type]


class _Parser(argparse.ArgumentParser):
    """argparse with Indonesian errors and headings (its own texts are English)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "argumen"
        self._optionals.title = "pilihan"
        self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini")

    def error(self, message: str) -> NoReturn:
        for english, indonesian in _ARGPARSE_ID.items():
            message = message.replace(english, indonesian)
        self.exit(EXIT_USAGE, f"Kesalahan perintah: {message}. Lihat: {self.prog} --help\n")


def _data_dir(parser: argparse.ArgumentParser, top: bool) -> None:
    parser.add_argument("--data-dir", metavar="DIR",
                        default=None if top else argparse.SUPPRESS,
                        help="folder vault (bawaan: folder data aplikasi milik pengguna)")


def _auth(parser: argparse.ArgumentParser, required_user: bool = True) -> None:
    parser.add_argument("--user", required=required_user, metavar="NAMA",
                        help="nama pengguna yang menjalankan perintah")
    secret = parser.add_mutually_exclusive_group()
    secret.add_argument("--password-stdin", action="store_true",
                        help="baca kata sandi dari satu baris standar input")
    secret.add_argument("--recovery-code-stdin", action="store_true",
                        help="buka dengan kode pemulihan (satu baris standar input)")


def _case_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bukan bilangan bulat: {text!r}") from None
    if not commands.MIN_DEMO_CASES <= value <= commands.MAX_DEMO_CASES:
        raise argparse.ArgumentTypeError(
            f"harus antara {commands.MIN_DEMO_CASES} dan {commands.MAX_DEMO_CASES}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="posko-admin",
                     description="Administrasi vault Posko PPKS (terenkripsi, luring).")
    _data_dir(parser, top=True)
    sub = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH",
                                parser_class=_Parser)
    _setup_parsers(sub)
    users = sub.add_parser("users", help="kelola akun petugas")
    _data_dir(users, top=False)
    users_sub = users.add_subparsers(dest="users_command", required=True, metavar="AKSI",
                                     parser_class=_Parser)
    _users_parsers(users_sub)
    _backup_parsers(sub)
    for name, text in (("rotate-key", "ganti kunci basis data (enkripsi ulang)"),
                       ("passwd", "ganti kata sandi sendiri"),
                       ("recovery-code", "buat kode pemulihan baru (kode lama tidak berlaku)"),
                       ("seal", "tampilkan segel audit untuk dicatat di kertas")):
        command = sub.add_parser(name, help=text)
        _data_dir(command, top=False)
        _auth(command)
    return parser


def _backup_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """backup, verify-backup and restore."""
    backup = sub.add_parser("backup", help="buat cadangan terenkripsi yang sudah diperiksa")
    _data_dir(backup, top=False)
    backup.add_argument("--to", required=True, metavar="FOLDER", help="folder tujuan")
    _auth(backup)
    for name, text in (("verify-backup", "periksa berkas cadangan"),
                       ("restore", "pulihkan data dari berkas cadangan")):
        command = sub.add_parser(name, help=text)
        _data_dir(command, top=False)
        command.add_argument("file", metavar="BERKAS")
        _auth(command)
        if name == "restore":
            command.add_argument("--yes", action="store_true",
                                 help="jangan tanyakan konfirmasi (untuk skrip)")


def _setup_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """init, verify and seed-demo: the commands of a fresh office's first hour."""
    init = sub.add_parser("init", help="buat vault baru dan koordinator pertama")
    _data_dir(init, top=False)
    init.add_argument("--user", required=True, metavar="NAMA")
    init.add_argument("--display-name", metavar="TEKS", help="nama lengkap koordinator")
    init.add_argument("--password-stdin", action="store_true",
                      help="baca kata sandi dari satu baris standar input")

    verify = sub.add_parser("verify", help="periksa keutuhan basis data, audit dan kunci")
    _data_dir(verify, top=False)
    _auth(verify)
    verify.add_argument("--seal", action="append", default=[], metavar="SEGEL",
                        help="segel audit tercetak yang harus masih ada (boleh berulang)")

    seed = sub.add_parser("seed-demo", help="isi kasus contoh (fiktif) untuk demo/benchmark")
    _data_dir(seed, top=False)
    _auth(seed)
    seed.add_argument("--cases", type=_case_count, required=True, metavar="N")
    seed.add_argument("--seed", type=int, default=2022, help=argparse.SUPPRESS)


def _users_parsers(users_sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    roles = [r.value for r in Role]
    listing = users_sub.add_parser("list", help="daftar akun")
    _auth(listing)
    add = users_sub.add_parser("add", help="tambah akun (kata sandi sementara dicetak)")
    add.add_argument("name", metavar="NAMA_BARU")
    add.add_argument("--role", choices=roles, required=True)
    add.add_argument("--display-name", metavar="TEKS")
    _auth(add)
    reset = users_sub.add_parser("reset", help="atur ulang kata sandi (sementara)")
    reset.add_argument("name", metavar="NAMA_AKUN")
    _auth(reset)
    remove = users_sub.add_parser("remove", help="nonaktifkan akun dan hapus slot kuncinya")
    remove.add_argument("name", metavar="NAMA_AKUN")
    _auth(remove)
    role = users_sub.add_parser("role", help="ubah peran akun")
    role.add_argument("name", metavar="NAMA_AKUN")
    role.add_argument("--role", choices=roles, required=True)
    _auth(role)
    for sub_parser in (listing, add, reset, remove, role):
        _data_dir(sub_parser, top=False)


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run one command; returns the exit status (the console script exits with it)."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        # argparse prints usage errors and --help to sys.stderr/sys.stdout itself.
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = build_parser().parse_args(argv)
        return commands.run(args, stdin or sys.stdin, out)
    except SystemExit as exc:  # argparse: --help (0) or usage error (2)
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    except AppError as exc:
        print(describe(exc), file=err)
        return 1
    except CliError as exc:
        print(exc.message, file=err)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Dibatalkan.", file=err)
        return EXIT_INTERRUPTED
    except Exception:  # never a traceback in the user's face; details may hold case data
        print("Terjadi kesalahan tak terduga; perintah dihentikan. Laporkan ke pengelola "
              "aplikasi.", file=err)
        return 1


def entry() -> NoReturn:
    sys.exit(main())
