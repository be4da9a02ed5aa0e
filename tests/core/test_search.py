"""Full-text search (FTS5 inside the encrypted vault): what it finds, what it never shows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.domain.enums import FollowUpKind, Role
from app.domain.models import Intake, Perpetrator, Reporter
from app.services.session import Session
from app.services.vault import Vault
from app.store.search_index import MAX_QUERY_WORDS
from tests import helpers

K2, K2_PASSWORD = "koord2", "lumbung padi penuh setelah panen"


def intake(victim: str, chronology: str, *, alias: str | None = None,
           reporter: str | None = None, perpetrator: str | None = None,
           perpetrator_alias: str | None = None) -> Intake:
    base = helpers.minimal_intake(name=victim)
    people = ((Perpetrator(full_name=perpetrator, alias=perpetrator_alias),)
              if perpetrator or perpetrator_alias else ())
    return replace(base, victim=replace(base.victim, alias=alias),
                   reporter=Reporter(is_victim=reporter is None, full_name=reporter),
                   perpetrators=people,
                   incident=replace(base.incident, chronology=chronology))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, dict[str, int]]]:
    """Three cases created once; the query tests below only read."""
    vault = helpers.new_vault(Path(tmp_path_factory.mktemp("search")) / "vault")
    session, _ = helpers.create_vault(vault)
    a = session.cases.create(intake("Siti Wahyuni", "Terjadi di gudang logistik.",
                                    alias="Mawar", reporter="Bambang Sutrisno",
                                    perpetrator="Joko Santoso", perpetrator_alias="Pak Kumis"))
    session.workflow.add_follow_up(a.id, FollowUpKind.KONTAK, "Korban diantar ke puskesmas.")
    b = session.cases.create(intake("Ñandú Pérez", "Kejadian di ruang rapat."))
    c = session.cases.create(intake("Dewi Lestari", "Pesan tidak pantas lewat ponsel."))
    yield session, {"A": a.id, "B": b.id, "C": c.id}
    session.close()


def found(session: Session, query: str) -> set[int]:
    return {s.id for s in session.cases.search(query)}


@pytest.mark.parametrize(("query", "expected"), [
    ("Siti Wahyuni", "A"), ("wahyuni", "A"), ("wah", "A"), ("WAHYU", "A"),   # victim, prefix
    ("Mawar", "A"),                                                          # alias
    ("Bambang", "A"), ("sutris", "A"),                                       # reporter
    ("Joko", "A"), ("santoso joko", "A"), ("Kumis", "A"),                   # perpetrator
    ("gudang", "A"), ("logis", "A"), ("rapat", "B"), ("ponsel", "C"),       # chronology
    ("puskesmas", "A"),                                                      # follow-up note
    ("001/PPKS", "A"), ("001/PPKS/3316/2026", "A"), ("002", "B"), ("003/PPKS", "C"),
    ("PPKS/3316", "ABC"), ("2026", "ABC"),
    ("nandu", "B"), ("Ñandú", "B"), ("NANDÚ perez", "B"),                   # accents folded
    ("sitï", "A"), ("SÍTI wahyuní", "A"),
    ("Siti Lestari", ""), ("lestari dewi", "C"), ("tidak ada", ""),          # every word needed
])
def test_search_finds(corpus: tuple[Session, dict[str, int]], query: str,
                      expected: str) -> None:
    session, ids = corpus
    assert found(session, query) == {ids[label] for label in expected}


@pytest.mark.parametrize("query", [
    '"', "'", "*", "-", "+", "^", ":", "(", ")", "{", "}", "\\", "%", "_", "NEAR", "OR", "AND",
    "NOT", "a OR b", "NEAR(siti wahyuni, 2)", '"siti', 'siti"', "siti*", "-siti", "siti -joko",
    "^siti", "names:siti", "code:001", "{names body}:siti", "siti AND", "OR siti", '""', "* *",
    "siti NOT joko", "\u0000siti", "siti\u200b", "\ufb01", "\U0001d4aeiti", " ", "", "a" * 500,
    " ".join(["siti"] * (MAX_QUERY_WORDS + 5)),
])
def test_typed_fts_syntax_never_raises(corpus: tuple[Session, dict[str, int]],
                                       query: str) -> None:
    session, ids = corpus
    result = found(session, query)
    assert result <= set(ids.values())


@pytest.mark.parametrize(("query", "expected"), [
    ("siti*", "A"), ("-siti", "A"), ('"siti', "A"), ("NEAR(siti wahyuni, 2)", ""),
    ("siti -joko", "A"), ("names:siti", ""), ("siti OR dewi", ""),
])
def test_syntax_characters_are_plain_text(corpus: tuple[Session, dict[str, int]], query: str,
                                          expected: str) -> None:
    """Operators are words to match, never query syntax (``OR`` does not widen the search)."""
    session, ids = corpus
    assert found(session, query) == {ids[label] for label in expected}


@pytest.mark.parametrize("query", ['"', "*", "-", "  "])
def test_a_query_without_words_filters_nothing(corpus: tuple[Session, dict[str, int]],
                                               query: str) -> None:
    session, ids = corpus
    assert found(session, query) == set(ids.values())


def test_results_show_masked_names_only(corpus: tuple[Session, dict[str, int]]) -> None:
    session, _ = corpus
    [row] = session.cases.search("wahyuni")
    assert row.victim_name_masked == "S*** W***"
    for word in ("Siti", "Wahyuni", "Mawar", "Joko", "gudang"):
        assert word not in repr(row)


def test_updates_and_notes_are_reindexed(session: Session) -> None:
    ref = session.cases.create(intake("Siti Wahyuni", "Kejadian di gudang."))
    assert found(session, "wahyuni") == {ref.id}
    session.cases.update(ref.id, intake("Rahayu Ningsih", "Kejadian di aula.",
                                        perpetrator="Slamet"))
    assert found(session, "wahyuni") == found(session, "gudang") == set()
    assert found(session, "rahayu") == found(session, "aula") == found(session, "slamet") == {
        ref.id}
    session.workflow.add_follow_up(ref.id, FollowUpKind.CATATAN, "Rumah aman disiapkan.")
    assert found(session, "disiapkan") == {ref.id}


def test_many_edits_find_only_the_newest_text(session: Session) -> None:
    """An edit re-indexes with a delete marker (FTS5 secure-delete is off): through many edits,
    and the segment merges they set off, only the newest text is found and the index matches
    its content (FTS5's own integrity check)."""
    other = session.cases.create(intake("Dewi Lestari", "Pesan lewat ponsel.")).id
    ref = session.cases.create(intake("Siti Wahyuni", "Kejadian kata000z.")).id
    for n in range(1, 41):
        session.cases.update(ref, intake("Siti Wahyuni", f"Kejadian kata{n:03d}z."))
    assert [n for n in range(41) if found(session, f"kata{n:03d}z")] == [40]
    assert found(session, "kata040z") == found(session, "wahyuni") == {ref}
    assert found(session, "ponsel") == {other}
    session.ctx.conn.execute("INSERT INTO case_search(case_search, rank)"
                             " VALUES ('integrity-check', 1)")


def test_restricted_case_never_appears_for_that_officer(vault: Vault, session: Session) -> None:
    other, _ = session.users.add(K2, "Koordinator Dua", Role.KOORDINATOR, password=K2_PASSWORD)
    hidden = session.cases.create(intake("Siti Wahyuni", "Kejadian di gudang."))
    shown = session.cases.create(intake("Siti Aminah", "Kejadian di gudang."))
    session.cases.restrict(hidden.id, frozenset({other.id}))
    assert found(session, "siti") == {hidden.id, shown.id}
    session.close()
    with vault.unlock(K2, K2_PASSWORD) as koord2:
        for query in ("siti", "wahyuni", "gudang", hidden.code, "001/PPKS", '"'):
            assert hidden.id not in found(koord2, query)
        assert found(koord2, "siti") == {shown.id}
        assert [s.id for s in koord2.cases.summaries()] == [shown.id]


def test_petugas_searches_only_assigned_cases(vault: Vault, session: Session) -> None:
    petugas, _ = session.users.add(helpers.PETUGAS, "Petugas", Role.PETUGAS,
                                   password=helpers.PETUGAS_PASSWORD)
    theirs = session.cases.create(intake("Siti Wahyuni", "Kejadian di gudang."))
    session.cases.create(intake("Siti Aminah", "Kejadian di gudang."))
    session.cases.assign(theirs.id, petugas.id)
    session.close()
    with vault.unlock(helpers.PETUGAS, helpers.PETUGAS_PASSWORD) as officer:
        assert found(officer, "gudang") == found(officer, '"') == {theirs.id}


def test_search_ids_match_search_and_respect_visibility(session: Session) -> None:
    first = session.cases.create(helpers.minimal_intake(name="Wahyuni Idsatu"))
    session.cases.create(helpers.minimal_intake(name="Lestari Idsdua"))
    assert session.cases.search_ids("wahyu") == [s.id for s in session.cases.search("wahyu")]
    assert session.cases.search_ids("wahyu") == [first.id]
    both = session.cases.search_ids("ids")  # unranked: in id order, the same set as search
    assert both == sorted(s.id for s in session.cases.search("ids")) and len(both) == 2
    assert sorted(session.cases.search_ids("!!")) == sorted(
        s.id for s in session.cases.summaries())
