"""The PostgreSQL backend on its own, on a throwaway server: matching, ranking, facets, snippets,
index lifecycle, and user text that must never reach SQL as anything but words."""
from __future__ import annotations

import random
import re
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


def test_french_matching_ignores_case_accents_and_inflections(backend):
    """A customer finds "Factures élevées" however they type it."""
    backend.index(CORPUS + [doc(8, "Numéros surtaxés", "Appels vers des numéros spéciaux."),
                            doc(9, "Prix élevé", "Le prix est élevé.")])
    for query in ("facture élevée", "FACTURES ELEVEES", "factures élevées", "facture"):
        assert "question:2" in found(backend.query(query, Filters())), query
    assert "question:3" in found(backend.query("télévisions", Filters()))
    assert "question:3" in found(backend.query("Television", Filters()))
    assert "question:1" in found(backend.query("l'ORAGE", Filters()))
    assert "question:8" in found(backend.query("numéro", Filters()))
    assert {"question:2", "question:9"} <= set(found(backend.query("élevée", Filters())))


def test_english_stemming(backend):
    backend.index(CORPUS)
    assert "question:5" in found(backend.query("router", Filters()))
    assert "question:5" in found(backend.query("rebooted routers", Filters()))
    backend.index([doc(10, "New router", "It works.", language="en")])
    assert "question:10" in found(backend.query("routers", Filters()))


def test_hyphenated_words_match_joined(backend):
    backend.index([doc(11, "Le Wi-Fi coupe", "Depuis hier."), doc(12, "Pas d'e-mail", "Rien reçu.")])
    assert found(backend.query("wifi", Filters())) == ["question:11"]
    assert found(backend.query("wi-fi", Filters())) == ["question:11"]
    assert found(backend.query("email", Filters())) == ["question:12"]


def test_synonyms_come_from_the_synonym_source_at_query_time(backend):
    backend.index(CORPUS)
    assert "question:1" in found(backend.query("modem", Filters()))
    assert "question:1" in found(backend.query("mon routeur ne marche plus", Filters()))
    assert "question:4" in found(backend.query("changer d'abonnement", Filters()))
    assert "question:3" in found(backend.query("télé", Filters()))
    search.set_synonym_source(lambda: [])
    assert "question:4" not in found(backend.query("abonnement", Filters()))


def test_and_first_then_or(backend):
    backend.index(CORPUS)
    assert found(backend.query("box orage", Filters()))[0] == "question:1"
    many = [doc(60 + i, f"Fibre coupée {i}", "Coupure le soir." if i < 24 else "Lenteurs.") for i in range(30)]
    backend.index(many)
    assert backend.query("fibre coupure", Filters()).total == 24  # a page with every word: no OR
    assert "question:3" in found(backend.query("télévision sans son depuis hier soir", Filters()))
    assert found(backend.query("ma box ne marche plus", Filters()))[0] == "question:1"


def test_title_outranks_body_and_boosts_favour_articles_and_solved_questions(backend):
    backend.index([doc(10, "Voyant rouge", "Rien à signaler."),
                   doc(11, "Question sans rapport", "Le voyant rouge clignote sur la façade."),
                   doc(12, "Voyant rouge", "Rien à signaler.", type_="article", status="published"),
                   doc(13, "Voyant rouge", "Rien à signaler.", solved=True)])
    assert found(backend.query("voyant rouge", Filters())) == ["article:12", "question:13", "question:10",
                                                               "question:11"]


def test_stop_words_and_empty_queries(backend):
    backend.index(CORPUS)
    assert backend.query("", Filters()).hits == []
    assert backend.query("   ", Filters()).total == 0
    assert backend.query("la de le", Filters()).hits == []
    assert found(backend.query("la box", Filters())) == found(backend.query("box", Filters()))


def test_filters_and_facets(backend):
    backend.index(CORPUS)
    results = backend.query("box", Filters())
    assert results.facets["type"] == {"question": 2, "article": 1}
    assert results.facets["category"] == {"box-internet": 3}
    assert results.facets["tags"]["box"] == 3 and results.facets["tags"]["orage"] == 1
    assert results.facets["solved"] == {"true": 1, "false": 2}
    assert set(found(backend.query("box", Filters(types=("question", "answer", "article"))))) == {
        "question:1", "question:5", "article:6", "answer:7"}
    assert found(backend.query("box", Filters(types=("article",)))) == ["article:6"]
    assert found(backend.query("box", Filters(solved=True))) == ["question:1"]
    assert found(backend.query("box", Filters(tag="orage"))) == ["question:1"]
    assert found(backend.query("box", Filters(category="facturation"))) == []
    assert backend.query("box", Filters(), facets=False).facets == {}
    hit = backend.query("orage", Filters()).hits[0]
    assert (hit.category, hit.tags, hit.solved, hit.url) == ("box-internet", ["box", "orage"], True, "/questions/1")
    assert backend.query("redémarrer", Filters(types=("answer",))).hits[0].parent_id == 1


