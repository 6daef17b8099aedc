"""The one indexing path: a durable table of index tasks, drained by one writer at a time.

Tasks are written in the same database transaction as the content they describe, so a change
that is committed is never lost, even when the process that made it dies before indexing.
``drain()`` takes a lock (a file lock for an on-disk index, an advisory lock on PostgreSQL),
reads tasks in order, asks the caller for the current documents and applies them; tasks are
deleted only after the index accepted them, so a crash means the work is simply done again.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Callable, Iterator

from sqlalchemy import Column, DateTime, Engine, Integer, MetaData, String, Table, delete, func, insert, select, text

import search
from search import Document

TABLE = "search_tasks"


def task_table(metadata: MetaData) -> Table:
    """Declare the task table on the application's metadata (so its migrations know it)."""
    return Table(
        TABLE,
        metadata,
        Column("id", Integer, primary_key=True),
        Column("key", String(40), nullable=False),
        Column("created_at", DateTime, server_default=func.current_timestamp(), nullable=False),
    )


def enqueue(connection, table: Table, keys) -> None:
    """Record that the documents ``keys`` must be (re)indexed, in the caller's transaction."""
    rows = [{"key": k} for k in dict.fromkeys(keys)]
    if rows:
        connection.execute(insert(table), rows)


@contextlib.contextmanager
def file_lock(path: str) -> Iterator[bool]:
    """A non-blocking exclusive lock; yields False when another process holds it."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextlib.contextmanager
def advisory_lock(engine: Engine, lock_id: int = 7_214_221) -> Iterator[bool]:
    """PostgreSQL's session advisory lock: one drainer across every web node."""
    with engine.connect() as conn:
        got = conn.execute(text("SELECT pg_try_advisory_lock(:id)"), {"id": lock_id}).scalar()
        try:
            yield bool(got)
        finally:
            if got:
                conn.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": lock_id})
            conn.commit()


def pending(engine: Engine, table: Table) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def drain(engine: Engine, table: Table, load: Callable[[list[str]], dict[str, Document | None]],
          lock, batch: int = 500, max_rounds: int = 1000) -> int | None:
    """Apply queued tasks until the queue is empty; None when another writer holds the lock.

    ``load(keys)`` returns the current document for each key, or None when it must leave the
    index (deleted, hidden, unpublished).
    """
    done = 0
    with lock as acquired:
        if not acquired:
            return None
        for _round in range(max_rounds):
            with engine.connect() as conn:
                rows = conn.execute(select(table.c.id, table.c.key).order_by(table.c.id).limit(batch)).all()
            if not rows:
                break
            keys = list(dict.fromkeys(key for _id, key in rows))
            documents = load(keys)
            present = [doc for doc in (documents.get(k) for k in keys) if doc is not None]
            absent = [k for k in keys if documents.get(k) is None]
            if present:
                search.index(present)
            if absent:
                search.remove(absent)
            ids = [task_id for task_id, _key in rows]
            with engine.begin() as conn:
                conn.execute(delete(table).where(table.c.id.in_(ids)))
            done += len(rows)
    return done
