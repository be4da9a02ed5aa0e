"""PyInstaller entry script for ``posko-admin`` (build.spec): ``app.cli.main:entry``."""

from app.cli.main import entry

entry()
