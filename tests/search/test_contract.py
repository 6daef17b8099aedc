"""The search interface behaves the same on every backend: Whoosh always, PostgreSQL with --db=postgres."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine

import search
from search import Document, Filters


@pytest.fixture(params=["whoosh", "postgres"])
def backend(request, tmp_path, postgres_url):
    if request.param == "whoosh":
        from search.backends.whoosh import WhooshBackend

        made = WhooshBackend(str(tmp_path / "index"))
    else:
        if not postgres_url:
            pytest.skip("PostgreSQL backend runs in the --db=postgres pass of make test")
        from search.backends.postgres import PostgresBackend

        engine = create_engine(postgres_url)
        request.addfinalizer(engine.dispose)
        made = PostgresBackend(engine)
    made.create()
    search.configure(made)
    search.set_synonym_source(
        lambda: [
            ["box", "modem", "routeur"],
            ["marche", "fonctionne"],
            ["forfait", "abonnement"],
            ["tele", "television"],
        ]
    )
    yield made
    search.set_synonym_source(lambda: [])


def doc(id_, title, body, type_="question", **extra):
    return Document(type=type_, id=id_, title=title, body=body, url=f"/{type_}s/{id_}", **extra)


CORPUS = [
    doc(
        1,
        "Ma box ne fonctionne plus depuis l'orage",
        "Le voyant reste rouge et plus d'internet.",
        category="box-internet",
        tags=["box"],
        solved=True,
        status="solved",
        boost=1.5,
        accepted_answer="Débranchez le modem trente secondes.",
    ),
    doc(
        2,
        "Factures élevées ce mois-ci",
        "Ma facture a doublé sans raison, prélèvement trop élevé.",
        category="facturation",
        tags=["facture"],
    ),
    doc(
        3,
        "Télévision sans son",
        "Le décodeur affiche l'image mais aucun son sur la télévision.",
        category="tv-decodeur",
        tags=["decodeur", "son"],
    ),
    doc(
        4,
        "Changer de forfait mobile",
        "Comment passer à un abonnement avec plus de données ?",
        category="mobile-sim",
        tags=["forfait"],
        solved=True,
        status="solved",
        boost=1.5,
    ),
    doc(
        5,
        "Router keeps rebooting",
        "My routers reboot every night after the update.",
        category="box-internet",
        tags=["box"],
    ),
    doc(
        6,
        "Redémarrer la box proprement",
        "Étapes pour redémarrer votre box : débranchez-la.",
        type_="article",
        category="box-internet",
        tags=["box"],
        status="published",
        boost=2.0,
    ),
]


def ids(results):
    return [(h.type, h.id) for h in (results.hits if hasattr(results, "hits") else results)]


def test_french_accents_case_and_plurals(backend):
    search.index(CORPUS)
    assert ("question", 2) in ids(search.query("facture élevée"))
    assert ("question", 2) in ids(search.query("FACTURES ELEVEES"))
    assert ("question", 3) in ids(search.query("television sans son"))


def test_english_stemming(backend):
    search.index(CORPUS)
    assert ("question", 5) in ids(search.query("router rebooting"))


def test_synonyms_apply_at_query_time(backend):
    search.index(CORPUS)
    assert ("question", 1) in ids(search.query("mon routeur ne marche plus"))
    assert ("question", 4) in ids(search.query("changer d'abonnement"))


def test_stop_words_do_not_empty_a_query(backend):
    search.index(CORPUS)
    assert search.query("la").total >= 0
    assert search.query("").hits == []


def test_filters_and_facets(backend):
    search.index(CORPUS)
    results = search.query("box", Filters())
    assert results.facets["type"].get("article") == 1
    assert ("article", 6) in ids(results)
    only_questions = search.query("box", Filters(types=("question",)))
    assert all(h.type == "question" for h in only_questions.hits)
    assert ids(search.query("box", Filters(category="facturation"))) == []
    assert all(h.solved for h in search.query("box", Filters(solved=True)).hits)


def test_snippets_mark_matches_and_escape_html(backend):
    search.index([doc(9, "Question piégée", "<script>alert(1)</script> le wifi coupe souvent")])
    hit = search.query("wifi").hits[0]
    assert "<script>" not in hit.snippet and "<mark>" in hit.snippet


def test_updates_replace_and_removals_disappear(backend):
    search.index(CORPUS)
    search.index([doc(2, "Remboursement d'un trop-perçu", "Vous serez remboursé sous dix jours.")])
    assert ("question", 2) not in ids(search.query("factures élevées"))
    assert ("question", 2) in ids(search.query("remboursement"))
    search.remove(["question:2"])
    assert ("question", 2) not in ids(search.query("remboursement"))
    assert "question:2" not in search.keys()


def test_suggest_puts_articles_and_solved_questions_first(backend):
    search.index(CORPUS)
    hits = search.suggest("redémarrer la bo")
    assert hits and hits[0].type == "article"
    assert len(search.suggest("box", limit=2)) <= 2


def test_suggest_fills_up_from_bodies_after_titles(backend):
    search.index(CORPUS)
    hits = search.suggest("voyant rouge internet")
    assert ids(hits)[:1] == [("question", 1)]  # the words are only in its body
    titled = search.suggest("facture")
    assert titled and titled[0].title.startswith("Factures")
    assert not search.suggest("zzzqqq")


def test_similar_excludes_given_keys(backend):
    search.index(CORPUS)
    hits = search.similar("ma box ne fonctionne plus, voyant rouge", exclude={"question:1"})
    assert ("question", 1) not in ids(hits)


def test_did_you_mean(backend):
    search.index(CORPUS + [doc(10, "La fibre coupe le soir", "Coupure de fibre tous les soirs.")])
    assert search.query("fibere").suggestion == "fibre"


@pytest.mark.parametrize("text", ['"', "AND OR NOT", "*", "box AND", "(", "é" * 300, "\\", "a:b", "&|!():*"])
def test_odd_queries_never_raise(backend, text):
    search.index(CORPUS)
    search.query(text)
    search.suggest(text)
    search.similar(text)