def test_pagination_keeps_the_total(backend):
    backend.index([doc(i, f"Coupure fibre numéro {i}", "La fibre coupe.") for i in range(1, 26)])
    first, third = backend.query("fibre", Filters(), 1, 10), backend.query("fibre", Filters(), 3, 10)
    assert first.total == third.total == 25
    assert len(first.hits) == 10 and len(third.hits) == 5
    assert not set(found(first)) & set(found(third))
    beyond = backend.query("fibre", Filters(), 9, 10)
    assert beyond.hits == [] and beyond.total == 25


def test_snippets_mark_matches_and_escape_everything_else(backend):
    """Whatever a member wrote, the snippet's only tags are <mark> around the searched words."""
    backend.index([
        doc(20, "Piège", "<script>alert(1)</script> " + "blabla " * 40 + "le Wi-Fi coupe & revient"),
        doc(21, "Sans correspondance dans le texte", "Premier paragraphe <b>gras</b>."),
        doc(22, "Attribut", '"><img src=x onerror=alert(2)> la wifi <mark>faux</mark> & <!-- x --> fin'),
    ])
    hit = backend.query("wifi", Filters(types=("question",))).hits
    snippets = {h.id: h.snippet for h in hit}
    assert "<mark>Wi-Fi</mark>" in snippets[20] and "&amp;" in snippets[20] and len(snippets[20]) < 260
    assert "<mark>wifi</mark>" in snippets[22]
    for snippet in snippets.values():
        assert "<" not in re.sub(r"</?mark>", "", snippet), snippet
    assert "&lt;mark&gt;faux" in snippets[22]
    fallback = backend.query("correspondance", Filters()).hits[0]
    assert fallback.snippet.startswith("Premier paragraphe &lt;b&gt;")


def test_did_you_mean(backend):
    backend.index(CORPUS + [doc(30, "La fibre coupe le soir", "Coupure de fibre tous les soirs.")])
    assert backend.query("fibere", Filters()).suggestion == "fibre"
    assert backend.query("Coupure de la fibere", Filters()).suggestion == "Coupure de la fibre"
    assert backend.query("fibre", Filters()).suggestion is None
    assert backend.query("télévisoin", Filters()).suggestion == "télévision"
    backend._trigram = False  # a server without pg_trgm: the word list is compared in Python
    assert backend.query("fibere", Filters()).suggestion == "fibre"


def test_suggest_matches_prefixes_with_articles_and_solved_questions_first(backend):
    backend.index(CORPUS)
    assert found(backend.suggest("redémarrer la bo"))[0] == "article:6"
    assert found(backend.suggest("ma bo"))[:2] == ["article:6", "question:1"]
    assert "question:2" in found(backend.suggest("fact"))
    assert found(backend.suggest("Télévi")) == ["question:3"]
    assert "answer:7" not in found(backend.suggest("box"))
    assert len(backend.suggest("box", limit=1)) == 1
    assert backend.suggest("") == [] and backend.suggest("b") == []


def test_similar_excludes_given_keys(backend):
    backend.index(CORPUS)
    hits = backend.similar("Ma box ne fonctionne plus, le voyant est rouge", 5, {"question:1"})
    assert hits and "question:1" not in found(hits)
    assert found(backend.similar("Ma box ne fonctionne plus, le voyant est rouge", 5, set()))[0] == "question:1"
    assert "answer:7" not in found(backend.similar("redémarrer la box", 10, set()))


def test_updates_replace_removals_disappear_and_keys_follow(backend):
    backend.index(CORPUS)
    assert "question:2" in found(backend.query("factures", Filters()))
    backend.index([doc(2, "Remboursement d'un trop-perçu", "Vous serez remboursé sous dix jours.")])
    assert "question:2" not in found(backend.query("factures", Filters()))
    assert "question:2" in found(backend.query("remboursement", Filters()))
    backend.index([doc(40, "Une", "a"), doc(40, "Deux", "b")])  # the last one of a batch wins
    assert found(backend.query("deux", Filters())) == ["question:40"]
    backend.remove(["question:2", "answer:7", "question:40", "question:404"])
    assert "question:2" not in found(backend.query("remboursement", Filters()))
    assert backend.keys() == {d.key for d in CORPUS} - {"question:2", "answer:7"}
    assert backend.count() == len(CORPUS) - 2
    backend.index([])
    backend.remove([])
    backend.clear()
    assert backend.count() == 0 and backend.keys() == set()


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
