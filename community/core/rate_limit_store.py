"""Rate-limit counters every worker of one machine shares, without a server: a SQLite file.

Flask-Limiter keeps its counters through the ``limits`` library, whose storages are in-process
(``memory://``: each gunicorn worker counts alone, so a limit of 10 lets 10 × workers through) or
servers (Redis, Memcached, MongoDB). This storage plugs into ``limits`` under the ``sqlite://``
scheme, so the embedded set-up's limits hold across workers; several web nodes use
``RATELIMIT_STORAGE_URI=redis://…`` instead. Fixed windows only (Flask-Limiter's default strategy).
"""

from __future__ import annotations

import os
import random
import sqlite3
import threading
import time

from limits.storage import Storage

SCHEMA = "CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, count INTEGER NOT NULL, expires REAL NOT NULL)"


class SQLiteStorage(Storage):
    """``sqlite:////absolute/path/ratelimits.sqlite``: one row a key, with its window's end."""

    STORAGE_SCHEME = ["sqlite"]

    def __init__(self, uri: str, wrap_exceptions: bool = False, **options) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        # As SQLAlchemy spells it: sqlite:////absolute/path, sqlite:///relative/path.
        self.path = uri.removeprefix("sqlite:///") or ":memory:"
        self._local = threading.local()

    @property
    def base_exceptions(self) -> type[Exception]:
        return sqlite3.Error

    def _db(self) -> sqlite3.Connection:
        """One connection per thread and process (a forked worker opens its own)."""
        conn = getattr(self._local, "conn", None)
        if conn is None or self._local.pid != os.getpid():
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(SCHEMA)
            self._local.conn, self._local.pid = conn, os.getpid()
        return conn

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        conn = self._db()
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute("SELECT count, expires FROM counters WHERE key = ?", (key,)).fetchone()
            if row is None or row[1] <= now:
                count = amount
                conn.execute(
                    "INSERT OR REPLACE INTO counters (key, count, expires) VALUES (?, ?, ?)", (key, count, now + expiry)
                )
            else:
                count = row[0] + amount
                conn.execute("UPDATE counters SET count = ? WHERE key = ?", (count, key))
            if random.random() < 0.01:
                conn.execute("DELETE FROM counters WHERE expires <= ?", (now,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return count

    def get(self, key: str) -> int:
        row = self._db().execute("SELECT count, expires FROM counters WHERE key = ?", (key,)).fetchone()
        return row[0] if row is not None and row[1] > time.time() else 0

    def get_expiry(self, key: str) -> float:
        row = self._db().execute("SELECT expires FROM counters WHERE key = ?", (key,)).fetchone()
        return row[0] if row is not None else time.time()

    def check(self) -> bool:
        try:
            self._db().execute("SELECT 1")
        except sqlite3.Error:
            return False
        return True

    def reset(self) -> int | None:
        return self._db().execute("DELETE FROM counters").rowcount

    def clear(self, key: str) -> None:
        self._db().execute("DELETE FROM counters WHERE key = ?", (key,))
