"""The Whoosh backend on its own: French and English matching, ranking, facets, index lifecycle."""
from __future__ import annotations

import os
import shutil

import pytest
from whoosh.index import open_dir

import search
from search import Document, Filters, SearchUnavailable
from search.backends import whoosh
from search.backends.whoosh import WhooshBackend

SYNONYMS = [["box", "modem", "routeur"], ["marche", "fonctionne"], ["forfait", "abonnement"],
            ["tele", "television", "tv"]]


@pytest.fixture
def backend(tmp_path):
    made = WhooshBackend(str(tmp_path / "index"))
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
    backend.index(CORPUS)
    assert "question:2" in found(backend.query("facture élevée", Filters()))
    assert "question:2" in found(backend.query("FACTURES ELEVEES", Filters()))
    assert "question:3" in found(backend.query("télévisions", Filters()))
    assert "question:1" in found(backend.query("l'ORAGE", Filters()))


def test_english_stemming(backend):
    backend.index(CORPUS)
    assert "question:5" in found(backend.query("router", Filters()))
    assert "question:5" in found(backend.query("rebooted routers", Filters()))


def test_synonyms_come_from_the_synonym_source_at_query_time(backend):
    backend.index(CORPUS)
    assert "question:3" in found(backend.query("télé", Filters()))
    assert "question:1" in found(backend.query("mon routeur ne marche plus", Filters()))
    assert "question:4" in found(backend.query("changer d'abonnement", Filters()))
    search.set_synonym_source(lambda: [])
    assert "question:4" not in found(backend.query("abonnement", Filters()))


def test_and_first_then_or_for_short_support_queries(backend):
    backend.index(CORPUS)
    assert found(backend.query("box orage", Filters()))[0] == "question:1"
    many = [doc(60 + i, f"Fibre coupée {i}", "Coupure le soir." if i < 24 else "Lenteurs.") for i in range(30)]
    backend.index(many)
    assert backend.query("fibre coupure", Filters()).total == 24  # a page with every word: no OR
    # No document has every word: the most significant ones still find something.
    assert "question:3" in found(backend.query("télévision sans son depuis hier soir", Filters()))
    assert found(backend.query("ma box ne marche plus", Filters()))[0] == "question:1"


def test_title_outranks_body_and_boosts_favour_articles_and_solved_questions(backend):
    backend.index([doc(10, "Voyant rouge", "Rien à signaler."),
                   doc(11, "Question sans rapport", "Le voyant rouge clignote sur la façade."),
                   doc(12, "Voyant rouge", "Rien à signaler.", type_="article", status="published")])
    assert found(backend.query("voyant rouge", Filters())) == ["article:12", "question:10", "question:11"]


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


def test_pagination_keeps_the_total(backend):
    backend.index([doc(i, f"Coupure fibre numéro {i}", "La fibre coupe.") for i in range(1, 26)])
    first, third = backend.query("fibre", Filters(), 1, 10), backend.query("fibre", Filters(), 3, 10)
    assert first.total == third.total == 25
    assert len(first.hits) == 10 and len(third.hits) == 5
    assert not set(found(first)) & set(found(third))


def test_snippets_mark_matches_and_escape_everything_else(backend):
    backend.index([doc(20, "Piège", "<script>alert(1)</script> " + "blabla " * 40 + "le Wi-Fi coupe & revient"),
                   doc(21, "Sans correspondance dans le texte", "Premier paragraphe <b>gras</b>.")])
    hit = backend.query("wifi", Filters()).hits[0]
    assert "<script>" not in hit.snippet and "&amp;" in hit.snippet
    assert "<mark>Wi-Fi</mark>" in hit.snippet and len(hit.snippet) < 260
    fallback = backend.query("correspondance", Filters()).hits[0]
    assert fallback.snippet.startswith("Premier paragraphe &lt;b&gt;")


def test_did_you_mean(backend):
    backend.index(CORPUS + [doc(30, "La fibre coupe le soir", "Coupure de fibre tous les soirs.")])
    assert backend.query("fibere", Filters()).suggestion == "fibre"
    assert backend.query("Coupure de la fibere", Filters()).suggestion == "Coupure de la fibre"
    assert backend.query("fibre", Filters()).suggestion is None


def test_suggest_puts_articles_and_solved_questions_first(backend):
    backend.index(CORPUS)
    hits = backend.suggest("redémarrer la bo")
    assert found(hits)[0] == "article:6"
    assert found(backend.suggest("ma bo"))[:2] == ["article:6", "question:1"]
    assert "answer:7" not in found(backend.suggest("box"))
    assert len(backend.suggest("box", limit=1)) == 1


def test_similar_excludes_given_keys(backend):
    backend.index(CORPUS)
    hits = backend.similar("Ma box ne fonctionne plus, le voyant est rouge", 5, {"question:1"})
    assert hits and "question:1" not in found(hits)
    assert "question:1" in found(backend.similar("Ma box ne fonctionne plus, le voyant est rouge", 5, set()))


