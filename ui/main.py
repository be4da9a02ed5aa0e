"""``posko``: the desktop app entry point."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.paths import resolve
from app.services.vault import Vault
from ui import startup_probe
from ui.app import create_application
from ui.shell import Shell

if TYPE_CHECKING:  # ui.demo is imported for --demo only: seeding its vault loads every service,
    # which the unlock window of a real vault does without (start-up time, ``make bench``)
    from PySide6.QtWidgets import QApplication

    from ui.demo import DemoVault


def parse(argv: Sequence[str] | None) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="posko", description="Posko PPKS")
    parser.add_argument("--data-dir", default=None, help="folder data posko")
    parser.add_argument("--demo", action="store_true", help="buka vault demo berisi data fiktif")
    parser.add_argument("--debug", action="store_true", help="catat log rinci")
    parser.add_argument("--self-test", action="store_true",
                        help="uji aplikasi ini dengan vault sementara (di folder --data-dir bila "
                             "diberikan), lalu keluar: kode 0 bila semua langkah berhasil")
    parser.add_argument("--self-test-report", type=Path, default=None, metavar="BERKAS",
                        help="tulis juga hasil uji mandiri ke berkas ini")
    # Hidden: the README's cold-start figure (prints the time to the first window and quits).
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_known_args(argv)


def _demo_shell(app: QApplication) -> tuple[Shell, DemoVault]:
    """The main window on a new demo vault, with the demo login filled in."""
    from ui import demo

    demo_vault = demo.create()
    hint = (app.translate("main", "DEMO — data fiktif. Masuk dengan pengguna \"%1\" dan kata "
                                  "sandi \"%2\".")
            .replace("%1", demo.DEMO_USER).replace("%2", demo.DEMO_PASSWORD))
    window = Shell(demo_vault.vault, demo=True, demo_hint=hint)
    window.unlock_page.username.setText(demo.DEMO_USER)
    window.unlock_page.password.set_text(demo.DEMO_PASSWORD)
    return window, demo_vault


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse(argv)
    app = create_application(qt_args, debug=args.debug)
    if args.self_test:
        # Imported here: it pulls in QtPdf, printing and reportlab (~0.35 s of every start-up).
        from ui import self_test

        # --data-dir is only the parent of a new throw-away folder: a real vault is never used.
        return self_test.run(Path(args.data_dir) if args.data_dir else None,
                             args.self_test_report)
    demo_vault: DemoVault | None = None
    if args.demo:
        window, demo_vault = _demo_shell(app)
    else:
        window = Shell(Vault(resolve(args.data_dir)))
    window.show()
    if args.startup_probe:
        unlock_shown = window.stack.currentWidget() is window.unlock_page
        startup_probe.arm(window, "buka kunci" if unlock_shown else "penyiapan")
    try:
        code = app.exec()
    finally:
        if demo_vault:
            demo_vault.remove()
    if args.startup_probe:
        startup_probe.leave(code)
    return code


if __name__ == "__main__":
    sys.exit(main())
