"""Search understands how French customers search: on 485 real queries of a French help site
(typos, missing accents, abbreviations), the right article comes up in the first results, on both
backends; with Whoosh, more often than with a plain BM25 index of the same articles."""

from __future__ import annotations

import csv
import json

import pytest
from factories import TEST_DATA
from sqlalchemy import create_engine
from whoosh import index as whoosh_index
from whoosh.analysis import StandardAnalyzer
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import MultifieldParser, OrGroup

import search
from search import Document, Filters
from search.analysis import DEFAULT_SYNONYMS
from search.backends.postgres import PostgresBackend
from search.backends.whoosh import WhooshBackend
from tests.pgserver import start_postgres

SLICE = TEST_DATA / "cdtn-fr-search"
DEPTH = 10


def _jsonl(name: str) -> list[dict]:
    with open(SLICE / name, encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


ARTICLES = _jsonl("documents.jsonl")
IDS = {number: article["id"] for number, article in enumerate(ARTICLES, 1)}


def _judged() -> tuple[list[tuple[str, str]], dict[str, set[str]]]:
    known = set(IDS.values())
    relevant: dict[str, set[str]] = {}
    with open(SLICE / "qrels.tsv", encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file, delimiter="\t"):
            if row["in_corpus"] == "1" and row["doc_id"] in known:
                relevant.setdefault(row["query_id"], set()).add(row["doc_id"])
    queries = [(q["query_id"], q["text"]) for q in _jsonl("queries.jsonl") if q["query_id"] in relevant]
    return queries, relevant


QUERIES, RELEVANT = _judged()


def scores(rank) -> dict[str, float]:
    """Success@5 (a relevant article in the top 5) and MRR@10, averaged over the judged queries."""
    success = reciprocal = 0.0
    for query_id, text in QUERIES:
        ranked = list(dict.fromkeys(rank(text)))[:DEPTH]
        wanted = RELEVANT[query_id]
        success += any(doc in wanted for doc in ranked[:5])
        reciprocal += next((1 / n for n, doc in enumerate(ranked, 1) if doc in wanted), 0.0)
    return {"success@5": success / len(QUERIES), "mrr@10": reciprocal / len(QUERIES)}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> dict[str, float]:
    """A plain BM25 index (Whoosh's StandardAnalyzer over title and body, OR of the words)."""
    schema = Schema(doc=ID(stored=True, unique=True), title=TEXT(analyzer=StandardAnalyzer()),
                    body=TEXT(analyzer=StandardAnalyzer()))
    ix = whoosh_index.create_in(str(tmp_path_factory.mktemp("bm25")), schema)
    with ix.writer() as writer:
        for article in ARTICLES:
            writer.add_document(doc=article["id"], title=article["title"], body=article["text"])
    parser = MultifieldParser(["title", "body"], ix.schema, group=OrGroup)
    with ix.searcher() as searcher:
        return scores(lambda text: [hit["doc"] for hit in searcher.search(parser.parse(text), limit=DEPTH)])


@pytest.fixture(scope="module", params=["whoosh", "postgres"])
def backend(request, tmp_path_factory):
    if request.param == "whoosh":
        made, cleanup = WhooshBackend(str(tmp_path_factory.mktemp("whoosh"))), None
    else:
        server = start_postgres(tmp_path_factory.mktemp("pg"))
        engine = create_engine(server.url)
        made = PostgresBackend(engine)

        def cleanup():
            engine.dispose()
            server.stop()

    made.create()
    search.configure(made)
    search.set_synonym_source(lambda: DEFAULT_SYNONYMS)
    search.index(
        Document(type="article", id=number, title=article["title"], body=article["text"], url=article["id"],
                 category=article["source"], status="published")
        for number, article in enumerate(ARTICLES, 1)
    )
    yield request.param
    search.configure(None)
    search.set_synonym_source(lambda: [])
    if cleanup:
        cleanup()


def test_the_slice_is_what_its_source_note_says():
    assert (len(ARTICLES), len(QUERIES)) == (300, 485)


def test_search_page_finds_the_right_article(backend, baseline):
    """The search page's ranking: a relevant article in the top 5 for most queries, ahead of BM25."""
    ours = scores(lambda text: [IDS[hit.id] for hit in search.query(text, Filters(), 1, DEPTH, facets=False).hits])
    assert ours["success@5"] >= FLOORS[backend]["query"], ours
    if backend == "whoosh":
        assert ours["mrr@10"] > baseline["mrr@10"], (ours, baseline)


def test_ask_form_suggestions_find_the_right_article(backend, baseline):
    """What the ask form offers while a title is typed."""
    ours = scores(lambda text: [IDS[hit.id] for hit in search.suggest(text, DEPTH)])
    assert ours["success@5"] >= FLOORS[backend]["suggest"], ours
    if backend == "whoosh":
        assert ours["mrr@10"] > baseline["mrr@10"], (ours, baseline)


# Measured on this slice (2026-12-05): Whoosh 0.905 / 0.905, PostgreSQL 0.763 / 0.763, plain BM25
# 0.823. PostgreSQL's ts_rank still trails BM25 here (MRR@10 0.61 against 0.69): a known gap, so it
# is held to its own floor rather than to the baseline until its ranking improves.
FLOORS = {"whoosh": {"query": 0.88, "suggest": 0.88}, "postgres": {"query": 0.74, "suggest": 0.74}}
