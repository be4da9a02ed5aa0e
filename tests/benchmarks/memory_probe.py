"""Memory probe: unlock a vault and show the whole case list, then report peak RSS as JSON.

``python -m tests.benchmarks.memory_probe VAULT_DIR`` (offscreen). Two peaks, from the
kernel's high-water mark ``VmHWM`` (proc(5)): up to the end of unlocking (the Argon2id memory
cost included), then — after ``/proc/self/clear_refs`` reset it — from just after unlock until
the list is shown. (Not ``ru_maxrss``: it survives ``exec``, so a child reports its parent's
peak, and the reset clears it too.)
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QTableView

from app.domain.deadlines import zone
from app.paths import VaultPaths
from app.services.vault import Vault
from ui.models.case_table import CaseFilterProxy, CaseTableModel

from .vaults import PASSWORD, USER


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(field)


def main() -> None:
    app = QApplication(sys.argv[:1])
    session = Vault(VaultPaths(Path(sys.argv[1]))).unlock(USER, PASSWORD)
    after_unlock, unlock_peak = _status_mb("VmRSS"), _status_mb("VmHWM")
    Path("/proc/self/clear_refs").write_text("5")
    model = CaseTableModel(zone(session.office().timezone))
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.resize(1366, 768)
    view.show()
    model.set_rows(session.cases.summaries())
    app.processEvents()
    print(json.dumps({"rows": model.rowCount(), "rss_after_unlock_mb": after_unlock,
                      "unlock_peak_mb": unlock_peak, "case_list_peak_mb": _status_mb("VmHWM")}))
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
