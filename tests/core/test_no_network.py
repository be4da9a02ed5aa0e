"""The core never touches the network, and the guard that says so really works.

``tests/conftest.py`` arms a ``sys.addaudithook`` (``tests/network_guard.py``) for every test.
Here we show that it trips on a real socket (and on a direct call), that a test which opens a
socket fails even if it swallows the error (run in a subprocess so this suite stays green), and
that a full workload — vault, cases, search, attachments, admin CLI, key rotation — runs with
the guard armed.
"""

from __future__ import annotations

import io
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import main
from app.domain.enums import FollowUpKind
from app.services.vault import Vault
from tests import helpers
from tests import network_guard as guard

pytestmark = pytest.mark.reliability
REPO = Path(__file__).resolve().parents[2]


def test_the_guard_is_armed_for_this_test(no_network: list[str]) -> None:
    assert guard._state["armed"] is True
    assert guard._state["events"] is no_network


def test_a_real_socket_trips_the_guard(no_network: list[str]) -> None:
    with pytest.raises(RuntimeError, match=re.escape("network access attempted: socket.__new__")):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(RuntimeError, match=re.escape("socket.getaddrinfo")):
        socket.getaddrinfo("localhost", 80)
    assert no_network == ["socket.__new__", "socket.getaddrinfo"]
    no_network.clear()  # seen and refused: this test itself must not fail


@pytest.mark.parametrize("event", guard._SOCKET_EVENTS)
def test_the_hook_refuses_every_socket_event(no_network: list[str], event: str) -> None:
    with pytest.raises(RuntimeError, match=re.escape(event)):
        guard._hook(event, ())
    guard._hook("open", ("/etc/hostname", "r", 0))  # other events pass
    assert no_network == [event]
    no_network.clear()
    guard._state["armed"] = False
    try:
        guard._hook(event, ())  # disarmed between tests: silent
    finally:
        guard._state["armed"] = True
    assert no_network == []


def test_a_test_that_opens_a_socket_fails(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
         "--basetemp", str(tmp_path / "pytest"), "tests/core/network_probe.py"],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 1, result.stdout[-3000:]
    assert "the test touched the network: ['socket.__new__']" in result.stdout
    assert "1 error" in result.stdout


def _cli(root: Path, *argv: str) -> int:
    out = io.StringIO()
    return main(["--data-dir", str(root), *argv, "--user", helpers.KOORDINATOR,
                 "--password-stdin"], stdin=io.StringIO(helpers.KOORDINATOR_PASSWORD + "\n"),
                stdout=out, stderr=io.StringIO())


def test_a_full_workload_runs_offline(vault: Vault, tmp_path: Path, no_network: list[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSKO_KDF_PROFILE", "floor")
    session, _code = helpers.create_vault(vault)
    with session:
        refs = [session.cases.create(helpers.full_intake(tag=f"t{i}")) for i in range(5)]
        session.cases.update(refs[0].id, helpers.full_intake(tag="diubah"))
        session.workflow.add_follow_up(refs[1].id, FollowUpKind.KONTAK, "Korban dihubungi.")
        session.attachments.add(refs[2].id, "foto.png", b"\x89PNG" + bytes(2048))
        assert session.cases.search("diubah")[0].id == refs[0].id
        assert len(session.cases.summaries()) == 5
        session.cases.deadlines()
        assert session.integrity.check().ok
        session.rotate_key()
    with vault.unlock(helpers.KOORDINATOR, helpers.KOORDINATOR_PASSWORD) as again:
        assert len(again.cases.summaries()) == 5
    other = tmp_path / "cli"
    assert _cli(other, "init") == 0
    assert _cli(other, "seed-demo", "--cases", "8") == 0
    assert _cli(other, "users", "list") == 0
    assert _cli(other, "rotate-key") == 0
    assert _cli(other, "verify") == 0
    assert guard._state["armed"] is True and no_network == []
