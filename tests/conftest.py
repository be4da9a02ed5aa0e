"""Fixtures shared by every test: a fresh encrypted vault on disk per test; no network in any
test; the reliability suite's summary table at the end of the session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.clock import FakeClock
from app.services.session import Session
from app.services.vault import Vault
from tests import helpers, network_guard
from tests.reliability import report as reliability

network_guard.install()


@pytest.fixture(autouse=True)
def no_network() -> Iterator[list[str]]:
    """Every test fails if it opens, binds or resolves a socket, even if it swallowed the
    guard's exception (see ``tests/network_guard.py``)."""
    events: list[str] = []
    network_guard.arm(events)
    try:
        yield events
    finally:
        network_guard.disarm(events)
    assert events == [], f"the test touched the network: {events}"


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    reliability.note_outcome(report)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    reliability.summary(terminalreporter)


@pytest.fixture
def clock() -> FakeClock:
    return helpers.fake_clock()


@pytest.fixture
def vault(tmp_path: object, clock: FakeClock) -> Vault:
    return helpers.new_vault(Path(str(tmp_path)) / "vault", clock)


@pytest.fixture
def created(vault: Vault) -> Iterator[tuple[Session, str]]:
    """A new vault's first koordinator session and the recovery code."""
    session, code = helpers.create_vault(vault)
    yield session, code
    session.close()


@pytest.fixture
def session(created: tuple[Session, str]) -> Session:
    return created[0]


@pytest.fixture
def recovery_code(created: tuple[Session, str]) -> str:
    return created[1]


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory,
           request: pytest.FixtureRequest) -> Iterator[tuple[Session, FakeClock]]:
    """One koordinator vault per test module, for modules whose tests each make own cases.

    Unlocking costs an Argon2id derivation; sharing it keeps large parametrised modules fast.
    """
    clock = helpers.fake_clock()
    folder = tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1])
    vault = helpers.new_vault(folder / "vault", clock)
    session, _ = helpers.create_vault(vault)
    yield session, clock
    session.close()


@pytest.fixture
def koord(shared: tuple[Session, FakeClock]) -> Iterator[Session]:
    """The module's shared session; the clock is reset after each test."""
    yield shared[0]
    shared[1].set(helpers.START)


@pytest.fixture
def kclock(shared: tuple[Session, FakeClock]) -> FakeClock:
    return shared[1]
