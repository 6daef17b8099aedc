"""Cut the small cdtn-fr-search slice the tests use out of the full data set.

    python bench/make_test_slice.py [OUT]      (default OUT: tests/data/cdtn-fr-search)

Reads BENCH_DATA (default ../shared/data/cdtn-fr-search beside the repository). Picks whole
topics at random (fixed seed) until their judged articles reach ARTICLES_JUDGED, then adds random
unjudged articles as distractors up to ARTICLES. Writes the same files and formats as the full
set (documents.jsonl, queries.jsonl, topics.jsonl, qrels.tsv), every row verbatim, so tests read
the slice exactly as benchmarks read the whole. Run again only to change the slice; the licences
and the SOURCE.md note in OUT stay as they are.
"""

from __future__ import annotations

import csv
import json
import random
import sys
from pathlib import Path

from _common import CDTN as DATA
from _common import ROOT, require_cdtn

SEED = 20261205
ARTICLES_JUDGED = 120
ARTICLES = 300


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as file:
        for row in rows:
            file.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(out: Path) -> int:
    require_cdtn("make_test_slice")
    articles = {a["id"]: a for a in _jsonl(DATA / "documents.jsonl") + _jsonl(DATA / "code_du_travail_articles.jsonl")}
    topics = _jsonl(DATA / "topics.jsonl")
    with open(DATA / "qrels.tsv", encoding="utf-8", newline="") as file:
        judgements = list(csv.DictReader(file, delimiter="\t"))

    rng = random.Random(SEED)
    rng.shuffle(topics)
    chosen, judged = [], set()
    for topic in topics:
        cited = {ref["doc_id"] for ref in topic["refs"] if ref["doc_id"] in articles}
        if cited and len(judged | cited) <= ARTICLES_JUDGED:
            chosen.append(topic)
            judged |= cited
    others = sorted(
        doc_id for doc_id, a in articles.items() if doc_id not in judged and a["source"] != "code-du-travail"
    )
    kept = judged | set(rng.sample(others, ARTICLES - len(judged)))

    topic_ids = {topic["topic_id"] for topic in chosen}
    queries = [q for q in _jsonl(DATA / "queries.jsonl") if q["topic_id"] in topic_ids]
    query_ids = {q["query_id"] for q in queries}
    out.mkdir(parents=True, exist_ok=True)
    _write_jsonl(out / "documents.jsonl", [a for doc_id, a in articles.items() if doc_id in kept])
    _write_jsonl(out / "queries.jsonl", queries)
    _write_jsonl(out / "topics.jsonl", [t for t in _jsonl(DATA / "topics.jsonl") if t["topic_id"] in topic_ids])
    with open(out / "qrels.tsv", "w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(judgements[0]), delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(row for row in judgements if row["query_id"] in query_ids)
    print(f"{len(kept)} articles ({len(judged)} judged), {len(chosen)} topics, {len(queries)} queries → {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "data" / "cdtn-fr-search"))
