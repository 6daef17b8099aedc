"""Aggregates benchmark: the leaderboards and the ambassador nomination list at 100,000 questions.

The community is the demo's categories filled with generated threads (``community.demo.loader.generate``:
bulk inserts) and what a living community adds to them, also in bulk: first answers with their
response time (a third within 15 minutes, a long tail of hours and days), the votes behind each
post's score and their ledger rows, an acceptance row per solution, some promotions into the
knowledge base, reversals, and upheld flags. ``users.reputation`` is the ledger's sum.

The SQLite database is built once and kept in BENCH_INSTANCE for later runs; PostgreSQL (a
throwaway server, as the test suite's) gets a copy of its rows through COPY, then ANALYZE. Each
board (week, month, all time; all categories and each category) and the nomination list is then
computed through the code the pages call, timed after one untimed run. Prints a table with the
databases side by side, then the figures as one JSON object on the last line.

Environment:
  BENCH_QUESTIONS   generated questions (default 100000)
  BENCH_DATABASES   comma-separated: sqlite, postgres (default both)
  BENCH_INSTANCE    where the SQLite database is built and reused (default: entraide-bench-aggregates
                    in the temporary folder)
  BENCH_REPEAT      timed runs of each aggregate (default 5)
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from _common import ROOT, BenchError, report  # before the project: puts the repository root on sys.path

QUESTIONS = int(os.environ.get("BENCH_QUESTIONS", "100000"))
DATABASES = [name.strip() for name in os.environ.get("BENCH_DATABASES", "sqlite,postgres").split(",") if name.strip()]
INSTANCE = Path(os.environ.get("BENCH_INSTANCE") or Path(tempfile.gettempdir()) / "entraide-bench-aggregates")
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))
SEED = 20240516
CHUNK = 20_000
PERIODS = ("week", "month", "all")
#: What a page may spend on one aggregate (the median of the runs).
TARGETS = {"leaderboard_ms": 150.0, "nominations_ms": 1000.0}
APP_CONFIG = {
    "SECRET_KEY": "bench",
    "MAIL_POLL_SECONDS": 0,
    "SEARCH_POLL_SECONDS": 0,
    "ESCALATION_SWEEP_SECONDS": 0,
    "BADGE_SWEEP_SECONDS": 0,
    "VIEW_FLUSH_SECONDS": 0,
    "PAGE_CACHE_ENABLED": False,
}


def main() -> int:
    unknown = sorted(set(DATABASES) - {"sqlite", "postgres"})
    if unknown or not DATABASES:
        print(f"BENCH_DATABASES: unknown {unknown or 'empty list'}; choose among sqlite, postgres", file=sys.stderr)
        return 2
    return report("aggregates", run, print_table)


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _app(uri: str):
    from wsgi import create_app

    return create_app({**APP_CONFIG, "INSTANCE_PATH": str(INSTANCE), "SQLALCHEMY_DATABASE_URI": uri})


def run() -> dict:
    sqlite_uri = f"sqlite:///{INSTANCE / 'entraide.db'}"
    dataset = build_sqlite(sqlite_uri)
    results = {}
    for name in DATABASES:
        with contextlib.ExitStack() as cleanup:
            uri = sqlite_uri if name == "sqlite" else postgres_copy(sqlite_uri, cleanup)
            app = _app(uri)
            with app.app_context():
                _log(f"[{name}] timing")
                results[name] = measure()
                from community.core.extensions import db

                db.session.remove()
                db.engine.dispose()
    return {"bench": "aggregates", "dataset": dataset, "repeat": REPEAT, "targets": TARGETS, "results": results}


# The community --------------------------------------------------------------------------------


def _ensure_indexes(uri: str) -> None:
    """A database built by an older version gets the indexes the models name since (then ANALYZE)."""
    from sqlalchemy import text

    from community.core.extensions import db

    app = _app(uri)
    with app.app_context():
        for table in db.metadata.sorted_tables:
            for index in table.indexes:
                index.create(db.engine, checkfirst=True)
        with db.engine.begin() as connection:
            connection.execute(text("ANALYZE"))


def build_sqlite(uri: str) -> dict:
    """The SQLite database with QUESTIONS generated threads, built once (a marker file says it is whole)."""
    marker = INSTANCE / f"built-{QUESTIONS}.json"
    if marker.is_file():
        _log(f"[sqlite] reusing {INSTANCE}")
        _ensure_indexes(uri)
        return json.loads(marker.read_text())
    INSTANCE.mkdir(parents=True, exist_ok=True)
    for leftover in INSTANCE.glob("entraide.db*"):
        leftover.unlink()
    for old in INSTANCE.glob("built-*.json"):
        old.unlink()
    from community.core.extensions import db
    from community.core.permissions import OPERATOR
    from community.demo.content import CATEGORIES
    from community.demo.loader import generate
    from community.taxonomy import operations as taxonomy

    app = _app(uri)
    started = time.monotonic()
    with app.app_context():
        db.create_all()
        for spec in CATEGORIES:  # the demo's categories; its members and threads are not needed
            taxonomy.save_category(
                OPERATOR, spec["slug"], spec["name"], spec.get("description", ""), translations=spec.get("translations")
            )
        db.session.commit()
        _log(f"[sqlite] generating {QUESTIONS} questions")
        generate(QUESTIONS)
        _log("[sqlite] votes, ledger, response times, flags")
        living_community(random.Random(SEED))
        dataset = _counts()
        dataset["build_s"] = round(time.monotonic() - started, 1)
        db.session.remove()
        db.engine.dispose()
    marker.write_text(json.dumps(dataset))
    return dataset


def _counts() -> dict:
    from sqlalchemy import func, select

    from community.core.extensions import db
    from community.members.models import User
    from community.moderation.models import Flag
    from community.questions.models import Answer, Question, Vote
    from community.reputation.models import ReputationEvent

    def count(column, *where) -> int:
        return db.session.scalar(select(func.count(column)).where(*where))

    return {
        "questions": count(Question.id),
        "answers": count(Answer.id),
        "solved": count(Question.id, Question.accepted_answer_id.is_not(None)),
        "first_answers": count(Answer.id, Answer.response_seconds.is_not(None)),
        "votes": count(Vote.id),
        "ledger_rows": count(ReputationEvent.id),
        "members": count(User.id),
        "upheld_flags": count(Flag.id, Flag.outcome == "upheld"),
    }


def _response_seconds(rng: random.Random) -> int:
    """A third within 15 minutes, most within a few hours, a long tail of days."""
    return int(min(rng.lognormvariate(7.6, 1.6), 14 * 86400)) + 30


def living_community(rng: random.Random) -> None:
    """What the generated threads lack, in bulk: first answers' response times, votes and their ledger
    rows, acceptances, promotions, a few reversals and upheld flags."""
    from sqlalchemy import bindparam, func, insert, select, text, update

    from community.core.extensions import db
    from community.members.models import User
    from community.moderation.models import Flag
    from community.questions.models import Answer, Question, Vote
    from community.reputation.models import ReputationEvent

    voters = list(db.session.scalars(select(User.id).where(User.role != "admin")))
    questions = {
        qid: (author, category, created, accepted, score)
        for qid, author, category, created, accepted, score in db.session.execute(
            select(
                Question.id,
                Question.author_id,
                Question.category_id,
                Question.created_at,
                Question.accepted_answer_id,
                Question.score,
            )
        )
    }
    answers = db.session.execute(
        select(Answer.id, Answer.question_id, Answer.author_id, Answer.score, Answer.response_seconds).order_by(
            Answer.question_id, Answer.created_at, Answer.id
        )
    ).all()
    vote_id = db.session.scalar(text("SELECT COALESCE(MAX(id), 0) FROM votes"))
    ledger_id = db.session.scalar(text("SELECT COALESCE(MAX(id), 0) FROM reputation_events"))
    firsts, votes, ledger, flags = [], [], [], []
    seen_question = None

    def cast(author, value, post_type, post_id, category, when, answer_or_none):
        nonlocal vote_id, ledger_id
        for voter in rng.sample(voters, min(abs(value), len(voters))):
            if voter == author:
                continue
            vote_id += 1
            votes.append(
                {
                    "id": vote_id,
                    "user_id": voter,
                    "question_id": None if answer_or_none else post_id,
                    "answer_id": answer_or_none,
                    "value": 1 if value > 0 else -1,
                    "created_at": when,
                }
            )
            if author is None:
                continue
            event = f"{post_type}_{'upvoted' if value > 0 else 'downvoted'}"
            points = {"answer_upvoted": 10, "answer_downvoted": -2, "question_upvoted": 5}.get(event, -2)
            ledger_id += 1
            ledger.append(
                _row(ledger_id, author, event, points, "vote", vote_id, post_type, post_id, category, voter, when)
            )
            if rng.random() < 0.02:  # the vote was withdrawn: its exact reversal
                ledger_id += 1
                reversal = _row(
                    ledger_id,
                    author,
                    event,
                    -points,
                    "vote",
                    vote_id,
                    post_type,
                    post_id,
                    category,
                    voter,
                    when + timedelta(hours=1),
                )
                ledger.append({**reversal, "reverses_id": ledger_id - 1})

    def flush() -> None:
        if firsts:
            answers_table = Answer.__table__
            stmt = (
                update(answers_table)
                .where(answers_table.c.id == bindparam("aid"))
                .values(
                    response_seconds=bindparam("seconds"),
                    created_at=bindparam("created"),
                    updated_at=bindparam("created"),
                )
            )
            db.session.connection().execute(stmt, firsts)
        for model, rows in ((Vote, votes), (ReputationEvent, ledger), (Flag, flags)):
            if rows:
                db.session.execute(insert(model), rows)
        db.session.commit()
        for rows in (firsts, votes, ledger, flags):
            rows.clear()

    for qid, (author, category, created, _accepted, score) in questions.items():
        if score:
            cast(author, score, "question", qid, category, created + timedelta(hours=2), None)
    for answer_id, qid, author, score, seconds in answers:
        q_author, category, created, accepted, _ = questions[qid]
        when = created + timedelta(hours=1)
        if qid != seen_question:
            seen_question = qid
            seconds = seconds if seconds is not None else _response_seconds(rng)
            when = created + timedelta(seconds=seconds)
            firsts.append({"aid": answer_id, "seconds": seconds, "created": when})
        if score:
            cast(author, score, "answer", answer_id, category, when + timedelta(hours=3), answer_id)
        if accepted == answer_id and author is not None and author != q_author:
            ledger_id += 1
            ledger.append(
                _row(
                    ledger_id,
                    author,
                    "answer_accepted",
                    15,
                    "answer",
                    answer_id,
                    "answer",
                    answer_id,
                    category,
                    q_author,
                    when + timedelta(hours=5),
                )
            )
            if rng.random() < 0.03:
                ledger_id += 1
                ledger.append(
                    _row(
                        ledger_id,
                        author,
                        "answer_promoted",
                        20,
                        "article",
                        answer_id,
                        "answer",
                        answer_id,
                        category,
                        None,
                        when + timedelta(days=3),
                    )
                )
        if rng.random() < 0.003 and voters:
            flags.append(
                {
                    "user_id": rng.choice(voters),
                    "target_type": "answer",
                    "target_id": answer_id,
                    "reason": "spam",
                    "note": "",
                    "weight": 1.0,
                    "outcome": "upheld",
                    "created_at": when,
                    "decided_at": when + timedelta(hours=6),
                }
            )
        if len(firsts) + len(ledger) >= CHUNK:
            flush()
    flush()
    total = (
        select(func.coalesce(func.sum(ReputationEvent.points), 0))
        .where(ReputationEvent.user_id == User.id)
        .scalar_subquery()
    )
    db.session.execute(update(User).values(reputation=total))
    db.session.commit()
    if db.engine.dialect.name == "sqlite":
        db.session.execute(text("ANALYZE"))
        db.session.commit()


def _row(row_id, user, event, points, source_type, source_id, post_type, post_id, category, actor, when) -> dict:
    return {
        "id": row_id,
        "user_id": user,
        "event": event,
        "points": points,
        "source_type": source_type,
        "source_id": source_id,
        "post_type": post_type,
        "post_id": post_id,
        "category_id": category,
        "actor_id": actor,
        "reverses_id": None,
        "created_at": when,
    }


# PostgreSQL -----------------------------------------------------------------------------------


def _load_pgserver():
    spec = importlib.util.spec_from_file_location("entraide_bench_pgserver", ROOT / "tests" / "pgserver.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def postgres_copy(sqlite_uri: str, cleanup: contextlib.ExitStack) -> str:
    """A throwaway PostgreSQL server holding the SQLite database's rows (COPY, then ANALYZE)."""
    from sqlalchemy import JSON, Integer, create_engine, select, text

    from community.core.extensions import db

    _log("[postgres] starting a throwaway PostgreSQL server")
    try:
        server = _load_pgserver().start_postgres(Path(tempfile.gettempdir()))
    except RuntimeError as error:
        raise BenchError(f"cannot start PostgreSQL: {error}") from error
    cleanup.callback(server.stop)
    app = _app(server.url)
    with app.app_context():
        db.create_all()
        db.session.remove()
        db.engine.dispose()
    source = create_engine(sqlite_uri)
    target = create_engine(server.url)
    started = time.monotonic()
    try:
        with source.connect() as reader, target.begin() as writer:
            writer.exec_driver_sql("SET session_replication_role = replica")
            cursor = writer.connection.driver_connection.cursor()
            for table in db.metadata.sorted_tables:
                names = [column.name for column in table.columns]
                as_json = [isinstance(column.type, JSON) for column in table.columns]
                columns = ", ".join(f'"{name}"' for name in names)
                result = reader.execution_options(stream_results=True).execute(select(table))
                with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
                    for row in result:
                        copy.write_row(
                            [json.dumps(v) if j and v is not None else v for v, j in zip(row, as_json, strict=True)]
                        )
            for table in db.metadata.sorted_tables:
                keys = list(table.primary_key.columns)
                if len(keys) == 1 and isinstance(keys[0].type, Integer):
                    name = keys[0].name
                    writer.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', '{name}'), "
                            f'COALESCE((SELECT MAX("{name}") FROM "{table.name}"), 0) + 1, false)'
                        )
                    )
        with target.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
    finally:
        source.dispose()
        target.dispose()
    _log(f"[postgres] copied in {time.monotonic() - started:.0f} s")
    return server.url


