"""Question views counted in memory and written in batches, not on every page view."""

from __future__ import annotations

import threading
import time
from collections import Counter

from flask import current_app
from sqlalchemy import update

from community.core.extensions import db
from community.questions.models import Question

_lock = threading.Lock()
_pending: Counter = Counter()
_last_flush = [time.monotonic()]


def record(question_id: int) -> None:
    with _lock:
        _pending[question_id] += 1
        due = time.monotonic() - _last_flush[0] >= current_app.config["VIEW_FLUSH_SECONDS"]
    if due:
        flush()


def flush() -> int:
    """Write the pending counts in one short transaction; returns how many questions changed."""
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _last_flush[0] = time.monotonic()
    if not batch:
        return 0
    with db.engine.begin() as conn:
        for question_id, count in batch.items():
            conn.execute(
                update(Question)
                .where(Question.id == question_id)
                .values(view_count=Question.view_count + count)
                .execution_options(synchronize_session=False)
            )
    return len(batch)
