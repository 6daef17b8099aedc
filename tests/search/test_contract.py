"""The search interface behaves the same on every backend: Whoosh, and PostgreSQL on the server of the
--db=postgres pass or else on a throwaway one. What only one backend does is tested beside it."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import create_engine

import search
from search import Document, Filters
from tests.pgserver import start_postgres

SYNONYMS = [
    ["box", "modem", "routeur"],
    ["marche", "fonctionne"],
    ["forfait", "abonnement"],
    ["tele", "television", "tv"],
]


@pytest.fixture(scope="module")
def postgres_engine(postgres_url, tmp_path_factory):
    server = None if postgres_url else start_postgres(tmp_path_factory.mktemp("pg"))
    engine = create_engine(postgres_url or server.url)
    yield engine
    engine.dispose()
    if server:
        server.stop()


@pytest.fixture(params=["whoosh", "postgres"])
def backend(request, tmp_path):
    if request.param == "whoosh":
        from search.backends.whoosh import WhooshBackend

        made = WhooshBackend(str(tmp_path / "index"))
    else:
        from search.backends.postgres import PostgresBackend

        made = PostgresBackend(request.getfixturevalue("postgres_engine"))
    made.create()
    search.configure(made)
    search.set_synonym_source(lambda: SYNONYMS)
    yield made
    search.set_synonym_source(lambda: [])


def doc(id_, title, body="", type_="question", **extra):
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


#: Every kind of document (questions in French and one in English, an article, an answer), without
#: explicit boosts: for the cases that pin matching, ranking, facets and keys down exactly.
EVERY_KIND = [
    doc(
        1,
        "Ma box ne fonctionne plus depuis l'orage",
        "Le voyant reste rouge, plus d'internet.",
        category="box-internet",
        tags=["box", "orage"],
        solved=True,
        accepted_answer="Débranchez le modem trente secondes puis rebranchez-le.",
    ),
    doc(
        2,
        "Factures élevées ce mois-ci",
        "Ma facture a doublé sans raison apparente.",
        category="facturation",
        tags=["facture"],
    ),
    doc(3, "Télévision sans son", "Le décodeur affiche l'image mais aucun son.", category="tv-decodeur"),
    doc(
        4,
        "Changer de forfait mobile",
        "Comment passer à une offre avec plus de données ?",
        category="mobile-sim",
        tags=["forfait"],
        solved=True,
    ),
    doc(
        5,
        "Router keeps rebooting",
        "My routers reboot every night after the update.",
        category="box-internet",
        tags=["box"],
        language="en",
    ),
    doc(
        6,
        "Redémarrer la box proprement",
        "Étapes pour redémarrer votre box sans perdre vos réglages.",
        type_="article",
        category="box-internet",
        tags=["box"],
        status="published",
    ),
    doc(
        7,
        "Réponse sur la box",
        "Essayez de redémarrer la box.",
        type_="answer",
        category="box-internet",
        parent_id=1,
    ),
]


def ids(results):
    return [(h.type, h.id) for h in (results.hits if hasattr(results, "hits") else results)]


def found(results) -> list[str]:
    return [f"{hit.type}:{hit.id}" for hit in (results.hits if hasattr(results, "hits") else results)]


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


# On the backends themselves, with every kind of document ---------------------------------------------


def test_french_matching_ignores_case_accents_and_inflections(backend):
    """A customer finds "Factures élevées" however they type it."""
    backend.index(
        EVERY_KIND
        + [doc(8, "Numéros surtaxés", "Appels vers des numéros spéciaux."), doc(9, "Prix élevé", "Le prix est élevé.")]
    )
    for query in ("facture élevée", "FACTURES ELEVEES", "factures élevées", "facture"):
        assert "question:2" in found(backend.query(query, Filters())), query
    assert "question:3" in found(backend.query("télévisions", Filters()))
    assert "question:3" in found(backend.query("Television", Filters()))
    assert "question:1" in found(backend.query("l'ORAGE", Filters()))
    assert "question:8" in found(backend.query("numéro", Filters()))
    assert {"question:2", "question:9"} <= set(found(backend.query("élevée", Filters())))


def test_english_stemming_finds_inflected_forms(backend):
    backend.index(EVERY_KIND)
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
    backend.index(EVERY_KIND)
    assert "question:1" in found(backend.query("modem", Filters()))
    assert "question:1" in found(backend.query("mon routeur ne marche plus", Filters()))
    assert "question:4" in found(backend.query("changer d'abonnement", Filters()))
    assert "question:3" in found(backend.query("télé", Filters()))
    search.set_synonym_source(lambda: [])
    assert "question:4" not in found(backend.query("abonnement", Filters()))


def test_and_first_then_or_for_short_support_queries(backend):
    backend.index(EVERY_KIND)
    assert found(backend.query("box orage", Filters()))[0] == "question:1"
    many = [doc(60 + i, f"Fibre coupée {i}", "Coupure le soir." if i < 24 else "Lenteurs.") for i in range(30)]
    backend.index(many)
    assert backend.query("fibre coupure", Filters()).total == 24  # a page with every word: no OR
    # No document has every word: the most significant ones still find something.
    assert "question:3" in found(backend.query("télévision sans son depuis hier soir", Filters()))
    assert found(backend.query("ma box ne marche plus", Filters()))[0] == "question:1"


def test_title_outranks_body_and_boosts_favour_articles_and_solved_questions(backend):
    backend.index(
        [
            doc(10, "Voyant rouge", "Rien à signaler."),
            doc(11, "Question sans rapport", "Le voyant rouge clignote sur la façade."),
            doc(12, "Voyant rouge", "Rien à signaler.", type_="article", status="published"),
        ]
    )
    assert found(backend.query("voyant rouge", Filters())) == ["article:12", "question:10", "question:11"]
    backend.index([doc(13, "Voyant rouge", "Rien à signaler.", solved=True)])
    assert found(backend.query("voyant rouge", Filters())) == [
        "article:12",
        "question:13",
        "question:10",
        "question:11",
    ]


def test_stop_words_and_empty_queries(backend):
    backend.index(EVERY_KIND)
    assert backend.query("", Filters()).hits == []
    assert backend.query("   ", Filters()).total == 0
    assert backend.query("la de le", Filters()).hits == []
    assert found(backend.query("la box", Filters())) == found(backend.query("box", Filters()))


def test_facet_counts_and_every_filter(backend):
    backend.index(EVERY_KIND)
    results = backend.query("box", Filters())
    assert results.facets["type"] == {"question": 2, "article": 1}
    assert results.facets["category"] == {"box-internet": 3}
    assert results.facets["tags"]["box"] == 3 and results.facets["tags"]["orage"] == 1
    assert results.facets["solved"] == {"true": 1, "false": 2}
    assert set(found(backend.query("box", Filters(types=("question", "answer", "article"))))) == {
        "question:1",
        "question:5",
        "article:6",
        "answer:7",
    }
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
    backend.index(
        [
            doc(20, "Piège", "<script>alert(1)</script> " + "blabla " * 40 + "le Wi-Fi coupe & revient"),
            doc(21, "Sans correspondance dans le texte", "Premier paragraphe <b>gras</b>."),
            doc(22, "Attribut", '"><img src=x onerror=alert(2)> la wifi <mark>faux</mark> & <!-- x --> fin'),
        ]
    )
    hit = backend.query("wifi", Filters(types=("question",))).hits
    snippets = {h.id: h.snippet for h in hit}
    assert "<mark>Wi-Fi</mark>" in snippets[20] and "&amp;" in snippets[20] and len(snippets[20]) < 260
    assert "<mark>wifi</mark>" in snippets[22]
    for snippet in snippets.values():
        assert "<" not in re.sub(r"</?mark>", "", snippet), snippet
    assert "&lt;mark&gt;faux" in snippets[22]
    fallback = backend.query("correspondance", Filters()).hits[0]
    assert fallback.snippet.startswith("Premier paragraphe &lt;b&gt;")


def test_did_you_mean_corrects_a_word_in_its_phrase(backend):
    backend.index(EVERY_KIND + [doc(30, "La fibre coupe le soir", "Coupure de fibre tous les soirs.")])
    assert backend.query("fibere", Filters()).suggestion == "fibre"
    assert backend.query("Coupure de la fibere", Filters()).suggestion == "Coupure de la fibre"
    assert backend.query("fibre", Filters()).suggestion is None


def test_suggest_matches_prefixes_with_articles_and_solved_questions_first(backend):
    backend.index(EVERY_KIND)
    assert found(backend.suggest("redémarrer la bo"))[0] == "article:6"
    assert found(backend.suggest("ma bo"))[:2] == ["article:6", "question:1"]
    assert "question:2" in found(backend.suggest("fact"))
    assert found(backend.suggest("Télévi")) == ["question:3"]
    assert "answer:7" not in found(backend.suggest("box"))
    assert len(backend.suggest("box", limit=1)) == 1
    assert backend.suggest("") == [] and backend.suggest("b") == []


def test_similar_excludes_given_keys_and_answers(backend):
    backend.index(EVERY_KIND)
    hits = backend.similar("Ma box ne fonctionne plus, le voyant est rouge", 5, {"question:1"})
    assert hits and "question:1" not in found(hits)
    assert found(backend.similar("Ma box ne fonctionne plus, le voyant est rouge", 5, set()))[0] == "question:1"
    assert "answer:7" not in found(backend.similar("redémarrer la box", 10, set()))


def test_updates_replace_removals_disappear_and_keys_follow(backend):
    backend.index(EVERY_KIND)
    assert "question:2" in found(backend.query("factures", Filters()))
    backend.index([doc(2, "Remboursement d'un trop-perçu", "Vous serez remboursé sous dix jours.")])
    assert "question:2" not in found(backend.query("factures", Filters()))
    assert "question:2" in found(backend.query("remboursement", Filters()))
    backend.index([doc(40, "Une", "a"), doc(40, "Deux", "b")])  # the last one of a batch wins
    assert found(backend.query("deux", Filters())) == ["question:40"]
    backend.remove(["question:2", "answer:7", "question:40", "question:404"])
    assert "question:2" not in found(backend.query("remboursement", Filters()))
    assert backend.keys() == {d.key for d in EVERY_KIND} - {"question:2", "answer:7"}
    assert backend.count() == len(EVERY_KIND) - 2
    backend.index([])
    backend.remove([])
    backend.clear()
    assert backend.count() == 0 and backend.keys() == set()