# Measuring ------------------------------------------------------------------------------------


def _timed(call) -> dict:
    call()  # untimed: the first run warms the caches
    runs = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        call()
        runs.append((time.perf_counter() - started) * 1000)
    return {"median_ms": round(statistics.median(runs), 1), "max_ms": round(max(runs), 1)}


def measure() -> dict:
    from sqlalchemy import select

    from community.core.extensions import db
    from community.reputation import leaderboards, nominations
    from community.taxonomy.models import Category

    categories = list(db.session.scalars(select(Category.id).order_by(Category.id)))
    figures = {"load_start": round(os.getloadavg()[0], 1)}
    for period in PERIODS:
        overall = _timed(lambda period=period: leaderboards.leaderboard(period))
        per_category = [_timed(lambda period=period, c=c: leaderboards.leaderboard(period, c)) for c in categories]
        figures[f"leaderboard_{period}"] = overall
        figures[f"leaderboard_{period}_category"] = {
            "median_ms": round(statistics.median(r["median_ms"] for r in per_category), 1),
            "max_ms": round(max(r["max_ms"] for r in per_category), 1),
            "categories": len(categories),
        }
        figures[f"leaderboard_{period}_rows"] = len(leaderboards.leaderboard(period))
    figures["nominations"] = _timed(nominations.nomination_list)
    figures["nominations_rows"] = len(nominations.nomination_list())
    figures["load_end"] = round(os.getloadavg()[0], 1)
    worst_board = max(figures[f"leaderboard_{p}{suffix}"]["median_ms"] for p in PERIODS for suffix in ("", "_category"))
    figures["checks"] = {
        "leaderboards": worst_board <= TARGETS["leaderboard_ms"],
        "nominations": figures["nominations"]["median_ms"] <= TARGETS["nominations_ms"],
    }
    return figures


