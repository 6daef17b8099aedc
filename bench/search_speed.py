"""Search benchmark: indexing speed and query latency of each search backend at scale.

The corpus is realistic French help-site text: every article of cdtn-fr-search (service-public.fr
and Ministry of Labour sheets, the Code du travail; the Ministry's question/answer "contributions"
become solved questions) topped up with generated community threads (questions, some solved, and
their answers) to BENCH_DOCS documents. Each backend indexes it in batches, then answers real user
queries from cdtn-fr-search: plain queries, faceted queries (some with a category or solved
filter), suggestions for the first 60 % of each query as typed, single-document updates (the
time from ``search.index([doc])`` until a query for a new word finds the document), then plain
queries again, on the index the small updates left. Every timed query is a different real query,
run once after a short warm-up: the long tail of searches, not a few cached popular ones.

Only the ``search`` package's public interface is called; on PostgreSQL the database is ANALYZEd
after the load, as autovacuum would a minute later. Prints a table with the backends side
by side, then the figures as one JSON object on the last line.

Environment:
  BENCH_DOCS       documents to index (default 100000)
  BENCH_BACKENDS   comma-separated backends to run (default "whoosh,postgres")
  BENCH_QUERIES    timed queries of each kind (default 300)
  BENCH_UPDATES    timed single-document updates (default 20)
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import math
import os
import random
import shutil
import string
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _common import CDTN as DATA  # before the project: puts the repository root on sys.path
from _common import ROOT, BenchError, report, require_cdtn

import search
from community.demo.content import CATEGORIES
from community.demo.threads import generated_thread
from search import Document, Filters
from search.analysis import DEFAULT_SYNONYMS

DOCS = int(os.environ.get("BENCH_DOCS", "100000"))
BACKENDS = [name.strip() for name in os.environ.get("BENCH_BACKENDS", "whoosh,postgres").split(",") if name.strip()]
QUERIES = int(os.environ.get("BENCH_QUERIES", "300"))
UPDATES = int(os.environ.get("BENCH_UPDATES", "20"))
KNOWN_BACKENDS = ("whoosh", "postgres")

SEED = 20240611
BATCH = 500  # documents per index() call while loading
BODY_CHARS = 5_000  # long articles are indexed by their beginning
WARMUP = 40  # untimed queries of each kind before the timed ones
WARMUP_UPDATES = 3
PER_PAGE = 10
SUGGEST_LIMIT = 8
PREFIX_SHARE = 0.6  # suggest sees the first 60 % of a query's characters
SOLVED_SHARE = 0.5  # answered generated questions with an accepted answer
SOLVED_BOOST = 1.5  # as community/search_documents.py gives solved questions
UPDATE_TIMEOUT = 10.0  # seconds an update may take to show before it counts as missed

TARGETS = {"query_p95_ms": 50.0, "faceted_p95_ms": 50.0, "suggest_p95_ms": 25.0, "update_p95_ms": 2000.0}

# cdtn-fr-search sources as categories of the help site.
SOURCE_CATEGORIES = {
    "fiche-service-public": "vos-droits",
    "fiche-ministere-travail": "fiches-travail",
    "contribution": "questions-reponses",
    "code-du-travail": "code-du-travail",
}



def main() -> int:
    require_cdtn("search benchmark")
    unknown = sorted(set(BACKENDS) - set(KNOWN_BACKENDS))
    if unknown or not BACKENDS:
        print(f"BENCH_BACKENDS: unknown {unknown or 'empty list'}; choose among {KNOWN_BACKENDS}", file=sys.stderr)
        return 2
    return report("search", run, print_table)


def run() -> dict:
    sources = _fingerprints()  # before the backends are imported
    documents, corpus = build_corpus(DOCS)
    workload = build_workload(documents)
    search.set_synonym_source(lambda: DEFAULT_SYNONYMS)
    results = {}
    for name in BACKENDS:
        with contextlib.ExitStack() as cleanup:
            _log(f"[{name}] starting")
            backend, after_load = _BACKEND_FACTORIES[name](cleanup)
            search.configure(backend)
            cleanup.callback(search.configure, None)
            results[name] = measure(name, after_load, documents, workload)
    return {
        "bench": "search",
        "docs": len(documents),
        "corpus": corpus,
        "queries": len(workload["plain"]),
        "updates": len(workload["updates"]),
        "batch": BATCH,
        "per_page": PER_PAGE,
        "targets": TARGETS,
        "sources": sources,
        "results": results,
    }


# Corpus ---------------------------------------------------------------------------------------


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        raise BenchError(f"missing {path} (set BENCH_DATA to the cdtn-fr-search folder)")
    with open(path, encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def build_corpus(target: int) -> tuple[list[Document], dict]:
    """cdtn-fr-search articles, then generated threads up to ``target`` documents."""
    _log(f"building a corpus of {target} documents")
    started = time.monotonic()
    rng = random.Random(SEED)
    epoch = datetime(2024, 1, 1, tzinfo=UTC)
    ids = Counter()
    documents: list[Document] = []

    def add(doc: Document) -> bool:
        if len(documents) >= target:
            return False
        documents.append(doc)
        return True

    def next_id(type_: str) -> int:
        ids[type_] += 1
        return ids[type_]

    sources = _read_jsonl(DATA / "documents.jsonl") + _read_jsonl(DATA / "code_du_travail_articles.jsonl")
    for record in sources:
        category = SOURCE_CATEGORIES.get(record["source"], record["source"])
        created = epoch - timedelta(days=rng.randrange(1500))
        body = record.get("text") or ""
        if record["source"] == "contribution":
            # A user's question with the Ministry's generic answer, accepted.
            question_id, answer_id = next_id("question"), next_id("answer")
            url = f"/questions/{question_id}"
            add(Document(type="question", id=question_id, title=record["title"], body=record["title"], url=url,
                         category=category, status="solved", solved=True, accepted_answer=body[:BODY_CHARS],
                         boost=SOLVED_BOOST, created_at=created))
            add(Document(type="answer", id=answer_id, title=record["title"], body=body[:BODY_CHARS],
                         url=f"{url}#answer-{answer_id}", category=category, parent_id=question_id, solved=True,
                         created_at=created))
        else:
            article_id = next_id("article")
            add(Document(type="article", id=article_id, title=record["title"], body=body[:BODY_CHARS],
                         url=f"/articles/{article_id}", category=category, status="published",
                         created_at=created))
    categories = [category["slug"] for category in CATEGORIES]
    while len(documents) < target:
        thread = generated_thread(rng, categories)
        question_id = next_id("question")
        url = f"/questions/{question_id}"
        created = epoch + timedelta(minutes=rng.randrange(60 * 24 * 365))
        answers = thread["answers"]
        answer_ids = [next_id("answer") for _ in answers]
        solved = bool(answers) and rng.random() < SOLVED_SHARE
        add(Document(type="question", id=question_id, title=thread["title"], body=thread["body"], url=url,
                     tags=thread["tags"], category=thread["category"], language=thread["language"],
                     status="solved" if solved else ("answered" if answers else "open"), solved=solved,
                     accepted_answer=answers[0]["body"] if solved else "",
                     boost=SOLVED_BOOST if solved else 1.0, created_at=created))
        for position, (answer, answer_id) in enumerate(zip(answers, answer_ids, strict=True)):
            add(Document(type="answer", id=answer_id, title=thread["title"], body=answer["body"],
                         url=f"{url}#answer-{answer_id}", category=thread["category"], parent_id=question_id,
                         language=thread["language"], solved=solved and position == 0,
                         created_at=created + timedelta(hours=position + 1)))
    corpus = {
        "types": dict(Counter(doc.type for doc in documents)),
        "solved_questions": sum(doc.type == "question" and doc.solved for doc in documents),
        "categories": len({doc.category for doc in documents}),
        "text_chars": sum(len(doc.title) + len(doc.body) + len(doc.accepted_answer) for doc in documents),
        "body_chars_cap": BODY_CHARS,
    }
    _log(f"built {len(documents)} documents in {time.monotonic() - started:.1f} s: {corpus['types']}")
    return documents, corpus


def build_workload(documents: list[Document]) -> dict:
    """Distinct real queries, drawn at random from all of queries.jsonl, for each kind; update targets.

    Plain queries, faceted queries, suggestions and the plain queries after the updates each get
    their own queries, so none finds the caches warmed by the same text earlier.
    """
    rng = random.Random(SEED + 1)
    texts = list(dict.fromkeys(record["text"].strip() for record in _read_jsonl(DATA / "queries.jsonl")))
    texts = [text for text in texts if text]
    per_kind = WARMUP + QUERIES
    if len(texts) < 3 * per_kind + QUERIES:
        raise BenchError(f"queries.jsonl has {len(texts)} distinct queries, {3 * per_kind + QUERIES} needed "
                         f"(lower BENCH_QUERIES)")
    chosen = rng.sample(texts, 3 * per_kind + QUERIES)
    plain, faceted, typed = (chosen[i * per_kind:(i + 1) * per_kind] for i in range(3))
    later = chosen[3 * per_kind:]
    categories = sorted({doc.category for doc in documents if doc.category})

    def filters(position: int) -> Filters:
        # A third unfiltered, a third in one category, a third solved questions only.
        if position % 3 == 1:
            return Filters(category=rng.choice(categories))
        if position % 3 == 2:
            return Filters(solved=True)
        return Filters()

    faceted = [(text, filters(i)) for i, text in enumerate(faceted)]
    prefixes = [text[: max(1, math.ceil(len(text) * PREFIX_SHARE))] for text in typed]
    questions = [doc for doc in documents if doc.type == "question"]
    targets = rng.sample(questions, min(len(questions), WARMUP_UPDATES + UPDATES))
    return {
        "warmup_plain": plain[:WARMUP],
        "warmup_faceted": faceted[:WARMUP],
        "warmup_prefixes": prefixes[:WARMUP],
        "plain": plain[WARMUP:],
        "faceted": faceted[WARMUP:],
        "prefixes": prefixes[WARMUP:],
        "later": later,
        "warmup_updates": targets[:WARMUP_UPDATES],
        "updates": targets[WARMUP_UPDATES:],
    }


# Backends -------------------------------------------------------------------------------------


def _whoosh(cleanup: contextlib.ExitStack):
    from search.backends.whoosh import WhooshBackend

    folder = tempfile.mkdtemp(prefix="entraide-bench-whoosh-")
    cleanup.callback(shutil.rmtree, folder, ignore_errors=True)
    backend = WhooshBackend(os.path.join(folder, "index"))
    backend.create()
    return backend, None


def _postgres(cleanup: contextlib.ExitStack):
    from sqlalchemy import create_engine, text

    from search.backends.postgres import PostgresBackend

    pgserver = _load_pgserver()
    _log("[postgres] starting a throwaway PostgreSQL server")
    try:
        server = pgserver.start_postgres(Path(tempfile.gettempdir()))
    except RuntimeError as error:
        raise BenchError(f"cannot start PostgreSQL: {error}") from error
    cleanup.callback(server.stop)
    engine = create_engine(server.url, pool_pre_ping=False)
    cleanup.callback(engine.dispose)
    backend = PostgresBackend(engine)
    backend.create()

    def analyze() -> None:
        # What autovacuum does a minute after a bulk load (and operators do at once): without
        # statistics the planner guesses, and the first minute of queries would measure that.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))

    return backend, analyze


def _load_pgserver():
    spec = importlib.util.spec_from_file_location("entraide_bench_pgserver", ROOT / "tests" / "pgserver.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Each factory returns the backend, created empty, and what to run once it is loaded (or None).
_BACKEND_FACTORIES = {"whoosh": _whoosh, "postgres": _postgres}


# Measuring ------------------------------------------------------------------------------------


def measure(name: str, after_load: Callable[[], None] | None, documents: list[Document], workload: dict) -> dict:
    load_before = os.getloadavg()[0]
    figures = {"index": index_all(name, documents)}
    if after_load is not None:
        started = time.monotonic()
        after_load()
        figures["index"]["analyze_s"] = round(time.monotonic() - started, 2)
        _log(f"[{name}] ANALYZE after the load: {figures['index']['analyze_s']} s")

    def kinds(prefix: str = "") -> dict[str, tuple[list, Callable[[object], int]]]:
        return {
            "query": (workload[prefix + "plain"],
                      lambda text: search.query(text, Filters(), 1, PER_PAGE, facets=False).total),
            "faceted": (workload[prefix + "faceted"],
                        lambda item: search.query(item[0], item[1], 1, PER_PAGE, facets=True).total),
            "suggest": (workload[prefix + "prefixes"], lambda text: len(search.suggest(text, SUGGEST_LIMIT))),
        }

    _log(f"[{name}] warming up")
    _latencies(kinds("warmup_"))
    _log(f"[{name}] {len(workload['plain'])} plain queries, faceted queries and suggestions, interleaved")
    figures.update(_latencies(kinds()))

    _log(f"[{name}] {len(workload['updates'])} single-document updates")
    words = _unique_words(SEED + KNOWN_BACKENDS.index(name))
    for doc in workload["warmup_updates"]:
        _update(doc, next(words))
    figures["update"] = _update_latencies([_update(doc, next(words)) for doc in workload["updates"]])
    # Each update is a small write: how the plain queries fare once the index has taken them.
    _log(f"[{name}] {len(workload['later'])} other plain queries, after the updates")
    figures["query_after_updates"] = _latencies({"query": (
        workload["later"], lambda text: search.query(text, Filters(), 1, PER_PAGE, facets=False).total)})["query"]
    figures["checks"] = _checks(figures)
    figures["load"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    return figures


def index_all(name: str, documents: list[Document]) -> dict:
    _log(f"[{name}] indexing {len(documents)} documents in batches of {BATCH}")
    started = time.monotonic()
    slowest = 0.0
    next_report = started + 10
    for start in range(0, len(documents), BATCH):
        batch_started = time.monotonic()
        search.index(documents[start:start + BATCH])
        now = time.monotonic()
        slowest = max(slowest, now - batch_started)
        if now >= next_report:
            done = min(start + BATCH, len(documents))
            _log(f"[{name}]   {done} documents, {done / (now - started):.0f}/s")
            next_report = now + 10
    seconds = time.monotonic() - started
    count = len(search.keys())
    if count != len(documents):
        raise BenchError(f"{name}: {count} documents in the index after indexing {len(documents)}")
    _log(f"[{name}] indexed in {seconds:.1f} s ({len(documents) / seconds:.0f} documents/s)")
    return {
        "seconds": round(seconds, 2),
        "docs_per_s": round(len(documents) / seconds, 1),
        "slowest_batch_s": round(slowest, 3),
    }


def _latencies(kinds: dict[str, tuple[list, Callable[[object], int]]]) -> dict[str, dict]:
    """Time each kind's call on its items, the kinds taking turns (so drift affects them alike).

    A call that raises counts as an error, and its time is kept.
    """
    timings: dict[str, list[float]] = {kind: [] for kind in kinds}
    empty = dict.fromkeys(kinds, 0)
    errors = dict.fromkeys(kinds, 0)
    first_error: dict[str, str] = {}
    for position in range(max(len(items) for items, _call in kinds.values())):
        for kind, (items, call) in kinds.items():
            if position >= len(items):
                continue
            item = items[position]
            started = time.perf_counter()
            try:
                found = call(item)
            except Exception as error:  # noqa: BLE001 - reported, and the check fails
                found = 0
                errors[kind] += 1
                first_error.setdefault(kind, f"{item!r}: {type(error).__name__}: {error}")
            timings[kind].append((time.perf_counter() - started) * 1000)
            empty[kind] += not found
    figures = {}
    for kind in kinds:
        figures[kind] = {**_summary(timings[kind]), "n": len(timings[kind]), "zero_hits": empty[kind],
                         "errors": errors[kind]}
        if kind in first_error:
            figures[kind]["first_error"] = first_error[kind]
            _log(f"  {errors[kind]} {kind} calls failed, the first one: {first_error[kind]}")
    return figures


def _unique_words(seed: int) -> Iterator[str]:
    """Made-up words found in no document (and stemmed to themselves by any stemmer)."""
    rng = random.Random(seed)
    consonants = "".join(c for c in string.ascii_lowercase if c not in "aeiouys")
    while True:
        yield "zq" + "".join(rng.choice(consonants) + rng.choice("aiou") for _ in range(4)) + "k"


def _update(doc: Document, word: str) -> dict:
    """Index an edited copy of ``doc`` mentioning ``word``; poll queries until it is found."""
    edited = replace(doc, body=f"{doc.body}\n\nÉdition : {word}.")
    started = time.perf_counter()
    indexed = None
    polls = 0
    found = False
    error = None
    try:
        search.index([edited])
        indexed = time.perf_counter()
        deadline = started + UPDATE_TIMEOUT
        while True:
            polls += 1
            hits = search.query(word, Filters(), 1, PER_PAGE, facets=False).hits
            if any(hit.type == doc.type and hit.id == doc.id for hit in hits):
                found = True
                break
            if time.perf_counter() > deadline:
                break
            time.sleep(0.01)
    except Exception as failure:  # noqa: BLE001 - reported as a missed update
        error = f"{type(failure).__name__}: {failure}"
        _log(f"  update of {doc.key} failed: {error}")
    now = time.perf_counter()
    return {"ms": (now - started) * 1000, "index_ms": ((indexed or now) - started) * 1000, "polls": polls,
            "found": found, "error": error}


def _update_latencies(updates: list[dict]) -> dict:
    found = [u for u in updates if u["found"]]
    return {
        **_summary([u["ms"] for u in updates]),
        "index_call_p50_ms": _summary([u["index_ms"] for u in updates])["p50_ms"],
        "index_call_max_ms": _summary([u["index_ms"] for u in updates])["max_ms"],
        "n": len(updates),
        "missed": len(updates) - len(found),
        "max_polls": max((u["polls"] for u in updates), default=0),
        "errors": sum(bool(u["error"]) for u in updates),
    }


def _summary(values: list[float]) -> dict:
    if not values:
        return {"p50_ms": None, "p95_ms": None, "max_ms": None}
    ordered = sorted(values)
    return {"p50_ms": round(_percentile(ordered, 50), 2), "p95_ms": round(_percentile(ordered, 95), 2),
            "max_ms": round(ordered[-1], 2)}


def _percentile(ordered: list[float], percent: float) -> float:
    """Nearest-rank percentile of sorted values."""
    rank = max(1, math.ceil(percent / 100 * len(ordered)))
    return ordered[rank - 1]


def _checks(figures: dict) -> dict:
    update = figures["update"]
    return {
        "query": figures["query"]["p95_ms"] <= TARGETS["query_p95_ms"] and not figures["query"]["errors"],
        "query_after_updates": figures["query_after_updates"]["p95_ms"] <= TARGETS["query_p95_ms"]
        and not figures["query_after_updates"]["errors"],
        "faceted": figures["faceted"]["p95_ms"] <= TARGETS["faceted_p95_ms"] and not figures["faceted"]["errors"],
        "suggest": figures["suggest"]["p95_ms"] <= TARGETS["suggest_p95_ms"] and not figures["suggest"]["errors"],
        "update": update["p95_ms"] is not None and update["p95_ms"] <= TARGETS["update_p95_ms"]
        and not update["missed"],
    }


def _fingerprints() -> dict[str, str]:
    """Short hashes of the search code measured (the backends change while they are tuned)."""
    files = [ROOT / "search" / "analysis.py", *sorted((ROOT / "search" / "backends").glob("*.py"))]
    return {str(path.relative_to(ROOT)): hashlib.sha256(path.read_bytes()).hexdigest()[:12] for path in files}


# Report ---------------------------------------------------------------------------------------


def print_table(report: dict) -> None:
    results = report["results"]
    names = list(results)
    types = ", ".join(f"{count} {type_}s" for type_, count in sorted(report["corpus"]["types"].items()))
    print(f"search benchmark: {report['docs']} documents ({types}), {report['queries']} queries of each kind, "
          f"{report['updates']} updates")
    width = 24
    print(f"{'':<36} {'target':>12} " + " ".join(f"{name:>{width}}" for name in names))

    def row(label: str, target: str, cell: Callable[[dict], str]) -> None:
        print(f"{label:<36} {target:>12} " + " ".join(f"{cell(results[name]):>{width}}" for name in names))

    def mark(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    row("indexing documents/s (total s)", "",
        lambda r: f"{r['index']['docs_per_s']:.0f} ({r['index']['seconds']:.0f} s)")
    row("slowest batch s", "", lambda r: f"{r['index']['slowest_batch_s']:.2f}")
    row("  then ANALYZE s", "", lambda r: f"{r['index']['analyze_s']:.1f}" if "analyze_s" in r["index"] else "-")
    row("query p50 / p95 ms", "p95 ≤ 50", lambda r: _cell(r["query"], r["checks"]["query"], mark))
    row("  queries without hits", "", lambda r: f"{r['query']['zero_hits']}/{r['query']['n']}")
    row("faceted query p50 / p95 ms", "p95 ≤ 50", lambda r: _cell(r["faceted"], r["checks"]["faceted"], mark))
    row("suggest p50 / p95 ms", "p95 ≤ 25", lambda r: _cell(r["suggest"], r["checks"]["suggest"], mark))
    row("  suggestions without hits", "", lambda r: f"{r['suggest']['zero_hits']}/{r['suggest']['n']}")
    row("update searchable p50 / p95 ms", "p95 ≤ 2000", lambda r: _cell(r["update"], r["checks"]["update"], mark))
    row("  index() call p50 / max ms; missed", "", lambda r: f"{r['update']['index_call_p50_ms']:.1f} / "
        f"{r['update']['index_call_max_ms']:.0f}; {r['update']['missed']}/{r['update']['n']}")
    row("query after the updates p50 / p95 ms", "p95 ≤ 50",
        lambda r: _cell(r["query_after_updates"], r["checks"]["query_after_updates"], mark))
    row("errors (query/faceted/suggest/update)", "", lambda r: "/".join(
        str(r[kind]["errors"]) for kind in ("query", "faceted", "suggest", "update")))
    print("load average (1 min) at start / end of each backend: " + ", ".join(
        f"{name} {results[name]['load'][0]:.1f} / {results[name]['load'][1]:.1f}" for name in names)
        + f" on {os.cpu_count()} cores")


def _cell(figures: dict, ok: bool, mark: Callable[[bool], str]) -> str:
    return f"{figures['p50_ms']:.1f} / {figures['p95_ms']:.1f} {mark(ok)}"


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)



if __name__ == "__main__":
    sys.exit(main())
