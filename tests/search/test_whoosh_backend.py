"""What only the Whoosh backend does: merging segments, one index directory shared by worker processes,
its schema version, missing or broken files. The cases every backend passes are in test_contract.py."""
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
