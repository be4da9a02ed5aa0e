"""No network below Python either: the whole working day traced at the system-call level.

The audit hook (``tests/network_guard.py``) sees every socket Python code opens, but not the
ones C and C++ libraries open. Here the leak sweep's working day (``leak_app_flow.py``: real
widgets, preview and print, backup, lock) runs under ``strace`` and every ``socket``,
``connect``, ``bind`` and ``sendto`` of the process and its threads is classified. The rule:
nothing may reach beyond this machine. What does happen on Linux is reported in the table:
glibc asks the name-service cache (nscd) over a local socket, and Qt's CUPS print support
tries the print server on localhost:631 when a printer object is made — both local, both
absent here. (Windows has neither: printing goes to the local spooler.)
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.reliability import report
from tests.reliability.test_leak_sweep import REPO, Places

pytestmark = [pytest.mark.reliability, pytest.mark.slow, pytest.mark.skipif(
    sys.platform != "linux" or shutil.which("strace") is None, reason="needs strace (Linux)")]

CASES = 20
_CALL = re.compile(r"\b(connect|bind|sendto|sendmsg)\(\d+, \{sa_family=(AF_\w+), (.*?)\}")
_UNIX_PATH = re.compile(r'sun_path=@?"([^"]*)"')
_INET = re.compile(r'sin6?_port=htons\((\d+)\).*?(?:inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, '
                   r'"([^"]+)")')
LOOPBACK = ("127.", "::1", "::ffff:127.")


@dataclass
class Calls:
    unix: set[str] = field(default_factory=set)
    loopback: set[str] = field(default_factory=set)
    external: set[str] = field(default_factory=set)
    other: set[str] = field(default_factory=set)


def classify(trace: str) -> Calls:
    calls = Calls()
    for call, family, rest in _CALL.findall(trace):
        if family == "AF_UNIX":
            path = _UNIX_PATH.search(rest)
            calls.unix.add(f"{call} {path.group(1) if path else '?'}")
        elif family in ("AF_INET", "AF_INET6") and (inet := _INET.search(rest)):
            port, address = inet.group(1), inet.group(2) or inet.group(3)
            target = calls.loopback if address.startswith(LOOPBACK) else calls.external
            target.add(f"{call} {address}:{port}")
        else:
            calls.other.add(f"{call} {family}")
    return calls


def _strace() -> list[str]:
    """strace, filtering in the kernel where it can (``--seccomp-bpf``: a fraction of the
    slow-down); ``execve`` is traced too, to prove the tracer saw the child at all."""
    strace = shutil.which("strace")
    assert strace is not None
    fast = subprocess.run([strace, "-f", "--seccomp-bpf", "-e", "trace=execve", "-o",
                           "/dev/null", "true"], capture_output=True, check=False)
    return [strace, "-f", "-qq", *(["--seccomp-bpf"] if fast.returncode == 0 else []),
            "-e", "trace=execve,socket,connect,bind,sendto,sendmsg"]


def _trace_a_day(places: Places, log: Path) -> subprocess.CompletedProcess[str]:
    env = {**places.env(), "POSKO_LEAK_CASES": str(CASES)}
    return subprocess.run(
        [*_strace(), "-o", str(log), sys.executable, "-m", "pytest", "-q", "-s",
         "-p", "no:cacheprovider", "-p", "no:randomly", "-o", "faulthandler_timeout=0",
         "tests/reliability/leak_app_flow.py"],
        cwd=REPO, env=env, input="\n", capture_output=True, text=True, timeout=600,
        check=False)


def test_the_working_day_opens_no_socket_beyond_this_machine(tmp_path: Path) -> None:
    log = tmp_path / "strace.log"
    day = _trace_a_day(Places.make(tmp_path), log)
    if day.returncode != 0 and "PTRACE" in day.stderr.upper() and "READY" not in day.stdout:
        pytest.skip(f"ptrace is not allowed here: {day.stderr.strip()[:200]}")
    assert day.returncode == 0 and "READY" in day.stdout, day.stdout[-3000:] + day.stderr[-2000:]
    trace = log.read_text(errors="replace")
    calls = classify(trace)
    report.record("no network at the system-call level (strace)", 1,
                  external=len(calls.external), loopback=sorted(calls.loopback) or "none",
                  local_sockets=sorted(calls.unix) or "none")
    assert "execve(" in trace  # the tracer did follow the child
    assert calls.external == set(), f"sockets beyond this machine: {calls.external}"
    assert calls.other <= {"sendto AF_NETLINK", "bind AF_NETLINK", "sendmsg AF_NETLINK"}


def test_negative_control_an_outside_address_is_classified_external() -> None:
    trace = ('17 connect(4, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr('
             '"8.8.8.8")}, 16) = 0\n'
             '17 connect(5, {sa_family=AF_INET6, sin6_port=htons(631), sin6_flowinfo=htonl(0),'
             ' inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = -1\n'
             '17 connect(6, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1\n')
    calls = classify(trace)
    assert calls.external == {"connect 8.8.8.8:53"}
    assert calls.loopback == {"connect ::1:631"}
    assert calls.unix == {"connect /var/run/nscd/socket"}