# Report ---------------------------------------------------------------------------------------


def print_table(figures: dict) -> None:
    data, results = figures["dataset"], figures["results"]
    names = list(results)
    print(
        f"aggregates benchmark: {data['questions']:,} questions, {data['answers']:,} answers "
        f"({data['solved']:,} solved, {data['first_answers']:,} first answers), {data['votes']:,} votes, "
        f"{data['ledger_rows']:,} ledger rows, {data['members']:,} members; median / max of {figures['repeat']} runs"
    )
    width = 22
    print(f"{'':<40} {'target':>10} " + " ".join(f"{name:>{width}}" for name in names))

    def row(label: str, target: str, cell) -> None:
        print(f"{label:<40} {target:>10} " + " ".join(f"{cell(results[name]):>{width}}" for name in names))

    for period in PERIODS:
        row(
            f"leaderboard {period} ms",
            f"≤ {TARGETS['leaderboard_ms']:.0f}",
            lambda r, p=period: f"{r[f'leaderboard_{p}']['median_ms']:.1f} / {r[f'leaderboard_{p}']['max_ms']:.1f}",
        )
        row(
            "  one category ms (median of cats / max)",
            "",
            lambda r, p=period: (
                f"{r[f'leaderboard_{p}_category']['median_ms']:.1f} / {r[f'leaderboard_{p}_category']['max_ms']:.1f}"
            ),
        )
    row(
        "nomination list ms",
        f"≤ {TARGETS['nominations_ms']:.0f}",
        lambda r: f"{r['nominations']['median_ms']:.1f} / {r['nominations']['max_ms']:.1f}",
    )
    row("  members listed", "", lambda r: str(r["nominations_rows"]))
    row("checks", "", lambda r: " ".join(f"{k}:{'PASS' if ok else 'FAIL'}" for k, ok in r["checks"].items()))
    print(
        "load average (1 min) at start / end: "
        + ", ".join(f"{name} {results[name]['load_start']:.1f} / {results[name]['load_end']:.1f}" for name in names)
        + f" on {os.cpu_count()} cores; SQLite built in {data['build_s']:.0f} s"
    )


if __name__ == "__main__":
    sys.exit(main())
