"""``make screenshots``: render every main screen with demo data to PNG files.

For the README and for review — not golden images. Runs offscreen at 1366×768, the office
screen size, with the vault jobs run synchronously. Usage: ``python -m tests.screenshots DIR``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from app.services.vault import Vault
from tests import helpers
from tests.screenshot_scenes import SCENES
from ui import demo
from ui.app import create_application
from ui.backend import Backend
from ui.shell import Shell
from ui.workers import ImmediateRunner

SIZE = (1366, 768)


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _save(widget: QWidget, folder: Path, name: str) -> None:
    _settle()
    widget.grab().save(str(folder / f"{name}.png"))
    print(f"{name}.png")


def _save_image(image: QImage, folder: Path, name: str) -> None:
    """A document page rendered from memory: this tool is the only writer of the PNG."""
    image.save(str(folder / f"{name}.png"))
    print(f"{name}.png")


def _shell(vault: Vault, demo_mode: bool) -> Shell:
    window = Shell(vault, ImmediateRunner(Backend(vault)), demo=demo_mode,
                   demo_hint="DEMO — data fiktif" if demo_mode else None)
    window.resize(*SIZE)
    window.show()
    return window


def _unlock(window: Shell) -> None:
    window.unlock_page.username.setText(demo.DEMO_USER)
    window.unlock_page.password.set_text(demo.DEMO_PASSWORD)
    window.unlock_page.open_button.click()


def setup_recovery_code(window: Shell) -> None:
    """Setup wizard, step 3 (the recovery code), after valid first two steps."""
    from ui.setup.wizard import SetupWizard

    wizard = window.setup_wizard
    assert isinstance(wizard, SetupWizard)
    wizard.next_button.click()  # the prefilled Blora values are valid
    account = wizard.account_page
    account.username.setText("siti.koordinator")
    account.display_name.setText("Siti Rahmawati")
    account.password.set_text("sawah hijau membentang luas")
    account.repeat.set_text("sawah hijau membentang luas")
    wizard.next_button.click()


def render(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    create_application([])
    with tempfile.TemporaryDirectory(prefix="posko-setup-") as empty:
        window = _shell(helpers.new_vault(Path(empty) / "vault"), demo_mode=False)
        _save(window, folder, "00a-penyiapan-instansi")
        setup_recovery_code(window)
        _save(window, folder, "00b-penyiapan-kode-pemulihan")
        window.close()
    made = demo.create()
    try:
        window = _shell(made.vault, demo_mode=True)
        _save(window, folder, "01-buka-kunci")
        _unlock(window)
        for name, scene in SCENES.items():
            target = scene(window)
            if isinstance(target, QImage):
                _save_image(target, folder, name)
                continue
            _save(target or window, folder, name)
            if target is not None:
                target.close()
        window.close()
    finally:
        made.remove()


if __name__ == "__main__":
    render(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
