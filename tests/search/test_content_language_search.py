"""Both backends keep searches and suggestions to one language when asked, count what the other
languages hold, and say each hit's language."""

from __future__ import annotations

import search
from search import Filters
from tests.search.test_contract import backend, doc, postgres_engine  # noqa: F401 - fixtures

DOCUMENTS = [
    doc(1, "Ma box perd le wifi le soir", "La connexion wifi coupe chaque soir.", language="fr", solved=True),
    doc(2, "Wifi drops every evening on my box", "The wifi connection drops every evening.", language="en"),
    doc(3, "Wifi lent dans la chambre", "Le débit wifi est faible loin de la box.", language="fr"),
    doc(4, "Set up the wifi of your box", "Three steps to name your wifi.", "article", language="en",
        status="published"),
]


def test_a_language_filter_keeps_its_documents_and_counts_the_others(backend):  # noqa: F811
    search.index(DOCUMENTS)
    results = search.query("wifi", Filters(language="fr"))
    assert sorted(hit.id for hit in results.hits) == [1, 3] and results.total == 2
    assert {hit.language for hit in results.hits} == {"fr"}
    assert results.languages == {"fr": 2, "en": 2}
    english = search.query("wifi", Filters(language="en"))
    assert sorted((hit.type, hit.id) for hit in english.hits) == [("article", 4), ("question", 2)]
    assert english.facets["type"] == {"article": 1, "question": 1}


def test_without_a_language_every_document_is_found_and_says_its_language(backend):  # noqa: F811
    search.index(DOCUMENTS)
    results = search.query("wifi", Filters())
    assert {hit.id: hit.language for hit in results.hits} == {1: "fr", 2: "en", 3: "fr", 4: "en"}
    assert results.languages == {"fr": 2, "en": 2}


def test_suggestions_keep_to_a_language_when_asked(backend):  # noqa: F811
    search.index(DOCUMENTS)
    french = search.suggest("wifi", 8, "fr")
    assert sorted(hit.id for hit in french) == [1, 3]
    assert len(search.suggest("wifi", 8)) == 4
    typing = search.suggest("set up the wi", 8, "en")
    assert typing[0].id == 4 and {hit.language for hit in typing} == {"en"}
