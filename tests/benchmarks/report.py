"""The results table (printed) and the JSON file under ``bench/results/``."""

from __future__ import annotations

import json
import os
import platform
from datetime import date
from pathlib import Path

import sqlcipher3

import PySide6

from .results import RATIO_LIMIT, Figure
from .targets import TARGET_SIZE

RESULTS = Path(__file__).resolve().parents[2] / "bench" / "results"


def machine() -> dict[str, object]:
    models = [line.split(":", 1)[1].strip() for line in
              Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")]
    conn = sqlcipher3.connect(":memory:")
    versions = conn.execute("SELECT sqlite_version()").fetchone()[0]
    cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    conn.close()
    return {"cpu": models[0] if models else platform.processor(), "cpus": os.cpu_count(),
            "python": platform.python_version(), "sqlite": versions, "sqlcipher": cipher,
            "pyside6": PySide6.__version__, "system": platform.platform()}


def _verdict(met: bool | None) -> str:
    return "" if met is None else ("met" if met else "MISSED")


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    return f"{value:,.2f}{unit}" if value < 10 else f"{value:,.0f}{unit}"


def row(figure: Figure) -> list[str]:
    unit = "" if figure.unit == "ms" else f" {figure.unit}"
    target = figure.target.text if figure.target else ""
    ratio = figure.ratio
    return [figure.label, _number(figure.stats.median, unit), _number(figure.stats.p95, unit),
            target, _verdict(figure.met()),
            _number(figure.db.median if figure.db else None),
            _number(figure.plain.median if figure.plain else None),
            "" if ratio is None else f"{ratio:.2f}× {_verdict(figure.ratio_met())}",
            "" if figure.nowipe_ratio is None else f"{figure.nowipe_ratio:.2f}×"]


HEADER = ["figure", "median", "p95", "target", "", "DB enc", "DB plain",
          f"ratio (≤ {RATIO_LIMIT}×)", "no-wipe"]


def table(size: int, figures: list[Figure]) -> str:
    rows = [HEADER] + [row(f) for f in figures]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADER))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                       for i, (cell, w) in enumerate(zip(r, widths, strict=True)))
             for r in rows]
    rule = "-" * len(lines[0])
    scope = "targets apply here" if size == TARGET_SIZE else "targets apply at 100,000"
    return "\n".join([f"{size:,} cases ({scope}); times in ms", rule, lines[0], rule,
                      *lines[1:], rule])


def figure_json(figure: Figure) -> dict[str, object]:
    found: dict[str, object] = {"label": figure.label, "unit": figure.unit,
                                **figure.stats.as_json()}
    for name in ("db", "plain", "nowipe"):
        stats = getattr(figure, name)
        if stats is not None:
            found[name] = stats.as_json()
    if figure.ratio is not None:
        found["ratio"] = round(figure.ratio, 3)
        found["ratio_met"] = figure.ratio_met()
    if figure.nowipe_ratio is not None:
        found["nowipe_ratio"] = round(figure.nowipe_ratio, 3)
    if figure.target is not None:
        found["target"] = figure.target.text
        found["met"] = figure.met()
    if figure.note:
        found["note"] = figure.note
    return found


def write_json(size: int, figures: list[Figure], extra: dict[str, object]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{date.today().isoformat()}-{size}.json"
    document = {"size": size, "date": date.today().isoformat(), "machine": machine(), **extra,
                "figures": {f.key: figure_json(f) for f in figures}}
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
