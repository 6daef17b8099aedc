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
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    delete,
    event,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import get_history

import search
from search import Document

TABLE = "search_tasks"


@dataclass
class Kind:
    """How one model becomes documents: which keys a changed object touches and how to load them.

    A package registers its kinds at its own ``init_app``; ``load(session, ids)`` returns the
    current document of each id, or None when it must leave the index (hidden, unpublished).
    """

    model: type
    fields: tuple[str, ...]
    keys_for: Callable[[object], list[str]]
    load: Callable[[Session, list[int]], dict[int, Document | None]]
    all_ids: Callable[[Session], Iterator[list[int]]]
    type: str


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    """Index objects of ``kind.model``; registering the same type again replaces it."""
    KINDS[kind.type] = kind


def ids_in_batches(model, session: Session, size: int = 1000) -> Iterator[list[int]]:
    """Every id of ``model``, a batch at a time (for ``Kind.all_ids``)."""
    last = 0
    while True:
        batch = list(session.scalars(select(model.id).where(model.id > last).order_by(model.id).limit(size)))
        if not batch:
            return
        yield batch
        last = batch[-1]


def load_documents(session: Session, keys: list[str]) -> dict[str, Document | None]:
    """The current document for each key (None: must leave the index)."""
    by_type: dict[str, list[int]] = {}
    for key in keys:
        type_, _sep, id_ = key.partition(":")
        if type_ in KINDS and id_.isdigit():
            by_type.setdefault(type_, []).append(int(id_))
    out: dict[str, Document | None] = {k: None for k in keys}
    for type_, ids in by_type.items():
        for id_, doc in KINDS[type_].load(session, ids).items():
            out[f"{type_}:{id_}"] = doc
    return out


def all_documents(session: Session) -> Iterator[list[Document]]:
    """Every document that belongs in the index, in batches (for reindex and check)."""
    for kind in KINDS.values():
        for ids in kind.all_ids(session):
            docs = [doc for doc in kind.load(session, ids).values() if doc is not None]
            if docs:
                yield docs
            session.expunge_all()


def _changed(obj, kind: Kind) -> bool:
    return any(get_history(obj, name).has_changes() for name in kind.fields)


def watch(session, table: Table) -> None:
    """The one session hook: a flush that creates, changes (an indexed field), hides or deletes an
    object of a registered kind writes its index tasks in the same transaction. Idempotent."""
    if not event.contains(session, "after_flush", _queue_changes):
        event.listen(session, "after_flush", _queue_changes)
    _watched["table"] = table


_watched: dict[str, Table] = {}


def _queue_changes(session, flush_context) -> None:
    keys: list[str] = []
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        for kind in KINDS.values():
            if isinstance(obj, kind.model) and (obj in session.new or obj in session.deleted or _changed(obj, kind)):
                keys.extend(kind.keys_for(obj))
    if keys:
        enqueue(session.connection(), _watched["table"], keys)
        session.info["search_tasks"] = True


def task_table(metadata: MetaData) -> Table:
    """Declare the task table on the application's metadata (so its migrations know it); once."""
    if TABLE in metadata.tables:
        return metadata.tables[TABLE]
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
