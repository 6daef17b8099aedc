"""Relevance benchmark: retrieval quality of our search on cdtn-fr-search's judged queries.

Every judged article (documents.jsonl, and the Code du travail articles the judgements cite) is
indexed as an "article" through our pipeline (the Whoosh backend with our analysis and the
default synonym groups), then every query runs through:

  suggest   ``search.suggest`` — what the ask form shows while a title is typed
  query     ``search.query`` — the search page
  similar   ``search.similar`` — "similar questions"
  bm25      a plain baseline: a separate Whoosh index, ``StandardAnalyzer`` on title and body,
            default BM25F, ``MultifieldParser`` over title+body with plain ``OrGroup``

Scores: Recall@5 (share of a query's relevant articles in its top 5), MRR@10 (1 / rank of the
first relevant article in the top 10) and Success@5 (a relevant article in the top 5), averaged
over queries. Every in-corpus judgement counts as relevant (the editors' positions are a ranking
of relevant articles, not grades). The data is a development split: nothing here is tuned to
particular queries. Prints a table, then the figures as one JSON object on the last line.

Environment:
  BENCH_QUERIES   judged queries to run, a fixed random sample (default: all)
  BENCH_WORKERS   processes sharing out the queries (default: 2, or 1 on a single core)
  BENCH_DATA      the cdtn-fr-search folder (default ../shared/data/cdtn-fr-search beside the repository)
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import multiprocessing
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _common import CDTN as DATA  # before the project: puts the repository root on sys.path
from _common import ROOT, BenchError, report, require_cdtn
from whoosh import index as whoosh_index
from whoosh.analysis import StandardAnalyzer
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import MultifieldParser, OrGroup

import search
from search import Document, Filters
from search.analysis import DEFAULT_SYNONYMS, content_words, tokens

QUERY_LIMIT = int(os.environ["BENCH_QUERIES"]) if os.environ.get("BENCH_QUERIES") else None
WORKERS = max(1, int(os.environ.get("BENCH_WORKERS") or min(2, os.cpu_count() or 1)))

SEED = 20240611
BATCH = 500
DEPTH = 10  # results asked of each method (MRR@10)
RECALL_AT = 5
METHODS = ("suggest", "query", "similar", "bm25")
OURS = ("suggest", "query", "similar")
LABELS = {
    "suggest": "ours: suggest (ask form)",
    "query": "ours: query (search page)",
    "similar": "ours: similar",
    "bm25": "baseline: plain BM25",
}
SURFACES = {"suggest": "ask form", "query": "search page"}
LENGTH_BUCKETS = ("1 word", "2 words", "3 words", "4+ words")



def main() -> int:
    require_cdtn("relevance benchmark")
    return report("relevance", run, print_table)


def run() -> dict:
    sources = _fingerprints()  # before the backend is imported
    articles, queries, relevant = load()
    with contextlib.ExitStack() as cleanup:
        folder = Path(tempfile.mkdtemp(prefix="entraide-bench-relevance-"))
        cleanup.callback(shutil.rmtree, folder, ignore_errors=True)
        cleanup.callback(search.configure, None)
        if WORKERS > 1:  # the baseline indexes in another process meanwhile
            with multiprocessing.get_context("fork").Pool(1) as pool:
                pending = pool.apply_async(index_baseline, (folder / "bm25", articles))
                ours_seconds = index_ours(folder / "ours", articles)
                baseline_seconds = pending.get()
        else:
            ours_seconds = index_ours(folder / "ours", articles)
            baseline_seconds = index_baseline(folder / "bm25", articles)
        ids = {number: article["id"] for number, article in enumerate(articles, 1)}
        texts = list(dict.fromkeys(text for _query_id, text in queries))
        started = time.monotonic()
        rankings = rank_all(folder, texts, ids)
        _log(f"ran {len(texts)} distinct queries × {len(METHODS)} methods in {time.monotonic() - started:.0f} s "
             f"({WORKERS} processes)")
    results = {name: evaluate(rankings[name], queries, relevant) for name in METHODS}
    best = max(OURS, key=lambda name: (results[name]["mrr@10"], results[name]["recall@5"]))
    versus = {name: {metric: round(results[name][metric] - results["bm25"][metric], 4)
                     for metric in ("recall@5", "mrr@10", "success@5")} for name in OURS}
    return {
        "bench": "relevance",
        "dataset": "cdtn-fr-search (development split)",
        "articles": len(articles),
        "queries": len(queries),
        "relevant_per_query_mean": round(sum(len(relevant[q]) for q, _ in queries) / len(queries), 2),
        "index_seconds": {"ours": round(ours_seconds, 1), "bm25": round(baseline_seconds, 1)},
        "workers": WORKERS,
        "synonym_groups": len(DEFAULT_SYNONYMS),
        "results": results,
        "sources": sources,
        "best_ours": best,
        "minus_bm25": versus,
    }


# Data -----------------------------------------------------------------------------------------


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        raise BenchError(f"missing {path} (set BENCH_DATA to the cdtn-fr-search folder)")
    with open(path, encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def load() -> tuple[list[dict], list[tuple[str, str]], dict[str, set[str]]]:
    """The judged corpus, the judged queries (a sample with BENCH_QUERIES) and their relevant ids."""
    articles = _read_jsonl(DATA / "documents.jsonl")
    laws = _read_jsonl(DATA / "code_du_travail_articles.jsonl")
    path = DATA / "qrels.tsv"
    if not path.exists():
        raise BenchError(f"missing {path}")
    with open(path, encoding="utf-8", newline="") as file:
        judgements = [row for row in csv.DictReader(file, delimiter="\t") if row["in_corpus"] == "1"]
    cited = {row["doc_id"] for row in judgements}
    if cited & {law["id"] for law in laws}:
        articles += laws
    known = {article["id"] for article in articles}
    relevant: dict[str, set[str]] = {}
    for row in judgements:
        if row["doc_id"] in known:
            relevant.setdefault(row["query_id"], set()).add(row["doc_id"])
    queries = [(record["query_id"], record["text"]) for record in _read_jsonl(DATA / "queries.jsonl")
               if record["query_id"] in relevant and record["text"].strip()]
    if QUERY_LIMIT is not None and QUERY_LIMIT < len(queries):
        chosen = set(random.Random(SEED).sample(range(len(queries)), QUERY_LIMIT))
        queries = [query for position, query in enumerate(queries) if position in chosen]
    if not queries:
        raise BenchError("no judged query to run")
    _log(f"{len(articles)} articles, {len(queries)} judged queries")
    return articles, queries, relevant


# Indexes --------------------------------------------------------------------------------------


def index_ours(folder: Path, articles: list[dict]) -> float:
    from search.backends.whoosh import WhooshBackend

    backend = WhooshBackend(str(folder))
    backend.create()
    search.configure(backend)
    search.set_synonym_source(lambda: DEFAULT_SYNONYMS)
    documents = [
        Document(type="article", id=number, title=article["title"], body=article.get("text") or "",
                 url=article["id"], category=article["source"], status="published")
        for number, article in enumerate(articles, 1)
    ]
    _log(f"indexing {len(documents)} articles through our pipeline (Whoosh backend)")
    started = time.monotonic()
    for start in range(0, len(documents), BATCH):
        search.index(documents[start:start + BATCH])
    seconds = time.monotonic() - started
    _log(f"  {seconds:.0f} s")
    if len(search.keys()) != len(documents):
        raise BenchError(f"our index holds {len(search.keys())} documents, not {len(documents)}")
    return seconds


def index_baseline(folder: Path, articles: list[dict]) -> float:
    folder.mkdir(parents=True)
    schema = Schema(doc=ID(stored=True, unique=True), title=TEXT(analyzer=StandardAnalyzer()),
                    body=TEXT(analyzer=StandardAnalyzer()))
    _log(f"indexing {len(articles)} articles into the plain BM25 baseline")
    started = time.monotonic()
    ix = whoosh_index.create_in(str(folder), schema)
    writer = ix.writer(limitmb=256)
    for article in articles:
        writer.add_document(doc=article["id"], title=article["title"], body=article.get("text") or "")
    writer.commit()
    seconds = time.monotonic() - started
    _log(f"  {seconds:.0f} s")
    return seconds


# Running the queries --------------------------------------------------------------------------


def rank_all(folder: Path, texts: list[str], ids: dict[int, str]) -> dict[str, dict[str, tuple]]:
    """Each method's ranking of each query text: {method: {text: (doc ids, ms, error)}}.

    The texts are shared out among WORKERS processes, each with its own searchers.
    """
    shards = [(str(folder), texts[start::WORKERS], ids) for start in range(WORKERS)]
    if WORKERS == 1:
        parts = [_rank_shard(shards[0])]
    else:
        with multiprocessing.get_context("fork").Pool(WORKERS) as pool:
            parts = pool.map(_rank_shard, shards)
    return {name: {text: ranked for part in parts for text, ranked in part[name].items()} for name in METHODS}


def _rank_shard(shard: tuple[str, list[str], dict[int, str]]) -> dict[str, dict[str, tuple]]:
    from search.backends.whoosh import WhooshBackend

    folder, texts, ids = shard
    search.configure(WhooshBackend(str(Path(folder) / "ours")))
    search.set_synonym_source(lambda: DEFAULT_SYNONYMS)
    baseline = whoosh_index.open_dir(str(Path(folder) / "bm25"))
    parser = MultifieldParser(["title", "body"], baseline.schema, group=OrGroup)
    with baseline.searcher() as searcher:  # default weighting: BM25F
        runners = {
            "suggest": lambda text: [ids[hit.id] for hit in search.suggest(text, DEPTH)],
            "query": lambda text: [ids[hit.id] for hit in search.query(text, Filters(), 1, DEPTH, facets=False).hits],
            "similar": lambda text: [ids[hit.id] for hit in search.similar(text, DEPTH)],
            "bm25": lambda text: [hit["doc"] for hit in searcher.search(parser.parse(text), limit=DEPTH)],
        }
        out: dict[str, dict[str, tuple]] = {name: {} for name in METHODS}
        for position, text in enumerate(texts, 1):
            for name, runner in runners.items():
                started = time.perf_counter()
                try:
                    ranked, error = runner(text), None
                except Exception as failure:  # noqa: BLE001 - a failing query scores zero and is reported
                    ranked, error = [], f"{text!r}: {type(failure).__name__}: {failure}"
                out[name][text] = (ranked, (time.perf_counter() - started) * 1000, error)
            if position % 250 == 0:
                _log(f"  {position}/{len(texts)} queries in process {os.getpid()}")
    return out


# Scoring --------------------------------------------------------------------------------------


def evaluate(rankings: dict[str, tuple], queries: list[tuple[str, str]], relevant: dict[str, set[str]]) -> dict:
    totals = {"recall@5": 0.0, "mrr@10": 0.0, "success@5": 0.0}
    buckets = {bucket: {"n": 0, "mrr@10": 0.0} for bucket in LENGTH_BUCKETS}
    empty = errors = 0
    first_error = None
    for query_id, text in queries:
        ranked, _ms, error = rankings[text]
        if error:
            errors += 1
            first_error = first_error or error
        ranked = list(dict.fromkeys(ranked))[:DEPTH]
        wanted = relevant[query_id]
        empty += not ranked
        found = sum(doc in wanted for doc in ranked[:RECALL_AT])
        reciprocal = next((1 / rank for rank, doc in enumerate(ranked, 1) if doc in wanted), 0.0)
        totals["recall@5"] += found / len(wanted)
        totals["success@5"] += found > 0
        totals["mrr@10"] += reciprocal
        bucket = buckets[_length_bucket(text)]
        bucket["n"] += 1
        bucket["mrr@10"] += reciprocal
    count = len(queries)
    timings = sorted(ms for _ranked, ms, _error in rankings.values())
    figures = {metric: round(value / count, 4) for metric, value in totals.items()}
    figures.update({
        "no_results": empty,
        "errors": errors,
        "mean_ms": round(sum(timings) / len(timings), 2),
        "p95_ms": round(timings[max(0, -(-95 * len(timings) // 100) - 1)], 2),
        "mrr@10_by_length": {bucket: {"n": value["n"], "mrr@10": round(value["mrr@10"] / value["n"], 4)}
                             for bucket, value in buckets.items() if value["n"]},
    })
    if first_error:
        figures["first_error"] = first_error
    return figures


def _length_bucket(text: str) -> str:
    """Queries by their number of content words (stop words left out, as our analysis does)."""
    count = len(content_words(tokens(text)))
    return LENGTH_BUCKETS[min(max(count, 1), len(LENGTH_BUCKETS)) - 1]


# Report ---------------------------------------------------------------------------------------


def print_table(report: dict) -> None:
    results = report["results"]
    print(f"relevance on {report['dataset']}: {report['articles']} articles, {report['queries']} queries, "
          f"{report['relevant_per_query_mean']} relevant articles per query on average")
    print(f"{'method':<28} {'Recall@5':>9} {'MRR@10':>8} {'Success@5':>10} {'no result':>10} "
          f"{'mean ms':>8} {'p95 ms':>8}")
    for name in METHODS:
        figures = results[name]
        errors = f"  ({figures['errors']} errors)" if figures["errors"] else ""
        print(f"{LABELS[name]:<28} {figures['recall@5']:>9.4f} {figures['mrr@10']:>8.4f} "
              f"{figures['success@5']:>10.4f} {figures['no_results']:>10} {figures['mean_ms']:>8.1f} "
              f"{figures['p95_ms']:>8.1f}{errors}")
    print()
    print("MRR@10 by query length       " + " ".join(f"{bucket:>10}" for bucket in LENGTH_BUCKETS))
    for name in METHODS:
        by_length = results[name]["mrr@10_by_length"]
        cells = [f"{by_length[b]['mrr@10']:.4f}" if b in by_length else "-" for b in LENGTH_BUCKETS]
        print(f"{LABELS[name]:<28} " + " ".join(f"{cell:>10}" for cell in cells))
    counts = results["bm25"]["mrr@10_by_length"]
    print(f"{'  queries':<28} " + " ".join(f"{counts.get(b, {}).get('n', 0):>10}" for b in LENGTH_BUCKETS))
    print()
    for name in (*SURFACES, report["best_ours"]):
        delta = report["minus_bm25"][name]
        ahead = delta["mrr@10"] > 0 and delta["recall@5"] > 0
        role = SURFACES.get(name, "best of ours")
        print(f"{role + ' (' + name + ')':<28} {'ahead of' if ahead else 'NOT ahead of'} the baseline: "
              f"Recall@5 {delta['recall@5']:+.4f}, MRR@10 {delta['mrr@10']:+.4f}, Success@5 {delta['success@5']:+.4f}")


def _fingerprints() -> dict[str, str]:
    """Short hashes of the search code measured (the backends change while they are tuned)."""
    files = [ROOT / "search" / "analysis.py", *sorted((ROOT / "search" / "backends").glob("*.py"))]
    return {str(path.relative_to(ROOT)): hashlib.sha256(path.read_bytes()).hexdigest()[:12] for path in files}


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)



if __name__ == "__main__":
    sys.exit(main())
