"""Full-text search for a name, a case code and a chronology word.

``cases.search`` returns the matching summaries; the case list's search box runs
``cases.search_ids`` (the page already holds the summaries and only filters them).
"""

from __future__ import annotations

from functools import partial

from .context import Run


def _queries(ctx: Run) -> dict[str, str]:
    session, _ = ctx.live()
    middle = session.ctx.conn.execute("SELECT code FROM cases ORDER BY id LIMIT 1 OFFSET ?",
                                      (ctx.size // 2,)).fetchone()[0]
    return {"name": "Sri Wahyuni", "code": str(middle), "chronology": "whatsapp"}


def run(ctx: Run) -> None:
    session, recorder = ctx.live()
    for kind, text in _queries(ctx).items():
        for method in ("search", "search_ids"):
            key = f"{method}.{kind}"
            action = partial(getattr(session.cases, method), text)
            hits = len(action())
            ctx.add_recorded(key, f"{method}: {kind} {text!r} → {hits:,} hits",
                             recorder.measure(key, action, ctx.repeats))
