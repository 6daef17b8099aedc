"""What only the PostgreSQL backend does, on a throwaway server: accented corrections with or without
pg_trgm, its schema version and table, other nodes' prepared statements, huge documents, and user text
that must never reach SQL as anything but words. The cases every backend passes are in test_contract.py."""
from __future__ import annotations

import random
import string

import pytest
from factories import TEST_DATA
from sqlalchemy import create_engine, text

import search
from search import Document, Filters, SearchUnavailable
from search.backends import postgres
from search.backends.postgres import PostgresBackend
from tests.pgserver import start_postgres

SYNONYMS = [["box", "modem", "routeur"], ["marche", "fonctionne"], ["forfait", "abonnement"],
            ["tele", "television", "tv"]]
BLNS = TEST_DATA / "hostile-strings" / "blns" / "blns.txt"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    server = start_postgres(tmp_path_factory.mktemp("pg"))
    made = create_engine(server.url)
    yield made
    made.dispose()
    server.stop()


@pytest.fixture
def backend(engine):
    made = PostgresBackend(engine)
    made.create()
    search.set_synonym_source(lambda: SYNONYMS)
    yield made
    search.set_synonym_source(lambda: [])


def doc(id_, title, body="", type_="question", **extra) -> Document:
    return Document(type=type_, id=id_, title=title, body=body, url=f"/{type_}s/{id_}", **extra)


CORPUS = [
    doc(1, "Ma box ne fonctionne plus depuis l'orage", "Le voyant reste rouge, plus d'internet.",
        category="box-internet", tags=["box", "orage"], solved=True,
        accepted_answer="Débranchez le modem trente secondes puis rebranchez-le."),
    doc(2, "Factures élevées ce mois-ci", "Ma facture a doublé sans raison apparente.",
        category="facturation", tags=["facture"]),
    doc(3, "Télévision sans son", "Le décodeur affiche l'image mais aucun son.", category="tv-decodeur"),
    doc(4, "Changer de forfait mobile", "Comment passer à une offre avec plus de données ?",
        category="mobile-sim", tags=["forfait"], solved=True),
    doc(5, "Router keeps rebooting", "My routers reboot every night after the update.",
        category="box-internet", tags=["box"], language="en"),
    doc(6, "Redémarrer la box proprement", "Étapes pour redémarrer votre box sans perdre vos réglages.",
        type_="article", category="box-internet", tags=["box"], status="published"),
    doc(7, "Réponse sur la box", "Essayez de redémarrer la box.", type_="answer", category="box-internet",
        parent_id=1),
]


def found(results) -> list[str]:
    hits = results.hits if hasattr(results, "hits") else results
    return [f"{hit.type}:{hit.id}" for hit in hits]


def test_did_you_mean_keeps_accents_and_works_without_pg_trgm(backend):
    backend.index(CORPUS + [doc(30, "La fibre coupe le soir", "Coupure de fibre tous les soirs.")])
    assert backend.query("télévisoin", Filters()).suggestion == "télévision"
    backend._trigram = False  # a server without pg_trgm: the word list is compared in Python
    assert backend.query("fibere", Filters()).suggestion == "fibre"


def test_schema_version_or_missing_table_needs_a_rebuild(backend, engine, monkeypatch):
    backend.index(CORPUS)
    assert not backend.needs_rebuild()
    monkeypatch.setattr(postgres, "SCHEMA_VERSION", postgres.SCHEMA_VERSION + 1)
    assert backend.needs_rebuild()
    backend.create()
    assert not backend.needs_rebuild() and backend.count() == 0
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE search_documents"))
    assert backend.needs_rebuild()
    for call in (lambda: backend.query("box", Filters()), lambda: backend.suggest("bo"),
                 lambda: backend.similar("box"), backend.keys, backend.count, lambda: backend.index(CORPUS)):
        with pytest.raises(SearchUnavailable):
            call()


def test_only_postgresql_will_do():
    with pytest.raises(SearchUnavailable):
        PostgresBackend(create_engine("sqlite://"))


def test_other_processes_keep_working_across_a_rebuild(backend, engine):
    """Other web nodes' pooled connections hold prepared statements: create() must not break them."""
    other = PostgresBackend(engine)
    for i in range(8):  # psycopg prepares a statement from its fifth run
        other.index([doc(i, f"Box numéro {i}", "Texte.")])
        assert other.query(f"numéro{i} box", Filters()).total
        other.suggest("bo")
    backend.create()
    assert other.query("box", Filters()).total == 0
    other.index(CORPUS)
    for query in ("orage", "redémarrer", "factures"):
        assert other.query(query, Filters()).total
        assert other.suggest(query)


def test_user_text_stays_words(backend, engine):
    """Query syntax, SQL and tsquery operators are searched as words, never run."""
    backend.index(CORPUS)
    for query in ("'); DROP TABLE search_documents; --", "box & !modem", "box:* | (orage", "'box':A",
                  "box\\", "box\x00orage", "$$ ; SELECT 1 $$", "E'\\\\x00'"):
        backend.query(query, Filters())
        backend.suggest(query)
        backend.similar(query, 5, {query})
    assert found(backend.query("box & !modem", Filters()))[0] in {"question:1", "article:6"}
    assert backend.count() == len(CORPUS)
    assert len(backend.query("box " * 500, Filters()).hits) == 3


def test_huge_documents_are_indexed_in_part(backend):
    """A pasted log or a spam wall is indexed as far as PostgreSQL allows, never refused."""
    rng = random.Random(1)
    wall = " ".join("".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 12))) for _ in range(40_000))
    backend.index([doc(90, wall, wall, accepted_answer=wall, tags=[wall[:5000]], category=wall[:5000])])
    assert found(backend.query(wall[:40], Filters())) == ["question:90"]
    assert backend.query("box", Filters(tag=wall[:5000])).total == 0


def test_odd_input_never_raises(backend):
    strings = [line for line in BLNS.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    hostile = strings[:: len(strings) // 30][:30] + [
        "", " ", "\x00", "\ud800", "&|!():*", "'''", '"', "é" * 300, "ﬁbre", "l'", "wi-fi-", "--box", "\u202etest",
        "ma box ne marche plus " * 25]
    documents = [doc(100 + i, text[:200] or "vide", text, tags=[text[:20]], category=text[:30],
                     accepted_answer=text) for i, text in enumerate(hostile)]
    backend.index(CORPUS + documents)
    assert backend.count() == len(CORPUS) + len(hostile)
    for text_ in hostile:
        backend.query(text_, Filters())
        backend.query(text_, Filters(types=("answer",), category=text_, tag=text_, solved=False), page=3)
        backend.query("box", Filters(types=(text_, "question"), category=text_, tag=text_), per_page=0)
        backend.suggest(text_)
        backend.similar(text_, 5, {text_})