def test_updates_replace_removals_disappear_and_keys_follow(backend):
    backend.index(CORPUS)
    assert "question:2" in found(backend.query("factures", Filters()))
    backend.index([doc(2, "Remboursement d'un trop-perçu", "Vous serez remboursé sous dix jours.")])
    assert "question:2" not in found(backend.query("factures", Filters()))
    assert "question:2" in found(backend.query("remboursement", Filters()))
    backend.remove(["question:2", "answer:7"])
    assert "question:2" not in found(backend.query("remboursement", Filters()))
    assert backend.keys() == {d.key for d in CORPUS} - {"question:2", "answer:7"}
    assert backend.count() == len(CORPUS) - 2


def test_many_small_commits_keep_few_segments(backend):
    """Each drain of the queue commits; merging by size tiers keeps queries from slowing down."""
    for i in range(40):
        backend.index([doc(100 + i, f"Question {i} sur la fibre", "Texte.")])
    backend.remove(["question:100"])
    reader = open_dir(backend.path, indexname=whoosh.INDEX_NAME).reader()
    assert len(reader.leaf_readers()) <= whoosh.TIER_FACTOR
    reader.close()
    assert backend.query("fibre", Filters()).total == 39


def test_a_new_index_replaces_the_old_one_for_every_process(backend):
    backend.index(CORPUS)
    other = WhooshBackend(backend.path)  # another worker process's view
    assert other.query("box", Filters()).total == 3
    backend.create()
    assert other.query("box", Filters()).total == 0 and other.keys() == set()
    backend.index([doc(40, "Box neuve", "Installation.")])
    assert found(other.query("box", Filters())) == ["question:40"]


def test_schema_version_mismatch_needs_a_rebuild(backend, monkeypatch):
    backend.index(CORPUS)
    assert not backend.needs_rebuild()
    monkeypatch.setattr(whoosh, "SCHEMA_VERSION", whoosh.SCHEMA_VERSION + 1)
    assert backend.needs_rebuild()
    with pytest.raises(SearchUnavailable):
        backend.query("box", Filters())
    backend.create()
    assert not backend.needs_rebuild() and backend.count() == 0


def test_a_missing_or_broken_index_is_unavailable(backend, tmp_path):
    backend.index(CORPUS)
    assert backend.query("box", Filters()).total
    shutil.rmtree(backend.path)
    assert backend.needs_rebuild()
    for call in (lambda: backend.query("box", Filters()), lambda: backend.suggest("bo"),
                 lambda: backend.similar("box"), backend.keys, backend.count):
        with pytest.raises(SearchUnavailable):
            call()
    broken = WhooshBackend(str(tmp_path / "broken"))
    broken.create()
    broken.index(CORPUS)
    for name in os.listdir(broken.path):
        if name.endswith(".seg"):
            with open(os.path.join(broken.path, name), "r+b") as file:
                file.truncate(100)
    assert WhooshBackend(broken.path).needs_rebuild()
    backend.create()
    backend.index(CORPUS)
    assert backend.query("box", Filters()).total == 3


HOSTILE = [
    "", " ", "\x00", "\\", "*", "?", "box*", "AND OR NOT", "box AND", "(", ")", '"', "'''", "a:b",
    "title:box", "&|!():*", "é" * 300, "box " * 500, "undefined", "1/0", "1'000'000,00",
    "¡™£¢∞§¶•ªº–≠", "Ⱥ", "👾 🙇 💁 🙅 🙆 🙋 🙎 🙍",
    "مُنَاقَشَةُ سُبُلِ اِسْتِخْدَامِ اللُّغَةِ", "𝐓𝐡𝐞 𝐪𝐮𝐢𝐜𝐤 𝐛𝐫𝐨𝐰𝐧 𝐟𝐨𝐱",
    '" onfocus=JaVaSCript:alert(10) autofocus', '<script\\x0Dtype="text/javascript">alert(27);</script>',
    '<img src=x onerror=\\x32"javascript:alert(197)">', "<u oncopy=alert()> Copy me</u>",
    "/dev/null; touch /tmp/blns.fail ; echo", "%@", "%*.*s", "$USER", "COM1", "LPT1", "Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤",
    "\u202etest\u202d", "\ud800", "\x00box", "０１２３", "ﬁbre", "l'", "wi-fi-", "-", "--box",
    "ma box ne marche plus" * 20,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_odd_input_never_raises(backend, text):
    backend.index(CORPUS + [doc(50, text[:200] or "vide", text)])
    backend.query(text, Filters())
    backend.query(text, Filters(types=("answer",), category=text, tag=text, solved=False), page=3)
    backend.suggest(text)
    backend.similar(text, 5, {text})
