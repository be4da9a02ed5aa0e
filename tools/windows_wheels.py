"""``make windows-wheels``: will the Windows build find everything it needs, and will the
SQLCipher it gets pass the app's start-up assertions?

No Windows PC is at hand where the bundle is built and tested (Linux, CI), so this checks what
can be checked from here: pip resolves every runtime and build dependency of pyproject.toml
for Windows x64 / CPython 3.11 to ready-made wheels (no compiler on the office or IT PC), and
the sqlcipher3 wheel's extension was built the way ``app/store/connection.py`` insists on
(SECURITY.md S11): SQLCipher with the codec, OpenSSL as its crypto provider, temp files in
memory. A wheel failing any of that would make the Windows app refuse to start.

Needs the network (PyPI) — a developer tool, never part of the app or the test suite.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLATFORM, PYTHON = "win_amd64", "3.11"
#: Strings the extension holds when built as S11 requires (compile options, the provider).
REQUIRED = {
    "SQLCipher codec (HAS_CODEC)": re.compile(rb"HAS_CODEC"),
    "temp files in memory (TEMP_STORE=2 or 3)": re.compile(rb"TEMP_STORE=[23]"),
    "OpenSSL crypto provider": re.compile(rb"sqlcipher_openssl_activate"),
}


def requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["build"]]


def download(target: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:",
                    "--platform", PLATFORM, "--python-version", PYTHON, "--dest", str(target),
                    *requirements()], check=True)


def foreign(wheels: list[Path]) -> list[str]:
    """Wheels that are neither for Windows x64 nor pure Python."""
    return [wheel.name for wheel in wheels
            if not wheel.name.endswith((f"-{PLATFORM}.whl", "-none-any.whl"))]


def extension_findings(wheel: Path) -> dict[str, bool]:
    with zipfile.ZipFile(wheel) as archive:
        [name] = [n for n in archive.namelist() if n.endswith(".pyd")]
        binary = archive.read(name)
    return {what: pattern.search(binary) is not None for what, pattern in REQUIRED.items()}


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder)
        download(target)
        wheels = sorted(target.glob("*.whl"))
        print(f"{len(wheels)} wheels for {PLATFORM} / CPython {PYTHON}:")
        for wheel in wheels:
            print(f"  {wheel.name}")
        problems = [f"not a Windows or pure-Python wheel: {name}" for name in foreign(wheels)]
        [sqlcipher] = [wheel for wheel in wheels if wheel.name.startswith("sqlcipher3-")]
        for what, found in extension_findings(sqlcipher).items():
            print(f"  sqlcipher3 extension: {what}: {'yes' if found else 'NO'}")
            if not found:
                problems.append(f"sqlcipher3 for Windows lacks: {what}")
    for problem in problems:
        print(f"FAILED: {problem}")
    print("OK" if not problems else "")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
