from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.services.vault import Vault, VaultState
from tests import helpers
from ui.main import PlaceholderWindow


def test_fresh_machine_says_how_to_start(qtbot: QtBot) -> None:
    window = PlaceholderWindow(VaultState.EMPTY)
    qtbot.addWidget(window)
    window.show()
    assert "posko-admin init" in window.message.text()
    assert window.windowTitle() == "Posko PPKS"


def test_existing_vault_is_recognised(qtbot: QtBot, tmp_path: Path) -> None:
    vault: Vault = helpers.new_vault(tmp_path / "vault")
    session, _ = helpers.create_vault(vault)
    session.close()
    window = PlaceholderWindow(vault.state())
    qtbot.addWidget(window)
    assert "sudah tersedia" in window.message.text()
