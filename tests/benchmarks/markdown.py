"""The README's performance tables from result files: ``python -m tests.benchmarks.markdown
bench/results/<date>-1000.json bench/results/<date>-10000.json …`` (one column per file)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any


def _ms(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:,.0f} MB"
    if unit == "×":
        return f"{value:.1f}×"
    return f"{value / 1000:,.1f} s" if value >= 1000 else f"{value:,.1f} ms"


def _cell(figure: dict[str, Any] | None) -> str:
    if figure is None:
        return ""
    unit = str(figure["unit"])
    median, p95 = float(figure["median_ms"]), float(figure["p95_ms"])
    if figure["runs"] == 1:
        return _ms(median, unit)
    return f"{_ms(median, unit)} / {_ms(p95, unit)}"


def _verdict(figure: dict[str, Any] | None) -> str:
    if figure is None or "met" not in figure:
        return ""
    return f"{figure['target']}: {'met' if figure['met'] else '**missed**'}"


def _label(figure: dict[str, Any]) -> str:
    """The figure's label without what differs per size (hit counts, the code, row counts)."""
    text = str(figure["label"])
    text = re.sub(r" → .*| '\d+/PPKS/[^']*'|, [\d,]+ rows| on [\d,]+ cases", "", text)
    return ("… " + text.strip()) if text.startswith(" ") else text


def figures_table(results: list[dict[str, Any]]) -> str:
    sizes = [f"{int(r['size']):,}" for r in results]
    lines = ["| Figure (median / p95) | " + " | ".join(sizes) + " | Target at 100,000 |",
             "|---|" + "---|" * (len(sizes) + 1)]
    last = results[-1]["figures"]
    for key, figure in last.items():
        cells = [_cell(r["figures"].get(key)) for r in results]
        label = _label(figure).replace("… of which ", "unlock: ").replace("… ", "")
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {_verdict(figure)} |")
    return "\n".join(lines)


def ratio_table(results: list[dict[str, Any]]) -> str:
    sizes = [f"{int(r['size']):,}" for r in results]
    lines = ["| Database part of | " + " | ".join(sizes) + " | without memory wiping, "
             f"{sizes[-1]} |", "|---|" + "---|" * (len(sizes) + 1)]
    for key, figure in results[-1]["figures"].items():
        if "ratio" not in figure:
            continue
        cells = [f"{r['figures'][key]['ratio']:.1f}×" if "ratio" in r["figures"].get(key, {})
                 else "" for r in results]
        label = _label(figure).replace("… of which ", "unlock: ").replace("… ", "")
        lines.append(f"| {label} | " + " | ".join(cells)
                     + f" | {figure.get('nowipe_ratio', 0):.1f}× |")
    return "\n".join(lines)


def main() -> None:
    results = [json.loads(Path(name).read_text(encoding="utf-8")) for name in sys.argv[1:]]
    results.sort(key=lambda r: int(r["size"]))
    print(figures_table(results))
    print()
    print(ratio_table(results))


if __name__ == "__main__":
    main()
